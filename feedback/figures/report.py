"""The plan's yearly realisation report to the council, per plan and year, as a PDF a council
secretary attaches (fi or sv) and as an XLSX of the same figures.

A one-page summary first (the actions per status, per main goal what was done and what children
said, the changes made because of feedback, the youth council's evaluation of the actions and
then of its own activity); then per main goal and sub-goal: what was done (each action's
status and note), what children and families said (answers, mean, positive share, a bar with
the figure written beside it — the text alternative), participation, "you said, we did", the
youth council's rating, and the official indicators with their trend; last, how many
safeguarding alerts children's comments raised, per category. Small groups are hidden exactly
as on screen; no comment text is ever printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from feedback import figures, i18n, pdftext, plans
from feedback.figures import Filters, disclosure, exports, measures, own, reach
from feedback.plans import follow_up
from feedback.rounds import alerts, changes, council

MARGIN = 18.0
WIDTH = 210.0 - 2 * MARGIN
INK = (31, 41, 55)
MUTED = (75, 85, 99)
BAR = (29, 78, 216)
BAR_TRACK = (219, 234, 254)
# The statuses' colours in the summary's bars, in the order of follow_up.STATUSES and MISSING;
# the counts are always written beside in words, so colour is never the only telling.
STATUS_COLOURS = {
    "carried-out": (21, 128, 61),
    "continuous": (13, 148, 136),
    "started": (29, 78, 216),
    "changed": (180, 83, 9),
    "not-started": (107, 114, 128),
    "dropped": (185, 28, 28),
    follow_up.MISSING: (229, 231, 235),
}


@dataclass(frozen=True)
class _Year:
    """What the report of a plan's year is made of, read once for the PDF and the workbook."""

    name: str
    language: str
    overview: pd.DataFrame
    process: pd.DataFrame
    indicators: pd.DataFrame
    rolled: dict[str, dict[str, int]]
    kept: dict[str, follow_up.FollowUp]
    actions: dict[str, plans.Action]
    changes: dict[str, list[changes.Change]]
    council: dict[str, tuple[int, float] | None]
    council_self: list[council.SelfScore]


def _year(
    db_path: str | Path,
    plan_id: str,
    *,
    year: int,
    lang: str,
    k: int,
    actors: tuple[str, ...] | None,
) -> _Year:
    summary = next(p for p in plans.list_plans(db_path) if p.id == plan_id)
    chosen = Filters(months=(f"{year}-01", f"{year}-12"), actors=actors)
    actions = {a.id: a for a in plans.list_actions(db_path, plan_id=plan_id, actors=actors)}
    by_action: dict[str, list[changes.Change]] = {}
    for change in changes.for_plan(db_path, plan_id, year=year):
        if change.action_id in actions:
            by_action.setdefault(change.action_id, []).append(change)
    council_years = figures.council_means(db_path, plan_id, k=k)
    return _Year(
        name=i18n.pick(summary.name, lang, original=summary.language)[0],
        language=summary.language,
        overview=figures.goal_overview(db_path, plan_id, k=k, lang=lang, filters=chosen),
        process=measures.sub_goal_measures(db_path, plan_id, chosen, k=k, lang=lang).set_index(
            "sub_goal_id"
        ),
        indicators=measures.indicators(db_path, plan_id, lang=lang),
        rolled={
            r.goal_id: r.counts
            for r in follow_up.rollup(db_path, plan_id, year=year, actors=actors)
        },
        kept=follow_up.of_year(db_path, plan_id, year=year),
        actions=actions,
        changes=by_action,
        council={a: years[year] for a, years in council_years.items() if year in years},
        council_self=council.self_evaluation(db_path, plan_id, year, k=k),
    )


