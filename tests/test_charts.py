"""The dashboard's charts, built from real figures: valid Vega-Lite (the page sends them
unchecked, widgets.chart), and drawing exactly the figures the tables show."""

import pandas as pd
import pytest

from feedback import figures
from feedback.figures import charts, measures
from tests.support.rounds import answered


def drawn(chart) -> tuple[dict, list[dict]]:
    """The spec, checked against Vega-Lite's schema, and the rows it draws."""
    spec = chart.to_dict()  # validate=True: raises on a spec that Vega-Lite would refuse
    (rows,) = spec["datasets"].values()
    return spec, rows


@pytest.fixture
def answered_plan(plan_db, round_):
    answered(plan_db, round_, *[5] * 6, *[4] * 3, *[1] * 3)
    return plan_db


def test_the_sub_goal_chart_draws_each_shown_mean_and_no_hidden_one(answered_plan):
    overview = figures.goal_overview(answered_plan, "mini", k=5, lang="fi")
    spec, rows = drawn(charts.sub_goal_means(overview, lang="fi"))
    assert [(r["label"], r["mean"]) for r in rows] == [("1. Lapsia kuullaan", 3.75)]
    assert spec["encoding"]["x"]["scale"]["domain"] == [1, 5]
    too_few = figures.goal_overview(answered_plan, "mini", k=13, lang="fi")
    assert charts.sub_goal_means(too_few, lang="fi") is None


def test_the_distribution_chart_stacks_each_face_count_in_order(answered_plan):
    overview = figures.goal_overview(answered_plan, "mini", k=5, lang="sv")
    spec, rows = drawn(charts.distribution(overview, lang="sv"))
    assert {(r["score"], r["n"]) for r in rows} == {(1, 3), (2, 0), (3, 0), (4, 3), (5, 6)}
    faces = ["Mycket dåligt", "Dåligt", "Helt okej", "Bra", "Mycket bra"]
    assert spec["encoding"]["color"]["sort"] == faces
    assert [r["face"] for r in sorted(rows, key=lambda r: r["score"])] == faces


def test_the_trend_and_heat_map_leave_out_what_is_hidden(answered_plan):
    trend = measures.monthly_trend(answered_plan, "mini", figures.Filters(), k=5)
    _, rows = drawn(charts.monthly_trend(trend, lang="fi"))
    assert [(r["answers"], r["mean"]) for r in rows] == [(12, 3.75)]
    cells = measures.weekday_hour(answered_plan, "mini", figures.Filters(), k=5)
    _, rows = drawn(charts.weekday_hour(cells, lang="en"))
    assert sum(r["answers"] for r in rows) == 12
    hidden = pd.DataFrame({"weekday": [0], "hour": [9], "answers": [2], "hidden": [True]})
    assert charts.weekday_hour(hidden, lang="fi") is None
