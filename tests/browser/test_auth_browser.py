"""Staff pages in real chromium: denied without a genuine live session, in every way we know."""

import re
import time
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from playwright.sync_api import expect

from feedback import i18n, storage
from feedback.staff import auth, throttle
from tests.support.accessibility import serious_violations
from tests.support.browser import (
    TABLET,
    screenshot,
    session_cookie,
    settle,
    sign_in,
    sign_out,
    still,
    wait_for_session_cookie,
)
from tests.support.pages import STAFF_PAGES
from tests.support.rounds import open_round
from tests.support.users import PASSWORD, make_user

pytestmark = pytest.mark.browser

DENIED = "Tämä sivu on henkilöstölle. Kirjaudu ensin sisään."


def cookie_value(context):
    return session_cookie(context)["value"]


def wait_for_cookie(page):
    wait_for_session_cookie(page)


def assert_denied(page, server, name):
    page.goto(f"{server.url}/{name}")
    page.get_by_text(DENIED).wait_for(timeout=30_000)
    settle(page)
    assert page.get_by_role("table").count() == 0
    assert page.locator('[data-testid="stDataFrame"], [data-testid="stTable"]').count() == 0
    assert page.get_by_text(re.compile(r"respond\?s=")).count() == 0


def with_cookie(browser, server, value):
    context = browser.new_context()
    context.add_cookies([{"name": auth.COOKIE_NAME, "value": value, "url": server.url}])
    return context


@pytest.fixture(scope="module")
def admin(server):
    make_user(server, "paakayttaja", role="admin")
    return "paakayttaja"


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_every_staff_page_is_denied_without_a_session(server, browser, name):
    context = browser.new_context()
    assert_denied(context.new_page(), server, name)
    context.close()


@pytest.mark.both_stores
def test_signing_in_opens_the_staff_pages_across_reloads(server, browser, admin):
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, server, admin)
    wait_for_cookie(page)
    page.goto(f"{server.url}/login")
    page.get_by_text("Olet kirjautunut: paakayttaja").first.wait_for()
    screenshot(page, "login-signed-in-tablet")
    for name, heading in (
        ("overview", "Yhteenveto tavoitteittain"),
        ("rounds", "Palautekierrokset"),
        ("comments", "Vapaat kommentit"),
    ):
        page.goto(f"{server.url}/{name}")
        page.get_by_role("heading", name=heading).wait_for(timeout=30_000)
    settle(page)
    screenshot(page, "rounds-signed-in-tablet")
    context.close()


def test_the_session_cookie_is_set_by_the_server_out_of_reach_of_scripts(server, browser, admin):
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, server, admin)
    cookie = wait_for_session_cookie(page)
    assert (cookie["httpOnly"], cookie["sameSite"], cookie["path"]) == (True, "Strict", "/")
    assert cookie["expires"] > datetime.now(UTC).timestamp() + 6 * 24 * 3600
    page.get_by_role("heading", name="Yhteenveto tavoitteittain").wait_for(timeout=30_000)
    assert "feedback_session" not in page.evaluate("document.cookie")
    assert page.url.startswith(f"{server.url}/overview?lang=fi"), "straight on to the dashboard"
    context.close()


def test_forged_tampered_and_expired_cookies_are_denied(server, browser, admin):
    session_id = auth.login(server.db_path, admin, "correct horse battery staple")
    genuine = auth.cookie_token(session_id, key=server.cookie_key)
    head, body, signature = genuine.split(".")
    forged = auth.cookie_token(session_id, key="not the key " * 4)
    tampered = f"{head}.{body}.{signature[:-3]}AAA"
    expired = jwt.encode(
        {"sid": session_id, "exp": datetime.now(UTC) - timedelta(minutes=1)},
        server.cookie_key,
        algorithm="HS256",
    )
    made_up = auth.cookie_token("no-such-session", key=server.cookie_key)
    for value in (forged, tampered, expired, made_up, "garbage"):
        context = with_cookie(browser, server, value)
        assert_denied(context.new_page(), server, "overview")
        context.close()
    # The genuine one works, which shows the refusals above were about the cookie.
    context = with_cookie(browser, server, genuine)
    page = context.new_page()
    page.goto(f"{server.url}/overview")
    page.get_by_role("heading", name="Yhteenveto tavoitteittain").wait_for(timeout=30_000)
    context.close()


def test_a_cookie_copied_before_logout_does_not_work_afterwards(server, browser, admin):
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, server, admin)
    wait_for_cookie(page)
    copied = cookie_value(context)
    # Come back to the sign-in page (a new session, signed in by the cookie), then sign out.
    sign_out(page, server)
    context.close()
    replay = with_cookie(browser, server, copied)
    for name in STAFF_PAGES:
        assert_denied(replay.new_page(), server, name)
    replay.close()


