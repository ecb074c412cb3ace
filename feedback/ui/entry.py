"""Staff forms for answers collected offline and for participation counts."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from feedback import i18n, plans, rounds
from feedback.figures import participation
from feedback.rounds import answers
from feedback.ui import page, widgets
from feedback.ui.page import PageContext


def paper_answers_form(ctx: PageContext) -> None:
    """How many chose each option of an open single-question round, on paper."""
    lang = ctx.lang
    st.subheader(i18n.t("entry.paper_title", lang), anchor=False)
    st.caption(i18n.t("entry.paper_help", lang))
    candidates = [
        r for r in rounds.list_rounds(ctx.db_path, actors=ctx.scope) if r.status == "open"
    ]
    single_question = [rounds.get_by_code(ctx.db_path, r.code) for r in candidates]
    single_question = [r for r in single_question if r and len(r.questions) == 1]
    if not single_question:
        st.info(i18n.t("entry.only_single", lang))
        return
    chosen = st.selectbox(
        i18n.t("entry.round", lang),
        single_question,
        format_func=lambda r: f"{r.code} · {r.action_id}",
        key="paper-round",
    )
    # One id per form shown, so a double click or a retry stores the tally once.
    st.session_state.setdefault("tally_id", answers.new_submission_id())
    with st.form("paper-answers"):
        day = st.date_input(i18n.t("entry.day", lang), value=date.today(), max_value=date.today())
        counts = {
            value: st.number_input(
                i18n.t(chosen.scale.label_key(value), lang),
                min_value=0,
                max_value=answers.MAX_TALLY,
                step=1,
                key=f"tally-{chosen.code}-{value}",
            )
            for value in chosen.scale.values
        }
        sent = st.form_submit_button(i18n.t("entry.save_paper", lang), type="primary")
    if not sent:
        return
    try:
        with page.within_scope(ctx):
            stored = answers.record_tally(
                ctx.db_path,
                chosen,
                {value: int(n) for value, n in counts.items()},
                tally_id=st.session_state["tally_id"],
                day=day,
                actors=ctx.scope,
            )
    except answers.RoundClosed:
        st.error(i18n.t("entry.round_closed", lang))
        return
    except answers.InvalidAnswer:
        st.error(i18n.t("entry.bad_count", lang))
        return
    del st.session_state["tally_id"]
    st.success(i18n.tn("entry.saved_paper", stored, lang))


def participation_form(ctx: PageContext) -> None:
    """Participants and visits of one of the user's actions for one month, and the list."""
    lang = ctx.lang
    st.subheader(i18n.t("entry.participation_title", lang), anchor=False)
    actions = plans.list_actions(ctx.db_path, actors=ctx.scope)
    with st.form("participation"):
        action = widgets.action_picker(i18n.t("entry.action", lang), actions, lang)
        month = st.text_input(i18n.t("entry.month", lang), value=date.today().strftime("%Y-%m"))
        participants = st.number_input(i18n.t("entry.participants", lang), min_value=0, step=1)
        visits = st.number_input(i18n.t("entry.visits", lang), min_value=0, step=1)
        sent = st.form_submit_button(i18n.t("entry.save_counts", lang), type="primary")
    if sent and action is not None:
        try:
            with page.within_scope(ctx):
                participation.record(
                    ctx.db_path,
                    action_id=action.id,
                    month=month.strip(),
                    participants=int(participants),
                    visits=int(visits),
                    actors=ctx.scope,
                )
        except participation.InvalidCount as error:
            st.error(i18n.t(f"entry.bad_{error.field}", lang))
        else:
            st.success(i18n.t("entry.saved_counts", lang, month=month.strip()))
    recorded = participation.list_counts(ctx.db_path, actors=ctx.scope)
    if recorded:
        st.caption(i18n.t("entry.recorded", lang))
        st.dataframe(
            pd.DataFrame(
                {
                    i18n.t("entry.action", lang): [c.action_id for c in recorded],
                    i18n.t("entry.month", lang): [c.month for c in recorded],
                    i18n.t("entry.participants", lang): [c.participants for c in recorded],
                    i18n.t("entry.visits", lang): [c.visits for c in recorded],
                }
            ),
            hide_index=True,
        )
