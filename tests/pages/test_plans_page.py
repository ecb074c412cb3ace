"""The plans page (/plans): admins edit goals and actions."""

from feedback import plans
from feedback.plans import editing
from feedback.rounds import alerts, answers
from feedback.staff import auth
from tests.support.pages import page, press
from tests.support.rounds import open_round
from tests.support.users import signed_in


def test_staff_cannot_open_the_plans_page(app_env):
    staff = signed_in(app_env, "hamina", role=auth.Role.STAFF, actors=("mini:hamina",))
    at = page("plans", session=staff)
    assert at.error[0].value == "Sinulla ei ole oikeutta tälle sivulle."


def test_an_admin_edits_an_action_in_the_app(app_env, admin):
    at = page("plans", session=admin, lang="en")
    assert not at.exception
    swedish = next(t for t in at.text_area if t.label == "Text (Svenska)")
    swedish.input("Barnens parlament")
    press(at, "Save")
    assert at.success[0].value == "Saved."
    [a1] = [a for a in plans.list_actions(app_env) if a.id == "mini:a1"]
    assert a1.text["sv"] == "Barnens parlament"


def test_an_invalid_action_edit_shows_the_problem_under_the_field(app_env, admin):
    at = page("plans", session=admin, lang="en")
    finnish = next(t for t in at.text_area if t.label == "Text (Suomi)")
    finnish.input("")
    press(at, "Save")
    assert "Check this field" in at.error[0].value
    [a1] = [a for a in plans.list_actions(app_env) if a.id == "mini:a1"]
    assert a1.text["fi"] == "Lasten parlamentti", "nothing was changed"


def test_an_admin_renames_a_sub_goal_and_its_answers_stay_with_it(app_env, admin):
    round_ = open_round(app_env, action_id="mini:a1")
    answers.record(
        app_env, round_, answers.Answer(scores=(5,)), submission_id=answers.new_submission_id()
    )
    at = page("plans", session=admin, lang="en")
    goal = at.selectbox(key="goal-target")
    goal.select_index(next(i for i, c in enumerate(goal.options) if "heard" in c)).run()
    at.text_input(key="goal-edit-sv").input("Barn blir hörda")
    press(at, "Save the goal")
    assert at.success[0].value == "Saved."
    tree = editing.export_plan(app_env, "mini")
    assert editing.find_goal(tree, "i-1")["title"]["sv"] == "Barn blir hörda"
    assert answers.count(app_env, round_) == 1


def test_an_admin_adds_a_main_goal_with_its_first_sub_goal(app_env, admin):
    at = page("plans", session=admin, lang="fi")
    goal = at.selectbox(key="goal-target")
    goal.select_index(len(goal.options) - 1).run()
    at.text_input(key="goal-main-fi").input("Turvallisuus")
    first = next(t for t in at.text_input if t.label.startswith("Sen ensimmäinen"))
    first.input("Turvallinen koulutie")
    press(at, "Tallenna tavoite")
    tree = editing.export_plan(app_env, "mini")
    added = tree["main_goals"][-1]
    assert added["title"] == {"fi": "Turvallisuus"}
    assert [s["title"] for s in added["sub_goals"]] == [{"fi": "Turvallinen koulutie"}]


def test_a_goal_without_a_title_is_refused_under_the_field(app_env, admin):
    at = page("plans", session=admin, lang="en")
    goal = at.selectbox(key="goal-target")
    goal.select_index(next(i for i, c in enumerate(goal.options) if "New sub-goal" in c)).run()
    press(at, "Save the goal")
    assert "Check this field" in at.error[0].value
    assert len(editing.export_plan(app_env, "mini")["main_goals"][0]["sub_goals"]) == 2


def test_an_admin_names_an_actors_safeguarding_contact_and_removes_it(app_env, admin):
    at = page("plans", session=admin, lang="en")
    email = next(t for t in at.text_input if t.label == "E-mail address")
    at.selectbox(key="contact-actor").set_value("mini:kotka")
    email.input("not an address")
    at = press(at, "Add")
    assert "This is not an e-mail address." in [e.value for e in at.error]
    next(t for t in at.text_input if t.label == "E-mail address").input("k@kotka.fi")
    at = press(at, "Add")
    assert [(c.actor_id, c.email, c.added_by) for c in alerts.contacts(app_env)] == [
        ("mini:kotka", "k@kotka.fi", "admin")
    ]
    assert any(t.value.endswith(": k@kotka.fi") for t in at.text)
    next(t for t in at.text_input if t.label == "E-mail address").input("johtaja@kotka.fi")
    at.checkbox(key="contact-next").check()
    at = press(at, "Add")
    assert [c.escalation for c in alerts.contacts(app_env)] == [False, True]
    assert any(t.value.endswith(": johtaja@kotka.fi (next contact)") for t in at.text)
    press(at, "Remove")
    at = page("plans", session=admin, lang="en")
    press(at, "Remove")
    assert alerts.contacts(app_env) == []
