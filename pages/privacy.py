"""The privacy notice (GDPR art. 12–13) for children, young people and families, and with
`?for=staff` the record of processing (art. 30) for staff: no sign-in."""

import streamlit as st

from feedback import i18n
from feedback.ui import legal, page

ctx = page.setup("privacy")
st.title(i18n.t("privacy.title", ctx.lang), anchor=False)
staff = ctx.query("for") == "staff"
if staff:
    legal.processing_record(ctx)
else:
    legal.privacy_notice(ctx)
page.footer(ctx, staff=staff)
