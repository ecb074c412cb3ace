"""Exports that open safely in (Finnish) Excel: CSV in UTF-8 with BOM and XLSX.

Every text cell, headers included, is neutralised against formula injection: in CSV a cell that
starts with = + - @ or a tab/carriage return gets a leading apostrophe (OWASP CSV injection); in
XLSX every text is stored as a typed text cell, which no spreadsheet evaluates. Only anonymous
data leaves: answers by month (never comments, days or hours), and only from rounds with at
least k answers.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import xlsxwriter

from feedback import storage
from feedback.figures import Filters

_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise(value: object) -> object:
    """A cell value that no spreadsheet will read as a formula; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_DANGEROUS_START):
        return "'" + value
    return value


def answers(db_path: str | Path, plan_id: str, *, filters: Filters, k: int) -> pd.DataFrame:
    """Anonymous answers of a plan, month only, as counts: one row per round, question, score,
    group, channel and month with how many gave it (`answers`). Rounds with fewer than k answers
    and answers flagged as misuse are left out. Counts, not one row per answer, keep the file
    and the memory bounded at national scale."""
    where, params = filters.sql(plan_id)
    columns = ["round", "action", "actor", "question", "scale", "score", "group", "channel"]
    columns += ["month", "answers"]
    with storage.reading(db_path) as db:
        cursor = db.execute(
            f"""SELECT v.code, a.id, a.actor_id, c.question, c.scale, c.score,
                       c.respondent_group, c.channel, c.month, c.n
                FROM answer_counts c
                JOIN rounds v ON v.id = c.round_id
                JOIN actions a ON a.id = v.action_id
                WHERE {where} AND c.flagged = 0
                  AND c.round_id IN (
                      SELECT round_id FROM answer_counts
                      WHERE question = 0 AND flagged = 0 GROUP BY round_id HAVING sum(n) >= ?)
                ORDER BY v.code, c.month, c.question, c.score, c.respondent_group, c.channel""",
            [*params, k],
        )
        # In chunks: a frame's columns hold the text far more compactly than Python tuples.
        chunks = [pd.DataFrame(cursor.fetchmany(20_000), columns=columns)]
        while len(chunks[-1]) == 20_000:
            chunks.append(pd.DataFrame(cursor.fetchmany(20_000), columns=columns))
    return pd.concat(chunks, ignore_index=True)


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
