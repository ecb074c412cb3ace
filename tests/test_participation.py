import pytest

from feedback.figures import participation
from feedback.figures.participation import InvalidCount


def test_counts_per_action_and_month_are_kept_and_replaced(plan_db):
    participation.record(plan_db, action_id="mini:a1", month="2026-03", participants=14, visits=40)
    participation.record(plan_db, action_id="mini:a2", month="2026-03", participants=5, visits=9)
    participation.record(plan_db, action_id="mini:a1", month="2026-03", participants=15, visits=41)
    counts = participation.list_counts(plan_db)
    assert [(c.action_id, c.month, c.participants, c.visits) for c in counts] == [
        ("mini:a1", "2026-03", 15, 41),
        ("mini:a2", "2026-03", 5, 9),
    ]
    only_kotka = participation.list_counts(plan_db, actors=("mini:kotka",))
    assert [c.action_id for c in only_kotka] == ["mini:a2"]


@pytest.mark.parametrize(
    ("month", "participants", "visits", "field"),
    [
        ("3/2026", 1, 1, "month"),
        ("2026-13", 1, 1, "month"),
        ("2026-03\n", 1, 1, "month"),
        ("٢٠٢٦-03", 1, 1, "month"),  # Arabic-Indic digits are digits to `\d`
        ("2026-03", -1, 1, "count"),
        ("2026-03", 1, 2.5, "count"),
    ],
)
def test_bad_counts_are_refused_with_a_reason(plan_db, month, participants, visits, field):
    with pytest.raises(InvalidCount) as refused:
        participation.record(
            plan_db, action_id="mini:a1", month=month, participants=participants, visits=visits
        )
    assert refused.value.field == field
    assert participation.list_counts(plan_db) == []
