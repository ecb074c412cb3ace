"""The one disclosure rule (feedback/figures/disclosure.py), seen through what staff are shown:
whatever filters are combined, a figure is a sum of whole blocks of at least k answers."""

from datetime import datetime
from itertools import product

import pandas as pd
import pytest

from feedback import figures
from feedback.figures import Filters, disclosure, exports, measures
from feedback.staff import auth
from tests.support.rounds import answered, open_round

K = 10
JANUARY = datetime(2026, 1, 15, 10)
FEBRUARY = datetime(2026, 2, 16, 11)
#: Per-face counts of the only two blocks of `atoms` below: each atom has its own face.
BLOCK_A = (0, 0, 0, 0, 12)
POOL_P = (2, 3, 5, 0, 0)


@pytest.fixture
def atoms(plan_db):
    """One round of mini:a3 with an atom of 12 (block A) and three small atoms whose pool of
    10 is a block (P), and a round of mini:a1 whose only atom, 4 answers, is never a block."""
    both = open_round(plan_db, action_id="mini:a3", audiences=("grades-4-6", "grades-7-9"))
    answered(plan_db, both, *([5] * 12), group="grades-4-6", now=JANUARY)  # A
    answered(plan_db, both, 1, 1, group="grades-4-6", channel="kiosk", now=JANUARY)
    answered(plan_db, both, 2, 2, 2, group="grades-7-9", now=JANUARY)
    answered(plan_db, both, *([3] * 5), group="grades-7-9", now=FEBRUARY)
    small = open_round(plan_db, action_id="mini:a1", audiences=("grades-4-6",))
    answered(plan_db, small, 4, 4, 4, 4, now=FEBRUARY)
    return plan_db


def faces(overview, ident):
    row = overview.set_index("id").loc[ident]
    if row["hidden"]:
        return None
    return tuple(int(row[f"dist_{s}"]) for s in range(1, 6))


EVERY_FILTER = [
    Filters(groups=groups, channels=channels, months=months)
    for groups, channels, months in product(
        (None, ("grades-4-6",), ("grades-7-9",), ("grades-4-6", "grades-7-9")),
        (None, ("link",), ("kiosk",)),
        (None, ("2026-01", "2026-01"), ("2026-02", "2026-02"), ("2026-01", "2026-02")),
    )
]


def test_every_filtered_figure_is_a_sum_of_whole_blocks(atoms):
    whole_blocks = {
        (0, 0, 0, 0, 0),
        BLOCK_A,
        POOL_P,
        tuple(a + p for a, p in zip(BLOCK_A, POOL_P, strict=True)),
    }
    for chosen in EVERY_FILTER:
        overview = figures.goal_overview(atoms, "mini", k=K, lang="en", filters=chosen)
        for ident in ("mini:i", "mini:i-1", "mini:i-2", "mini:a3", "mini:a1"):
            shown = faces(overview, ident)
            assert shown is None or shown in whole_blocks, (chosen, ident, shown)


def test_all_groups_minus_one_group_gives_nothing_of_a_small_group(atoms):
    everyone = figures.goal_overview(atoms, "mini", k=K, lang="en")
    younger = figures.goal_overview(
        atoms, "mini", k=K, lang="en", filters=Filters(groups=("grades-4-6",))
    )
    older = figures.goal_overview(
        atoms, "mini", k=K, lang="en", filters=Filters(groups=("grades-7-9",))
    )
    assert faces(everyone, "mini:a3") == (2, 3, 5, 0, 12), "A and the pool P"
    assert faces(younger, "mini:a3") == BLOCK_A, "the pool is split: left out"
    assert faces(older, "mini:a3") is None
    assert older.set_index("id").at["mini:a3", "answers_text"] == "< 10"


def test_all_channels_minus_one_channel_gives_nothing_of_a_small_channel(atoms):
    everyone = figures.goal_overview(atoms, "mini", k=K, lang="en")
    by_link = figures.goal_overview(
        atoms, "mini", k=K, lang="en", filters=Filters(channels=("link",))
    )
    by_kiosk = figures.goal_overview(
        atoms, "mini", k=K, lang="en", filters=Filters(channels=("kiosk",))
    )
    assert faces(by_link, "mini:a3") == BLOCK_A
    assert faces(by_kiosk, "mini:a3") is None, "2 kiosk answers: never shown, never as 0"
    difference = [e - s for e, s in zip(faces(everyone, "mini:a3"), BLOCK_A, strict=True)]
    assert tuple(difference) == POOL_P, "the difference is the whole pool of 10, no less"


