"""The app server: `streamlit run app.py` serves the Streamlit pages of streamlit_app.py and
pages/, plus the featherweight answer page for phones, compressed and with security headers;
single sign-on's `[auth]` table comes from the secrets file (feedback.staff.sso)."""

import streamlit as st

from feedback.ui import server

app = st.App(
    "streamlit_app.py",
    routes=server.routes(),
    middleware=server.middleware(),
    lifespan=server.lifespan,
    secrets=server.secrets(),
)
