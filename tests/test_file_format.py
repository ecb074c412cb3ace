import re

import pytest

from feedback.plans import file_format
from feedback.plans.file_format import PlanFileError
from tests.support.stores import MINI_PLAN

PROBLEM_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<place>\S+): (?P<problem>.+)$")


def problems_of(text: str) -> list[str]:
    with pytest.raises(PlanFileError) as caught:
        file_format.parse(text, name="plan.yaml")
    return caught.value.problems


def test_the_test_plan_is_valid():
    plan = file_format.parse(MINI_PLAN)
    assert [g.id for g in plan.main_goals] == ["i", "ii"]
    assert len(plan.actions()) == 4


def test_a_plain_string_is_a_text_in_the_plan_language():
    plan = file_format.parse(MINI_PLAN)
    assert plan.main_goals[1].title == {"fi": "Hyvinvointi"}
    assert plan.main_goals[0].sub_goals[0].number == "1"


def test_a_wrong_value_names_file_line_place_and_problem():
    bad = MINI_PLAN.replace("ease: medium", "ease: medim")
    [line] = problems_of(bad)
    match = PROBLEM_LINE.match(line)
    assert match, line
    assert match["file"] == "plan.yaml"
    assert MINI_PLAN.splitlines()[int(match["line"]) - 1].strip() == "ease: medium"
    assert match["place"] == "main_goals[0].sub_goals[0].ease"
    assert "'easy', 'medium' or 'hard'" in match["problem"]


def test_every_problem_gets_its_own_line():
    indent = next(line for line in MINI_PLAN.splitlines() if "impact: high" in line)
    indent = indent[: len(indent) - len(indent.lstrip())]
    bad = MINI_PLAN.replace("ease: medium", "ease: medim").replace(
        "impact: high", f"impact: high\n{indent}colour: red"
    )
    lines = problems_of(bad)
    assert len(lines) == 2
    assert all(PROBLEM_LINE.match(line) for line in lines)
    assert any("colour: unknown key" in line for line in lines)


def test_an_unknown_actor_is_reported_where_it_is_used():
    bad = MINI_PLAN.replace("actor: kotka}", "actor: kotkaa}", 1)
    [line] = problems_of(bad)
    assert "main_goals[0].sub_goals[0].actions[1].actor: unknown actor 'kotkaa'" in line
    used_on = next(n for n, text in enumerate(bad.splitlines(), 1) if "kotkaa" in text)
    assert line.startswith(f"plan.yaml:{used_on}:")


def test_duplicate_ids_and_unknown_sub_goals_are_reported():
    bad = MINI_PLAN.replace("id: a3", "id: a1").replace("sub_goals: [i-1]", "sub_goals: [i-9]")
    lines = problems_of(bad)
    assert any("duplicate action id 'a1'" in line for line in lines)
    assert any("indicators[0].sub_goals[0]: unknown sub-goal 'i-9'" in line for line in lines)


def test_a_text_without_the_plan_language_is_refused():
    bad = MINI_PLAN.replace(
        "title: {fi: Osallisuus, en: Participation}", "title: {en: Participation}"
    )
    [line] = problems_of(bad)
    assert "main_goals[0].title: missing the text in the plan's language (fi)" in line


def test_broken_yaml_is_one_line_too():
    [line] = problems_of("format: 1\nid: [unclosed\n")
    assert PROBLEM_LINE.match(line)
    assert "(syntax)" in line


def test_a_missing_key_is_named():
    lines = problems_of(MINI_PLAN.replace("source: Test plan written for the test suite\n", ""))
    assert lines == ["plan.yaml:1: source: required key is missing"]


def test_an_unreadable_file_is_one_line(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: Jakobstad \xe4".encode("latin-1"))
    with pytest.raises(PlanFileError) as caught:
        file_format.load(path)
    [line] = caught.value.problems
    assert line.startswith(f"{path}:1: (file): cannot be read")
