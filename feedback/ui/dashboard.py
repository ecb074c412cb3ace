"""The staff dashboard's parts: filters, the goal table with actions, and the side figures."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from feedback import figures, i18n, plaintext, rounds
from feedback.figures import charts, exports, measures, own, reach, report
from feedback.plans import follow_up
from feedback.rounds import answers, questions
from feedback.staff import auth
from feedback.ui import widgets
from feedback.ui.escaping import plain
from feedback.ui.page import PageContext


def filters(ctx: PageContext, plan) -> figures.Filters:
    """Period, actors (within the user's scope), groups and channels; empty means all. Each
    choice is in the link (`?period=2025-01,2025-06&groups=…`), so a view can be shared."""
    lang = ctx.lang
    months = figures.months_with_answers(ctx.db_path, plan.id)
    actors = [
        (ident, name)
        for ident, name in figures.plan_actors(ctx.db_path, plan.id)
        if ctx.scope is None or ident in ctx.scope
    ]
    names = dict(actors)
    # Keys per plan: another plan has other actors and months.
    keys = {name: f"{name}-{plan.id}" for name in ("period", "actors", "groups", "channels")}
    options = {
        "actors": list(names),
        "groups": list(questions.AUDIENCES),
        "channels": list(answers.CHANNELS),
    }
    for name, choices in options.items():
        widgets.from_link(ctx, keys[name], name, choices, many=True)
    if len(months) > 1:
        widgets.from_link(ctx, keys["period"], "period", months, many=True)
        if len(st.session_state.get(keys["period"]) or ()) != 2:
            st.session_state[keys["period"]] = (months[0], months[-1])
    # The widgets are drawn only while the filters are open (most views need none), and keep
    # their values while closed (persist_state), so the figures below follow them either way.
    # The label stays the same: the browser closes an expander whose label changes.
    with st.expander(
        i18n.t("dashboard.filters", lang), key=f"filters-{plan.id}", on_change="rerun"
    ) as box:
        if box.open:
            if len(months) > 1:
                st.select_slider(
                    i18n.t("dashboard.period", lang),
                    options=months,
                    key=keys["period"],
                    persist_state="session",
                )
            st.multiselect(
                i18n.t("dashboard.actors", lang),
                options["actors"],
                format_func=lambda a: i18n.pick(names[a], lang, original=plan.language)[0],
                placeholder=i18n.t("dashboard.all", lang),
                key=keys["actors"],
                persist_state="session",
            )
            st.multiselect(
                i18n.t("dashboard.groups", lang),
                options["groups"],
                format_func=lambda g: i18n.t(f"group.{g}", lang),
                placeholder=i18n.t("dashboard.all", lang),
                key=keys["groups"],
                persist_state="session",
            )
            st.multiselect(
                i18n.t("dashboard.channels", lang),
                options["channels"],
                placeholder=i18n.t("dashboard.all", lang),
                key=keys["channels"],
                persist_state="session",
            )
    period = st.session_state.get(keys["period"]) if len(months) > 1 else None
    chosen_actors = list(st.session_state.get(keys["actors"]) or [])
    groups = list(st.session_state.get(keys["groups"]) or [])
    channels = list(st.session_state.get(keys["channels"]) or [])
    # The whole range is no filter: the unfiltered figures read the smaller month-free tables.
    whole = period is None or tuple(period) == (months[0], months[-1])
    chosen = sum(bool(values) for values in (chosen_actors, groups, channels)) + (not whole)
    if chosen and not box.open:  # closed, the filters still narrow what is shown: say so
        st.caption(i18n.t("dashboard.filters_chosen", lang, n=chosen))
    widgets.link(
        period=None if whole else list(period),
        actors=chosen_actors,
        groups=groups,
        channels=channels,
    )
    scope = tuple(chosen_actors) if chosen_actors else ctx.scope
    return figures.Filters(
        months=None if whole else tuple(period),
        actors=scope,
        groups=tuple(groups) or None,
        channels=tuple(channels) or None,
    )


#: The dashboard's sections, each drawn only when open (the first when none is chosen): the
#: page then draws one chart and a table at first instead of four charts and five tables.
SECTIONS = ("goals", "sub_goals", "time", "questions", "files")


def sections(ctx: PageContext) -> str:
    """The dashboard's sections as tabs; returns the open one, which is in the link
    (`?section=time`) unless it is the first."""
    labels = {name: i18n.t(f"overview.section.{name}", ctx.lang) for name in SECTIONS}
    if st.session_state.get(_SECTION) not in labels.values():  # new, or in another language
        asked = ctx.query("section")
        st.session_state[_SECTION] = labels.get(asked or "", labels[SECTIONS[0]])
    tabs = st.tabs(list(labels.values()), key=_SECTION, on_change="rerun")
    open_ = next((name for name, tab in zip(SECTIONS, tabs, strict=True) if tab.open), SECTIONS[0])
    widgets.link(section=None if open_ == SECTIONS[0] else open_)
    return open_


_SECTION = "section"


def sub_goal_details(
    ctx: PageContext, plan_id: str, overview: pd.DataFrame, chosen: figures.Filters, *, k: int
) -> None:
    """Per sub-goal the shares of each answer and the feedback-process measures; then one
    chosen sub-goal's actions and official indicators."""
    lang = ctx.lang
    if not (overview["level"] == "sub").any():
        st.info(i18n.t("dashboard.no_sub_goals", lang))  # a partial plan, sub-goals to come
        return
    widgets.chart(
        charts.distribution,
        overview[overview["level"] != "action"],
        lang=lang,
        alt_text=i18n.t("dashboard.distribution_alt", lang),
        empty_text=i18n.t("dashboard.nothing", lang),
    )
    process = measures.sub_goal_measures(ctx.db_path, plan_id, chosen, k=k, lang=lang)
    st.subheader(i18n.t("dashboard.measures_title", lang), anchor=False)
    labels = overview.set_index("id")["label"]
    st.dataframe(
        pd.DataFrame(
            {
                i18n.t("overview.col.goal", lang): [labels[s] for s in process["sub_goal_id"]],
                i18n.t("dashboard.col.rounds", lang): process["rounds"],
                i18n.t("dashboard.col.children", lang): process["children_answers"],
                i18n.t("dashboard.col.nps", lang): process["nps_text"],
                i18n.t("dashboard.col.participants", lang): process["participants"],
                i18n.t("dashboard.col.visits", lang): process["visits"],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    _reach(ctx, plan_id, chosen, k=k)
    _one_sub_goal(ctx, plan_id, overview)


def _reach(ctx: PageContext, plan_id: str, chosen: figures.Filters, *, k: int) -> None:
    """Answers per 1,000 children per area and age band, in the chosen period's last year (the
    latest year with answers when the period is not chosen)."""
    lang = ctx.lang
    months = chosen.months or figures.months_with_answers(ctx.db_path, plan_id)
    year = int(months[-1][:4]) if months else date.today().year
    cells = reach.reach(ctx.db_path, plan_id, year=year, k=k, actors=chosen.actors)
    st.subheader(i18n.t("reach.title", lang), anchor=False)
    if not cells:
        st.caption(i18n.t("reach.none", lang))
        return
    st.caption(i18n.t("reach.help", lang, year=year, k=k))
    st.dataframe(
        pd.DataFrame(
            {
                # The rate first: on a phone the columns after it are scrolled to.
                i18n.t("reach.col.area", lang): [reach.area_text(c.area, lang) for c in cells],
                i18n.t("reach.col.band", lang): [reach.band_text(c.band, lang) for c in cells],
                i18n.t("reach.col.rate", lang): [reach.rate_text(c, lang) for c in cells],
                i18n.t("reach.col.answers", lang): [reach.answers_text(c, k) for c in cells],
                i18n.t("reach.col.children", lang): [
                    f"{c.children} ({c.population_year})" for c in cells
                ],
            }
        ),
        hide_index=True,
        width="stretch",
    )


@st.fragment
def _one_sub_goal(ctx: PageContext, plan_id: str, overview: pd.DataFrame) -> None:
    """The chosen sub-goal's actions with their figures and its official indicators. A
    fragment: choosing another sub-goal redraws only this, and one table each instead of a
    table per sub-goal keeps the page's cost flat as plans grow."""
    lang = ctx.lang
    subs = overview[overview["level"] == "sub"].set_index("id")
    st.subheader(i18n.t("dashboard.sub_goal_title", lang), anchor=False)
    key = f"sub-goal-{plan_id}"
    widgets.from_link(ctx, key, "sub_goal", list(subs.index), many=False)
    sub_id = st.selectbox(
        i18n.t("dashboard.sub_goal", lang),
        list(subs.index),
        format_func=lambda s: f"{subs.at[s, 'label']} · {subs.at[s, 'answers_text']}",
        key=key,
    )
    widgets.link(sub_goal=sub_id)
    # The children's feedback on the sub-goal's actions, and right under it the official
    # figures on the same sub-goal. One under the other rather than in two columns: in half
    # the width the action table would scroll sideways, which keyboard users cannot reach.
    # What was done, what children said, what the statistics say: one screen, in that order.
    done = what_was_done(ctx, plan_id)
    st.markdown(f"**{i18n.t('dashboard.actions_title', lang)}**")
    st.markdown(plain(f"{done[0]}: {done[1].get(sub_id) or '–'}"))
    widgets.goal_table(overview[overview["parent"] == sub_id], lang, done=done)
    indicator_rows = measures.indicators(ctx.db_path, plan_id, lang=lang)
    own = indicator_rows[indicator_rows["sub_goal_id"] == sub_id]
    st.markdown(f"**{i18n.t('dashboard.indicators_title', lang)}**")
    if own.empty:
        st.caption(i18n.t("dashboard.no_indicators", lang))
    else:
        widgets.indicator_table(own, lang)
        st.markdown(f"**{i18n.t('dashboard.indicator_years', lang)}**")
        for line in measures.indicator_years(own, lang):
            st.markdown(plain(line))


def own_questions(ctx: PageContext, plan_id: str, chosen: figures.Filters, *, k: int) -> None:
    """The rounds' own questions within the filters: one round's (newest first to choose from)
    each choice's answers and share (a scale's mean and positive share), then one bank question
    compared across the rounds and years that asked it (small groups withheld). All rounds at
    once are in the files (`downloads`)."""
    lang = ctx.lang
    asked = own.rounds_asking(ctx.db_path, plan_id=plan_id, actors=chosen.actors)
    if not asked:
        st.info(i18n.t("dashboard.own_none", lang))
        return
    st.subheader(i18n.t("dashboard.own_title", lang), anchor=False)
    round_ = st.selectbox(
        i18n.t("dashboard.own_round", lang),
        asked[::-1],
        format_func=lambda r: _round_label(r, lang),
        key=f"own-round-{plan_id}",
    )
    table = own.round_table(ctx.db_path, round_, k=k, lang=lang, filters=chosen)
    st.dataframe(_own_frame(table, lang), hide_index=True, width="stretch")
    st.caption(i18n.t("dashboard.own_note", lang, k=k))
    questions = {q.bank_id: q.text(lang) for r in asked for q in r.own_questions if q.answered}
    bank_id = st.selectbox(
        i18n.t("dashboard.own_bank", lang),
        list(questions),
        format_func=questions.get,
        key=f"own-bank-{plan_id}",
    )
    across = own.bank_table(ctx.db_path, bank_id, k=k, lang=lang, filters=chosen)
    st.dataframe(_own_frame(across, lang), hide_index=True, width="stretch")


def _round_label(round_: rounds.Round, lang: str) -> str:
    """A round as its code, the day it opened and its action's words (or its title)."""
    action = round_.title or i18n.pick(round_.action_text, lang, original=round_.plan_language)[0]
    opened = str(round_.opens_on or round_.created_on[:10])
    return plaintext.one_line(f"{round_.code} · {opened} · {action}")


def _own_frame(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """An own-question table with its columns named in `lang`; withheld figures as "–"."""
    return pd.DataFrame(
        {
            i18n.t("dashboard.own_col.round", lang): table["round"],
            i18n.t("dashboard.own_col.year", lang): table["year"],
            i18n.t("dashboard.own_col.question", lang): table["question"],
            i18n.t("dashboard.own_col.choice", lang): table["choice"],
            i18n.t("dashboard.own_col.respondents", lang): table["respondents"],
            i18n.t("overview.col.answers", lang): [
                "–" if pd.isna(n) else str(int(n)) for n in table["answers"]
            ],
            i18n.t("dashboard.own_col.share", lang): [
                "–" if pd.isna(s) else i18n.percent(s, lang) for s in table["share"]
            ],
            i18n.t("dashboard.own_col.mean", lang): [
                "" if pd.isna(m) else i18n.decimal(m, lang, 2) for m in table["mean"]
            ],
            i18n.t("dashboard.own_col.positive", lang): [
                "" if pd.isna(s) else i18n.percent(s, lang) for s in table["positive_share"]
            ],
        }
    )


def downloads(
    ctx: PageContext, plan_id: str, overview: pd.DataFrame, chosen: figures.Filters, *, k: int
) -> None:
    """The figures on screen and the anonymous answers, as CSV and Excel."""
    lang = ctx.lang
    summary = pd.DataFrame(
        {
            i18n.t("overview.col.goal", lang): overview["label"],
            "level": overview["level"],
            i18n.t("overview.col.answers", lang): overview["answers_text"],
            i18n.t("overview.col.mean", lang): _numbers(overview["mean"], 2),
            i18n.t("overview.col.positive", lang): _numbers(overview["positive_share"], 3),
        }
    )

    def answer_rows():
        return exports.answers(ctx.db_path, plan_id, filters=chosen, k=k, user=ctx.user)

    st.subheader(i18n.t("export.title", lang), anchor=False)
    st.caption(i18n.t("export.note", lang, k=k))
    # A row that wraps: in four columns the labels would be cut short beside the sidebar.
    row = st.container(horizontal=True)

    # Files are made only when a button is pressed (Streamlit runs the callable then), so the
    # dashboard itself never pays for them.
    def questions():
        table = own.plan_table(ctx.db_path, plan_id, k=k, lang=lang, filters=chosen)
        return _own_frame(table, lang)

    files = [
        ("export.summary_csv", lambda: exports.to_csv(summary), "csv", "text/csv"),
        (
            "export.summary_xlsx",
            lambda: exports.to_xlsx({"summary": summary, "questions": questions()}),
            "xlsx",
            _XLSX,
        ),
        ("export.questions_csv", lambda: exports.to_csv(questions()), "csv", "text/csv"),
    ]
    # The answer-level files are an admin's alone (the domain refuses anyone else), and each
    # download is recorded.
    if ctx.user is not None and ctx.user.role is auth.Role.ADMIN:
        files += [
            ("export.answers_csv", lambda: exports.to_csv(answer_rows()), "csv", "text/csv"),
            (
                "export.answers_xlsx",
                lambda: exports.to_xlsx({"answers": answer_rows()}),
                "xlsx",
                _XLSX,
            ),
        ]
    for label, data, suffix, mime in files:
        name = f"{plan_id}-{label.split('.')[1].split('_')[0]}.{suffix}"
        row.download_button(i18n.t(label, lang), data, file_name=name, mime=mime, on_click="ignore")


_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _numbers(column: pd.Series, digits: int) -> pd.Series:
    """A figure column as numbers (hidden figures empty), rounded for a spreadsheet."""
    return pd.to_numeric(column).round(digits)


def council_report(ctx: PageContext, plan, *, k: int) -> None:
    """The yearly realisation report to the council as a PDF, in Finnish or Swedish, and its
    figures as an XLSX."""
    lang = ctx.lang
    years = {int(m[:4]) for m in figures.months_with_answers(ctx.db_path, plan.id)}
    years = sorted(years | {follow_up.default_year(ctx.db_path, plan.id)})  # followed up, too
    left, right = st.columns(2)
    year = left.selectbox(i18n.t("report.year", lang), years[::-1])
    language = right.selectbox(
        i18n.t("report.language", lang),
        ["fi", "sv"],
        index=1 if plan.language == "sv" else 0,
        format_func=i18n.LANGUAGE_NAMES.get,
    )
    # Only the admin sees every actor; a staff member's report covers their own actors.
    if ctx.scope is not None:
        st.caption(i18n.t("report.scope_note", lang))
    st.download_button(
        i18n.t("report.download", lang),
        # Made on click only: laying out the PDF takes about a second.
        lambda: report.council_report(
            ctx.db_path, plan.id, year=year, lang=language, k=k, actors=ctx.scope
        ),
        file_name=f"{plan.id}-{year}-{language}.pdf",
        mime="application/pdf",
        on_click="ignore",
    )
    st.download_button(
        i18n.t("report.download_xlsx", lang),
        lambda: report.realisation_workbook(
            ctx.db_path, plan.id, year=year, lang=language, k=k, actors=ctx.scope
        ),
        file_name=f"{plan.id}-{year}-{language}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
    )


def flagged_answers(ctx: PageContext, plan_id: str, chosen: figures.Filters, *, k: int) -> None:
    """How many answers were left out as possible misuse, and where, for review (small groups
    hidden as everywhere)."""
    rows = measures.flagged(ctx.db_path, plan_id, chosen, k=k)
    if rows.empty:
        return
    lang = ctx.lang
    shown = int(rows["answers"].sum())
    label = i18n.t("dashboard.flagged", lang, n=shown if shown else f"< {k}")
    # Its table is drawn only while it is open: hundreds of rounds at national scale.
    with st.expander(label, key="flagged", on_change="rerun") as details:
        if details.open:
            st.dataframe(
                pd.DataFrame(
                    {
                        i18n.t("dashboard.col.round", lang): rows["round"],
                        i18n.t("overview.col.action", lang): rows["action"],
                        i18n.t("overview.col.answers", lang): rows["answers_text"],
                    }
                ),
                hide_index=True,
            )


def what_was_done(ctx: PageContext, plan_id: str) -> tuple[str, dict[str, str]]:
    """What the goal tables say was done, per goal and action (the user's own actors'
    actions), in the latest year followed up."""
    year = follow_up.reported_year(ctx.db_path, plan_id)
    texts = follow_up.done_texts(ctx.db_path, plan_id, year=year, lang=ctx.lang, actors=ctx.scope)
    return i18n.t("followup.rollup_title", ctx.lang, year=year), texts
