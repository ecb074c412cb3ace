"""Answer a feedback round: children, youth and families, no login, nothing personal stored."""

from feedback import i18n
from feedback.ui import answering, page

ctx = page.setup("respond")
round_ = answering.open_round(ctx)
if round_ is not None:
    answering.answer(ctx, round_)
# Only the round's languages: it has its subject in those (respondent.language).
page.footer(ctx, languages=round_.languages if round_ else i18n.LANGUAGES)
