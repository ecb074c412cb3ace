import pytest

from feedback import plans, storage
from feedback.plans.file_format import PlanFileError
from feedback.rounds import answers
from tests.support.rounds import answered, open_round
from tests.support.stores import MINI_PLAN


def dump(db_path) -> list:
    """Every row of every table except the migration log, as a person would diff them."""
    with storage.reading(db_path) as db:
        rows = [
            (table, row)
            for table in db.tables()
            if table != "_sqlite_migrations"
            for row in sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        ]
    return rows


def without_action_a3(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if "id: a3" not in line)


def test_importing_lists_the_plan_with_its_counts(plan_db):
    [summary] = plans.list_plans(plan_db)
    assert (summary.id, summary.period_start, summary.period_end) == ("mini", 2021, 2025)
    assert summary.name["en"] == "Mini plan"
    assert (summary.main_goals, summary.sub_goals, summary.actions, summary.indicators) == (
        2,
        3,
        4,
        1,
    )


def test_reimporting_the_same_file_changes_nothing(plan_db, plan_file):
    before = dump(plan_db)
    assert plans.import_file(plan_db, plan_file) is False
    assert dump(plan_db) == before


def test_a_file_with_a_problem_changes_nothing(plan_db, plan_file):
    before = dump(plan_db)
    plan_file.write_text(
        MINI_PLAN.replace("Lasten parlamentti", "Uusi nimi").replace("ease: medium", "ease: x"),
        encoding="utf-8",
    )
    with pytest.raises(PlanFileError):
        plans.import_file(plan_db, plan_file)
    assert dump(plan_db) == before


def test_an_edited_plan_replaces_the_old_one(plan_db, plan_file):
    edited = without_action_a3(
        MINI_PLAN.replace("Lasten parlamentti", "Lasten ja nuorten parlamentti")
    )
    plan_file.write_text(edited, encoding="utf-8")
    assert plans.import_file(plan_db, plan_file) is True
    actions = {a.id: a.text["fi"] for a in plans.list_actions(plan_db)}
    assert actions["mini:a1"] == "Lasten ja nuorten parlamentti"
    assert "mini:a3" not in actions


def test_an_action_with_answers_cannot_be_removed_by_an_import(plan_db, plan_file):
    round_ = open_round(plan_db, action_id="mini:a3")
    answered(plan_db, round_, 4)
    plan_file.write_text(without_action_a3(MINI_PLAN), encoding="utf-8")
    with pytest.raises(PlanFileError) as caught:
        plans.import_file(plan_db, plan_file)
    assert "action 'a3' has feedback rounds" in caught.value.problems[0]
    assert answers.count(plan_db, round_) == 1
    assert plans.get_action(plan_db, "mini:a3") is not None


def test_actions_are_listed_in_plan_order_with_actor_and_sub_goal(plan_db):
    listed = plans.list_actions(plan_db, plan_id="mini")
    assert [a.id for a in listed] == ["mini:a1", "mini:a2", "mini:a3", "mini:a4"]
    assert listed[1].actor_id == "mini:kotka"
    assert listed[1].sub_goal_id == "mini:i-1"
    assert plans.list_actions(plan_db, plan_id="other") == []
