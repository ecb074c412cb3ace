import pytest

from feedback import plans, settings
from feedback.plans import editing, file_format
from feedback.plans.file_format import PlanFileError
from tests.support.rounds import answered, open_round

PLAN_FILES = sorted(settings.PLANS_DIR.glob("*.yaml"))


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_a_stored_plan_exports_back_to_the_same_plan(db_path, path):
    plans.import_file(db_path, path)
    original, _ = file_format.load(path)
    exported = editing.to_yaml(editing.export_plan(db_path, original.id))
    assert file_format.parse(exported) == original


def test_editing_an_action_in_the_app_goes_through_the_same_import(plan_db):
    plan = editing.export_plan(plan_db, "mini")
    editing.find_action(plan, "a1")["text"]["sv"] = "Barnens parlament"
    editing.find_action(plan, "a1")["schedule"] = {"fi": "2026"}
    assert editing.save(plan_db, plan) is True
    [a1] = [a for a in plans.list_actions(plan_db) if a.id == "mini:a1"]
    assert a1.text == {
        "fi": "Lasten parlamentti",
        "en": "Children's parliament",
        "sv": "Barnens parlament",
    }


def test_an_invalid_edit_names_the_field_and_changes_nothing(plan_db):
    before = editing.export_plan(plan_db, "mini")
    plan = editing.export_plan(plan_db, "mini")
    editing.find_action(plan, "a1")["actor"] = "nobody"
    with pytest.raises(PlanFileError) as refused:
        editing.save(plan_db, plan)
    assert (
        "main_goals[0].sub_goals[0].actions[0].actor: unknown actor 'nobody'"
        in (refused.value.problems[0])
    )
    assert editing.export_plan(plan_db, "mini") == before


def test_an_added_action_gets_a_fresh_id_and_can_take_answers(plan_db):
    plan = editing.export_plan(plan_db, "mini")
    new_id = editing.add_action(
        plan, "i-2", {"text": {"fi": "Kesäleiri"}, "actor": "hamina", "kind": "pilot"}
    )
    assert new_id == "hamina-01"
    editing.save(plan_db, plan)
    round_ = open_round(plan_db, action_id=f"mini:{new_id}")
    answered(plan_db, round_, 5)
    # Removing it again would orphan the answer, so the import refuses.
    plan = editing.export_plan(plan_db, "mini")
    plan["main_goals"][0]["sub_goals"][1]["actions"].pop()
    with pytest.raises(PlanFileError, match="has feedback rounds"):
        editing.save(plan_db, plan)


def test_an_indicator_value_is_added_or_replaced_by_year_and_group(plan_db):
    plan = editing.export_plan(plan_db, "mini")
    editing.set_indicator_value(
        plan, "ind-01", {"year": 2023, "group": "grades-4-5", "value": 90.0, "national": 89.0}
    )
    editing.set_indicator_value(
        plan, "ind-01", {"year": 2019, "group": "grades-4-5", "value": 87.5}
    )
    editing.save(plan_db, plan)
    values = editing.export_plan(plan_db, "mini")["indicators"][0]["values"]
    assert sorted((v["year"], v["value"]) for v in values) == [(2019, 87.5), (2023, 90.0)]


def test_added_goals_get_fresh_ids_and_keep_the_existing_ones(plan_db):
    plan = editing.export_plan(plan_db, "mini")
    assert editing.add_sub_goal(plan, "i", {"title": {"fi": "Kuulluksi tuleminen"}}) == "i-3"
    new_main = editing.add_main_goal(
        plan, {"title": {"fi": "Turvallisuus"}}, {"title": {"fi": "Turvallinen koulutie"}}
    )
    assert new_main == "goal-1"
    editing.save(plan_db, plan)
    stored = editing.export_plan(plan_db, "mini")
    assert [m["id"] for m in stored["main_goals"]] == ["i", "ii", "goal-1"]
    assert [s["id"] for s in stored["main_goals"][0]["sub_goals"]] == ["i-1", "i-2", "i-3"]
    assert stored["main_goals"][2]["sub_goals"][0]["id"] == "goal-1-1"
    assert editing.find_goal(stored, "i-3")["title"] == {"fi": "Kuulluksi tuleminen"}
    with pytest.raises(KeyError):
        editing.find_goal(stored, "nope")
