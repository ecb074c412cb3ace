"""A child's round in Ukrainian and Arabic on a 360×640 phone: the page's language and direction,
the draft notice, the faces from worst to best as the child reads, no sideways scroll (axe-core
measures these pages in test_legal_browser.py)."""

from itertools import pairwise

import pytest

from feedback import i18n, rounds, settings
from tests.support.browser import ARTIFACTS
from tests.support.rounds import open_round

pytestmark = pytest.mark.browser

SMALL_PHONE = {"width": 360, "height": 640}


def test_a_child_reads_the_round_in_ukrainian_and_in_arabic(server, browser):
    round_ = open_round(
        server.db_path,
        action_id="kymenlaakso:kymsote-01",
        languages=("fi", "uk", "ar"),
        extra_questions=("heard",),
    )
    context = browser.new_context(viewport=SMALL_PHONE)
    page = context.new_page()
    for lang, direction in (("uk", "ltr"), ("ar", "rtl")):
        link = rounds.link(round_.code, lang=lang, channel="qr")
        page.goto(link.replace(settings.base_url(), server.url))
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("html").get_attribute("dir") == direction
        assert page.get_by_text(i18n.t("language.draft", lang)).is_visible()
        first = page.get_by_role("radiogroup").first
        worst, best = (
            first.get_by_role("radio", name=i18n.t(f"face.{v}", lang), exact=True)
            .locator("..")
            .bounding_box()["x"]
            for v in (1, 5)
        )
        assert (worst > best) == (direction == "rtl")  # worst first where the child starts
        labels = sorted(
            (box["x"], box["x"] + box["width"])
            for box in (label.bounding_box() for label in first.locator(".label").all())
        )
        assert all(end <= start for (_, end), (start, _) in pairwise(labels)), labels
        assert page.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["width"]
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"answer-page-{lang}-360x640.png"))
    context.close()
