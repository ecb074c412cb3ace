"""The one connection recipe for both stores, and the portable SQL every module speaks.

A *location* is either a SQLite file path (the embedded default) or a `postgresql://…` URL (the
shared store of several app replicas). Modules call `reading(location)` or `writing(location)`
and get a `Connection` whose SQL is the same on both: `?` placeholders, `INSERT … ON CONFLICT`,
`RETURNING`; the few things the engines spell differently are methods (`weekday`,
`json_element`, `lock`). No module outside this package knows which engine it talks to.

SQLite (DESIGN.md §6.3): WAL with synchronous=FULL (WAL + NORMAL may lose committed answers on
power loss), a busy timeout, foreign keys on (off by default, per connection), and writes that
take the write lock up front (`BEGIN IMMEDIATE`), so concurrent writers queue instead of failing
with "database is locked". Connections are kept open per process (connecting costs 2.6–3.3 ms
inside a rerun, a kept connection 0.015–0.3 ms); each is used by one thread at a time.

PostgreSQL: a connection pool per process and URL, READ COMMITTED transactions whose writes are
single atomic statements (`INSERT … ON CONFLICT DO UPDATE SET n = n + 1` increments under a row
lock, so no count is lost), and `Connection.lock(key)` where a transaction reads before it
writes (a sign-in's failures, a plan's import): a transaction-scoped advisory lock that
serialises exactly the transactions that name the same key. SQLite's writers hold one lock for
the whole file already, so there `lock` has nothing left to do.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import queue
import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
SERVER_SCHEMES = ("postgresql://", "postgres://")
_IDLE_PER_LOCATION = 8  # connections kept open per SQLite file
_LOCATIONS_KEPT = 8  # pools kept open per process; the least recently used one is closed


class StoreError(Exception):
    """The store failed: the disk full or read-only, the file damaged, the server gone, the
    write lock held past the busy timeout. Callers name this, never a driver's exception."""


class IntegrityError(StoreError):
    """A write broke a constraint of the schema (a unique key, a foreign key, a check)."""


class NoStore(StoreError):
    """A read-only command was pointed at a store that does not exist."""


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


# --- SQLite ------------------------------------------------------------------------------


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
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


class _SQLitePool:
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
                    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
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


# --- PostgreSQL --------------------------------------------------------------------------


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
            self.raw.execute(f"BEGIN; SET LOCAL lock_timeout = {int(BUSY_TIMEOUT_MS)}")

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


class _PostgreSQLPool:
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


# --- the pools of this process -------------------------------------------------------------

_pools: OrderedDict[str, _SQLitePool | _PostgreSQLPool] = OrderedDict()
_pools_lock = threading.Lock()


def _pool(location: str | Path) -> _SQLitePool | _PostgreSQLPool:
    key = str(location) if is_server(location) else str(Path(location).resolve())
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None:
            pool = _PostgreSQLPool(key) if is_server(location) else _SQLitePool(Path(key))
            _pools[key] = pool
            if len(_pools) > _LOCATIONS_KEPT:
                _pools.popitem(last=False)[1].close()
        _pools.move_to_end(key)
        return pool


def close_all() -> None:
    """Close every kept connection of this process (at shutdown, or before a file is moved)."""
    with _pools_lock:
        while _pools:
            _pools.popitem()[1].close()


@contextmanager
def reading(location: str | Path, *, create: bool = True) -> Iterator[Connection]:
    """A connection for reads. With `create=False`, `NoStore` for a SQLite file that does not
    exist (a read-only command must not leave an empty database behind)."""
    with _pool(location).connection(create=create) as db:
        if db.dialect == "sqlite":
            yield db
            return
        # One snapshot for the whole read, as a SQLite read sees; nothing to commit.
        try:
            db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield db
        finally:
            with _quietly():
                db.rollback()


@contextmanager
def writing(location: str | Path) -> Iterator[Connection]:
    """A connection for one write transaction: all of it commits, or none.

    The caller's work is durable once the `with` block has exited without an exception.
    """
    with _pool(location).connection(create=True) as db:
        db.begin()
        try:
            yield db
        except BaseException:
            with _quietly():
                db.rollback()
            raise
        db.execute("COMMIT")


@contextmanager
def _quietly() -> Iterator[None]:
    """A rollback after a failure must not hide the failure itself."""
    try:
        yield
    except Exception as error:  # the original exception is what the caller must see
        log.warning("rollback failed: %s", error)


def analyse(location: str | Path) -> None:
    """Refresh what the query planner knows of the tables, after a bulk load (a copied store):
    PostgreSQL's plans for the dashboard's index-only scans need it, and its visibility map."""
    with _pool(location).connection(create=False) as db:
        if db.dialect == "sqlite":
            db.execute("ANALYZE")
        else:  # this store's tables only, not every schema of the database
            db.execute(f"VACUUM ANALYZE {', '.join(db.tables())}")


def among(column: str, values: Sequence[object] | None) -> tuple[str, list]:
    """The condition `column IN (…)` and its parameters: always true for None (no restriction),
    never true for an empty sequence."""
    if values is None:
        return "1 = 1", []
    return f"{column} IN ({', '.join('?' for _ in values) or 'NULL'})", list(values)