def test_a_pool_under_k_is_in_no_figure(atoms):
    for chosen in EVERY_FILTER:
        overview = figures.goal_overview(atoms, "mini", k=K, lang="en", filters=chosen)
        assert faces(overview, "mini:a1") in (None, (0, 0, 0, 0, 0)), "hidden, or none chosen"
        main_goal = faces(overview, "mini:i")
        assert main_goal is None or main_goal[3] == 0, "no face of the 4 in any total"


def test_a_month_of_the_trend_shows_only_blocks_wholly_in_it(atoms):
    trend = measures.monthly_trend(atoms, "mini", Filters(), k=K).set_index("month")
    assert trend.at["2026-01", "answers"] == 12, "the pool spreads over two months: not here"
    assert trend.at["2026-02", "hidden"], "5 + 4 answers but no block: < k, not 0"
    assert pd.isna(trend.at["2026-02", "answers"])


def test_the_childrens_answers_and_the_flagged_follow_the_rule(atoms):
    process = measures.sub_goal_measures(atoms, "mini", Filters(), k=K, lang="en")
    by_sub = process.set_index("sub_goal_id")["children_answers"]
    assert by_sub["mini:i-2"] == "22"
    assert by_sub["mini:i-1"] == "< 10"
    older = measures.sub_goal_measures(
        atoms, "mini", Filters(groups=("grades-7-9",)), k=K, lang="en"
    ).set_index("sub_goal_id")["children_answers"]
    assert older["mini:i-2"] == "< 10"


def test_the_answer_level_export_has_no_row_of_a_small_group(atoms):
    admin = auth.User("ada", auth.Role.ADMIN, (), False)
    frame = exports.answers(atoms, "mini", filters=Filters(), k=K, user=admin)
    assert frame["answers"].sum() == 22, "A and the pool; the 4 of mini:a1 left out"
    pooled = frame[frame["group"] == ""]
    assert (pooled["channel"] == "").all() and (pooled["month"] == "").all()
    assert pooled["answers"].sum() == 10, "the pool's atoms only as one block"
    assert (frame[frame["group"] != ""]["answers"].sum()) == 12
    for chosen in EVERY_FILTER:
        total = exports.answers(atoms, "mini", filters=chosen, k=K, user=admin)["answers"].sum()
        assert total in (0, 10, 12, 22), chosen


def test_only_an_admin_may_take_the_answer_level_export_and_each_is_recorded(atoms):
    staff = auth.User("sam", auth.Role.STAFF, ("mini:kunta",), False)
    with pytest.raises(exports.NotAdmin):
        exports.answers(atoms, "mini", filters=Filters(), k=K, user=staff)
    admin = auth.User("ada", auth.Role.ADMIN, (), False)
    exports.answers(atoms, "mini", filters=Filters(), k=K, user=admin)
    [(day, who, plan, what)] = exports.downloads(atoms)
    assert (who, plan, what) == ("ada", "mini", "answers")
    assert day == datetime.now().date().isoformat()


def test_a_rounds_count_for_staff_is_its_blocks(atoms):
    counts = figures.round_answers(atoms, k=K)
    assert sorted(counts.values()) == ["22", "< 10"]


def test_shown_atoms_takes_the_pool_only_when_it_reaches_k():
    assert disclosure.shown_atoms({"a": 12, "b": 3, "c": 4}, k=K) == {"a"}
    assert disclosure.shown_atoms({"a": 12, "b": 3, "c": 7}, k=K) == {"a", "b", "c"}
    assert disclosure.shown_atoms({"b": 3}, k=K) == set()


def test_a_figure_cannot_be_split_by_what_an_atom_does_not_keep():
    with pytest.raises(ValueError):
        disclosure.blocks("mini", Filters(), k=K, split=("weekday",))
