from datetime import date

import pytest

from feedback.rounds import changes
from tests.support.rounds import open_round


def test_a_change_is_kept_per_action_newest_first(plan_db):
    first = changes.record(
        plan_db,
        action_id="mini:a1",
        you_said="Kerho on liian lyhyt",
        we_did="Kerho kestää nyt kaksi tuntia",
        status="done",
        language="fi",
    )
    second = changes.record(
        plan_db,
        action_id="mini:a1",
        you_said="Lisää pelejä",
        we_did="Ostamme pelejä syksyllä",
        status="planned",
        language="fi",
    )
    assert [c.id for c in changes.for_action(plan_db, "mini:a1")] == [second, first]
    assert changes.for_action(plan_db, "mini:a2") == []


@pytest.mark.parametrize(
    ("you_said", "we_did", "status", "field"),
    [
        ("", "x", "done", "you_said"),
        ("x", " ", "done", "we_did"),
        ("x", "y", "maybe", "status"),
        ("x" * 401, "y", "done", "you_said"),
    ],
)
def test_a_change_needs_both_texts_and_a_status(plan_db, you_said, we_did, status, field):
    with pytest.raises(changes.InvalidChange) as refused:
        changes.record(
            plan_db,
            action_id="mini:a1",
            you_said=you_said,
            we_did=we_did,
            status=status,
            language="fi",
        )
    assert refused.value.field == field


def test_the_next_round_remembers_what_was_done_after_the_last_one(plan_db):
    earlier = open_round(plan_db, action_id="mini:a1", today=date(2026, 1, 10))
    changes.record(
        plan_db,
        action_id="mini:a1",
        round_id=earlier.id,
        you_said="Liian lyhyt",
        we_did="Pidensimme kerhoa",
        status="done",
        language="fi",
        today=date(2026, 2, 1),
    )
    later = open_round(plan_db, action_id="mini:a1", today=date(2026, 3, 1))
    assert changes.before_round(plan_db, later.id, "mini:a1").we_did == "Pidensimme kerhoa"
    assert changes.before_round(plan_db, earlier.id, "mini:a1") is None
