"""Backups for operators: an online copy of the store, checked before anyone relies on it.

A SQLite file is copied with SQLite's online backup into one self-contained file; a PostgreSQL
store is dumped by the server's own `pg_dump` (custom format, restored with `pg_restore`), from
the same snapshot that the reported numbers are counted in.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from feedback import storage


class BackupError(Exception):
    """The backup could not be made; the message says why in one line."""


class SourceMissing(BackupError):
    """There is no database file to back up."""


class DestinationExists(BackupError):
    """The destination file exists and overwriting was not asked for."""


class DestinationUnwritable(BackupError):
    """The destination cannot be written (no such folder, no permission, the source itself)."""


class IntegrityFailed(BackupError):
    """The copy failed SQLite's integrity check: the source database is damaged."""


class DumpFailed(BackupError):
    """`pg_dump` is missing or did not finish; nothing was written."""


@dataclass(frozen=True)
class BackupReport:
    """What a finished backup holds."""

    path: Path
    size: int  # bytes
    answers: int  # respondents, not rows: one per submission
    comments: int
    rounds: int
    checked: str  # how the copy was checked, and how to restore it


def backup(db_path: str | Path, out_path: str | Path, *, overwrite: bool = False) -> BackupReport:
    """Copy the store at `db_path` to `out_path` and check the copy.

    Safe while the app writes: both ways read one consistent snapshot, so a transaction still
    open elsewhere is not in the copy, and writers are not held up. The copy is written beside
    `out_path` under a temporary name (a SQLite copy checked with `PRAGMA integrity_check` and
    switched to a single-file journal mode) and only then moved into place, so `out_path` is
    either a complete backup or untouched. Raises a `BackupError`.
    """
    out = Path(out_path)
    server = storage.is_server(db_path)
    source = Path(db_path) if not server else None
    if source and not source.is_file():
        raise SourceMissing(f"no database at {source}")
    if out.is_dir():
        raise DestinationUnwritable(f"{out} is a folder; give a file name")
    if source and out.exists() and out.resolve() == source.resolve():
        raise DestinationUnwritable(f"{out} is the database itself; choose another file")
    if out.exists() and not overwrite:
        raise DestinationExists(f"{out} exists; add --force to replace it")
    if not out.parent.is_dir():
        raise DestinationUnwritable(f"cannot write {out}: no folder {out.parent}")
    partial = out.with_name(f".{out.name}.partial")
    try:
        if source:
            _copy(source, partial)
            report = _check(partial, out)
        else:
            report = _dump(str(db_path), partial, out)
        os.replace(partial, out)
    finally:
        for leftover in (partial, *_journals(partial)):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    _sync_folder(out.parent)
    return report


def _copy(source: Path, partial: Path) -> None:
    for stale in _journals(partial):  # a journal left by a crash would be replayed into the copy
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()
    _private_file(partial)  # an empty file is an empty database
    try:
        # mode=rw: never create an empty database where the real one is missing.
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=rw", uri=True)
        src.execute(f"PRAGMA busy_timeout = {storage.BUSY_TIMEOUT_MS}")
    except sqlite3.Error as error:
        raise BackupError(f"cannot open {source}: {error}") from None
    dst = sqlite3.connect(partial)
    try:
        dst.execute("PRAGMA synchronous = FULL")
        # pages=-1: one step, so the copy is one snapshot even while the source changes.
        src.backup(dst, pages=-1)
        # The copied header says WAL; a backup is better one self-contained file.
        dst.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.DatabaseError as error:
        raise BackupError(f"cannot copy {source}: {error}") from None
    finally:
        dst.close()
        src.close()


def _check(partial: Path, out: Path) -> BackupReport:
    conn = sqlite3.connect(partial)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if problems == ["ok"]:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            return BackupReport(
                path=out,
                size=partial.stat().st_size,
                answers=_count(conn, tables, "answers", "question = 0"),
                comments=_count(conn, tables, "comments"),
                rounds=_count(conn, tables, "rounds"),
                checked="integrity check ok",
            )
    except sqlite3.DatabaseError as error:
        problems = [str(error)]
    finally:
        conn.close()
    raise IntegrityFailed(f"the database is damaged, no backup written: {'; '.join(problems[:3])}")


def _private_file(partial: Path) -> None:
    """An empty file only its owner may read, as comments may name people."""
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        partial.chmod(0o600)  # O_CREAT's mode does not apply to a leftover file
    except OSError as error:
        raise DestinationUnwritable(f"cannot write {partial.parent}: {error.strerror}") from None


def _dump(url: str, partial: Path, out: Path) -> BackupReport:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise DumpFailed("pg_dump is not installed (Debian package postgresql-client)")
    _private_file(partial)  # pg_dump writes into it, keeping its mode
    try:
        with storage.reading(url) as db:  # one snapshot for the numbers and the dump
            snapshot, schema = db.execute(
                "SELECT pg_export_snapshot(), current_schema()"
            ).fetchone()
            answers, comments, rounds = db.execute(
                """SELECT (SELECT count(*) FROM answers WHERE question = 0),
                          (SELECT count(*) FROM comments), (SELECT count(*) FROM rounds)"""
            ).fetchone()
            done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
                [
                    pg_dump,
                    *("--format=custom", f"--snapshot={snapshot}", f"--schema={schema}"),
                    *("--no-owner", "--no-privileges", f"--file={partial}", f"--dbname={url}"),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
    except storage.StoreError as error:
        raise BackupError(f"cannot read {storage.describe(url)}: {error}") from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise DumpFailed(f"pg_dump failed, no backup written: {last}")
    return BackupReport(
        path=out,
        size=partial.stat().st_size,
        answers=answers,
        comments=comments,
        rounds=rounds,
        checked=f"dumped by pg_dump from one snapshot; restore: pg_restore --dbname=URL {out}",
    )


def _count(conn: sqlite3.Connection, tables: set[str], table: str, where: str = "1") -> int:
    if table not in tables:  # a database from before that table existed
        return 0
    return conn.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0]


def _journals(path: Path) -> tuple[Path, ...]:
    return tuple(path.with_name(path.name + suffix) for suffix in ("-journal", "-wal", "-shm"))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); elsewhere the rename is as durable as it gets."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
