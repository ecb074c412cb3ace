"""Admins: import and export plan files, edit actions, add indicator values."""

import streamlit as st

from feedback import i18n, plans
from feedback.ui import page, planforms

ctx = page.setup(access=page.Access.ADMIN, title_key="plans.title", wide=True)
st.title(i18n.t("plans.title", ctx.lang), anchor=False)
planforms.file_import(ctx)

available = plans.list_plans(ctx.db_path)
if not available:
    st.stop()
plan = st.selectbox(
    i18n.t("plans.plan", ctx.lang),
    available,
    format_func=lambda p: (
        f"{i18n.pick(p.name, ctx.lang, original=p.language)[0]} {p.period_start}–{p.period_end}"
    ),
)
planforms.file_export(ctx, plan.id)
edit, add, indicator = st.tabs(
    [
        i18n.t("plans.edit_action", ctx.lang),
        i18n.t("plans.add_action", ctx.lang),
        i18n.t("plans.indicator_value", ctx.lang),
    ]
)
with edit:
    planforms.action_form(ctx, plan.id, new=False)
with add:
    planforms.action_form(ctx, plan.id, new=True)
with indicator:
    planforms.indicator_value_form(ctx, plan.id)
page.language_switch(ctx.lang)
