"""Staff: each year, record how their actors' actions were carried out — one by one in the
list (missing ones first) or all at once from a workbook."""

import streamlit as st

from feedback import i18n, plans
from feedback.ui import followup, page, widgets

ctx = page.setup("follow_up")
st.title(i18n.t("followup.title", ctx.lang), anchor=False)

available = plans.list_plans(ctx.db_path, actors=ctx.scope)
if not available:
    st.warning(i18n.t("overview.no_plans", ctx.lang))
    page.stop(ctx)
plan = widgets.plan_picker(ctx, available)
year = followup.year_picker(ctx, plan)
followup.actions_of_year(ctx, plan, year)
followup.bulk(ctx, plan, year)
followup.earlier_years(ctx, plan)
page.footer(ctx)