@pytest.mark.both_stores
def test_a_disabled_users_cookie_stops_working(server, browser):
    make_user(server, "lahtija", role="admin")
    session_id = auth.login(server.db_path, "lahtija", "correct horse battery staple")
    context = with_cookie(browser, server, auth.cookie_token(session_id, key=server.cookie_key))
    auth.disable_user(server.db_path, "lahtija")
    assert_denied(context.new_page(), server, "rounds")
    context.close()


def test_staff_of_one_actor_cannot_see_another_actors_rounds(server, browser):
    make_user(server, "hamina-staff", role="staff", actors=("kymenlaakso:hamina",))
    own = open_round(server.db_path, action_id="kymenlaakso:hamina-01")
    other = open_round(server.db_path, action_id="kymenlaakso:kymsote-01")
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, server, "hamina-staff")
    wait_for_cookie(page)
    page.goto(f"{server.url}/rounds")
    page.get_by_role("heading", name="Palautekierrokset").wait_for(timeout=30_000)
    settle(page)
    page.get_by_role("combobox", name="Kierros").click()
    options = page.get_by_role("option").all_inner_texts()
    assert any(own.code in o for o in options)
    assert not any(other.code in o for o in options)
    assert other.code not in page.content()
    context.close()


def wait_for_failures(server, username: str, failures: int) -> None:
    """Until the server has counted this many wrong passwords for `username`."""
    for _ in range(300):
        with storage.reading(server.db_path) as db:
            row = db.execute(
                "SELECT failures FROM login_attempts WHERE username = ?", [username]
            ).fetchone()
        if row and row[0] >= failures:
            return
        time.sleep(0.1)
    raise TimeoutError(f"the server counted no {failures} failures for {username}")


def test_guessing_passwords_backs_off_and_then_recovers(server, browser):
    make_user(server, "arvattava", role="admin")
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, server, "arvattava", "wrong password guess")
    for failures in range(1, throttle.FREE_ATTEMPTS + 1):
        page.get_by_text("Käyttäjätunnus tai salasana on väärin.").wait_for()
        wait_for_failures(server, "arvattava", failures)
        settle(page)
        # The next try on the same form, without loading the page again: the pause after the
        # last free attempt is 2 s, shorter than a page load on a busy machine.
        last = failures == throttle.FREE_ATTEMPTS
        page.get_by_label("Salasana").fill(PASSWORD if last else "wrong password guess")
        page.get_by_role("button", name="Kirjaudu").click()
    # even the right password waits now
    page.get_by_text(re.compile("Liian monta yritystä")).wait_for()
    screenshot(page, "login-backoff-tablet")
    page.wait_for_timeout(2500)
    sign_in(page, server, "arvattava")
    wait_for_cookie(page)
    page.get_by_role("heading", name="Yhteenveto tavoitteittain").wait_for(timeout=30_000)
    context.close()


def test_the_admin_pages_render_for_an_admin(server, browser, admin):
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    sign_in(page, server, admin)
    wait_for_cookie(page)
    for name, heading in (("plans", "Suunnitelmat"), ("entry", "Paperivastaukset ja osallistujat")):
        page.goto(f"{server.url}/{name}")
        page.get_by_role("heading", name=heading).wait_for(timeout=30_000)
        settle(page)
        screenshot(page, f"{name}-admin-tablet")
    context.close()


def test_staff_are_refused_the_admin_plans_page(server, browser):
    make_user(server, "kotka-staff", role="staff", actors=("kymenlaakso:kotka",))
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, server, "kotka-staff")
    wait_for_cookie(page)
    page.goto(f"{server.url}/plans")
    page.get_by_text("Sinulla ei ole oikeutta tälle sivulle.").wait_for(timeout=30_000)
    assert page.get_by_role("button", name="Lataa suunnitelmatiedosto (YAML)").count() == 0
    context.close()


# --- Signing in with the keyboard only: Tab, typing and Enter, as a person does ------------

PHONE_390 = {"width": 390, "height": 844}
#: What each form holds, field by field: (type, autocomplete), the username first.
LOGIN_FIELDS = [("text", "username"), ("password", "current-password")]
FIRST_PASSWORD_FIELDS = [("text", "username"), ("password", "new-password")]


def t(key: str, lang: str, **values) -> str:
    return i18n.t(key, lang, **values)


def tab_to(page, field) -> None:
    """Press Tab until `field` has the focus, as someone with a keyboard gets there."""
    for _ in range(40):
        if field.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {field}")


def the_one_form(page) -> list[tuple[str, str]]:
    """The only form on screen, as (type, autocomplete) of its fields; fails if there are
    more forms, or a password field outside the form."""
    settle(page)
    forms = page.locator('[data-testid="stForm"], form')
    assert forms.count() == 1, "one form at a time"
    passwords = page.locator("input[type=password]")
    assert passwords.count() == forms.first.locator("input[type=password]").count()
    return [
        (field.get_attribute("type"), field.get_attribute("autocomplete"))
        for field in forms.first.locator("input").all()
    ]


