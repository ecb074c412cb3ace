"""Youth council members: the yearly evaluation of the plan's youth-related actions, the
council's own activity, earlier years, and the answers to its proposals."""

import streamlit as st

from feedback import i18n, plans
from feedback.ui import councilforms, page, widgets

ctx = page.setup("council")
st.title(i18n.t("council.title", ctx.lang), anchor=False)
available = plans.list_plans(ctx.db_path, actors=ctx.scope or None)
if not available:
    page.stop(ctx)
plan = widgets.plan_picker(ctx, available)
councilforms.evaluation_form(ctx, plan.id)
councilforms.years(ctx, plan.id)
councilforms.proposals(ctx, plan.id, answering=False)
page.footer(ctx)
