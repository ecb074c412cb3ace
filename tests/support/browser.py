"""Debian chromium driven by Playwright (docs/design.md §6.8) against a real app server:
waiting for Streamlit's runs, signing in and out, kiosks."""

from __future__ import annotations

import re
import time
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

from feedback import settings
from feedback.rounds import kiosk
from feedback.staff import auth
from tests.support.users import PASSWORD

#: Debian chromium, driven by Playwright (docs/design.md §6.8): one per test process.
CHROMIUM = "/usr/bin/chromium"


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


ARTIFACTS = settings.PROJECT_ROOT / "tests" / "browser" / "artifacts"


PHONE = {"width": 360, "height": 740}


TABLET = {"width": 1024, "height": 768}


class Server:
    def __init__(self, db_path: str | Path, port: int, secrets_path: Path):
        self.db_path = db_path
        self.url = f"http://127.0.0.1:{port}"
        self.secrets_path = secrets_path

    @property
    def cookie_key(self) -> str:
        return tomllib.loads(self.secrets_path.read_text(encoding="utf-8"))["cookie_key"]


def screenshot(page, name: str) -> Path:
    """Save a screenshot for a person to look at (tests/browser/artifacts, not committed)."""
    settle(page)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def settle(page) -> None:
    """Wait until the script run has finished: no stale element of the last run, no running
    indicator and no loading skeleton left."""
    page.wait_for_function(
        "!document.querySelector('[data-stale=\"true\"]') && "
        "!document.querySelector('[data-testid=\"stStatusWidget\"]') && "
        "!document.querySelector('[data-testid=\"stSkeleton\"]')",
        timeout=30_000,
    )


def still(page, *, quiet_ms: int = 500, timeout_ms: int = 30_000) -> None:
    """`settle`, then wait until nothing on the page has changed for `quiet_ms`: a widget
    clicked while charts and tables are still being drawn can lose its open menu."""
    settle(page)
    page.evaluate(
        """([quiet, timeout]) => new Promise((done, fail) => {
            let timer = setTimeout(stop, quiet);
            const watcher = new MutationObserver(() => {
                clearTimeout(timer);
                timer = setTimeout(stop, quiet);
            });
            function stop() { watcher.disconnect(); done(); }
            watcher.observe(document, {subtree: true, childList: true, attributes: true});
            setTimeout(() => { watcher.disconnect(); fail(new Error("the page kept changing")); },
                       timeout);
        })""",
        [quiet_ms, timeout_ms],
    )


def enrolment_link(server: Server, code: str, *, label: str = "Tabletti") -> str:
    """A kiosk of round `code`, enrolled as staff enrol one: its single-use link on the
    server, which the tablet opens (the server sets the kiosk cookie and goes on to
    `/respond?s=CODE`)."""
    made = kiosk.enrol(
        server.db_path, code, label=label, enrolled_by="staff", key=server.cookie_key
    )
    return f"{server.url}{kiosk.ENROL_PATH}?{urlsplit(made.link).query}"


def enrol_kiosk(page, server: Server, code: str) -> None:
    """Make the page's browser a kiosk of round `code`, as a tablet becomes one."""
    page.goto(enrolment_link(server, code))
    page.wait_for_url(re.compile(rf"/respond\?s={code}$"), timeout=30_000)


def kiosk_cookie(context) -> dict | None:
    """The browser's kiosk cookie with its attributes (scripts cannot see it: HttpOnly)."""
    return next((c for c in context.cookies() if c["name"] == kiosk.COOKIE_NAME), None)


def in_kiosk_mode(page) -> bool:
    """Whether the page runs as a kiosk (its inactivity watch is installed)."""
    return page.evaluate("window.__kioskInstalled === true")


def sign_in(page, server: Server, username: str, password: str = PASSWORD) -> None:
    """Sign in on the server's sign-in page; a right password sends the browser on to the
    dashboard (`wait_for_session_cookie`)."""
    page.goto(f"{server.url}/login")
    page.get_by_label("Käyttäjätunnus").fill(username)
    page.get_by_label("Salasana").fill(password)
    page.get_by_role("button", name="Kirjaudu").click()


def session_cookie(context) -> dict | None:
    """The browser's session cookie with its attributes (scripts cannot see it: HttpOnly)."""
    return next((c for c in context.cookies() if c["name"] == auth.COOKIE_NAME), None)


#: Where a signed-in browser lands: a page of the app other than the sign-in page and the
#: server's session routes, in the language of the sign-in (`/overview?lang=fi`).
LANDED = re.compile(r"^https?://[^/]+/(?!login\b|session/)[a-z][\w-]*\?(.+&)?lang=\w+(&.*)?$")


def wait_for_session_cookie(page, *, timeout: float = 30) -> dict:
    """Wait until the server has set the session cookie and the browser has gone on to the page
    it redirects to (so that no navigation is still on its way); return the cookie."""
    deadline = time.monotonic() + timeout
    while (cookie := session_cookie(page.context)) is None:
        if time.monotonic() > deadline:
            raise TimeoutError("the server set no session cookie")
        page.wait_for_timeout(100)
    page.wait_for_url(LANDED, timeout=timeout * 1000)
    return cookie


def sign_out(page, server: Server) -> None:
    """Sign out on the server's sign-in page, and wait until the browser is back from it."""
    page.goto(f"{server.url}/login")
    page.get_by_role("button", name="Kirjaudu ulos").wait_for()
    settle(page)
    page.get_by_role("button", name="Kirjaudu ulos").click()
    wait_until_signed_out(page)


def wait_until_signed_out(page) -> None:
    """After "Kirjaudu ulos": the sign-out note on screen, then the browser back from
    `/session/close` on the sign-in page it redirects to. Closing the page while that
    navigation is on its way can leave chromium hanging, so the tests wait for its end."""
    page.get_by_text("Olet kirjautunut ulos.").first.wait_for()
    page.wait_for_url(re.compile(r"/login\?.*signed_out=1"), timeout=30_000)
    page.get_by_text("Olet kirjautunut ulos.").first.wait_for()
    settle(page)


def signed_in_page(browser, server: Server, username: str, *, viewport=None):
    """A new browser context signed in as `username`, its cookie set; returns the page."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, server, username)
    wait_for_session_cookie(page)
    return page
