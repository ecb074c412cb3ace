"""Answering for every child, in real chromium: every scale and language passes axe-core, a
keyboard alone can answer, targets are large, and the kiosk resets itself safely."""

import re

import pytest

from feedback import storage
from feedback.rounds import kiosk as kiosks
from feedback.rounds.scales import Scale
from tests.support.accessibility import serious_violations
from tests.support.browser import (
    PHONE,
    TABLET,
    enrolment_link,
    in_kiosk_mode,
    kiosk_cookie,
    screenshot,
    settle,
)
from tests.support.rounds import open_round
from tests.support.stores import stored_answers

pytestmark = pytest.mark.browser

SEND = {"fi": "Lähetä", "sv": "Skicka", "en": "Send"}
NEXT = {"fi": "Seuraava", "sv": "Nästa", "en": "Next"}


def action(db_path):
    with storage.reading(db_path) as conn:
        return conn.execute("SELECT id FROM actions ORDER BY id LIMIT 1").fetchone()[0]


def rows(db_path, code):
    return stored_answers(db_path, code, "question, score, channel, flagged")


def chosen_faces(page):
    question = page.get_by_role("radiogroup", name="Mitä mieltä olet tästä?")
    return question.get_by_role("radio", checked=True)


def show_round(
    server, open_page, round_, *, lang="fi", viewport=TABLET, extra="", clock=False, kiosk=False
):
    """The round's page; with `kiosk`, on a tablet enrolled as the round's kiosk first."""
    url = f"{server.url}/respond?s={round_.code}&lang={lang}{extra}"
    shown = NEXT[lang] if len(round_.steps) > 1 else SEND[lang]
    if kiosk:
        page = open_page(enrolment_link(server, round_.code), viewport=viewport, clock=clock)
        page.wait_for_url(re.compile(rf"/respond\?s={round_.code}$"), timeout=30_000)
        page.goto(url)
        page.get_by_text(shown).first.wait_for(timeout=30_000)
    else:
        page = open_page(url, viewport=viewport, wait_for_text=shown, clock=clock)
    page.get_by_role("radio").first.wait_for()
    settle(page)
    return page


@pytest.mark.parametrize(
    ("scale", "lang"),
    [
        (Scale.FACES5, "fi"),
        (Scale.FACES5, "sv"),
        (Scale.FACES5, "en"),
        (Scale.FACES3, "sv"),
        (Scale.THUMBS, "en"),
        (Scale.STARS, "fi"),
        (Scale.GRADE, "sv"),
        (Scale.NPS, "en"),
    ],
)
def test_every_scale_and_language_passes_axe_with_large_targets(server, open_page, scale, lang):
    round_ = open_round(server.db_path, action_id=action(server.db_path), scale=scale)
    page = show_round(server, open_page, round_, lang=lang, viewport=PHONE)
    assert page.evaluate("document.documentElement.lang") == lang
    assert serious_violations(page) == []
    # The same page turned to a tablet's size: the layout follows the width, a reload would
    # only cost the suite a second.
    for viewport, size in ((PHONE, "phone"), (TABLET, "tablet")):
        page.set_viewport_size(viewport)
        page.wait_for_function(f"innerWidth === {viewport['width']}")
        options = page.locator('label[data-testid="stRadioOption"]')
        assert options.count() == len(scale.values)
        for box in (options.nth(i).bounding_box() for i in range(options.count())):
            assert box["width"] >= 44 and box["height"] >= 44, box
        send = page.get_by_role("button", name=SEND[lang]).bounding_box()
        assert send["width"] >= 44 and send["height"] >= 44
        screenshot(page, f"scale-{scale}-{lang}-{size}")


