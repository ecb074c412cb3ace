from datetime import datetime

import pandas as pd

from feedback import figures, i18n
from feedback.figures import Filters, measures, participation
from feedback.plans import editing, file_format
from feedback.rounds import answers, scales
from feedback.rounds.answers import Answer
from tests.support.rounds import open_round


def answer(db_path, round_, when, *scores, group=None):
    for score in scores:
        answers.record(
            db_path,
            round_,
            Answer(scores=score if isinstance(score, tuple) else (score,), group=group),
            submission_id=answers.new_submission_id(),
            now=when,
        )


def test_the_monthly_trend_hides_a_small_month_that_no_total_holds(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1")
    answer(plan_db, round_, datetime(2026, 1, 5, 10), *([4] * 12))
    answer(plan_db, round_, datetime(2026, 2, 5, 10), *([2] * 3))
    answer(plan_db, round_, datetime(2026, 3, 5, 10), *([5] * 20))
    trend = measures.monthly_trend(plan_db, "mini", Filters(), k=10).set_index("month")
    assert bool(trend.loc["2026-02", "hidden"])
    assert trend.loc["2026-01", "answers"] == 12 and trend.loc["2026-01", "mean"] == 4
    assert trend.loc["2026-03", "answers"] == 20 and trend.loc["2026-03", "mean"] == 5
    # February's 3 answers are in no total either: total − January − March is nothing.
    overview = figures.goal_overview(plan_db, "mini", k=10, lang="fi").set_index("id")
    assert overview.at["mini:a1", "answers"] == 12 + 20
    assert overview.at["mini:a1", "dist_2"] == 0


def test_the_period_filter_narrows_every_figure(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1")
    answer(plan_db, round_, datetime(2025, 6, 1, 9), *([1] * 15))
    answer(plan_db, round_, datetime(2026, 6, 1, 9), *([5] * 15))
    only_2026 = Filters(months=("2026-01", "2026-12"))
    trend = measures.monthly_trend(plan_db, "mini", only_2026, k=10)
    assert list(trend["month"]) == ["2026-06"]


def test_weekday_and_hour_count_when_people_answer(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1")
    answer(plan_db, round_, datetime(2026, 11, 23, 14, 30), *([3] * 11))  # a Monday
    answer(plan_db, round_, datetime(2026, 11, 28, 9, 0), *([3] * 11))  # a Saturday
    cells = measures.weekday_hour(plan_db, "mini", Filters(), k=10)
    shown = {(r.weekday, r.hour): r.answers for r in cells.itertuples()}
    assert shown == {(0, 14): 11, (5, 9): 11}


def test_sub_goal_measures_count_rounds_children_recommendation_and_participation(plan_db):
    round_ = open_round(
        plan_db,
        action_id="mini:a1",
        audiences=("grades-4-6", "guardians"),
        extra_questions=("recommend",),
    )
    when = datetime(2026, 3, 3, 12)
    answer(plan_db, round_, when, *([(5, 10)] * 8), group="grades-4-6")
    answer(plan_db, round_, when, *([(4, 3)] * 4), group="guardians")
    participation.record(plan_db, action_id="mini:a2", month="2026-03", participants=9, visits=20)
    process = measures.sub_goal_measures(plan_db, "mini", Filters(), k=10, lang="en").set_index(
        "sub_goal_id"
    )
    i1 = process.loc["mini:i-1"]
    assert i1["rounds"] == 1
    assert i1["children_answers"] == "< 10", "8 answers from children: a small group"
    # 8 promoters (10) and 4 detractors (3) of 12: (8 − 4) / 12 = 33.
    assert i1["nps_text"] == "33"
    assert (i1["participants"], i1["visits"]) == (9, 20)
    assert not process.loc["mini:ii-1"]["nps_in_use"]


def test_indicators_carry_national_value_and_colour_in_words(plan_db):
    rows = measures.indicators(plan_db, "mini", lang="en")
    [row] = rows.to_dict("records")
    assert (row["sub_goal_id"], row["value"], row["national"], row["colour"]) == (
        "mini:i-1",
        88.0,
        89.5,
        "neutral",
    )
    assert measures.colour_word(row["colour"], "fi") == "neutraali"
    assert measures.colour_word(pd.NA, "en") == "not assessed"


def test_the_recommendation_index_counts_promoters_less_detractors_over_all_answers():
    # 3 promoters (9–10), 2 passives (7–8), 5 detractors (0–6): (3 − 5) / 10 = −20.
    assert scales.recommendation_index({10: 2, 9: 1, 8: 1, 7: 1, 6: 3, 0: 2}) == -20
    assert scales.recommendation_index({}) is None


def test_an_indicator_shows_its_change_since_the_last_measurement_of_the_same_group(plan_db):
    tree = editing.export_plan(plan_db, "mini")
    for value in (
        {"year": 2021, "group": "grades-4-5", "value": 91.5, "national": 90.0, "colour": "good"},
        {"year": 2021, "group": "grades-8-9", "value": 70.0},
        {"year": 2023, "group": "grades-4-5", "value": 86.0, "national": 89.0},
    ):
        editing.set_indicator_value(tree, "ind-01", value)
    editing.save(plan_db, tree)
    rows = measures.indicators(plan_db, "mini", lang="fi")
    seen = [
        (r.year, r.group, measures.trend_text(r.change, r.trend, "fi")) for r in rows.itertuples()
    ]
    assert seen == [
        (2019, "grades-4-5", ""),
        (2021, "grades-4-5", "+3,5 (parempaan)"),
        (2021, "grades-8-9", ""),
        (2023, "grades-4-5", "-5,5 (huonompaan)"),
    ]


def test_every_indicator_group_of_the_plan_format_has_words_in_every_language():
    for group in file_format.GROUPS:
        for lang in i18n.LANGUAGES:
            assert measures.group_text(group, "region", lang) != f"indicator_group.{group}"
    assert measures.group_text("grades-8-9", "Hamina", "sv") == "åk 8–9 · Hamina"
