"""A stranger without an account floods the server's memory through anonymous Streamlit sessions
on the respondent page (issue #25): each session sends one rerun whose radio value is a 20 MB
string. The server drops such values before Streamlit keeps them, so the process stays within
its memory budget, and a child still gets the page and gives an answer meanwhile. When the
process holds as many sessions as it may, a new one is refused and the pages say "busy"."""

from __future__ import annotations

import time

import pytest
from websockets.exceptions import InvalidStatus

from benchmarks.memory_flood import flood, latencies
from benchmarks.respondents import _warm_up, open_tab, run_async
from benchmarks.server import MemorySampler, free_port, launch, rss_kb, wait_healthy
from feedback import i18n, plans
from feedback.rounds.scales import Scale
from tests.support.attack import request
from tests.support.rounds import open_round

#: The memory budget of one process for hostile sessions, above idle (docs/design.md).
BUDGET_MB = 250


class Process:
    def __init__(self, pid: int):
        self.pid = pid

    def rss_kb(self) -> int | None:
        return rss_kb(self.pid)


def an_open_round(db_path) -> str:
    action = plans.list_actions(db_path, plan_id="kymenlaakso")[0]
    return open_round(db_path, action_id=action.id, scale=Scale.FACES5).code


@pytest.mark.parametrize(
    ("value_bytes", "met"),
    [
        (20 * 2**20, "closed by the server (1009)"),  # above server.maxMessageSize
        (200_000, "sent and answered"),  # a message let through, the value dropped from it
    ],
)
def test_huge_widget_values_do_not_fill_the_servers_memory(target, value_bytes, met):
    code = an_open_round(target.db_path)
    server = Process(target.pid)
    run_async(lambda: _warm_up(target.url, code))
    idle = server.rss_kb()
    with MemorySampler(server) as sampler:
        result = run_async(
            lambda: flood(
                target.url, code, sessions=40, value_bytes=value_bytes, timeout=180, children=2
            )
        )
    assert dict(result.tally) == {met: 40}
    assert (sampler.peak_kb - idle) / 1024 < BUDGET_MB, result.tally
    # The child got the page and its answers were thanked for while the flood went on.
    assert result.child and latencies(result.child)[2] == 0
    if met == "sent and answered":  # the guard, not Streamlit, turned the value away
        assert target.log_path.read_text().count("dropped 1 oversized widget values") >= 40
    # Nothing of the values was stored.
    assert "x" * 100 not in target.db_path.read_bytes().decode("latin-1")


@pytest.fixture(scope="module")
def small(tmp_path_factory, target):
    """A second server on the same store that holds at most two sessions and lets one client
    open ten at once, then one every ten seconds."""
    folder = tmp_path_factory.mktemp("small")
    port = free_port()
    log_path = folder / "server.log"
    process = launch(
        target.db_path,
        port,
        log_path,
        secrets_path=target.secrets_path,
        settings_={
            "FEEDBACK_MAX_SESSIONS": "2",
            "FEEDBACK_NEW_SESSIONS_BURST": "10",
            "FEEDBACK_NEW_SESSIONS_PER_MINUTE": "6",
        },
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, process, log_path)
    yield url
    process.terminate()
    process.wait(timeout=15)


def test_a_full_process_refuses_new_sessions_and_says_busy(small, target):
    code = an_open_round(target.db_path)

    async def while_full():
        async with open_tab(small, code) as one, open_tab(small, code) as two:
            for tab in (one, two):
                await tab.rerun()
                await tab.read_run()
            with pytest.raises(InvalidStatus):
                async with open_tab(small, code):
                    pass
            return [
                request(f"{small}/respond?s={code}"),
                request(f"{small}/respond?s={code}&lang=sv"),
                request(f"{small}/answer/{code}"),  # the page without a session still answers
            ]

    busy_fi, busy_sv, light = run_async(while_full)
    assert busy_fi.status == busy_sv.status == 503
    assert i18n.t("busy.title", "fi") in busy_fi.body
    assert i18n.t("busy.title", "sv") in busy_sv.body
    headers = {name.lower(): value for name, value in busy_fi.headers.items()}
    assert headers["retry-after"] == headers["refresh"] == "15"
    assert light.status == 200

    # Once the sessions have closed, the page and a new session are served again.
    deadline = time.monotonic() + 10
    while request(f"{small}/respond?s={code}").status != 200:
        assert time.monotonic() < deadline
        time.sleep(0.2)
    run_async(lambda: _warm_up(small, code))


def test_a_client_opening_sessions_too_fast_is_told_to_wait_and_others_are_not(small, target):
    code = an_open_round(target.db_path)
    hasty, other = "203.0.113.7", "2001:db8:1:2::7"

    async def open_and_close(forwarded_for: str | None) -> bool:
        try:
            async with open_tab(small, code, forwarded_for=forwarded_for):
                return True
        except InvalidStatus:
            return False

    async def sessions():
        hasty_ones = [await open_and_close(hasty) for _ in range(14)]
        others = [await open_and_close(other) for _ in range(3)]
        same_network = await open_and_close("2001:db8:1:2::8")  # another address of its /64
        local = await open_and_close(None)  # this machine, not through the proxy
        return hasty_ones, others, same_network, local

    started = time.monotonic()
    hasty_ones, others, same_network, local = run_async(sessions)
    refills = int((time.monotonic() - started) / 10)  # one more session every ten seconds
    assert hasty_ones == [True] * (10 + refills) + [False] * (4 - refills)
    assert others == [True] * 3 and same_network and local
    # The hasty client's page says busy in its language; another client's page is served.
    busy = request(f"{small}/respond?s={code}&lang=sv", headers={"X-Forwarded-For": hasty})
    served = request(f"{small}/respond?s={code}", headers={"X-Forwarded-For": "203.0.113.8"})
    assert busy.status == 503 and i18n.t("busy.title", "sv") in busy.body
    assert served.status == 200


@pytest.mark.parametrize("value_bytes", [500_000, 2 * 2**20])  # the guard's bound, Streamlit's
def test_a_huge_message_closes_its_session(target, value_bytes):
    code = an_open_round(target.db_path)
    result = run_async(
        lambda: flood(target.url, code, sessions=1, value_bytes=value_bytes, timeout=60)
    )
    assert dict(result.tally) == {"closed by the server (1009)": 1}
    assert "Traceback" not in target.log_path.read_text()


def test_an_ordinary_answer_is_not_affected(target):
    """Below every bound, a child's rerun reaches the app whole: the answer is thanked for."""
    code = an_open_round(target.db_path)
    result = run_async(lambda: flood(target.url, code, sessions=0, value_bytes=0, children=1))
    assert result.child and all(outcome.acknowledged for outcome in result.child)
