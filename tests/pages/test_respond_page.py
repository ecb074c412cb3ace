"""The answer page in Streamlit (/respond): the question, the faces, a quick survey, the thanks."""

from datetime import timedelta

import pytest

from feedback import i18n, rounds, storage
from feedback.rounds import answers
from feedback.rounds.scales import Scale
from feedback.ui.escaping import plain
from tests.support.pages import page, press
from tests.support.rounds import open_round, round_before_subjects
from tests.support.stores import stored_answers, write_locked


def about_text(expander) -> str:
    """What "What is this about?" holds: the action's words, marked with their language."""
    return "".join(str(h.proto.body) for h in expander.get("html"))


def test_a_round_without_a_subject_asks_its_question_first_the_action_behind_a_disclosure(
    app_env,
):
    round_ = round_before_subjects(app_env, action_id="mini:a1")
    at = page("respond", s=round_.code)
    assert not at.exception
    assert not at.subheader  # the action's text is never the heading
    [about] = at.expander
    assert about.label == "Mistä tässä on kyse?"
    assert about_text(about) == '<p lang="fi" dir="ltr">Lasten parlamentti</p>'
    radio = at.radio[0]
    assert radio.label == "Mitä mieltä olet tästä?"
    assert radio.options == ["Tosi huono", "Huono", "Ihan ok", "Hyvä", "Tosi hyvä"]
    assert radio.value is None
    assert at.button[0].label == "Lähetä"


def test_a_round_with_a_subject_shows_it_as_the_heading_in_the_pages_language(app_env):
    round_ = rounds.create(
        app_env,
        action_id="mini:a1",
        languages=("fi", "sv"),
        subjects={"fi": "Nuorisotalon <b>kerho</b>", "sv": "Ungdomsgårdens klubb"},
    )
    for lang, heading in (
        ("fi", "Nuorisotalon &lt;b&gt;kerho&lt;/b&gt;"),
        ("sv", "Ungdomsgårdens klubb"),
    ):
        at = page("respond", s=round_.code, lang=lang)
        shown = "\n".join(str(h.proto.body) for h in at.get("html"))
        assert f'<h1 class="round-subject">{heading}</h1>' in shown
        # The plan has no Swedish: on the Swedish page its Finnish words are marked Finnish.
        assert about_text(at.expander[0]) == '<p lang="fi" dir="ltr">Lasten parlamentti</p>'
    assert "Nuorisotalon" not in shown  # Swedish labels, Swedish subject
    english = page("respond", s=round_.code, lang="en")  # the round has no English words
    assert english.query_params["lang"] == "fi"
    assert english.radio[0].label == "Mitä mieltä olet tästä?"
    switch = english.get("button_group")[0]  # the language switch: the round's languages
    assert [o.content for o in switch.proto.options] == [
        "Suomi",
        "Svenska",
    ]


def test_a_text_the_respondents_language_lacks_comes_in_the_rounds_first_language(
    app_env, monkeypatch
):
    real = i18n.catalogue

    def partly_translated(lang: str) -> i18n.Catalogue:
        found = real(lang)
        if lang != "uk":
            return found
        texts = {
            k: v for k, v in found.texts.items() if k not in ("respond.send", "footer.privacy")
        }
        return i18n.Catalogue(texts, found.plural)

    monkeypatch.setattr(i18n, "catalogue", partly_translated)
    round_ = open_round(app_env, action_id="mini:a1", languages=("sv", "uk"))
    at = page("respond", s=round_.code, lang="uk")
    assert not at.exception
    assert at.radio[0].label == "Що ти думаєш про це?"  # what Ukrainian has stays Ukrainian
    assert at.button[0].label == "Skicka"  # the round's first language, not Finnish "Lähetä"
    links = [link.proto.label for link in at.get("page_link")]
    assert "Dataskydd" in links and "Tietosuoja" not in links  # the footer's too
    assert i18n.t("respond.send", "uk") == "Lähetä"  # outside a round: Finnish, as before


