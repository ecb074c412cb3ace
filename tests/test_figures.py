import pandas as pd
import pytest

from feedback import figures
from feedback.figures.disclosure import Cell, suppress
from feedback.rounds import answers, questions
from feedback.rounds.scales import Scale
from tests.support.rounds import answered, open_round


def row(overview, ident):
    return overview.set_index("id").loc[ident]


def test_sub_goal_and_main_goal_figures(plan_db):
    a1 = open_round(plan_db, action_id="mini:a1")
    a2 = open_round(plan_db, action_id="mini:a2")
    answered(plan_db, a1, 5, 5, 4, 4, 3, 3, 2, 1, 5, 4)  # sub-goal i-1
    answered(plan_db, a2, 5, 5, 4, 4)  # also sub-goal i-1
    a3 = open_round(plan_db, action_id="mini:a3")
    answered(plan_db, a3, *([4] * 12))  # sub-goal i-2

    overview = figures.goal_overview(plan_db, "mini", k=10, lang="fi")
    goals = overview[overview["level"] != "action"]
    assert list(goals["id"]) == ["mini:i", "mini:i-1", "mini:i-2", "mini:ii", "mini:ii-1"]
    assert list(overview[overview["parent"] == "mini:i-1"]["id"]) == ["mini:a1", "mini:a2"]
    a2 = row(overview, "mini:a2")
    assert a2["hidden"] and a2["answers_text"] == "< 10", "4 < k: its 4 answers are hidden"
    assert row(overview, "mini:a1")["answers"] == 10
    assert [row(overview, "mini:i-2")[f"dist_{s}"] for s in range(1, 6)] == [0, 0, 0, 12, 0]
    i1 = row(overview, "mini:i-1")
    assert i1["answers"] == 10, "a2's 4 answers are in no total: i-1 − a1 reveals nothing"
    assert i1["mean"] == pytest.approx(36 / 10)
    assert i1["positive_share"] == pytest.approx(6 / 10)
    assert (i1["mean_text"], i1["positive_text"]) == ("3,6", "60\u00a0%")
    main = row(overview, "mini:i")
    assert main["answers"] == 22
    assert main["mean"] == pytest.approx((36 + 48) / 22)
    assert row(overview, "mini:ii-1")["answers"] == 0
    assert row(overview, "mini:i")["label"] == "I. Osallisuus"


def test_english_labels_and_number_format(plan_db):
    a1 = open_round(plan_db, action_id="mini:a1")
    answered(plan_db, a1, *([5] * 9), 4)
    overview = figures.goal_overview(plan_db, "mini", k=10, lang="en")
    i1 = row(overview, "mini:i-1")
    assert i1["label"] == "1. Children are heard"
    assert (i1["mean_text"], i1["positive_text"]) == ("4.9", "100%")


@pytest.mark.parametrize("n", range(1, 16))
def test_a_group_smaller_than_k_shows_only_less_than_k(plan_db, n):
    a4 = open_round(plan_db, action_id="mini:a4")  # the only sub-goal of main goal ii
    answered(plan_db, a4, *([3] * n))
    overview = figures.goal_overview(plan_db, "mini", k=10, lang="fi")
    for ident in ("mini:ii-1", "mini:ii"):
        shown = row(overview, ident)
        if n < 10:
            assert shown["answers_text"] == "< 10"
            assert shown["mean_text"] == "" and shown["positive_text"] == ""
            assert pd.isna(shown["answers"])
        else:
            assert shown["answers_text"] == str(n)
            assert shown["mean_text"] == "3,0"


def test_a_hidden_sub_goal_cannot_be_derived_from_its_main_goal(plan_db):
    a1 = open_round(plan_db, action_id="mini:a1")
    a3 = open_round(plan_db, action_id="mini:a3")
    answered(plan_db, a1, *([4] * 3))  # i-1: 3 answers, hidden
    answered(plan_db, a3, *([5] * 20))  # i-2: 20 answers
    overview = figures.goal_overview(plan_db, "mini", k=10, lang="fi").set_index("id")
    assert overview.at["mini:i-1", "answers_text"] == "< 10"
    # The main goal shows what its shown sub-goal shows, to the face: i − i-2 is nothing.
    assert overview.at["mini:i", "answers"] == overview.at["mini:i-2", "answers"] == 20
    for score in range(1, 6):
        column = f"dist_{score}"
        assert overview.at["mini:i", column] == overview.at["mini:i-2", column]


