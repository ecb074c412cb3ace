"""The sign-in page (/login): passwords, the own-password form, single sign-on."""

import pytest
from streamlit.testing.v1 import AppTest

from feedback.staff import auth
from feedback.ui.escaping import plain
from tests.support.pages import page, press
from tests.support.users import signed_in


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
