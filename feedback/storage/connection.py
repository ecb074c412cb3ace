"""The one connection recipe: `reading(location)` and `writing(location)` lend a kept
connection of the right store (SQLite file or PostgreSQL server) for one read or one write
transaction; see `sqlite` and `postgresql` for how each engine keeps its guarantees.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from feedback.storage.base import Connection, is_server
from feedback.storage.postgresql import PostgreSQLPool
from feedback.storage.sqlite import SQLitePool

log = logging.getLogger(__name__)

_LOCATIONS_KEPT = 8  # pools kept open per process; the least recently used one is closed


_pools: OrderedDict[str, SQLitePool | PostgreSQLPool] = OrderedDict()
_pools_lock = threading.Lock()


def _pool(location: str | Path) -> SQLitePool | PostgreSQLPool:
    key = str(location) if is_server(location) else str(Path(location).resolve())
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None:
            pool = PostgreSQLPool(key) if is_server(location) else SQLitePool(Path(key))
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
    with _pool(location).connection(create=True) as db, _transaction(db):
        yield db


@contextmanager
def erasing(location: str | Path, *tables: str) -> Iterator[Connection]:
    """A write transaction on an existing store whose deleted rows of `tables` leave nothing
    readable in the store's files once the `with` block has exited: what the law says must be
    gone (children's comments past their time) must not linger in free pages or the log.

    SQLite overwrites deleted content with zeros (`secure_delete`, on for every connection)
    and then checkpoints the write-ahead log into the file and truncates it; PostgreSQL
    rewrites the tables (`VACUUM FULL`), which drops the dead rows' pages. The checkpoint
    waits for readers as long as a write would; a reader that outlasts that is logged (the
    next checkpoint, at the latest when the app stops, overwrites the old pages)."""
    with _pool(location).connection(create=False) as db:
        with _transaction(db):
            yield db
        if db.dialect == "sqlite":
            busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if busy:
                log.warning("a reader kept %s's write-ahead log from being truncated", location)
        else:
            db.execute(f"VACUUM FULL {', '.join(tables)}")


@contextmanager
def _transaction(db: Connection) -> Iterator[None]:
    db.begin()
    try:
        yield
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
