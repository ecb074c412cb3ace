"""What a child sees first, in real chromium at a phone's 360×640 and a tablet's 1024×768, on both
answer pages and in Finnish and Swedish: the round's subject and the question at the top, faces
as large as the screen allows, Send on the first screen without scrolling, the action's own text
only behind "What is this about?", and nothing axe-core calls serious (issue #18).

Each case saves a screenshot of the first screen (tests/browser/artifacts/subject-*.png) and
its figures (subject-figures.json), for the closing note and for a person to look at."""

import json

import pytest

from feedback import rounds, settings
from tests.support.accessibility import serious_violations
from tests.support.browser import ARTIFACTS, screenshot, settle, signed_in_page
from tests.support.rounds import round_before_subjects
from tests.support.users import make_user

pytestmark = pytest.mark.browser

ACTION = "kymenlaakso:kymsote-01"
SMALL_PHONE = {"width": 360, "height": 640}
TABLET = {"width": 1024, "height": 768}
PHONE_TALL = {"width": 390, "height": 844}
SUBJECTS = {"fi": "Nuorisotalon kerho", "sv": "Ungdomsgårdens klubb"}
QUESTION = {"fi": "Mitä mieltä olet tästä?", "sv": "Vad tycker du om det här?"}
SEND = {"fi": "Lähetä", "sv": "Skicka"}
WHAT = {"fi": "Mistä tässä on kyse?", "sv": "Vad handlar det om?"}
#: The smallest face each screen must show (CSS pixels): the issue's figures.
LEAST_FACE = {"phone": 64, "tablet": 96}
FIGURES = ARTIFACTS / "subject-figures.json"

#: Each face's drawn size: the picture of the featherweight page, the `::before` of Streamlit's.
MEASURE = """([kind, send]) => {
  const faces = kind === 'answer'
    ? [...document.querySelectorAll('.pictures .picture')].map(e => e.getBoundingClientRect())
    : [...document.querySelectorAll('label[data-testid="stRadioOption"]')].map(label => {
        const box = label.getBoundingClientRect();
        const before = getComputedStyle(label, '::before');
        return {width: parseFloat(before.width), height: parseFloat(before.height),
                top: box.top, bottom: box.top + parseFloat(before.height)};
      });
  const button = [...document.querySelectorAll('button')].find(b => b.innerText.trim() === send);
  const shown = button ? button.getBoundingClientRect() : null;
  return {
    faces: faces.map(f => [Math.round(f.width), Math.round(f.height)]),
    faces_bottom: Math.round(Math.max(...faces.map(f => f.bottom))),
    send_bottom: shown ? Math.round(shown.bottom) : null,
    viewport: [innerWidth, innerHeight],
    scrolled: scrollY,
    page_scrolls_horizontally: document.documentElement.scrollWidth > innerWidth,
  };
}"""


def respondent_url(server, kind, code, lang):
    if kind == "answer":
        return rounds.link(code, lang=lang).replace(settings.base_url(), server.url)
    return f"{server.url}/respond?s={code}&lang={lang}"


def record(name, figures):
    ARTIFACTS.mkdir(exist_ok=True)
    kept = json.loads(FIGURES.read_text()) if FIGURES.exists() else {}
    kept[name] = figures
    FIGURES.write_text(json.dumps(kept, indent=1, ensure_ascii=False))


