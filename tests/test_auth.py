from datetime import UTC, datetime, timedelta

import jwt
import pytest

from feedback import storage
from feedback.staff import auth
from feedback.staff.auth import AuthError, Role, TooManyAttempts

PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff(plan_db):
    one_time = auth.add_user(plan_db, "Maija", role=Role.STAFF, actors=("mini:hamina",))
    return one_time


def test_a_new_user_gets_a_one_time_password_that_must_be_changed(plan_db, staff):
    assert len(staff) >= 12
    session = auth.login(plan_db, "maija", staff)
    user = auth.session_user(plan_db, session)
    assert user.must_change_password
    assert (user.username, user.role, user.actors) == ("maija", Role.STAFF, ("mini:hamina",))


def test_passwords_are_stored_as_bcrypt_hashes_only(plan_db, staff):
    with storage.reading(plan_db) as db:
        [stored] = [r[0] for r in db.execute("SELECT password_hash FROM users")]
    assert stored.startswith("$2") and staff not in stored


def test_there_are_no_default_accounts(plan_db):
    assert auth.list_users(plan_db) == []


@pytest.mark.parametrize(
    ("name", "role", "actors", "problem"),
    [
        ("maija", Role.STAFF, ("mini:hamina",), "exists already"),
        ("pekka", Role.STAFF, (), "at least one --actor"),
        ("pekka", Role.STAFF, ("mini:nowhere",), "unknown actor"),
        ("pe kka", Role.ADMIN, (), "letters, digits"),
    ],
)
def test_user_mistakes_are_refused_with_a_reason(plan_db, staff, name, role, actors, problem):
    with pytest.raises(AuthError, match=problem):
        auth.add_user(plan_db, name, role=role, actors=actors)


def test_a_password_needs_twelve_characters_and_no_composition_rules(plan_db, staff):
    with pytest.raises(AuthError, match="12"):
        auth.change_password(plan_db, "maija", staff, "short")
    session = auth.change_password(plan_db, "maija", staff, "all lower case words")
    assert not auth.session_user(plan_db, session).must_change_password


def test_a_wrong_password_and_an_unknown_user_look_the_same(plan_db, staff):
    with pytest.raises(auth.WrongCredentials) as wrong_password:
        auth.login(plan_db, "maija", "not the password")
    with pytest.raises(auth.WrongCredentials) as unknown_user:
        auth.login(plan_db, "nobody", "not the password")
    assert str(wrong_password.value) == str(unknown_user.value)


def test_failed_logins_back_off_and_then_recover(plan_db, staff):
    start = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    for attempt in range(3):
        with pytest.raises(AuthError):
            auth.login(plan_db, "maija", "guess", now=start + timedelta(seconds=attempt))
    with pytest.raises(TooManyAttempts) as paused:
        auth.login(plan_db, "maija", staff, now=start + timedelta(seconds=3))
    assert 0 < paused.value.retry_after <= 2
    # After the pause even the right password works; no permanent lockout.
    session = auth.login(plan_db, "maija", staff, now=start + timedelta(seconds=5))
    assert auth.session_user(plan_db, session, now=start + timedelta(seconds=5))


def test_the_pause_grows_with_every_failure_but_is_capped(plan_db, staff):
    start = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    now = start
    delays = []
    for _ in range(14):
        try:
            auth.login(plan_db, "maija", "guess", now=now)
        except TooManyAttempts as error:
            delays.append(error.retry_after)
            now += timedelta(seconds=error.retry_after)
            continue
        except AuthError:
            pass
        now += timedelta(milliseconds=1)
    assert delays == sorted(delays)
    assert max(delays) <= 15 * 60


def test_a_name_failed_for_days_signs_in_with_the_right_password_after_the_cap(plan_db, staff):
    # 49 counted failures once overflowed the back-off (2 ** 47 s is no timedelta) and
    # refused every later sign-in of the name, the right password included.
    now = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    failures = 0
    while failures < 60:
        try:
            auth.login(plan_db, "maija", "guess", now=now)
        except TooManyAttempts as error:
            now += timedelta(seconds=error.retry_after)
            continue
        except AuthError:
            failures += 1
    with pytest.raises(TooManyAttempts) as paused:
        auth.login(plan_db, "maija", staff, now=now)
    assert paused.value.retry_after == 15 * 60
    session = auth.login(plan_db, "maija", staff, now=now + timedelta(minutes=15))
    assert auth.session_user(plan_db, session, now=now + timedelta(minutes=15))


def test_unknown_users_are_throttled_too(plan_db):
    for _ in range(3):
        with pytest.raises(AuthError):
            auth.login(plan_db, "ghost", "guess")
    with pytest.raises(TooManyAttempts):
        auth.login(plan_db, "ghost", "guess")


def test_logout_ends_the_session_on_the_server(plan_db, staff):
    session = auth.login(plan_db, "maija", staff)
    auth.logout(plan_db, session)
    assert auth.session_user(plan_db, session) is None


def test_disabling_a_user_ends_every_session_and_blocks_login(plan_db, staff):
    first = auth.login(plan_db, "maija", staff)
    auth.disable_user(plan_db, "maija")
    assert auth.session_user(plan_db, first) is None
    with pytest.raises(AuthError):
        auth.login(plan_db, "maija", staff)


def test_changing_the_password_ends_the_other_sessions(plan_db, staff):
    other = auth.login(plan_db, "maija", staff)
    renewed = auth.change_password(plan_db, "maija", staff, PASSWORD)
    assert auth.session_user(plan_db, other) is None
    assert auth.session_user(plan_db, renewed).username == "maija"


