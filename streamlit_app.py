"""Front page: what the service is, how to answer, and the way in for staff."""

import streamlit as st

from feedback import i18n
from feedback.ui import page

ctx = page.setup("home")
st.title(i18n.t("app.name", ctx.lang), anchor=False)
st.write(i18n.t("app.intro", ctx.lang))
st.write(i18n.t("app.how_to_answer", ctx.lang))
st.page_link("pages/login.py", label=i18n.t("app.staff_link", ctx.lang), icon="🔑")
page.footer(ctx)
