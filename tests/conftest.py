"""Fixtures: a real store per test — a temporary SQLite file, and a fresh schema on the real
PostgreSQL server that scripts/test.sh starts — a tiny plan, an open round.

Every test that takes `db_path` (or a fixture built on it) runs once per store; a test marked
`sqlite_only` is about the file itself (pragmas, a damaged file, a full disk) and runs once, and
a browser test runs on PostgreSQL too only when marked `both_stores`.
"""

from __future__ import annotations

import asyncio
import atexit
import functools
import os
import shutil
import sqlite3
import tempfile
import textwrap
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import pytest

from feedback import i18n, plans, rounds, storage
from feedback.rounds import answers
from feedback.staff import auth, throttle
from feedback.storage import schema

MINI_PLAN = textwrap.dedent(
    """\
    format: 1
    id: mini
    language: fi
    name: {fi: Minisuunnitelma, sv: Miniplan, en: Mini plan}
    period: {start: 2021, end: 2025}
    municipalities: [Hamina, Kotka]
    source: Test plan written for the test suite
    actors:
      - {id: hamina, name: Haminan kaupunki, kind: municipality}
      - {id: kotka, name: Kotkan kaupunki, kind: municipality}
    main_goals:
      - id: i
        number: I
        title: {fi: Osallisuus, en: Participation}
        sub_goals:
          - id: i-1
            number: 1
            title: {fi: Lapsia kuullaan, en: Children are heard}
            ease: medium
            impact: high
            actions:
              - {id: a1, text: {fi: Lasten parlamentti, en: Children's parliament}, actor: hamina}
              - {id: a2, text: Nuorisovaltuuston kokoukset, actor: kotka}
          - id: i-2
            number: 2
            title: Harrastukset kaikille
            actions:
              - {id: a3, text: Maksuton kerhotoiminta, actor: hamina}
      - id: ii
        number: II
        title: Hyvinvointi
        sub_goals:
          - id: ii-1
            number: 1
            title: Liikkuminen
            actions:
              - {id: a4, text: Liikuntakerhot, actor: kotka}
    indicators:
      - id: ind-01
        number: 1
        name: Tyytyväinen elämäänsä
        unit: percent
        direction: higher-is-better
        source: Kouluterveyskysely
        sub_goals: [i-1]
        values:
          - {year: 2019, group: grades-4-5, value: 88.0, national: 89.5, colour: neutral}
    """
)


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


STORES = ("sqlite", "postgresql")
#: The server's URL, set by scripts/test.sh, which starts a throwaway cluster.
POSTGRESQL = os.environ.get("FEEDBACK_TEST_POSTGRESQL", "")
#: The stores this run tests on: `scripts/test.sh --fast` sets "sqlite".
RUN_STORES = os.environ.get("FEEDBACK_TEST_STORES", ",".join(STORES)).split(",")


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


def available(kind: str) -> str:
    """The store kind, or the test skipped (failed in CI) where there is no such server."""
    if kind == "postgresql" and not POSTGRESQL:
        if os.environ.get("CI"):
            pytest.fail("CI must test PostgreSQL too: run the tests through scripts/test.sh")
        pytest.skip("no PostgreSQL server: scripts/test.sh starts one (FEEDBACK_TEST_POSTGRESQL)")
    return kind


@pytest.fixture(params=STORES, scope="session")
def store_kind(request) -> str:
    return available(request.param)


def new_store(kind: str, folder: Path, *, migrated: bool = True) -> str | Path:
    """An empty store, migrated unless told: a file in `folder`, or a schema of its own on the
    server. A migrated one is a copy of the process's template (the ~20 migrations run once)."""
    if migrated:
        return _template(kind).copy(folder)
    if kind == "sqlite":
        return folder / "feedback.db"
    name = f"t_{uuid.uuid4().hex[:12]}"
    with storage.writing(POSTGRESQL) as db:
        db.execute(f"CREATE SCHEMA {name}")
    return f"{POSTGRESQL}?options={quote(f'-csearch_path={name}')}"


class _Template:
    """A store migrated once per test process, copied for every test that needs a migrated
    one: SQLite's file through the backup API (~20 ms against ~140 ms for migrating), and on
    PostgreSQL a database made from a template database by copying its files (~50 ms; with
    WAL_LOG ~90 ms, migrating a fresh schema ~300 ms)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.name = f"template_{uuid.uuid4().hex[:12]}"
        if kind == "sqlite":
            folder = tempfile.mkdtemp()
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
            self.location: str | Path = Path(folder) / "template.db"
            schema.migrate(self.location)
        else:
            _server(f"CREATE DATABASE {self.name}")
            self.location = _database(self.name)
            schema.migrate(self.location)
            storage.close_all()  # a template database must have no connection open

    def copy(self, folder: Path) -> str | Path:
        if self.kind == "sqlite":
            location = folder / "feedback.db"
            with (
                closing(sqlite3.connect(self.location)) as source,
                closing(sqlite3.connect(location)) as target,
            ):
                source.backup(target)
            return location
        name = f"t_{uuid.uuid4().hex[:12]}"
        _server(f"CREATE DATABASE {name} TEMPLATE {self.name} STRATEGY FILE_COPY")
        return _database(name)


def _server(statement: str) -> None:
    """A statement that cannot run in a transaction (CREATE DATABASE), on the tests' server."""
    import psycopg

    with psycopg.connect(POSTGRESQL, autocommit=True) as db:
        db.execute(statement)


