"""Single sign-on in real chromium against a real OpenID Connect provider (npm oidc-provider,
tests/oidc/provider.mjs) started on loopback: sign-in, role mapping, refusal, sign-out, and a
replayed session after the user is disabled. The app runs with password sign-in off."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.server import free_port, launch, wait_healthy
from feedback import i18n, plans, settings, storage
from feedback.staff import auth, sso
from tests.support.accessibility import serious_violations
from tests.support.browser import LANDED, TABLET, screenshot, session_cookie, settle
from tests.support.rounds import open_round
from tests.support.stores import new_store

pytestmark = pytest.mark.browser

OIDC_DIR = settings.PROJECT_ROOT / "tests" / "oidc"
STAFF_GROUP = "Hamina staff"
ADMIN_GROUP = "0b9e-feedback-admins"
#: The provider's accounts: the login typed on its sign-in form → the claims it vouches for.
ACCOUNTS = {
    "maija": {"preferred_username": "Maija@hamina.fi", "groups": [STAFF_GROUP, "All staff"]},
    "anna": {"preferred_username": "anna@kymenlaakso.fi", "groups": ["All staff", ADMIN_GROUP]},
    "olli": {"preferred_username": "olli@hamina.fi", "groups": ["All staff"]},
    "pekka": {"preferred_username": "pekka@hamina.fi", "roles": STAFF_GROUP},
}


@dataclass(frozen=True)
class SsoServer:
    url: str
    db_path: str | Path


@pytest.fixture(scope="module")
def provider(tmp_path_factory) -> Iterator[dict]:
    """oidc-provider on a free loopback port, with one client whose secret this run made."""
    if not (OIDC_DIR / "node_modules" / "oidc-provider").exists():
        pytest.fail("npm oidc-provider is missing: run the tests through scripts/test.sh")
    folder = tmp_path_factory.mktemp("oidc")
    app_port, port = free_port(), free_port()
    config = {
        "port": port,
        # Another host name than the app's 127.0.0.1, so that the two keep their cookies apart
        # and the way back from the provider is a cross-site navigation, as in production.
        "issuer": f"http://localhost:{port}",
        "client_id": "welfare-feedback",
        "client_secret": secrets.token_urlsafe(32),
        "redirect_uri": f"http://127.0.0.1:{app_port}/oauth2callback",
        "accounts": ACCOUNTS,
        "app_port": app_port,
    }
    (folder / "provider.json").write_text(json.dumps(config), encoding="utf-8")
    log = (folder / "provider.log").open("w")
    process = subprocess.Popen(
        [
            shutil.which("node") or "node",
            str(OIDC_DIR / "provider.mjs"),
            str(folder / "provider.json"),
        ],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    assert process.stdout.readline().strip() == "ready", (folder / "provider.log").read_text()
    yield config
    process.terminate()
    process.wait(timeout=10)
    process.stdout.close()
    log.close()


@pytest.fixture(scope="module")
def sso_server(store_kind, provider, tmp_path_factory) -> Iterator[SsoServer]:
    """The app with `[auth]` pointing at the provider, password sign-in off, the real plans
    and the admin's two rules."""
    folder = tmp_path_factory.mktemp(f"sso-{store_kind}")
    secrets_path = folder / "secrets.toml"
    secrets_path.write_text(
        f'cookie_key = "{secrets.token_urlsafe(48)}"\n\n'
        "[auth]\n"
        f'redirect_uri = "{provider["redirect_uri"]}"\n'
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
        f'client_id = "{provider["client_id"]}"\n'
        f'client_secret = "{provider["client_secret"]}"\n'
        f'server_metadata_url = "{provider["issuer"]}/.well-known/openid-configuration"\n'
        # oidc-provider knows no prompt=select_account (Streamlit's default); Entra ID does.
        'client_kwargs = { prompt = "login" }\n',
        encoding="utf-8",
    )
    db_path = new_store(store_kind, folder)
    plans.import_directory(db_path, settings.PLANS_DIR)
    sso.add_rule(db_path, STAFF_GROUP, role=auth.Role.STAFF, actors=("kymenlaakso:hamina",))
    sso.add_rule(db_path, ADMIN_GROUP, role=auth.Role.ADMIN)
    log = folder / "server.log"
    os.environ["FEEDBACK_PASSWORD_SIGNIN"] = "off"
    try:
        process = launch(db_path, provider["app_port"], log, secrets_path=secrets_path)
    finally:
        del os.environ["FEEDBACK_PASSWORD_SIGNIN"]
    url = f"http://127.0.0.1:{provider['app_port']}"
    wait_healthy(url, process, log)
    yield SsoServer(url, db_path)
    process.terminate()
    process.wait(timeout=15)


