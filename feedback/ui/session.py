"""Who is signed in: the session id in this Streamlit session, or the server-set cookie.

The cookie only names a server-side session (feedback.staff.auth); every page run checks that
session in the database, so a logout, password change or disabled account takes effect at once. The
cookie is set and cleared by the server (feedback.ui.session_cookie), so no script can read it.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from feedback import i18n
from feedback.staff import auth, sso
from feedback.ui import clients, session_cookie

_KEY = "session_id"
#: What this session still has to hand to the server: (route, handoff note or "", next page).
_HANDOVER = "session_handover"


def current_user(db_path: Path) -> auth.User | None:
    """The signed-in user, or None; forged, tampered, expired or revoked cookies give None, and
    so does a cookie naming a session whose one-time password is still to be replaced (the
    server sets none such; an older one has to sign in again)."""
    session_id = st.session_state.get(_KEY)
    from_cookie = not session_id and auth.COOKIE_NAME in st.context.cookies
    if from_cookie:
        try:
            key = auth.cookie_key()
        except auth.NotConfigured:
            return None
        session_id = auth.session_from_cookie(st.context.cookies[auth.COOKIE_NAME], key=key)
    user = auth.session_user(db_path, session_id)
    if user is not None and from_cookie and user.must_change_password:
        user = None
    if user is None:
        st.session_state.pop(_KEY, None)
    else:
        st.session_state[_KEY] = session_id
    return user


def sign_in(db_path: Path, username: str, password: str, *, next_page: str | None = None) -> None:
    """Check the password and remember the new session here. Unless its one-time password is
    still to be replaced (on this page: no cookie ever names such a session), the browser is
    then to hand it to the server for the cookie and go on to `next_page`."""
    auth.cookie_key()  # where sign-in is not set up, no session is opened
    session_id = auth.login(
        db_path,
        username,
        password,
        address=client_address(),
        device=st.context.cookies.get(auth.DEVICE_COOKIE_NAME),
    )
    user = auth.session_user(db_path, session_id)
    if user is not None and user.must_change_password:
        st.session_state[_KEY] = session_id
    else:
        _remember(session_id, next_page=next_page)


def client_address() -> str:
    """The address the browser connects from, for slowing sign-in attempts (kept in memory
    only; feedback.ui.clients)."""
    return clients.address(st.context.ip_address, st.context.headers.get("X-Forwarded-For"))


def sign_in_with_provider(db_path: Path, *, next_page: str | None = None) -> None:
    """Open a session for the person the identity provider has just signed in (`st.user`),
    if the admin's rules let them in (feedback.staff.sso raises `Refused` or `Stale` otherwise); the
    browser then hands it to the server for the cookie, as after a password."""
    auth.cookie_key()
    _remember(sso.sign_in(db_path, st.user.to_dict()), next_page=next_page)


def go_to_provider(*, next_page: str | None = None) -> None:
    """Have the browser go to the identity provider to sign in, by way of the server, which
    notes the language and `next` page for the way back (feedback.ui.provider_trip)."""
    st.session_state[_HANDOVER] = (session_cookie.SSO_START, "", next_page)


def signed_in_with_provider() -> bool:
    """Whether this browser holds Streamlit's identity cookie from the provider."""
    return sso.configured() and bool(st.user.get("is_logged_in"))


def replace_one_time_password(db_path: Path, new: str, *, next_page: str | None = None) -> None:
    """Set the own password of the one-time password's session signed in here; its renewed
    session then goes to the server for the cookie."""
    session_id = auth.replace_one_time_password(db_path, st.session_state.get(_KEY, ""), new)
    _remember(session_id, next_page=next_page)


def change_password(
    db_path: Path, user: auth.User, old: str, new: str, *, next_page: str | None = None
) -> None:
    """Change the password; every other session of the user ends, this one is renewed."""
    _remember(auth.change_password(db_path, user.username, old, new), next_page=next_page)


def sign_out(db_path: Path, *, lang: str) -> None:
    """End the session on the server, then have the server clear the cookie, and end the
    identity provider's sign-in too where there is one (else the sign-in page would open a new
    session from it at once)."""
    session_id = st.session_state.pop(_KEY, None)
    if session_id:
        auth.logout(db_path, session_id)  # a copy of the cookie now names nobody
    close = (
        session_cookie.CLOSE_WITH_PROVIDER if signed_in_with_provider() else session_cookie.CLOSE
    )
    st.session_state[_HANDOVER] = (close, "", None)
    hand_over(lang)


def leaving() -> bool:
    """Whether the browser is on its way to the server for the cookie (nothing else to draw)."""
    return _HANDOVER in st.session_state


def hand_over(lang: str) -> None:
    """Send the browser to the server to set or clear the cookie, if this session has that to
    do. Drawn on every run until the browser has gone: the page it goes to is a new session."""
    pending = st.session_state.get(_HANDOVER)
    if pending is None:
        return
    action, token, next_page = pending
    st.html(
        session_cookie.handover_form(
            action=action,
            lang=lang,
            token=token,
            next_page=next_page,
            button=i18n.t("login.continue_here", lang),
        ),
        unsafe_allow_javascript=True,
    )


def _remember(session_id: str, *, next_page: str | None) -> None:
    """Keep the session here, and have the next run send the browser to the server with it."""
    st.session_state[_KEY] = session_id
    token = auth.handoff_token(session_id, key=auth.cookie_key())
    st.session_state[_HANDOVER] = (session_cookie.OPEN, token, next_page)
