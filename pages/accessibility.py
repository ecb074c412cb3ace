"""The accessibility statement (Act 306/2019), for everyone: no sign-in."""

import streamlit as st

from feedback import i18n
from feedback.ui import legal, page

ctx = page.setup("accessibility")
st.title(i18n.t("accessibility.title", ctx.lang), anchor=False)
legal.accessibility_statement(ctx)
page.footer(ctx)
