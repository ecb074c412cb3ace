"""The capacity benchmark: its reconciliation, and one short run against the real servers."""

from __future__ import annotations

import argparse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks import capacity
from tests.support.stores import POSTGRESQL, available


def thanked(*sids: str) -> capacity.Load:
    return capacity.Load(answers=[capacity.Answer(sid, 0.0, 0.0, 0.0) for sid in sids])


def test_stored_answers_that_equal_the_thanked_ones_reconcile():
    assert capacity.reconcile(thanked("a", "b"), Counter({"a": 1, "b": 1}), 2) == []


def test_a_lost_a_doubled_and_an_unthanked_answer_are_each_named():
    problems = capacity.reconcile(thanked("a", "b", "b"), Counter({"b": 2, "c": 1}), 4)
    assert problems == [
        "1 submission ids thanked twice",
        "1 thanked but not stored",
        "1 stored but not thanked",
        "1 stored more than once",
        "kept counts hold 4, rows 3",
    ]


def test_a_store_that_is_neither_sqlite_nor_postgresql_is_refused():
    with pytest.raises(SystemExit, match="--db wants"), capacity.store_for("mysql://x"):
        pass


@pytest.mark.load
@pytest.mark.parametrize(
    ("kind", "target"), [("sqlite", "floor"), ("sqlite", "app×1"), ("postgresql", "app×1")]
)
def test_a_short_run_stores_every_thanked_answer_once(kind, target):
    args = argparse.Namespace(
        rounds=2, clients=4, warmup=0.5, seconds=2, timeout=20, config=[], replicas=[1]
    )
    store = (
        capacity.SqliteStore()
        if available(kind) == "sqlite"
        else capacity.PostgresStore(POSTGRESQL)
    )
    # In a thread of its own: the browser tests' Playwright keeps an event loop running in this
    # one, and the load generator starts its own with asyncio.run.
    with ThreadPoolExecutor(1) as worker:
        result = worker.submit(capacity.run_once, store, target, 1, args).result()
    assert result.problems == []
    assert not result.failures
    assert result.rate > 0
