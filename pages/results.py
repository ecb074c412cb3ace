"""Results for children: what they said in a round (`?s=CODE`) or about an action (`?a=ID`),
in their words, and what was done about it."""

import streamlit as st

from feedback import i18n, plans, rounds
from feedback.ui import page, results, widgets

ctx = page.setup("results")
st.title(i18n.t("results.title", ctx.lang), anchor=False)
round_ = rounds.get_by_code(ctx.db_path, ctx.query("s") or "")
action = plans.get_action(ctx.db_path, ctx.query("a") or "") if ctx.query("a") else None
if round_ is not None and round_.status != "archived":
    # A text the reader's language lacks comes in the round's first language.
    with i18n.falling_back_to(round_.languages[0]):
        widgets.action_intro(round_, ctx.lang)
        results.summary(ctx, round_)
        results.we_did(ctx, round_.action_id)
        st.caption(i18n.t("results.print", ctx.lang))
elif action is not None:
    widgets.action_text(action, ctx.lang)
    results.action_summary(ctx, action.id)
    results.we_did(ctx, action.id)
    st.caption(i18n.t("results.print", ctx.lang))
else:
    st.info(i18n.t("results.not_found", ctx.lang))
page.footer(ctx)
