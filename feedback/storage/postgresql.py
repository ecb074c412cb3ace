"""PostgreSQL, the store that several replicas share: a connection pool per process and URL,
READ COMMITTED transactions whose writes are single atomic statements (`INSERT … ON CONFLICT DO
UPDATE SET n = n + 1` increments under a row lock, so no count is lost), and `lock(key)` where a
transaction reads before it writes (a sign-in's failures, a plan's import): a transaction-scoped
advisory lock that serialises exactly the transactions that name the same key. SQLite's writers
hold one lock for the whole file already, so there `lock` has nothing left to do.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from feedback.storage import base
from feedback.storage.base import Connection, IntegrityError, StoreError, describe


class PostgreSQLConnection(Connection):
    dialect = "postgresql"

    def __init__(self, conn: Any):
        self.raw = conn

    def execute(self, sql, params=()):
        with _postgresql_errors():
            return self.raw.execute(_pg_sql(sql), _pg_params(params))

    def executemany(self, sql, rows):
        with _postgresql_errors(), self.raw.cursor() as cursor:
            cursor.executemany(_pg_sql(sql), [_pg_params(row) for row in rows])

    def begin(self):
        # Without parameters, psycopg sends both statements at once: one round trip.
        with _postgresql_errors():
            self.raw.execute(f"BEGIN; SET LOCAL lock_timeout = {int(base.BUSY_TIMEOUT_MS)}")

    def rollback(self):
        self.execute("ROLLBACK")

    def has_table(self, name):
        row = self.execute("SELECT to_regclass(?) IS NOT NULL", [name]).fetchone()
        return bool(row[0])

    def tables(self):
        rows = self.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
        )
        return [name for (name,) in rows]

    def load(self, table, columns, rows):
        # COPY: a copied store's millions of answers in a minute, not an hour of INSERTs.
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with _postgresql_errors(), self.raw.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(_pg_params(row))

    def renumber_after_copy(self, table):
        if "id" not in self.columns(table):
            return
        [sequence] = self.execute("SELECT pg_get_serial_sequence(?, 'id')", [table]).fetchone()
        if sequence:  # an identity column, not an id of text
            self.execute(
                f"SELECT setval(?, coalesce(max(id), 0) + 1, false) FROM {table}", [sequence]
            )

    def lock(self, key):
        # A 64-bit key from the text; a collision only makes two transactions wait in turn.
        self.execute("SELECT pg_advisory_xact_lock(?)", [_lock_id(key)])

    def weekday(self, day_sql):
        return f"(CAST(extract(isodow FROM CAST({day_sql} AS date)) AS INTEGER) - 1)"

    def json_element(self, array_sql, index_sql):
        return f"(CAST({array_sql} AS json) ->> CAST({index_sql} AS INTEGER))"


def _lock_id(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), signed=True)


@functools.lru_cache(maxsize=1024)
def _pg_sql(sql: str) -> str:
    """`?` placeholders as psycopg's `%s` (and a literal `%` doubled). The SQL of this project
    never has a `?` inside a string literal."""
    return sql.replace("%", "%%").replace("?", "%s")


def _pg_params(params: Sequence[Any] | Mapping[str, Any]) -> list[Any]:
    # As SQLite stores them: flags as 0/1, days as ISO text.
    return [_pg_value(v) for v in params]


def _pg_value(value: Any) -> Any:
    if isinstance(value, str) and "\x00" in value:
        # PostgreSQL's text cannot hold NUL; no stored text has one, so a lookup still finds
        # nothing, and the texts this project stores are cleaned of control characters first.
        return value.replace("\x00", "\ufffd")
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


@contextmanager
def _postgresql_errors() -> Iterator[None]:
    import psycopg

    try:
        yield
    except psycopg.errors.IntegrityError as error:
        raise IntegrityError(str(error)) from error
    except psycopg.Error as error:
        raise StoreError(str(error)) from error


class PostgreSQLPool:
    """A psycopg pool for one URL: connections are opened once and lent per transaction."""

    def __init__(self, url: str):
        import psycopg
        from psycopg_pool import ConnectionPool

        class FloatLoader(psycopg.adapt.Loader):
            # avg() and sums of sums are NUMERIC; the figures are floats, as SQLite gives them.
            def load(self, data):
                return float(bytes(data).decode())

        def configure(conn):
            conn.adapters.register_loader("numeric", FloatLoader)

        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=10,
            configure=configure,
            # Transactions are begun and ended by `writing` and `reading`, as on SQLite.
            kwargs={"autocommit": True},
            open=False,
            name="feedback",
        )
        with _postgresql_errors():
            try:
                self._pool.open(wait=True, timeout=10)
            except Exception as error:
                self._pool.close()
                raise StoreError(f"cannot connect to {describe(url)}: {error}") from error

    @contextmanager
    def connection(self, *, create: bool) -> Iterator[PostgreSQLConnection]:
        del create  # a server's database is made by its administrator
        with _postgresql_errors(), self._pool.connection(timeout=30) as conn:
            yield PostgreSQLConnection(conn)

    def close(self) -> None:
        self._pool.close()