def council_report(
    db_path: str | Path,
    plan_id: str,
    *,
    year: int,
    lang: str,
    k: int,
    actors: tuple[str, ...] | None = None,
) -> bytes:
    """The realisation report of `plan_id` for `year` in `lang` (fi or sv; the council's
    languages), covering all actors or only `actors`: a one-page summary, then per main goal
    and sub-goal what was done, what children said and what the statistics say."""
    data = _year(db_path, plan_id, year=year, lang=lang, k=k, actors=actors)
    overview = data.overview
    pdf = pdftext.document([lang], title=f"{i18n.t('report.title', lang)} {year}: {data.name}")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(auto=True, margin=MARGIN)
    pdf.add_page()

    _text(pdf, i18n.t("report.title", lang) + f" {year}", size=20, style="B")
    _text(pdf, f"{i18n.t('report.realisation_title', lang)} · {data.name}", size=13, style="B")
    _summary(pdf, data, lang=lang, k=k)
    pdf.add_page()
    _text(pdf, i18n.t("report.goals_title", lang), size=16, style="B")
    _text(pdf, i18n.t("report.intro", lang, k=k), size=10, colour=MUTED)
    cells = reach.reach(db_path, plan_id, year=year, k=k, actors=actors)
    if cells:  # whose voice is missing, before what the voices said
        pdf.ln(2)
        _text(pdf, i18n.t("reach.title", lang), size=12, style="B")
        for cell in cells:
            _text(pdf, f"- {reach.line(cell, k, lang)}", size=9)
    for row in overview.itertuples():
        if row.level == "main":
            pdf.ln(4)
            _text(pdf, row.label, size=14, style="B")
            _done(pdf, data.rolled.get(row.id), year, lang)
            _figures(pdf, row, lang)
        elif row.level == "sub":
            pdf.ln(2)
            _text(pdf, row.label, size=12, style="B")
            _done(pdf, data.rolled.get(row.id), year, lang)
            _figures(pdf, row, lang)
            process = data.process
            _process_measures(pdf, process.loc[row.id] if row.id in process.index else None, lang)
            actions = overview[overview["parent"] == row.id]
            if not actions.empty:
                _text(pdf, i18n.t("dashboard.actions_title", lang), size=10, style="B")
                for action in actions.itertuples():
                    _action(pdf, data, action, lang)
            _indicators(pdf, data.indicators[data.indicators["sub_goal_id"] == row.id], lang)
    own_table = own.plan_table(db_path, plan_id, k=k, lang=lang, filters=Filters(actors=actors))
    _own_questions(pdf, own_table, year, lang)
    _alert_counts(pdf, alerts.yearly_counts(db_path, plan_id, year, actors=actors), lang, k)
    return bytes(pdf.output())


def _summary(pdf: FPDF, data: _Year, *, lang: str, k: int) -> None:
    """The first page: the statuses of all actions, and per main goal its statuses and what
    children said; the changes made because of feedback; the youth council's evaluation."""
    pdf.ln(3)
    _text(pdf, i18n.t("report.summary_title", lang), size=16, style="B")
    mains = data.overview[data.overview["level"] == "main"]
    total: dict[str, int] = {}
    for goal_id in mains["id"]:
        for status, n in data.rolled.get(goal_id, {}).items():
            total[status] = total.get(status, 0) + n
    _text(
        pdf,
        i18n.t(
            "report.summary_actions",
            lang,
            total=sum(total.values()),
            counts=follow_up.counts_text(total, lang),
        ),
        size=11,
    )
    _status_bar(pdf, total)
    for row in mains.itertuples():
        pdf.ln(1)
        _text(pdf, row.label, size=11, style="B")
        _text(pdf, follow_up.counts_text(data.rolled.get(row.id, {}), lang) or "–", size=10)
        _status_bar(pdf, data.rolled.get(row.id, {}))
        _figures(pdf, row, lang)
    pdf.ln(2)
    made = sum(len(c) for c in data.changes.values())
    _text(pdf, i18n.t("report.summary_changes", lang, n=made), size=10)
    _text(pdf, i18n.t("report.council_title", lang), size=11, style="B")
    rated = [(a, v) for a, v in data.council.items() if a in data.actions and v is not None]
    if not rated:
        _text(pdf, i18n.t("report.council_none", lang, k=k), size=10, colour=MUTED)
    for action_id, (n, mean) in rated:
        text = _action_text(data.actions[action_id], lang)
        _text(pdf, f"- {text}: {_council_words(n, mean, lang)}", size=9)
    if data.council_self:  # after the actions it rated, the council on its own work
        _text(pdf, i18n.t("report.council_self_title", lang), size=10, style="B")
        for question, words in _self_rows(data, lang, k):
            _text(pdf, f"- {question}: {words}", size=9)


