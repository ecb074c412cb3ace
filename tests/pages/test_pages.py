"""Every page driven through Streamlit's AppTest against a real temporary database."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from feedback import plans, retention, rounds, settings, storage
from feedback.plans import editing
from feedback.rounds import answers, codes, kiosk
from feedback.rounds.scales import Scale
from feedback.staff import auth
from feedback.ui.escaping import plain
from tests.support.pages import STAFF_PAGES, markdown_text, page
from tests.support.rounds import answered, open_round, round_before_subjects
from tests.support.stores import stored_answers, write_locked
from tests.support.users import signed_in


@pytest.fixture
def admin(app_env):
    return signed_in(app_env, "admin", role=auth.Role.ADMIN)


def test_a_round_without_a_subject_asks_its_question_first_the_action_behind_a_disclosure(
    app_env,
):
    round_ = round_before_subjects(app_env, action_id="mini:a1")
    at = page("respond", s=round_.code)
    assert not at.exception
    assert not at.subheader  # the action's text is never the heading
    [about] = at.expander
    assert about.label == "Mistä tässä on kyse?"
    assert about.markdown[0].value == "Lasten parlamentti"
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
        assert at.expander[0].markdown[0].value == "Lasten parlamentti"
    assert "Nuorisotalon" not in shown  # Swedish labels, Swedish subject
    english = page("respond", s=round_.code, lang="en")  # the round has no English words
    assert english.query_params["lang"] == "fi"
    assert english.radio[0].label == "Mitä mieltä olet tästä?"
    switch = english.get("button_group")[0]  # the language switch: the round's languages
    assert [o.content for o in switch.proto.options] == [
        "Suomi",
        "Svenska",
    ]


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
    monkeypatch.setattr(storage.base, "BUSY_TIMEOUT_MS", 100)  # fail fast instead of waiting 10 s
    at = page("respond", s=round_.code, lang="en")
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
    round_ = open_round(app_env, action_id="mini:a1", codes=3)
    at = page("respond", s=round_.code, lang="en")
    assert not at.exception
    assert at.info[0].value.startswith("This survey is answered with the code on a slip.")
    assert not at.radio  # nothing is asked here, so nothing can be stored without a code
    [button] = at.get("link_button")
    assert button.proto.url == rounds.link(round_.code, lang="en")
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


def test_the_overview_shows_figures_per_goal(app_env, round_, admin):
    answered(app_env, round_, *[5] * 8, *[4] * 4)
    at = page("overview", session=admin)
    assert not at.exception
    table = at.table[0].value
    goals = list(table["Tavoite"])
    assert goals[0] == plain("I. Osallisuus")
    row = table[table["Tavoite"].str.endswith(plain("1. Lapsia kuullaan"))].iloc[0]
    assert (row["Vastauksia"], row["Keskiarvo 1–5"], row["Myönteisiä (4–5)"]) == (
        "12",
        "4,7",
        "100\u00a0%",
    )
    hidden = table[table["Tavoite"].str.endswith(plain("1. Liikkuminen"))].iloc[0]
    assert hidden["Vastauksia"] == "0"


def test_flagged_answers_are_counted_apart_per_round_under_translated_headings(
    app_env, round_, admin
):
    answered(app_env, round_, *[5] * 6)
    answered(app_env, round_, *[1] * 10, channel="kiosk", flagged=True)
    answered(app_env, round_, 1, 1, 1, channel="qr", flagged=True)
    at = page("overview", session=admin, lang="sv", opened=("flagged",))
    assert not at.exception
    (expander,) = [e for e in at.expander if e.label != "Avgränsningar"]
    assert expander.label.startswith("10 svar har markerats"), "the 3 by QR: a small group"
    (table,) = [d.value for d in expander.dataframe]
    assert table.to_dict("records") == [
        {"Omgång": round_.code, "Åtgärd": round_.action_id, "Svar": "10"}
    ]


def test_the_plan_is_in_the_link_and_remembered_for_the_user(app_env, admin):
    plans.import_directory(app_env, settings.PLANS_DIR)
    at = page("overview", session=admin, plan="kymenlaakso")
    assert not at.exception
    assert at.selectbox(key="plan").value == "kymenlaakso"
    assert at.title[0].value == "Yhteenveto tavoitteittain"
    assert at.selectbox(key="plan").format_func("kymenlaakso").startswith("Kymenlaakson maak")
    at.selectbox(key="plan").select("jakobstadsregionen").run()
    assert at.query_params["plan"] == "jakobstadsregionen"
    # A page opened later without ?plan= starts on the plan chosen last, and says so in the link.
    later = page("overview", session=admin)
    assert later.selectbox(key="plan").value == "jakobstadsregionen"
    assert later.query_params["plan"] == "jakobstadsregionen"
    assert page("council", session=admin).selectbox(key="plan").value == "jakobstadsregionen"


def test_the_filters_section_and_sub_goal_are_in_the_link_so_a_view_can_be_shared(
    app_env, round_, admin
):
    answered(app_env, round_, *[5] * 12)
    at = page("overview", session=admin, groups="guardians,made-up", opened=("filters-mini",))
    assert not at.exception
    assert at.multiselect(key="groups-mini").value == ["guardians"]  # the made-up one left out
    assert at.query_params["groups"] == "guardians"
    table = at.table[0].value
    row = table[table["Tavoite"].str.endswith(plain("1. Lapsia kuullaan"))].iloc[0]
    assert row["Vastauksia"] == "0", "the link's filter narrows the figures"
    at.multiselect(key="groups-mini").unselect("guardians").run()
    assert "groups" not in at.query_params
    row = at.table[0].value.set_index("Tavoite").filter(like="Lapsia kuullaan", axis=0)
    assert list(row["Vastauksia"]) == ["12"]
    at.multiselect(key="channels-mini").select("kiosk").select("qr").run()
    assert at.query_params["channels"] == "kiosk,qr"
    # Another section and sub-goal, opened from a link, in Swedish.
    at = page("overview", session=admin, section="sub_goals", sub_goal="mini:ii-1", lang="sv")
    assert not at.exception
    assert at.selectbox(key="sub-goal-mini").value == "mini:ii-1"
    assert list(at.table[-1].value["Åtgärd"]) == ["Liikuntakerhot"]
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1, "of the charts only the faces' shares are in this section"
    assert "Mycket bra" in str(charts[0].proto), "the faces by their Swedish names"
    assert (at.query_params["section"], at.query_params["sub_goal"]) == ("sub_goals", "mini:ii-1")


def test_a_plan_in_the_link_that_is_not_there_or_not_yours_gets_a_clear_note(app_env, admin):
    at = page("overview", session=admin, plan="<b>nope</b>", lang="sv")
    assert not at.exception
    shown = plain("<b>nope</b>")  # the characters themselves, not bold or HTML
    assert [w.value for w in at.warning] == [
        f"Planen {shown} finns inte, eller så hör den inte till dig. Välj en plan nedan."
    ]
    assert at.selectbox(key="plan").value == "mini"


def test_a_sub_goal_title_is_shown_literally_in_the_overview_details(app_env, admin):
    tree = editing.export_plan(app_env, "mini")
    title = "**bold** [click](javascript:alert(1)) <b>x</b>"
    editing.find_goal(tree, "i-1")["title"] = {"fi": title}
    editing.save(app_env, tree)
    at = page("overview", session=admin, section="sub_goals")
    assert not at.exception
    # A choice of a select box is plain text: the characters, not bold and a link.
    assert f"1. {title} · 0" in at.selectbox(key="sub-goal-mini").options


def test_choosing_a_sub_goal_shows_its_actions_and_indicators(app_env, round_, admin):
    answered(app_env, round_, *[5] * 6, *[2] * 6)
    at = page("overview", session=admin, section="sub_goals")
    chooser = at.selectbox(key="sub-goal-mini")
    assert chooser.options == [
        "1. Lapsia kuullaan · 12",
        "2. Harrastukset kaikille · 0",
        "1. Liikkuminen · 0",
    ]
    actions, indicators = at.table[-1].value, at.dataframe[-1].value
    assert list(actions["Toimenpide"]) == [
        "Lasten parlamentti",
        "Nuorisovaltuuston kokoukset",
    ]
    assert list(actions["Vastauksia"]) == ["12", "0"]
    assert list(actions["Keskiarvo 1–5"]) == ["3,5", ""]
    assert list(indicators["Indikaattori"]) == ["1. Tyytyväinen elämäänsä"]
    chooser.select("1. Liikkuminen · 0").run()
    assert not at.exception
    assert list(at.table[-1].value["Toimenpide"]) == ["Liikuntakerhot"]
    assert "Suunnitelmassa ei ole tälle välitavoitteelle indikaattoreita." in [
        c.value for c in at.caption
    ]


def test_the_overview_without_plans_says_how_to_load_them(db_path, monkeypatch):
    monkeypatch.setenv("FEEDBACK_DB", str(db_path))
    at = page("overview", session=signed_in(db_path, "admin", role=auth.Role.ADMIN))
    assert "feedback init" in at.warning[0].value


def test_the_front_page_explains_the_service(app_env):
    at = page("home", lang="sv")
    assert not at.exception
    assert at.title[0].value == "Barns och ungas respons"
    assert "anonyma" in markdown_text(at)


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


def press(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click()
    return at.run()


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


def test_the_rounds_page_offers_the_links_the_qr_code_and_the_poster(app_env, round_, admin):
    at = page("rounds", session=admin)
    assert not at.exception
    codes = [c.value for c in at.code]
    assert rounds.link(round_.code) in codes
    assert not any("kiosk" in code for code in codes), "no link makes a kiosk"
    downloads = at.get("download_button")
    assert [d.proto.label for d in downloads] == ["Lataa A4-juliste (PDF)", "Lataa QR-koodi (PNG)"]


def test_the_rounds_page_without_rounds_says_how_to_open_one(app_env, admin):
    at = page("rounds", lang="en", session=admin)
    assert "feedback round create" in at.info[-1].value


def test_a_staff_preview_looks_the_same_but_stores_nothing(app_env, round_):
    at = page("respond", s=round_.code, preview="1")
    assert at.radio[0].label == "Mitä mieltä olet tästä?"
    [about] = at.expander  # staff read the action's own text at once
    assert about.proto.expanded and about.markdown[0].value == "Lasten parlamentti"
    assert not page("respond", s=round_.code).expander[0].proto.expanded
    at.radio[0].set_value(5)
    press(at, "Lähetä")
    assert at.info[0].value == "Esikatselu: vastausta ei tallennettu."
    assert answers.count(app_env, round_) == 0


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_a_staff_page_without_a_session_shows_nothing_but_the_way_to_sign_in(app_env, round_, name):
    at = page(name)
    assert not at.exception
    assert at.warning[0].value == "Tämä sivu on henkilöstölle. Kirjaudu ensin sisään."
    assert not at.dataframe and not at.table and not at.code and not at.selectbox


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_a_revoked_or_made_up_session_is_refused(app_env, admin, name):
    auth.logout(app_env, admin)
    for session in (admin, "made-up-session-id"):
        at = page(name, session=session)
        assert at.warning[0].value == "Tämä sivu on henkilöstölle. Kirjaudu ensin sisään."


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_a_council_member_cannot_open_staff_pages(app_env, name):
    at = page(name, session=signed_in(app_env, "nuva", role=auth.Role.COUNCIL))
    assert at.error[0].value == "Sinulla ei ole oikeutta tälle sivulle."


def test_a_user_who_must_change_the_password_is_sent_to_do_that(app_env):
    one_time = auth.add_user(app_env, "uusi", role=auth.Role.ADMIN)
    at = page("overview", session=auth.login(app_env, "uusi", one_time))
    assert at.warning[0].value == "Tämä sivu on henkilöstölle. Kirjaudu ensin sisään."


def test_staff_see_only_their_own_actors_rounds_and_figures(app_env):
    hamina_round = open_round(app_env, action_id="mini:a1")  # actor hamina
    kotka_round = open_round(app_env, action_id="mini:a2")  # actor kotka
    for round_ in (hamina_round, kotka_round):
        answered(app_env, round_, *[5] * 12)
    hamina = signed_in(app_env, "hamina", role=auth.Role.STAFF, actors=("mini:hamina",))
    rounds_page = page("rounds", session=hamina)
    offered = next(s for s in rounds_page.selectbox if s.label == "Kierros").options
    assert any(hamina_round.code in o for o in offered)
    assert not any(kotka_round.code in o for o in offered)
    table = page("overview", session=hamina).table[0].value
    row = table[table["Tavoite"].str.endswith(plain("1. Lapsia kuullaan"))].iloc[0]
    assert row["Vastauksia"] == "12", "only Hamina's 12 answers, not Kotka's"


def subject_input(at: AppTest, language: str):
    return next(t for t in at.text_input if t.label.endswith(f"({language})"))


def test_staff_open_a_round_for_their_own_action_with_a_subject_in_each_language(app_env, admin):
    at = page("rounds", session=admin, lang="en")
    at.selectbox[0].set_value(next(o for o in at.selectbox[0].options))
    at.multiselect(key="new-round-languages").set_value(["fi", "sv"]).run()
    assert [t.label for t in at.text_input] == [
        "What the child rates – in a few words (Suomi)",
        "What the child rates – in a few words (Svenska)",
    ]
    subject_input(at, "Suomi").input("Nuorisotalon kerho").run()
    # The preview is in the page's language, or if the round lacks it, in the round's first.
    preview = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert "Nuorisotalon kerho" in preview and "Mitä mieltä olet tästä?" in preview
    subject_input(at, "Svenska").input("Ungdomsgårdens klubb").run()
    press(at, "Open the round")
    assert at.success[0].value.startswith("Round ")
    [listed] = rounds.list_rounds(app_env)
    opened = rounds.get_by_code(app_env, listed.code)
    assert opened.subjects == {"fi": "Nuorisotalon kerho", "sv": "Ungdomsgårdens klubb"}


def test_staff_open_a_round_with_one_time_codes_and_download_its_slips(app_env, admin):
    at = page("rounds", session=admin, lang="en")
    at.multiselect(key="new-round-languages").set_value(["fi"]).run()
    subject_input(at, "Suomi").input("Luokan äänestys").run()
    at.number_input(key="new-round-codes").set_value(25).run()
    press(at, "Open the round")
    [listed] = rounds.list_rounds(app_env)
    opened = rounds.get_by_code(app_env, listed.code)
    assert opened.uses_codes and len(codes.unused(app_env, opened.id)) == 25
    at = page("rounds", session=admin, lang="en")
    labels = [d.proto.label for d in at.get("download_button")]
    assert "Download answer slips (A4, PDF)" in labels


def test_a_round_without_a_subject_in_one_of_its_languages_is_not_opened(app_env, admin):
    at = page("rounds", session=admin, lang="fi")
    at.multiselect(key="new-round-languages").set_value(["fi", "sv"]).run()
    preview = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert "Kirjoita, mitä lapsi arvioi, kielellä Suomi." in preview
    subject_input(at, "Suomi").input("Nuorisotalon kerho").run()
    press(at, "Avaa kierros")
    assert [e.value for e in at.error] == ["Kirjoita, mitä lapsi arvioi, kielellä Svenska."]
    assert rounds.list_rounds(app_env) == []
    assert subject_input(at, "Suomi").value == "Nuorisotalon kerho"  # nothing typed is lost


def test_staff_enrol_a_kiosk_see_its_flagged_answers_and_revoke_it(app_env, round_, admin):
    at = page("rounds", session=admin, lang="en")
    assert "This round has no kiosks." in [c.value for c in at.caption]
    press(at, "Create the kiosk's enrolment link")
    assert at.error[0].value == "Give the tablet a name (at most 60 characters)."
    label = next(t for t in at.text_input if t.label.startswith("The tablet's name"))
    label.input("Lobby **bold**")
    press(at, "Create the kiosk's enrolment link")
    [made] = kiosk.list_kiosks(app_env)
    [link] = [c.value for c in at.code if kiosk.ENROL_PATH in c.value]
    assert link.startswith(f"{settings.base_url()}{kiosk.ENROL_PATH}?t=")
    qr = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert 'alt="QR code that makes the tablet the kiosk Lobby **bold**"' in qr
    for _ in range(2):  # the second one too fast
        answers.record(
            app_env,
            round_,
            answers.Answer(scores=(4,)),
            submission_id=answers.new_submission_id(),
            channel="kiosk",
            flagged=True,
            kiosk_id=made.id,
        )
    at = page("rounds", session=admin, lang="en")
    row = next(m.value for m in at.markdown if "too-fast answers" in m.value)
    assert row == (
        rf"**Lobby \*\*bold\*\*** · admin, {made.enrolled_on.isoformat()} · too-fast answers 2"
    )
    press(at, "Revoke")
    assert at.success[0].value.startswith("The kiosk Lobby")
    assert [k.revoked for k in kiosk.list_kiosks(app_env)] == [True]
    assert not [b for b in at.button if b.label == "Revoke"]


def test_staff_do_not_see_another_actors_kiosks(app_env):
    kotka_round = open_round(app_env, action_id="mini:a2")
    open_round(app_env, action_id="mini:a1")
    kiosk.enrol(app_env, kotka_round.code, label="Kotkan aula", enrolled_by="k", key="k" * 40)
    hamina = signed_in(app_env, "hamina", role=auth.Role.STAFF, actors=("mini:hamina",))
    at = page("rounds", session=hamina)
    assert not any("Kotkan aula" in m.value for m in at.markdown)


def test_closing_a_round_takes_it_off_the_answer_page(app_env, round_, admin):
    at = page("rounds", session=admin, lang="en")
    press(at, "Close the round")
    assert at.success[0].value == "The round is now closed."
    assert rounds.open_by_code(app_env, round_.code) is None
    press(at, "Reopen")
    assert rounds.open_by_code(app_env, round_.code) is not None


def handover(at: AppTest) -> str:
    """The form that takes the browser to the server for its cookie, if the page drew one."""
    return "\n".join(
        str(h.proto.body) for h in at.get("html") if "session-handover" in h.proto.body
    )


def test_a_one_time_password_leads_to_the_own_password_form_and_then_on(app_env):
    one_time = auth.add_user(app_env, "maija", role=auth.Role.ADMIN)
    at = page("login", next="/rounds")
    at.text_input[0].input("Maija")
    at.text_input[1].input(one_time)
    press(at, "Kirjaudu")
    assert not at.exception
    assert at.warning[0].value == "Vaihda kertakäyttöinen salasanasi ennen kuin jatkat."
    assert [t.label for t in at.text_input] == ["Uusi salasana (vähintään 12 merkkiä)"]
    assert not handover(at), "no cookie names a session that can only set a password"
    at.text_input[0].input("short")
    press(at, "Vaihda salasana")
    assert at.error[0].value.startswith("Uudessa salasanassa pitää olla vähintään 12 merkkiä")
    at.text_input[0].input("correct horse battery staple")
    press(at, "Vaihda salasana")
    assert not at.exception
    form = handover(at)
    assert 'action="/session/open"' in form and 'name="next" value="/rounds"' in form
    assert not at.text_input, "nothing more to fill in: the browser is on its way"
    assert not auth.session_user(app_env, at.session_state["session_id"]).must_change_password


def test_a_right_password_goes_straight_on_and_another_sites_next_is_dropped(app_env):
    signed_in(app_env, "pekka", role=auth.Role.STAFF, actors=("mini:hamina",))
    at = page("login", lang="sv", next="https://evil.example/")
    at.text_input[0].input("pekka")
    at.text_input[1].input("correct horse battery staple")
    press(at, "Logga in")
    assert not at.exception
    form = handover(at)
    assert 'action="/session/open"' in form and 'name="next"' not in form
    assert not at.text_input and not at.warning


def test_a_signed_in_name_with_markdown_characters_is_shown_literally(app_env):
    # Names may hold underscores, which Markdown reads as emphasis: __maija__ would be bold.
    session_id = signed_in(app_env, "__maija__", role=auth.Role.ADMIN)
    at = page("login", session=session_id)
    assert not at.exception
    assert at.success[0].value == f"Olet kirjautunut: {plain('__maija__')} (pääkäyttäjä)"


def test_the_sign_in_page_says_wrong_for_any_wrong_name_or_password(app_env):
    at = page("login", lang="sv")
    at.text_input[0].input("nobody")
    at.text_input[1].input("whatever password")
    press(at, "Logga in")
    assert at.error[0].value == "Användarnamnet eller lösenordet är fel."


def test_paper_answers_are_entered_as_staff_entered_answers(app_env, round_, admin):
    at = page("entry", session=admin, lang="en")
    inputs = {n.label: n for n in at.number_input}
    inputs["Very good"].set_value(4)
    inputs["Bad"].set_value(1)
    press(at, "Save the answers")
    assert at.success[0].value == "5 answers saved."
    with storage.reading(app_env) as db:
        rows = db.execute("SELECT score, channel FROM answers ORDER BY score").fetchall()
    assert rows == [(2, "staff-entered")] + [(5, "staff-entered")] * 4


def test_participation_counts_are_entered_per_action_and_month(app_env, admin):
    at = page("entry", session=admin, lang="en")
    at.text_input[0].set_value("2026-02")
    inputs = {n.label: n for n in at.number_input}
    inputs["Participants"].set_value(12)
    inputs["Visits"].set_value(30)
    press(at, "Save the counts")
    assert at.success[0].value == "Counts saved for 2026-02."
    assert at.dataframe[0].value.iloc[0].tolist() == ["mini:a1", "2026-02", 12, 30]


def test_a_badly_written_month_gets_a_clear_error_and_nothing_is_saved(app_env, admin):
    at = page("entry", session=admin, lang="fi")
    at.text_input[0].set_value("helmikuu")
    press(at, "Tallenna luvut")
    assert at.error[0].value.startswith("Kirjoita kuukausi muodossa VVVV-KK")
    assert not at.dataframe and not at.table


def test_staff_cannot_open_the_plans_page(app_env):
    staff = signed_in(app_env, "hamina", role=auth.Role.STAFF, actors=("mini:hamina",))
    at = page("plans", session=staff)
    assert at.error[0].value == "Sinulla ei ole oikeutta tälle sivulle."


def test_an_admin_edits_an_action_in_the_app(app_env, admin):
    at = page("plans", session=admin, lang="en")
    assert not at.exception
    swedish = next(t for t in at.text_area if t.label == "Text (Svenska)")
    swedish.input("Barnens parlament")
    press(at, "Save")
    assert at.success[0].value == "Saved."
    [a1] = [a for a in plans.list_actions(app_env) if a.id == "mini:a1"]
    assert a1.text["sv"] == "Barnens parlament"


def test_an_invalid_action_edit_shows_the_problem_under_the_field(app_env, admin):
    at = page("plans", session=admin, lang="en")
    finnish = next(t for t in at.text_area if t.label == "Text (Suomi)")
    finnish.input("")
    press(at, "Save")
    assert "Check this field" in at.error[0].value
    [a1] = [a for a in plans.list_actions(app_env) if a.id == "mini:a1"]
    assert a1.text["fi"] == "Lasten parlamentti", "nothing was changed"


def test_an_admin_renames_a_sub_goal_and_its_answers_stay_with_it(app_env, admin):
    round_ = open_round(app_env, action_id="mini:a1")
    answers.record(
        app_env, round_, answers.Answer(scores=(5,)), submission_id=answers.new_submission_id()
    )
    at = page("plans", session=admin, lang="en")
    goal = at.selectbox(key="goal-target")
    goal.select_index(next(i for i, c in enumerate(goal.options) if "heard" in c)).run()
    at.text_input(key="goal-edit-sv").input("Barn blir hörda")
    press(at, "Save the goal")
    assert at.success[0].value == "Saved."
    tree = editing.export_plan(app_env, "mini")
    assert editing.find_goal(tree, "i-1")["title"]["sv"] == "Barn blir hörda"
    assert answers.count(app_env, round_) == 1


def test_an_admin_adds_a_main_goal_with_its_first_sub_goal(app_env, admin):
    at = page("plans", session=admin, lang="fi")
    goal = at.selectbox(key="goal-target")
    goal.select_index(len(goal.options) - 1).run()
    at.text_input(key="goal-main-fi").input("Turvallisuus")
    first = next(t for t in at.text_input if t.label.startswith("Sen ensimmäinen"))
    first.input("Turvallinen koulutie")
    press(at, "Tallenna tavoite")
    tree = editing.export_plan(app_env, "mini")
    added = tree["main_goals"][-1]
    assert added["title"] == {"fi": "Turvallisuus"}
    assert [s["title"] for s in added["sub_goals"]] == [{"fi": "Turvallinen koulutie"}]


def test_a_goal_without_a_title_is_refused_under_the_field(app_env, admin):
    at = page("plans", session=admin, lang="en")
    goal = at.selectbox(key="goal-target")
    goal.select_index(next(i for i, c in enumerate(goal.options) if "New sub-goal" in c)).run()
    press(at, "Save the goal")
    assert "Check this field" in at.error[0].value
    assert len(editing.export_plan(app_env, "mini")["main_goals"][0]["sub_goals"]) == 2


def test_comments_are_reviewed_as_literal_text(app_env, admin):
    round_ = open_round(app_env, action_id="mini:a1", free_text=True)
    payload = "<script>alert(1)</script> **bold** [link](http://x.example)"
    for i in range(10):
        answers.record(
            app_env,
            round_,
            answers.Answer(scores=(4,), text=payload if i == 0 else ""),
            submission_id=answers.new_submission_id(),
        )
    at = page("comments", session=admin, lang="en")
    assert [t.value for t in at.text] == [payload]
    press(at, "Contains personal data")
    assert "contains personal data" in at.caption[1].value


def test_the_comments_page_names_each_round_with_answers_flagged_as_too_fast(app_env, admin):
    quiet = open_round(app_env, action_id="mini:a1")
    busy = open_round(
        app_env, action_id="mini:a1", subjects={"fi": "Kerho", "sv": "Klubb", "en": "*Club*"}
    )
    answered(app_env, quiet, 4, 4)
    answered(app_env, busy, 1, 1, 1, flagged=True)
    answered(app_env, busy, 5)
    at = page("comments", session=admin, lang="en")
    assert [w.value for w in at.warning] == [
        f"Round {plain(f'{busy.code} (*Club*)')}: 3 answers came unusually fast, so they are "
        "flagged as possible misuse. They are kept but left out of every figure."
    ]


def test_the_comments_page_says_how_long_comments_are_kept_and_when_old_ones_went(
    app_env, admin, monkeypatch
):
    monkeypatch.setenv("FEEDBACK_COMMENT_MONTHS", "18")
    at = page("comments", session=admin, lang="sv")
    assert [i.value for i in at.info if "sparas" in i.value] == [
        "Kommentarerna sparas i 18 månader och raderas sedan. Siffrorna finns kvar. Gamla "
        "kommentarer har inte raderats än: driften ska köra `feedback retention` regelbundet."
    ]
    retention.run(app_env, now=datetime(2026, 12, 3, tzinfo=UTC))
    at = page("comments", session=admin, lang="fi")
    assert (
        "Kommentit säilytetään 18 kuukautta, sitten ne poistetaan. Luvut säilyvät. Viimeksi "
        "poistettu 3.12.2026: 0 kommenttia ennen päivää 3.6.2025."
    ) in [c.value for c in at.caption]
    assert not [i for i in at.info if "retention" in i.value]


def test_the_dashboard_offers_safe_downloads(app_env, round_, admin):
    at = page("overview", session=admin, lang="en", section="files")
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == [
        "Summary (CSV)",
        "Summary (Excel)",
        "Anonymous answers (CSV)",
        "Anonymous answers (Excel)",
        "Download the yearly report (PDF)",
    ]


def test_staff_get_the_figure_exports_but_not_the_answer_level_one(app_env, round_):
    staff = signed_in(app_env, "sari", role=auth.Role.STAFF, actors=("mini:hamina",))
    at = page("overview", session=staff, lang="en", section="files")
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == ["Summary (CSV)", "Summary (Excel)", "Download the yearly report (PDF)"]


@pytest.mark.parametrize("n", range(1, 16))
def test_the_dashboard_shows_less_than_k_for_every_small_group(app_env, admin, n):
    round_ = open_round(app_env, action_id="mini:a4")  # the only action of main goal II
    answered(app_env, round_, *[3] * n)
    table = page("overview", session=admin).table[0].value
    shown = dict(zip(table["Tavoite"].str.strip(), table["Vastauksia"], strict=True))
    expected = "< 10" if n < 10 else str(n)
    assert shown[plain("II. Hyvinvointi")] == expected
    assert shown[plain("1. Liikkuminen")] == expected
    means = dict(zip(table["Tavoite"].str.strip(), table["Keskiarvo 1–5"], strict=True))
    assert (means[plain("1. Liikkuminen")] == "") == (n < 10)


def test_the_results_page_hides_a_small_round_kindly(app_env, round_):
    answered(app_env, round_, 5, 5, 5, 5, now=datetime.now() - timedelta(days=1))
    at = page("results", s=round_.code)
    assert not at.exception
    assert at.info[0].value.startswith("Tuloksia ei näytetä vielä. Ne näytetään, kun")
    assert "Aikuiset käyvät vastaukset läpi" in markdown_text(at)


def test_the_results_page_of_a_round_with_a_subject_has_it_as_the_heading(app_env):
    round_ = rounds.create(
        app_env,
        action_id="mini:a1",
        languages=("fi", "sv"),
        subjects={"fi": "Nuorisotalon kerho", "sv": "Ungdomsgårdens klubb"},
    )
    at = page("results", s=round_.code, lang="sv")
    assert not at.exception
    assert at.subheader[0].value == "Ungdomsgårdens klubb"
    assert at.caption[0].value.startswith("Lasten parlamentti")  # the action, small


def results_faces(at: AppTest) -> list[tuple[str, str]]:
    """The results page's faces as a child reads them, in order: (name, share)."""
    html = "\n".join(str(h.proto.body) for h in at.get("html"))
    return [
        (name, share.replace("\u00a0", " "))
        for share, name in re.findall(r"<figcaption><strong>(.*?)</strong>(.*?)</figcaption>", html)
    ]


