"""SQLite, the embedded default (docs/design.md §6.3): WAL with synchronous=FULL (WAL + NORMAL may
lose committed answers on power loss), a busy timeout, foreign keys on (off by default, per
connection), and writes that take the write lock up front (`BEGIN IMMEDIATE`), so concurrent
writers queue instead of failing with "database is locked". Connections are kept open per
process (connecting costs 2.6–3.3 ms inside a rerun, a kept connection 0.015–0.3 ms); each is
lent to one thread at a time.
"""

from __future__ import annotations

import queue
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from feedback.storage import base
from feedback.storage.base import Connection, IntegrityError, NoStore, StoreError

_IDLE_PER_LOCATION = 8  # connections kept open per file


class SQLiteConnection(Connection):
    dialect = "sqlite"

    def __init__(self, conn: sqlite3.Connection):
        self.raw = conn

    def execute(self, sql, params=()):
        with _sqlite_errors():
            return self.raw.execute(sql, params)

    def executemany(self, sql, rows):
        with _sqlite_errors():
            self.raw.executemany(sql, rows)

    def begin(self):
        self.execute("BEGIN IMMEDIATE")  # the write lock up front: writers queue, never fail

    def rollback(self):
        self.raw.rollback()  # nothing to do when the engine has already rolled back

    def has_table(self, name):
        return bool(
            self.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]
            ).fetchone()
        )

    def tables(self):
        rows = self.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        return [name for (name,) in rows]

    def weekday(self, day_sql):
        # SQLite's %w counts Sunday as 0.
        return f"((CAST(strftime('%w', {day_sql}) AS INTEGER) + 6) % 7)"

    def json_element(self, array_sql, index_sql):
        return f"json_extract({array_sql}, '$[' || ({index_sql}) || ']')"


@contextmanager
def _sqlite_errors() -> Iterator[None]:
    try:
        yield
    except sqlite3.IntegrityError as error:
        raise IntegrityError(str(error)) from error
    except sqlite3.Error as error:
        raise StoreError(str(error)) from error


def _open_sqlite(path: Path) -> sqlite3.Connection:
    # isolation_level=None: no implicit transactions; writes say BEGIN IMMEDIATE themselves.
    # check_same_thread=False: a kept connection serves one thread at a time, then the next.
    conn = sqlite3.connect(
        str(path),
        timeout=base.BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {base.BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Deleted rows are overwritten with zeros, whatever SQLite was built with: a comment
        # deleted past its retention must not stay readable in a free page (feedback.retention).
        conn.execute("PRAGMA secure_delete = ON")
    except BaseException:
        conn.close()
        raise
    return conn


class SQLitePool:
    """Open connections to one file, each lent to one thread at a time."""

    def __init__(self, path: Path):
        self.path = path
        self._idle: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()

    @contextmanager
    def connection(self, *, create: bool) -> Iterator[SQLiteConnection]:
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            if not create and not self.path.exists():
                raise NoStore(f"there is no database at {self.path}") from None
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            with _sqlite_errors():
                conn = _open_sqlite(self.path)
        else:
            try:
                with _sqlite_errors():  # the timeout a new connection would have now
                    conn.execute(f"PRAGMA busy_timeout = {base.BUSY_TIMEOUT_MS}")
            except StoreError:
                conn.close()
                raise
        try:
            yield SQLiteConnection(conn)
        except StoreError:
            conn.close()  # a connection that failed may hold a broken state: never lend it again
            raise
        except BaseException:
            self._give_back(conn)
            raise
        self._give_back(conn)

    def _give_back(self, conn: sqlite3.Connection) -> None:
        if conn.in_transaction or self._idle.qsize() >= _IDLE_PER_LOCATION:
            conn.close()
        else:
            self._idle.put(conn)

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return
