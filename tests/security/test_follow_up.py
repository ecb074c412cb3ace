"""Attacks on the yearly follow-up's upload (issue #30): a staff member's workbook is read by
the server, so a small file that unpacks huge, a flood of rows, formulas and rows of another
actor's actions must all be refused whole, quickly, with nothing stored."""

import io
import resource
import time
import zipfile

import openpyxl
import pytest

from feedback.plans import follow_up_sheet
from feedback.plans.file_format import PlanFileError
from feedback.storage import reading


def _workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(follow_up_sheet.SHEET)
    sheet.append(["action", "actor", "year", "status", "note"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _stored(db_path) -> int:
    with reading(db_path) as db:
        return db.execute("SELECT count(*) FROM action_follow_ups").fetchone()[0]


def test_a_small_workbook_that_unpacks_huge_is_refused_before_it_is_read(plan_db):
    small = zipfile.ZipFile(io.BytesIO(_workbook([["a1", "hamina", 2025, "started", "X"]])))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as packed:
        for member in small.infolist():
            data = small.read(member.filename)
            if member.filename.startswith("xl/worksheets/"):
                data = data.replace(b">X<", b">" + b"A" * 25_000_000 + b"<")
            packed.writestr(member.filename, data)
    data = bomb.getvalue()
    assert len(data) < 100_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(PlanFileError) as refused:
        follow_up_sheet.check(plan_db, "mini", data, name="bomb.xlsx")
    assert time.perf_counter() - started < 1.0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 20_000  # KiB
    assert refused.value.problems[0].startswith("bomb.xlsx:1: the workbook unpacks to 25,")
    assert _stored(plan_db) == 0


def test_a_flood_of_rows_is_cut_short(monkeypatch):
    # The limit made small, so that the test writes a small workbook; the reading is the same.
    monkeypatch.setattr(follow_up_sheet, "MAX_ROWS", 100)
    flood = _workbook([["a1", "hamina", 2025, "started", ""]] * 1_000)
    started = time.perf_counter()
    with pytest.raises(PlanFileError) as refused:
        follow_up_sheet.read(flood, name="flood.xlsx")
    assert time.perf_counter() - started < 1.0
    assert refused.value.problems == ["flood.xlsx:102: more than 100 rows"]


def test_every_row_of_another_actor_is_refused_with_one_line_each_at_most_50(plan_db):
    # Every row bad (another actor's action, a formula): one line each, at most 50 and a count.
    bad = _workbook([["a2", "kotka", 2025, "started", "=cmd|' /C calc'!A0"]] * 300)
    with pytest.raises(PlanFileError) as many:
        follow_up_sheet.check(plan_db, "mini", bad, name="bad.xlsx", actors=("mini:hamina",))
    assert len(many.value.problems) == 51
    assert many.value.problems[0] == (
        "bad.xlsx:2: action 'a2' belongs to actor 'kotka'; you record your own actors' actions only"
    )
    assert many.value.problems[-1] == "… and 250 more problems"
    assert _stored(plan_db) == 0
