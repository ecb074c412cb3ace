"""Hostile names in real chromium: markup, links and formulas in a plan, an action and a comment
are shown as the text they are, nothing runs, and no request leaves the machine."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml

from feedback import i18n, plans, storage
from feedback.rounds import changes, council, kiosk
from feedback.ui.escaping import WORD_JOINER
from tests.support.browser import PHONE, screenshot, settle, wait_for_session_cookie
from tests.support.rounds import answer, open_round
from tests.support.stores import MINI_PLAN
from tests.support.users import PASSWORD, make_user

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src="http://example.invalid/x.png" onerror="window.__pwned=1">'
LINK = "[click](javascript:window.__pwned=1)"
BOLD = "**bold**"
FORMULA = '=HYPERLINK("http://example.invalid","x")'

PLAN_NAME = f"Suunnitelma {BOLD} {SCRIPT}"
MAIN_GOAL = f"Päätavoite {LINK} {IMG}"
SUB_GOAL = f"Alatavoite {BOLD} {LINK} {FORMULA}"
ACTION = f"Toimenpide {SCRIPT} {IMG} {LINK} {BOLD} {FORMULA}"
ACTOR = f"Kaupunki {BOLD} {IMG}"
COMMENT = f"Kommentti {SCRIPT} {IMG} {LINK} {BOLD} {FORMULA}"
INDICATOR = f"Mittari {BOLD} {LINK} {IMG}"
YOU_SAID = f"Sanoitte {LINK} {SCRIPT}"
WE_DID = f"Teimme {IMG} {BOLD} {FORMULA}"
# At most 60 characters: a Markdown image that would load from elsewhere, and bold.
SUBJECT = f"Kerho ![k](http://example.invalid/s.png) {BOLD}"
KIOSK = f"Kioski ![k](http://example.invalid/k.png) {BOLD}"
PROPOSAL = f"Aloite {SCRIPT} {IMG} {LINK} {BOLD} {FORMULA}"
PROPOSAL_ANSWER = f"Vastaus {LINK} {IMG} {BOLD} {FORMULA}"


@pytest.fixture(scope="module")
def hostile(server, tmp_path_factory):
    """A plan (its own id and actors, so other tests' data is untouched) whose names are
    payloads, an open round on its action, and enough answers for its comment to be shown."""
    plan = yaml.safe_load(MINI_PLAN)
    plan["id"] = "x-hostile"
    plan["name"] = {"fi": PLAN_NAME}
    plan["actors"][0]["name"] = ACTOR
    plan["main_goals"][0]["title"] = {"fi": MAIN_GOAL}
    plan["main_goals"][0]["sub_goals"][0]["title"] = {"fi": SUB_GOAL}
    plan["main_goals"][0]["sub_goals"][0]["actions"][0]["text"] = {"fi": ACTION}
    plan["indicators"][0]["name"] = INDICATOR
    path = tmp_path_factory.mktemp("hostile") / "x-hostile.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    plans.import_file(server.db_path, path)
    round_ = open_round(
        server.db_path,
        action_id="x-hostile:a1",
        free_text=True,
        title=f"Kierros {IMG}",
        subjects={"fi": SUBJECT, "sv": SUBJECT, "en": SUBJECT},
    )
    changes.record(
        server.db_path,
        action_id="x-hostile:a1",
        you_said=YOU_SAID,
        we_did=WE_DID,
        status="done",
        language="fi",
    )
    # Comments show only for rounds with at least k (10) answers.
    answer(server.db_path, round_, *[5] * 12, comment=COMMENT)
    make_user(server, "vihamielinen", role="staff", actors=("x-hostile:hamina",))
    return round_


class Watched:
    """A browser context whose every request, web socket and dialog is written down."""

    def __init__(self, browser, *, viewport):
        self.context = browser.new_context(viewport=viewport)
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.on("dialog", self._dialog)
        self.page = self.context.new_page()
        self.page.on("websocket", lambda socket: self.requests.append(socket.url))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str, *, wait_for: str) -> None:
        self.page.goto(url)
        self.page.get_by_text(wait_for).first.wait_for(timeout=30_000)
        settle(self.page)
        self.page.wait_for_timeout(500)  # time for an injected handler or image to fire

    def sign_in(self, url: str, username: str) -> None:
        self.page.goto(f"{url}/login")
        self.page.get_by_label("Käyttäjätunnus").fill(username)
        self.page.get_by_label("Salasana").fill(PASSWORD)
        self.page.get_by_role("button", name="Kirjaudu").click()
        wait_for_session_cookie(self.page)

    def assert_nothing_ran_or_left(self) -> None:
        page = self.page
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert self.dialogs == []
        assert page.locator("script", has_text="__pwned").count() == 0
        assert page.locator('img[src*="example.invalid"], [onerror]').count() == 0
        assert page.locator('a[href^="javascript:" i], a[href*="example.invalid"]').count() == 0
        # "**bold**" rendered is a strong holding just "bold" (the page's own bold may hold
        # the literal text around it, as a kiosk's name in its row).
        rendered = page.locator("strong").filter(has_text=re.compile(r"^\s*bold\s*$"))
        assert rendered.count() == 0, "Markdown was rendered"
        away = [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob")
            and urlsplit(url).hostname != "127.0.0.1"
        ]
        assert away == []

    def visible_text(self) -> str:
        """The page's text as a person reads it (word joiners are invisible)."""
        return self.page.locator("body").inner_text().replace(WORD_JOINER, "")


@pytest.fixture
def watched(browser):
    opened = []

    def make(viewport=PHONE):
        opened.append(Watched(browser, viewport=viewport))
        return opened[-1]

    yield make
    for one in opened:
        one.context.close()


def open_what_this_is_about(page) -> None:
    """The action's own text is behind "Mistä tässä on kyse?" (issue #18): open it."""
    page.get_by_text("Mistä tässä on kyse?").first.click()
    page.get_by_text("Toimenpide", exact=False).first.wait_for(timeout=30_000)


def test_a_child_sees_the_action_text_literally_and_nothing_runs(server, hostile, watched):
    child = watched()
    child.open(f"{server.url}/respond?s={hostile.code}", wait_for="Tosi hyvä")
    open_what_this_is_about(child.page)
    assert ACTION in child.visible_text()
    child.assert_nothing_ran_or_left()
    screenshot(child.page, "hostile-respond-fi-phone")

    # A child types the payloads as a comment: they are sent and stored as typed, and run nowhere.
    child.page.get_by_text("Tosi hyvä", exact=True).click()
    child.page.get_by_role("button", name="Seuraava").click()
    child.page.get_by_label("Haluatko kertoa lisää? (vapaaehtoinen)").fill(COMMENT)
    child.page.get_by_role("button", name="Lähetä").click()
    child.page.get_by_text("Kiitos!").wait_for(timeout=30_000)
    child.assert_nothing_ran_or_left()
    with storage.reading(server.db_path) as conn:
        stored = conn.execute(
            "SELECT c.text FROM comments c JOIN rounds s ON s.id = c.round_id WHERE s.code = ?",
            [hostile.code],
        ).fetchall()
    assert stored == [(COMMENT,), (COMMENT,)]


@pytest.mark.both_stores
def test_the_featherweight_page_shows_the_action_literally_and_stores_the_comment_as_typed(
    server, hostile, watched
):
    def stored_as_typed():
        with storage.reading(server.db_path) as conn:
            return conn.execute(
                "SELECT count(*) FROM comments c JOIN rounds s ON s.id = c.round_id "
                "WHERE s.code = ? AND c.text = ?",
                [hostile.code, COMMENT],
            ).fetchone()[0]

    before = stored_as_typed()
    child = watched()
    child.open(f"{server.url}/answer/{hostile.code}", wait_for="Tosi hyvä")
    open_what_this_is_about(child.page)
    assert ACTION in child.visible_text()
    child.assert_nothing_ran_or_left()
    child.page.get_by_text("Tosi hyvä", exact=True).click()
    child.page.get_by_label("Haluatko kertoa lisää? (vapaaehtoinen)").fill(COMMENT)
    child.page.get_by_role("button", name="Lähetä").click()
    child.page.get_by_role("heading", name="Kiitos!").wait_for(timeout=30_000)
    child.assert_nothing_ran_or_left()
    assert stored_as_typed() == before + 1


def test_the_public_results_page_shows_the_subject_and_action_literally(server, hostile, watched):
    reader = watched()
    reader.open(f"{server.url}/results?s={hostile.code}", wait_for="Mitä vastasitte")
    assert SUBJECT in reader.visible_text()
    assert ACTION in reader.visible_text()
    assert YOU_SAID in reader.visible_text() and WE_DID in reader.visible_text()
    reader.assert_nothing_ran_or_left()


def test_staff_see_names_and_the_comment_literally_and_nothing_runs(server, hostile, watched):
    staff = watched({"width": 1280, "height": 900})
    staff.sign_in(server.url, "vihamielinen")

    staff.open(f"{server.url}/comments", wait_for="Kommentti")
    assert COMMENT in staff.visible_text()
    staff.assert_nothing_ran_or_left()
    screenshot(staff.page, "hostile-comments-fi-desktop")

    staff.open(f"{server.url}/overview?section=sub_goals", wait_for="Yhteenveto tavoitteittain")
    picked = staff.page.get_by_role("combobox", name="Suunnitelma").input_value()
    assert picked == f"{PLAN_NAME} 2021–2025"
    sub_goal = staff.page.get_by_role("combobox", name="Välitavoite").input_value()
    assert sub_goal.startswith(f"1. {SUB_GOAL} · ")  # the chosen sub-goal's details
    # The indicators are a data grid: its cells hold the name as the text it is.
    cell = staff.page.locator("[role=gridcell]", has_text="Mittari").first
    cell.wait_for(state="attached", timeout=30_000)
    assert cell.text_content() == f"1. {INDICATOR}"
    staff.assert_nothing_ran_or_left()
    screenshot(staff.page, "hostile-overview-fi-desktop")

    staff.open(f"{server.url}/rounds", wait_for=hostile.code)
    staff.page.get_by_text("Uusi palautekierros").click()
    picker = staff.page.get_by_role("combobox", name="Toimenpide")
    assert picker.input_value() == f"x-hostile:a1 · {ACTION[:90]}"
    staff.assert_nothing_ran_or_left()


def test_the_youth_councils_proposal_and_a_kiosks_label_are_shown_literally(
    server, hostile, watched
):
    """The texts typed on the council page, answered on /comments and given to a kiosk on
    /rounds, as staff and the council see them."""
    council_round = open_round(
        server.db_path, action_id="x-hostile:a1", audiences=("youth-council",)
    )
    make_user(server, "nuva-vihamielinen", role="council")
    council.submit(
        server.db_path,
        username="nuva-vihamielinen",
        plan_id="x-hostile",
        ratings=[council.Rating(council_round.code, 5, "", PROPOSAL)],
        self_scores={question: 4 for question in council.SELF_QUESTIONS},
    )
    [proposal] = council.proposals(server.db_path, "x-hostile")
    council.answer_proposal(server.db_path, proposal.id, status="done", answer=PROPOSAL_ANSWER)
    for round_ in (hostile, council_round):  # whichever /rounds shows first
        kiosk.enrol(
            server.db_path, round_.code, label=KIOSK, enrolled_by="x", key=server.cookie_key
        )

    staff = watched({"width": 1280, "height": 900})
    staff.sign_in(server.url, "vihamielinen")
    staff.open(f"{server.url}/comments", wait_for="Aloitteet ja vastaukset")
    assert PROPOSAL in staff.visible_text() and PROPOSAL_ANSWER in staff.visible_text()
    staff.assert_nothing_ran_or_left()
    staff.open(f"{server.url}/rounds", wait_for="Yhteiskäyttöiset tabletit (kioskit)")
    staff.page.get_by_text("Yhteiskäyttöiset tabletit (kioskit)").click()
    staff.page.get_by_text("Kioski", exact=False).first.wait_for(timeout=30_000)
    assert KIOSK in staff.visible_text()
    staff.assert_nothing_ran_or_left()

    member = watched()
    member.sign_in(server.url, "nuva-vihamielinen")
    member.open(f"{server.url}/council?plan=x-hostile", wait_for="Aloitteet ja vastaukset")
    assert PROPOSAL in member.visible_text() and PROPOSAL_ANSWER in member.visible_text()
    member.assert_nothing_ran_or_left()
    screenshot(member.page, "hostile-council-fi-phone")


def test_an_admin_sees_the_hostile_plan_literally_on_every_staff_page(server, hostile, watched):
    make_user(server, "yllapito-vihamielinen", role="admin")
    admin = watched({"width": 1280, "height": 900})
    admin.sign_in(server.url, "yllapito-vihamielinen")
    for path, title in (
        ("/plans?plan=x-hostile", "plans.title"),
        ("/overview?plan=x-hostile", "overview.title"),
        ("/follow_up?plan=x-hostile", "followup.title"),
        ("/rounds?plan=x-hostile", "rounds.title"),
        ("/entry?plan=x-hostile", "entry.title"),
        ("/comments?plan=x-hostile", "comments.title"),
        ("/", "app.name"),
        (f"/results?s={hostile.code}&lang=sv", "results.title"),
    ):
        admin.open(f"{server.url}{path}", wait_for=i18n.t(title, "sv" if "sv" in path else "fi"))
        admin.assert_nothing_ran_or_left()


@pytest.mark.parametrize(
    ("path", "wait_for"),
    [
        ("/accessibility", "Saavutettavuuden tila"),
        ("/privacy", "Lapsille"),
        ("/privacy?for=staff", "Seloste käsittelytoimista"),
    ],
)
def test_the_statement_and_the_privacy_notices_fetch_nothing_from_outside(
    server, watched, path, wait_for
):
    reader = watched()
    reader.open(f"{server.url}{path}", wait_for=wait_for)
    reader.assert_nothing_ran_or_left()
