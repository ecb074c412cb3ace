"""The featherweight answer page in real chromium: answering in every language stores each answer
once, with no JavaScript at all, small enough for a weak connection, and passing axe-core."""

import pytest

from feedback import rounds, settings, storage
from feedback.rounds.scales import Scale
from tests.support.accessibility import serious_violations
from tests.support.browser import ARTIFACTS, PHONE, TABLET
from tests.support.rounds import open_round
from tests.support.stores import stored_answers

pytestmark = pytest.mark.browser

QUESTION = {
    "fi": "Mitä mieltä olet tästä?",
    "sv": "Vad tycker du om det här?",
    "en": "What do you think of this?",
}
GOOD = {"fi": "Hyvä", "sv": "Bra", "en": "Good"}
SEND = {"fi": "Lähetä", "sv": "Skicka", "en": "Send"}
THANKS = {"fi": "Kiitos!", "sv": "Tack!", "en": "Thank you!"}


def stored(db_path, code):
    return stored_answers(db_path, code, "submission_id, question, score, channel")


def link(server, code, **how):
    """The round's printed link, on the test server."""
    return rounds.link(code, **how).replace(settings.base_url(), server.url)


def snap(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.both_stores
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_child_answers_through_the_featherweight_page_once_in_every_language(
    server, browser, lang
):
    round_ = open_round(server.db_path, action_id="kymenlaakso:kymsote-01")
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    sizes = []
    page.on("response", lambda r: sizes.append(int(r.headers.get("content-length") or 0)))
    page.goto(link(server, round_.code, lang=lang, channel="qr"))

    assert page.locator("html").get_attribute("lang") == lang
    faces = page.get_by_role("radiogroup", name=QUESTION[lang])
    assert faces.get_by_role("radio").count() == 5
    assert sum(sizes) < 150_000  # everything the phone downloads for the first screen
    snap(page, f"answer-page-{lang}-phone")
    page.get_by_role("button", name=SEND[lang]).click()  # nothing chosen: the browser says so
    assert stored(server.db_path, round_.code) == []

    faces.get_by_role("radio", name=GOOD[lang], exact=True).check()
    page.get_by_role("button", name=SEND[lang]).click()
    page.get_by_role("heading", name=THANKS[lang]).wait_for()
    snap(page, f"answer-page-{lang}-thanks")
    page.reload()  # the browser sends the same form again
    page.get_by_role("heading", name=THANKS[lang]).wait_for()
    context.close()

    rows = stored(server.db_path, round_.code)
    assert [(question, score, channel) for _, question, score, channel in rows] == [(0, 4, "qr")]


def test_a_quick_survey_for_several_groups_asks_the_group_first_and_passes_axe(server, browser):
    round_ = open_round(
        server.db_path,
        action_id="kymenlaakso:kymsote-01",
        audiences=("grades-1-3", "guardians"),
        extra_questions=("heard", "recommend"),
        follow_up=("friends", "fun"),
        free_text=True,
    )
    context = browser.new_context(viewport=TABLET, bypass_csp=True)  # to inject axe-core
    page = context.new_page()
    page.goto(link(server, round_.code, lang="en"))
    assert serious_violations(page) == []
    page.get_by_role("radio", name="Pupil in grades 1–3").check()
    page.get_by_role("button", name="Next").click()

    page.get_by_role("radiogroup").first.wait_for()
    assert serious_violations(page) == []
    snap(page, "answer-page-quick-round-tablet")
    groups = page.get_by_role("radiogroup")
    groups.nth(0).get_by_role("radio").nth(4).check()
    groups.nth(1).get_by_role("radio").nth(3).check()
    groups.nth(2).get_by_role("radio", name="10 – extremely likely").check()
    page.get_by_role("checkbox", name="Having fun").check()
    page.get_by_label("Do you want to tell us more? (optional)").fill("<b>Kiva</b> juttu")
    page.get_by_role("button", name="Send").click()
    page.get_by_role("heading", name="Thank you!").wait_for()
    context.close()

    rows = stored(server.db_path, round_.code)
    assert [(question, score) for _, question, score, _ in rows] == [(0, 5), (1, 4), (2, 10)]
    with storage.reading(server.db_path) as conn:
        round_id = conn.execute("SELECT id FROM rounds WHERE code = ?", [round_.code]).fetchone()
        assert conn.execute(
            "SELECT text FROM comments WHERE round_id = ?", round_id
        ).fetchall() == [("<b>Kiva</b> juttu",)]
        assert conn.execute(
            "SELECT choice FROM answer_choices WHERE round_id = ?", round_id
        ).fetchall() == [("fun",)]


@pytest.mark.parametrize("scale", [Scale.THUMBS, Scale.STARS, Scale.GRADE, Scale.NPS])
def test_every_scale_on_the_featherweight_page_passes_axe_on_a_phone(server, browser, scale):
    round_ = open_round(server.db_path, action_id="kymenlaakso:kymsote-01", scale=scale)
    context = browser.new_context(viewport=PHONE, bypass_csp=True)  # to inject axe-core
    page = context.new_page()
    page.goto(link(server, round_.code, lang="sv"))
    assert page.get_by_role("radio").count() == len(scale.values)
    assert serious_violations(page) == []
    snap(page, f"answer-page-{scale.value}-phone")
    context.close()


def test_a_keyboard_alone_answers_and_the_focus_is_visible(server, browser):
    round_ = open_round(server.db_path, action_id="kymenlaakso:kymsote-01")
    context = browser.new_context(viewport=TABLET, java_script_enabled=False)
    page = context.new_page()
    page.goto(link(server, round_.code, lang="en"))
    page.keyboard.press("Tab")  # into the faces
    page.keyboard.press("ArrowRight")  # a radio group moves and chooses with the arrows
    page.keyboard.press("ArrowRight")
    focused = page.locator(".choice:has(input:focus-visible)")
    assert focused.inner_text() == "Okay"
    assert focused.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    snap(page, "answer-page-keyboard-tablet")
    page.keyboard.press("Tab")  # on to Send
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Thank you!").wait_for()
    context.close()
    assert [(q, s) for _, q, s, _ in stored(server.db_path, round_.code)] == [(0, 3)]


def test_a_worried_child_is_shown_where_to_find_help_in_every_language_and_it_passes_axe(
    server, browser
):
    round_ = open_round(server.db_path, action_id="kymenlaakso:kymsote-01", free_text=True)
    worry = {"fi": "mua kiusataan joka päivä", "sv": "jag vill dö", "en": "my dad hits me"}
    help_heading = {
        "fi": "Onko sinulla paha olla?",
        "sv": "Mår du dåligt?",
        "en": "Do you feel bad?",
    }
    context = browser.new_context(viewport=PHONE, bypass_csp=True)  # to inject axe-core
    page = context.new_page()
    for lang in ("fi", "sv", "en"):
        page.goto(link(server, round_.code, lang=lang))
        page.get_by_role("radio", name=GOOD[lang], exact=True).check()
        page.get_by_role("textbox").fill(worry[lang])
        page.get_by_role("button", name=SEND[lang]).click()
        page.get_by_role("heading", name=THANKS[lang]).wait_for()
        helpline = page.get_by_role("region", name=help_heading[lang])
        assert helpline.get_by_role("link", name="116 111").get_attribute("href") == "tel:116111"
        assert helpline.get_by_role("link", name="112").is_visible()
        assert serious_violations(page) == []
        snap(page, f"answer-page-{lang}-help-phone")
    context.close()
    with storage.reading(server.db_path) as conn:
        assert sorted(c for (c,) in conn.execute("SELECT categories FROM safeguarding_alerts")) == [
            "bullying",
            "self_harm",
            "violence_home",
        ]


def test_own_questions_on_a_phone_a_screen_each_large_enough_pass_axe_and_are_stored(
    server, browser
):
    from feedback import i18n
    from tests.support.rounds import own_questions

    lang = "sv"  # the other languages' words are checked on the page without a browser
    next_, back = i18n.t("respond.next", lang), i18n.t("respond.back", lang)
    round_ = open_round(
        server.db_path,
        action_id="kymenlaakso:kymsote-01",
        audiences=("grades-4-6", "guardians"),
        own=own_questions(),
    )
    context = browser.new_context(viewport=PHONE, bypass_csp=True)  # to inject axe-core
    page = context.new_page()
    sizes = []
    page.on("response", lambda r: sizes.append(int(r.headers.get("content-length") or 0)))
    page.goto(link(server, round_.code, lang=lang))
    page.get_by_role("radio").nth(1).check()  # guardians: asked every own question
    page.get_by_role("button").first.click()
    page.get_by_text("Fråga 1 av 5").wait_for()
    page.get_by_role("radio").nth(4).check()
    page.get_by_role("button", name=next_).click()
    page.get_by_text("Fråga 2 av 5").wait_for()
    sizes.clear()
    page.get_by_role("button", name=next_).click()  # the scale is optional: left out
    group = page.get_by_role("radiogroup", name="Hur ofta går du?")
    group.wait_for()  # fieldset and legend: one group, on a screen of its own
    assert sum(sizes) < 150_000
    assert serious_violations(page) == []
    snap(page, f"answer-page-own-questions-{lang}-phone")
    assert page.locator("fieldset").count() == 1 and group.get_by_role("radio").count() == 3
    for target in [*page.locator("label.choice").all(), *page.get_by_role("button").all()]:
        box = target.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
    group.get_by_role("radio").nth(0).check()
    page.get_by_role("button", name=next_).click()
    page.get_by_text("Fråga 4 av 5").wait_for()
    page.get_by_role("button", name=next_).click()  # the required multiple choice missing
    page.locator(".alert").wait_for()
    snap(page, f"answer-page-own-questions-{lang}-missing")
    page.get_by_role("button", name=back).click()
    assert group.get_by_role("radio").nth(0).is_checked()  # kept going back
    page.get_by_role("button", name=next_).click()
    page.locator("fieldset.best").get_by_role("checkbox").nth(1).check()
    page.get_by_role("button", name=next_).click()
    page.get_by_role("button", name=SEND[lang]).click()
    page.get_by_role("heading", name=THANKS[lang]).wait_for()
    context.close()
    with storage.reading(server.db_path) as conn:
        assert conn.execute(
            "SELECT position, value FROM question_answers WHERE round_id = ? ORDER BY position",
            [round_.id],
        ).fetchall() == [(1, "weekly"), (2, "music")]
