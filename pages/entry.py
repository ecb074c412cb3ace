"""Staff: enter answers collected on paper or in a feedback box, and participation counts."""

import streamlit as st

from feedback import i18n
from feedback.ui import entry, page

ctx = page.setup("entry")
st.title(i18n.t("entry.title", ctx.lang), anchor=False)
paper, counts = st.tabs(
    [i18n.t("entry.paper_title", ctx.lang), i18n.t("entry.participation_title", ctx.lang)]
)
with paper:
    entry.paper_answers_form(ctx)
with counts:
    entry.participation_form(ctx)
page.footer(ctx)
