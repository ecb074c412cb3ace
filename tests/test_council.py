from datetime import datetime

import pytest

from feedback import figures, storage
from feedback.rounds import answers, council
from feedback.staff import auth
from tests.support.rounds import open_round
from tests.support.users import signed_in


@pytest.fixture
def council_rounds(plan_db):
    return [
        open_round(plan_db, action_id=a, audiences=("youth-council",))
        for a in ("mini:a1", "mini:a2")
    ]


def evaluate(db_path, username, asked, *, score=4, proposal="", now=None):
    council.submit(
        db_path,
        username=username,
        plan_id="mini",
        ratings=[
            council.Rating(r.code, score, "", proposal if i == 0 else "")
            for i, r in enumerate(asked)
        ],
        self_scores={q: 5 for q in council.SELF_QUESTIONS},
        now=now,
    )


def test_only_rounds_for_the_youth_council_are_evaluated(plan_db, council_rounds):
    open_round(plan_db, action_id="mini:a3")  # for pupils, not the council
    assert [r.code for r in council.council_rounds(plan_db, "mini")] == [
        r.code for r in council_rounds
    ]


def test_an_evaluation_is_stored_anonymously_once_per_member_and_year(plan_db, council_rounds):
    signed_in(plan_db, "nuva1", role=auth.Role.COUNCIL)
    evaluate(plan_db, "nuva1", council_rounds, proposal="Lisää iltavuoroja")
    with pytest.raises(council.AlreadyEvaluated):
        evaluate(plan_db, "nuva1", council_rounds)
    with storage.reading(plan_db) as db:
        rows = db.execute("SELECT channel, respondent_group, score FROM answers").fetchall()
        columns = set(db.columns("answers"))
    assert rows == [("council", "youth-council", 4)] * 2
    assert "username" not in columns
    [proposal] = council.proposals(plan_db, "mini")
    assert (proposal.text, proposal.status, proposal.answer) == (
        "Lisää iltavuoroja",
        "received",
        None,
    )


def test_a_proposal_is_stored_cleaned_like_a_comment(plan_db, council_rounds):
    signed_in(plan_db, "nuva1", role=auth.Role.COUNCIL)
    # A decomposed "ä", a bidi override, an escape and a lone surrogate.
    evaluate(plan_db, "nuva1", council_rounds, proposal="Lisa\u0308\u202e\x1b[31m\ud800  tila")
    [proposal] = council.proposals(plan_db, "mini")
    assert proposal.text == "Lisä[31m tila"
    # Staff's answer to it is cleaned the same way.
    council.answer_proposal(plan_db, proposal.id, status="done", answer="Kyll‮ä\n ok")
    assert council.proposals(plan_db, "mini")[0].answer == "Kyllä ok"


def test_years_are_compared_and_proposals_answered(plan_db, council_rounds):
    from feedback.staff import auth

    for name in ("nuva1", "nuva2"):
        signed_in(plan_db, name, role=auth.Role.COUNCIL)
    evaluate(plan_db, "nuva1", council_rounds, score=2, now=datetime(2025, 10, 1, 18))
    evaluate(
        plan_db,
        "nuva2",
        council_rounds,
        score=5,
        proposal="Nuorisotila auki pidempään",
        now=datetime(2026, 10, 1, 18),
    )
    # One member a year: a small group, withheld; with k = 1 each is a block of its own.
    assert figures.council_means(plan_db, "mini", k=10)["mini:a1"] == {2025: None, 2026: None}
    means = figures.council_means(plan_db, "mini", k=1)
    assert means["mini:a1"] == {2025: (1, 2.0), 2026: (1, 5.0)}
    [proposal] = council.proposals(plan_db, "mini")
    council.answer_proposal(
        plan_db, proposal.id, status="in-progress", answer="Kokeilemme pidempiä aukioloja keväällä."
    )
    [answered] = council.proposals(plan_db, "mini")
    assert (answered.status, answered.answer) == (
        "in-progress",
        "Kokeilemme pidempiä aukioloja keväällä.",
    )


def test_a_score_off_the_scale_stores_nothing(plan_db, council_rounds):
    from feedback.staff import auth

    signed_in(plan_db, "nuva1", role=auth.Role.COUNCIL)
    with pytest.raises(answers.InvalidAnswer):
        evaluate(plan_db, "nuva1", council_rounds, score=9)
    assert not council.has_evaluated(plan_db, "nuva1", "mini", datetime.now().year)


def test_proposals_are_listed_newest_day_first(plan_db, council_rounds):
    for name, day in (("nuva1", 1), ("nuva2", 3), ("nuva3", 2)):
        signed_in(plan_db, name, role=auth.Role.COUNCIL)
        evaluate(plan_db, name, council_rounds, proposal=name, now=datetime(2026, 10, day, 18))
    assert [p.text for p in council.proposals(plan_db, "mini")] == ["nuva2", "nuva3", "nuva1"]
