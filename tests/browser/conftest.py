"""A real app server on loopback and Debian chromium driven by Playwright (docs/design.md §6.8)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from benchmarks.server import free_port, launch, wait_healthy
from feedback import plans, settings
from feedback.staff import auth
from tests.support.browser import TABLET, Server
from tests.support.stores import new_store


@pytest.fixture(scope="session")
def server(store_kind: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app with the real plans loaded, on its own store (of each kind) and port."""
    folder = tmp_path_factory.mktemp(f"server-{store_kind}")
    secrets_path = folder / "secrets.toml"
    os.environ["FEEDBACK_SECRETS"] = str(secrets_path)  # the tests share the server's key
    auth.ensure_secrets()
    db_path = new_store(store_kind, folder)
    plans.import_directory(db_path, settings.PLANS_DIR)
    port = free_port()
    log = folder / "server.log"
    # Kiosk answers closer together than 20 s are flagged: a test's two quick answers stay
    # "too fast" however slowly a loaded machine draws the page between them (3 s in use).
    process = launch(db_path, port, log, settings_={"FEEDBACK_KIOSK_MIN_INTERVAL": "20"})
    started = Server(db_path, port, secrets_path)
    wait_healthy(started.url, process, log)
    yield started
    process.terminate()
    process.wait(timeout=15)


@pytest.fixture
def open_page(browser):
    """Open a page at a viewport size; wait for a heading or text rather than `load`."""
    contexts = []

    def opener(url: str, *, viewport=TABLET, wait_for_text: str | None = None, clock=False):
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        if clock:
            page.clock.install()
        page.goto(url)
        if wait_for_text:
            page.get_by_text(wait_for_text).first.wait_for(timeout=30_000)
        return page

    yield opener
    for context in contexts:
        context.close()