def test_every_screen_of_a_quick_survey_passes_axe(server, open_page):
    round_ = open_round(
        server.db_path,
        action_id=action(server.db_path),
        audiences=("grades-4-6", "guardians"),
        extra_questions=("heard",),
        follow_up=("friends", "fun", "food"),
        free_text=True,
    )
    page = show_round(server, open_page, round_, viewport=PHONE)
    screens = []
    for choose in ("4.–6. luokkalainen", "Hyvä", "Hyvä", None, None):
        settle(page)
        assert serious_violations(page) == [], f"screen {len(screens) + 1}"
        screens.append(screenshot(page, f"quick-round-step{len(screens) + 1}-phone"))
        if choose:
            page.get_by_role("radio", name=choose, exact=True).check(force=True)
        if len(screens) == 4:
            page.get_by_role("button", name="Kaverit").click()
        if len(screens) == 5:
            page.get_by_label("Haluatko kertoa lisää? (vapaaehtoinen)").fill("Kiva!")
            page.get_by_role("button", name="Lähetä").click()
        else:
            page.get_by_role("button", name="Seuraava").click()
            page.get_by_text(f"Kysymys {len(screens) + 1}/5").wait_for()
    page.get_by_text("Kiitos!").wait_for()
    settle(page)
    assert serious_violations(page) == []
    screenshot(page, "quick-round-thanks-phone")
    assert [(q, s) for q, s, _, _ in rows(server.db_path, round_.code)] == [(0, 4), (1, 4)]


def test_an_xlsform_field_list_group_is_one_screen_that_passes_axe(server, open_page):
    from dataclasses import replace

    from tests.support.rounds import own_questions

    safe, _, liked, wish = own_questions()
    together = (replace(safe, screen=1), replace(liked, screen=1), wish)
    round_ = open_round(
        server.db_path, action_id=action(server.db_path), audiences=("grades-4-6",), own=together
    )
    page = show_round(server, open_page, round_, lang="en", viewport=PHONE)
    page.get_by_role("radio", name="Good", exact=True).check(force=True)
    page.get_by_role("button", name="Next").click()
    page.get_by_text("Question 2 of 3").wait_for()
    safe_faces = page.get_by_role("radiogroup", name="Did you feel safe?")
    safe_faces.get_by_role("radio").first.wait_for()
    # The multiple choice on the same screen, its choices a group named by the question (a
    # screen reader says "What did you like?, toolbar"), each a toggle that says if it is on.
    liked = page.get_by_role("toolbar", name="What did you like?")
    liked_pills = liked.get_by_role("button", name=re.compile("^(Games|Music|Snacks)$"))
    assert liked_pills.count() == 3
    assert {liked_pills.nth(i).get_attribute("aria-pressed") for i in range(3)} == {"false"}
    for box in (liked_pills.nth(i).bounding_box() for i in range(3)):
        assert box["width"] >= 44 and box["height"] >= 44, box
    # Each staff-chosen emoji shows before its label, out of the accessible name.
    icons = [
        liked_pills.nth(i).locator("p").evaluate("p => getComputedStyle(p, '::before').content")
        for i in range(3)
    ]
    assert icons == ['"🎲 " / ""', '"🎵 " / ""', '"🍎 " / ""']
    settle(page)
    assert serious_violations(page) == []
    screenshot(page, "own-questions-together-en-phone")
    page.set_viewport_size(TABLET)
    screenshot(page, "own-questions-together-en-tablet")
    safe_faces.get_by_role("radio", name="Good", exact=True).check(force=True)
    page.get_by_role("button", name="Next").click()  # the required choice left out: named
    page.get_by_text("What did you like?: First choose one option.").wait_for()
    page.get_by_role("button", name="Music").click()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("What do you wish for?").fill("More music")
    page.get_by_role("button", name="Send").click()
    page.get_by_text("Thank you!").wait_for()
    with storage.reading(server.db_path) as conn:
        assert conn.execute(
            "SELECT position, value FROM question_answers WHERE round_id = ? ORDER BY position",
            [round_.id],
        ).fetchall() == [(0, "4"), (1, "music")]


def test_a_keyboard_alone_can_answer(server, open_page):
    round_ = open_round(server.db_path, action_id=action(server.db_path))
    page = show_round(server, open_page, round_)
    # Tab into the group of faces, choose with the arrow keys, Tab to Send, press Enter.
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "radio":
            break
    focused = page.evaluate("document.activeElement.closest('[role=radiogroup]').ariaLabel")
    assert focused == "Mitä mieltä olet tästä?"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    outline = page.evaluate(
        "getComputedStyle(document.activeElement.closest('label')).outlineStyle"
    )
    assert outline == "solid", "the focused face shows a visible focus ring"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.innerText") == "Lähetä"
    page.keyboard.press("Enter")
    page.get_by_text("Kiitos!").wait_for()
    assert [s for _, s, _, _ in rows(server.db_path, round_.code)] == [4]


