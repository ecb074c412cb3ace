"""Official indicator values as Sotkanet's REST API 1.1 serves them: every region in one
response, keys left out, BOM and CRLF; preview with the set-aside rows counted, several series
per plan indicator, all-or-nothing store, and one line per problem in the reader's language
(tests/data/sotkanet/ holds responses built in the real shapes)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from feedback import plans
from feedback.cli import cli
from feedback.figures import measures, report
from feedback.plans import editing, fetch, file_format, sotkanet
from tests.support.documents import text_of
from tests.support.sotkanet import DATA, SOTKANET_PLAN, recorded_sotkanet


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
    # The old export names Kymenlaakso's county by its id before 2023; the reader keeps it.
    assert [(i, 967 if r == 887 else r, *rest) for i, r, *rest in shape(from_csv)] == shape(
        from_json
    )
    assert (289, 887, 2021, "total", 85.5) in shape(from_csv)  # the decimal comma read
    assert from_csv[0].row == 3  # the line in the file, after the comment and the header
    every = sotkanet.read((DATA / "all-regions.csv").read_bytes(), name="all-regions.csv")
    assert shape(every) == shape(
        sotkanet.read((DATA / "all-regions.json").read_bytes(), name="all-regions.json")
    )
    assert len(every) == 540 and every[0].row == 3  # the BOM and the CRLF read as nothing
    assert (290, 967, 2021, "total", None) in shape(every)  # a value Sotkanet left out


@pytest.mark.parametrize("name", ["all-regions.csv", "all-regions.json"])
def test_a_whole_response_imports_with_the_other_regions_set_aside_and_counted(mapped_db, name):
    result = run(mapped_db, str(DATA / name), "--plan", "mini")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines == [
        "new: ind-01 2021 grades-4-5 region: 85.5, whole country 87",
        "new: ind-01 2023 grades-4-5 region: 86.1, whole country 86.4",
        "new: ind-01 2023 grades-8-9 region: 71.2, whole country 73.9",
        "rows set aside of other regions (43 regions): 516",
        "rows set aside of genders the plan does not follow: 16",
        "rows set aside without a value (Sotkanet publishes none for them): 1",
        "3 new, 0 changed, 0 unchanged",
        "dry run: nothing stored; run again with --yes to store",
    ]
    stored = run(mapped_db, str(DATA / name), "--plan", "mini", "--yes")
    assert "stored 3 values in mini" in stored.output
    rows = measures.indicators(mapped_db, "mini", lang="en")
    assert sorted(zip(rows["year"], rows["group"], rows["value"], strict=True)) == [
        (2019, "grades-4-5", 88.0),
        (2021, "grades-4-5", 85.5),
        (2023, "grades-4-5", 86.1),
        (2023, "grades-8-9", 71.2),
    ]


@pytest.mark.parametrize("name", ["mini.csv", "mini.json"])
def test_without_yes_the_import_shows_what_changes_and_stores_nothing(mapped_db, name):
    result = run(mapped_db, str(DATA / name), "--plan", "mini")
    assert result.exit_code == 0, result.output
    assert "new: ind-01 2021 grades-4-5 region: 85.5, whole country 87" in result.output
    assert "new: ind-01 2023 grades-4-5 region: 86.1, whole country 86.4" in result.output
    assert "rows set aside of genders the plan does not follow: 1" in result.output
    assert "2 new, 0 changed, 1 unchanged" in result.output  # 2019 is in the plan already
    assert "dry run: nothing stored" in result.output
    assert stored_values(mapped_db) == [(2019, 88.0, 89.5)]
    renumbered = "region 887 is Sotkanet's old id of Kymenlaakso wellbeing services county"
    assert (renumbered in result.output) == (name == "mini.csv")


def test_a_plan_naming_its_region_by_the_old_id_reads_the_new_one_with_a_note(db_path, tmp_path):
    old = tmp_path / "mini.yaml"
    old.write_text(SOTKANET_PLAN.replace("HYVINVOINTIALUE 10", "887"), encoding="utf-8")
    plans.import_file(db_path, old)
    result = run(db_path, str(DATA / "mini.json"), "--plan", "mini")
    assert result.exit_code == 0, result.output
    assert (
        f"note: {DATA / 'mini.json'}:1: region 887 is Sotkanet's old id of Kymenlaakso wellbeing "
        "services county (before 2023); read as 967"
    ) in result.output
    assert "2 new, 0 changed, 1 unchanged" in result.output


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
        "289;967;2019;total;87.0;435\n289;658;2019;total;89.5;51200\n",
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


def test_fetch_reads_the_mapped_series_from_the_api_page_by_page_and_tries_again(mapped_db):
    with recorded_sotkanet(failures=1) as server:
        _, result = fetch.fetch(
            mapped_db, "mini", years=list(range(2015, 2024)), base_url=server.url, backoff=0
        )
    paths = [path for path, _ in server.calls]
    assert paths == [
        "/rest/1.1/indicators/289",  # 503 Service Unavailable, then once more
        "/rest/1.1/indicators/289",
        "/rest/1.1/json?indicator=289&years=2015&years=2016&years=2017&years=2018&years=2019"
        "&genders=total",
        "/rest/1.1/json?indicator=289&years=2020&years=2021&years=2022&years=2023&genders=total",
        "/rest/1.1/indicators/290",
        "/rest/1.1/json?indicator=290&years=2015&years=2016&years=2017&years=2018&years=2019"
        "&genders=total",
        "/rest/1.1/json?indicator=290&years=2020&years=2021&years=2022&years=2023&genders=total",
    ]
    assert {agent for _, agent in server.calls} == {fetch.USER_AGENT}
    assert [(c.year, c.group, c.value, c.status) for c in result.changes] == [
        (2021, "grades-4-5", 85.5, "new"),
        (2023, "grades-4-5", 86.1, "new"),
        (2023, "grades-8-9", 71.2, "new"),
    ]
    assert [line.text("en") for line in result.set_aside()] == [
        "rows set aside of other regions (43 regions): 172",
        "rows set aside without a value (Sotkanet publishes none for them): 1",
    ]


def test_fetch_with_yes_fills_the_plan_from_the_loopback_server(mapped_db, monkeypatch):
    with recorded_sotkanet() as server:
        monkeypatch.setenv("FEEDBACK_SOTKANET_URL", server.url)
        result = CliRunner().invoke(
            cli,
            [
                *("indicators", "fetch", "--plan", "mini", "--years", "2021", "--years", "2023"),
                *("--yes", "--db", str(mapped_db)),
            ],
        )
    assert result.exit_code == 0, result.output
    assert "new: ind-01 2023 grades-8-9 region: 71.2, whole country 73.9" in result.output
    assert "stored 3 values in mini" in result.output
    assert len(stored_values(mapped_db)) == 4  # 2019 was in the plan already
    with recorded_sotkanet(failures=99) as server:
        monkeypatch.setenv("FEEDBACK_SOTKANET_URL", server.url)
        monkeypatch.setattr(fetch, "ATTEMPTS", 1)  # the retries are the test above's
        down = CliRunner().invoke(cli, ["indicators", "fetch", "--plan", "mini", "--db", mapped_db])
    assert down.exit_code == 1
    assert down.output.strip() == f"{server.url}/indicators/289: HTTP 503 Service Unavailable"


def test_units_from_the_metadata_replace_the_typed_ones_and_check_the_range(mapped_db, tmp_path):
    meta = tmp_path / "indicator-289.json"
    meta.write_text(
        (DATA / "indicator-289.json").read_text().replace('"PROS"', '"PER1000"'), encoding="utf-8"
    )
    result = run(mapped_db, str(DATA / "mini.json"), "--plan", "mini", "--metadata", str(meta))
    note = "the unit of indicator 289 from Sotkanet's metadata: per-mille (the plan says percent)"
    assert f"note: {DATA / 'mini.json'}:1: {note}" in result.output
    over = tmp_path / "over.csv"
    over.write_text(HEADER + "289;967;2021;total;120.0;1\n", encoding="utf-8")
    stored = run(mapped_db, str(over), "--plan", "mini", "--metadata", str(meta), "--yes")
    assert stored.exit_code == 0, stored.output  # 120 per mille is within 0–1000
    assert editing.export_plan(mapped_db, "mini")["indicators"][0]["unit"] == "per-mille"
    refused = run(mapped_db, str(over), "--plan", "mini", "--metadata", str(DATA / "mini.json"))
    assert refused.exit_code == 1
    assert "mini.json:1: not a Sotkanet indicator's metadata" in refused.output


def test_the_metadata_decimals_are_the_decimals_values_are_shown_with(mapped_db, tmp_path):
    meta = tmp_path / "indicator-289.json"
    meta.write_text(
        (DATA / "indicator-289.json").read_text().replace('"decimals": 1', '"decimals": 2'),
        encoding="utf-8",
    )
    stored = run(mapped_db, str(DATA / "mini.json"), "--plan", "mini", "--metadata", str(meta))
    assert stored.exit_code == 0, stored.output
    run(mapped_db, str(DATA / "mini.json"), "--plan", "mini", "--metadata", str(meta), "--yes")
    assert editing.export_plan(mapped_db, "mini")["indicators"][0]["decimals"] == 2
    rows = measures.indicators(mapped_db, "mini", lang="fi")
    assert measures.indicator_years(rows, "fi")[0] == (
        "1. Tyytyväinen elämäänsä – 4.–5. lk: 2019 88,00 (koko maa 89,50) → 2021 85,50 "
        "(koko maa 87,00) → 2023 86,10 (koko maa 86,40)"
    )
    text = " ".join(
        text_of(report.council_report(mapped_db, "mini", year=2025, lang="fi", k=10)).split()
    )
    assert "4.–5. lk: 85,50 / koko maa" in text


HEADER = "indicator;region;year;gender;primary value;absolute value\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"indicator,region,year,gender,primary value,absolute value\n289,967,2021,total,85,4\n",
            ["bad.csv:1: the columns are separated by commas; Sotkanet's CSV uses semicolons"],
        ),
        (
            b"indicator;area;year;sex;value\n289;967;2021;total;85\n",
            ["bad.csv:1: missing the columns region, gender; the header must be"],
        ),
        (
            (HEADER + "289;967;2021;total;120.0;1\n289;658;2021;total;-3;1\n").encode(),
            [
                "bad.csv:2: value 120 is out of range for ind-01 (percent: 0–100)",
                "bad.csv:3: value -3 is out of range for ind-01 (percent: 0–100)",
            ],
        ),
        (
            (HEADER + "289;967;2021;total;85,5;1\n289;887;2021;total;86,0;1\n").encode(),
            [
                "bad.csv:3: indicator 289, region 967, year 2021, total is already on row 2 "
                "(a year twice)"
            ],
        ),
        (
            (HEADER + "289;967;2021;total;85,5;1\n").encode()
            + "289;967;2022;total;8ä;1\n".encode("latin-1"),
            ["bad.csv:3: not UTF-8 text"],
        ),
        (
            (HEADER + '289;967;2021;total;"=HYPERLINK(""http://x.invalid"",""a"")";1\n').encode(),
            ['bad.csv:2: value \'=HYPERLINK("http://x.invalid","a")\' is not a number'],
        ),
        (
            (HEADER + "289;967;2021;=cmd|' /C calc'!A0;85;1\n").encode(),
            ["bad.csv:2: gender \"=cmd|' /C calc'!A0\" is not total, male or female"],
        ),
        (
            (
                HEADER + "555;967;2019;total;85;1\n555;658;2019;total;85;1\n"
                "555;20;2021;total;85;1\n"
            ).encode(),
            [
                "bad.csv:2: Sotkanet indicator 555 is not mapped to an indicator of plan 'mini' "
                "(add sotkanet: {id: 555} to one); and on 2 more rows"
            ],
        ),
        (
            (
                HEADER + "555;967;2021;total;85;1\n289;967;2021;total;=1+1;1\n"
                "289;967;2023;total;101;1\n"
            ).encode(),
            [
                "bad.csv:2: Sotkanet indicator 555 is not mapped",
                "bad.csv:3: value '=1+1' is not a number",
                "bad.csv:4: value 101 is out of range",
            ],
        ),
        (b'{"indicator": 289}', ["bad.csv:1: the JSON must be a list of objects"]),
        (b'[{"indicator": 289, "region": 967}]', ["bad.csv:1: missing year, gender"]),
        (b"[{", ["bad.csv:1: not valid JSON"]),
    ],
    ids=[
        "comma-separated",
        "wrong-columns",
        "out-of-range",
        "year-twice-also-by-the-old-id",
        "not-utf8",
        "formula-value",
        "formula-gender",
        "unmapped-indicator-said-once",
        "row-and-plan-problems-in-file-order",
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
    huge.write_bytes(HEADER.encode() + b"289;967;2021;total;85,5;1\n" * 300_000)
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
    assert plan.sotkanet.country == 658 and plan.sotkanet.regions[0].id == "HYVINVOINTIALUE 10"
    assert [(s.id, s.group) for s in plan.indicators[0].sotkanet.series] == [
        (289, "grades-4-5"),
        (290, "grades-8-9"),
    ]
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
            lambda t: t + "sotkanet: {regions: [{id: 967, area: Lahti}]}\n",
            "sotkanet.regions[0].area: area 'Lahti' is neither 'region' nor a municipality",
        ),
        (
            lambda t: t + "sotkanet: {regions: [{id: 20}, {id: KUNTA 091, area: region}]}\n",
            "sotkanet.regions[1].area: area 'region' has a region already",
        ),
        (
            lambda t: t + "sotkanet: {regions: [{id: 887}, {id: Kymenlaakson hyvinvointialue}]}\n",
            "sotkanet.regions[1].id: region 967 is named twice",
        ),
        (
            lambda t: t + "sotkanet: {regions: [{id: KUNTA 999}]}\n",
            "sotkanet.regions[0].id: no region KUNTA 999 in data/sotkanet/regions.json",
        ),
        (
            lambda t: t + "sotkanet: {regions: [{id: Gamlakarleby}]}\n",
            "sotkanet.regions[0].id: no region named 'Gamlakarleby' in data/sotkanet/regions.json;"
            " give its id",
        ),
        (
            lambda t: (
                t
                + "indicators:\n  - {id: n, name: N, unit: percent, direction: neutral, source: s,"
                " sotkanet: {id: 289}}\n"
            ),
            "indicators[0].sotkanet: the plan has no sotkanet: regions to import this from",
        ),
        (
            lambda t: (
                t
                + "sotkanet: {regions: [{id: Esbo}]}\n"
                + "indicators:\n  - {id: n, name: N, unit: percent, direction: neutral, source: s,"
                " sotkanet: [{id: 289, group: grades-4-5}, {id: 289, group: grades-8-9}]}\n"
            ),
            "indicators[0].sotkanet.series[1].id: Sotkanet indicator 289 is already mapped to 'n'",
        ),
        (
            lambda t: (
                t
                + "indicators:\n  - {id: n, name: N, unit: percent, direction: neutral, source: s,"
                " sotkanet: {series: [], not_mapped: ''}}\n"
            ),
            "indicators[0].sotkanet.not_mapped: String should have at least 1 character",
        ),
    ],
    ids=[
        "complete-without-sub-goals",
        "region-area",
        "two-regions-one-area",
        "old-id-and-name-of-one-region",
        "unknown-code",
        "unknown-name",
        "indicator-without-regions",
        "one-series-twice",
        "empty-reason",
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
    bad = (HEADER + "555;967;2021;total;85,5;1\n289;967;2021;total;120;1\n").encode()
    at.file_uploader(key="sotkanet-mini").upload("bad.csv", bad, "text/csv").run()
    assert not at.exception
    assert at.error[0].value.startswith("Tiedostossa on virheitä, joten mitään ei tallennettu.")
    problems = at.code[0].value.splitlines()
    assert problems == [  # in the reader's language
        "bad.csv:2: Sotkanetin indikaattoria 555 ei ole liitetty suunnitelman 'mini' "
        "indikaattoriin (lisää jollekin sotkanet: {id: 555})",
        "bad.csv:3: arvo 120 on sallitun alueen ulkopuolella indikaattorille ind-01 "
        "(percent: 0–100)",
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
