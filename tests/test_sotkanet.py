"""Official indicator values from Sotkanet's documented exports: preview, all-or-nothing store,
and one line per problem for a bad file (tests/data/sotkanet/ holds files made for the tests)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from feedback import plans
from feedback.cli import cli
from feedback.figures import measures, report
from feedback.plans import editing, file_format, sotkanet
from tests.support.documents import text_of
from tests.support.sotkanet import DATA, SOTKANET_PLAN


@pytest.fixture
def mapped_db(db_path, tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(SOTKANET_PLAN, encoding="utf-8")
    plans.import_file(db_path, path)
    return db_path


def run(db_path, *args):
    return CliRunner().invoke(cli, ["indicators", "import", *args, "--db", str(db_path)])


def stored_values(db_path) -> list[tuple]:
    plan = editing.export_plan(db_path, "mini")
    return [
        (v["year"], v["value"], v.get("national")) for v in plan["indicators"][0].get("values", [])
    ]


def test_the_csv_and_the_json_of_the_same_figures_read_the_same():
    def shape(rows):
        return [(r.indicator, r.region, r.year, r.gender, r.value) for r in rows]

    from_csv = sotkanet.read((DATA / "mini.csv").read_bytes(), name="mini.csv")
    from_json = sotkanet.read((DATA / "mini.json").read_bytes(), name="mini.json")
    assert shape(from_csv) == shape(from_json)
    assert (289, 7, 2021, "total", 85.5) in shape(from_csv)  # the decimal comma read
    assert from_csv[0].row == 3  # the line in the file, after the comment and the header


@pytest.mark.parametrize("name", ["mini.csv", "mini.json"])
def test_without_yes_the_import_shows_what_changes_and_stores_nothing(mapped_db, name):
    result = run(mapped_db, str(DATA / name), "--plan", "mini")
    assert result.exit_code == 0, result.output
    assert "new: ind-01 2021 grades-4-5 region: 85.5, whole country 87" in result.output
    assert "new: ind-01 2023 grades-4-5 region: 86.1, whole country 86.4" in result.output
    assert "ignored:" in result.output and "gender male; ind-01 follows total" in result.output
    assert "2 new, 0 changed, 1 unchanged" in result.output  # 2019 is in the plan already
    assert "dry run: nothing stored" in result.output
    assert stored_values(mapped_db) == [(2019, 88.0, 89.5)]


def test_with_yes_the_values_are_stored_and_shown_beside_the_countrys(mapped_db):
    result = run(mapped_db, str(DATA / "mini.csv"), "--plan", "mini", "--yes")
    assert result.exit_code == 0, result.output
    assert "stored 2 values in mini" in result.output
    assert sorted(stored_values(mapped_db)) == [
        (2019, 88.0, 89.5),
        (2021, 85.5, 87.0),
        (2023, 86.1, 86.4),
    ]
    rows = measures.indicators(mapped_db, "mini", lang="fi")
    assert list(rows["year"]) == [2019, 2021, 2023]
    assert list(rows["trend"])[1:] == ["worse", "better"]
    assert measures.indicator_years(rows, "fi") == [
        "1. Tyytyväinen elämäänsä – 4.–5. lk: 2019 88,0 (koko maa 89,5) → "
        "2021 85,5 (koko maa 87,0) → 2023 86,1 (koko maa 86,4)"
    ]
    again = run(mapped_db, str(DATA / "mini.json"), "--plan", "mini", "--yes")
    assert "0 new, 0 changed, 3 unchanged" in again.output
    assert "stored 0 values" in again.output


def test_a_changed_value_is_shown_with_what_it_was(mapped_db, tmp_path):
    changed = tmp_path / "changed.csv"
    changed.write_text(
        "indicator;region;year;gender;primary value;absolute value\n"
        "289;7;2019;total;87,0;435\n289;1;2019;total;89,5;51200\n",
        encoding="utf-8",
    )
    result = run(mapped_db, str(changed), "--plan", "mini")
    assert "changed: ind-01 2019 grades-4-5 region: 87, whole country 89.5 (was 88" in result.output


def test_the_imported_values_are_in_the_council_report(mapped_db):
    run(mapped_db, str(DATA / "mini.csv"), "--plan", "mini", "--yes")
    text = " ".join(
        text_of(report.council_report(mapped_db, "mini", year=2025, lang="fi", k=10)).split()
    )
    assert "Tyytyväinen elämäänsä, 2023, 4.–5. lk: 86,1 / koko maa 86,4" in text
    assert "Kehitys vuosittain" in text
    assert "2021 85,5 (koko maa 87,0) → 2023 86,1 (koko maa 86,4)" in text


HEADER = "indicator;region;year;gender;primary value;absolute value\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"indicator,region,year,gender,primary value,absolute value\n289,7,2021,total,85,4\n",
            ["bad.csv:1: the columns are separated by commas; Sotkanet's CSV uses semicolons"],
        ),
        (
            b"indicator;area;year;sex;value\n289;7;2021;total;85\n",
            ["bad.csv:1: missing the columns region, gender; the header must be"],
        ),
        (
            (HEADER + "289;99;2021;total;85,5;1\n").encode(),
            ["bad.csv:2: unknown region 99; this plan's regions are 7 and the whole country is 1"],
        ),
        (
            (HEADER + "289;7;2021;total;120,0;1\n289;1;2021;total;-3;1\n").encode(),
            [
                "bad.csv:2: value 120 is out of range for ind-01 (percent: 0–100)",
                "bad.csv:3: value -3 is out of range for ind-01 (percent: 0–100)",
            ],
        ),
        (
            (HEADER + "289;7;2021;total;85,5;1\n289;7;2021;total;86,0;1\n").encode(),
            [
                "bad.csv:3: indicator 289, region 7, year 2021, total is already on row 2 "
                "(a year twice)"
            ],
        ),
        (
            (HEADER + "289;7;2021;total;85,5;1\n").encode()
            + "289;7;2022;total;8ä;1\n".encode("latin-1"),
            ["bad.csv:3: not UTF-8 text"],
        ),
        (
            (HEADER + '289;7;2021;total;"=HYPERLINK(""http://x.invalid"",""a"")";1\n').encode(),
            ['bad.csv:2: value \'=HYPERLINK("http://x.invalid","a")\' is not a number'],
        ),
        (
            (HEADER + "289;7;2021;=cmd|' /C calc'!A0;85;1\n").encode(),
            ["bad.csv:2: gender \"=cmd|' /C calc'!A0\" is not total, male or female"],
        ),
        (
            (HEADER + "555;7;2021;total;85;1\n").encode(),
            ["bad.csv:2: Sotkanet indicator 555 is not mapped to an indicator of plan 'mini'"],
        ),
        (
            (
                HEADER + "289;99;2021;total;85;1\n289;7;2021;total;=1+1;1\n289;98;2023;total;9;1\n"
            ).encode(),
            [
                "bad.csv:2: unknown region 99",
                "bad.csv:3: value '=1+1' is not a number",
                "bad.csv:4: unknown region 98",
            ],
        ),
        (
            (
                HEADER + "289;99;2019;total;85;1\n289;99;2021;total;85;1\n289;99;2023;total;85;1\n"
            ).encode(),
            [
                "bad.csv:2: unknown region 99; this plan's regions are 7 and the whole country is "
                "1; and on 2 more rows"
            ],
        ),
        (b'{"indicator": 289}', ["bad.csv:1: the JSON must be a list of objects"]),
        (b'[{"indicator": 289, "region": 7}]', ["bad.csv:1: missing year, gender, value"]),
        (b"[{", ["bad.csv:1: not valid JSON"]),
    ],
    ids=[
        "comma-separated",
        "wrong-columns",
        "unknown-region",
        "out-of-range",
        "year-twice",
        "not-utf8",
        "formula-value",
        "formula-gender",
        "unmapped-indicator",
        "row-and-plan-problems-in-file-order",
        "one-unknown-region-said-once",
        "json-not-a-list",
        "json-missing-keys",
        "json-broken",
    ],
)
def test_a_bad_file_gets_one_line_per_problem_and_stores_nothing(
    mapped_db, tmp_path, content, expected
):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    result = CliRunner().invoke(
        cli, ["indicators", "import", str(bad), "--plan", "mini", "--yes", "--db", str(mapped_db)]
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == len(expected), result.output
    for line, start in zip(lines, expected, strict=True):
        assert line.replace(str(bad), "bad.csv").startswith(start), line
    assert stored_values(mapped_db) == [(2019, 88.0, 89.5)]


def test_a_huge_file_is_refused_before_it_is_read(mapped_db, tmp_path):
    huge = tmp_path / "huge.csv"
    huge.write_bytes(HEADER.encode() + b"289;7;2021;total;85,5;1\n" * 300_000)
    result = run(mapped_db, str(huge), "--plan", "mini", "--yes")
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert "bytes; at most 5,000,000 are read" in line
    assert stored_values(mapped_db) == [(2019, 88.0, 89.5)]


def test_a_plan_without_sotkanet_regions_or_an_unknown_plan_is_said_in_one_line(plan_db):
    result = run(plan_db, str(DATA / "mini.csv"), "--plan", "mini")
    assert result.exit_code == 1
    assert "plan 'mini' names no Sotkanet regions" in result.output
    unknown = run(plan_db, str(DATA / "mini.csv"), "--plan", "nowhere")
    assert unknown.exit_code == 1 and "no plan 'nowhere'" in unknown.output


def test_the_mapping_and_the_partial_flag_survive_the_export_round_trip(mapped_db, tmp_path):
    exported = editing.to_yaml(editing.export_plan(mapped_db, "mini"))
    plan = file_format.parse(exported)
    assert plan.sotkanet.country == 1 and plan.sotkanet.regions[0].id == 7
    assert plan.indicators[0].sotkanet.id == 289
    assert plan.indicators[0].sotkanet.group == "grades-4-5"
    partial = tmp_path / "partial.yaml"
    partial.write_text(
        "format: 1\nid: part\nlanguage: sv\npartial: true\nname: Del\n"
        "period: {start: 2020, end: 2024}\nsource: test\n"
        "actors: [{id: a, name: A, kind: other}]\n"
        "main_goals: [{id: t1, title: Fokus}]\n",
        encoding="utf-8",
    )
    plans.import_file(mapped_db, partial)
    again = file_format.parse(editing.to_yaml(editing.export_plan(mapped_db, "part")))
    assert again.partial and again.main_goals[0].sub_goals == []
    assert again.municipalities == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            lambda t: t.replace("partial: true\n", ""),
            "main_goals[0].sub_goals: at least one sub-goal (or mark the plan partial)",
        ),
        (
            lambda t: t + "sotkanet: {country: 1, regions: [{id: 7, area: Lahti}]}\n",
            "sotkanet.regions[0].area: area 'Lahti' is neither 'region' nor a municipality",
        ),
        (
            lambda t: t + "sotkanet: {country: 1, regions: [{id: 7}, {id: 8, area: region}]}\n",
            "sotkanet.regions[1].area: area 'region' has a region already",
        ),
        (
            lambda t: (
                t
                + "indicators:\n  - {id: n, name: N, unit: percent, direction: neutral, source: s,"
                " sotkanet: {id: 289}}\n"
            ),
            "indicators[0].sotkanet: the plan has no sotkanet: regions to import this from",
        ),
    ],
    ids=[
        "complete-without-sub-goals",
        "region-area",
        "two-regions-one-area",
        "indicator-without-regions",
    ],
)
def test_the_validator_says_what_is_wrong_with_the_new_keys(change, problem):
    text = (
        "format: 1\nid: part\nlanguage: sv\npartial: true\nname: Del\n"
        "period: {start: 2020, end: 2024}\nmunicipalities: [Kronoby]\nsource: test\n"
        "actors: [{id: a, name: A, kind: other}]\n"
        "main_goals: [{id: t1, title: Fokus}]\n"
    )
    with pytest.raises(file_format.PlanFileError) as error:
        file_format.parse(change(text), name="p.yaml")
    assert any(line.endswith(problem) for line in error.value.problems), error.value.problems


@pytest.fixture
def mapped_app(mapped_db, monkeypatch):
    import streamlit as st

    monkeypatch.setenv("FEEDBACK_DB", str(mapped_db))
    st.cache_resource.clear()
    st.cache_data.clear()
    return mapped_db


def plans_page(db_path, lang="en"):
    from feedback.staff import auth
    from tests.support.pages import page
    from tests.support.users import signed_in

    return page("plans", session=signed_in(db_path, "admin", role=auth.Role.ADMIN), lang=lang)


def test_on_the_plans_page_an_admin_sees_the_preview_and_stores_it_on_confirming(mapped_app):
    at = plans_page(mapped_app)
    assert not at.exception
    uploader = at.file_uploader(key="sotkanet-mini")
    uploader.upload("mini.csv", (DATA / "mini.csv").read_bytes(), "text/csv").run()
    assert not at.exception
    assert "New 2, changed 0, unchanged 1." in [m.value for m in at.markdown]
    [preview] = [d.value for d in at.dataframe if "Change" in d.value.columns]
    assert list(preview["Change"]) == ["unchanged", "new", "new"]
    assert list(preview["Whole country"]) == ["89.5%", "87.0%", "86.4%"]
    assert stored_values(mapped_app) == [(2019, 88.0, 89.5)], "nothing before confirming"
    [store] = [b for b in at.button if b.label == "Store 2 values"]
    store.click().run()
    assert not at.exception
    assert "2 values stored." in [s.value for s in at.success]
    assert len(stored_values(mapped_app)) == 3


def test_on_the_plans_page_a_bad_file_lists_its_problems_and_stores_nothing(mapped_app):
    at = plans_page(mapped_app, lang="fi")
    bad = (HEADER + "289;99;2021;total;85,5;1\n289;7;2021;total;120;1\n").encode()
    at.file_uploader(key="sotkanet-mini").upload("bad.csv", bad, "text/csv").run()
    assert not at.exception
    assert at.error[0].value.startswith("Tiedostossa on virheitä, joten mitään ei tallennettu.")
    problems = at.code[0].value.splitlines()
    assert problems == [
        "bad.csv:2: unknown region 99; this plan's regions are 7 and the whole country is 1",
        "bad.csv:3: value 120 is out of range for ind-01 (percent: 0–100)",
    ]
    assert not [b for b in at.button if b.key == "sotkanet-store-mini"]
    assert stored_values(mapped_app) == [(2019, 88.0, 89.5)]


def test_the_dashboard_shows_an_indicators_markdown_like_name_as_text(
    mapped_db, tmp_path, monkeypatch
):
    import streamlit as st

    from feedback.staff import auth
    from feedback.ui.escaping import plain
    from tests.support.pages import page
    from tests.support.users import signed_in

    name = "**Lihava** [linkki](http://x.invalid) <b>b</b>"
    tricky = tmp_path / "tricky.yaml"
    tricky.write_text(
        SOTKANET_PLAN.replace("name: Tyytyväinen elämäänsä", f'name: "{name}"'), encoding="utf-8"
    )
    plans.import_file(mapped_db, tricky)
    run(mapped_db, str(DATA / "mini.csv"), "--plan", "mini", "--yes")
    monkeypatch.setenv("FEEDBACK_DB", str(mapped_db))
    st.cache_resource.clear()
    st.cache_data.clear()
    admin = signed_in(mapped_db, "admin", role=auth.Role.ADMIN)
    at = page("overview", session=admin, section="sub_goals", sub_goal="mini:i-1")
    assert not at.exception
    [years] = [m.value for m in at.markdown if "koko maa 86,4" in m.value]
    assert years.startswith(plain(f"1. {name} – 4.–5. lk: 2019 88,0"))
    assert "\\*\\*Lihava\\*\\*" in years, "the asterisks are escaped, not bold"
