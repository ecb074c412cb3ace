"""The one connection recipe: every connection durable, every write `BEGIN IMMEDIATE`.

Settled in DESIGN.md §6.3: a connection per operation, WAL with synchronous=FULL (WAL + NORMAL
may lose committed answers on power loss), a busy timeout, foreign keys on (they are off by
default, per connection), and writes that take the write lock up front so that concurrent
writers queue instead of failing with "database is locked".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

BUSY_TIMEOUT_MS = 10_000

#: What a read or a write raises when the store itself fails: the disk full or read-only, the
#: file damaged, the write lock held past the busy timeout. Callers name this, not sqlite3.
StoreError = sqlite3.Error


def connect(path: str | Path) -> Database:
    """Open the database at `path` with the settled pragmas."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: no implicit transactions; writes say BEGIN IMMEDIATE themselves.
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return Database(conn, execute_plugins=False)


@contextmanager
def reading(path: str | Path) -> Iterator[Database]:
    """A connection for reads, closed afterwards."""
    db = connect(path)
    try:
        yield db
    finally:
        db.close()


@contextmanager
def writing(path: str | Path) -> Iterator[Database]:
    """A connection holding the write lock for one transaction: all of it commits, or none.

    The caller's work is durable once the `with` block has exited without an exception.
    """
    db = connect(path)
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.conn.rollback()
            raise
        db.execute("COMMIT")
    finally:
        db.close()


def among(column: str, values: Sequence[object] | None) -> tuple[str, list]:
    """The condition `column IN (…)` and its parameters: always true for None (no restriction),
    never true for an empty sequence."""
    if values is None:
        return "1 = 1", []
    return f"{column} IN ({', '.join('?' for _ in values) or 'NULL'})", list(values)
