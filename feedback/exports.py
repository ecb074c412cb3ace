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
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from feedback import db as dbm
from feedback.stats import Filters

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
    with dbm.reading(db_path) as db:
        rows = db.execute(
            f"""SELECT v.code, a.id, a.actor_id, c.question, c.scale, c.score,
                       c.respondent_group, c.channel, c.month, c.n
                FROM answer_counts c
                JOIN surveys v ON v.id = c.survey_id
                JOIN actions a ON a.id = v.action_id
                WHERE {where} AND c.flagged = 0
                  AND c.survey_id IN (
                      SELECT survey_id FROM answer_counts
                      WHERE question = 0 AND flagged = 0 GROUP BY survey_id HAVING sum(n) >= ?)
                ORDER BY v.code, c.month, c.question""",
            [*params, k],
        ).fetchall()
    columns = ["round", "action", "actor", "question", "scale", "score", "group", "channel"]
    return pd.DataFrame(rows, columns=[*columns, "month", "answers"])


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

    Written row by row (openpyxl's write-only mode), so memory stays flat however many rows."""
    book = Workbook(write_only=True)
    for title, frame in sheets.items():
        sheet = book.create_sheet(title=title[:31])
        sheet.append([_xlsx_cell(sheet, str(c)) for c in frame.columns])
        for row in frame.itertuples(index=False):
            sheet.append([_xlsx_cell(sheet, v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(sheet, value: object) -> object:
    if isinstance(value, str):
        # A typed text cell, never a formula: openpyxl would store "=…" as one. The text itself
        # is kept as it is, since a text cell runs nothing.
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return None if pd.isna(value) else value


def _csv_cell(value: object) -> object:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return neutralise(value)
