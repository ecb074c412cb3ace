"""The sign-in page's forms, one at a time: login with throttling, the own password in place of
a one-time password, the signed-in panel with sign-out and password change.

Each field says what it holds (`autocomplete`), and every form that sets a password carries the
username too, so that the browser's password manager fills and stores the right account.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

import streamlit as st

from feedback import i18n, settings
from feedback.staff import auth, sso, throttle
from feedback.ui import session, session_cookie
from feedback.ui.escaping import plain
from feedback.ui.page import PageContext

log = logging.getLogger(__name__)


def current_user(ctx: PageContext) -> auth.User | None:
    return session.current_user(ctx.db_path)


def leaving() -> bool:
    """Signed in or out: the browser is on its way to the server, and then on."""
    return session.leaving()


def login_form(ctx: PageContext) -> None:
    """The ways in: the municipality's account (single sign-on, where set up) and the
    password form (unless `FEEDBACK_PASSWORD_SIGNIN=off`)."""
    if ctx.query("signed_out") == "1":
        st.info(i18n.t("login.signed_out", ctx.lang))
    with_provider = sso.configured()
    if with_provider and _single_sign_on(ctx):
        return
    if settings.password_sign_in():
        if with_provider:
            st.subheader(i18n.t("login.sso_or_password", ctx.lang), anchor=False)
        _password_form(ctx)
    elif not with_provider:
        st.error(i18n.t("login.not_configured", ctx.lang))


def _single_sign_on(ctx: PageContext) -> bool:
    """The provider's button; or, just back from the provider, the person's session (or why
    not). True when nothing else is to be drawn."""
    if ctx.query("sso") == "start":  # the server has noted the way back: now to the provider
        st.info(i18n.t("login.sso_on_the_way", ctx.lang))
        st.login()
        return True
    if ctx.query("sso") == "end":  # signed out here: now out of the provider's sign-in too
        st.info(i18n.t("login.sso_signing_out", ctx.lang))
        st.logout()
        return True
    if session.signed_in_with_provider():
        try:
            session.sign_in_with_provider(ctx.db_path, next_page=_next(ctx))
        except sso.Stale:
            pass  # an old identity cookie: the person signs in at the provider again
        except sso.Refused as refusal:
            log.warning("single sign-on refused: %s", refusal.reason)
            st.error(i18n.t(f"login.sso_{refusal.reason}", ctx.lang))
            if st.button(i18n.t("login.sso_other_account", ctx.lang), key="sso-other"):
                session.sign_out(ctx.db_path, lang=ctx.lang)  # the browser goes at once
            return True
        except auth.NotConfigured:
            st.error(i18n.t("login.not_configured", ctx.lang))
            return True
        else:
            st.rerun()
    if st.button(i18n.t("login.sso_button", ctx.lang), type="primary", key="sso-start"):
        session.go_to_provider(next_page=_next(ctx))
        st.rerun()
    return False


def _password_form(ctx: PageContext) -> None:
    """Username and password; wrong name or password get the same message."""
    with st.form("login"):
        username = st.text_input(
            i18n.t("login.username", ctx.lang), autocomplete="username", key="login-username"
        )
        password = _password(ctx, "login.password", "current-password")
        sent = st.form_submit_button(i18n.t("login.submit", ctx.lang), type="primary")
    if sent:
        _then_on(ctx, session.sign_in, ctx.db_path, username, password, next_page=_next(ctx))


def first_password_form(ctx: PageContext, user: auth.User) -> None:
    """The own password in place of the one-time password just signed in with: not asked
    again, so nothing typed before is needed twice."""
    st.warning(i18n.t("login.must_change", ctx.lang))
    with st.form("first-password"):
        st.subheader(i18n.t("login.change_title", ctx.lang), anchor=False)
        _username(ctx, user)
        new = _password(ctx, "login.new_password", "new-password")
        sent = st.form_submit_button(i18n.t("login.change_submit", ctx.lang), type="primary")
    if sent:
        _then_on(ctx, session.replace_one_time_password, ctx.db_path, new, next_page=_next(ctx))


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
    if user.single_sign_on:
        return  # their password is the provider's business
    with st.expander(i18n.t("login.change_title", ctx.lang)), st.form("change-password"):
        _username(ctx, user)
        old = _password(ctx, "login.old_password", "current-password")
        new = _password(ctx, "login.new_password", "new-password")
        sent = st.form_submit_button(i18n.t("login.change_submit", ctx.lang), type="primary")
    if sent:
        _then_on(ctx, session.change_password, ctx.db_path, user, old, new, next_page=_next(ctx))


def _password(ctx: PageContext, label_key: str, autocomplete: str) -> str:
    # A key of its own keeps what was typed when the language is switched (new labels).
    return st.text_input(
        i18n.t(label_key, ctx.lang),
        type="password",
        autocomplete=autocomplete,
        key=f"{label_key}-{autocomplete}",
    )


def _username(ctx: PageContext, user: auth.User) -> None:
    """Whose password this is, for the person to read and for the password manager to store
    the new password under (a read-only field, out of sight: the name is shown as text)."""
    name = html.escape(user.username, quote=True)
    st.html(
        f'<input type="text" name="username" autocomplete="username" value="{name}" '
        "readonly hidden>"
    )
    st.markdown(f"{i18n.t('login.username', ctx.lang)}: **{plain(user.username)}**")


def _then_on(ctx: PageContext, action: Callable[..., None], *args, **kwargs) -> None:
    """Sign in or set a password by `action`, then draw the page anew (the next form, or the
    way to the server and on); if refused, say why in the person's language."""
    try:
        action(*args, **kwargs)
    except auth.TooManyAttempts as error:
        st.error(i18n.t("login.wait", ctx.lang, seconds=max(1, round(error.retry_after))))
    except throttle.Busy:
        st.error(i18n.t("login.busy", ctx.lang))
    except auth.WeakPassword:
        st.error(i18n.t("login.too_short", ctx.lang))
    except auth.NotConfigured:
        st.error(i18n.t("login.not_configured", ctx.lang))
    except auth.AuthError:  # WrongCredentials, and anything else refused: the same words
        st.error(i18n.t("login.wrong", ctx.lang))
    else:
        st.rerun()


def _next(ctx: PageContext) -> str | None:
    """The page the person was going to, if it is one of this app's (never another site)."""
    return session_cookie.local_page(ctx.query("next"))