def test_a_session_expires(plan_db, staff):
    session = auth.login(plan_db, "maija", staff)
    later = datetime.now(UTC) + timedelta(days=auth.SESSION_DAYS, minutes=1)
    assert auth.session_user(plan_db, session, now=later) is None


def test_only_a_genuine_unexpired_cookie_names_a_session():
    key = "k" * 48
    token = auth.cookie_token("abc", key=key)
    assert auth.session_from_cookie(token, key=key) == "abc"
    forged = auth.cookie_token("abc", key="x" * 48)
    assert auth.session_from_cookie(forged, key=key) is None
    head, body, signature = token.split(".")
    tampered = ".".join([head, body[:-2] + ("A" if body[-2] != "A" else "B") + body[-1], signature])
    assert auth.session_from_cookie(tampered, key=key) is None
    expired = jwt.encode({"sid": "abc", "exp": 1}, key, algorithm="HS256")
    assert auth.session_from_cookie(expired, key=key) is None
    unsigned = jwt.encode({"sid": "abc", "exp": 9999999999}, None, algorithm="none")
    assert auth.session_from_cookie(unsigned, key=key) is None
    assert auth.session_from_cookie("garbage", key=key) is None


def test_the_cookie_key_is_created_once_outside_the_repository(secrets_file):
    key = auth.cookie_key()
    assert len(key) >= 32
    assert oct(secrets_file.stat().st_mode)[-3:] == "600"
    auth.ensure_secrets()
    assert auth.cookie_key() == key


def test_a_one_time_password_is_replaced_in_the_session_it_signed_in(plan_db, staff):
    first = auth.login(plan_db, "maija", staff)
    other = auth.login(plan_db, "maija", staff)
    renewed = auth.replace_one_time_password(plan_db, first, PASSWORD)
    assert auth.session_user(plan_db, first) is None and auth.session_user(plan_db, other) is None
    assert not auth.session_user(plan_db, renewed).must_change_password
    auth.login(plan_db, "maija", PASSWORD)
    with pytest.raises(AuthError):
        auth.login(plan_db, "maija", staff)


def test_only_a_one_time_session_replaces_its_password_and_the_rules_hold(plan_db, staff):
    session = auth.login(plan_db, "maija", staff)
    for weak in ("short", staff):  # too short; the same as the one-time password
        with pytest.raises(auth.WeakPassword):
            auth.replace_one_time_password(plan_db, session, weak)
    renewed = auth.replace_one_time_password(plan_db, session, PASSWORD)
    # A session of someone who has chosen their password, an ended one or none: refused.
    for used in (renewed, session, "made-up"):
        with pytest.raises(auth.WrongCredentials):
            auth.replace_one_time_password(plan_db, used, "another long passphrase")


def test_a_stranger_failing_on_a_name_never_blocks_its_owner_on_a_device_signed_in_before(
    plan_db, staff
):
    start = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    auth.login(plan_db, "maija", staff, now=start, address="10.0.0.5")
    device = auth.device_token("maija", key=auth.cookie_key())
    now, failures = start, 0
    while failures < 6:  # a stranger elsewhere, waiting out each pause to fail again
        try:
            auth.login(plan_db, "maija", "guess", now=now, address="192.0.2.66")
        except TooManyAttempts as error:
            now += timedelta(seconds=error.retry_after)
        except AuthError:
            failures += 1
            now += timedelta(milliseconds=1)
    with pytest.raises(TooManyAttempts):  # a new browser waits with the stranger ...
        auth.login(plan_db, "maija", staff, now=now, address="10.0.0.5")
    # ... the owner's own browser does not.
    session = auth.login(plan_db, "maija", staff, now=now, address="10.0.0.5", device=device)
    assert auth.session_user(plan_db, session, now=now).username == "maija"


def test_a_device_cookie_counts_only_for_its_own_name_and_its_own_failures(plan_db, staff):
    auth.add_user(plan_db, "pekka", role=Role.STAFF, actors=("mini:kotka",))
    device = auth.device_token("maija", key=auth.cookie_key())
    assert auth.device_of(device, "maija") is not None
    assert auth.device_of(device, "pekka") is None  # another name's attempt: counted as usual
    assert auth.session_from_cookie(device, key=auth.cookie_key()) is None  # not a session
    start = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    for attempt in range(3):
        with pytest.raises(AuthError):
            auth.login(plan_db, "maija", "guess", now=start, device=device, address=str(attempt))
    with pytest.raises(TooManyAttempts):  # the device's own failures slow it
        auth.login(plan_db, "maija", staff, now=start, device=device, address="10.0.0.9")


def test_names_sprayed_from_one_address_are_slowed_without_bcrypt_work(plan_db, monkeypatch):
    checked = []
    real = auth._matches
    monkeypatch.setattr(auth, "_matches", lambda *args: checked.append(1) or real(*args))
    now = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    refused = 0
    for i in range(40):
        try:
            auth.login(plan_db, f"name-{i}", "guess", now=now, address="203.0.113.7")
        except TooManyAttempts:
            refused += 1
        except AuthError:
            pass
    assert len(checked) == 3 and refused == 37
    with pytest.raises(AuthError) as elsewhere:  # another address is not slowed by it
        auth.login(plan_db, "name-0", "guess", now=now, address="198.51.100.1")
    assert not isinstance(elsewhere.value, TooManyAttempts)
