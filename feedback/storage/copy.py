"""Moving a municipality's data from one store to another (its SQLite file to the county's
PostgreSQL), checked: afterwards every table holds the same rows and the figures add up the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from feedback.storage import schema
from feedback.storage.base import Connection, StoreError, describe
from feedback.storage.connection import analyse, reading, writing

#: Every table, parents before the tables that refer to them.
TABLES = (
    "plans",
    "actors",
    "main_goals",
    "sub_goals",
    "actions",
    "indicators",
    "indicator_sub_goals",
    "indicator_values",
    "rounds",
    "answers",
    "answer_choices",
    "comments",
    "users",
    "sessions",
    "login_attempts",
    "participation",
    "answer_counts",
    "answer_times",
    "answer_times_total",
    "answer_totals",
    "answer_months",
    "changes",
    "proposals",
    "council_evaluations",
    "council_self",
    "retention_runs",
    "sso_rules",
    "round_recordings",
    "kiosks",
    "published_figures",
    "published_choices",
    "export_downloads",
    "answer_codes",
    "safeguarding_contacts",
    "safeguarding_alerts",
    "action_follow_ups",
    "bank_questions",
    "round_questions",
    "question_answers",
    "question_texts",
    "question_counts",
    "child_population",
    "staff_mails",
    "round_settings",
)
BATCH = 10_000

# What "the figures are identical" is checked on, besides every table's number of rows: the sums
# that the dashboard, the report and the exports are made of.
FIGURES = {
    "answers": "sum(score), sum(flagged), count(DISTINCT submission_id)",
    "answer_counts": "sum(n), sum(n * score)",
    "answer_totals": "sum(n), sum(n * score)",
    "answer_months": "sum(n), sum(n * score)",
    "answer_times": "sum(n), sum(n * weekday), sum(n * hour)",
    "answer_times_total": "sum(n), sum(n * weekday), sum(n * hour)",
    "participation": "sum(participants), sum(visits)",
    "indicator_values": "sum(value), sum(national)",
    "council_self": "sum(n), sum(n * score)",
}


class CopyError(Exception):
    """The copy was refused or does not match its source; the message says why in one line."""


@dataclass(frozen=True)
class CopyReport:
    """Rows copied per table, all of them checked against the source."""

    rows: dict[str, int]

    @property
    def answers(self) -> int:
        return self.rows["answers"]


def copy_store(source: str | Path, target: str | Path) -> CopyReport:
    """Copy everything in `source` into `target`, which must be empty (it is created or
    migrated first). All of it arrives in one transaction, or none of it; then both stores are
    compared table by table. Raises `CopyError` or `StoreError`."""
    if str(source) == str(target):
        raise CopyError("the source and the target are the same store")
    with reading(source, create=False) as src:
        pending = schema.migrations.pending(src)
        if pending:
            raise CopyError(
                f"{describe(source)} is not up to date; run `feedback init` on it first"
            )
    schema.migrate(target)
    with reading(source, create=False) as src, writing(target) as dst:
        taken = [t for t in TABLES if dst.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone()]
        if taken:
            raise CopyError(
                f"{describe(target)} is not empty (table {taken[0]}); copy into a new one"
            )
        for table in TABLES:
            _copy_table(src, dst, table)
            dst.renumber_after_copy(table)
    analyse(target)
    return compare(source, target)


def _copy_table(src: Connection, dst: Connection, table: str) -> None:
    columns = src.columns(table)
    missing = set(columns) - set(dst.columns(table))
    if missing:
        raise CopyError(f"table {table} has no column {sorted(missing)[0]} in the target")
    cursor = src.execute(f"SELECT {', '.join(columns)} FROM {table}")
    while rows := cursor.fetchmany(BATCH):
        dst.load(table, columns, rows)


def compare(source: str | Path, target: str | Path) -> CopyReport:
    """Every table's number of rows and the figures' sums in both stores; `CopyError` naming
    the first difference."""
    counts = {}
    with reading(source, create=False) as src, reading(target, create=False) as dst:
        for table in TABLES:
            what = "count(*)" + (f", {FIGURES[table]}" if table in FIGURES else "")
            query = f"SELECT {what} FROM {table}"
            mine, theirs = src.execute(query).fetchone(), dst.execute(query).fetchone()
            if [_same(v) for v in mine] != [_same(v) for v in theirs]:
                raise CopyError(f"table {table} differs after the copy: {mine} ≠ {theirs}")
            counts[table] = mine[0]
    return CopyReport(counts)


def _same(value: object) -> object:
    """Sums compared as the stores give them: an integer sum may come back as a float."""
    return None if value is None else round(float(value), 6)


__all__ = ["TABLES", "CopyError", "CopyReport", "StoreError", "compare", "copy_store"]
