"""Token buckets (feedback.buckets): a burst at once, refilled by time, a bucket per key, and
a bound on the keys remembered; and the client a guard counts (feedback.ui.clients)."""

from __future__ import annotations

from feedback.buckets import TokenBuckets
from feedback.ui import clients


def test_a_burst_is_taken_then_answers_are_too_fast_until_time_refills_it():
    guard = TokenBuckets()
    key = ("store", 1)
    taken = [guard.take(key, burst=30, per_minute=4, now=100.0) for _ in range(35)]
    assert taken == [True] * 30 + [False] * 5
    assert not guard.take(key, burst=30, per_minute=4, now=110.0)  # 0.67 answers refilled
    assert guard.take(key, burst=30, per_minute=4, now=115.0)  # a whole one after 15 s
    assert not guard.take(key, burst=30, per_minute=4, now=115.0)
    later = [guard.take(key, burst=30, per_minute=4, now=1000.0) for _ in range(31)]
    assert later == [True] * 30 + [False]  # refilled to the burst, never beyond it


def test_each_key_has_its_own_bucket():
    guard = TokenBuckets()
    for key in (("a", 1), ("a", 2), ("b", 1)):
        assert [guard.take(key, burst=2, per_minute=1, now=0.0) for _ in range(3)] == [
            True,
            True,
            False,
        ]


def test_empty_looks_without_taking():
    buckets = TokenBuckets()
    assert not buckets.empty("a", burst=1, per_minute=1, now=0.0)
    assert buckets.take("a", burst=1, per_minute=1, now=0.0)
    assert buckets.empty("a", burst=1, per_minute=1, now=30.0)  # half a token refilled
    assert not buckets.empty("a", burst=1, per_minute=1, now=60.0)


def test_ever_new_keys_cannot_fill_the_memory():
    buckets = TokenBuckets(max_kept=100)
    for key in range(10_000):
        buckets.take(key, burst=1, per_minute=1, now=0.0)
    assert len(buckets._buckets) == 100
    assert buckets.empty(9_999, burst=1, per_minute=1, now=0.0)  # the latest ones are kept


def test_the_client_is_the_proxys_last_entry_and_an_ipv6_network():
    assert clients.address(None, "198.51.100.1, 203.0.113.7") == "203.0.113.7"
    assert clients.address("198.51.100.9", "203.0.113.7") == "198.51.100.9"  # not our proxy
    assert clients.address(None, None) == "loopback"
    assert clients.is_local("127.0.0.1", None) and not clients.is_local("127.0.0.1", "1.2.3.4")
    assert clients.network("2001:db8:1:2::7") == clients.network("2001:db8:1:2:ffff::1")
    assert clients.network("2001:db8:1:3::7") == "2001:db8:1:3::/64"
    assert clients.network("203.0.113.7") == "203.0.113.7"
