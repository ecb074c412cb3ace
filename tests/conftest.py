"""Fixtures: a real store per test — a SQLite file (a copy of one migrated once per process)
and a fresh schema on the real PostgreSQL server that scripts/test.sh starts — a tiny plan, an
open round, a browser. What they are built from is in tests/support.

Every test that takes `db_path` (or a fixture built on it) runs once per store; a test marked
`sqlite_only` is about the file itself (pragmas, a damaged file, a full disk) and runs once, and
a browser test runs on PostgreSQL too only when marked `both_stores`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from feedback import plans, rounds
from feedback.staff import auth, throttle
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.rounds import open_round
from tests.support.stores import MINI_PLAN, RUN_STORES, STORES, available, new_store


@pytest.fixture(autouse=True)
def secrets_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cookie key; nothing is written to the real config folder."""
    path = tmp_path / "secrets.toml"
    monkeypatch.setenv("FEEDBACK_SECRETS", str(path))
    monkeypatch.setenv("FEEDBACK_BCRYPT_ROUNDS", "4")
    auth.ensure_secrets()
    return path


@pytest.fixture(autouse=True)
def fresh_throttles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no sign-in failures remembered in memory (addresses, devices), as
    a new server process would."""
    monkeypatch.setattr(throttle, "ADDRESSES", throttle.Backoff())
    monkeypatch.setattr(throttle, "DEVICES", throttle.Backoff())


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL run only what can differ there: not a `sqlite_only` test (about the file
    itself), not a `one_store` test (what is drawn the same from either store), and of the
    browser tests only those marked `both_stores`, the flows whose store the server uses in
    a way the tests of the pages on both stores do not (answers, sessions, figures). A store
    not in RUN_STORES (the fast tier's PostgreSQL) is not run at all."""
    kept, dropped = [], []
    for item in items:
        store = getattr(item, "callspec", None) and item.callspec.params.get("store_kind")
        once = item.get_closest_marker("sqlite_only") or item.get_closest_marker("one_store")
        browser_once = item.get_closest_marker("browser") and not item.get_closest_marker(
            "both_stores"
        )
        not_run = store and store not in RUN_STORES
        if not_run or (store == "postgresql" and (once or browser_once)):
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(params=STORES, scope="session")
def store_kind(request) -> str:
    return available(request.param)


@pytest.fixture
def db_path(store_kind: str, tmp_path: Path) -> str | Path:
    """A migrated, empty store of each kind (the name is older than the PostgreSQL store)."""
    return new_store(store_kind, tmp_path)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI_PLAN, encoding="utf-8")
    return path


@pytest.fixture
def plan_db(db_path: Path, plan_file: Path) -> Path:
    """A database with the tiny plan imported."""
    plans.import_file(db_path, plan_file)
    return db_path


@pytest.fixture
def round_(plan_db: Path) -> rounds.Round:
    """An open five-face round on action mini:a1."""
    return open_round(plan_db, action_id="mini:a1", code="testcase")


@pytest.fixture
def app_env(plan_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at the test database and forget cached resources."""
    import streamlit as st

    monkeypatch.setenv("FEEDBACK_DB", str(plan_db))
    st.cache_resource.clear()
    st.cache_data.clear()
    return plan_db


# --- A real browser and coroutines, shared by the browser and the security tests ---------------


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run the README's test command (scripts/test.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
