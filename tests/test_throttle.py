from datetime import UTC, datetime, timedelta

import pytest

from feedback.staff import auth, throttle
from feedback.staff.auth import Role

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def test_an_address_waits_after_three_failures_and_not_after_its_pause():
    kept = throttle.Backoff()
    for _ in range(3):
        assert kept.wait("192.0.2.1", now=NOW) == timedelta(0)
        kept.fail("192.0.2.1", now=NOW)
    assert kept.wait("192.0.2.1", now=NOW) == timedelta(seconds=2)
    assert kept.wait("192.0.2.1", now=NOW + timedelta(seconds=2)) == timedelta(0)
    assert kept.wait("192.0.2.2", now=NOW) == timedelta(0)


def test_the_pause_never_overflows_and_never_passes_fifteen_minutes():
    assert throttle.delay(10**6) == timedelta(minutes=15)
    assert [throttle.delay(n).total_seconds() for n in range(2, 7)] == [0, 2, 4, 8, 16]


def test_a_flood_of_new_addresses_keeps_only_the_newest_in_memory():
    kept = throttle.Backoff(max_kept=100)
    for i in range(1000):
        for _ in range(3):
            kept.fail(f"10.0.{i // 256}.{i % 256}", now=NOW)
    assert len(kept._failures) == 100
    assert kept.wait("10.0.3.231", now=NOW) > timedelta(0)  # the newest is still slowed
    assert kept.wait("10.0.0.0", now=NOW) == timedelta(0)


def test_sign_in_says_busy_when_the_bcrypt_pool_stays_full(plan_db, monkeypatch):
    password = auth.add_user(plan_db, "maija", role=Role.STAFF, actors=("mini:hamina",))
    monkeypatch.setattr(throttle, "BCRYPT_WAIT_SECONDS", 0.2)
    # Another sign-in holds the only turn.
    with throttle.bcrypt_turn(), pytest.raises(throttle.Busy):
        auth.login(plan_db, "maija", password, address="192.0.2.1")
    assert auth.login(plan_db, "maija", password, address="192.0.2.1")  # its turn now
