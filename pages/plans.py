"""Admins: import and export plan files, edit goals and actions, add indicator values by hand
or from a Sotkanet export; name each actor's safeguarding contacts."""

import streamlit as st

from feedback import i18n, plans
from feedback.plans import editing
from feedback.ui import page, planforms, widgets

ctx = page.setup("plans")
st.title(i18n.t("plans.title", ctx.lang), anchor=False)
planforms.file_import(ctx)

available = plans.list_plans(ctx.db_path)
if not available:
    page.stop(ctx)
plan = widgets.plan_picker(ctx, available)
stored = editing.export_plan(ctx.db_path, plan.id)
if stored.get("partial"):
    st.info(i18n.t("plans.partial", ctx.lang))
planforms.file_export(ctx, stored)
edit, add, goals, indicator, from_sotkanet, contacts = st.tabs(
    [
        i18n.t("plans.edit_action", ctx.lang),
        i18n.t("plans.add_action", ctx.lang),
        i18n.t("plans.goals", ctx.lang),
        i18n.t("plans.indicator_value", ctx.lang),
        i18n.t("plans.sotkanet", ctx.lang),
        i18n.t("plans.contacts", ctx.lang),
    ]
)
with edit:
    planforms.action_form(ctx, stored, new=False)
with add:
    planforms.action_form(ctx, stored, new=True)
with goals:
    planforms.goal_form(ctx, stored)
with indicator:
    planforms.indicator_value_form(ctx, stored)
with from_sotkanet:
    planforms.sotkanet_import(ctx, plan.id)
with contacts:
    planforms.safeguarding_contacts(ctx, plan.id, stored)
page.footer(ctx)
