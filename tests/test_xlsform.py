"""A round's own questions in and out as XLSForm (issue #27): a real form no one here wrote is
read, what a round cannot ask is refused whole with one `FILE:sheet:row:` line per problem,
a round written out reads back the same, and hostile workbooks are refused or kept as text."""

import io
import json
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from pyxform.xls2json_backends import md_table_to_workbook

from feedback import rounds
from feedback.cli import cli
from feedback.figures.exports import to_xlsx
from feedback.rounds import answers, own_questions, xlsform
from feedback.rounds.answers import Answer
from tests.support.rounds import SUBJECTS, open_round
from tests.support.rounds import own_questions as asked

FORMS = Path(__file__).parent / "data" / "xlsform"  # pyxform's own fixtures, see README there
AUDIENCES = ("grades-4-6", "guardians")


def workbook(md: str) -> bytes:
    """An XLSX workbook of a form in pyxform's Markdown table form."""
    out = io.BytesIO()
    md_table_to_workbook(md).save(out)
    return out.getvalue()


def fixture(name: str) -> bytes:
    return workbook((FORMS / f"{name}.md").read_text(encoding="utf-8"))


def refused_lines(data: bytes, filename: str = "form.xlsx", lang: str = "en") -> list[str]:
    with pytest.raises(xlsform.FormRefused) as refused:
        xlsform.read(data)
    return refused.value.lines(filename, lang)


def test_a_real_form_in_the_older_dialect_is_read():
    """pyxform's yes_or_no_question: `select one from`, `label:english`, `list name`."""
    form = xlsform.read(fixture("yes_or_no_question"))
    assert form.languages == ("en",)
    [question] = form.questions
    assert (question.name, question.kind) == ("good_day", "single")
    assert question.texts == {"en": "have you had a good day today?"}
    assert [(c.name, c.labels) for c in question.choices] == [
        ("yes", {"en": "yes"}),
        ("no", {"en": "no"}),
    ]


def test_real_forms_asking_what_a_round_cannot_are_refused_line_by_line():
    assert refused_lines(fixture("specify_other"), "specify_other.xlsx") == [
        "specify_other.xlsx:survey:2: “select one from sexes or specify other”: an “other” "
        "choice with its own text is not supported; add a text question instead"
    ]
    assert refused_lines(fixture("group"), "group.xlsx") == [
        "group.xlsx:survey:4: the type phone number cannot be asked: use select_one, "
        "select_multiple, text, note or a group",
        "group.xlsx:survey:5: the type integer cannot be asked: use select_one, "
        "select_multiple, text, note or a group",
    ]


def test_every_problem_is_named_with_its_row_in_the_users_language():
    md = """
    | survey |
    | | type | name | label::Suomi (fi) | label::English (en) | relevant | required |
    | | select_one yn | a | Kysymys | Question | | yes |
    | | today | day | | | | |
    | | select_multiple yn | b | Toinen | Other | ${a} = 'y' | |
    | | text | c | | Text | | ${a} = 'y' |
    | choices |
    | | list_name | name | label::Suomi (fi) | label::English (en) | image |
    | | yn | y | Kyllä | Yes | |
    | | yn | n | Ei | No | no.png |
    """
    assert refused_lines(workbook(md), "kysely.xlsx", "fi") == [
        "kysely.xlsx:choices:3: saraketta image ei tueta vaihtoehdoissa (kuvia ja suodattimia "
        "ei käytetä)",
        "kysely.xlsx:survey:3: tyyppi today tallentaisi tietoja vastaajasta tai laitteesta, "
        "eikä vastauksiin tallenneta sellaista",
        "kysely.xlsx:survey:4: saraketta relevant ei tueta: kysymykset kysytään järjestyksessä "
        "ilman ehtoja, tarkistuksia, laskentaa tai vihjeitä",
        "kysely.xlsx:survey:5: required on yes tai no, ei lauseke (${a} = 'y')",
        "kysely.xlsx:survey:5: Kysymyksen teksti puuttuu kielellä Suomi.",
    ]


def test_a_round_written_out_reads_back_the_same():
    kept = own_questions.check(asked(), ("fi", "sv", "en"), AUDIENCES)
    on_screens = (kept[0], replace(kept[1], screen=1), replace(kept[2], screen=1), kept[3])
    form = xlsform.read(to_xlsx(xlsform.sheets(on_screens, ("fi", "sv", "en"), title="Kerho")))
    assert form.languages == ("fi", "sv", "en")
    assert form.questions == on_screens
    assert form.title == "Kerho"