def _status_bar(pdf: FPDF, counts: dict[str, int]) -> None:
    """The actions' statuses as one bar, a part per status in the order of the words above."""
    total = sum(counts.values())
    if not total:
        return
    x, y = MARGIN, pdf.get_y() + 0.5
    for status in (*follow_up.STATUSES, follow_up.MISSING):
        width = 100 * counts.get(status, 0) / total
        if width:
            pdf.set_fill_color(*STATUS_COLOURS[status])
            pdf.rect(x, y, width, 3.5, style="F")
            x += width
    pdf.set_y(y + 5)


def _council_words(n: int, mean: float, lang: str) -> str:
    answers = i18n.t("overview.col.answers", lang).lower()
    return f"{i18n.t('overview.col.mean', lang).lower()} {i18n.decimal(mean, lang)} ({answers} {n})"


def _self_rows(data: _Year, lang: str, k: int) -> list[tuple[str, str]]:
    """The council's self-evaluation as (question, mean and answers, or why not shown)."""
    return [
        (
            i18n.t(f"council.self.{score.question}", lang),
            _council_words(score.n, score.mean, lang)
            if score.mean is not None
            else i18n.t("report.council_self_hidden", lang, k=k),
        )
        for score in data.council_self
    ]


def _action_text(action: plans.Action, lang: str) -> str:
    text = " ".join(i18n.pick(action.text, lang, original=action.language)[0].split())
    return text if len(text) <= 180 else text[:179] + "…"


def _done(pdf: FPDF, counts: dict[str, int] | None, year: int, lang: str) -> None:
    """A goal's actions per status in the year."""
    if counts:
        title = i18n.t("followup.rollup_title", lang, year=year)
        _text(pdf, f"{title}: {follow_up.counts_text(counts, lang)}", size=10)


def _action(pdf: FPDF, data: _Year, row, lang: str) -> None:
    """An action: its text; its status, what it became or why dropped, its progress and note;
    what children said; the youth council's rating; what was changed because of feedback."""
    action = data.actions.get(row.id)
    if action is None:
        return
    answers = i18n.t("overview.col.answers", lang).lower()
    _text(pdf, f"• {_action_text(action, lang)} ({answers}: {row.answers_text})", size=9)
    kept = data.kept.get(row.id)
    status = follow_up.status_words(kept.status if kept else follow_up.MISSING, lang)
    parts = [status + ("" if kept is None or kept.progress is None else f" ({kept.progress} %)")]
    if kept is not None:
        parts += [text for text in (kept.detail, kept.note, kept.evidence) if text]
    _text(pdf, " – ".join(parts), size=9, colour=MUTED, indent=4)
    rating = data.council.get(row.id)
    if rating is not None:
        council = i18n.t("report.council_title", lang)
        _text(pdf, f"{council}: {_council_words(*rating, lang)}", size=9, colour=MUTED, indent=4)
    for change in data.changes.get(row.id, []):
        said = f"{i18n.t('results.you_said', lang)} {change.you_said} "
        _text(pdf, f"{said}{i18n.t('results.so_we', lang)} {change.we_did}", size=9, indent=4)


