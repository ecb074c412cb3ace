"""Storage: the one seam that knows whether the store is a SQLite file or a PostgreSQL server.

Everything else opens `reading(location)` or `writing(location)` and speaks the portable SQL of
`Connection`; `schema.migrate(location)` creates or updates either store.
"""

from feedback.storage.base import (
    BUSY_TIMEOUT_MS,
    Connection,
    IntegrityError,
    NoStore,
    StoreError,
    among,
    describe,
    is_server,
    random_id,
)
from feedback.storage.connection import analyse, close_all, erasing, reading, writing

__all__ = [
    "BUSY_TIMEOUT_MS",
    "Connection",
    "IntegrityError",
    "NoStore",
    "StoreError",
    "among",
    "analyse",
    "close_all",
    "describe",
    "erasing",
    "is_server",
    "random_id",
    "reading",
    "writing",
]
