"""Stores for the tests: a SQLite file (copied from one migrated once per test process) or a
schema on the PostgreSQL server that scripts/test.sh starts; the tiny plan."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import sqlite3
import subprocess
import tempfile
import textwrap
import uuid
from contextlib import closing, contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

from feedback import plans, storage
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


STORES = ("sqlite", "postgresql")


#: The server's URL, set by scripts/test.sh, which starts a throwaway cluster.
POSTGRESQL = os.environ.get("FEEDBACK_TEST_POSTGRESQL", "")


#: The stores this run tests on: `scripts/test.sh --fast` sets "sqlite".
RUN_STORES = os.environ.get("FEEDBACK_TEST_STORES", ",".join(STORES)).split(",")


def available(kind: str) -> str:
    """The store kind, or the test skipped where this run does not test that store (the fast
    tier) or there is no such server (failed in CI)."""
    if kind not in RUN_STORES:
        pytest.skip(f"this run tests on {', '.join(RUN_STORES)} only (scripts/test.sh --fast)")
    if kind == "postgresql" and not POSTGRESQL:
        if os.environ.get("CI"):
            pytest.fail("CI must test PostgreSQL too: run the tests through scripts/test.sh")
        pytest.skip("no PostgreSQL server: scripts/test.sh starts one (FEEDBACK_TEST_POSTGRESQL)")
    return kind


def new_store(kind: str, folder: Path, *, migrated: bool = True) -> str | Path:
    """An empty store, migrated unless told: a file in `folder`, or a schema of its own on the
    server.

    A migrated SQLite file is a copy of one migrated once per process, through the backup API
    (~20 ms against ~140 ms for migrating). A migrated PostgreSQL schema is made by replaying
    what `pg_dump` wrote of one migrated once per process, in one statement batch (~60 ms
    against ~125 ms for migrating, 2026-12-07). A database made from a migrated template
    database (STRATEGY FILE_COPY, ~50 ms) was measured too, but holds ~10 MB of catalogs, over
    10 GB for a run, and dropping each one after its test made the tests about twice as slow."""
    if kind == "sqlite":
        location: str | Path = folder / "feedback.db"
        if migrated:
            with (
                closing(sqlite3.connect(_migrated_file())) as template,
                closing(sqlite3.connect(location)) as copy,
            ):
                template.backup(copy)
        return location
    name = f"t_{uuid.uuid4().hex[:12]}"
    if migrated:
        _replay(_migrated_schema().replace(_TEMPLATE_SCHEMA, name))
    else:
        _replay(f"CREATE SCHEMA {name}")
    return _in_schema(name)


def _in_schema(name: str) -> str:
    return f"{POSTGRESQL}?options={quote(f'-csearch_path={name}')}"


def _replay(sql: str) -> None:
    """Run `sql` (statements without parameters) on a connection of its own, so that the
    dump's session settings end with it."""
    import psycopg

    with psycopg.connect(POSTGRESQL, autocommit=True) as connection:
        connection.execute(sql)


#: The schema migrated once per process; a name no table or text contains.
_TEMPLATE_SCHEMA = f"t_template_{uuid.uuid4().hex}"


@functools.cache
def _migrated_schema() -> str:
    """`pg_dump` of a schema migrated once per process (tables, indexes and the migrations'
    own rows, as INSERTs: COPY would need psql), as SQL that makes it again; psql's
    meta-commands (`\\restrict`) left out."""
    _replay(f"CREATE SCHEMA {_TEMPLATE_SCHEMA}")
    schema.migrate(_in_schema(_TEMPLATE_SCHEMA))
    dumped = subprocess.run(
        [_pg_dump(), "--dbname", POSTGRESQL, "--schema", _TEMPLATE_SCHEMA, "--inserts"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    _replay(f"DROP SCHEMA {_TEMPLATE_SCHEMA} CASCADE")
    return "\n".join(line for line in dumped.splitlines() if not line.startswith("\\"))


def _pg_dump() -> str:
    """The pg_dump of the newest PostgreSQL installed (as scripts/postgres.sh picks)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_dump"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    if not found:
        pytest.fail("pg_dump is missing: run the README's test command (scripts/test.sh)")
    return str(found[-1])


@functools.cache
def _migrated_file() -> Path:
    """A SQLite file migrated once per test process (removed when the process ends)."""
    folder = tempfile.mkdtemp()
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    location = Path(folder) / "template.db"
    schema.migrate(location)
    return location


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
        plans._write(_Before(db), plan, content_hash)
    return store


class _Before:
    """A connection that writes today's plan rows into the tables as they were before a
    migration: the columns added since (an actor's municipality, 0025) are left out."""

    def __init__(self, db):
        self._db = db

    def __getattr__(self, name):
        return getattr(self._db, name)

    def upsert_all(self, table: str, rows: list[dict], **options):
        kept = set(self._db.columns(table))
        rows = [{key: value for key, value in row.items() if key in kept} for row in rows]
        return self._db.upsert_all(table, rows, **options)


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