def test_bad_workbooks_are_refused_and_hostile_text_stays_text():
    assert refused_lines(b"<html>not a workbook</html>") == [
        "form.xlsx: is not an XLSX workbook (save it from Excel as .xlsx)"
    ]
    assert refused_lines(b"PK\x03\x04" + b"x" * xlsform.MAX_BYTES) == [
        "form.xlsx: is larger than 2 MB; a form of 15 questions is much smaller"
    ]
    book = openpyxl.load_workbook(io.BytesIO(fixture("yes_or_no_question")))
    book["survey"]["C2"] = '=HYPERLINK("http://example.com", "click")'
    out = io.BytesIO()
    book.save(out)
    assert refused_lines(out.getvalue()) == [
        "form.xlsx:survey:2: cell C2 holds a formula; formulas are not read, write its value"
    ]
    hostile = "<b>bold</b> **strong** \u202eevil"
    book["survey"]["C2"] = hostile
    out = io.BytesIO()
    book.save(out)
    [question] = xlsform.read(out.getvalue()).questions
    checked = own_questions.check((question,), ("en",))[0]
    assert checked.texts["en"] == "<b>bold</b> **strong** evil"  # as text; no direction override


def test_round_create_form_show_and_form_out_on_the_command_line(plan_db, tmp_path):
    runner = CliRunner()
    form = tmp_path / "kysely.xlsx"
    kept = own_questions.check(asked(), ("fi", "sv", "en"), AUDIENCES)
    form.write_bytes(to_xlsx(xlsform.sheets(kept, ("fi", "sv", "en"))))
    subjects = [f"--subject={lang}={text}" for lang, text in SUBJECTS.items()]
    audiences = ["--audience", "grades-4-6", "--audience", "guardians"]
    made = runner.invoke(cli, create(plan_db, "mini:a1", form, *subjects, *audiences))
    assert made.exit_code == 0, made.output
    code = made.output.split()[1]
    round_ = rounds.get_by_code(plan_db, code)
    assert [q.name for q in round_.own_questions] == ["safe", "how_often", "liked", "wish"]
    for n in range(12):
        own = {2: ("games",) if n < 11 else ("music",)}
        answers.record(
            plan_db,
            round_,
            Answer(scores=(4,), own=own),
            submission_id=answers.new_submission_id(),
        )
    shown = runner.invoke(cli, ["round", "show", code, "--db", str(plan_db), "--json"])
    assert shown.exit_code == 0, shown.output
    liked = json.loads(shown.output)["questions"][2]
    assert liked["answered"] == "12"
    assert liked["texts"]["sv"] == "Vad tyckte du om?"
    # 11 of 12 chose games, 1 music: both withheld (1 is small, and so is 12 − 11).
    assert [(c["name"], c["answers"]) for c in liked["choices"]] == [
        ("games", None),
        ("music", None),
        ("snacks", 0),
    ]
    out = tmp_path / "back.xlsx"
    written = runner.invoke(cli, ["round", "form", code, "--db", str(plan_db), "--out", str(out)])
    assert written.exit_code == 0, written.output
    from_bank = tuple(replace(q, bank_id="") for q in round_.own_questions)
    assert xlsform.read(out.read_bytes()).questions == from_bank
    group = _written(tmp_path / "group.xlsx", fixture("group"))
    refused = runner.invoke(cli, create(plan_db, "mini:a2", group, *subjects))
    assert refused.exit_code == 1
    assert "group.xlsx:survey:4: the type phone number cannot be asked" in refused.output
    assert "2 problems in group.xlsx; nothing opened" in refused.output
    assert [r.code for r in rounds.list_rounds(plan_db)] == [code]


def create(db_path, action_id: str, form: Path, *more: str) -> list[str]:
    """`feedback round create` with a form, as typed."""
    return [
        "round",
        "create",
        "--db",
        str(db_path),
        "--action",
        action_id,
        "--form",
        str(form),
        *more,
    ]


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_form_opens_a_round_in_its_own_languages(plan_db):
    form = xlsform.read(fixture("yes_or_no_question"))
    opened = open_round(plan_db, action_id="mini:a1", languages=form.languages, own=form.questions)
    assert opened.languages == ("en",)
    assert opened.own_questions[0].text("en") == "have you had a good day today?"


def test_a_workbook_that_unpacks_to_far_more_than_a_form_is_refused_unread():
    import time
    import zipfile

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        bomb.writestr("xl/worksheets/sheet1.xml", b"<c>0</c>" * (6 * 1024 * 1024))  # 48 MB
    assert len(packed.getvalue()) < xlsform.MAX_BYTES
    started = time.perf_counter()
    assert refused_lines(packed.getvalue()) == [
        "form.xlsx: unpacks to more than 40 MB; a form is much smaller, so it is not read"
    ]
    assert time.perf_counter() - started < 1.0
