"""Two app replicas on one PostgreSQL store, as a county runs them behind one address: whatever
one of them knows (a session, a sign-out, failed sign-ins, an answer) the other knows too."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from benchmarks.server import free_port, launch, wait_healthy
from feedback import plans, settings, storage
from feedback.rounds import answers
from feedback.staff import auth, throttle
from tests.support.browser import Server, settle, sign_in, sign_out, wait_for_session_cookie
from tests.support.rounds import open_round
from tests.support.stores import POSTGRESQL, new_store
from tests.support.users import PASSWORD, make_user

pytestmark = pytest.mark.browser

DENIED = "Tämä sivu on henkilöstölle. Kirjaudu ensin sisään."
OVERVIEW = "Yhteenveto tavoitteittain"


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Server]]:
    """Two app processes on one PostgreSQL store, sharing the secrets file as they must."""
    if not POSTGRESQL:
        pytest.skip("no PostgreSQL server: scripts/test.sh starts one (FEEDBACK_TEST_POSTGRESQL)")
    folder = tmp_path_factory.mktemp("replicas")
    secrets_path = folder / "secrets.toml"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("FEEDBACK_SECRETS", str(secrets_path))
        auth.ensure_secrets()
    store = new_store("postgresql", folder)
    plans.import_directory(store, settings.PLANS_DIR)
    started, processes = [], []
    for name in ("a", "b"):
        port = free_port()
        log = folder / f"replica-{name}.log"
        process = launch(store, port, log, secrets_path=secrets_path)
        processes.append(process)
        server = Server(store, port, secrets_path)
        wait_healthy(server.url, process, log)
        started.append(server)
    yield started[0], started[1]
    for process in processes:
        process.terminate()
        process.wait(timeout=15)


def _user(server: Server, name: str) -> str:
    make_user(server, name, role="admin")
    return name


def _overview_opens(page, server: Server) -> None:
    page.goto(f"{server.url}/overview")
    page.get_by_role("heading", name=OVERVIEW).wait_for(timeout=30_000)


def _denied(page, server: Server) -> None:
    page.goto(f"{server.url}/overview")
    page.get_by_text(DENIED).wait_for(timeout=30_000)
    settle(page)
    assert page.get_by_role("heading", name=OVERVIEW).count() == 0


def test_signed_in_through_one_replica_is_signed_in_on_the_other_until_signing_out(
    replicas, browser
):
    a, b = replicas
    name = _user(a, "kaksoisolento")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, a, name)
    wait_for_session_cookie(page)
    _overview_opens(page, b)  # the cookie (host-wide) names a session that B finds too
    sign_out(page, b)  # signed out through B …
    context.close()
    replay = browser.new_context()
    token = auth.cookie_token(
        auth.login(a.db_path, name, PASSWORD), key=a.cookie_key
    )  # a second session, to be ended by `feedback user disable` below
    replay.add_cookies([{"name": auth.COOKIE_NAME, "value": token, "url": a.url}])
    _overview_opens(replay.new_page(), a)
    _overview_opens(replay.new_page(), b)
    disabled = subprocess.run(
        [sys.executable, "-m", "feedback", "user", "disable", name, "--db", str(a.db_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert disabled.returncode == 0, disabled.stderr
    _denied(replay.new_page(), a)
    _denied(replay.new_page(), b)
    replay.close()


def test_a_cookie_from_before_signing_out_on_one_replica_is_refused_by_both(replicas, browser):
    a, b = replicas
    name = _user(a, "uloskirjautuja")
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, a, name)
    copied = wait_for_session_cookie(page)["value"]
    sign_out(page, a)
    context.close()
    replay = browser.new_context()
    replay.add_cookies([{"name": auth.COOKIE_NAME, "value": copied, "url": a.url}])
    _denied(replay.new_page(), b)
    _denied(replay.new_page(), a)
    replay.close()


def test_failed_sign_ins_count_across_both_replicas(replicas, browser):
    a, b = replicas
    name = _user(a, "arvattava2")
    context = browser.new_context()
    page = context.new_page()
    for server in (a, b, a)[: throttle.FREE_ATTEMPTS]:
        sign_in(page, server, name, "wrong password guess")
        page.get_by_text("Käyttäjätunnus tai salasana on väärin.").wait_for()
    with storage.writing(a.db_path) as db:
        failures = db.execute(
            "SELECT failures FROM login_attempts WHERE username = ?", [name]
        ).fetchone()[0]
        # The pause (2 s) counted from the moment the next attempt is checked, however slowly
        # a loaded machine brings it there: a failure "later than now" counts as just now.
        later = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
        db.execute("UPDATE login_attempts SET last_failure = ? WHERE username = ?", [later, name])
    assert failures == throttle.FREE_ATTEMPTS, "both replicas counted in the one shared row"
    sign_in(page, b, name)  # the right password, on the replica that saw fewer failures
    page.get_by_text(re.compile("Liian monta yritystä")).wait_for()
    context.close()


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as reply:
        return reply.read().decode()


def _post(url: str, form: dict[str, str]) -> str:
    data = urllib.parse.urlencode(form).encode()
    with urllib.request.urlopen(url, data=data, timeout=30) as reply:
        return reply.read().decode()


def test_children_answering_through_both_replicas_are_each_stored_once(replicas):
    a, b = replicas
    round_ = open_round(a.db_path, action_id="kymenlaakso:kotka-01", code="rpcanswr")
    thanked = 0
    for i in range(20):
        shown, sent = (a, b) if i % 2 else (b, a)  # the form from one, sent to the other
        page = _get(f"{shown.url}/answer/{round_.code}")
        sid = re.search(r'name="sid" value="([0-9a-f.]+)"', page).group(1)
        form = {"sid": sid, "q0": str(1 + i % 5), "send": "1"}
        thanked += "<h1>Kiitos!</h1>" in _post(f"{sent.url}/answer/{round_.code}", form)
        if i % 4 == 0:  # the reply was lost: the child sends again, to the other replica
            assert "<h1>Kiitos!</h1>" in _post(f"{shown.url}/answer/{round_.code}", form)
    assert thanked == 20
    assert answers.count(a.db_path, round_) == 20
    with storage.reading(a.db_path) as db:
        kept = db.execute(
            """SELECT sum(n) FROM answer_counts c JOIN rounds v ON v.id = c.round_id
               WHERE v.code = ? AND c.question = 0""",
            [round_.code],
        ).fetchone()[0]
        doubled = db.execute(
            """SELECT count(*) FROM (SELECT submission_id FROM answers
               GROUP BY submission_id HAVING count(*) > 1) AS twice"""
        ).fetchone()[0]
    assert kept == 20, "the kept counts equal the answers"
    assert doubled == 0
