"""The yearly follow-up in bulk: a workbook template of a plan's actions for a year, and its
import back, checked whole.

As the plan and Sotkanet imports (feedback.plans.sotkanet): every problem is one line
`FILE:ROW: PROBLEM` (ROW is the sheet's row), a file with any problem stores nothing, and a
good file becomes a preview (new / changed / unchanged) stored all or nothing.

Uploads are read with openpyxl in read-only mode, values only, with limits first: at most
MAX_BYTES, a zip that unpacks to at most MAX_UNPACKED, at most MAX_ROWS rows and the template's
columns. A
formula is never run: read without cached results, a formula cell is its "=…" text, which is
refused as formula-like text like any other.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd

from feedback import i18n, plans
from feedback.plans import file_format, follow_up
from feedback.plans.follow_up import Entry, FollowUp

MAX_BYTES = 2_000_000
# Unpacked, a workbook of a few hundred actions is well under a megabyte; a small zip that
# unpacks to hundreds of megabytes (a zip bomb) is refused before any part of it is read.
# Python's zipfile stops each member at its declared size, so the sum cannot be lied about.
MAX_UNPACKED = 20_000_000
MAX_ROWS = 5_000  # the largest real plan has a few hundred actions
SHEET = "follow-up"
#: The template's columns; the first four say which action, the rest are what staff fill in.
COLUMNS = (
    "action",
    "actor",
    "sub_goal",
    "text",
    "year",
    "status",
    "detail",
    "progress",
    "note",
    "evidence",
    "public",
)
_ENTRY = ("status", "detail", "progress", "note", "evidence", "public")
_YES = {"yes", "true", "1", "x", "kyllä", "k", "ja", "j"}
_NO = {"", "no", "false", "0", "ei", "e", "nej", "n"}


class FollowUpFileError(file_format.PlanFileError):
    """A follow-up file that cannot be imported; `problems` holds one line per problem."""


@dataclass(frozen=True)
class Change:
    """An action's status for a year as the file has it, and as it is kept now."""

    row: int
    action_id: str
    year: int
    entry: Entry
    old: FollowUp | None

    @property
    def status(self) -> str:
        if self.old is None:
            return "new"
        return "unchanged" if self.old.entry == self.entry else "changed"


@dataclass
class Preview:
    """What importing the file would change."""

    plan_id: str
    changes: list[Change] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(c.status == status for c in self.changes)

    @property
    def to_store(self) -> list[Change]:
        return [c for c in self.changes if c.status != "unchanged"]


def template(
    db_path: str | Path,
    plan_id: str,
    *,
    year: int,
    actors: tuple[str, ...] | None = None,
    lang: str = "fi",
) -> dict[str, pd.DataFrame]:
    """The sheets of the workbook to fill in (`exports.to_xlsx` writes it): one row per action
    of the plan (of `actors`, qualified ids, if given) with its status for
    `year` so far, and the statuses named in `lang`."""
    kept_now = follow_up.of_year(db_path, plan_id, year=year)
    rows = []
    for action in plans.list_actions(db_path, plan_id=plan_id, actors=actors):
        kept = kept_now.get(action.id)
        text = i18n.pick(action.text, lang, original=action.language)[0]
        rows.append(
            {
                "action": _local(action.id),
                "actor": _local(action.actor_id),
                "sub_goal": _local(action.sub_goal_id),
                "text": " ".join(text.split()),
                "year": year,
                "status": kept.status if kept else "",
                "detail": kept.detail if kept else "",
                "progress": kept.progress if kept else None,
                "note": kept.note if kept else "",
                "evidence": kept.evidence if kept else "",
                "public": ("yes" if kept.public else "no") if kept else "",
            }
        )
    help_rows = pd.DataFrame(
        {
            "status": [*follow_up.STATUSES],
            i18n.t("followup.col.status", lang): [
                follow_up.status_words(s, lang) for s in follow_up.STATUSES
            ],
        }
    )
    return {SHEET: pd.DataFrame(rows, columns=list(COLUMNS)), "statuses": help_rows}


def _local(element_id: str) -> str:
    return element_id.split(":", 1)[-1]