@pytest.fixture
def context(browser):
    opened = browser.new_context(viewport=TABLET)
    yield opened
    opened.close()


def sign_in_at_provider(page, server: SsoServer, login: str, *, lang: str = "fi", start=None):
    """From the sign-in page (or `start`), through the button and the provider's own form."""
    page.goto(start or f"{server.url}/login?lang={lang}")
    page.get_by_role("button", name=i18n.t("login.sso_button", lang)).click()
    page.wait_for_url(re.compile(r"^http://localhost:\d+/interaction/"), timeout=30_000)
    page.locator('input[name="login"]').fill(login)
    page.locator('input[name="password"]').fill("anything: the provider's test form")
    page.locator('button[type="submit"]').click()


def landed(page) -> dict:
    page.wait_for_url(LANDED, timeout=30_000)
    cookie = session_cookie(page.context)
    assert cookie is not None and cookie["httpOnly"]
    return cookie


def user_row(server: SsoServer, username: str):
    with storage.reading(server.db_path) as db:
        return db.execute(
            "SELECT role, actors, single_sign_on, must_change_password FROM users "
            "WHERE username = ?",
            [username],
        ).fetchone()


def live_sessions(server: SsoServer, username: str) -> int:
    with storage.reading(server.db_path) as db:
        return db.execute(
            "SELECT count(*) FROM sessions WHERE username = ? AND revoked = 0", [username]
        ).fetchone()[0]


def test_the_sign_in_page_offers_only_the_municipality_account_when_passwords_are_off(
    sso_server, context
):
    page = context.new_page()
    for lang in ("fi", "en", "sv"):
        page.goto(f"{sso_server.url}/login?lang={lang}")
        button = page.get_by_role("button", name=i18n.t("login.sso_button", lang))
        button.wait_for(timeout=30_000)
        settle(page)
        assert page.get_by_label(i18n.t("login.password", lang)).count() == 0
        assert page.get_by_label(i18n.t("login.username", lang)).count() == 0
        assert serious_violations(page) == [], lang
    screenshot(page, "sso-sign-in-sv-1024")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "sso-sign-in-sv-390")


def test_a_mapped_staff_member_signs_in_in_swedish_and_sees_only_their_actors_rounds(
    sso_server, context
):
    own = open_round(sso_server.db_path, action_id="kymenlaakso:hamina-01")
    other = open_round(sso_server.db_path, action_id="kymenlaakso:kymsote-01")
    page = context.new_page()
    page.goto(f"{sso_server.url}/rounds?lang=sv")
    page.get_by_text(i18n.t("login.required", "sv")).wait_for(timeout=30_000)
    page.get_by_role("link", name=i18n.t("login.go", "sv")).click()
    page.get_by_role("button", name=i18n.t("login.sso_button", "sv")).wait_for(timeout=30_000)
    sign_in_at_provider(page, sso_server, "maija", lang="sv", start=page.url)
    landed(page)
    assert re.search(r"/rounds\?(.+&)?lang=sv", page.url), page.url
    assert user_row(sso_server, "maija@hamina.fi") == ("staff", '["kymenlaakso:hamina"]', 1, 0)
    page.get_by_role("heading", name=i18n.t("rounds.title", "sv")).wait_for(timeout=30_000)
    settle(page)
    page.get_by_role("combobox", name=i18n.t("rounds.choose", "sv")).click()
    options = page.get_by_role("option").all_inner_texts()
    assert any(own.code in o for o in options)
    assert not any(other.code in o for o in options)
    assert other.code not in page.content()


@pytest.mark.both_stores
def test_an_admin_by_group_signs_in_and_lands_on_the_dashboard(sso_server, context):
    page = context.new_page()
    sign_in_at_provider(page, sso_server, "anna")
    landed(page)
    assert re.search(r"/overview\?lang=fi", page.url), page.url
    assert user_row(sso_server, "anna@kymenlaakso.fi") == ("admin", "[]", 1, 0)
    # Only admins have the plans page in their navigation.
    page.get_by_role("link", name=i18n.t("plans.title", "fi")).wait_for(timeout=30_000)
    screenshot(page, "sso-admin-overview-1024")


