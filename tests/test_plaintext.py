import yaml

from feedback import plaintext, plans, rounds
from feedback.rounds import changes
from tests.support.rounds import open_round
from tests.support.stores import MINI_PLAN

RIGHT_TO_LEFT_OVERRIDE = "\u202e"
POP = "\u202c"


def test_direction_overrides_and_controls_are_taken_out_and_the_text_composed():
    typed = f"Hyvä{RIGHT_TO_LEFT_OVERRIDE}ettop\x07{POP} kerho\u200f\ta\u0308"
    assert plaintext.clean_text(typed) == "Hyväettop kerho ä"
    assert plaintext.one_line("Kaksi\n\n\n\nriviä\r\n") == "Kaksi riviä"


def test_a_plans_titles_are_kept_without_direction_overrides(db_path, tmp_path):
    plan = yaml.safe_load(MINI_PLAN)
    plan["main_goals"][0]["sub_goals"][0]["title"] = f"Kuullaan {RIGHT_TO_LEFT_OVERRIDE}exe.fdp"
    plan["main_goals"][0]["sub_goals"][0]["actions"][0]["text"] = f"Parlamentti\u2066{POP}"
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    plans.import_file(db_path, path)
    [action, *_] = plans.list_actions(db_path, plan_id="mini")
    assert (action.sub_goal_title["fi"], action.text["fi"]) == ("Kuullaan exe.fdp", "Parlamentti")


def test_a_subject_and_we_did_are_kept_without_direction_overrides(plan_db):
    round_ = open_round(
        plan_db,
        action_id="mini:a1",
        subjects={lang: f"Kerho {RIGHT_TO_LEFT_OVERRIDE}olleh" for lang in ("fi", "sv", "en")},
    )
    assert rounds.get_by_code(plan_db, round_.code).subject("fi") == "Kerho olleh"
    changes.record(
        plan_db,
        action_id=round_.action_id,
        you_said=f"Lisää {RIGHT_TO_LEFT_OVERRIDE}aikaa",
        we_did="Kerho on auki\u2067 pidempään",
        status="done",
        language="fi",
    )
    [change] = changes.for_action(plan_db, round_.action_id)
    assert (change.you_said, change.we_did) == ("Lisää aikaa", "Kerho on auki pidempään")