def realisation_workbook(
    db_path: str | Path,
    plan_id: str,
    *,
    year: int,
    lang: str,
    k: int,
    actors: tuple[str, ...] | None = None,
) -> bytes:
    """The realisation report's figures as an XLSX: goals, actions, indicators, changes, the
    youth council's evaluation of its own activity, and the safeguarding alerts per
    category."""
    data = _year(db_path, plan_id, year=year, lang=lang, k=k, actors=actors)
    overview = data.overview
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    goals = overview[overview["level"] != "action"]
    status_title = i18n.t("followup.rollup_title", lang, year=year)
    goal_sheet = pd.DataFrame(
        {
            t("overview.col.goal"): goals["label"],
            status_title: [
                follow_up.counts_text(data.rolled.get(i, {}), lang) for i in goals["id"]
            ],
            t("overview.col.answers"): goals["answers_text"],
            t("overview.col.mean"): goals["mean_text"],
            t("overview.col.positive"): goals["positive_text"],
        }
    )
    rows = overview[(overview["level"] == "action") & overview["id"].isin(list(data.actions))]
    kept = [data.kept.get(i) for i in rows["id"]]
    action_sheet = pd.DataFrame(
        {
            t("followup.col.action"): [_action_text(data.actions[i], lang) for i in rows["id"]],
            t("followup.col.status"): [
                follow_up.status_words(f.status if f else follow_up.MISSING, lang) for f in kept
            ],
            t("followup.col.detail"): [f.detail if f else "" for f in kept],
            t("followup.col.progress"): [f.progress if f else None for f in kept],
            t("followup.col.note"): [f.note if f else "" for f in kept],
            t("followup.col.evidence"): [f.evidence if f else "" for f in kept],
            t("overview.col.answers"): rows["answers_text"],
            t("report.council_title"): [
                _council_words(*data.council[i], lang) if data.council.get(i) else ""
                for i in rows["id"]
            ],
        }
    )
    indicator_sheet = measures.indicator_frame(
        data.indicators[data.indicators["sub_goal_id"].isin(list(goals["id"]))], lang
    )
    made = [c for found in data.changes.values() for c in found]
    change_sheet = pd.DataFrame(
        {
            t("followup.col.action"): [_action_text(data.actions[c.action_id], lang) for c in made],
            t("results.you_said"): [c.you_said for c in made],
            t("results.so_we"): [c.we_did for c in made],
        }
    )
    council_sheet = pd.DataFrame(
        _self_rows(data, lang, k),
        columns=[t("report.council_self_title"), t("report.col_rating")],
    )
    alert_rows = _alert_rows(alerts.yearly_counts(db_path, plan_id, year, actors=actors), lang, k)
    alert_sheet = pd.DataFrame(alert_rows, columns=[t("report.alerts_title"), t("report.col_n")])
    return exports.to_xlsx(
        {
            t("report.sheet_goals"): goal_sheet,
            t("report.sheet_actions"): action_sheet,
            t("report.sheet_indicators"): indicator_sheet,
            t("report.sheet_changes"): change_sheet,
            t("report.sheet_council"): council_sheet,
            t("report.sheet_alerts"): alert_sheet,
        }
    )


def _own_questions(pdf: FPDF, table: pd.DataFrame, year: int, lang: str) -> None:
    """The own questions of the year's rounds: each choice's answers and share, withheld as on
    the dashboard."""
    table = table[table["year"] == str(year)]
    if table.empty:
        return
    pdf.ln(4)
    _text(pdf, i18n.t("dashboard.own_title", lang), size=14, style="B")
    respondents = i18n.t("dashboard.own_col.respondents", lang).lower()
    for (code, question), rows in table.groupby(["round", "question"], sort=False):
        first = rows.iloc[0]
        rolled = (
            ""
            if pd.isna(first["mean"])
            else f"; {i18n.t('dashboard.own_col.mean', lang).lower()} "
            f"{i18n.decimal(first['mean'], lang, 2)}, "
            f"{i18n.t('dashboard.own_col.positive', lang).lower()} "
            f"{i18n.percent(first['positive_share'], lang)}"
        )
        _text(
            pdf,
            f"{question} ({code}; {respondents}: {first['respondents']}{rolled})",
            size=10,
            style="B",
        )
        for row in rows.itertuples():
            if not row.choice:
                continue
            shown = (
                "–"
                if pd.isna(row.answers)
                else f"{int(row.answers)} ({i18n.percent(row.share, lang)})"
            )
            _text(pdf, f"• {row.choice}: {shown}", size=9)