@pytest.mark.parametrize(
    ("lang", "question", "send", "best"),
    [
        ("sv", "Vad tycker du om det här?", "Skicka", "Mycket bra"),
        ("en", "What do you think of this?", "Send", "Very good"),
    ],
)
def test_the_respondent_page_speaks_swedish_and_english(
    app_env, round_, lang, question, send, best
):
    at = page("respond", s=round_.code, lang=lang)
    radio = at.radio[0]
    assert radio.label == question
    assert radio.options[-1] == best
    assert at.button[0].label == send


def test_choosing_a_face_and_sending_stores_one_answer_and_thanks(app_env, round_):
    at = page("respond", s=round_.code)
    at.radio[0].set_value(4).run()
    assert answers.count(app_env, round_) == 0, "choosing a face must not send"
    # A form sends its widgets' values together with the button press.
    at.radio[0].set_value(4)
    at.button[0].click().run()
    assert not at.exception
    assert at.header[0].value == "Kiitos!"
    assert "tallennettu" in at.success[0].value
    assert answers.count(app_env, round_) == 1
    assert not at.radio, "the question is gone after the thank-you"


def test_a_database_that_cannot_be_written_keeps_the_face_chosen_and_the_retry_stores_once(
    app_env, round_, monkeypatch
):
    at = page("respond", s=round_.code, lang="en")
    # Fail fast instead of waiting 10 s; only now: opening the store may wait for another
    # test's migrations on the same PostgreSQL server.
    monkeypatch.setattr(storage.base, "BUSY_TIMEOUT_MS", 100)
    at.radio[0].set_value(2)
    with write_locked(app_env):
        at.button[0].click().run()
    assert not at.exception
    assert "could not be saved" in at.error[0].value
    assert at.radio[0].value == 2, "the child's choice stays on screen"
    assert answers.count(app_env, round_) == 0
    at.button[0].click().run()
    assert at.header[0].value == "Thank you!"
    assert answers.count(app_env, round_) == 1


def test_a_codes_round_sends_the_child_to_the_page_that_asks_for_the_slips_code(app_env):
    subject = "Kerho ![k](http://example.invalid/k.png) **bold**"
    round_ = open_round(
        app_env, action_id="mini:a1", codes=3, subjects=dict.fromkeys(("fi", "sv", "en"), subject)
    )
    at = page("respond", s=round_.code, lang="en")
    assert not at.exception
    assert at.info[0].value.startswith("This survey is answered with the code on a slip.")
    assert not at.radio  # nothing is asked here, so nothing can be stored without a code
    [button] = at.get("link_button")
    assert button.proto.url == rounds.link(round_.code, lang="en")
    assert button.proto.label == plain(subject)  # the subject as text: no image, no bold
    preview = page("respond", s=round_.code, lang="en", preview="1")  # staff still see it
    assert preview.radio[0].label == "What do you think of this?"


def test_answers_on_the_streamlit_page_beyond_the_rounds_pace_are_stored_flagged(
    app_env, monkeypatch
):
    monkeypatch.setenv("FEEDBACK_PACE_BURST", "5")
    round_ = open_round(app_env, action_id="mini:a1")
    for _ in range(6):
        at = page("respond", s=round_.code)
        at.radio[0].set_value(1)
        at.button[0].click().run()
        assert at.header[0].value == "Kiitos!"
    flagged = [bool(f) for (f,) in stored_answers(app_env, round_.code, "flagged")]
    assert flagged == [False] * 5 + [True]


def test_sending_without_a_face_asks_for_one_and_stores_nothing(app_env, round_):
    at = page("respond", s=round_.code)
    at.button[0].click().run()
    assert at.warning[0].value == "Valitse ensin yksi vaihtoehto."
    assert answers.count(app_env, round_) == 0


def test_a_round_closed_while_answering_says_it_has_ended(app_env, round_):
    at = page("respond", s=round_.code)
    rounds.set_status(app_env, round_.code, "closed")
    at.radio[0].set_value(5)
    at.button[0].click().run()
    assert not at.exception
    assert at.header[0].value == "Kyselyä ei löytynyt"
    assert "päättynyt" in at.info[0].value
    assert answers.count(app_env, round_) == 0


