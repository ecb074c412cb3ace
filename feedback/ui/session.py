"""Who is signed in: the session id in this Streamlit session, or the signed cookie.

The cookie only names a server-side session (feedback.auth); every page run checks that session
in the database, so a logout, password change or disabled account takes effect at once.
"""

from __future__ import annotations

import contextlib
import hashlib
from datetime import datetime, timedelta
from pathlib import Path

import extra_streamlit_components as stx
import streamlit as st

from feedback import auth

COOKIE = "feedback_session"
_KEY = "session_id"
_PENDING = "cookie_to_write"


def current_user(db_path: Path) -> auth.User | None:
    """The signed-in user, or None; forged, tampered, expired or revoked cookies give None."""
    session_id = st.session_state.get(_KEY)
    if not session_id and COOKIE in st.context.cookies:
        try:
            key = auth.cookie_key()
        except auth.AuthError:
            return None
        session_id = auth.session_from_cookie(st.context.cookies[COOKIE], key=key)
        if session_id and st.session_state.get("signed_out") != session_id:
            st.session_state[_KEY] = session_id
    user = auth.session_user(db_path, session_id)
    if user is None:
        st.session_state.pop(_KEY, None)
    return user


def sign_in(db_path: Path, username: str, password: str) -> None:
    """Check the password and remember the new session here and in the browser's cookie.

    No rerun after this: it would stop the cookie from being written (DESIGN.md §6.7).
    """
    session_id = auth.login(db_path, username, password)
    _remember(session_id)


def change_password(db_path: Path, user: auth.User, old: str, new: str) -> None:
    """Change the password; every other session of the user ends, this one is renewed."""
    _remember(auth.change_password(db_path, user.username, old, new))


def sign_out(db_path: Path) -> None:
    """End the session on the server and forget the cookie."""
    session_id = st.session_state.pop(_KEY, None)
    st.session_state.pop(_PENDING, None)
    if session_id:
        auth.logout(db_path, session_id)
        st.session_state["signed_out"] = session_id
    # The component deletes the cookie in the browser, then trips over its own empty cache.
    with contextlib.suppress(KeyError):
        stx.CookieManager(key="cookies-out").delete(COOKIE, key="delete-session")


def write_pending_cookie() -> None:
    """Draw the cookie writer in every run until the browser says it has written the cookie.

    The writer is a component frame. Drawn in the sign-in run only, the rerun that the
    component's own first answer causes could remove the frame before it ran, and the browser
    was left without a cookie (seen under load). The component answers True once it has set the
    cookie; that answer arrives at the start of a run, before anything is drawn.
    """
    token = st.session_state.get(_PENDING)
    if token is None:
        return
    key = f"set-session-{hashlib.sha256(token.encode()).hexdigest()[:12]}"
    if st.session_state.get(key) is True:
        del st.session_state[_PENDING]
        return
    stx.CookieManager(key=f"cookies-{key}").set(
        COOKIE,
        token,
        key=key,
        expires_at=datetime.now() + timedelta(days=auth.SESSION_DAYS),
        same_site="strict",
    )


def _remember(session_id: str) -> None:
    st.session_state[_KEY] = session_id
    st.session_state.pop("signed_out", None)
    st.session_state[_PENDING] = auth.cookie_token(session_id, key=auth.cookie_key())
    write_pending_cookie()
