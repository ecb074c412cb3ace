"""Who is signed in: the session id in this Streamlit session, or the server-set cookie.

The cookie only names a server-side session (feedback.auth); every page run checks that session
in the database, so a logout, password change or disabled account takes effect at once. The
cookie is set and cleared by the server (feedback.ui.session_cookie), so no script can read it.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from feedback import auth, i18n
from feedback.ui import session_cookie

_KEY = "session_id"
#: What this session still has to hand to the server: (route, handoff note or "").
_HANDOVER = "session_handover"


def current_user(db_path: Path) -> auth.User | None:
    """The signed-in user, or None; forged, tampered, expired or revoked cookies give None."""
    session_id = st.session_state.get(_KEY)
    if not session_id and auth.COOKIE_NAME in st.context.cookies:
        try:
            key = auth.cookie_key()
        except auth.AuthError:
            return None
        session_id = auth.session_from_cookie(st.context.cookies[auth.COOKIE_NAME], key=key)
        st.session_state[_KEY] = session_id
    user = auth.session_user(db_path, session_id)
    if user is None:
        st.session_state.pop(_KEY, None)
    return user


def sign_in(db_path: Path, username: str, password: str, *, lang: str) -> None:
    """Check the password, remember the new session here, and have the server set its cookie."""
    _remember(auth.login(db_path, username, password), lang=lang)


def change_password(db_path: Path, user: auth.User, old: str, new: str, *, lang: str) -> None:
    """Change the password; every other session of the user ends, this one is renewed."""
    _remember(auth.change_password(db_path, user.username, old, new), lang=lang)


def sign_out(db_path: Path, *, lang: str) -> None:
    """End the session on the server, then have the server clear the cookie."""
    session_id = st.session_state.pop(_KEY, None)
    if session_id:
        auth.logout(db_path, session_id)  # a copy of the cookie now names nobody
    st.session_state[_HANDOVER] = (session_cookie.CLOSE, "")
    hand_over(lang)


def hand_over(lang: str) -> None:
    """Send the browser to the server to set or clear the cookie, if this session has that to
    do. Drawn on every run until the browser has gone: the page it goes to is a new session."""
    pending = st.session_state.get(_HANDOVER)
    if pending is None:
        return
    action, token = pending
    st.html(
        session_cookie.handover_form(
            action=action, lang=lang, token=token, button=i18n.t("login.continue_here", lang)
        ),
        unsafe_allow_javascript=True,
    )


def _remember(session_id: str, *, lang: str) -> None:
    st.session_state[_KEY] = session_id
    token = auth.handoff_token(session_id, key=auth.cookie_key())
    st.session_state[_HANDOVER] = (session_cookie.OPEN, token)
    hand_over(lang)