@pytest.mark.parametrize("code", [None, "unknownx", "<script>", "a" * 500])
@pytest.mark.parametrize(
    ("lang", "title"),
    [("fi", "Kyselyä ei löytynyt"), ("sv", "Enkäten hittades inte"), ("en", "Survey not found")],
)
def test_an_unknown_code_gets_a_friendly_page_in_the_chosen_language(app_env, code, lang, title):
    query = {"lang": lang} if code is None else {"s": code, "lang": lang}
    at = page("respond", **query)
    assert not at.exception
    assert at.header[0].value == title
    assert not at.radio


def quick_survey(db_path):
    return open_round(
        db_path,
        action_id="mini:a2",
        audiences=("grades-1-3", "guardians"),
        extra_questions=("recommend",),
        follow_up=("friends", "fun", "food"),
        free_text=True,
        code="fastmenu",
    )


def test_a_quick_survey_goes_one_screen_at_a_time_and_commits_once(app_env):
    round_ = quick_survey(app_env)
    at = page("respond", s=round_.code)
    # 1. "Who are you?" comes first because the round is open to two groups.
    assert at.radio[0].label == "Kuka olet?"
    assert at.radio[0].options == ["1.–3. luokkalainen", "Huoltaja"]
    assert "Kysymys 1/5" in at.get("progress")[0].proto.text
    press(at, "Seuraava")
    assert at.warning[0].value == "Valitse ensin yksi vaihtoehto."
    at.radio[0].set_value("grades-1-3")
    press(at, "Seuraava")
    # 2. The main question in plain words, since a pupil of grades 1–3 answers.
    assert at.radio[0].label == "Millainen tämä oli?"
    at.radio[0].set_value(5)
    press(at, "Seuraava")
    # 3. The recommendation question in THL's child wording, 0–10.
    assert at.radio[0].label == "Kertoisitko kaverille, että tänne kannattaa tulla?"
    assert len(at.radio[0].options) == 11
    # Back keeps what was chosen.
    press(at, "Takaisin")
    assert at.radio[0].value == 5
    press(at, "Seuraava")
    at.radio[0].set_value(9)
    press(at, "Seuraava")
    # 4. What was best? Several may be chosen.
    pills = at.button_group[0]
    assert pills.label == "Mikä oli parasta? Voit valita monta."
    pills.set_value(["friends", "food"])
    press(at, "Seuraava")
    # 5. An optional comment, with the hint, then Send.
    assert at.text_area[0].label == "Haluatko kertoa lisää? (vapaaehtoinen)"
    assert "Älä kirjoita nimiä" in "\n".join(c.value for c in at.caption)
    at.text_area[0].input("Ohjaajat olivat kivoja")
    press(at, "Lähetä")
    assert not at.exception
    assert at.header[0].value == "Kiitos!"
    assert answers.count(app_env, round_) == 1
    with storage.reading(app_env) as db:
        rows = db.execute(
            "SELECT question, score, respondent_group FROM answers ORDER BY question"
        ).fetchall()
        choices = [r[0] for r in db.execute("SELECT choice FROM answer_choices ORDER BY 1")]
        comments = [r[0] for r in db.execute("SELECT text FROM comments")]
    assert rows == [(0, 5, "grades-1-3"), (1, 9, "grades-1-3")]
    assert choices == ["food", "friends"]
    assert comments == ["Ohjaajat olivat kivoja"]


@pytest.mark.parametrize(
    ("scale", "question", "labels"),
    [
        ("faces3", "Mitä mieltä olet tästä?", ["Tosi huono", "Ihan ok", "Tosi hyvä"]),
        ("thumbs", "Tykkäsitkö tästä?", ["Peukku alas", "Peukku ylös"]),
        (
            "stars",
            "Montako tähteä annat tälle?",
            ["1 tähti", "2 tähteä", "3 tähteä", "4 tähteä", "5 tähteä"],
        ),
        (
            "grade",
            "Minkä arvosanan antaisit tälle (4–10)?",
            [
                "4 hylätty",
                "5 välttävä",
                "6 kohtalainen",
                "7 tyydyttävä",
                "8 hyvä",
                "9 kiitettävä",
                "10 erinomainen",
            ],
        ),
    ],
)
def test_every_scale_shows_its_translated_choices(app_env, scale, question, labels):
    round_ = open_round(app_env, action_id="mini:a2", scale=Scale(scale))
    at = page("respond", s=round_.code)
    assert at.radio[0].label == question
    assert at.radio[0].options == labels


