"""Forged answers to a round's own questions on the link page (issue #27): a stranger with
properly fetched forms sends values the questions do not offer, answers to a question not asked
of the group they claim, several values for one choice, an over-long text, markup. None of it
may reach the stored answers or the kept counts that the figures are made of."""

from __future__ import annotations

import re
import time
from urllib.parse import urlencode

import pytest

from feedback import plans, storage
from feedback.rounds import own_questions
from tests.support.attack import request
from tests.support.rounds import open_round
from tests.support.rounds import own_questions as asked

MAX_POSTS = 120
MAX_SECONDS = 20.0
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
_SID = re.compile(r'name="sid" value="([^"]+)"')

#: Forged fields beside a valid main answer from a child (grades 4–6): position 1 is asked of
#: guardians only, 2 is a required multiple choice, 3 a short text.
FORGED = [
    {"o2": "chess"},  # not a choice it offers
    {"o2": "games", "o0": ["4", "5"]},  # two scores on a scale
    {"o2": "games", "o0": "99"},  # off the scale
    {"o2": "games", "o1": "weekly"},  # the guardians' question, from a child
    {"o2": "games", "o3": "x" * 501},  # a text too long
    {"o2": "games", "o9": "x"},  # no such question
    {"o2": ["games"] * 50},  # one choice fifty times
]


@pytest.fixture
def round_(target):
    action = plans.list_actions(target.db_path, plan_id="kymenlaakso")[0]
    return open_round(
        target.db_path, action_id=action.id, audiences=("grades-4-6", "guardians"), own=asked()
    )


def test_forged_own_answers_never_reach_the_answers_or_the_counts(target, round_):
    started, sent, stored_by_attack = time.monotonic(), 0, 0
    while sent < MAX_POSTS and time.monotonic() - started < MAX_SECONDS:
        forged = FORGED[sent % len(FORGED)]
        page = request(
            f"{target.url}/answer/{round_.code}",
            data=urlencode({"group": "grades-4-6", "next": "1"}).encode(),
            headers=FORM,
        )
        sid = _SID.search(page.body).group(1)
        fields = {"group": "grades-4-6", "sid": sid, "q0": "3", "send": "1", **forged}
        reply = request(
            f"{target.url}/answer/{round_.code}",
            data=urlencode(fields, doseq=True).encode(),
            headers=FORM,
        )
        stored_by_attack += reply.status == 200
        sent += 1
    assert sent >= len(FORGED) * 3  # the attack really ran
    with storage.reading(target.db_path) as db:
        values = set(
            db.execute(
                "SELECT position, value FROM question_answers WHERE round_id = ?", [round_.id]
            ).fetchall()
        )
        texts = db.execute(
            "SELECT count(*) FROM question_texts WHERE round_id = ?", [round_.id]
        ).fetchone()[0]
    # Only the forms whose own answers were a child's and offered were taken ("games", and a
    # stray field for no question ignored); nothing forged is in the store or the counts.
    assert values <= {(2, "games")}
    assert texts == 0
    counted = own_questions.counts(target.db_path, round_.id)
    assert set(counted) <= {2}
    with storage.reading(target.db_path) as db:
        counted_answers = db.execute(
            "SELECT count(*) FROM answers WHERE round_id = ? AND question = 0 AND flagged = 0",
            [round_.id],
        ).fetchone()[0]
    # Each counted answer chose "games" once, however often the form said so.
    assert counted.get(2, {"games": 0, "*": 0}) == {"games": counted_answers, "*": counted_answers}
    print(f"forged posts: {sent}, answers stored: {stored_by_attack}, forged values stored: 0")
