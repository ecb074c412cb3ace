"""Answers per 1,000 children (issue #28) against subtraction: the whole region's figure minus its
municipalities', or one staff scope's minus another's, never isolates a withheld group. The
attacker reads every figure the dashboard can show (each scope, year and band) and subtracts
every pair; the loops are bounded by the figures there are."""

from __future__ import annotations

import itertools
from datetime import date, datetime

import pytest

from feedback import plans
from feedback.figures import reach
from feedback.plans import sotkanet
from tests.support.rounds import answered, open_round
from tests.support.sotkanet import DATA, POPULATION_PLAN
from tests.support.stores import new_store

K = 5
SCOPES = (None, ("mini:hamina",), ("mini:kotka",), ("mini:hamina", "mini:kotka"))


@pytest.fixture
def counted_db(tmp_path):
    """The test plan with its child population and small groups in both municipalities."""
    db_path = new_store("sqlite", tmp_path)
    path = tmp_path / "mini.yaml"
    path.write_text(POPULATION_PLAN, encoding="utf-8")
    plans.import_file(db_path, path)
    population = (DATA / "population.json").read_bytes()
    sotkanet.store(db_path, *sotkanet.check(db_path, "mini", population, name="population.json"))
    opened = date(2023, 1, 2)
    hamina = open_round(
        db_path, action_id="mini:a1", audiences=("grades-4-6", "grades-1-3"), today=opened
    )
    kotka = open_round(db_path, action_id="mini:a2", audiences=("grades-1-3",), today=opened)
    when = datetime(2023, 3, 2, 10)
    answered(db_path, hamina, *[4] * 12, group="grades-4-6", now=when)
    answered(db_path, hamina, 2, 5, group="grades-1-3", now=when)  # a small group in a big round
    answered(db_path, kotka, 3, 4, 5, group="grades-1-3", now=when)  # a small round
    return db_path


def test_no_difference_of_two_figures_isolates_a_withheld_group(counted_db):
    figures = {}
    for year, scope in itertools.product((2022, 2023, 2024), SCOPES):
        for cell in reach.reach(counted_db, "mini", year=year, k=K, actors=scope):
            figures[(year, cell.band, scope, cell.area)] = cell.answers
    assert figures[(2023, "7-12", None, "region")] == 12  # the 2 and the 3 are in no figure
    pairs = 0
    recovered = []
    for (a, first), (b, second) in itertools.combinations(figures.items(), 2):
        if a[:2] != b[:2]:  # the same year and band: the figures an attacker would subtract
            continue
        pairs += 1
        difference = abs(first - second)
        if 0 < difference < K:
            recovered.append((a, b, difference))
    assert pairs > 40  # every scope and area pair of one year and band was tried
    assert recovered == []
