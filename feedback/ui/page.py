"""The guard every page runs first: page config, session language, database, access.

Every page script calls `setup` at its top (DESIGN.md §6.1: a deep link can run a page without
running streamlit_app.py, so no page may rely on another script's checks).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import streamlit as st

from feedback import i18n, schema, settings

# Streamlit's grey captions are below AA contrast (about 3.7:1); #4b5563 on white is 7.6:1.
BASE_CSS = """
<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #4b5563; opacity: 1;
}
.stMainBlockContainer { padding-top: 2.5rem; }
</style>
"""


class Access(StrEnum):
    """Who may open a page."""

    PUBLIC = "public"  # respondents: no login, no personal data
    STAFF_PREVIEW = "staff-preview"  # staff pages until login lands: anonymous aggregates only


@dataclass(frozen=True)
class PageContext:
    """What a page needs from the guard."""

    lang: str
    db_path: Path
    access: Access

    def query(self, name: str) -> str | None:
        """A query-string value as text (untrusted: validate before use)."""
        value = st.query_params.get(name)
        return value if isinstance(value, str) else None


def setup(*, access: Access, title_key: str, wide: bool = False) -> PageContext:
    """Configure the page and return its context. Call first in every page script."""
    lang = _session_language()
    st.set_page_config(
        page_title=i18n.t(title_key, lang),
        page_icon="🙂",
        layout="wide" if wide else "centered",
        menu_items={},
    )
    # Streamlit hard-codes <html lang="en">; screen readers need the session's language.
    st.html(
        f"<script>document.documentElement.lang = {json.dumps(lang)};</script>",
        unsafe_allow_javascript=True,
    )
    st.html(BASE_CSS)
    db_path = settings.db_path()
    _ready(str(db_path))
    return PageContext(lang=lang, db_path=db_path, access=access)


@st.cache_resource(show_spinner=False)
def _ready(db_path: str) -> bool:
    """Create or migrate the database once per process and path."""
    schema.migrate(db_path)
    return True


def _session_language() -> str:
    """`?lang=` if valid, else the session's earlier choice, else Finnish."""
    chosen = i18n.normalise_language(st.query_params.get("lang"))
    if chosen:
        st.session_state["lang"] = chosen
    return st.session_state.get("lang", i18n.DEFAULT_LANGUAGE)


def language_switch(lang: str) -> None:
    """A visible language switch; the choice is kept in the session and in the link."""

    def changed() -> None:
        new = st.session_state["language_switch"]
        if new:
            st.session_state["lang"] = new
            st.query_params["lang"] = new

    st.segmented_control(
        i18n.t("language.label", lang),
        options=list(i18n.LANGUAGES),
        format_func=i18n.LANGUAGE_NAMES.get,
        default=lang,
        required=True,
        key="language_switch",
        on_change=changed,
    )


def channel(ctx: PageContext) -> str:
    """How the respondent came: `kiosk=1` for a shared tablet, `ch=qr` from a poster, else link;
    `preview=1` is staff looking, whose answers are never stored."""
    if ctx.query("preview") == "1":
        return "preview"
    if ctx.query("kiosk") == "1":
        return "kiosk"
    return "qr" if ctx.query("ch") == "qr" else "link"