def test_the_recommendation_question_uses_thls_adult_wording_for_guardians(app_env):
    round_ = open_round(app_env, action_id="mini:a2", scale=Scale.NPS, audiences=("guardians",))
    at = page("respond", s=round_.code, lang="en")
    assert at.radio[0].label.startswith("How likely would you be to recommend this service")
    assert at.radio[0].options[0] == "0 – not at all likely"
    assert at.radio[0].options[-1] == "10 – extremely likely"


def test_early_childhood_gets_three_faces_and_plain_words(app_env):
    round_ = open_round(app_env, action_id="mini:a2", audiences=("early-childhood",))
    at = page("respond", s=round_.code, lang="sv")
    assert at.radio[0].label == "Hur var det här?"
    assert at.radio[0].options == ["Mycket dåligt", "Helt okej", "Mycket bra"]


def test_plain_language_can_be_asked_for_in_the_link(app_env, round_):
    at = page("respond", s=round_.code, plain="1")
    assert at.radio[0].label == "Millainen tämä oli?"


def test_a_link_that_says_kiosk_is_answered_as_an_ordinary_link(app_env, round_):
    at = page("respond", s=round_.code, kiosk="1")
    shown = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert "kiosk-warning" not in shown  # no kiosk chrome or timers: only enrolled tablets
    at.radio[0].set_value(3)
    press(at, "Lähetä")
    assert at.header[0].value == "Kiitos!"
    with storage.reading(app_env) as db:
        assert db.execute("SELECT channel, flagged FROM answers").fetchall() == [("link", 0)]


def test_a_staff_preview_looks_the_same_but_stores_nothing(app_env, round_):
    at = page("respond", s=round_.code, preview="1")
    assert at.radio[0].label == "Mitä mieltä olet tästä?"
    [about] = at.expander  # staff read the action's own text at once
    assert about.proto.expanded and "Lasten parlamentti" in about_text(about)
    assert not page("respond", s=round_.code).expander[0].proto.expanded
    at.radio[0].set_value(5)
    press(at, "Lähetä")
    assert at.info[0].value == "Esikatselu: vastausta ei tallennettu."
    assert answers.count(app_env, round_) == 0


def test_the_thank_you_tells_what_was_done_after_last_time(app_env):
    from datetime import date

    from feedback.rounds import changes

    earlier = open_round(app_env, action_id="mini:a1", today=date.today() - timedelta(days=30))
    changes.record(
        app_env,
        action_id="mini:a1",
        round_id=earlier.id,
        you_said="Lisää pelejä.",
        we_did="Ostimme uusia pelejä.",
        status="done",
        language="fi",
        today=date.today() - timedelta(days=10),
    )
    later = open_round(app_env, action_id="mini:a1")
    at = page("respond", s=later.code)
    at.radio[0].set_value(4)
    press(at, "Lähetä")
    assert at.info[0].value.startswith("Viime kerralla sanoitte: Lisää pelejä")
    assert "Siksi me: Ostimme uusia pelejä" in at.info[0].value


def test_the_streamlit_page_shows_help_by_the_comment_and_after_a_worrying_one(app_env):
    round_ = open_round(app_env, action_id="mini:a1", free_text=True)

    def helps(at) -> list[str]:
        return [h.proto.body for h in at.get("html") if "116111" in h.proto.body]

    at = page("respond", s=round_.code, lang="en")
    at.radio[0].set_value(2)
    at = press(at, "Next")
    assert "Do you feel bad?" in helps(at)[0]  # beside the comment box
    at.text_area[0].set_value("i want to die")
    at = press(at, "Send")
    assert at.header[0].value == "Thank you!"
    [after] = helps(at)
    assert "Thank you for telling us." in after and 'href="tel:112"' in after
    assert "want to die" not in after