def keyboard_sign_in(page, username: str, password: str, lang: str) -> None:
    tab_to(page, page.get_by_label(t("login.username", lang)))
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_new_user_signs_in_sets_a_password_and_lands_on_the_dashboard_by_keyboard(
    server, browser, lang
):
    name = f"uusi-{lang}"
    one_time = auth.add_user(server.db_path, name, role=auth.Role.ADMIN)
    context = browser.new_context(viewport=TABLET)
    page = context.new_page()
    page.goto(f"{server.url}/login?lang={lang}")
    page.get_by_role("heading", name=t("login.title", lang)).wait_for(timeout=30_000)
    assert the_one_form(page) == LOGIN_FIELDS
    for size, device in ((PHONE_390, "phone"), (TABLET, "tablet")):
        page.set_viewport_size(size)
        screenshot(page, f"signin-{lang}-{device}")
    page.evaluate("window.stillThisPage = true")  # gone if the browser loads another page
    page.on(
        "request",
        lambda r: print("REQ", r.method, r.url, r.post_data) if r.is_navigation_request() else None,
    )
    keyboard_sign_in(page, name, one_time, lang)

    page.get_by_text(t("login.must_change", lang)).wait_for(timeout=30_000)
    assert the_one_form(page) == FIRST_PASSWORD_FIELDS
    assert page.evaluate("window.stillThisPage"), "the form came without a reload"
    assert page.locator("input[autocomplete=username]").input_value() == name
    assert page.get_by_text(f"{t('login.username', lang)}: {name}").is_visible()
    assert page.get_by_role("heading", name=t("login.change_title", lang)).is_visible()
    for size, device in ((PHONE_390, "phone"), (TABLET, "tablet")):
        page.set_viewport_size(size)
        screenshot(page, f"signin-new-password-{lang}-{device}")
    assert serious_violations(page) == []
    new_password = page.get_by_label(t("login.new_password", lang))
    tab_to(page, new_password)
    page.keyboard.type("too short")
    page.keyboard.press("Enter")
    page.get_by_text(t("login.too_short", lang)).wait_for()
    assert session_cookie(context) is None, "no cookie before the own password is set"
    still(page)  # the rerun after the error has been drawn
    tab_to(page, new_password)
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(PASSWORD)
    still(page)  # what is typed now stays: nothing reloads the form
    expect(new_password).to_have_value(PASSWORD)
    page.keyboard.press("Enter")

    wait_for_session_cookie(page)
    assert page.url.startswith(f"{server.url}/overview?lang={lang}")
    page.get_by_role("heading", name=t("overview.title", lang)).wait_for(timeout=30_000)
    assert auth.session_user(server.db_path, auth.login(server.db_path, name, PASSWORD))
    context.close()


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_right_password_goes_straight_to_the_dashboard_by_keyboard(server, browser, lang):
    name = f"suoraan-{lang}"
    make_user(server, name, role="staff", actors=("kymenlaakso:hamina",))
    context = browser.new_context(viewport=PHONE_390)
    page = context.new_page()
    page.goto(f"{server.url}/login?lang={lang}")
    page.get_by_role("heading", name=t("login.title", lang)).wait_for(timeout=30_000)
    assert the_one_form(page) == LOGIN_FIELDS
    keyboard_sign_in(page, name, "not the password", lang)
    page.get_by_text(t("login.wrong", lang)).wait_for()
    assert page.get_by_label(t("login.username", lang)).input_value() == name, "kept"
    tab_to(page, page.get_by_label(t("login.password", lang)))
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    wait_for_session_cookie(page)
    assert page.url.startswith(f"{server.url}/overview?lang={lang}")
    page.get_by_role("heading", name=t("overview.title", lang)).wait_for(timeout=30_000)
    context.close()


def test_the_sign_in_goes_on_to_where_the_person_was_going_but_never_to_another_site(
    server, browser
):
    make_user(server, "perille", role="admin")
    context = browser.new_context(viewport=TABLET)
    page = context.new_page()
    page.goto(f"{server.url}/rounds?lang=sv")
    page.get_by_text(t("login.required", "sv")).wait_for(timeout=30_000)
    settle(page)
    link = page.get_by_role("link", name=t("login.go", "sv"))
    tab_to(page, link)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=t("login.title", "sv")).wait_for(timeout=30_000)
    assert "next=%2Frounds" in page.url
    settle(page)
    keyboard_sign_in(page, "perille", PASSWORD, "sv")
    wait_for_session_cookie(page)
    assert page.url == f"{server.url}/rounds?lang=sv"
    page.get_by_role("heading", name=t("rounds.title", "sv")).wait_for(timeout=30_000)
    sign_out(page, server)

    page.goto(f"{server.url}/login?next=https://evil.example/")
    page.get_by_role("heading", name="Kirjautuminen").wait_for(timeout=30_000)
    settle(page)
    keyboard_sign_in(page, "perille", PASSWORD, "fi")
    wait_for_session_cookie(page)
    assert page.url.startswith(f"{server.url}/overview?lang=fi")
    page.get_by_role("heading", name="Yhteenveto tavoitteittain").wait_for(timeout=30_000)
    context.close()
