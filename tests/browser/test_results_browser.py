"""Closing the loop in real chromium: "we did" on the public page and on the next thank-you,
and small groups hidden on the public page."""

import re
from datetime import date, datetime, timedelta

import pytest

from feedback import storage
from feedback.rounds import changes
from tests.support.accessibility import serious_violations
from tests.support.browser import PHONE, screenshot, settle
from tests.support.rounds import answer, open_round

pytestmark = pytest.mark.browser


def action(db_path):
    with storage.reading(db_path) as conn:
        return conn.execute("SELECT id FROM actions ORDER BY id LIMIT 1 OFFSET 5").fetchone()[0]


def test_a_small_round_shows_no_results_on_the_public_page(server, open_page):
    yesterday = datetime.now() - timedelta(days=1)
    round_ = open_round(server.db_path, action_id=action(server.db_path))
    answer(server.db_path, round_, 5, 5, 1, now=yesterday)
    page = open_page(
        f"{server.url}/results?s={round_.code}", viewport=PHONE, wait_for_text="Mitä vastasitte"
    )
    page.get_by_text("Tuloksia ei näytetä vielä.").wait_for()
    settle(page)
    # None of what a big enough round shows: the faces with their shares, the count.
    assert page.locator(".results-faces figure").count() == 0
    assert page.get_by_text(re.compile(r"\d\s?%")).count() == 0
    assert page.get_by_text("Vastauksia tuli").count() == 0
    assert serious_violations(page) == []
    # Seven more today make ten, but today's answers wait for tomorrow's step: still nothing.
    answer(server.db_path, round_, *[4] * 7)
    page.reload()
    page.get_by_text("Tuloksia ei näytetä vielä.").wait_for(timeout=30_000)
    assert page.get_by_text("Vastauksia tuli").count() == 0
    # A round with ten answers of earlier days shows them: the checks above could see them.
    shown = open_round(server.db_path, action_id=action(server.db_path))
    answer(server.db_path, shown, 5, 5, 1, *[4] * 7, now=yesterday)
    page.goto(f"{server.url}/results?s={shown.code}")
    page.get_by_text("Vastauksia tuli 10.").wait_for(timeout=30_000)
    page.locator(".results-faces figure").first.wait_for(timeout=30_000)  # drawn after the count
    assert page.locator(".results-faces figure").count() == 5
    assert page.get_by_text(re.compile(r"\d\s?%")).count() == 5


@pytest.mark.both_stores
def test_we_did_shows_on_the_results_page_and_on_the_next_thank_you(server, open_page):
    action_id = action(server.db_path)
    earlier = open_round(
        server.db_path, action_id=action_id, today=date.today() - timedelta(days=40)
    )
    answer(server.db_path, earlier, *([5] * 7 + [3] * 5), now=datetime.now() - timedelta(days=1))
    changes.record(
        server.db_path,
        action_id=action_id,
        round_id=earlier.id,
        you_said="Kerhossa oli liian vähän pelejä.",
        we_did="Ostimme kerhoon kuusi uutta lautapeliä.",
        status="done",
        language="fi",
        today=date.today() - timedelta(days=20),
    )
    page = open_page(
        f"{server.url}/results?s={earlier.code}", viewport=PHONE, wait_for_text="Mitä vastasitte"
    )
    page.get_by_text("Ostimme kerhoon kuusi uutta lautapeliä.").wait_for()
    page.get_by_text("58\u00a0%").wait_for()  # 7 of 12 chose "very good"
    settle(page)
    assert serious_violations(page) == []
    screenshot(page, "results-fi-phone")

    later = open_round(server.db_path, action_id=action_id)
    page = open_page(f"{server.url}/respond?s={later.code}", viewport=PHONE, wait_for_text="Lähetä")
    page.get_by_role("radio").first.wait_for()
    page.get_by_text("Tosi hyvä", exact=True).click()
    page.get_by_role("button", name="Lähetä").click()
    page.get_by_text("Viime kerralla sanoitte").wait_for()
    assert page.get_by_text("Siksi me: Ostimme kerhoon kuusi uutta lautapeliä.").count() == 1
    screenshot(page, "thanks-last-time-fi-phone")


def test_a_youth_council_member_evaluates_in_a_real_browser(server, browser):
    from feedback.rounds import council
    from tests.support.browser import signed_in_page
    from tests.support.users import make_user

    make_user(server, "nuva-jasen", role="council", actors=("kymenlaakso:hamina",))
    opened = [
        open_round(server.db_path, action_id=a, audiences=("youth-council",))
        for a in ("kymenlaakso:hamina-01", "kymenlaakso:hamina-02")
    ]
    page = signed_in_page(browser, server, "nuva-jasen", viewport={"width": 1024, "height": 900})
    page.goto(f"{server.url}/council")
    page.get_by_role("heading", name="Nuorisovaltuuston arvio").wait_for(timeout=30_000)
    # The heading comes before the script run has drawn the form: its button ends the form.
    page.get_by_role("button", name="Lähetä arvio").wait_for(timeout=30_000)
    settle(page)
    groups = [
        g for g in page.get_by_role("radiogroup").all() if g.get_attribute("aria-label") != "Kieli"
    ]
    # Other tests' (and demo) rounds for the council may be open on the same plan too.
    asked = council.council_rounds(server.db_path, "kymenlaakso")
    assert {r.code for r in opened} <= {r.code for r in asked}
    assert len(groups) == len(asked) + len(council.SELF_QUESTIONS)
    for group in groups:
        group.get_by_text("Hyvä", exact=True).click()
    page.get_by_label("Aloite (vapaaehtoinen)").first.fill("Nuorisotila auki myös sunnuntaisin")
    assert serious_violations(page) == []
    page.get_by_role("button", name="Lähetä arvio").click()
    page.get_by_text("Kiitos! Arvionne on tallennettu.").wait_for()
    screenshot(page, "council-sent-tablet")
    with storage.reading(server.db_path) as conn:
        stored = conn.execute("SELECT count(*) FROM answers WHERE channel = 'council'").fetchone()[
            0
        ]
        proposals = [r[0] for r in conn.execute("SELECT text FROM proposals")]
    assert stored == len(asked)
    assert "Nuorisotila auki myös sunnuntaisin" in proposals
    page.context.close()
