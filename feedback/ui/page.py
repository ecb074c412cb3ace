"""The guard every page runs first: page config, session language, database, access.

Every page script calls `setup` at its top (docs/design.md §6.1: a deep link can run a page without
running streamlit_app.py, so no page may rely on another script's checks).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import streamlit as st

from feedback import i18n, settings, storage
from feedback.staff import auth, scope
from feedback.storage import schema
from feedback.ui import server, session, session_cookie
from feedback.ui.escaping import script_json

log = logging.getLogger(__name__)

# Streamlit's grey captions are below AA contrast (about 3.7:1); #4b5563 on white is 7.6:1.
BASE_CSS = """
<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #4b5563; opacity: 1;
}
/* A plan's words marked with their own language (escaping.in_language), as a caption and as
   a subheader would show them. */
.plan-caption { font-size: 0.875rem; color: #4b5563; margin: 0; }
.plan-action { font-size: 1.5rem; font-weight: 600; margin: 0; padding: 0.5rem 0 0; }
.stMainBlockContainer { padding-top: 2.5rem; }
/* side_by_side: each part at least 22rem wide, else one under the other. st.columns stacks only
   on viewports under 640 px, so on a tablet beside the sidebar two charts would be squeezed. */
[class*="st-key-side-by-side-"] > div { flex: 1 1 22rem; }
/* Titles are 2.75rem on every screen: on a phone a long word ("Nuorisovaltuuston",
   "Ungdomsfullmäktiges") would not fit and be broken mid-word. 2rem fits them at 360 px.
   A static table (st.table: the goal and action tables) wraps on a phone instead of scrolling
   sideways: axe finds a scrolled region with nothing focusable in it unreachable by keyboard
   ("scrollable-region-focusable"). The figures' headings ("Vastauksia", "Myönteisiä") take a
   smaller size, and the text column may break a word too long for its 40 %. */
@media (max-width: 640px) {
  .stMainBlockContainer [data-testid="stHeadingWithActionElements"] h1 { font-size: 2rem; }
  [data-testid="stTableStyledTable"] :is(th, td) { padding: 0.25rem; font-size: 0.75rem; }
  [data-testid="stTableStyledTable"] :is(th, td):first-child { width: 40%; font-size: 0.8125rem; }
  [data-testid="stTableStyledTable"] :is(th, td):first-child :is(div, p) {
    overflow-wrap: anywhere;
  }
}
/* Streamlit aligns its headings and text left whatever the direction; right to left, they
   start right. */
[dir="rtl"] [data-testid="stHeadingWithActionElements"] :is(h1, h2, h3, h4),
[dir="rtl"] [data-testid="stMarkdownContainer"] :is(p, li) { text-align: right; }
</style>
"""


class Access(StrEnum):
    """Who may open a page."""

    PUBLIC = "public"  # respondents and the sign-in page: no login
    STAFF = "staff"  # staff (scoped to their actors) and admins
    ADMIN = "admin"  # admins only
    COUNCIL = "council"  # youth council members (scoped to their actors' plans) and admins


_ROLES = {
    Access.STAFF: (auth.Role.STAFF, auth.Role.ADMIN),
    Access.ADMIN: (auth.Role.ADMIN,),
    Access.COUNCIL: (auth.Role.COUNCIL, auth.Role.ADMIN),
}


@dataclass(frozen=True)
class Page:
    """A page of the app: who may open it, its title's text key, whether it uses the whole
    width, and (pages for staff) its icon in the staff navigation."""

    name: str  # its script is pages/<name>.py; "home" is streamlit_app.py
    access: Access
    title_key: str
    wide: bool = False
    icon: str = ""

    @property
    def script(self) -> str:
        return "streamlit_app.py" if self.name == "home" else f"pages/{self.name}.py"


#: Every page of the app; those for staff in the order of the staff navigation.
PAGES = {
    page.name: page
    for page in (
        Page("home", Access.PUBLIC, "app.name"),
        Page("respond", Access.PUBLIC, "respond.page_title"),
        Page("results", Access.PUBLIC, "results.title"),
        Page("plans", Access.ADMIN, "plans.title", wide=True, icon="🗂️"),
        Page("overview", Access.STAFF, "overview.title", wide=True, icon="📊"),
        Page("follow_up", Access.STAFF, "followup.title", wide=True, icon="✅"),
        Page("rounds", Access.STAFF, "rounds.title", wide=True, icon="🔳"),
        Page("entry", Access.STAFF, "entry.title", wide=True, icon="📝"),
        Page("comments", Access.STAFF, "comments.title", wide=True, icon="💬"),
        Page("council", Access.COUNCIL, "council.title", wide=True),
        Page("login", Access.PUBLIC, "login.title"),
        Page("accessibility", Access.PUBLIC, "accessibility.title"),
        Page("privacy", Access.PUBLIC, "privacy.title"),
    )
}
#: The pages for staff and admins (the staff navigation), and every page behind a sign-in.
STAFF_PAGES = tuple(p for p in PAGES.values() if p.access in (Access.STAFF, Access.ADMIN))
SIGNED_IN_PAGES = tuple(p for p in PAGES.values() if p.access is not Access.PUBLIC)


@dataclass(frozen=True)
class PageContext:
    """What a page needs from the guard."""

    lang: str
    db_path: Path
    access: Access
    user: auth.User | None = None

    @property
    def scope(self) -> tuple[str, ...] | None:
        """The actors whose data this user may see: None means all (admins)."""
        if self.user is None or self.user.role is auth.Role.ADMIN:
            return None
        return self.user.actors

    def query(self, name: str) -> str | None:
        """A query-string value as text (untrusted: validate before use)."""
        value = st.query_params.get(name)
        return value if isinstance(value, str) else None


def setup(name: str) -> PageContext:
    """Configure page `name` (of PAGES) and return its context. Call first in every page
    script."""
    this = PAGES[name]
    access = this.access
    lang = _session_language()
    if access is not Access.PUBLIC and lang not in i18n.LANGUAGES:
        lang = i18n.DEFAULT_LANGUAGE  # staff screens speak only the complete languages
    language = i18n.REGISTRY[lang]
    st.set_page_config(
        page_title=i18n.t(this.title_key, lang),
        page_icon="🙂",
        layout="wide" if this.wide else "centered",
        menu_items={},
    )
    # Streamlit hard-codes <html lang="en">; screen readers need the session's language, and
    # a right-to-left language the direction, which mirrors the layout.
    st.html(
        "<script>"
        f"document.documentElement.lang = {script_json(lang)};"
        f"document.documentElement.dir = {script_json(language.direction)};"
        "</script>",
        unsafe_allow_javascript=True,
    )
    st.html(BASE_CSS)
    if not language.reviewed:
        st.warning(i18n.t("language.draft", lang), icon=":material/translate:")
    if server.started_without_app():
        st.error(i18n.t("app.start_with_app_py", lang))
        st.stop()
    db_path = settings.store()
    try:
        _ready(str(db_path))
    except Exception:  # a full or read-only disk, a damaged file; not cached, so tried again
        log.exception("the database %s cannot be opened", storage.describe(db_path))
        st.header(i18n.t("app.unavailable_title", lang), anchor=False)
        st.info(i18n.t("app.unavailable_body", lang))
        st.stop()
    session.hand_over(lang)
    if access is Access.PUBLIC:
        return PageContext(lang=lang, db_path=db_path, access=access)
    user = session.current_user(db_path)
    if user is None or user.role not in _ROLES[access] or user.must_change_password:
        refused = PageContext(lang=lang, db_path=db_path, access=access)
        _refuse(refused, signed_in=user is not None and not user.must_change_password)
    if user.role is not auth.Role.COUNCIL:
        _staff_navigation(lang, user)
    return PageContext(lang=lang, db_path=db_path, access=access, user=user)


@contextmanager
def within_scope(ctx: PageContext) -> Iterator[None]:
    """A staff write that the domain refuses as outside the user's actors says so in the
    user's language and ends the run, instead of failing the page (a page checks first; this
    is for a form sent from a stale or tampered page)."""
    try:
        yield
    except scope.OutOfScope:
        st.error(i18n.t("login.forbidden", ctx.lang))
        stop(ctx)


def _refuse(ctx: PageContext, *, signed_in: bool) -> None:
    """Stop the page: nothing below the guard runs for someone who may not see it."""
    lang = ctx.lang
    if signed_in:
        st.error(i18n.t("login.forbidden", lang))
    else:
        st.warning(i18n.t("login.required", lang))
    # Whoever is not signed in comes back here once they are: the sign-in passes `next` on.
    here = None if signed_in else _here()
    st.page_link(
        "pages/login.py",
        label=i18n.t("login.go", lang),
        icon="🔑",
        query_params={"lang": lang, **({"next": here} if here else {})},
    )
    stop(ctx)


def _here() -> str | None:
    """This page's path and query (without the language), as the browser shows them."""
    if not st.context.url:
        return None
    query = {k: v for k, v in st.query_params.to_dict().items() if k != "lang"}
    path = urlsplit(st.context.url).path
    return f"{path}?{urlencode(query)}" if query else path


