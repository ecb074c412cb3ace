"""The respondent's way through a round: one question per screen (an XLSForm field-list group's
own questions together), one commit for all of it.

A submission id is made when the first question is shown, so that a retried send is stored once,
and the thank-you shows only after the commit has returned.
"""

from __future__ import annotations

import logging

import streamlit as st

from feedback import i18n, rounds
from feedback.rounds import Round, answers, changes, respondent
from feedback.rounds.own_questions import OwnQuestion
from feedback.ui import kiosk, results, widgets
from feedback.ui.escaping import plain
from feedback.ui.page import PageContext

log = logging.getLogger(__name__)


def open_round(ctx: PageContext) -> Round | None:
    """The open round of the link (`?s=CODE`), or None once a kind page has said why not."""
    try:
        round_ = rounds.open_by_code(ctx.db_path, ctx.query("s"))
    except rounds.Unavailable:
        log.exception("the respondent page cannot read round %s", ctx.query("s"))
        widgets.unavailable(ctx.lang)
        return None
    if round_ is None:
        widgets.not_found(ctx.lang)
    elif ctx.lang not in round_.languages:  # no subject under another language's labels
        st.query_params["lang"] = respondent.language(round_, ctx.lang)
        st.rerun()
    return round_


def answer(ctx: PageContext, round_: Round) -> None:
    """Show the round's current step and move through it; store the answer at the end."""
    visit = respondent.Visit.from_link(
        ctx.query, featherweight=False, kiosk_id=kiosk.enrolled(ctx.db_path, round_)
    )
    if round_.uses_codes and not visit.preview:  # the code is asked on the link page
        _to_link_page(ctx, round_)
        return
    heading = respondent.heading(round_, ctx.lang)
    # The tab says what the child rates, as the script-free page's does, in the round's words.
    st.set_page_config(page_title=heading.subject or i18n.t("respond.page_title", ctx.lang))
    in_kiosk = visit.kiosk_id is not None
    if in_kiosk:
        kiosk.install(ctx.lang)
    state = _state(round_)
    if state["thanked"]:
        widgets.thank_you(ctx.lang, needs_help=state["needs_help"])
        results.last_time(ctx, state["last_time"])
        if in_kiosk:
            kiosk.next_person_soon(ctx.lang, showing_help=state["needs_help"])
        return

    steps = round_.steps_for(state["group"] or round_.fixed_group)
    index = min(state["step"], len(steps) - 1)
    step = steps[index]
    widgets.round_subject(heading, ctx.lang)
    if len(steps) > 1:
        widgets.progress(index, len(steps), ctx.lang)
    key = f"{round_.code}-{state['round']}-{step}"
    with st.form(f"form-{key}", border=False, enter_to_submit=False):
        value = _ask(ctx, round_, visit, state, step, key=f"ask-{key}")
        back, forward = widgets.nav_buttons(
            key=f"nav-{round_.code}", lang=ctx.lang, back=index > 0, last=index == len(steps) - 1
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
    if step.startswith("own-"):
        missing = [n for n, values in value.items() if values == () and _own(round_, n).required]
        if missing:
            _missing(ctx, round_, state, visit, missing, together=len(value) > 1)
            return
    if index < len(steps) - 1:
        state["step"] = index + 1
        st.rerun()
    _send(ctx, round_, state, visit=visit)


def _ask(
    ctx: PageContext, round_: Round, visit: respondent.Visit, state: dict, step: str, *, key: str
):
    if step == "group":
        return widgets.group_question(round_, key=key, lang=ctx.lang, default=state["group"])
    if step == "best":
        return widgets.best_question(round_, key=key, lang=ctx.lang, default=state["choices"])
    if step == "comment":
        return widgets.comment_question(key=key, lang=ctx.lang, default=state["text"])
    group = respondent.group(round_, state["group"])
    if step.startswith("own-"):  # {position: what was chosen or written}
        return {
            n: widgets.own_question(
                _own(round_, n),
                key=f"{key}-{n}",
                label=respondent.own_question_text(_own(round_, n), group, visit, ctx.lang),
                lang=ctx.lang,
                default=state["own"].get(n, ()),
            )
            for n in _positions(step)
        }
    number = int(step.split("-")[1])
    label = respondent.question_text(round_, number, group, visit, ctx.lang)
    return widgets.scale_question(
        round_.questions[number],
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
    elif step.startswith("own-"):
        state["own"].update((n, values) for n, values in value.items() if values is not None)
    elif value is not None:
        state["scores"][int(step.split("-")[1])] = value


def _positions(step: str) -> list[int]:
    """The own questions (positions) on an `own-N-M…` step."""
    return [int(n) for n in step.split("-")[1:]]


def _own(round_: Round, position: int) -> OwnQuestion:
    return round_.own_questions[position]


def _missing(
    ctx: PageContext,
    round_: Round,
    state: dict,
    visit: respondent.Visit,
    positions: list[int],
    *,
    together: bool,
) -> None:
    """Say that a required question is unanswered; on a screen of several, name each one."""
    says = i18n.t("respond.choose_one", ctx.lang)
    if not together:
        st.warning(says)
        return
    group = respondent.group(round_, state["group"])
    for n in positions:
        label = respondent.own_question_text(_own(round_, n), group, visit, ctx.lang)
        st.warning(f"{plain(label)}: {says}")  # staff words as text


def _send(ctx: PageContext, round_: Round, state: dict, *, visit: respondent.Visit) -> None:
    group = respondent.group(round_, state["group"])
    answer = answers.Answer(
        scores=tuple(state["scores"].get(i) for i in range(len(round_.questions))),
        choices=tuple(state["choices"]),
        text=state["text"],
        group=state["group"],
        # Only what this group was asked: going back to change the group leaves no answers
        # to questions it is not asked.
        own={
            n: values for n, values in state["own"].items() if round_.own_questions[n].asks(group)
        },
    )
    sent = respondent.send(
        ctx.db_path, round_, answer, submission_id=state["submission_id"], visit=visit
    )
    Outcome = respondent.Outcome
    if sent.outcome is Outcome.STORED:
        _reset(round_, thanked=True, last_time=sent.last_time, needs_help=sent.needs_help)
        st.rerun()
    if sent.outcome is Outcome.PREVIEW:  # staff saw exactly what a child sees
        _reset(round_, thanked=False)
    (st.info if sent.outcome in (Outcome.PREVIEW, Outcome.CLOSED) else st.error)(
        sent.says(ctx.lang)
    )


def _to_link_page(ctx: PageContext, round_: Round) -> None:
    """A round answered with one-time codes is answered on the link page, which asks for the
    slip's code: nothing is asked or stored here."""
    st.info(i18n.t("respond.codes_on_link_page", ctx.lang))
    heading = respondent.heading(round_, ctx.lang)
    label = heading.subject or i18n.t("respond.page_title", ctx.lang)
    st.link_button(plain(label), rounds.link(round_.code, lang=ctx.lang), type="primary")


def _state(round_: Round) -> dict:
    key = f"answer:{round_.code}"
    if key not in st.session_state:
        _reset(round_, thanked=False)
    return st.session_state[key]


def _reset(
    round_: Round,
    *,
    thanked: bool,
    last_time: changes.Change | None = None,
    needs_help: bool = False,
) -> None:
    """Forget the answer on screen; a new submission id for whoever answers next."""
    key = f"answer:{round_.code}"
    previous = st.session_state.get(key, {}).get("round", 0)
    st.session_state[key] = {
        "round": previous + 1,  # fresh widget keys, so no earlier choice can reappear
        "step": 0,
        "group": None,
        "scores": {},
        "choices": [],
        "text": "",
        "own": {},
        "submission_id": answers.new_submission_id(),
        "thanked": thanked,
        "last_time": last_time,  # what the thank-you tells about the last round
        "needs_help": needs_help,  # the thank-you says where to find help now
    }
