"""Many respondents at once through the real server: each thank-you is one stored answer."""

from __future__ import annotations

import time

import pytest

from benchmarks import respondents
from feedback import rounds
from feedback.rounds import answers


@pytest.mark.load
def test_forty_respondents_at_once_are_each_stored_exactly_once(tmp_path):
    workload = respondents.prepare(tmp_path, round_count=4)
    started = time.monotonic()

    report = respondents.measure(workload, count=40, concurrency=20, timeout=45)

    assert report.shown == []
    assert report.failures == []
    assert report.acknowledged == 40
    assert [c.stored for c in report.checks] == [c.acknowledged for c in report.checks]
    assert sum(c.stored for c in report.checks) == 40
    assert all(c.scores_match for c in report.checks)
    assert [c.comments_stored for c in report.checks] == [0, 0, 0, 10]
    assert report.integrity == "ok"
    assert report.server_errors == []
    assert report.ok
    assert time.monotonic() - started < 60


def test_reconciliation_notices_an_answer_stored_without_a_thank_you(tmp_path):
    workload = respondents.prepare(tmp_path, round_count=1)
    round_ = rounds.get_by_code(workload.db_path, workload.rounds[0].code)
    answers.record(
        workload.db_path,
        round_,
        answers.Answer(scores=(3,)),
        submission_id=answers.new_submission_id(),
    )

    checks, integrity = respondents.reconcile(workload, outcomes=[])

    assert [(c.acknowledged, c.stored, c.ok) for c in checks] == [(0, 1, False)]
    assert integrity == "ok"