def _alert_rows(counts: dict, lang: str, k: int) -> list[tuple[str, str]]:
    """The year's safeguarding alerts per category, as printed: a count under k is "< k", as
    any figure (the report is public, and a handful of alerts of one kind could point at a
    child)."""
    return [
        (
            i18n.t(f"alert.category.{category}", lang),
            f"< {k}" if disclosure.withheld(n, n if n >= k else 0) else str(n),
        )
        for category, n in counts.items()
    ]


def _alert_counts(pdf: FPDF, counts: dict, lang: str, k: int) -> None:
    pdf.ln(4)
    _text(pdf, i18n.t("report.alerts_title", lang), size=12, style="B")
    _text(pdf, i18n.t("report.alerts_note", lang, k=k), size=9, colour=MUTED)
    for category, shown in _alert_rows(counts, lang, k):
        _text(pdf, f"• {category}: {shown}", size=9)


def _text(
    pdf: FPDF, text: str, *, size: float, style: str = "", colour=INK, indent: float = 0.0
) -> None:
    pdf.set_font(pdftext.FONT, style, size)
    pdf.set_text_color(*colour)
    pdf.set_x(MARGIN + indent)
    pdf.multi_cell(
        WIDTH - indent,
        size * 0.5,
        pdftext.printable(text),
        align="L",  # ragged right: justified, a long name spreads into gaps
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )


def _figures(pdf: FPDF, row, lang: str) -> None:
    """Answers, mean and positive share in words, with a bar of the positive share."""
    if row.hidden:
        words = i18n.t("report.hidden", lang, answers=row.answers_text)
    elif not row.answers:
        words = i18n.t("report.no_answers", lang)
    else:
        words = i18n.t(
            "report.figures",
            lang,
            answers=row.answers_text,
            mean=row.mean_text,
            positive=row.positive_text,
        )
    _text(pdf, words, size=10)
    if not row.hidden and row.answers and row.positive_share is not None:
        y = pdf.get_y() + 0.5
        pdf.set_fill_color(*BAR_TRACK)
        pdf.rect(MARGIN, y, 100, 3.5, style="F")
        pdf.set_fill_color(*BAR)
        pdf.rect(MARGIN, y, 100 * row.positive_share, 3.5, style="F")
        pdf.set_y(y + 5)


def _process_measures(pdf: FPDF, sub_goal, lang: str) -> None:
    if sub_goal is None:
        return
    parts = [i18n.t("report.rounds", lang, n=sub_goal["rounds"])]
    if sub_goal["nps_text"]:
        parts.append(f"{i18n.t('dashboard.col.nps', lang)}: {sub_goal['nps_text']}")
    if not pd.isna(sub_goal["participants"]):
        parts.append(
            i18n.t(
                "report.participation",
                lang,
                participants=int(sub_goal["participants"]),
                visits=int(sub_goal["visits"]),
            )
        )
    _text(pdf, " · ".join(parts), size=9, colour=MUTED)


def _indicators(pdf: FPDF, rows, lang: str) -> None:
    if rows.empty:
        return
    _text(pdf, i18n.t("dashboard.indicators_title", lang), size=10, style="B")
    for row in rows.itertuples():
        national = ""
        if not pd.isna(row.national):
            whole_country = i18n.t("dashboard.col.national", lang).lower()
            national = f" / {whole_country} {i18n.decimal(row.national, lang, row.decimals)}"
        colour = measures.colour_word(row.colour, lang)
        trend = measures.trend_text(row.change, row.trend, lang)
        since = f"; {i18n.t('dashboard.col.trend', lang).lower()} {trend}" if trend else ""
        _text(
            pdf,
            f"- {row.indicator}, {row.year}, {measures.group_text(row.group, row.area, lang)}: "
            f"{i18n.decimal(row.value, lang, row.decimals)}"
            f"{national} ({colour}{since})",
            size=9,
        )
    _text(pdf, i18n.t("dashboard.indicator_years", lang), size=9, style="B")
    for line in measures.indicator_years(rows, lang):
        _text(pdf, line, size=9)