@pytest.fixture(scope="module")
def subject_rounds(server):
    """A round with a subject in each of its languages, and one opened before subjects."""
    return {
        "subject": rounds.create(
            server.db_path, action_id=ACTION, languages=("fi", "sv"), subjects=SUBJECTS
        ),
        "no-subject": round_before_subjects(server.db_path, action_id=ACTION),
    }


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("kind", ["answer", "respond"])
@pytest.mark.parametrize("which", ["subject", "no-subject"])
def test_the_subject_and_the_question_come_first_and_send_is_on_the_first_screen(
    server, browser, subject_rounds, which, kind, lang
):
    round_ = subject_rounds[which]
    # One load, on a phone first and then turned into a tablet's size: the layout follows the
    # width as it changes, and each page load costs a second of the suite.
    context = browser.new_context(viewport=SMALL_PHONE, bypass_csp=True)  # for axe-core
    page = context.new_page()
    page.goto(respondent_url(server, kind, round_.code, lang))
    send = page.get_by_role("button", name=SEND[lang], exact=True)
    send.wait_for(timeout=30_000)
    if kind == "respond":
        settle(page)
    faces = page.get_by_role("radiogroup", name=QUESTION[lang])
    assert faces.get_by_role("radio").count() == 5
    # Each face says its name to a screen reader (the label beside the picture).
    for name in ("Tosi huono", "Huono", "Ihan ok", "Hyvä", "Tosi hyvä") if lang == "fi" else ():
        assert faces.get_by_role("radio", name=name, exact=True).count() == 1
    action_text = round_.action_text["fi"][:40]
    what = page.get_by_text(WHAT[lang], exact=True)
    if lang == "sv":  # never the Finnish subject under Swedish labels
        assert SUBJECTS["fi"] not in page.locator("main").inner_text()
    assert serious_violations(page) == []

    for size, viewport in (("phone", SMALL_PHONE), ("tablet", TABLET)):
        page.set_viewport_size(viewport)
        page.wait_for_function(f"innerWidth === {viewport['width']}")
        if which == "subject":
            heading = page.get_by_role("heading", name=SUBJECTS[lang], exact=True)
            assert heading.is_visible()
            assert heading.bounding_box()["y"] < 120
        assert what.is_visible()
        assert not page.get_by_text(action_text).first.is_visible()  # behind the disclosure
        figures = page.evaluate(MEASURE, [kind, SEND[lang]])
        name = f"subject-{which}-{kind}-{size}-{lang}"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"))  # the first screen only: the fold
        record(name, figures)
        assert min(w for w, _ in figures["faces"]) >= LEAST_FACE[size], figures
        assert figures["send_bottom"] is not None
        assert figures["send_bottom"] <= figures["viewport"][1], figures
        assert figures["scrolled"] == 0 and not figures["page_scrolls_horizontally"], figures

    what.click()  # "What is this about?" opens to the action's own words
    page.get_by_text(action_text).first.wait_for(state="visible")
    context.close()


WAV = (
    b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00"
    b"\x40\x1f\x00\x00\x80\x3e\x00\x00\x02\x00\x10\x00data\x00\x00\x00\x00"
)


@pytest.mark.parametrize(("viewport", "size"), [(TABLET, "tablet"), (PHONE_TALL, "phone")])
def test_staff_open_a_round_with_subjects_beside_the_childs_screen_and_add_its_recording(
    server, browser, viewport, size
):
    make_user(server, f"subjects-{size}", role="admin")
    page = signed_in_page(browser, server, f"subjects-{size}", viewport=viewport)
    page.goto(f"{server.url}/rounds?lang=fi")
    page.get_by_text("Uusi palautekierros").click()
    fi = page.get_by_role("textbox", name="Mitä lapsi arvioi – lyhyesti (Suomi)")
    fi.fill("Päiväkodin piha")
    fi.press("Enter")
    preview = page.get_by_role("region", name="Näin lapsi näkee kyselyn")
    preview.get_by_text("Päiväkodin piha").wait_for()
    settle(page)
    assert preview.get_by_text("Mitä mieltä olet tästä?").is_visible()
    screenshot(page, f"subject-rounds-form-{size}")
    page.get_by_role("button", name="Avaa kierros").click()
    page.get_by_text("Kirjoita, mitä lapsi arvioi, kielellä Svenska.").wait_for()
    page.get_by_role("textbox", name="Mitä lapsi arvioi – lyhyesti (Svenska)").fill(
        "Daghemmets gård"
    )
    page.get_by_role("textbox", name="Mitä lapsi arvioi – lyhyesti (Svenska)").press("Enter")
    settle(page)
    page.get_by_role("textbox", name="Mitä lapsi arvioi – lyhyesti (English)").fill(
        "The playground"
    )
    page.get_by_role("textbox", name="Mitä lapsi arvioi – lyhyesti (English)").press("Enter")
    settle(page)
    page.get_by_role("button", name="Avaa kierros").click()
    page.get_by_text("on avattu").wait_for()
    code = page.get_by_text("on avattu").inner_text().split()[1]
    opened = rounds.get_by_code(server.db_path, code)
    assert opened.subjects == {
        "fi": "Päiväkodin piha",
        "sv": "Daghemmets gård",
        "en": "The playground",
    }
    assert serious_violations(page) == []


