"""Single sign-on's rules and sign-in (feedback.staff.sso) on each store; the browser flow against a
real provider is in tests/browser/test_sso_browser.py."""

from datetime import UTC, datetime, timedelta

import pytest

from feedback import plans, storage
from feedback.staff import auth, sso
from feedback.staff.auth import Role
from feedback.staff.sso import Claims, Rule

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def db(db_path, plan_file):
    plans.import_file(db_path, plan_file)
    sso.add_rule(db_path, "Hamina staff", role=Role.STAFF, actors=("mini:hamina",))
    sso.add_rule(db_path, "Admins", role=Role.ADMIN)
    return db_path


def identity(name="maija@hamina.fi", *, issued=NOW, **claims):
    return {"preferred_username": name, "iat": int(issued.timestamp()), **claims}


def users(db_path):
    with storage.reading(db_path) as db:
        return db.execute(
            "SELECT username, role, actors, single_sign_on, must_change_password FROM users"
        ).fetchall()


def test_the_highest_role_wins_and_the_actors_of_its_rules_add_up():
    rules = [
        Rule("a", Role.STAFF, ("p:hamina",)),
        Rule("b", Role.STAFF, ("p:kotka", "p:hamina")),
        Rule("c", Role.COUNCIL, ("p:nuva",)),
        Rule("d", Role.ADMIN, ()),
    ]
    assert sso.grant(rules, {"a", "b", "c"}) == (Role.STAFF, ("p:hamina", "p:kotka"))
    assert sso.grant(rules, {"c", "d"}) == (Role.ADMIN, ())
    assert sso.grant(rules, {"c"}) == (Role.COUNCIL, ("p:nuva",))
    assert sso.grant(rules, {"A", "x"}) is None  # values match exactly, case and all


def test_groups_and_roles_claims_are_read_as_lists_or_one_string():
    claims = Claims()
    assert sso.claim_values({"groups": ["g1", " g2 ", 3], "roles": "r1"}, claims) == {
        "g1",
        "g2",
        "r1",
    }
    assert sso.claim_values({"groups": None}, claims) == set()
    assert sso.claim_values({"wids": ["x"]}, Claims(groups=("wids",))) == {"x"}


def test_a_mapped_person_gets_a_user_without_a_password_and_a_live_session(db):
    session_id = sso.sign_in(db, identity("Maija@Hamina.fi", groups=["Hamina staff"]), now=NOW)
    user = auth.session_user(db, session_id, now=NOW)
    assert user == auth.User("maija@hamina.fi", Role.STAFF, ("mini:hamina",), False, True)
    assert users(db) == [("maija@hamina.fi", "staff", '["mini:hamina"]', 1, 0)]


def test_role_and_actors_follow_the_rules_at_every_sign_in(db):
    sso.sign_in(db, identity(groups=["Hamina staff"]), now=NOW)
    session_id = sso.sign_in(db, identity(groups=["Hamina staff"], roles=["Admins"]), now=NOW)
    assert auth.session_user(db, session_id, now=NOW).role is Role.ADMIN
    assert users(db) == [("maija@hamina.fi", "admin", "[]", 1, 0)]


def test_someone_no_rule_matches_is_refused_and_nothing_is_stored(db):
    with pytest.raises(sso.Refused) as refused:
        sso.sign_in(db, identity("olli@hamina.fi", groups=["All staff"]), now=NOW)
    assert refused.value.reason == "unmapped"
    assert users(db) == []
    with storage.reading(db) as conn:
        assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (0,)


def test_losing_the_group_refuses_the_next_sign_in_and_ends_the_open_sessions(db):
    session_id = sso.sign_in(db, identity(groups=["Hamina staff"]), now=NOW)
    with pytest.raises(sso.Refused, match="unmapped"):
        sso.sign_in(db, identity(groups=[]), now=NOW)
    assert auth.session_user(db, session_id, now=NOW) is None


