"""Faults on the real server: killed around the commit, restarted under open sessions. Every
submission is stored at most once, the database stays sound, and the resend stores it once."""

from __future__ import annotations

import contextlib
import re
import signal
import socket
import sqlite3
import urllib.request

import pytest

from benchmarks.server import free_port, launch, wait_healthy
from feedback import plans, settings
from feedback.storage import schema
from tests.support.browser import PHONE, settle
from tests.support.rounds import open_round

pytestmark = pytest.mark.browser


class Restartable:
    """A server of its own that a test may kill and start again on the same port and file."""

    def __init__(self, folder):
        self.db_path = folder / "feedback.db"
        schema.migrate(self.db_path)
        plans.import_directory(self.db_path, settings.PLANS_DIR)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "server.log"
        self.process = None
        self.start()

    def start(self):
        self.process = launch(self.db_path, self.port, self.log)
        wait_healthy(self.url, self.process, self.log)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


@pytest.fixture
def restartable(tmp_path):
    server = Restartable(tmp_path)
    yield server
    if server.process.poll() is None:
        server.process.terminate()
        server.process.wait(timeout=15)


def stored(db_path, submission_id):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT count(*) FROM answers WHERE submission_id = ?", [submission_id]
        ).fetchone()[0]


def integrity(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def post_raw(port, path, body: bytes) -> socket.socket:
    """Send a POST and return at once, without waiting for the reply."""
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    return sock


def test_a_server_killed_around_the_commit_keeps_each_answer_at_most_once(restartable):
    round_ = open_round(restartable.db_path, action_id="kymenlaakso:kymsote-01")
    path = f"/answer/{round_.code}"
    for delay in (0, 0.005, 0.02, 0.1):
        with urllib.request.urlopen(restartable.url + path) as reply:
            signed = re.search(r'name="sid" value="([0-9a-f.]+)"', reply.read().decode()).group(1)
        sid = signed.partition(".")[0]  # the id the answer is stored under
        body = f"sid={signed}&q0=4&send=1".encode()
        sock = post_raw(restartable.port, path, body)
        if delay:
            sock.settimeout(delay)
            with contextlib.suppress(TimeoutError):
                sock.recv(1)
        restartable.kill()
        sock.close()
        assert stored(restartable.db_path, sid) in (0, 1)
        assert integrity(restartable.db_path) == "ok"

        restartable.start()  # the phone sends the same form again
        request = urllib.request.Request(restartable.url + path, data=body, method="POST")
        with urllib.request.urlopen(request) as reply:
            assert "<h1>Kiitos!</h1>" in reply.read().decode()
        assert stored(restartable.db_path, sid) == 1


def test_an_open_streamlit_session_recovers_after_a_restart(restartable, browser):
    round_ = open_round(restartable.db_path, action_id="kymenlaakso:kymsote-01")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{restartable.url}/respond?s={round_.code}")
    page.get_by_role("button", name="Lähetä").wait_for(timeout=30_000)

    restartable.kill()
    restartable.start()
    faces = page.get_by_role("radiogroup", name="Mitä mieltä olet tästä?")
    # The page reconnects by itself and shows the question again. Streamlit's page retries
    # with a back-off that doubles up to a minute: when a loaded machine takes long to start
    # the server, its next try can come more than 30 s after the server is up.
    faces.wait_for(timeout=90_000)
    settle(page)
    faces.get_by_text("Hyvä", exact=True).click()
    page.get_by_role("button", name="Lähetä").click()
    page.get_by_role("heading", name="Kiitos!").wait_for(timeout=30_000)
    context.close()
    with sqlite3.connect(restartable.db_path) as conn:
        assert conn.execute(
            "SELECT score, channel FROM answers WHERE round_id = ?", [round_.id]
        ).fetchall() == [(4, "link")]
