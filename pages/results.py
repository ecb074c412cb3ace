"""Results for children: what they said in a round, in their words, and what was done about it."""

import streamlit as st

from feedback import i18n, surveys
from feedback.ui import page, results, widgets

ctx = page.setup(access=page.Access.PUBLIC, title_key="results.title")
survey = surveys.get_by_code(ctx.db_path, ctx.query("s") or "")
st.title(i18n.t("results.title", ctx.lang), anchor=False)
if survey is None or survey.status == "archived":
    st.info(i18n.t("results.not_found", ctx.lang))
else:
    widgets.action_intro(survey, ctx.lang)
    results.summary(ctx, survey)
    results.we_did(ctx, survey.action_id)
    st.caption(i18n.t("results.print", ctx.lang))
page.language_switch(ctx.lang)