def _staff_navigation(lang: str, user: auth.User) -> None:
    with st.sidebar:
        for shown in STAFF_PAGES:
            if user.role in _ROLES[shown.access]:
                st.page_link(shown.script, label=i18n.t(shown.title_key, lang), icon=shown.icon)
        st.page_link("pages/login.py", label=i18n.t("login.title", lang), icon="🔑")


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


def footer(
    ctx: PageContext, *, staff: bool | None = None, languages: tuple[str, ...] = i18n.LANGUAGES
) -> None:
    """The end of every page: the language switch, then the accessibility statement and the
    privacy notice, one tap away (Act 306/2019, GDPR art. 12). Staff (`staff`, by default
    whoever is on a page that needs a sign-in) get the record of processing; a respondent's
    privacy link carries the way back to the screen they were on (a kiosk has no back button).
    `languages`: those the switch offers (a round's own), and the page's own language."""
    language_switch(ctx.lang, tuple(dict.fromkeys((*languages, ctx.lang))))
    staff = ctx.access is not Access.PUBLIC if staff is None else staff
    back = None if staff else session_cookie.local_page(_here())
    privacy = {"lang": ctx.lang, **({"for": "staff"} if staff else {})}
    with st.container(horizontal=True, key="footer-links"):
        st.page_link(
            "pages/accessibility.py",
            label=i18n.t("footer.accessibility", ctx.lang),
            query_params={"lang": ctx.lang},
        )
        st.page_link(
            "pages/privacy.py",
            label=i18n.t("footer.privacy", ctx.lang),
            query_params={**privacy, **({"back": back} if back else {})},
        )


def stop(ctx: PageContext) -> None:
    """End the page early (nothing more to show), with its footer still drawn."""
    footer(ctx)
    st.stop()


def language_switch(lang: str, languages: tuple[str, ...] = i18n.LANGUAGES) -> None:
    """A visible language switch; the choice is kept in the session and in the link."""

    def changed() -> None:
        # .get: Streamlit's clear-cache message can empty the session's state between the
        # click and this callback; the page then simply keeps its language.
        new = st.session_state.get("language_switch")
        if new:
            st.session_state["lang"] = new
            st.query_params["lang"] = new

    st.segmented_control(
        i18n.t("language.label", lang),
        options=list(languages),
        format_func=i18n.LANGUAGE_NAMES.get,
        default=lang if lang in languages else None,
        required=True,
        key="language_switch",
        on_change=changed,
    )


def side_by_side(key: str, n: int = 2) -> list:
    """`n` containers side by side where each can be at least 22rem wide, else one under the
    other (the rule is in BASE_CSS); `key` tells this row from the page's others."""
    row = st.container(horizontal=True, key=f"side-by-side-{key}")
    return [row.container() for _ in range(n)]
