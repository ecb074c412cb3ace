"""A child answers through a real browser; the database holds exactly that one answer."""

import contextlib
import re

import pytest

from feedback import storage
from feedback.rounds.scales import Scale
from tests.support.browser import PHONE, TABLET, screenshot, sign_in, wait_for_session_cookie
from tests.support.rounds import open_round
from tests.support.users import make_user

pytestmark = pytest.mark.browser


def stored_scores(db_path, code):
    with storage.reading(db_path) as conn:
        return [
            row[0]
            for row in conn.execute(
                "SELECT score FROM answers JOIN rounds ON rounds.id = round_id WHERE code = ?",
                [code],
            )
        ]


def page_language(page, expected="fi"):
    """The <html lang> once the app has set it (it starts as Streamlit's hard-coded 'en')."""
    # On a timeout, report what the page says instead.
    with contextlib.suppress(Exception):
        page.wait_for_function(f"document.documentElement.lang === {expected!r}", timeout=10_000)
    return page.evaluate("document.documentElement.lang")


def first_action(db_path):
    return next(iter(rounds_actions(db_path)))


def rounds_actions(db_path):
    with storage.reading(db_path) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM actions ORDER BY id")]


@pytest.mark.both_stores
@pytest.mark.parametrize(("viewport", "size"), [(PHONE, "phone"), (TABLET, "tablet")])
def test_tapping_a_face_and_sending_stores_exactly_one_answer(server, open_page, viewport, size):
    round_ = open_round(server.db_path, action_id=first_action(server.db_path))
    page = open_page(
        f"{server.url}/respond?s={round_.code}", viewport=viewport, wait_for_text="Lähetä"
    )
    assert page_language(page) == "fi"
    assert page.title() == round_.subject("fi")  # the tab says what the child rates
    faces = page.get_by_role("radiogroup", name="Mitä mieltä olet tästä?").get_by_role("radio")
    faces.first.wait_for()
    assert faces.count() == 5
    screenshot(page, f"respond-faces5-fi-{size}")

    page.get_by_text("Hyvä", exact=True).click()
    assert stored_scores(server.db_path, round_.code) == [], "choosing a face never sends"
    screenshot(page, f"respond-faces5-fi-{size}-chosen")
    page.get_by_role("button", name="Lähetä").click()
    page.get_by_text("Kiitos!").wait_for(timeout=30_000)
    screenshot(page, f"respond-thanks-fi-{size}")

    assert stored_scores(server.db_path, round_.code) == [4]


def test_every_face_is_a_big_target(server, open_page):
    round_ = open_round(server.db_path, action_id=first_action(server.db_path))
    page = open_page(
        f"{server.url}/respond?s={round_.code}", viewport=PHONE, wait_for_text="Lähetä"
    )
    page.locator('label[data-testid="stRadioOption"]').first.wait_for()
    for label in ("Tosi huono", "Huono", "Ihan ok", "Hyvä", "Tosi hyvä"):
        option = page.locator(
            'label[data-testid="stRadioOption"]', has_text=re.compile(f"^{label}$")
        )
        box = option.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (label, box)
    send = page.get_by_role("button", name="Lähetä").bounding_box()
    assert send["height"] >= 44


def test_three_faces_in_swedish_with_the_page_language_set(server, open_page):
    round_ = open_round(server.db_path, action_id=first_action(server.db_path), scale=Scale.FACES3)
    page = open_page(
        f"{server.url}/respond?s={round_.code}&lang=sv", viewport=PHONE, wait_for_text="Skicka"
    )
    assert page_language(page, expected="sv") == "sv"
    group = page.get_by_role("radiogroup", name="Vad tycker du om det här?")
    group.get_by_role("radio").first.wait_for()
    names = [r.get_attribute("value") for r in group.get_by_role("radio").all()]
    assert len(names) == 3
    for label in ("Mycket dåligt", "Helt okej", "Mycket bra"):
        assert group.get_by_role("radio", name=label).count() == 1
    screenshot(page, "respond-faces3-sv-phone")
    page.get_by_text("Mycket bra", exact=True).click()
    page.get_by_role("button", name="Skicka").click()
    page.get_by_text("Tack!").wait_for(timeout=30_000)
    assert stored_scores(server.db_path, round_.code) == [5]


def test_an_unknown_code_shows_a_friendly_page(server, open_page):
    page = open_page(
        f"{server.url}/respond?s=zzzzzzzz&lang=en", viewport=PHONE, wait_for_text="Survey not found"
    )
    assert page.get_by_role("heading", name="Survey not found").is_visible()
    assert "Traceback" not in page.content()
    screenshot(page, "respond-not-found-en-phone")


def test_the_overview_charts_the_sub_goals(server, open_page):
    make_user(server, "yhteenveto", role="admin")
    page = open_page(f"{server.url}/login", wait_for_text="Kirjautuminen")
    sign_in(page, server, "yhteenveto")
    wait_for_session_cookie(page)
    page.goto(f"{server.url}/overview")
    page.get_by_role("heading", name="Yhteenveto tavoitteittain").wait_for()
    page.locator('[data-testid="stTable"]').first.wait_for(timeout=30_000)
    screenshot(page, "overview-fi-tablet")


def test_the_rounds_page_shows_the_qr_code_and_offers_the_poster(server, open_page):
    make_user(server, "kierrokset", role="admin")
    round_ = open_round(server.db_path, action_id=first_action(server.db_path))
    page = open_page(f"{server.url}/login", wait_for_text="Kirjautuminen")
    sign_in(page, server, "kierrokset")
    wait_for_session_cookie(page)
    page.goto(f"{server.url}/rounds")
    page.get_by_role("heading", name="Palautekierrokset").wait_for()
    page.get_by_text(f"{server.url}/answer/{round_.code}", exact=True).wait_for()
    assert page.get_by_role("button", name="Lataa A4-juliste (PDF)").is_visible()
    assert page.get_by_role("img", name=re.compile("QR-koodi")).count() >= 1
    screenshot(page, "rounds-fi-tablet")
