"""Answer a feedback round: children, youth and families, no login, nothing personal stored."""

from feedback.ui import answering, page

ctx = page.setup(access=page.Access.PUBLIC, title_key="respond.page_title")
survey = answering.open_round(ctx)
if survey is not None:
    answering.answer(ctx, survey)
page.footer(ctx)
