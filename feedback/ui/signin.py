"""The sign-in page's forms: login with throttling, password change, sign-out."""

from __future__ import annotations

import streamlit as st

from feedback import auth, i18n
from feedback.ui import session
from feedback.ui.page import PageContext
from feedback.ui.text import plain


def current_user(ctx: PageContext) -> auth.User | None:
    return session.current_user(ctx.db_path)


def login_form(ctx: PageContext) -> None:
    """Username and password; wrong name or password get the same message."""
    if ctx.query("signed_out") == "1":
        st.info(i18n.t("login.signed_out", ctx.lang))
    with st.form("login"):
        username = st.text_input(i18n.t("login.username", ctx.lang), autocomplete="username")
        password = st.text_input(
            i18n.t("login.password", ctx.lang), type="password", autocomplete="current-password"
        )
        sent = st.form_submit_button(i18n.t("login.submit", ctx.lang), type="primary")
    if not sent:
        return
    try:
        session.sign_in(ctx.db_path, username, password, lang=ctx.lang)
    except auth.TooManyAttempts as error:
        st.error(i18n.t("login.wait", ctx.lang, seconds=max(1, round(error.retry_after))))
        return
    except auth.AuthError as error:
        key = "login.not_configured" if "cookie key" in str(error) else "login.wrong"
        st.error(i18n.t(key, ctx.lang))
        return
    user = session.current_user(ctx.db_path)
    if user and user.must_change_password:
        change_password_form(ctx, user, required=True)
    elif user:
        signed_in_panel(ctx, user)


def change_password_form(ctx: PageContext, user: auth.User, *, required: bool) -> None:
    if required:
        st.warning(i18n.t("login.must_change", ctx.lang))
    with st.form("change-password"):
        st.subheader(i18n.t("login.change_title", ctx.lang), anchor=False)
        old = st.text_input(
            i18n.t("login.old_password", ctx.lang), type="password", autocomplete="current-password"
        )
        new = st.text_input(
            i18n.t("login.new_password", ctx.lang), type="password", autocomplete="new-password"
        )
        sent = st.form_submit_button(i18n.t("login.change_submit", ctx.lang), type="primary")
    if not sent:
        return
    try:
        session.change_password(ctx.db_path, user, old, new, lang=ctx.lang)
    except auth.TooManyAttempts as error:
        st.error(i18n.t("login.wait", ctx.lang, seconds=max(1, round(error.retry_after))))
    except auth.AuthError as error:
        st.error(i18n.t("login.wrong" if str(error) == "wrong" else "login.too_short", ctx.lang))
    else:
        st.success(i18n.t("login.changed", ctx.lang))
        st.page_link("pages/overview.py", label=i18n.t("login.continue", ctx.lang), icon="📊")


def signed_in_panel(ctx: PageContext, user: auth.User) -> None:
    role = i18n.t(f"role.{user.role}", ctx.lang)
    st.success(i18n.t("login.signed_in_as", ctx.lang, user=plain(user.username), role=role))
    if user.role is auth.Role.COUNCIL:
        st.page_link("pages/council.py", label=i18n.t("council.title", ctx.lang), icon="🏛️")
    else:
        st.page_link("pages/overview.py", label=i18n.t("login.continue", ctx.lang), icon="📊")
    if st.button(i18n.t("login.sign_out", ctx.lang), key="sign-out"):
        session.sign_out(ctx.db_path, lang=ctx.lang)
        st.info(i18n.t("login.signed_out", ctx.lang))
        return
    with st.expander(i18n.t("login.change_title", ctx.lang)):
        change_password_form(ctx, user, required=False)
