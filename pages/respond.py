"""Answer a feedback round: children, youth and families, no login, nothing personal stored."""

from feedback import surveys
from feedback.ui import answering, page, widgets

ctx = page.setup(access=page.Access.PUBLIC, title_key="respond.page_title")
survey = surveys.open_by_code(ctx.db_path, ctx.query("s"))
if survey is None:
    widgets.not_found(ctx.lang)
else:
    answering.answer(ctx, survey, channel=page.channel(ctx))
page.language_switch(ctx.lang)
