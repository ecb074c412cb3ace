import io
from datetime import date

import openpyxl
import pytest
from click.testing import CliRunner

from feedback import plans
from feedback.cli import cli
from feedback.plans import follow_up, follow_up_sheet
from feedback.plans.file_format import PlanFileError
from feedback.staff.scope import OutOfScope
from feedback.storage import reading
from tests.support.stores import MINI_PLAN

HAMINA = ("mini:hamina",)


def _kept(db_path) -> list[tuple]:
    with reading(db_path) as db:
        return [
            tuple(r)
            for r in db.execute(
                "SELECT action_id, year, status, detail, progress, note, recorded_by, "
                "recorded_on FROM action_follow_ups ORDER BY action_id, year"
            )
        ]


def test_staff_record_their_own_actors_actions_and_earlier_years_stay(plan_db):
    started = follow_up.entry(status="started", progress="40%", note="Kaksi kertaa\nsyksyllä")
    follow_up.record(
        plan_db,
        action_id="mini:a1",
        year=2024,
        kept=started,
        language="fi",
        by="hanna",
        today=date(2024, 12, 1),
        actors=HAMINA,
    )
    done = follow_up.entry(status="carried-out", evidence="https://hamina.fi/parlamentti")
    follow_up.record(
        plan_db, action_id="mini:a1", year=2025, kept=done, language="fi", by="hanna",
        actors=HAMINA, today=date(2025, 11, 30),
    )  # fmt: skip
    # Kotka's action is not Hamina's staff's to record: refused in the domain, nothing kept.
    with pytest.raises(OutOfScope):
        follow_up.record_all(
            plan_db,
            [("mini:a3", 2025, done), ("mini:a2", 2025, done)],
            language="fi",
            by="hanna",
            actors=HAMINA,
        )
    # Saved again: the year's row is replaced, with who saved it now.
    follow_up.record(
        plan_db, action_id="mini:a1", year=2025, kept=done, language="fi", by="mikko",
        actors=HAMINA, today=date(2026, 1, 15),
    )  # fmt: skip
    assert _kept(plan_db) == [
        ("mini:a1", 2024, "started", "", 40, "Kaksi kertaa\nsyksyllä", "hanna", "2024-12-01"),
        ("mini:a1", 2025, "carried-out", "", None, "", "mikko", "2026-01-15"),
    ]
    assert [f.year for f in follow_up.history(plan_db, "mini:a1")] == [2025, 2024]
    listed = follow_up.year_list(plan_db, "mini", year=2025, actors=HAMINA)
    assert [(a.action.id, a.follow_up and a.follow_up.status) for a in listed] == [
        ("mini:a3", None),  # missing first
        ("mini:a1", "carried-out"),
    ]
    rolled = {(r.level, r.goal_id): r.counts for r in follow_up.rollup(plan_db, "mini", year=2025)}
    assert rolled[("sub", "mini:i-1")] == {"carried-out": 1, "missing": 1}
    assert rolled[("main", "mini:i")] == {"carried-out": 1, "missing": 2}
    assert rolled[("main", "mini:ii")] == {"missing": 1}


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"status": "finished"}, "status"),
        ({"status": "dropped"}, "detail"),  # dropped says why
        ({"status": "changed", "detail": " "}, "detail"),
        ({"status": "started", "note": "x" * 501}, "note"),
        ({"status": "started", "note": '=HYPERLINK("http://x")'}, "note"),
        ({"status": "started", "progress": 101}, "progress"),
        ({"status": "started", "progress": "half"}, "progress"),
        ({"status": "started", "evidence": "javascript:alert(1)"}, "evidence"),
        ({"status": "started", "evidence": "file:///etc/passwd"}, "evidence"),
    ],
)
def test_a_status_that_cannot_be_kept_names_its_field(given, field):
    with pytest.raises(follow_up.InvalidFollowUp) as refused:
        follow_up.entry(**given)
    assert refused.value.field == field


def test_an_action_with_a_follow_up_cannot_be_removed_by_a_plan_import(plan_db, tmp_path):
    follow_up.record(
        plan_db, action_id="mini:a2", year=2025, kept=follow_up.entry(status="continuous"),
        language="fi", by="admin",
    )  # fmt: skip
    smaller = tmp_path / "smaller.yaml"
    smaller.write_text(
        MINI_PLAN.replace("- {id: a2, text: Nuorisovaltuuston kokoukset, actor: kotka}", "")
    )
    with pytest.raises(PlanFileError) as refused:
        plans.import_file(plan_db, smaller)
    assert "action 'a2' has a yearly follow-up and cannot be removed" in refused.value.problems[0]