def test_someone_no_rule_lets_in_is_refused_in_their_language_with_no_session(sso_server, context):
    page = context.new_page()
    sign_in_at_provider(page, sso_server, "olli", lang="en")
    page.get_by_text(i18n.t("login.sso_unmapped", "en")).wait_for(timeout=30_000)
    settle(page)
    assert re.search(r"/login\?lang=en", page.url), page.url
    assert session_cookie(context) is None
    assert user_row(sso_server, "olli@hamina.fi") is None
    with storage.reading(sso_server.db_path) as db:
        assert db.execute(
            "SELECT count(*) FROM sessions WHERE username = 'olli@hamina.fi'"
        ).fetchone() == (0,)
    assert serious_violations(page) == []
    screenshot(page, "sso-refused-en-1024")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "sso-refused-en-390")
    # Trying another account ends the provider's sign-in: the button is back, not the refusal.
    page.get_by_role("button", name=i18n.t("login.sso_other_account", "en")).click()
    confirm_provider_sign_out(page)
    page.get_by_role("button", name=i18n.t("login.sso_button", "en")).wait_for(timeout=30_000)
    assert page.get_by_text(i18n.t("login.sso_unmapped", "en")).count() == 0


def confirm_provider_sign_out(page) -> None:
    """The provider asks whether to sign out of it too (as Entra ID does): yes."""
    page.wait_for_url(re.compile(r"^http://localhost:\d+/session/end"), timeout=30_000)
    page.get_by_role("button", name=re.compile("Yes", re.IGNORECASE)).click()
    page.wait_for_url(re.compile(r"/login\?"), timeout=30_000)


def test_signing_out_ends_the_session_and_the_providers_sign_in(sso_server, context):
    before = live_sessions(sso_server, "maija@hamina.fi")  # of other tests' browsers
    page = context.new_page()
    sign_in_at_provider(page, sso_server, "maija")
    landed(page)
    assert live_sessions(sso_server, "maija@hamina.fi") == before + 1
    page.goto(f"{sso_server.url}/login?lang=fi")
    page.get_by_role("button", name=i18n.t("login.sign_out", "fi")).wait_for(timeout=30_000)
    settle(page)
    # The password is the provider's business: no password change here.
    assert page.get_by_text(i18n.t("login.change_title", "fi")).count() == 0
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "sso-signed-in-fi-390")
    page.get_by_role("button", name=i18n.t("login.sign_out", "fi")).click()
    confirm_provider_sign_out(page)
    assert "signed_out=1" in page.url and "lang=fi" in page.url
    page.get_by_text(i18n.t("login.signed_out", "fi")).wait_for(timeout=30_000)
    page.get_by_role("button", name=i18n.t("login.sso_button", "fi")).wait_for()
    settle(page)
    assert session_cookie(context) is None
    assert live_sessions(sso_server, "maija@hamina.fi") == before
    page.goto(f"{sso_server.url}/overview")
    page.get_by_text(i18n.t("login.required", "fi")).wait_for(timeout=30_000)


def test_a_session_replayed_after_disable_is_refused_and_so_is_a_fresh_sign_in(
    sso_server, browser, context
):
    page = context.new_page()
    sign_in_at_provider(page, sso_server, "pekka")
    landed(page)
    assert user_row(sso_server, "pekka@hamina.fi")[0] == "staff"  # by the `roles` claim
    copied = context.cookies()
    assert {c["name"] for c in copied} >= {auth.COOKIE_NAME, "_streamlit_user"}
    auth.disable_user(sso_server.db_path, "pekka@hamina.fi")

    replay = browser.new_context(viewport=TABLET)
    try:
        replay.add_cookies(copied)
        again = replay.new_page()
        again.goto(f"{sso_server.url}/overview")
        again.get_by_text(i18n.t("login.required", "fi")).wait_for(timeout=30_000)
        # The provider's identity cookie, copied too, opens no session either.
        again.goto(f"{sso_server.url}/login")
        again.get_by_text(i18n.t("login.sso_disabled", "fi")).wait_for(timeout=30_000)
        settle(again)
        assert live_sessions(sso_server, "pekka@hamina.fi") == 0
    finally:
        replay.close()

    fresh = browser.new_context(viewport=TABLET)
    try:
        page = fresh.new_page()
        sign_in_at_provider(page, sso_server, "pekka")
        page.get_by_text(i18n.t("login.sso_disabled", "fi")).wait_for(timeout=30_000)
        settle(page)
        assert session_cookie(fresh) is None
        assert live_sessions(sso_server, "pekka@hamina.fi") == 0
    finally:
        fresh.close()
