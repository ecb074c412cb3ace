"""A round's staff notices (issue #29, item 5): its alerting changed while it runs, recorded;
the daily digest of new comments and the alert of a sharp drop in the positive share, sent
through a real SMTP server on loopback, once, without words and with the small-number rule."""

from datetime import datetime, timedelta

import pytest

from feedback import plaintext, rounds
from feedback.rounds import alerts, notices
from feedback.staff import scope
from tests.support.mail import LoopbackSmtp
from tests.support.rounds import answered, open_round

K = 5
MORNING = datetime(2026, 3, 16, 8, 0)  # a Monday
EVERY = {"alert_every_comment": True}


def test_alert_on_every_comment_is_changed_on_an_open_round_and_each_change_recorded(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    answered(plan_db, round_, 4, text="Kiva kerho")  # no signal, no alert yet
    on = datetime(2026, 3, 2, 9, 15, 42)
    with pytest.raises(scope.OutOfScope):
        notices.change(plan_db, round_.code, EVERY, by="k", actors=("mini:kotka",))
    assert notices.change(plan_db, round_.code, EVERY, by="hamina", actors=None, now=on) == [
        "alert_every_comment"
    ]
    assert notices.change(plan_db, round_.code, EVERY, by="x", actors=None) == []
    assert rounds.get_by_code(plan_db, round_.code).alert_every_comment
    answered(plan_db, rounds.get_by_code(plan_db, round_.code), 4, text="Kiva kerho")
    assert [a.categories for a in alerts.for_review(plan_db, actors=None)] == [("every_comment",)]
    notices.change(plan_db, round_.code, {"alert_every_comment": False}, by="hamina", actors=None)
    assert [(c.setting, c.value, c.changed_by) for c in notices.changes(plan_db, round_.code)] == [
        ("alert_every_comment", "off", "hamina"),
        ("alert_every_comment", "on", "hamina"),
    ]
    assert notices.changes(plan_db, round_.code)[1].changed_at == "2026-03-02T09:15"
    no_comments = open_round(plan_db, action_id="mini:a1")
    with pytest.raises(ValueError, match="asks for no comments"):
        notices.change(plan_db, no_comments.code, EVERY, by="h", actors=None)
    with pytest.raises(plaintext.InvalidEmail):  # all or nothing: the good address neither
        notices.change(
            plan_db, round_.code, {"digest_to": "o@h.fi", "drop_alert_to": "x"}, by="h", actors=None
        )
    assert rounds.get_by_code(plan_db, round_.code).digest_to is None


def test_the_daily_digest_counts_yesterdays_comments_once_without_words(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    small = open_round(plan_db, action_id="mini:a1", free_text=True)
    for chosen in (round_, small):
        notices.change(plan_db, chosen.code, {"digest_to": "o@hamina.fi"}, by="h", actors=None)
    yesterday = MORNING - timedelta(days=1)
    answered(plan_db, round_, 4, 4, 5, text="Pelit oli kivoja", now=yesterday)
    answered(plan_db, round_, 3, 2, now=yesterday - timedelta(days=3))
    answered(plan_db, small, 4, text="Kiva", now=yesterday)  # 1 answer: its comments withheld
    with LoopbackSmtp() as smtp:
        early = MORNING.replace(hour=5)
        assert notices.send_due(plan_db, smtp_url=smtp.url, now=early, k=K) == 0
        assert notices.send_due(plan_db, smtp_url=smtp.url, now=MORNING, k=K) == 1
        assert notices.send_due(plan_db, smtp_url=smtp.url, now=MORNING, k=K) == 0
    [mail] = smtp.messages
    body = mail.get_content()
    print(f"\nSubject: {mail['Subject']}\nTo: {mail['To']}\n\n{body}")
    assert mail["To"] == "o@hamina.fi" and "(3)" in mail["Subject"]
    assert "2026-03-15" in body and "/comments" in body and round_.code in body
    assert "Pelit" not in body


def test_a_sharp_drop_in_the_positive_share_alerts_once_a_week_and_small_weeks_never(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1")
    notices.change(plan_db, round_.code, {"drop_alert_to": "o@hamina.fi"}, by="h", actors=None)
    before, last = MORNING - timedelta(days=10), MORNING - timedelta(days=3)
    answered(plan_db, round_, 5, 5, 4, 4, 2, now=before)  # 80 % positive
    answered(plan_db, round_, 2, 2, 1, 4, now=last)  # 4 answers: fewer than k
    with LoopbackSmtp() as smtp:
        assert notices.send_due(plan_db, smtp_url=smtp.url, now=MORNING, k=K) == 0
        answered(plan_db, round_, 1, now=last)  # 5 answers, 20 % positive
        assert notices.send_due(plan_db, smtp_url=smtp.url, now=MORNING, k=K) == 1
        for days in (1, 6):
            later = MORNING + timedelta(days=days)
            assert notices.send_due(plan_db, smtp_url=smtp.url, now=later, k=K) == 0
    [mail] = smtp.messages
    body = mail.get_content()
    print(f"\nSubject: {mail['Subject']}\n\n{body}")
    assert "80\u00a0%" in body and "20\u00a0%" in body
