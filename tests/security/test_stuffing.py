"""Ballot stuffing on the link page by a stranger without an account (issue #24, item 2).

One client once stored 14,770 answers in 60 s on `/answer/CODE`, each with a made-up
submission id, and the children's results page then said "100 % very bad". Here the same
client attacks the real server: made-up ids, a flood of properly fetched forms, a post from
another site, and a round answered with one-time codes.
"""

from __future__ import annotations

import re
import time
import uuid
from datetime import date, timedelta
from urllib.parse import urlencode

import pytest

from feedback import plans, storage
from feedback.figures import published
from feedback.rounds import answers, codes
from tests.support.attack import request
from tests.support.rounds import open_round
from tests.support.stores import stored_answers

#: Every loop stops at whichever comes first.
MAX_POSTS = 300
MAX_SECONDS = 30.0
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
_SID = re.compile(r'name="sid" value="([^"]+)"')


@pytest.fixture
def round_(target):
    action = plans.list_actions(target.db_path, plan_id="kymenlaakso")[0]
    return open_round(target.db_path, action_id=action.id)


def post(target, code: str, fields: dict, headers: dict | None = None):
    body = urlencode(fields).encode()
    return request(f"{target.url}/answer/{code}", data=body, headers={**FORM, **(headers or {})})


def fetched_id(target, code: str, query: str = "") -> str:
    page = request(f"{target.url}/answer/{code}{query}")
    assert page.status == 200
    return _SID.search(page.body).group(1)


def flagged_and_counted(db_path, code: str) -> tuple[int, int]:
    rows = stored_answers(db_path, code, "flagged")
    flagged = sum(1 for (f,) in rows if f)
    return flagged, len(rows) - flagged


def test_made_up_submission_ids_store_nothing(target, round_):
    started, sent = time.monotonic(), 0
    while sent < MAX_POSTS and time.monotonic() - started < MAX_SECONDS:
        reply = post(target, round_.code, {"sid": uuid.uuid4().hex, "q0": "1", "send": "1"})
        assert reply.status == 422 and "Tämä lomake oli ehtinyt vanhentua" in reply.body
        sent += 1
    assert sent >= 50  # the attack really ran
    assert stored_answers(target.db_path, round_.code, "score") == []


def test_a_flood_of_fetched_forms_counts_at_most_a_burst_and_moves_no_figure(target, round_):
    for _ in range(40):  # the children who really answered: all "very good"
        answers.record(
            target.db_path,
            round_,
            answers.Answer(scores=(5,)),
            submission_id=answers.new_submission_id(),
        )
    started, sent = time.monotonic(), 0
    while sent < MAX_POSTS and time.monotonic() - started < MAX_SECONDS:
        sid = fetched_id(target, round_.code)
        reply = post(target, round_.code, {"sid": sid, "q0": "1", "send": "1"})
        assert reply.status == 200 and "Kiitos!" in reply.body  # the sender cannot tell
        sent += 1
    minutes = (time.monotonic() - started) / 60
    flagged, counted = flagged_and_counted(target.db_path, round_.code)
    attack_counted = counted - 40
    assert flagged + attack_counted == sent  # every answer kept, none lost
    assert attack_counted <= 30 + 4 * minutes + 1  # the burst, and what time refilled
    assert flagged >= sent - attack_counted > 0
    # What the children's results page shows once today's answers are published (tomorrow):
    # the flagged ones are not in it.
    tomorrow = date.today() + timedelta(days=1)
    shown = published.round_figure(target.db_path, round_.id, k=10, today=tomorrow)
    assert shown.n == counted and shown.distribution[0] == attack_counted
    assert shown.distribution[4] == 40
    action = published.action_figure(target.db_path, round_.action_id, k=10, today=tomorrow)
    assert action.n == counted


def test_a_post_from_another_site_is_refused_and_stores_nothing(target, round_):
    sid = fetched_id(target, round_.code, "?lang=en")
    for headers in (
        {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
        {"Origin": "https://evil.example"},
        {"Sec-Fetch-Site": "same-site"},
    ):
        reply = post(
            target, f"{round_.code}?lang=en", {"sid": sid, "q0": "1", "send": "1"}, headers
        )
        assert reply.status == 403
        assert "The answer came from another website, so it was not saved." in reply.body
        assert '<input type="radio" name="q0" value="1" checked required>' in reply.body
    assert stored_answers(target.db_path, round_.code, "score") == []
    own = {"Origin": target.url, "Sec-Fetch-Site": "same-origin"}
    reply = post(target, f"{round_.code}?lang=en", {"sid": sid, "q0": "1", "send": "1"}, own)
    assert reply.status == 200  # the app's own page, sent as a browser sends it
    assert stored_answers(target.db_path, round_.code, "score") == [(1,)]


def test_a_codes_round_stores_a_code_once_and_a_guessed_code_never(target):
    action = plans.list_actions(target.db_path, plan_id="kymenlaakso")[1]
    round_ = open_round(target.db_path, action_id=action.id, codes=5)
    [slip, *_] = codes.unused(target.db_path, round_.id)
    stored = []
    for _ in range(2):  # the same slip used twice, each time with a properly fetched form
        sid = fetched_id(target, round_.code, f"?k={slip}")
        stored.append(post(target, round_.code, {"sid": sid, "k": slip, "q0": "1", "send": "1"}))
    assert stored[0].status == 200 and stored[1].status == 422
    assert "sillä on jo vastattu" in stored[1].body
    started, guessed = time.monotonic(), 0
    while guessed < MAX_POSTS and time.monotonic() - started < MAX_SECONDS:
        sid = fetched_id(target, round_.code)
        guess = "".join(codes.ALPHABET[(guessed * 7 + i) % len(codes.ALPHABET)] for i in range(7))
        reply = post(target, round_.code, {"sid": sid, "k": guess, "q0": "1", "send": "1"})
        assert reply.status == 422
        guessed += 1
    assert stored_answers(target.db_path, round_.code, "score") == [(1,)]
    assert len(codes.unused(target.db_path, round_.id)) == 4
    with storage.reading(target.db_path) as db:  # no code beside any answer
        assert not any("code" in column for column in db.columns("answers"))
