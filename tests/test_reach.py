"""Whose voice is missing (issue #28): the child population per area and age band imported from
Sotkanet with the indicators, and answers per 1,000 children on the dashboard's figures and in
the yearly report, under the same small-number rule as every figure."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from click.testing import CliRunner

from feedback import plans
from feedback.cli import cli
from feedback.figures import reach, report
from feedback.plans import editing, fetch, file_format, sotkanet
from tests.support.documents import text_of
from tests.support.rounds import answered, open_round
from tests.support.sotkanet import DATA, POPULATION_PLAN, recorded_sotkanet

K = 5
CHILDREN = {
    ("Hamina", "0-6", 2023): 1240,
    ("Hamina", "7-12", 2022): 1390,
    ("Hamina", "7-12", 2023): 1400,
    ("Kotka", "0-6", 2023): 2950,
    ("Kotka", "7-12", 2023): 3300,
    ("region", "0-6", 2023): 8400,
    ("region", "7-12", 2023): 9500,
}


@pytest.fixture
def counted_db(db_path, tmp_path):
    """The test plan with its child population imported from a whole response."""
    path = tmp_path / "mini.yaml"
    path.write_text(POPULATION_PLAN, encoding="utf-8")
    plans.import_file(db_path, path)
    result = import_population(db_path, "--yes")
    assert result.exit_code == 0, result.output
    return db_path


def import_population(db_path, *args):
    file = str(DATA / "population.json")
    command = ["indicators", "import", file, "--plan", "mini", "--db", str(db_path), *args]
    return CliRunner().invoke(cli, command)


def test_the_child_population_imports_with_the_indicators_and_once(db_path, tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(POPULATION_PLAN, encoding="utf-8")
    plans.import_file(db_path, path)
    dry = import_population(db_path)
    assert "new: children 7-12 2023 Hamina: 1400" in dry.output.splitlines()
    assert sotkanet.stored_children(db_path, "mini") == {}
    assert "stored 7 values in mini" in import_population(db_path, "--yes").output
    assert sotkanet.stored_children(db_path, "mini") == CHILDREN
    again = import_population(db_path, "--yes")
    assert again.exit_code == 0, again.output
    # The country's and Espoo's rows are set aside, as is a boys' row; nothing is new.
    assert again.output.splitlines()[:3] == [
        "rows set aside of other regions (2 regions): 4",
        "rows set aside of genders the plan does not follow: 1",
        "0 new, 0 changed, 7 unchanged",
    ]
    assert sotkanet.stored_children(db_path, "mini") == CHILDREN


def test_fetch_reads_the_population_series_without_metadata(db_path, tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(POPULATION_PLAN, encoding="utf-8")
    plans.import_file(db_path, path)
    with recorded_sotkanet() as server:
        plan, result = fetch.fetch(db_path, "mini", years=[2023], base_url=server.url)
        sotkanet.store(db_path, plan, result)
    paths = [path for path, _ in server.calls]
    assert "/rest/1.1/json?indicator=7&years=2023&genders=total" in paths
    assert "/rest/1.1/json?indicator=9712&years=2023&genders=total" in paths
    assert not [
        p for p in paths if p.startswith(("/rest/1.1/indicators/7", "/rest/1.1/indicators/9"))
    ]
    assert sotkanet.stored_children(db_path, "mini") == {
        key: n for key, n in CHILDREN.items() if key[2] == 2023
    }
    # The indicator values went through the plan's own import, which keeps the actors' ties.
    assert editing.export_plan(db_path, "mini")["indicators"][0]["values"][-1]["year"] == 2023
    assert [a.get("municipality") for a in editing.export_plan(db_path, "mini")["actors"]] == [
        "Hamina",
        "Kotka",
    ]


def test_a_population_row_that_is_no_number_of_children_stores_nothing(db_path, tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(POPULATION_PLAN, encoding="utf-8")
    plans.import_file(db_path, path)
    bad = (DATA / "population.json").read_bytes().replace(b'"absValue": 1400', b'"absValue": 14.5')
    with pytest.raises(sotkanet.SotkanetFileError) as error:
        sotkanet.check(db_path, "mini", bad, name="population.json")
    assert error.value.lines("fi") == [
        "population.json:8: 14.5 ei ole lasten lukumäärä (kokonaisluku, vähintään 0) "
        "ikäryhmälle 7-12"
    ]
    assert sotkanet.stored_children(db_path, "mini") == {}


def test_answers_per_thousand_children_per_area_and_band(counted_db):
    opened = date(2023, 1, 2)
    hamina = open_round(
        counted_db, action_id="mini:a1", audiences=("grades-4-6", "guardians"), today=opened
    )
    kotka = open_round(counted_db, action_id="mini:a2", audiences=("grades-1-3",), today=opened)
    when = datetime(2023, 3, 2, 10)
    answered(counted_db, hamina, *[4] * 14, group="grades-4-6", now=when)
    answered(counted_db, hamina, *[5] * 6, group="guardians", now=when)  # no age band
    answered(counted_db, kotka, 3, 4, 5, group="grades-1-3", now=when)  # fewer than k

    def seen(year, actors=None):
        return [
            (c.area, c.band, c.population_year, reach.answers_text(c, K), reach.rate_text(c, "fi"))
            for c in reach.reach(counted_db, "mini", year=year, k=K, actors=actors)
        ]

    assert seen(2023) == [
        ("region", "0-6", 2023, "0", "0,0"),
        ("region", "7-12", 2023, "14", "1,5"),  # Kotka's three are no block of their own
        ("Hamina", "0-6", 2023, "0", "0,0"),  # nobody under 7 asked: where the voice is missing
        ("Hamina", "7-12", 2023, "14", "10,0"),
        ("Kotka", "0-6", 2023, "0", "0,0"),
        ("Kotka", "7-12", 2023, "< 5", ""),
    ]
    # A later year is set against the latest population figure; 2022's has no answers.
    assert seen(2024)[3] == ("Hamina", "7-12", 2023, "0", "0,0")
    assert seen(2022) == [("Hamina", "7-12", 2022, "0", "0,0")]
    # A staff member of Kotka sees the region and Kotka, never Hamina's municipality.
    assert [(area, band) for area, band, *_ in seen(2023, actors=("mini:kotka",))] == [
        ("region", "0-6"),
        ("region", "7-12"),
        ("Kotka", "0-6"),
        ("Kotka", "7-12"),
    ]

    text = " ".join(
        text_of(report.council_report(counted_db, "mini", year=2023, lang="fi", k=K)).split()
    )
    assert "Vastauksia 1 000 lasta kohden" in text
    assert "Hamina, 7–12-vuotiaat: 14 vastausta, 10,0 / 1 000 lasta (1400 lasta, 2023)" in text
    assert "Kotka, 7–12-vuotiaat: < 5 vastausta (3300 lasta, 2023)" in text


def test_an_actor_is_tied_to_one_of_the_plans_municipalities_and_a_band_to_one_series():
    text = POPULATION_PLAN.replace("municipality: Kotka}", "municipality: Porvoo}").replace(
        "{id: 9712, band: 7-12}", "{id: 9712, band: 0-6}"
    )
    with pytest.raises(file_format.PlanFileError) as error:
        file_format.parse(text, name="mini.yaml")
    problems = "\n".join(error.value.problems)
    assert "'Porvoo' is not one of the plan's municipalities" in problems
    assert "age band '0-6' has a series already" in problems