def test_the_results_page_shows_shares_and_what_was_done(app_env, round_):
    from feedback.rounds import changes

    answered(app_env, round_, *[5] * 6, *[4] * 3, 2, now=datetime.now() - timedelta(days=1))
    changes.record(
        app_env,
        action_id=round_.action_id,
        round_id=round_.id,
        you_said="Kerho on liian lyhyt",
        we_did="Kerho kestää nyt kaksi tuntia",
        status="done",
        language="fi",
    )
    at = page("results", s=round_.code, lang="fi")
    assert results_faces(at) == [
        ("Tosi huono", "0 %"),
        ("Huono", "10 %"),
        ("Ihan ok", "0 %"),
        ("Hyvä", "30 %"),
        ("Tosi hyvä", "60 %"),
    ]
    text = markdown_text(at)
    assert "Tehty" in text and "Kerho kestää nyt kaksi tuntia" in text


def test_the_thank_you_tells_what_was_done_after_last_time(app_env):
    from datetime import date, timedelta

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


def test_a_council_member_evaluates_the_years_actions_once(app_env):
    for action in ("mini:a1", "mini:a2"):
        open_round(app_env, action_id=action, audiences=("youth-council",))
    member = signed_in(app_env, "nuva", role=auth.Role.COUNCIL)
    at = page("council", session=member, lang="en")
    assert not at.exception
    assert len(at.radio) == 2 + 3, "two actions and three questions about the council itself"
    press(at, "Send the evaluation")
    assert at.warning[0].value == "Choose a face for every action and for your own activity."
    for radio in at.radio:
        radio.set_value(4)
    at.text_area[1].input("Open the youth centre on Sundays")
    press(at, "Send the evaluation")
    assert at.success[0].value == "Thank you! Your evaluation has been saved."
    again = page("council", session=member, lang="en")
    assert again.success[0].value.startswith("You have already given your evaluation")
    assert [t.value for t in again.text] == ["Open the youth centre on Sundays"]