def test_a_recording_uploaded_on_rounds_plays_on_the_answer_page(server, browser):
    round_ = rounds.create(
        server.db_path,
        action_id=ACTION,
        audiences=("early-childhood",),
        languages=("fi", "sv"),
        subjects={"fi": "Päiväkodin piha", "sv": "Daghemmets gård"},
    )
    make_user(server, "recorder", role="admin")
    page = signed_in_page(browser, server, "recorder", viewport=TABLET)
    page.goto(f"{server.url}/rounds?lang=fi")
    settle(page)
    chooser = page.get_by_label("Kierros")
    chooser.click()
    page.get_by_role("option", name=round_.code, exact=False).click()
    settle(page)
    page.locator("summary").filter(has_text="Kysymys ääneen luettuna (Svenska)").click()
    form = page.get_by_test_id("stForm").filter(has_text="Tallenna äänite").last
    form.locator("input[type=file]").set_input_files(
        files=[{"name": "kysymys.wav", "mimeType": "audio/wav", "buffer": WAV}]
    )
    form.get_by_text("kysymys.wav").wait_for()
    form.get_by_role("button", name="Tallenna äänite").click()
    page.get_by_text("Äänite tallennettu (Svenska).").wait_for()
    screenshot(page, "subject-rounds-recording-tablet")

    child = browser.new_context(viewport=SMALL_PHONE, java_script_enabled=False)
    answer = child.new_page()
    answer.goto(respondent_url(server, "answer", round_.code, "sv"))
    player = answer.locator("audio[controls]")
    assert player.get_attribute("src") == f"/audio/{round_.code}/sv"
    assert player.get_attribute("aria-label") == "Lyssna på frågan"
    reply = answer.request.get(f"{server.url}/audio/{round_.code}/sv")
    assert (reply.status, reply.headers["content-type"], reply.body()) == (200, "audio/wav", WAV)
    assert answer.locator("audio").count() == 1
    answer.goto(respondent_url(server, "answer", round_.code, "fi"))
    assert answer.locator("audio").count() == 0  # no Finnish recording
    child.close()


@pytest.mark.parametrize("kind", ["answer", "respond"])
def test_with_the_group_question_first_each_screen_still_fits_a_small_phone(server, browser, kind):
    round_ = rounds.create(
        server.db_path,
        action_id=ACTION,
        audiences=("grades-1-3", "guardians"),
        languages=("fi", "sv"),
        subjects=SUBJECTS,
    )
    context = browser.new_context(viewport=SMALL_PHONE)
    page = context.new_page()
    page.goto(respondent_url(server, kind, round_.code, "fi"))
    next_button = page.get_by_role("button", name="Seuraava", exact=True)
    next_button.wait_for(timeout=30_000)
    if kind == "respond":
        settle(page)
    assert page.get_by_role("heading", name=SUBJECTS["fi"], exact=True).is_visible()
    assert next_button.bounding_box()["y"] + next_button.bounding_box()["height"] <= 640
    page.get_by_text("1.–3. luokkalainen").click()
    next_button.click()
    send = page.get_by_role("button", name=SEND["fi"], exact=True)
    send.wait_for(timeout=30_000)
    if kind == "respond":
        settle(page)
    figures = page.evaluate(MEASURE, [kind, SEND["fi"]])
    name = f"subject-groups-{kind}-phone-fi"
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    record(name, figures)
    assert min(w for w, _ in figures["faces"]) >= LEAST_FACE["phone"], figures
    assert figures["send_bottom"] <= 640 and figures["scrolled"] == 0, figures
    context.close()