def _fill(data: bytes, rows: dict[str, dict[str, object]], extra=()) -> bytes:
    """The template with cells filled in per action, and `extra` rows appended."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book[follow_up_sheet.SHEET]
    header = [c.value for c in sheet[1]]
    for line in sheet.iter_rows(min_row=2):
        for column, value in rows.get(line[0].value, {}).items():
            line[header.index(column)].value = value
    for row in extra:
        sheet.append([row.get(c) for c in header])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_bulk_round_trip_previews_refuses_every_bad_row_and_stores_all_or_nothing(
    plan_db, tmp_path
):
    runner = CliRunner()
    template = tmp_path / "hamina.xlsx"
    exported = runner.invoke(
        cli,
        ["follow-up", "export", "--db", str(plan_db), "--plan", "mini", "--year", "2025",
         "--actor", "hamina", "--out", str(template)],
    )  # fmt: skip
    assert exported.exit_code == 0, exported.output
    sheet = openpyxl.load_workbook(template)[follow_up_sheet.SHEET]
    assert [(r[0], r[1], r[4]) for r in sheet.iter_rows(min_row=2, values_only=True)] == [
        ("a1", "hamina", 2025),
        ("a3", "hamina", 2025),
    ]
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(
        _fill(
            template.read_bytes(),
            {
                "a1": {"status": "carried-out", "note": "x" * 600},
                "a3": {"status": "finished"},
            },
            extra=[
                {"action": "a9", "year": 2025, "status": "started"},
                {"action": "a2", "actor": "kotka", "year": 2025, "status": "started"},
                {"action": "a4", "actor": "hamina", "year": 2025, "status": "started"},
                {"action": "a4", "year": 2025, "status": "started", "note": "=1+2"},
            ],
        )
    )
    refused = runner.invoke(
        cli, ["follow-up", "import", str(bad), "--db", str(plan_db), "--plan", "mini", "--yes"]
    )
    assert refused.exit_code == 1
    assert refused.output.splitlines() == [
        f"{bad}:2: note '{'x' * 38}…': at most 500 characters, not 600",
        f"{bad}:3: status 'finished': unknown status; one of not-started, started, "
        "carried-out, continuous, changed, dropped",
        f"{bad}:4: unknown action 'a9' in plan 'mini'",
        # The template says Hamina: a row for Kotka's action is another actor's.
        f"{bad}:6: action 'a4' belongs to actor 'kotka'; you record your own actors' actions only",
        f"{bad}:7: note '=1+2': formula-like text (= + - @) is refused",
    ]
    assert _kept(plan_db) == []  # all or nothing
    good = tmp_path / "good.xlsx"
    good.write_bytes(
        _fill(
            template.read_bytes(),
            {"a1": {"status": "changed", "detail": "Nuorten foorumi", "public": "yes"}},
        )
    )
    dry = runner.invoke(cli, ["follow-up", "import", str(good), "--db", str(plan_db),
                              "--plan", "mini"])  # fmt: skip
    assert dry.exit_code == 0, dry.output
    assert "new: mini:a1 2025: - -> changed" in dry.output
    assert _kept(plan_db) == []
    stored = runner.invoke(cli, ["follow-up", "import", str(good), "--db", str(plan_db),
                                 "--plan", "mini", "--yes", "--by", "hanna"])  # fmt: skip
    assert stored.exit_code == 0, stored.output
    assert "stored 1 status in mini" in stored.output
    assert [r[:4] for r in _kept(plan_db)] == [("mini:a1", 2025, "changed", "Nuorten foorumi")]
    assert follow_up.public_status(plan_db, "mini:a1").detail == "Nuorten foorumi"
    # A page user of Kotka's gets Hamina's rows refused.
    with pytest.raises(PlanFileError) as other:
        follow_up_sheet.check(plan_db, "mini", good.read_bytes(), name="g", actors=("mini:kotka",))
    assert other.value.problems[0].startswith("g:2: action 'a1' belongs to actor 'hamina'")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"action;year;status\na1;2025;started\n", "not an Excel workbook (.xlsx)"),
        (b"PK\x03\x04" + b"\0" * 100, "not an Excel workbook (.xlsx)"),
        (b"x" * 2_000_001, "the file is 2,000,001 bytes; at most 2,000,000 are read"),
    ],
)
def test_a_file_that_is_not_a_small_workbook_is_refused_unread(data, problem):
    with pytest.raises(PlanFileError) as refused:
        follow_up_sheet.read(data, name="up.xlsx")
    assert refused.value.problems == [f"up.xlsx:1: {problem}"]


def test_a_formula_cell_is_refused_not_run(plan_db):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = follow_up_sheet.SHEET
    sheet.append(["action", "year", "status", "note"])
    sheet.append(["a1", 2025, "started", '=WEBSERVICE("http://127.0.0.1/")'])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(PlanFileError) as refused:
        follow_up_sheet.check(plan_db, "mini", out.getvalue(), name="f.xlsx")
    assert refused.value.problems == [
        "f.xlsx:2: note '=WEBSERVICE(\"http://127.0.0.1/\")': formula-like text (= + - @) "
        "is refused"
    ]
