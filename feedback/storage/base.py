"""What every store offers: the `Connection` that modules speak to, and the errors it raises.

A *location* is either a SQLite file path (the embedded default) or a `postgresql://…` URL (the
shared store of several app replicas). The SQL is the same on both: `?` placeholders,
`INSERT … ON CONFLICT`, `RETURNING`; the few things the engines spell differently are methods
(`weekday`, `json_element`, `lock`, `load`). No module outside this package knows which engine
it talks to.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

#: How long a write waits for a lock before it fails (SQLite's busy timeout, PostgreSQL's
#: lock_timeout); read at each use, so that a test may shorten it.
BUSY_TIMEOUT_MS = 10_000
SERVER_SCHEMES = ("postgresql://", "postgres://")


class StoreError(Exception):
    """The store failed: the disk full or read-only, the file damaged, the server gone, the
    write lock held past the busy timeout. Callers name this, never a driver's exception."""


class IntegrityError(StoreError):
    """A write broke a constraint of the schema (a unique key, a foreign key, a check)."""


class NoStore(StoreError):
    """A read-only command was pointed at a store that does not exist."""


def random_id() -> int:
    """A row id that says nothing of when its row was written (issue #24): the key of every row
    written per answer (answers, comments, council proposals), drawn from 63 bits so that it fits
    both stores' 64-bit integers. Ids numbered in arrival order would let anyone who reads the
    store, or a page listing by id, line answers up with the moments they were given; and a
    SQLite table is read, and kept on disk, in the order of its key."""
    return secrets.randbits(63)


def is_server(location: str | Path) -> bool:
    """True for a PostgreSQL URL, False for a SQLite file path."""
    return str(location).startswith(SERVER_SCHEMES)


def describe(location: str | Path) -> str:
    """The location as it may be printed or logged: a URL without its password."""
    if not is_server(location):
        return str(location)
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", str(location))


class Connection:
    """One connection in use by one thread: the same methods and the same SQL on both stores."""

    dialect: str

    # --- statements ---------------------------------------------------------------------

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Any:
        """Run one statement with `?` placeholders; returns a DB-API cursor."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement once per row of parameters."""
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """The rows of a query as dicts by column name."""
        cursor = self.execute(sql, params)
        names = [column[0] for column in cursor.description]
        for row in cursor.fetchall():
            yield dict(zip(names, row, strict=True))

    def insert(self, table: str, row: Mapping[str, Any], *, returning: str | None = None) -> Any:
        """Insert one row; with `returning`, the value of that column (e.g. a new id)."""
        columns = list(row)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_marks(len(columns))})"
        if returning:
            return self.execute(f"{sql} RETURNING {returning}", list(row.values())).fetchone()[0]
        self.execute(sql, list(row.values()))
        return None

    def insert_all(
        self, table: str, rows: Sequence[Mapping[str, Any]], *, ignore: bool = False
    ) -> None:
        """Insert many rows of the same columns; with `ignore`, rows whose key is taken are
        left out instead of failing the transaction."""
        if not rows:
            return
        columns = list(rows[0])
        conflict = " ON CONFLICT DO NOTHING" if ignore else ""
        self.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_marks(len(columns))})"
            + conflict,
            [[row[c] for c in columns] for row in rows],
        )

    def upsert_all(self, table: str, rows: Sequence[Mapping[str, Any]], *, pk: str) -> None:
        """Insert rows, or update the ones whose `pk` is taken (their other columns)."""
        if not rows:
            return
        columns = list(rows[0])
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != pk)
        self.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_marks(len(columns))}) "
            f"ON CONFLICT ({pk}) DO UPDATE SET {updates}",
            [[row[c] for c in columns] for row in rows],
        )

    def columns(self, table: str) -> list[str]:
        """The names of a table's columns, in their order."""
        return [column[0] for column in self.execute(f"SELECT * FROM {table} LIMIT 0").description]

    def load(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Bulk-insert rows given in the order of `columns` (a store being copied)."""
        self.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_marks(len(columns))})", rows
        )

    def renumber_after_copy(self, table: str) -> None:
        """After rows came with their ids: new rows of `table` are numbered after them."""

    # --- what the engines spell differently --------------------------------------------

    def begin(self) -> None:
        """Begin a write transaction that waits at most the busy timeout for a lock."""
        raise NotImplementedError

    def rollback(self) -> None:
        """End the transaction without keeping any of it."""
        raise NotImplementedError

    def has_table(self, name: str) -> bool:
        raise NotImplementedError

    def tables(self) -> list[str]:
        """The names of the schema's tables, sorted."""
        raise NotImplementedError

    def lock(self, key: str) -> None:
        """Serialise the rest of this write transaction with every other that locks `key`."""

    def weekday(self, day_sql: str) -> str:
        """SQL for the weekday of an ISO date (text), Monday 0 … Sunday 6 like Python's."""
        raise NotImplementedError

    def json_element(self, array_sql: str, index_sql: str) -> str:
        """SQL for the element at `index_sql` of a JSON array stored as text."""
        raise NotImplementedError


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


def among(column: str, values: Sequence[object] | None) -> tuple[str, list]:
    """The condition `column IN (…)` and its parameters: always true for None (no restriction),
    never true for an empty sequence."""
    if values is None:
        return "1 = 1", []
    return f"{column} IN ({', '.join('?' for _ in values) or 'NULL'})", list(values)