@pytest.mark.sqlite_only  # write_locked holds SQLite's lock; PostgreSQL's is the answers' table
def test_an_evaluation_that_cannot_be_stored_keeps_the_choices_and_is_logged(
    app_env, monkeypatch, caplog
):
    open_round(app_env, action_id="mini:a1", audiences=("youth-council",))
    member = signed_in(app_env, "nuva", role=auth.Role.COUNCIL)
    monkeypatch.setattr(storage.base, "BUSY_TIMEOUT_MS", 100)  # fail fast instead of waiting
    at = page("council", session=member, lang="en")
    for radio in at.radio:
        radio.set_value(2)
    with write_locked(app_env):
        press(at, "Send the evaluation")
    assert at.error[0].value == "The evaluation was not saved. Your choices are kept: try again."
    assert [r.value for r in at.radio] == [2, 2, 2, 2], "the faces chosen stay on screen"
    assert "could not store the youth council's evaluation of plan mini" in caplog.text
    press(at, "Send the evaluation")
    assert at.success[0].value == "Thank you! Your evaluation has been saved."


def test_staff_cannot_open_the_council_page_but_answer_proposals(app_env, admin):
    from feedback.rounds import council

    round_ = open_round(app_env, action_id="mini:a1", audiences=("youth-council",))
    member = signed_in(app_env, "nuva", role=auth.Role.COUNCIL)
    council.submit(
        app_env,
        username="nuva",
        plan_id="mini",
        ratings=[council.Rating(round_.code, 5, "", "Lisää lautapelejä")],
        self_scores={q: 4 for q in council.SELF_QUESTIONS},
    )
    del member
    staff = signed_in(app_env, "kotka", role=auth.Role.STAFF, actors=("mini:kotka",))
    assert page("council", session=staff).error[0].value == "Sinulla ei ole oikeutta tälle sivulle."
    at = page("comments", session=admin, lang="en")
    answer = next(t for t in at.text_area if t.label == "Answer to the youth council")
    answer.input("We buy new games in May.")
    press(at, "Save the answer")
    assert at.success[0].value == "Answer saved."
    assert council.proposals(app_env, "mini")[0].answer == "We buy new games in May."


