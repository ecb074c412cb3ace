"""The real plans in data/plans/ validate, import, and keep their shape."""

import pytest

from feedback import planfile, plans, settings

PLAN_FILES = sorted(settings.PLANS_DIR.glob("*.yaml"))

# Counts of main goals, sub-goals, actions and indicators, checked against the seeds by hand.
EXPECTED = {
    "kymenlaakso": (3, 16, 160, 32),
    "jakobstadsregionen": (4, 12, 30, 0),
    "esbo": (4, 11, 43, 0),
}


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_every_plan_file_is_valid(path):
    plan, _ = planfile.load(path)
    assert plan.id == path.stem
    assert all(plan.language in main.title for main in plan.main_goals)


def test_all_plans_import_with_their_counts_and_a_second_import_changes_nothing(db_path):
    results = plans.import_directory(db_path, settings.PLANS_DIR)
    assert all(changed for _, changed in results)
    counts = {
        p.id: (p.main_goals, p.sub_goals, p.actions, p.indicators)
        for p in plans.list_plans(db_path)
    }
    for plan_id, expected in EXPECTED.items():
        assert counts[plan_id] == expected
    again = plans.import_directory(db_path, settings.PLANS_DIR)
    assert not any(changed for _, changed in again)


def test_jakobstadsregionen_names_its_four_municipalities(db_path):
    plans.import_directory(db_path, settings.PLANS_DIR)
    [plan] = [p for p in plans.list_plans(db_path) if p.id == "jakobstadsregionen"]
    assert sorted(plan.municipalities) == ["Jakobstad", "Larsmo", "Nykarleby", "Pedersöre"]
    assert (plan.period_start, plan.period_end) == (2021, 2025)
