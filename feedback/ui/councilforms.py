"""The youth council's evaluation form, the year-by-year view, and proposals with answers."""

from __future__ import annotations

import logging
from datetime import date

import pandas as pd
import streamlit as st

from feedback import figures, i18n, plans, settings
from feedback.rounds import council
from feedback.rounds.questions import Question
from feedback.rounds.scales import Scale
from feedback.ui import page, widgets
from feedback.ui.escaping import plain
from feedback.ui.page import PageContext

log = logging.getLogger(__name__)


def evaluation_form(ctx: PageContext, plan_id: str) -> None:
    """Every council round of the plan on one page: a face, a comment and a proposal each."""
    lang = ctx.lang
    year = date.today().year
    if council.has_evaluated(ctx.db_path, ctx.user.username, plan_id, year):
        st.success(i18n.t("council.already", lang, year=year))
        return
    rounds = council.council_rounds(ctx.db_path, plan_id)
    if not rounds:
        st.info(i18n.t("council.none", lang))
        return
    st.write(i18n.t("council.intro", lang, year=year))
    faces = Question("opinion", Scale.FACES5)
    with st.form("council-evaluation"):
        entries = []
        for round_ in rounds:
            with st.container(border=True):
                widgets.action_intro(round_, lang)
                score = widgets.scale_question(
                    faces,
                    key=f"council-{round_.code}",
                    label=i18n.t("question.opinion", lang),
                    lang=lang,
                    default=None,
                )
                comment = st.text_area(
                    i18n.t("council.comment", lang), max_chars=500, key=f"comment-{round_.code}"
                )
                proposal = st.text_area(
                    i18n.t("council.proposal", lang),
                    max_chars=council.MAX_PROPOSAL,
                    key=f"proposal-{round_.code}",
                )
                entries.append((round_.code, score, comment, proposal))
        st.subheader(i18n.t("council.self_title", lang), anchor=False)
        own = {
            question: widgets.scale_question(
                faces,
                key=f"self-{question}",
                label=i18n.t(f"council.self.{question}", lang),
                lang=lang,
                default=None,
            )
            for question in council.SELF_QUESTIONS
        }
        sent = st.form_submit_button(i18n.t("council.submit", lang), type="primary")
    if not sent:
        return
    if any(score is None for _, score, _, _ in entries) or None in own.values():
        st.warning(i18n.t("council.choose_all", lang))
        return
    try:
        council.submit(
            ctx.db_path,
            username=ctx.user.username,
            plan_id=plan_id,
            ratings=[
                council.Rating(code, score, c or "", p or "") for code, score, c, p in entries
            ],
            self_scores=own,
        )
    except council.AlreadyEvaluated:
        st.success(i18n.t("council.already", lang, year=year))
    except Exception:  # the choices stay on screen for another try
        log.exception("could not store the youth council's evaluation of plan %s", plan_id)
        st.error(i18n.t("council.failed", lang))
    else:
        st.success(i18n.t("council.sent", lang))


def years(ctx: PageContext, plan_id: str) -> None:
    """The council's mean per action and year, earlier years beside this one."""
    k = settings.min_group_size()
    means = figures.council_means(ctx.db_path, plan_id, k=k)
    if not means:
        return
    actions = {a.id: a for a in plans.list_actions(ctx.db_path, plan_id=plan_id)}
    all_years = sorted({y for per in means.values() for y in per})
    st.subheader(i18n.t("council.years_title", ctx.lang), anchor=False)
    rows = []
    for action_id, per_year in means.items():
        action = actions.get(action_id)
        text = (
            i18n.pick(action.text, ctx.lang, original=action.language)[0] if action else action_id
        )
        rows.append(
            {
                i18n.t("plans.action", ctx.lang): " ".join(text.split())[:90],
                **{str(y): _mean_text(per_year, y, lang=ctx.lang, k=k) for y in all_years},
            }
        )
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _mean_text(per_year: dict, year: int, *, lang: str, k: int) -> str:
    """A year's mean as shown: empty without answers, "< k" for a withheld small group."""
    if year not in per_year:
        return ""
    figure = per_year[year]
    return f"< {k}" if figure is None else i18n.decimal(figure[1], lang)


def proposals(ctx: PageContext, plan_id: str, *, answering: bool) -> None:
    """The proposals with their status and answer; staff can answer them."""
    found = council.proposals(ctx.db_path, plan_id)
    if ctx.scope is not None:
        actors = {a.id: a.actor_id for a in plans.list_actions(ctx.db_path, plan_id=plan_id)}
        found = [p for p in found if not answering or actors.get(p.action_id) in ctx.scope]
    if not found:
        return
    lang = ctx.lang
    st.subheader(i18n.t("council.proposals_title", lang), anchor=False)
    for proposal in found:
        with st.container(border=True):
            status = i18n.t(f"proposal.status.{proposal.status}", lang)
            st.caption(f"{proposal.action_id} · {proposal.year} · {status}")
            st.text(proposal.text)
            if proposal.answer:
                st.markdown(f"**{i18n.t('proposal.answer', lang)}:** {plain(proposal.answer)}")
            elif not answering:
                st.caption(i18n.t("council.no_answer_yet", lang))
            if answering:
                _answer_form(ctx, proposal)


def _answer_form(ctx: PageContext, proposal: council.Proposal) -> None:
    lang = ctx.lang
    with st.form(f"proposal-{proposal.id}"):
        status = st.selectbox(
            i18n.t("changes.status", lang),
            council.PROPOSAL_STATUSES,
            index=council.PROPOSAL_STATUSES.index(proposal.status),
            format_func=lambda s: i18n.t(f"proposal.status.{s}", lang),
        )
        answer = st.text_area(
            i18n.t("proposal.answer", lang), value=proposal.answer or "", max_chars=500
        )
        sent = st.form_submit_button(i18n.t("proposal.save", lang))
    if sent:
        try:
            with page.within_scope(ctx):
                council.answer_proposal(
                    ctx.db_path, proposal.id, status=status, answer=answer, actors=ctx.scope
                )
        except ValueError:
            st.error(i18n.t("proposal.invalid", lang))
        else:
            st.success(i18n.t("proposal.saved", lang))
