"""Every page driven through Streamlit's AppTest against a real temporary database."""

import pytest
from streamlit.testing.v1 import AppTest

from feedback import responses, settings, surveys

ROOT = settings.PROJECT_ROOT
TIMEOUT = 30


def page(name: str, **query) -> AppTest:
    path = ROOT / ("streamlit_app.py" if name == "home" else f"pages/{name}.py")
    at = AppTest.from_file(str(path), default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def markdown_text(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def test_the_respondent_sees_the_action_and_five_labelled_faces(app_env, survey):
    at = page("respond", s=survey.code)
    assert not at.exception
    assert at.subheader[0].value == "Lasten parlamentti"
    radio = at.radio(key=f"faces-{survey.code}")
    assert radio.label == "Mitä mieltä olet tästä?"
    assert radio.options == ["Tosi huono", "Huono", "Ihan ok", "Hyvä", "Tosi hyvä"]
    assert radio.value is None
    assert at.button[0].label == "Lähetä"


@pytest.mark.parametrize(
    ("lang", "question", "send", "best"),
    [
        ("sv", "Vad tycker du om det här?", "Skicka", "Mycket bra"),
        ("en", "What do you think of this?", "Send", "Very good"),
    ],
)
def test_the_respondent_page_speaks_swedish_and_english(
    app_env, survey, lang, question, send, best
):
    at = page("respond", s=survey.code, lang=lang)
    radio = at.radio(key=f"faces-{survey.code}")
    assert radio.label == question
    assert radio.options[-1] == best
    assert at.button[0].label == send


def test_choosing_a_face_and_sending_stores_one_answer_and_thanks(app_env, survey):
    at = page("respond", s=survey.code)
    at.radio(key=f"faces-{survey.code}").set_value(4).run()
    assert responses.count(app_env, survey) == 0, "choosing a face must not send"
    # A form sends its widgets' values together with the button press.
    at.radio(key=f"faces-{survey.code}").set_value(4)
    at.button[0].click().run()
    assert not at.exception
    assert at.header[0].value == "Kiitos!"
    assert "tallennettu" in at.success[0].value
    assert responses.count(app_env, survey) == 1
    assert not at.radio, "the question is gone after the thank-you"


def test_sending_without_a_face_asks_for_one_and_stores_nothing(app_env, survey):
    at = page("respond", s=survey.code)
    at.button[0].click().run()
    assert at.warning[0].value == "Valitse ensin yksi naama. Sitten paina Lähetä."
    assert responses.count(app_env, survey) == 0


def test_a_round_closed_while_answering_says_it_has_ended(app_env, survey):
    at = page("respond", s=survey.code)
    surveys.set_status(app_env, survey.code, "closed")
    at.radio(key=f"faces-{survey.code}").set_value(5)
    at.button[0].click().run()
    assert not at.exception
    assert at.header[0].value == "Kyselyä ei löytynyt"
    assert "päättynyt" in at.info[0].value
    assert responses.count(app_env, survey) == 0


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


def test_the_overview_shows_figures_per_goal(app_env, survey):
    for score in [5] * 8 + [4] * 4:
        responses.record(app_env, survey, score=score, submission_id=responses.new_submission_id())
    at = page("overview")
    assert not at.exception
    assert "Esikatselu" in at.info[0].value
    table = at.dataframe[0].value
    goals = list(table["Tavoite"])
    assert goals[0] == "I. Osallisuus"
    row = table[table["Tavoite"].str.endswith("1. Lapsia kuullaan")].iloc[0]
    assert (row["Vastauksia"], row["Keskiarvo 1–5"], row["Myönteisiä (4–5)"]) == (
        "12",
        "4,7",
        "100\u00a0%",
    )
    hidden = table[table["Tavoite"].str.endswith("1. Liikkuminen")].iloc[0]
    assert hidden["Vastauksia"] == "0"


def test_the_overview_without_plans_says_how_to_load_them(db_path, monkeypatch):
    monkeypatch.setenv("FEEDBACK_DB", str(db_path))
    at = page("overview")
    assert "feedback init" in at.warning[0].value


def test_the_front_page_explains_the_service(app_env):
    at = page("home", lang="sv")
    assert not at.exception
    assert at.title[0].value == "Barns och ungas respons"
    assert "anonyma" in markdown_text(at)
