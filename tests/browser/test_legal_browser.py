"""The accessibility statement and the privacy notice in real chromium: every page of the service
in every language passes axe-core (and, with FEEDBACK_RECORD_ACCESSIBILITY=1, the results are
written to data/accessibility.json, which the statement shows); every kind of page ends with the
two links, and one tap on a respondent screen reaches the privacy notice and back."""

from __future__ import annotations

import os
import re
from datetime import date

import pytest

from feedback import accessibility, i18n
from tests.support.accessibility import axe_results, serious_violations
from tests.support.browser import (
    TABLET,
    enrol_kiosk,
    enrolment_link,
    screenshot,
    settle,
    sign_in,
    wait_for_session_cookie,
)
from tests.support.pages import SIGNED_IN_PAGES
from tests.support.rounds import answer, open_round
from tests.support.users import make_user

pytestmark = pytest.mark.browser

RECORD = os.environ.get("FEEDBACK_RECORD_ACCESSIBILITY") == "1"
SIZES = {"tablet": TABLET, "phone": {"width": 390, "height": 844}}
# Who looks at a page that needs a sign-in.
USERS = {"council": "seloste-nuva"}
#: Who looks at the kiosk page: a tablet enrolled as the round's kiosk.
KIOSK = "(kiosk)"


@pytest.fixture(scope="module")
def round_code(server):
    """A round with every kind of question, answered often enough that its figures show."""
    made = open_round(
        server.db_path,
        action_id="kymenlaakso:hamina-03",
        languages=i18n.ROUND_LANGUAGES,  # Ukrainian and Arabic too, measured on its pages
        follow_up=("friends", "fun"),
        free_text=True,
    )
    answer(server.db_path, made, *[4] * 6, *[5] * 6, comment="Lisää pelejä")
    open_round(server.db_path, action_id="kymenlaakso:hamina-04", audiences=("youth-council",))
    make_user(server, "seloste-admin", role="admin")
    make_user(server, "seloste-nuva", role="council", actors=("kymenlaakso:hamina",))
    return made.code


@pytest.fixture(scope="module")
def pages_of(server, browser, round_code):
    """One page per user (None: signed out), kept for every page and language."""
    opened = {}

    def page_of(username: str | None):
        if username not in opened:
            context = browser.new_context(viewport=TABLET, bypass_csp=True)  # to inject axe
            page = context.new_page()
            if username == KIOSK:
                enrol_kiosk(page, server, round_code)
            elif username:
                sign_in(page, server, username)
                wait_for_session_cookie(page)
            opened[username] = page
        return opened[username]

    yield page_of
    for page in opened.values():
        page.context.close()


def footer_link(page, key: str, lang: str):
    return page.get_by_role("link", name=i18n.t(key, lang), exact=True)


def wait_until_drawn(page, lang: str) -> None:
    """Every page ends with the footer: once its link is there (and Streamlit has finished),
    the page is drawn."""
    footer_link(page, "footer.privacy", lang).first.wait_for(timeout=30_000)
    if page.locator("[data-testid='stApp']").count():
        settle(page)


@pytest.mark.parametrize(("path", "lang"), accessibility.MEASURED)
def test_every_page_passes_axe_core_in_every_language(server, pages_of, round_code, path, lang):
    name = path.split("?")[0].strip("/").split("/")[0]
    username = USERS.get(name, "seloste-admin") if name in SIGNED_IN_PAGES else None
    page = pages_of(KIOSK if path == accessibility.KIOSK_PAGE else username)
    typed = path.removesuffix(" (kiosk)")
    joiner = "&" if "?" in typed else "?"
    page.goto(f"{server.url}{typed.replace('CODE', round_code)}{joiner}lang={lang}")
    wait_until_drawn(page, lang)
    result = axe_results(page)
    if RECORD:
        measured = accessibility.result_of(path, lang, result, today=date.today())
        accessibility.record(measured, axe_version=result["testEngine"]["version"])
    assert serious_violations(page, result) == [], f"{path} in {lang}"


