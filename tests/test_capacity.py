"""The capacity benchmark: its reconciliation, and one short run against the real servers."""

from __future__ import annotations

import argparse
from collections import Counter

import pytest

from benchmarks import capacity


class FakeStore:
    def __init__(self, rows: dict[str, int], counted: int):
        self.rows, self.count = Counter(rows), counted

    def stored(self, workload):
        return self.rows

    def counted(self, workload):
        return self.count


def thanked(*sids: str) -> capacity.Load:
    return capacity.Load(answers=[capacity.Answer(sid, 0.0, 0.0, 0.0) for sid in sids])


def test_stored_answers_that_equal_the_thanked_ones_reconcile():
    assert capacity.reconcile(FakeStore({"a": 1, "b": 1}, 2), None, thanked("a", "b")) == []


def test_a_lost_a_doubled_and_an_unthanked_answer_are_each_named():
    problems = capacity.reconcile(FakeStore({"b": 2, "c": 1}, 4), None, thanked("a", "b", "b"))
    assert problems == [
        "1 submission ids thanked twice",
        "1 thanked but not stored",
        "1 stored but not thanked",
        "1 stored more than once",
        "kept counts hold 4, rows 3",
    ]


def test_postgresql_is_refused_until_the_app_has_a_backend_for_it():
    with pytest.raises(SystemExit, match="no PostgreSQL backend yet"):
        capacity.store_for("postgresql://localhost/feedback")


@pytest.mark.load
@pytest.mark.parametrize("target", ["floor", "app×1"])
def test_a_short_run_stores_every_thanked_answer_once(target):
    args = argparse.Namespace(
        rounds=2, clients=4, warmup=0.5, seconds=2, timeout=20, config=[], replicas=[1]
    )
    result = capacity.run_once(capacity.SqliteStore(), target, 1, args)
    assert result.problems == []
    assert not result.failures
    assert result.rate > 0
