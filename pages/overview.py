"""Staff overview: answers per main goal and sub-goal of a plan, for the user's own actors."""

import streamlit as st

from feedback import charts, i18n, plans, settings, stats
from feedback.ui import page, widgets

ctx = page.setup(access=page.Access.STAFF, title_key="overview.title", wide=True)
st.title(i18n.t("overview.title", ctx.lang), anchor=False)

available = plans.list_plans(ctx.db_path, actors=ctx.scope)
if not available:
    st.warning(i18n.t("overview.no_plans", ctx.lang))
    st.stop()
plan = st.selectbox(
    i18n.t("overview.plan", ctx.lang),
    available,
    format_func=lambda p: widgets.plan_label(p, ctx.lang),
)
k = settings.min_group_size()
overview = stats.goal_overview(ctx.db_path, plan.id, k=k, lang=ctx.lang, actors=ctx.scope)
shown = int(((overview["level"] == "sub") & overview["mean"].notna()).sum())
widgets.chart(
    charts.sub_goal_means(overview, lang=ctx.lang),
    alt_text=i18n.t("overview.chart_alt", ctx.lang, shown=shown),
    empty_text=i18n.t("overview.no_answers", ctx.lang),
)
st.subheader(i18n.t("overview.table_title", ctx.lang), anchor=False)
widgets.goal_table(overview, ctx.lang)
st.caption(i18n.t("overview.suppressed_note", ctx.lang, k=k))
page.language_switch(ctx.lang)
