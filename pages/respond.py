"""Answer a feedback round: children, youth and families, no login, nothing personal stored."""

from feedback import i18n
from feedback.ui import answering, page

ctx = page.setup("respond")
round_ = answering.open_round(ctx)
if round_ is not None:
    # A text the respondent's language lacks comes in the round's first language.
    with i18n.falling_back_to(round_.languages[0]):
        answering.answer(ctx, round_)
        page.footer(ctx, languages=round_.languages)
else:
    page.footer(ctx, languages=i18n.LANGUAGES)