def test_the_results_page_of_an_action_adds_up_its_published_rounds(app_env):
    yesterday = datetime.now() - timedelta(days=1)
    first, second, small = (open_round(app_env, action_id="mini:a3") for _ in range(3))
    answered(app_env, first, 5, 5, 5, 4, 3, 5, 5, 5, 5, 4, 3, 5, now=yesterday)
    answered(app_env, second, 5, 5, 5, 4, 3, 1, 5, 5, 5, 4, 3, 1, now=yesterday)
    answered(app_env, small, 1, 1, 1, now=yesterday)  # not shown on its own, so not in the sum
    at = page("results", a="mini:a3", lang="en")
    assert not at.exception
    assert "24 answers came in." in markdown_text(at)
    assert at.subheader[0].value == "Maksuton kerhotoiminta"
    assert [share for _, share in results_faces(at)] == ["8%", "0%", "17%", "17%", "58%"]


def test_the_results_page_of_an_unknown_action_says_so(app_env):
    at = page("results", a="mini:zzz", lang="sv")
    assert at.info[0].value == "Resultaten hittades inte. Kontrollera länken."


@pytest.fixture
def single_sign_on(app_env, tmp_path, monkeypatch):
    """A secrets file with a complete `[auth]` table (no provider answers it here: the browser
    tests sign in through a real one)."""
    path = tmp_path / "sso-secrets.toml"
    path.write_text(
        f'cookie_key = "{"k" * 48}"\n[auth]\nredirect_uri = "http://127.0.0.1/oauth2callback"\n'
        'cookie_secret = "s"\nclient_id = "c"\nclient_secret = "t"\n'
        'server_metadata_url = "http://127.0.0.1:9/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("FEEDBACK_SECRETS", str(path))
    return app_env


def test_with_single_sign_on_the_sign_in_page_offers_the_municipality_account_first(
    single_sign_on,
):
    at = page("login", lang="sv", next="/rounds")
    assert not at.exception
    assert [b.label for b in at.button] == ["Logga in med kommunens konto", "Logga in"]
    assert at.subheader[0].value == "Eller logga in med användarnamn och lösenord"
    assert [t.label for t in at.text_input] == ["Användarnamn", "Lösenord"]
    press(at, "Logga in med kommunens konto")
    form = handover(at)
    assert 'action="/sso/start"' in form and 'name="next" value="/rounds"' in form
    assert 'name="language" value="sv"' in form


def test_with_password_sign_in_off_only_the_municipality_account_is_offered(
    single_sign_on, monkeypatch
):
    monkeypatch.setenv("FEEDBACK_PASSWORD_SIGNIN", "off")
    at = page("login", lang="en")
    assert not at.exception
    assert [b.label for b in at.button] == ["Sign in with the municipality's account"]
    assert not at.text_input and not at.subheader
