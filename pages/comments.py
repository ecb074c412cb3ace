"""Staff: act on comments that signal harm first, read comments of their own actors' rounds as
text (hide, mark personal data) and answer the youth council's proposals."""

import streamlit as st

from feedback import i18n, plans, retention, settings
from feedback.rounds import alerts, comments, pace
from feedback.ui import councilforms, page, review

ctx = page.setup("comments")
st.title(i18n.t("comments.title", ctx.lang), anchor=False)
st.caption(i18n.t("comments.note", ctx.lang))
review.alert_list(ctx, alerts.for_review(ctx.db_path, actors=ctx.scope))
review.retention_note(ctx, retention.last_run(ctx.db_path))
review.flagged_alerts(ctx, pace.flagged_rounds(ctx.db_path, actors=ctx.scope))
k = settings.min_group_size()
found = comments.for_review(ctx.db_path, actors=ctx.scope, k=k)
if found.withheld:
    st.info(i18n.tn("comments.withheld", found.withheld, ctx.lang, k=k))
if not found.comments:
    st.info(i18n.t("comments.none", ctx.lang))
for comment in found.comments:
    review.comment_card(ctx, comment)
for plan in plans.list_plans(ctx.db_path, actors=ctx.scope):
    councilforms.proposals(ctx, plan.id, answering=True)
page.footer(ctx)
