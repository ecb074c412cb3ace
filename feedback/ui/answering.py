"""The respondent's way through a round: one question per screen, one commit for all of it.

A submission id is made when the first question is shown, so that a retried send is stored once,
and the thank-you shows only after the commit has returned.
"""

from __future__ import annotations

import logging
import time

import streamlit as st

from feedback import changes, i18n, respondent, responses, settings, surveys
from feedback.kiosk import AnswerPace
from feedback.surveys import Survey
from feedback.ui import kiosk, results, widgets
from feedback.ui.page import PageContext

log = logging.getLogger(__name__)


def open_round(ctx: PageContext) -> Survey | None:
    """The open round of the link (`?s=CODE`), or None once a kind page has said why not."""
    try:
        survey = surveys.open_by_code(ctx.db_path, ctx.query("s"))
    except surveys.Unavailable:
        log.exception("the respondent page cannot read round %s", ctx.query("s"))
        widgets.unavailable(ctx.lang)
        return None
    if survey is None:
        widgets.not_found(ctx.lang)
    elif ctx.lang not in survey.languages:  # no subject under another language's labels
        st.query_params["lang"] = respondent.language(survey, ctx.lang)
        st.rerun()
    return survey


def answer(ctx: PageContext, survey: Survey) -> None:
    """Show the round's current step and move through it; store the answer at the end."""
    visit = respondent.Visit.from_link(ctx.query, featherweight=False)
    in_kiosk = visit.channel == "kiosk"
    if in_kiosk:
        kiosk.install(ctx.lang)
    state = _state(survey)
    if state["thanked"]:
        widgets.thank_you(ctx.lang)
        results.last_time(ctx, state["last_time"])
        if in_kiosk:
            kiosk.next_person_soon(ctx.lang)
        return

    steps = survey.steps
    index = min(state["step"], len(steps) - 1)
    step = steps[index]
    heading = respondent.heading(survey, ctx.lang)
    widgets.round_subject(heading, ctx.lang)
    if len(steps) > 1:
        widgets.progress(index, len(steps), ctx.lang)
    key = f"{survey.code}-{state['round']}-{step}"
    with st.form(f"form-{key}", border=False, enter_to_submit=False):
        value = _ask(ctx, survey, visit, state, step, key=f"ask-{key}")
        back, forward = widgets.nav_buttons(
            key=f"nav-{survey.code}", lang=ctx.lang, back=index > 0, last=index == len(steps) - 1
        )
    widgets.round_about(heading, ctx.lang, expanded=visit.preview)  # staff read it at once
    if back or forward:
        _keep(state, step, value)
    if back:
        state["step"] = index - 1
        st.rerun()
    if not forward:
        return
    if value is None and (step == "group" or step.startswith("question-")):
        st.warning(i18n.t("respond.choose_one", ctx.lang))
        return
    if index < len(steps) - 1:
        state["step"] = index + 1
        st.rerun()
    _send(ctx, survey, state, visit=visit)


def _ask(
    ctx: PageContext, survey: Survey, visit: respondent.Visit, state: dict, step: str, *, key: str
):
    if step == "group":
        return widgets.group_question(survey, key=key, lang=ctx.lang, default=state["group"])
    if step == "best":
        return widgets.best_question(survey, key=key, lang=ctx.lang, default=state["choices"])
    if step == "comment":
        return widgets.comment_question(key=key, lang=ctx.lang, default=state["text"])
    number = int(step.split("-")[1])
    group = respondent.group(survey, state["group"])
    label = respondent.question_text(survey, number, group, visit, ctx.lang)
    return widgets.scale_question(
        survey.questions[number],
        key=key,
        label=label,
        lang=ctx.lang,
        default=state["scores"].get(number),
    )


def _keep(state: dict, step: str, value) -> None:
    if step == "group":
        state["group"] = value
    elif step == "best":
        state["choices"] = value
    elif step == "comment":
        state["text"] = value
    elif value is not None:
        state["scores"][int(step.split("-")[1])] = value


def _send(ctx: PageContext, survey: Survey, state: dict, *, visit: respondent.Visit) -> None:
    answer = responses.Answer(
        scores=tuple(state["scores"].get(i) for i in range(len(survey.questions))),
        choices=tuple(state["choices"]),
        text=state["text"],
        group=state["group"],
    )
    in_kiosk = visit.channel == "kiosk"
    sent = respondent.send(
        ctx.db_path,
        survey,
        answer,
        submission_id=state["submission_id"],
        visit=visit,
        flagged=in_kiosk and _pace().too_fast(survey.code, now=time.monotonic()),
    )
    Outcome = respondent.Outcome
    if sent.outcome is Outcome.STORED:
        _reset(survey, thanked=True, last_time=sent.last_time)
        st.rerun()
    if sent.outcome is Outcome.PREVIEW:  # staff saw exactly what a child sees
        _reset(survey, thanked=False)
    (st.info if sent.outcome in (Outcome.PREVIEW, Outcome.CLOSED) else st.error)(
        sent.says(ctx.lang)
    )


def _state(survey: Survey) -> dict:
    key = f"answer:{survey.code}"
    if key not in st.session_state:
        _reset(survey, thanked=False)
    return st.session_state[key]


def _reset(survey: Survey, *, thanked: bool, last_time: changes.Change | None = None) -> None:
    """Forget the answer on screen; a new submission id for whoever answers next."""
    key = f"answer:{survey.code}"
    previous = st.session_state.get(key, {}).get("round", 0)
    st.session_state[key] = {
        "round": previous + 1,  # fresh widget keys, so no earlier choice can reappear
        "step": 0,
        "group": None,
        "scores": {},
        "choices": [],
        "text": "",
        "submission_id": responses.new_submission_id(),
        "thanked": thanked,
        "last_time": last_time,  # what the thank-you tells about the last round
    }


@st.cache_resource(show_spinner=False)
def _pace() -> AnswerPace:
    return AnswerPace(min_interval=settings.kiosk_min_interval())
