"""The respondent's send flow: one submission id per question shown, thanks only after COMMIT."""

from __future__ import annotations

import logging

import streamlit as st

from feedback import i18n, responses
from feedback.surveys import Survey
from feedback.ui import widgets
from feedback.ui.page import PageContext

log = logging.getLogger(__name__)


def answer(ctx: PageContext, survey: Survey, *, channel: str = "link") -> None:
    """Show the question, store the answer once, and say thank you when it is safe."""
    thanked_key = f"thanked:{survey.code}"
    if st.session_state.get(thanked_key):
        widgets.thank_you(ctx.lang)
        return
    # Made when the question is shown, so that a retry of the same answer is stored once.
    submission_key = f"submission:{survey.code}"
    st.session_state.setdefault(submission_key, responses.new_submission_id())

    widgets.action_intro(survey, ctx.lang)
    chosen = widgets.smiley_question(survey, ctx.lang)
    if not chosen.sent:
        return
    if chosen.score is None:
        st.warning(i18n.t("respond.choose_first", ctx.lang))
        return
    try:
        responses.record(
            ctx.db_path,
            survey,
            score=chosen.score,
            submission_id=st.session_state[submission_key],
            channel=channel,
        )
    except responses.SurveyClosed:
        st.info(i18n.t("respond.closed", ctx.lang))
        return
    except Exception:
        log.exception("could not store an answer to round %s", survey.code)
        st.error(i18n.t("respond.save_failed", ctx.lang))
        return
    st.session_state[thanked_key] = True
    del st.session_state[submission_key]
    st.rerun()
