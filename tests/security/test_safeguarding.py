"""Safeguarding alerts from the real app (issue #29): a child's worrying comment on the link
page reaches the actor's contact through a real SMTP server on loopback within the minute, and
a stranger's flood of worrying comments neither floods the professionals' mailboxes nor gets
a word of a comment, or anything of the sender, into a mail."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest

from benchmarks.server import free_port, launch, wait_healthy
from feedback import plans, settings, storage
from feedback.rounds import alert_mail, alerts
from feedback.staff import auth
from tests.support.attack import request
from tests.support.mail import LoopbackSmtp
from tests.support.rounds import open_round
from tests.support.stores import new_store

#: Every loop stops at whichever comes first.
MAX_POSTS = 60
MAX_SECONDS = 30.0
#: An alert must be in the contact's mailbox within this many seconds of the comment.
DELIVERY_SECONDS = 60.0
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
_SID = re.compile(r'name="sid" value="([^"]+)"')
WORDS = "isä lyö mua kotona joka ilta"


@pytest.fixture(scope="module")
def smtp():
    """The municipality's relay, on loopback; set before the app (`target`) starts."""
    with LoopbackSmtp() as server:
        os.environ["FEEDBACK_SMTP_URL"] = server.url
        os.environ["FEEDBACK_ALERT_SECONDS"] = "1"
        yield server
        del os.environ["FEEDBACK_SMTP_URL"], os.environ["FEEDBACK_ALERT_SECONDS"]


def send_comment(target, code: str, text: str) -> int:
    page = request(f"{target.url}/answer/{code}")
    sid = _SID.search(page.body).group(1)
    body = urlencode({"sid": sid, "q0": "2", "comment": text, "send": "1"}).encode()
    return request(f"{target.url}/answer/{code}", data=body, headers=FORM).status


def sent_count(db_path) -> tuple[int, int]:
    with storage.reading(db_path) as db:
        return db.execute("SELECT count(sent_on), count(*) FROM safeguarding_alerts").fetchone()


def test_a_flood_of_worrying_comments_reaches_the_contact_once_each_in_few_mails(smtp, target):
    action = plans.list_actions(target.db_path, plan_id="kymenlaakso")[0]
    round_ = open_round(target.db_path, action_id=action.id, free_text=True)
    alerts.add_contact(target.db_path, action.actor_id, "kuraattori@example.fi", added_by="t")

    started = time.monotonic()
    assert send_comment(target, round_.code, WORDS) == 200
    while not smtp.messages and time.monotonic() - started < DELIVERY_SECONDS:
        time.sleep(0.2)
    first_delivery = time.monotonic() - started
    print(f"\nfirst alert in the mailbox after {first_delivery:.1f} s")
    assert smtp.messages, "no alert reached the mailbox within the minute"

    posted = 1
    while posted < MAX_POSTS and time.monotonic() - started < MAX_SECONDS:
        assert send_comment(target, round_.code, f"{WORDS} {posted}") == 200
        posted += 1
    deadline = time.monotonic() + DELIVERY_SECONDS
    while sent_count(target.db_path)[0] < posted and time.monotonic() < deadline:
        time.sleep(0.2)
    sent, made = sent_count(target.db_path)
    links = [
        line
        for mail in smtp.messages
        for line in mail.get_content().splitlines()
        if "/comments?alert=" in line
    ]
    print(f"{posted} worrying comments: {made} alerts, {sent} sent, in {len(smtp.messages)} mails")
    assert made == sent == posted
    assert len(links) == len(set(links)) == posted  # each alert once
    assert len(smtp.messages) <= 1 + (DELIVERY_SECONDS + MAX_SECONDS)  # a batch a second at most
    for mail in smtp.messages:
        text = mail.as_string()
        assert "lyö" not in mail.get_content() and "ilta" not in mail.get_content()
        assert "urllib" not in text  # nothing of the device: the client's user agent says it


