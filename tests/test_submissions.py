"""Signed submission ids: only those the server issued, for that round, within their lifetime."""

from __future__ import annotations

import time

from feedback.rounds import submissions

KEY = b"k" * 32


def test_an_issued_id_checks_out_for_its_round_and_gives_the_id_to_store():
    token = submissions.issue(7, key=KEY)
    stored = submissions.check(token, 7, key=KEY)
    assert stored is not None and len(stored) == 32 and token.startswith(stored + ".")
    assert submissions.check(token, 7, key=KEY) == stored  # a resend: the same id, stored once


def test_each_issued_id_is_new():
    assert len({submissions.issue(7, key=KEY) for _ in range(100)}) == 100


def test_an_id_for_another_round_with_another_key_or_altered_is_refused():
    token = submissions.issue(7, key=KEY)
    stored, expires, proof = token.split(".")
    assert submissions.check(token, 8, key=KEY) is None
    assert submissions.check(token, 7, key=b"x" * 32) is None
    assert submissions.check(f"{stored}.{int(expires) + 3600}.{proof}", 7, key=KEY) is None
    other = "0" * 32 if stored != "0" * 32 else "1" * 32
    assert submissions.check(f"{other}.{expires}.{proof}", 7, key=KEY) is None


def test_made_up_and_malformed_ids_are_refused():
    for sent in ("a" * 32, "", None, 5, ["x"], "a" * 32 + ".1.", "A" * 32 + ".1." + "b" * 32):
        assert submissions.check(sent, 7, key=KEY) is None
    token = submissions.issue(7, key=KEY)
    assert submissions.check(token + "\n", 7, key=KEY) is None


def test_an_id_expires_after_its_lifetime_and_not_before():
    issued_at = time.time()
    token = submissions.issue(7, key=KEY, now=issued_at)
    lifetime = submissions.LIFETIME_SECONDS
    assert submissions.check(token, 7, key=KEY, now=issued_at + lifetime - 1) is not None
    assert submissions.check(token, 7, key=KEY, now=issued_at + lifetime + 1) is None