def _database(name: str) -> str:
    """The URL of database `name` on the tests' server."""
    return f"{POSTGRESQL.rsplit('/', 1)[0]}/{name}"


@functools.cache
def _template(kind: str) -> _Template:
    return _Template(kind)


def store_before(kind: str, folder: Path, migration: str, plan_file: Path) -> str | Path:
    """A store as the code before `migration` left it: the migrations before it applied and
    the plan of `plan_file` written (as an import writes it; the import itself reads today's
    tables)."""
    from feedback.plans import file_format
    from feedback.storage.migrations import Migrations

    store = new_store(kind, folder, migrated=False)
    names = [name for name, _ in schema.migrations.steps]
    before = Migrations("feedback")
    before.steps = schema.migrations.steps[: names.index(migration)]
    plan, content_hash = file_format.load(plan_file)
    with storage.writing(store) as db:
        before.apply(db)
        plans._write(db, plan, content_hash)
    return store


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


#: What the child rates in a test's round, per language.
SUBJECTS = {"fi": "Nuorisotalon kerho", "sv": "Ungdomsgårdens klubb", "en": "The youth club"}


def open_round(db_path: str | Path, **options) -> rounds.Round:
    """A round opened as staff open one, with a subject (SUBJECTS) in each of its languages
    unless the test gives its own; `options` as for `rounds.create`."""
    languages = options.get("languages", i18n.LANGUAGES)
    options.setdefault("subjects", {lang: SUBJECTS[lang] for lang in languages})
    return rounds.create(db_path, **options)


def round_before_subjects(db_path: str | Path, **options) -> rounds.Round:
    """A round as it was opened before rounds had subjects (none in any language), which keeps
    working: its question is the heading."""
    opened = open_round(db_path, **options)
    with storage.writing(db_path) as db:
        db.execute("UPDATE rounds SET subjects = '{}' WHERE id = ?", [opened.id])
    rounds.changed(db_path, opened.code)
    return rounds.get_by_code(db_path, opened.code)


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


def signed_in(db_path: Path, username: str, *, role: auth.Role, actors=()) -> str:
    """A user who has set their own password, and an open session id for them."""
    one_time = auth.add_user(db_path, username, role=role, actors=actors)
    auth.change_password(db_path, username, one_time, "correct horse battery staple")
    return auth.login(db_path, username, "correct horse battery staple")


@contextmanager
def write_locked(db_path: Path):
    """Another connection holding the write lock (on PostgreSQL: of the answers' table): every
    answer fails, once the busy timeout has passed, until it lets go. A full and a read-only
    disk are in test_storage_faults.py."""
    if storage.is_server(db_path):
        import psycopg

        holder = psycopg.connect(str(db_path), autocommit=True)
        holder.execute("BEGIN")
        holder.execute("LOCK TABLE answers IN EXCLUSIVE MODE")
    else:
        holder = sqlite3.connect(db_path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def stored_answers(db_path: Path, code: str, columns: str) -> list[tuple]:
    """The round's rows in `answers` with `columns` (a fixed list in a test), sorted by those
    columns: answers are stored under random keys and have no order of their own (#24)."""
    with storage.reading(db_path) as db:
        rows = db.execute(
            f"""SELECT {columns} FROM answers JOIN rounds ON rounds.id = round_id
                WHERE code = ?""",
            [code],
        ).fetchall()
    return sorted(tuple(row) for row in rows)


def answered(
    db_path: Path,
    round_: rounds.Round,
    *scores: int,
    channel: str = "link",
    flagged=False,
    text: str = "",
    now: datetime | None = None,
    group: str | None = None,
) -> None:
    """One respondent per score answers the round's main question (through `record`), each
    with the comment `text` if given, at `now` if given, in `group` if given."""
    for score in scores:
        answers.record(
            db_path,
            round_,
            answers.Answer(scores=(score,), text=text, group=group),
            submission_id=answers.new_submission_id(),
            channel=channel,
            flagged=flagged,
            now=now,
        )


# --- A real browser and coroutines, shared by the browser and the security tests ---------------

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


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run the README's test command (scripts/test.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def run_async(coroutine):
    """`asyncio.run(coroutine)` in a thread of its own: Playwright's sync API keeps an event
    loop running in the main thread for as long as the session's browser is open, and a
    second loop cannot be started there."""
    with ThreadPoolExecutor(1) as worker:
        return worker.submit(asyncio.run, coroutine).result()