@pytest.mark.parametrize(
    ("kind", "path", "username", "staff"),
    [
        ("staff page", "/rounds", "seloste-admin", True),
        ("streamlit respondent page", "/respond?s=CODE", None, False),
        ("kiosk", "/respond?s=CODE", KIOSK, False),
        ("featherweight answer page", "/answer/CODE", None, False),
        ("thank-you of the answer page", "/answer/unknown-code", None, False),
    ],
)
def test_every_kind_of_page_ends_with_the_statement_and_the_privacy_links(
    server, pages_of, round_code, kind, path, username, staff
):
    page = pages_of(username)
    joiner = "&" if "?" in path else "?"
    page.goto(f"{server.url}{path.replace('CODE', round_code)}{joiner}lang=sv")
    wait_until_drawn(page, "sv")
    statement = footer_link(page, "footer.accessibility", "sv")
    privacy = footer_link(page, "footer.privacy", "sv")
    # Streamlit's links are relative to the app's root, the answer page's absolute.
    assert re.fullmatch(r"/?accessibility\?lang=sv", statement.get_attribute("href")), kind
    href = privacy.get_attribute("href")
    assert re.match(r"/?privacy\?", href) and "lang=sv" in href, kind
    assert ("for=staff" in href) == staff, kind


def test_one_tap_on_the_kiosk_reaches_the_privacy_notice_and_one_tap_goes_back(
    server, pages_of, round_code
):
    page = pages_of(KIOSK)
    page.goto(f"{server.url}/respond?s={round_code}&lang=en")
    wait_until_drawn(page, "en")
    footer_link(page, "footer.privacy", "en").click()
    page.get_by_role("heading", name="For children").wait_for()
    assert re.search(r"/privacy\?", page.url)
    page.get_by_text("Nobody sees what you yourself answered.").wait_for()
    page.get_by_role("link", name=re.compile("Back to answering")).click()
    # The page's language switch is a radio group too: wait for the round's page first.
    page.wait_for_url(re.compile(rf"/respond\?.*s={round_code}"), timeout=30_000)
    page.get_by_role("radiogroup").first.wait_for(timeout=30_000)
    page.wait_for_function("window.__kioskInstalled === true")  # still the kiosk


def test_one_tap_on_the_answer_page_reaches_the_privacy_notice_with_its_language(
    server, pages_of, round_code
):
    page = pages_of(None)
    page.goto(f"{server.url}/answer/{round_code}?lang=fi")
    footer_link(page, "footer.privacy", "fi").click()
    page.get_by_role("heading", name="Lapsille").wait_for(timeout=30_000)
    page.get_by_role("heading", name="Nuorille ja perheille").wait_for()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "path", ["/accessibility", "/privacy", "/privacy?for=staff", "/answer/CODE"]
)
def test_the_pages_to_look_at_on_a_phone_and_a_tablet(server, pages_of, round_code, path, size):
    page = pages_of(None)
    page.set_viewport_size(SIZES[size])
    joiner = "&" if "?" in path else "?"
    page.goto(f"{server.url}{path.replace('CODE', round_code)}{joiner}lang=fi")
    wait_until_drawn(page, "fi")
    scrolls = page.evaluate("document.documentElement.scrollWidth > innerWidth")
    if page.locator("[data-testid='stMain']").count():
        height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        page.set_viewport_size({"width": SIZES[size]["width"], "height": max(height, 844)})
    name = re.sub(r"\W+", "-", path.replace("CODE", "round")).strip("-")
    screenshot(page, f"legal-{name}-{size}")
    page.set_viewport_size(TABLET)
    assert not scrolls, f"{path} scrolls sideways at {size}"


def test_a_kiosk_left_on_the_privacy_notice_starts_over_by_itself(server, open_page, round_code):
    page = open_page(enrolment_link(server, round_code), clock=True)
    page.goto(f"{server.url}/respond?s={round_code}&lang=fi")
    page.get_by_text(i18n.t("footer.privacy", "fi")).first.wait_for(timeout=30_000)
    settle(page)
    footer_link(page, "footer.privacy", "fi").click()
    page.get_by_role("heading", name="Lapsille").wait_for()
    page.clock.fast_forward(91_000)  # nobody touches it: the kiosk's idle reset
    page.wait_for_url(re.compile(rf"/respond\?.*s={round_code}"), timeout=30_000)
    page.get_by_role("radiogroup").first.wait_for(timeout=30_000)
    page.wait_for_function("window.__kioskInstalled === true")