def test_a_disabled_user_is_refused_whatever_the_provider_says(db):
    sso.sign_in(db, identity(groups=["Admins"]), now=NOW)
    auth.disable_user(db, "maija@hamina.fi")
    with pytest.raises(sso.Refused, match="disabled"):
        sso.sign_in(db, identity(groups=["Admins"]), now=NOW)


def test_a_password_accounts_name_is_not_taken_over(db):
    auth.add_user(db, "maija", role=Role.ADMIN)
    with pytest.raises(sso.Refused, match="taken"):
        sso.sign_in(db, identity("maija", groups=["Admins"]), now=NOW)


def test_an_old_or_undated_identity_opens_no_session(db):
    old = identity(groups=["Admins"], issued=NOW - sso.FRESH_FOR - timedelta(seconds=1))
    with pytest.raises(sso.Stale):
        sso.sign_in(db, old, now=NOW)
    with pytest.raises(sso.Stale):
        sso.sign_in(db, {"preferred_username": "x", "groups": ["Admins"]}, now=NOW)
    assert users(db) == []


def test_the_name_comes_from_the_first_name_claim_present(db):
    assert sso.username_of({"email": "A@B.fi"}, Claims()) == "a@b.fi"
    with pytest.raises(sso.Refused, match="nameless"):
        sso.username_of({"preferred_username": "two words", "sub": "x"}, Claims())


def test_a_single_sign_on_user_has_no_password_to_sign_in_with(db):
    sso.sign_in(db, identity(groups=["Admins"]), now=NOW)
    for guess in ("", sso.UNUSABLE_HASH, "!single-sign-on"):
        with pytest.raises(auth.WrongCredentials):
            auth.login(db, "maija@hamina.fi", guess)


def test_with_password_sign_in_off_even_the_right_password_is_refused(db, monkeypatch):
    one_time = auth.add_user(db, "pekka", role=Role.ADMIN)
    monkeypatch.setenv("FEEDBACK_PASSWORD_SIGNIN", "off")
    with pytest.raises(auth.PasswordSignInOff):
        auth.login(db, "pekka", one_time)
    monkeypatch.setenv("FEEDBACK_PASSWORD_SIGNIN", "on")
    assert auth.session_user(db, auth.login(db, "pekka", one_time)).username == "pekka"


def test_rules_are_replaced_by_value_and_refuse_unknown_actors(db):
    sso.add_rule(db, "Hamina staff", role=Role.COUNCIL, actors=("mini:hamina",))
    assert sso.list_rules(db) == [
        Rule("Admins", Role.ADMIN, ()),
        Rule("Hamina staff", Role.COUNCIL, ("mini:hamina",)),
    ]
    with pytest.raises(auth.AuthError, match="unknown actor"):
        sso.add_rule(db, "x", role=Role.STAFF, actors=("mini:nobody",))
    sso.remove_rule(db, "Admins")
    with pytest.raises(auth.AuthError, match="no rule"):
        sso.remove_rule(db, "Admins")


def test_the_auth_table_goes_to_streamlit_only_when_complete(tmp_path, monkeypatch):
    path = tmp_path / "secrets.toml"
    monkeypatch.setenv("FEEDBACK_SECRETS", str(path))
    assert sso.streamlit_secrets() is None  # no file
    path.write_text('cookie_key = "k"\n[auth]\nredirect_uri = "http://x/oauth2callback"\n')
    assert sso.streamlit_secrets() is None
    path.write_text(
        'cookie_key = "k"\n[auth]\nredirect_uri = "http://x/oauth2callback"\n'
        'cookie_secret = "s"\nclient_id = "c"\nclient_secret = "t"\n'
        'server_metadata_url = "http://idp/.well-known/openid-configuration"\n'
        '[single_sign_on]\ngroup_claims = "wids"\n'
    )
    assert set(sso.streamlit_secrets()) == {"auth"}  # never the cookie key
    assert sso.streamlit_secrets()["auth"]["client_id"] == "c"
    assert sso.claims_read() == Claims(groups=("wids",))
