"""Attacks on kiosk mode (issue #24, item 3) through the real server and Streamlit's websocket:
a link that claims to be a kiosk, the "clear cache" message that emptied the pace, one
tablet's (or a stranger's) quick taps flagging a child's answers, and a revoked tablet."""

from __future__ import annotations

import asyncio
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

from benchmarks.respondents import SEND, THANKS, Tab, answer_form, run_async
from feedback import storage
from feedback.rounds import kiosk
from feedback.staff import auth
from tests.support.attack import request
from tests.support.rounds import open_round

#: The kiosk's minimum interval on the server (FEEDBACK_KIOSK_MIN_INTERVAL's default).
MIN_INTERVAL = 3
#: Faces (index into the five) that tell the attacker's answers from the child's in the store.
ATTACKER_FACE, CHILD_FACE = 0, 4
#: Every loop stops at this many answers or this many seconds, whichever comes first.
MAX_ANSWERS, MAX_SECONDS = 15, 60


@pytest.fixture(autouse=True)
def servers_key(target, secrets_file, monkeypatch):
    """Staff enrol kiosks with the server's key (each test otherwise gets its own)."""
    monkeypatch.setenv("FEEDBACK_SECRETS", str(target.secrets_path))


@pytest.fixture
def round_code(target) -> str:
    with storage.reading(target.db_path) as db:
        (action_id,) = db.execute("SELECT id FROM actions ORDER BY id LIMIT 1").fetchone()
    return open_round(target.db_path, action_id=action_id).code


def enrolled(target, code: str, label: str) -> tuple[str, str]:
    """Enrol a kiosk as staff do and open its link as the tablet does: (kiosk id, cookie)."""
    made = kiosk.enrol(
        target.db_path, code, label=label, enrolled_by="staff", key=auth.cookie_key()
    )
    token = parse_qs(urlsplit(made.link).query)["t"][0]
    reply = request(f"{target.url}{kiosk.ENROL_PATH}?t={token}")
    assert reply.status == 303, reply.body
    assert reply.headers["location"] == f"/respond?s={code}"
    cookie = reply.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    name, _, rest = cookie.partition("=")
    assert name == kiosk.COOKIE_NAME
    return made.kiosk.id, rest.split(";")[0]


async def answer(
    url: str,
    code: str,
    *,
    face: int,
    query: str = "",
    cookie: str | None = None,
) -> bool:
    """One child (or attacker) in a fresh tab: open the round, choose `face`, send. Returns
    whether the page was in kiosk mode (its chrome hidden and its timers set)."""
    async with tab_on(url, cookie=cookie) as ws:
        tab = Tab(ws, url=url, query_string=f"s={code}{query}")
        await tab.rerun()
        run = await tab.read_run()
        in_kiosk = any(
            "kiosk-warning" in e.html.body for e in run.elements if e.WhichOneof("type") == "html"
        )
        widget, button = answer_form(run)
        assert button.label == SEND
        tab.held[widget.id] = WidgetState(id=widget.id, string_value=widget.options[face])
        await tab.rerun(WidgetState(id=button.id, trigger_value=True))
        thanked = await tab.read_run(watch=THANKS)
        assert thanked.seen_at is not None, thanked.problems
        return in_kiosk


def tab_on(url: str, *, cookie: str | None = None):
    """A websocket session as the browser opens one, with the kiosk cookie if given."""
    return connect(
        url.replace("http://", "ws://") + "/_stcore/stream",
        subprotocols=["streamlit", "PLACEHOLDER_AUTH_TOKEN"],
        origin=url,
        additional_headers={"Cookie": f"{kiosk.COOKIE_NAME}={cookie}"} if cookie else None,
        max_size=None,
    )


async def clear_caches(url: str, code: str) -> None:
    """Send Streamlit's "clear cache" message, as its frontend does for the menu item and the
    `c` key: it empties every st.cache_data and st.cache_resource of the process. No account
    and no kiosk needed; a run after it shows the message was handled."""
    async with tab_on(url) as ws:
        await ws.send(BackMsg(clear_cache=True).SerializeToString())
        tab = Tab(ws, url=url, query_string=f"s={code}")
        await tab.rerun()
        await tab.read_run()


def stored(target, code: str) -> list[tuple[int, str, int]]:
    """(score, channel, flagged) of the round's answers, in no order (random keys)."""
    with storage.reading(target.db_path) as db:
        return [
            tuple(row)
            for row in db.execute(
                """SELECT a.score, a.channel, a.flagged FROM answers a
                   JOIN rounds v ON v.id = a.round_id WHERE v.code = ? ORDER BY 1, 2, 3""",
                [code],
            ).fetchall()
        ]


