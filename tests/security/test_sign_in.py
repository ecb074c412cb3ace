"""Sign-in as a stranger attacks it, against the real server (issue #25): failures that would
keep the owner out, names sprayed to keep bcrypt busy, and the hand-over note replayed or sent
from another site. Each browser says where it comes from in `X-Forwarded-For`, as the reference
proxy does, so that the addresses are told apart on loopback."""

from __future__ import annotations

import time
from urllib.parse import urlencode

import pytest

from feedback.staff import auth
from tests.support.attack import request
from tests.support.browser import settle, sign_in, wait_for_session_cookie
from tests.support.users import make_user, signed_in

pytestmark = pytest.mark.browser

WAIT = "Liian monta yritystä"
WRONG = "Käyttäjätunnus tai salasana on väärin."


def from_address(browser, address: str):
    context = browser.new_context(extra_http_headers={"X-Forwarded-For": address})
    return context.new_page()


def said(page) -> str:
    """What the sign-in page answered: the wait or the wrong-password message."""
    page.get_by_text(WAIT).or_(page.get_by_text(WRONG)).first.wait_for(timeout=30_000)
    settle(page)
    return WAIT if page.get_by_text(WAIT).count() else WRONG


def fail_until(page, target, names, *, failures: int, seconds: float = 120) -> list[str]:
    """Wrong passwords from `page` (for each name of `names` in turn) until `failures` of them
    were checked, as fast as the page allows; what the page answered each time."""
    answers, started = [], time.monotonic()
    while answers.count(WRONG) < failures and time.monotonic() - started < seconds:
        sign_in(page, target, names[len(answers) % len(names)], "arvaus " * 3)
        answers.append(said(page))
    return answers


def test_a_strangers_failures_never_keep_the_owner_out_of_a_browser_used_before(target, browser):
    make_user(target, "omistaja", role="admin")
    owner = from_address(browser, "198.51.100.7")
    sign_in(owner, target, "omistaja")
    wait_for_session_cookie(owner)
    device = {c["name"]: c for c in owner.context.cookies()}[auth.DEVICE_COOKIE_NAME]
    assert device["httpOnly"] and device["sameSite"] == "Strict"
    owner.context.clear_cookies()
    owner.context.add_cookies([device])  # signed out: only the device cookie is left

    # Six checked failures: the name then waits 16 s, longer than the next two sign-ins take.
    stranger = from_address(browser, "203.0.113.66")
    answers = fail_until(stranger, target, ["omistaja"], failures=6)
    assert answers.count(WRONG) == 6 and answers[:4] == [WRONG] * 3 + [WAIT]

    newcomer = from_address(browser, "198.51.100.8")  # the right password, a new browser
    sign_in(newcomer, target, "omistaja")
    assert said(newcomer) == WAIT, "the name is paused for a browser without the device cookie"

    sign_in(owner, target, "omistaja")  # the owner's own browser is not
    assert wait_for_session_cookie(owner)["value"]
    for page in (owner, stranger, newcomer):
        page.context.close()


def test_names_sprayed_from_one_address_are_slowed_as_one_name_is(target, browser):
    sprayer = from_address(browser, "192.0.2.99")
    started = time.monotonic()
    names = [f"nimi-{i}" for i in range(50)]
    answers = fail_until(sprayer, target, names, failures=5, seconds=60)
    took = time.monotonic() - started
    # Each name is new, yet after three the address waits 2, 4, 8 … s between checked tries:
    # the five checked failures took the pauses 2 + 4 at least, and most tries were refused
    # without any bcrypt work.
    assert answers[:4] == [WRONG] * 3 + [WAIT]
    assert answers.count(WRONG) == 5 and took >= 6
    assert answers.count(WAIT) >= 2
    elsewhere = from_address(browser, "192.0.2.100")
    sign_in(elsewhere, target, "nimi-0", "arvaus " * 3)
    assert said(elsewhere) == WRONG, "another address is not slowed by the sprayer"
    sprayer.context.close()
    elsewhere.context.close()


def test_a_hand_over_note_sets_one_cookie_once_and_never_from_another_site(target):
    session_id = signed_in(target.db_path, "kirjautuja", role=auth.Role.ADMIN)
    token = auth.handoff_token(session_id, key=target.cookie_key)
    form = urlencode({"token": token, "language": "fi"})
    own = {"content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin"}
    other = {"content-type": "application/x-www-form-urlencoded", "origin": "https://evil.example"}

    from_elsewhere = request(f"{target.url}/session/open", data=form.encode(), headers=other)
    first = request(f"{target.url}/session/open", data=form.encode(), headers=own)
    replays = [
        request(f"{target.url}/session/open", data=form.encode(), headers=own) for _ in range(19)
    ]
    assert from_elsewhere.status == 403 and not from_elsewhere.cookies
    assert first.status == 303 and auth.COOKIE_NAME in first.cookies
    assert all(auth.COOKIE_NAME not in reply.cookies for reply in replays)
