"""Kiosk mode for a tablet that staff enrolled (feedback.rounds.kiosk): no browser chrome, an
inactivity reset with a warning, and a fresh screen for the next child shortly after each
thank-you.

The timers run in the browser (so that a test can drive them with a controllable clock); a reset
reloads the kiosk's first address, which starts a new session: nothing of the previous child's
answer survives it.
"""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from feedback import i18n, settings, storage
from feedback.rounds import Round, kiosk
from feedback.staff import auth
from feedback.ui.escaping import script_json

log = logging.getLogger(__name__)

_HIDE_CHROME = """
<style>
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"] { display: none !important; }
#kiosk-warning { position: fixed; inset: 0; background: rgba(17, 24, 39, 0.75); z-index: 1000000;
  display: flex; align-items: center; justify-content: center; }
#kiosk-warning[hidden] { display: none; }
#kiosk-warning > div { background: #fff; color: #111827; border-radius: 1.5rem; padding: 2rem;
  max-width: 32rem; margin: 1rem; text-align: center; font-family: sans-serif; }
#kiosk-warning h2 { font-size: 2rem; margin: 0 0 1rem; }
#kiosk-warning p { font-size: 1.25rem; }
#kiosk-warning button { font-size: 1.75rem; font-weight: 700; min-height: 4.5rem; min-width: 14rem;
  border-radius: 1rem; border: 0; background: #1d4ed8; color: #fff; cursor: pointer; }
#kiosk-warning button:focus-visible { outline: 4px solid #111827; outline-offset: 3px; }
</style>
"""

_IDLE_SCRIPT = (Path(__file__).with_name("kiosk.js")).read_text(encoding="utf-8")

_THANKS_SCRIPT = """
<script>
(function (seconds) {
  if (window.__kioskThanks) return;
  window.__kioskThanks = true;
  const home = window.__kioskHome || location.href;
  setTimeout(function () { location.replace(home); }, seconds * 1000);
})(SECONDS);
</script>
"""


def enrolled(db_path: Path, round_: Round) -> str | None:
    """The id of the kiosk that this tablet was enrolled as for `round_`, from its cookie,
    checked against the store at every run (so a revoked kiosk ends at its next page load);
    None for any other browser, whatever its link says."""
    token = st.context.cookies.get(kiosk.COOKIE_NAME)
    if not token:
        return None
    try:
        found = kiosk.check(db_path, token, code=round_.code, key=auth.cookie_key())
    except auth.NotConfigured:
        return None
    except storage.StoreError:
        log.exception("cannot check the kiosk of round %s", round_.code)
        return None
    return found.id if found else None


def install(lang: str) -> None:
    """Hide the browser-side chrome and start the inactivity watch (once per page load)."""
    config = {
        "idle": settings.kiosk_idle_seconds(),
        "warning": settings.kiosk_warning_seconds(),
        "stillThere": i18n.t("kiosk.still_there", lang),
        "resetSoon": i18n.t("kiosk.reset_soon", lang, seconds="{seconds}"),
        "continue": i18n.t("kiosk.continue", lang),
    }
    st.html(_HIDE_CHROME)
    script = _IDLE_SCRIPT.replace("__KIOSK_CONFIG__", script_json(config))
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)


def next_person_soon(lang: str, *, showing_help: bool = False) -> None:
    """After the thank-you: say the next person can start, and start over shortly; while the
    thank-you shows where to find help, only after the inactivity time, so that the child has
    time to read (or note) the number."""
    st.caption(i18n.t("kiosk.next_person", lang))
    wait = settings.kiosk_idle_seconds() if showing_help else settings.kiosk_thanks_seconds()
    seconds = script_json(wait)
    st.html(_THANKS_SCRIPT.replace("SECONDS", seconds), unsafe_allow_javascript=True)