def test_own_questions_go_one_per_screen_keep_choices_and_are_stored_with_the_answer(app_env):
    from feedback.rounds import own_questions
    from tests.support.rounds import own_questions as own

    asked = (own()[0], *own()[2:])  # the guardians' question left out of a children's round
    round_ = open_round(app_env, action_id="mini:a2", audiences=("grades-4-6",), own=asked)
    at = page("respond", s=round_.code, lang="en")
    at.radio[0].set_value(4)
    press(at, "Next")
    # Its own scale, the multiple choice and the text, one per screen.
    assert at.get("progress")[0].proto.text == "Question 2 of 4"
    assert at.radio[0].label == "Did you feel safe?"
    at.radio[0].set_value(5)
    press(at, "Next")
    pills = at.button_group[0]
    assert pills.label == "What did you like?"
    press(at, "Next")  # required: not past it without a choice
    assert at.warning[0].value == "First choose one option."
    at.button_group[0].set_value(["games", "snacks"])
    press(at, "Next")
    press(at, "Back")  # going back keeps the choices
    assert at.button_group[0].value == ["games", "snacks"]
    press(at, "Next")
    assert at.text_area[0].label == "What do you wish for?"
    at.text_area[0].input("More games")
    press(at, "Send")
    assert not at.exception
    assert answers.count(app_env, round_) == 1
    counted = own_questions.counts(app_env, round_.id)
    assert counted[0] == {"*": 1, "5": 1}
    assert counted[1] == {"*": 1, "games": 1, "snacks": 1}
    with storage.reading(app_env) as db:
        assert db.execute("SELECT text FROM question_texts").fetchall() == [("More games",)]


def test_an_xlsform_field_list_groups_own_questions_ask_them_on_one_screen(app_env):
    from dataclasses import replace

    from feedback.rounds import own_questions
    from tests.support.rounds import own_questions as own

    safe, _, liked, wish = own()
    # The scale and the multiple choice were one field-list group in the form; the text not.
    asked = (replace(safe, screen=1), replace(liked, screen=1), wish)
    round_ = open_round(app_env, action_id="mini:a2", audiences=("grades-4-6",), own=asked)
    at = page("respond", s=round_.code, lang="en")
    at.radio[0].set_value(4)
    press(at, "Next")
    assert at.get("progress")[0].proto.text == "Question 2 of 3"
    assert at.radio[0].label == "Did you feel safe?"
    assert at.button_group[0].label == "What did you like?"
    at.radio[0].set_value(2)
    press(at, "Next")  # the multiple choice is required: named, and the scale's answer kept
    assert [w.value for w in at.warning] == ["What did you like?: First choose one option."]
    assert at.radio[0].value == 2
    at.button_group[0].set_value(["music"])
    press(at, "Next")
    assert at.text_area[0].label == "What do you wish for?"
    press(at, "Back")  # both kept on the way back
    assert (at.radio[0].value, at.button_group[0].value) == (2, ["music"])
    press(at, "Next")
    press(at, "Send")
    assert not at.exception
    counted = own_questions.counts(app_env, round_.id)
    assert counted[0] == {"*": 1, "2": 1}
    assert counted[1] == {"*": 1, "music": 1}


def test_an_arabic_round_is_right_to_left_says_it_is_a_draft_and_keeps_the_faces_order(app_env):
    round_ = open_round(app_env, action_id="mini:a1", languages=("fi", "ar"))
    at = page("respond", s=round_.code, lang="ar")
    assert not at.exception
    scripts = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert 'document.documentElement.lang = "ar"' in scripts
    assert 'document.documentElement.dir = "rtl"' in scripts
    assert [w.value for w in at.warning] == [i18n.t("language.draft", "ar")]
    assert at.radio[0].label == "ما رأيك في هذا؟"
    assert at.radio[0].options == [i18n.t(f"face.{v}", "ar") for v in range(1, 6)]
    staff = page("rounds", lang="ar")  # staff screens stay in a complete language
    assert 'document.documentElement.dir = "ltr"' in str(staff.get("html")[0].proto.body)
