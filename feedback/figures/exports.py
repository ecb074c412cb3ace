"""Exports that open safely in (Finnish) Excel: CSV in UTF-8 with BOM and XLSX.

Every text cell, headers included, is neutralised against formula injection: in CSV a cell that
starts with = + - @ or a tab/carriage return gets a leading apostrophe (OWASP CSV injection); in
XLSX every text is stored as a typed text cell, which no spreadsheet evaluates. Only anonymous
data leaves: the figures on screen, and for an admin the answers by month (never comments, days
or hours), only those in blocks of at least k (`disclosure`).
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pandas as pd
import xlsxwriter

from feedback import storage
from feedback.figures import Filters, disclosure
from feedback.plans import follow_up
from feedback.staff import auth


def neutralise(value: object) -> object:
    """A cell value that no spreadsheet will read as a formula; numbers stay numbers."""
    if isinstance(value, str) and follow_up.looks_like_formula(value):
        return "'" + value
    return value


class NotAdmin(PermissionError):
    """Only an admin may take the answer-level export; staff take the figures."""


def answers(
    db_path: str | Path,
    plan_id: str,
    *,
    filters: Filters,
    k: int,
    user: auth.User,
    today: date | None = None,
) -> pd.DataFrame:
    """The answer-level export of a plan, for an admin only (`NotAdmin` for anyone else), and
    recorded in `export_downloads` (who, which plan, which day).

    Anonymous answers, month only, as counts: one row per round, question, score, group,
    channel and month with how many gave it (`answers`) — only answers in blocks that a
    figure with these filters may show (`disclosure`), and the atoms of a round's pool merged
    into rows without group, channel and month, so that no row stands for fewer than k
    respondents. Answers flagged as misuse are left out. Counts, not one row per answer, keep
    the file and the memory bounded at national scale."""
    if user.role is not auth.Role.ADMIN:
        raise NotAdmin("the answer-level export is for admins only")
    where, params = filters.sql(plan_id)
    kept = disclosure.blocks(plan_id, filters, k=k)
    columns = ["round", "action", "actor", "question", "scale", "score", "group", "channel"]
    columns += ["month", "answers"]
    # A pool's atoms are each under k: only their sum is a block, so their rows lose what
    # tells the atoms apart.
    atom = {
        column: f"CASE WHEN t.n >= {int(k)} THEN c.{column} ELSE '' END"
        for column in ("respondent_group", "channel", "month")
    }
    with storage.writing(db_path) as db:
        db.execute(
            """INSERT INTO export_downloads (username, plan_id, what, downloaded_on)
               VALUES (?, ?, 'answers', ?)""",
            [user.username, plan_id, (today or date.today()).isoformat()],
        )
    with storage.reading(db_path) as db:
        cursor = db.execute(
            f"""{kept.with_sql}
                SELECT v.code, a.id, a.actor_id, c.question, c.scale, c.score,
                       {atom["respondent_group"]}, {atom["channel"]}, {atom["month"]}, sum(c.n)
                FROM answer_counts c {kept.join}
                JOIN rounds v ON v.id = c.round_id
                JOIN actions a ON a.id = v.action_id
                WHERE {where} AND c.flagged = 0 AND {kept.shown}
                GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
                ORDER BY 1, 9, 4, 6, 7, 8""",
            [*kept.params, *params],
        )
        # In chunks: a frame's columns hold the text far more compactly than Python tuples.
        chunks = [pd.DataFrame(cursor.fetchmany(20_000), columns=columns)]
        while len(chunks[-1]) == 20_000:
            chunks.append(pd.DataFrame(cursor.fetchmany(20_000), columns=columns))
    return pd.concat(chunks, ignore_index=True)


def downloads(db_path: str | Path) -> list[tuple[str, str, str, str]]:
    """Every answer-level export taken: (day, who, plan, what), newest first."""
    with storage.reading(db_path) as db:
        return [
            tuple(row)
            for row in db.execute(
                """SELECT downloaded_on, username, plan_id, what FROM export_downloads
                   ORDER BY downloaded_on DESC, id DESC"""
            )
        ]


def to_csv(frame: pd.DataFrame) -> bytes:
    """CSV for Finnish Excel: UTF-8 with BOM, semicolons, decimal commas, neutralised cells."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False):
        writer.writerow([_csv_cell(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An XLSX workbook, one sheet per frame; text cells are stored as text, never formulas.

    XlsxWriter's constant-memory mode writes row by row, so memory stays flat however many
    rows; with its string conversions off, "=…" is written as a text cell, which runs nothing."""
    out = io.BytesIO()
    options = {
        "constant_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    with xlsxwriter.Workbook(out, options) as book:
        for title, frame in sheets.items():
            sheet = book.add_worksheet(title[:31])
            sheet.write_row(0, 0, [str(c) for c in frame.columns])
            for number, row in enumerate(frame.itertuples(index=False), start=1):
                sheet.write_row(number, 0, [None if pd.isna(v) else v for v in row])
    return out.getvalue()


def _csv_cell(value: object) -> object:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return neutralise(value)