def read(data: bytes, *, name: str) -> list[tuple[int, dict[str, object]]]:
    """The rows of a workbook as (sheet row, {column: value}); raises `FollowUpFileError`
    for a file that is not a workbook of the template's shape."""
    if len(data) > MAX_BYTES:
        raise FollowUpFileError(
            [f"{name}:1: the file is {len(data):,} bytes; at most {MAX_BYTES:,} are read"]
        )
    try:
        unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except (zipfile.BadZipFile, ValueError):
        raise FollowUpFileError([f"{name}:1: not an Excel workbook (.xlsx)"]) from None
    if unpacked > MAX_UNPACKED:
        raise FollowUpFileError(
            [f"{name}:1: the workbook unpacks to {unpacked:,} bytes; at most {MAX_UNPACKED:,}"]
        )
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign zip
        raise FollowUpFileError([f"{name}:1: not an Excel workbook (.xlsx)"]) from None
    try:
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        lines = sheet.iter_rows(max_col=len(COLUMNS) + 5, values_only=True)
        header = [str(c).strip().lower() if c is not None else "" for c in next(lines, ())]
        missing = [c for c in ("action", "year", "status") if c not in header]
        if missing:
            raise FollowUpFileError(
                [
                    f"{name}:1: missing the columns {', '.join(missing)}; start from "
                    "`feedback follow-up export` or the page's template"
                ]
            )
        rows = []
        for number, cells in enumerate(lines, start=2):
            if number - 1 > MAX_ROWS:
                raise FollowUpFileError([f"{name}:{number}: more than {MAX_ROWS:,} rows"])
            if all(c is None or str(c).strip() == "" for c in cells):
                continue
            rows.append((number, {h: v for h, v in zip(header, cells, strict=False) if h}))
    finally:
        book.close()
    return rows


def check(
    db_path: str | Path,
    plan_id: str,
    data: bytes,
    *,
    name: str,
    actors: tuple[str, ...] | None = None,
) -> Preview:
    """What the file would change in the plan's follow-up, for a user of `actors` (None: any
    actor); raises `FollowUpFileError` with every problem, or KeyError for an unknown plan."""
    if plan_id not in {p.id for p in plans.list_plans(db_path)}:
        raise KeyError(plan_id)
    actions = {a.id: a for a in plans.list_actions(db_path, plan_id=plan_id)}
    problems, result, seen, kept = [], Preview(plan_id), {}, {}
    for number, cells in read(data, name=name):
        where = f"{name}:{number}"
        local = _cell(cells.get("action"))
        action = actions.get(plans.qualified(plan_id, local))
        if action is None:
            problems.append(f"{where}: unknown action {local!r} in plan {plan_id!r}")
            continue
        said_actor = _cell(cells.get("actor"))
        if (actors is not None and action.actor_id not in actors) or (
            said_actor and said_actor != _local(action.actor_id)
        ):
            problems.append(
                f"{where}: action {local!r} belongs to actor {_local(action.actor_id)!r}; "
                "you record your own actors' actions only"
            )
            continue
        year = _year(cells.get("year"))
        if year is None:
            problems.append(
                f"{where}: year {_cell(cells.get('year'))!r} is not a year "
                f"{follow_up.FIRST_YEAR}–{follow_up.LAST_YEAR}"
            )
            continue
        if (action.id, year) in seen:
            earlier = seen[(action.id, year)]
            problems.append(f"{where}: action {local!r}, {year} is already on row {earlier}")
            continue
        seen[(action.id, year)] = number
        status = _cell(cells.get("status")).lower()
        if not status:
            continue  # a row not filled in yet: left as it is
        try:
            new = _entry(cells, status)
        except follow_up.InvalidFollowUp as error:
            problems.append(f"{where}: {error.field} {_shown(cells.get(error.field))}: {error}")
            continue
        if year not in kept:
            kept[year] = follow_up.of_year(db_path, plan_id, year=year)
        result.changes.append(Change(number, action.id, year, new, kept[year].get(action.id)))
    if problems:
        raise FollowUpFileError(file_format.capped(problems))
    return result


def _entry(cells: dict[str, object], status: str) -> Entry:
    for column in _ENTRY:
        value = cells.get(column)
        if isinstance(value, str) and follow_up.looks_like_formula(value.strip()):
            raise follow_up.InvalidFollowUp("formula-like text (= + - @) is refused", field=column)
    public = _cell(cells.get("public")).lower()
    if public not in _YES | _NO:
        raise follow_up.InvalidFollowUp("yes or no", field="public")
    if status not in follow_up.STATUSES:
        raise follow_up.InvalidFollowUp(
            f"unknown status; one of {', '.join(follow_up.STATUSES)}", field="status"
        )
    progress = cells.get("progress")
    return follow_up.entry(
        status=status,
        detail=_cell(cells.get("detail")),
        progress=progress if isinstance(progress, int | float) else _cell(progress),
        note=_cell(cells.get("note")),
        evidence=_cell(cells.get("evidence")),
        public=public in _YES,
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _year(value: object) -> int | None:
    text = _cell(value)
    if not text.isdigit():
        return None
    year = int(text)
    return year if follow_up.FIRST_YEAR <= year <= follow_up.LAST_YEAR else None


def _shown(value: object) -> str:
    text = repr(_cell(value))
    return text if len(text) <= 40 else text[:39] + "…'"


def store(
    db_path: str | Path,
    result: Preview,
    *,
    language: str,
    by: str,
    today: date | None = None,
    actors: tuple[str, ...] | None = None,
) -> int:
    """Keep the new and changed statuses, all or nothing; the number kept."""
    return follow_up.record_all(
        db_path,
        [(c.action_id, c.year, c.entry) for c in result.to_store],
        language=language,
        by=by,
        today=today,
        actors=actors,
    )
