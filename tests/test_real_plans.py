"""The real plans in data/plans/ validate, import, and keep their shape."""

import pytest

from feedback import plans, settings
from feedback.plans import file_format

PLAN_FILES = sorted(settings.PLANS_DIR.glob("*.yaml"))

# Counts of main goals, sub-goals, actions and indicators, checked against the seeds by hand.
EXPECTED = {
    "kymenlaakso": (3, 16, 160, 32),
    "jakobstadsregionen": (4, 12, 30, 15),
    "esbo": (4, 11, 43, 22),
    # Partial: the source names no main goals (Etelä-Pohjanmaa) or only three focus areas.
    "etela-pohjanmaa": (0, 0, 0, 0),
    "mellersta-osterbotten": (3, 0, 0, 0),
}


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.stem)
def test_every_plan_file_is_valid(path):
    plan, _ = file_format.load(path)
    assert plan.id == path.stem
    assert all(plan.language in main.title for main in plan.main_goals)


def test_every_indicator_says_which_sotkanet_series_fill_it_with_their_source_or_why_none():
    for path in PLAN_FILES:
        plan, _ = file_format.load(path)
        for indicator in plan.indicators:
            where = f"{plan.id}:{indicator.id}"
            assert indicator.sotkanet is not None, f"{where} says nothing of Sotkanet"
            mapping = indicator.sotkanet
            assert mapping.not_mapped or all(s.source for s in mapping.series), where


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


def test_feedback_plans_lists_the_five_source_plans_with_the_partial_ones_marked(db_path):
    from click.testing import CliRunner

    from feedback.cli import cli

    plans.import_directory(db_path, settings.PLANS_DIR)
    listed = CliRunner().invoke(cli, ["plans", "--db", str(db_path)])
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    assert [line.split("\t")[0] for line in lines] == sorted(EXPECTED)
    partial = {line.split("\t")[0] for line in lines if "partial" in line}
    assert partial == {"etela-pohjanmaa", "mellersta-osterbotten"}


def test_the_partial_plans_have_what_their_sources_give_and_nothing_more():
    south, _ = file_format.load(settings.PLANS_DIR / "etela-pohjanmaa.yaml")
    assert south.partial and (south.period.start, south.period.end) == (2022, 2025)
    assert south.main_goals == [] and south.municipalities == []
    kinds = {a.kind for a in south.actors}
    assert {"municipality", "wellbeing-county", "parish", "police", "ngo", "school"} <= kinds
    assert "Sedu" in " ".join(a.name["fi"] for a in south.actors)
    central, _ = file_format.load(settings.PLANS_DIR / "mellersta-osterbotten.yaml")
    assert central.partial and (central.period.start, central.period.end) == (2020, 2024)
    assert [m.title["sv"] for m in central.main_goals] == [
        "Familjecenter och tidigt stöd i vardagen",
        "Service med låg tröskel vid psykiska problem och vid missbruk",
        "Barnskyddet utvecklas",
    ]
    assert all(m.sub_goals == [] for m in central.main_goals)


def test_the_follow_up_indicators_of_jakobstad_and_esbo_have_no_values_the_sources_lack():
    for stem in ("jakobstadsregionen", "esbo"):
        plan, _ = file_format.load(settings.PLANS_DIR / f"{stem}.yaml")
        assert plan.indicators and all(n.values == [] for n in plan.indicators)
        assert all(n.sub_goals for n in plan.indicators)


@pytest.mark.parametrize("plan_id", ["etela-pohjanmaa", "mellersta-osterbotten"])
@pytest.mark.parametrize("name", ["overview", "plans", "council", "rounds"])
def test_a_partial_plan_opens_on_every_staff_page(app_env, plan_id, name):
    from feedback.staff import auth
    from tests.support.pages import page
    from tests.support.users import signed_in

    plans.import_directory(app_env, settings.PLANS_DIR)
    admin = signed_in(app_env, "admin", role=auth.Role.ADMIN)
    for section in ("goals", "sub_goals"):
        at = page(name, session=admin, plan=plan_id, section=section)
        assert not at.exception, at.exception
        if name != "rounds":  # the rounds page lists every plan's rounds, without a picker
            assert at.selectbox(key="plan").value == plan_id


def test_staff_add_a_sub_goal_and_an_action_to_a_partial_plan_in_the_app(app_env):
    from feedback.plans import editing
    from feedback.staff import auth
    from tests.support.pages import page
    from tests.support.users import signed_in

    plans.import_directory(app_env, settings.PLANS_DIR)
    admin = signed_in(app_env, "admin", role=auth.Role.ADMIN)
    at = page("plans", session=admin, plan="mellersta-osterbotten", lang="en")
    notes = [i.value for i in at.info]
    assert "The plan has no sub-goals yet. Add a sub-goal under Goals first." in notes
    assert notes[0].startswith("The plan's source gives only part of it")
    goal = at.selectbox(key="goal-target")
    assert (
        goal.options[1]
        == "+ New sub-goal under 1 Family centres and early support in everyday life"
    )
    goal.select_index(1).run()  # a sub-goal for the first focus area
    at.text_input(key="goal-sub-sv").input("Familjecentren öppnar")
    next(b for b in at.button if b.label == "Save the goal").click().run()
    assert not at.exception
    stored = editing.export_plan(app_env, "mellersta-osterbotten")
    assert stored["partial"] is True
    assert stored["main_goals"][0]["sub_goals"][0]["title"] == {"sv": "Familjecentren öppnar"}
    at = page("plans", session=admin, plan="mellersta-osterbotten", lang="en")
    assert not at.exception
    assert at.selectbox(key="action-new-target").options, "now an action can be added to it"