def test_suppress_hides_the_smallest_sibling_next_to_a_lone_hidden_cell():
    cells = [
        Cell("p", None, 60, 0, 0),
        Cell("a", "p", 3, 0, 0),
        Cell("b", "p", 12, 0, 0),
        Cell("c", "p", 45, 0, 0),
    ]
    hidden = {c.key for c in suppress(cells, 10) if c.hidden}
    assert hidden == {"a", "b"}


def test_suppress_hides_the_total_when_no_sibling_can_cover():
    cells = [Cell("p", None, 15, 0, 0), Cell("a", "p", 4, 0, 0), Cell("b", "p", 0, 0, 0)]
    hidden = {c.key for c in suppress(cells, 10) if c.hidden}
    assert hidden == {"a", "p"}


def test_suppress_never_hides_cells_that_are_safe():
    cells = [Cell("p", None, 40, 0, 0), Cell("a", "p", 20, 0, 0), Cell("b", "p", 20, 0, 0)]
    assert not any(c.hidden for c in suppress(cells, 10))


def test_flagged_answers_are_left_out_of_figures_but_counted(plan_db):
    from feedback.figures import Filters, measures

    round_ = open_round(plan_db, action_id="mini:a3")
    answered(plan_db, round_, *([5] * 10))
    answered(plan_db, round_, *([1] * 4), channel="kiosk", flagged=True)
    overview = figures.goal_overview(plan_db, "mini", k=10, lang="fi")
    assert row(overview, "mini:i-2")["answers"] == 10
    assert row(overview, "mini:i-2")["mean"] == 5
    flagged = measures.flagged(plan_db, "mini", Filters(), k=10)
    assert list(flagged["answers_text"]) == ["< 10"], "4 flagged answers: a small group too"
    answered(plan_db, round_, *([1] * 6), channel="kiosk", flagged=True)
    flagged = measures.flagged(plan_db, "mini", Filters(), k=10)
    assert list(flagged["answers"]) == [10]


def test_the_smallest_kept_table_with_what_a_filter_needs_is_chosen():
    everything = figures.Filters()
    assert everything.table() == "answer_totals"
    assert everything.table("respondent_group") == "answer_totals"
    assert everything.table("month") == "answer_months"
    assert figures.Filters(months=("2026-01", "2026-03")).table() == "answer_months"
    assert figures.Filters(groups=("guardians",)).table("month") == "answer_counts"
    assert figures.Filters(channels=()).table() == "answer_counts", "none chosen is still a filter"


def test_the_figures_do_not_depend_on_which_kept_table_answers_them(plan_db):
    from feedback import demo
    from feedback.figures import measures

    demo.fill(plan_db, answers=600, seed=7)
    nps = open_round(plan_db, action_id="mini:a3", scale=Scale.NPS, audiences=("grades-7-9",))
    for i in range(40):
        answers.record(
            plan_db,
            nps,
            answers.Answer(scores=(i % 11,), group="grades-7-9"),
            submission_id=answers.new_submission_id(),
            channel="kiosk",
            flagged=i % 8 == 0,
        )
    months = figures.months_with_answers(plan_db, "mini")
    every = {
        "whole": figures.Filters(),
        "every month": figures.Filters(months=(months[0], months[-1])),
        "every group and channel": figures.Filters(
            groups=tuple(questions.AUDIENCES), channels=tuple(answers.CHANNELS)
        ),
    }
    assert {name: f.table() for name, f in every.items()} == {
        "whole": "answer_totals",
        "every month": "answer_months",
        "every group and channel": "answer_counts",
    }
    seen = [
        (
            figures.goal_overview(plan_db, "mini", k=5, lang="fi", filters=chosen),
            measures.monthly_trend(plan_db, "mini", chosen, k=5),
            measures.sub_goal_measures(plan_db, "mini", chosen, k=5, lang="fi"),
            measures.flagged(plan_db, "mini", chosen, k=5),
        )
        for chosen in every.values()
    ]
    assert seen[0][0]["answers"].sum() > 0
    assert seen[0][2]["nps"].notna().any() and seen[0][3]["answers"].sum() == 5
    for other in seen[1:]:
        for mine, theirs in zip(seen[0], other, strict=True):
            pd.testing.assert_frame_equal(mine, theirs)