def test_the_saved_message_is_announced(server, open_page):
    round_ = open_round(server.db_path, action_id=action(server.db_path))
    page = show_round(server, open_page, round_)
    page.get_by_text("Tosi hyvä", exact=True).click()
    page.get_by_role("button", name="Lähetä").click()
    page.get_by_text("Kiitos!").wait_for()
    live = page.locator("[role=alert], [role=status], [aria-live]").filter(
        has_text=re.compile("tallennettu")
    )
    live.first.wait_for()
    assert live.count() >= 1


def test_the_kiosk_warns_before_it_resets_and_then_starts_over(server, open_page):
    round_ = open_round(server.db_path, action_id=action(server.db_path))
    page = show_round(server, open_page, round_, clock=True, kiosk=True)
    cookie = kiosk_cookie(page.context)
    assert (cookie["httpOnly"], cookie["sameSite"]) == (True, "Strict")
    assert page.locator('header[data-testid="stHeader"]').is_hidden()
    assert page.get_by_role("link").filter(has_text=re.compile("Henkilöstö|overview")).count() == 0
    page.get_by_text("Ihan ok", exact=True).click()
    # 90 s idle resets; the warning comes 25 s ahead (at least 20 s is required).
    page.clock.fast_forward(66_000)
    warning = page.get_by_role("alertdialog", name="Oletko vielä siinä?")
    warning.wait_for()
    screenshot(page, "kiosk-warning-tablet")
    assert serious_violations(page) == []
    assert "sekunnin kuluttua" in warning.inner_text()
    page.get_by_role("button", name="Jatka").click()
    assert warning.is_hidden()
    assert page.get_by_role("radio", name="Ihan ok").is_checked(), "continuing keeps the answer"
    page.clock.fast_forward(91_000)
    page.wait_for_load_state()
    page.get_by_role("radio").first.wait_for()
    settle(page)
    assert not page.get_by_role("radio", name="Ihan ok").is_checked()
    assert rows(server.db_path, round_.code) == []


@pytest.mark.both_stores
def test_kiosk_answers_reset_for_the_next_child_and_too_fast_ones_are_flagged(server, open_page):
    round_ = open_round(server.db_path, action_id=action(server.db_path))
    page = show_round(server, open_page, round_, clock=True, kiosk=True)
    for face in ("Hyvä", "Tosi huono"):
        page.get_by_text(face, exact=True).click()
        page.get_by_role("button", name="Lähetä").click()
        page.get_by_text("Kiitos!").wait_for()
        page.wait_for_function("window.__kioskThanks === true")
        page.clock.fast_forward(6_000)  # the thank-you stays 5 s
        page.get_by_role("radio").first.wait_for()
        settle(page)
        assert chosen_faces(page).count() == 0, "no earlier answer shows"
    # Back leaves the kiosk page (the resets replaced history); forward shows a fresh screen.
    page.go_back()
    assert chosen_faces(page).count() == 0
    page.go_forward()
    page.get_by_role("radio").first.wait_for()
    settle(page)
    assert chosen_faces(page).count() == 0
    assert rows(server.db_path, round_.code) == [(0, 1, "kiosk", 1), (0, 4, "kiosk", 0)]
    assert [k.flagged for k in kiosks.list_kiosks(server.db_path, code=round_.code)] == [1]


def test_a_link_that_says_kiosk_is_no_kiosk_and_a_revoked_tablet_no_longer_one(server, open_page):
    round_ = open_round(server.db_path, action_id=action(server.db_path))
    page = show_round(server, open_page, round_, extra="&kiosk=1")
    assert not in_kiosk_mode(page)
    page = show_round(server, open_page, round_, kiosk=True)
    assert in_kiosk_mode(page)
    [enrolled] = kiosks.list_kiosks(server.db_path, code=round_.code)
    kiosks.revoke(server.db_path, enrolled.id)
    page.reload()
    page.get_by_role("radio").first.wait_for()
    settle(page)
    assert not in_kiosk_mode(page)
    page.get_by_text("Hyvä", exact=True).click()
    page.get_by_role("button", name="Lähetä").click()
    page.get_by_text("Kiitos!").wait_for()
    assert rows(server.db_path, round_.code) == [(0, 4, "link", 0)]
