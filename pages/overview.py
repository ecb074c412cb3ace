"""Staff dashboard: what children said, per main goal, sub-goal and action of a plan, beside
participation and the official indicators — for the user's own actors."""

import streamlit as st

from feedback import figures, i18n, plans, settings
from feedback.figures import charts, measures
from feedback.ui import dashboard, page, widgets

ctx = page.setup("overview")
st.title(i18n.t("overview.title", ctx.lang), anchor=False)

available = plans.list_plans(ctx.db_path, actors=ctx.scope)
if not available:
    st.warning(i18n.t("overview.no_plans", ctx.lang))
    page.stop(ctx)
plan = widgets.plan_picker(ctx, available)
chosen = dashboard.filters(ctx, plan)
k = settings.min_group_size()
overview = figures.goal_overview(ctx.db_path, plan.id, k=k, lang=ctx.lang, filters=chosen)
goals = overview[overview["level"] != "action"]
section = dashboard.sections(ctx)

if section == "goals":
    shown = int(((goals["level"] == "sub") & goals["mean"].notna()).sum())
    widgets.chart(
        charts.sub_goal_means,
        goals,
        lang=ctx.lang,
        alt_text=i18n.t("overview.chart_alt", ctx.lang, shown=shown),
        empty_text=i18n.t("overview.no_answers", ctx.lang),
    )
    st.subheader(i18n.t("overview.table_title", ctx.lang), anchor=False)
    widgets.goal_table(goals, ctx.lang, done=dashboard.what_was_done(ctx, plan.id))
    st.caption(i18n.t("overview.suppressed_note", ctx.lang, k=k))
    dashboard.flagged_answers(ctx, plan.id, chosen, k=k)
elif section == "sub_goals":
    dashboard.sub_goal_details(ctx, plan.id, overview, chosen, k=k)
elif section == "time":
    trend, heat = page.side_by_side("trend-heat")
    with trend:
        widgets.chart(
            charts.monthly_trend,
            measures.monthly_trend(ctx.db_path, plan.id, chosen, k=k),
            lang=ctx.lang,
            alt_text=i18n.t("dashboard.trend_alt", ctx.lang, k=k),
            empty_text=i18n.t("dashboard.nothing", ctx.lang),
        )
    with heat:
        widgets.chart(
            charts.weekday_hour,
            measures.weekday_hour(ctx.db_path, plan.id, chosen, k=k),
            lang=ctx.lang,
            alt_text=i18n.t("dashboard.heatmap_alt", ctx.lang, k=k),
            empty_text=i18n.t("dashboard.nothing", ctx.lang),
        )
elif section == "questions":
    dashboard.own_questions(ctx, plan.id, chosen, k=k)
else:
    dashboard.downloads(ctx, plan.id, overview, chosen, k=k)
    st.subheader(i18n.t("report.section", ctx.lang), anchor=False)
    dashboard.council_report(ctx, plan, k=k)
page.footer(ctx)