def flagged_on(target, kiosk_id: str) -> int:
    [found] = [k for k in kiosk.list_kiosks(target.db_path) if k.id == kiosk_id]
    return found.flagged


def test_a_link_that_says_kiosk_gives_neither_kiosk_mode_nor_the_kiosk_channel(target, round_code):
    in_kiosk = run_async(lambda: answer(target.url, round_code, face=2, query="&kiosk=1"))

    assert not in_kiosk
    assert stored(target, round_code) == [(3, "link", 0)]


def test_the_enrolment_link_works_once_and_a_forged_one_not_at_all(target, round_code):
    made = kiosk.enrol(target.db_path, round_code, label="Aula", enrolled_by="staff", key="x" * 40)
    forged = parse_qs(urlsplit(made.link).query)["t"][0]  # signed with another key
    assert request(f"{target.url}{kiosk.ENROL_PATH}?t={forged}").status == 403
    enrolled(target, round_code, "Aula")
    made = kiosk.enrol(
        target.db_path, round_code, label="Kirjasto", enrolled_by="staff", key=auth.cookie_key()
    )
    link = f"{target.url}{kiosk.ENROL_PATH}?{urlsplit(made.link).query}"
    first, second = request(link), request(link)

    assert (first.status, second.status) == (303, 403)
    assert "set-cookie" not in {name.lower() for name in second.headers}
    assert "käytetty" in second.body and "used" in second.body
    assert [k.label for k in kiosk.list_kiosks(target.db_path, code=round_code)] == [
        "Aula",
        "Aula",
        "Kirjasto",
    ]


def test_clearing_streamlits_cache_does_not_reset_a_kiosks_pace(target, round_code):
    kiosk_id, cookie = enrolled(target, round_code, "Aula")
    started = time.monotonic()
    in_kiosk = False
    while len(stored(target, round_code)) < MAX_ANSWERS and time.monotonic() - started < 40:
        run_async(lambda: clear_caches(target.url, round_code))
        in_kiosk = run_async(
            lambda: answer(target.url, round_code, face=ATTACKER_FACE, cookie=cookie)
        )
    took = time.monotonic() - started

    answers = stored(target, round_code)
    assert in_kiosk
    assert took < MIN_INTERVAL * (len(answers) - 1), "the loop was not quick enough to tell"
    # Under random keys, in no order: one answer within the pace, every later one flagged.
    assert answers == [(1, "kiosk", 0)] + [(1, "kiosk", 1)] * (len(answers) - 1)
    assert len(answers) >= 5
    assert flagged_on(target, kiosk_id) == len(answers) - 1


def test_quick_taps_on_one_tablet_or_from_a_stranger_never_flag_another_kiosks_child(
    target, round_code
):
    _attacker_kiosk, attacker_cookie = enrolled(target, round_code, "Tapper")
    child_kiosk, child_cookie = enrolled(target, round_code, "Aula")

    async def child() -> None:
        for _ in range(3):  # a child's pace: a little slower than the minimum interval
            await answer(target.url, round_code, face=CHILD_FACE, cookie=child_cookie)
            await asyncio.sleep(MIN_INTERVAL + 0.5)

    async def attacker(done: asyncio.Task) -> int:
        sent = 0
        started = time.monotonic()
        while not done.done() and sent < 2 * MAX_ANSWERS and time.monotonic() - started < 30:
            cookie, query = (attacker_cookie, "") if sent % 2 else (None, "&kiosk=1")
            await answer(target.url, round_code, face=ATTACKER_FACE, cookie=cookie, query=query)
            sent += 1
            await asyncio.sleep(0.3)
        return sent

    async def both() -> int:
        done = asyncio.ensure_future(child())
        sent = await attacker(done)
        await done
        return sent

    sent = run_async(both)

    answers = stored(target, round_code)
    childs = [a for a in answers if a[0] == CHILD_FACE + 1]
    assert sent >= 6, "the attacker did not get going"
    assert childs == [(5, "kiosk", 0)] * 3
    assert flagged_on(target, child_kiosk) == 0
    attackers = [a for a in answers if a[0] == ATTACKER_FACE + 1]
    assert len(attackers) == sent
    assert sorted({a[1] for a in attackers}) == ["kiosk", "link"]


def test_a_revoked_kiosk_is_an_ordinary_browser_at_its_next_page_load(target, round_code):
    kiosk_id, cookie = enrolled(target, round_code, "Aula")
    before = run_async(lambda: answer(target.url, round_code, face=3, cookie=cookie))
    kiosk.revoke(target.db_path, kiosk_id)
    after = run_async(lambda: answer(target.url, round_code, face=3, cookie=cookie))

    assert before and not after
    assert stored(target, round_code) == [(4, "kiosk", 0), (4, "link", 0)]