def test_a_flood_nobody_handles_is_escalated_once_each_in_few_mails(smtp, target):
    action = plans.list_actions(target.db_path, plan_id="kymenlaakso")[1]
    round_ = open_round(target.db_path, action_id=action.id, free_text=True)
    alerts.add_contact(target.db_path, action.actor_id, "kuraattori@example.fi", added_by="t")
    alerts.add_contact(
        target.db_path, action.actor_id, "johtaja@example.fi", added_by="t", escalation=True
    )
    started, posted = time.monotonic(), 0
    while posted < MAX_POSTS and time.monotonic() - started < MAX_SECONDS:
        assert send_comment(target, round_.code, f"{WORDS} {posted}") == 200
        posted += 1

    def counts() -> tuple[int, int]:
        with storage.reading(target.db_path) as db:
            return db.execute(
                """SELECT count(sent_on), count(escalated_on) FROM safeguarding_alerts
                   WHERE round_id = ?""",
                [round_.id],
            ).fetchone()

    deadline = time.monotonic() + DELIVERY_SECONDS
    while counts()[0] < posted and time.monotonic() < deadline:
        time.sleep(0.2)
    assert counts()[0] == posted
    with storage.writing(target.db_path) as db:  # four hours pass, and nobody has handled them
        db.execute(
            "UPDATE safeguarding_alerts SET escalate_after = ? WHERE round_id = ?",
            ["2000-01-01T00:00:00", round_.id],
        )
    deadline = time.monotonic() + DELIVERY_SECONDS
    while counts()[1] < posted and time.monotonic() < deadline:
        time.sleep(0.2)
    escalations = [m for m in smtp.messages if m["To"] == "johtaja@example.fi"]
    links = [
        line
        for mail in escalations
        for line in mail.get_content().splitlines()
        if "/comments?alert=" in line
    ]
    print(f"\n{posted} alerts nobody handled: {counts()[1]} escalated, in {len(escalations)} mails")
    assert counts() == (posted, posted)
    assert len(links) == len(set(links)) == posted  # each alert escalated once
    assert len(escalations) <= 1 + DELIVERY_SECONDS  # a batch a second at most
    assert all("lyö" not in mail.get_content() for mail in escalations)


def test_an_app_killed_between_storing_a_worrying_comment_and_sending_sends_it_once_after(
    smtp, tmp_path, monkeypatch
):
    monkeypatch.setenv("FEEDBACK_SECRETS", str(tmp_path / "secrets.toml"))
    auth.ensure_secrets()
    db_path = Path(new_store("sqlite", tmp_path))
    plans.import_directory(db_path, settings.PLANS_DIR)
    action = plans.list_actions(db_path, plan_id="kymenlaakso")[0]
    round_ = open_round(db_path, action_id=action.id, free_text=True)
    alerts.add_contact(db_path, action.actor_id, "kuraattori@example.fi", added_by="t")
    port, log_path = free_port(), tmp_path / "server.log"
    app = SimpleNamespace(url=f"http://127.0.0.1:{port}")
    # The first app's sender would look only after an hour: it is killed before it sends.
    first = launch(db_path, port, log_path, settings_={"FEEDBACK_ALERT_SECONDS": "3600"})
    try:
        wait_healthy(app.url, first, log_path)
        assert send_comment(app, round_.code, WORDS) == 200
        assert sent_count(db_path) == (0, 1)  # committed with its comment, not sent
    finally:
        first.kill()
        first.wait(timeout=15)
    again = launch(db_path, port, log_path)  # FEEDBACK_ALERT_SECONDS=1, as `smtp` set it
    try:
        wait_healthy(app.url, again, log_path)
        started = time.monotonic()
        while sent_count(db_path)[0] < 1 and time.monotonic() - started < DELIVERY_SECONDS:
            time.sleep(0.2)
        print(f"\nsent {time.monotonic() - started:.1f} s after the restart")
        assert alert_mail.send_due(db_path, smtp_url=smtp.url) == 0  # nothing left to go again
    finally:
        again.terminate()
        again.wait(timeout=15)
    [alert] = alerts.for_review(db_path, actors=None)
    link = f"{app.url}/comments?alert={alert.id}"
    assert sum(link in mail.get_content() for mail in smtp.messages) == 1
    assert sent_count(db_path) == (1, 1)
