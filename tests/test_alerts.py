"""Safeguarding alerts: written with the comment (an outbox), sent by e-mail to the actor's
named contacts through a real SMTP server on loopback, once each, without the child's words."""

import threading
from datetime import UTC, datetime, timedelta

import pytest

from feedback import plaintext, plans, retention, storage
from feedback.rounds import alert_mail, alerts
from feedback.rounds.signals import Category
from feedback.staff import auth, scope
from tests.support.mail import LoopbackSmtp, self_signed
from tests.support.rounds import answered, open_round
from tests.support.stores import MINI_PLAN

SIGNAL = "isä lyö mua kotona"


def stored_alerts(db_path) -> list[dict]:
    with storage.reading(db_path) as db:
        return list(db.query("SELECT * FROM safeguarding_alerts"))


def test_a_comment_with_a_signal_is_stored_with_its_alert_and_a_harmless_one_without(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    answered(plan_db, round_, 4, text="Kiva kerho", now=datetime(2026, 3, 2, 14, 37))
    answered(plan_db, round_, 2, text=SIGNAL, now=datetime(2026, 3, 2, 14, 38))
    [alert] = stored_alerts(plan_db)
    assert alert["categories"] == "violence_home"
    assert alert["made_on"] == "2026-03-02"  # the day only, as the comment keeps
    assert alert["next_try"] is None and alert["sent_on"] is None
    [shown] = alerts.for_review(plan_db, actors=("mini:hamina",))
    assert shown.text == SIGNAL and shown.categories == (Category.VIOLENCE_HOME,)
    assert alerts.for_review(plan_db, actors=("mini:kotka",)) == []


def test_a_round_can_alert_on_every_comment(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True, alert_every_comment=True)
    answered(plan_db, round_, 4, text="Kiva kerho")
    answered(plan_db, round_, 5)  # no comment: nothing to alert of
    assert [a["categories"] for a in stored_alerts(plan_db)] == ["every_comment"]


def test_contacts_are_named_per_actor_and_checked(plan_db):
    alerts.add_contact(plan_db, "mini:hamina", "kuraattori@hamina.fi", added_by="admin")
    alerts.add_contact(plan_db, "mini:hamina", "kuraattori@hamina.fi", added_by="admin")
    with pytest.raises(plaintext.InvalidEmail):
        alerts.add_contact(plan_db, "mini:hamina", "not an address", added_by="admin")
    with pytest.raises(alerts.UnknownActor):
        alerts.add_contact(plan_db, "mini:nobody", "x@y.fi", added_by="admin")
    assert [c.email for c in alerts.contacts(plan_db)] == ["kuraattori@hamina.fi"]
    assert alerts.remove_contact(plan_db, "mini:hamina", "kuraattori@hamina.fi")
    assert alerts.contacts(plan_db, actor_id="mini:hamina") == []


def test_staff_of_another_actor_cannot_handle_an_alert_and_its_own_staff_record_who(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    answered(plan_db, round_, 2, text=SIGNAL)
    [alert] = alerts.for_review(plan_db, actors=None)
    with pytest.raises(scope.OutOfScope):
        alerts.handle(plan_db, alert.id, "no_concern", by="kotka", actors=("mini:kotka",))
    alerts.handle(
        plan_db,
        alert.id,
        "notified",
        by="hamina",
        actors=("mini:hamina",),
        now=datetime(2026, 3, 2, 16, 5, 33),
    )
    [handled] = alerts.for_review(plan_db, actors=("mini:hamina",))
    assert (handled.handling, handled.handled_by, handled.handled_at) == (
        "notified",
        "hamina",
        "2026-03-02T16:05",
    )


def test_the_mail_reaches_the_contact_once_without_the_childs_words(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    alerts.add_contact(plan_db, "mini:hamina", "kuraattori@hamina.fi", added_by="admin")
    answered(plan_db, round_, 2, text=SIGNAL, now=datetime(2026, 3, 2, 14, 38))
    with LoopbackSmtp() as smtp:
        assert alert_mail.send_due(plan_db, smtp_url=smtp.url) == 1
        assert alert_mail.send_due(plan_db, smtp_url=smtp.url) == 0
    [mail] = smtp.messages
    body = mail.get_payload(decode=True).decode()
    print(f"\nSubject: {mail['Subject']}\nTo: {mail['To']}\n\n{body}")
    assert mail["To"] == "kuraattori@hamina.fi"
    assert "lyö" not in body and "mua" not in body  # none of the child's words
    assert "väkivalta kotona" in body and "2026-03-02" in body
    assert "Nuorisotalon kerho" in body  # the round's subject
    [alert] = alerts.for_review(plan_db, actors=None)
    assert alert_mail.alert_link(alert.id) in body
    assert "14:38" not in mail.as_string()  # the day, never the time


def test_an_alert_waits_while_the_server_is_down_and_goes_once_when_it_is_up(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    alerts.add_contact(plan_db, "mini:hamina", "kuraattori@hamina.fi", added_by="admin")
    answered(plan_db, round_, 2, text="haluun kuolla")
    smtp = LoopbackSmtp()  # not started: the relay is down
    now = datetime.now()
    assert alert_mail.send_due(plan_db, smtp_url=smtp.url, now=now) == 0
    [waiting] = stored_alerts(plan_db)
    assert waiting["attempts"] == 1 and waiting["sent_on"] is None
    with smtp:
        # Before its next try nothing is sent; after it, once.
        assert alert_mail.send_due(plan_db, smtp_url=smtp.url, now=now) == 0
        later = now + timedelta(seconds=16)
        assert alert_mail.send_due(plan_db, smtp_url=smtp.url, now=later) == 1
        assert alert_mail.send_due(plan_db, smtp_url=smtp.url, now=later) == 0
    assert len(smtp.messages) == 1
    [sent] = stored_alerts(plan_db)
    assert sent["next_try"] is None and sent["claimed_until"] is None


def test_a_sender_that_died_after_claiming_loses_its_claim(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    alerts.add_contact(plan_db, "mini:hamina", "kuraattori@hamina.fi", added_by="admin")
    answered(plan_db, round_, 2, text=SIGNAL)
    now = datetime.now()
    assert len(alerts.claim_due(plan_db, now=now)) == 1  # then the process is killed
    assert alerts.claim_due(plan_db, now=now) == []
    with LoopbackSmtp() as smtp:
        later = now + alerts.CLAIM + timedelta(seconds=1)
        assert alert_mail.send_due(plan_db, smtp_url=smtp.url, now=later) == 1
    assert len(smtp.messages) == 1


def test_senders_in_several_replicas_send_each_alert_once(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    alerts.add_contact(plan_db, "mini:hamina", "kuraattori@hamina.fi", added_by="admin")
    answered(plan_db, round_, *[2] * 12, text=SIGNAL)
    with LoopbackSmtp() as smtp:
        counts = []
        senders = [
            threading.Thread(
                target=lambda: counts.append(alert_mail.send_due(plan_db, smtp_url=smtp.url))
            )
            for _ in range(4)
        ]
        for sender in senders:
            sender.start()
        for sender in senders:
            sender.join(timeout=60)
    assert sum(counts) == 12
    links = [
        line
        for mail in smtp.messages
        for line in mail.get_payload(decode=True).decode().splitlines()
        if "/comments?alert=" in line
    ]
    assert len(links) == 12 and len(set(links)) == 12  # each alert in exactly one mail
    assert len(smtp.messages) <= 4  # one mail per sender's batch, not one per comment


def test_retention_keeps_a_comment_until_its_alert_is_handled_and_the_alert_after(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    answered(plan_db, round_, 2, text=SIGNAL, now=datetime(2023, 1, 5, 10))
    answered(plan_db, round_, 4, text="Kiva kerho", now=datetime(2023, 1, 5, 10))
    later = datetime(2026, 1, 5, tzinfo=UTC)
    assert retention.run(plan_db, months=24, now=later).comments == 1  # the harmless one
    [alert] = alerts.for_review(plan_db, actors=None)
    assert alert.text == SIGNAL
    alerts.handle(plan_db, alert.id, "no_concern", by="hamina", actors=None)
    assert retention.run(plan_db, months=24, now=later).comments == 1
    [kept] = alerts.for_review(plan_db, actors=None)  # the record of what was done stays
    assert (kept.text, kept.handling, kept.categories) == (None, "no_concern", alert.categories)


def test_an_alert_nobody_handled_in_time_goes_once_to_the_next_contacts_and_admins(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    alerts.add_contact(plan_db, "mini:hamina", "kuraattori@hamina.fi", added_by="admin")
    alerts.add_contact(plan_db, "mini:hamina", "johtaja@hamina.fi", added_by="a", escalation=True)
    auth.add_user(plan_db, "paakayttaja", role=auth.Role.ADMIN)
    auth.set_email(plan_db, "paakayttaja", "admin@kymenlaakso.fi")
    answered(plan_db, round_, 2, text=SIGNAL, now=datetime(2026, 3, 2, 14, 38))
    answered(plan_db, round_, 2, text="haluun kuolla", now=datetime(2026, 3, 2, 14, 39))
    sent = datetime(2026, 3, 2, 14, 40)
    with LoopbackSmtp() as smtp:
        assert alert_mail.send_due(plan_db, smtp_url=smtp.url, now=sent) == 2
        [handled, _] = alerts.for_review(plan_db, actors=None)
        alerts.handle(plan_db, handled.id, "raised", by="hamina", actors=None)
        before = sent + timedelta(hours=4) - timedelta(minutes=1)
        assert alert_mail.send_due(plan_db, smtp_url=smtp.url, now=before) == 0
        after = sent + timedelta(hours=4, minutes=1)
        assert alert_mail.send_due(plan_db, smtp_url=smtp.url, now=after) == 1
        assert alert_mail.send_due(plan_db, smtp_url=smtp.url, now=after + timedelta(days=2)) == 0
    first, escalation = smtp.messages
    assert first["To"] == "kuraattori@hamina.fi"
    assert escalation["To"] == "johtaja@hamina.fi, admin@kymenlaakso.fi"
    body = escalation.get_content()
    print(f"\nSubject: {escalation['Subject']}\n\n{body}")
    assert "Käsittelemätön huoli" in escalation["Subject"] and "4 tunnissa" in body
    assert "kuolla" not in body and "lyö" not in body
    unhandled = next(a for a in alerts.for_review(plan_db, actors=None) if a.id != handled.id)
    assert alert_mail.alert_link(unhandled.id) in body
    assert alert_mail.alert_link(handled.id) not in body  # handled in time: not escalated
    assert unhandled.escalated and not handled.escalated
    assert all(a["escalate_after"] is None for a in stored_alerts(plan_db))  # no time kept


def test_the_yearly_counts_are_per_category_and_year_without_every_comment(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True, alert_every_comment=True)
    answered(plan_db, round_, 2, 2, text=SIGNAL, now=datetime(2025, 3, 2, 14))
    answered(plan_db, round_, 2, text="haluun kuolla", now=datetime(2025, 6, 2, 14))
    answered(plan_db, round_, 2, text=SIGNAL, now=datetime(2024, 3, 2, 14))  # another year
    answered(plan_db, round_, 4, text="Kiva kerho", now=datetime(2025, 3, 2, 14))
    counts = alerts.yearly_counts(plan_db, "mini", 2025)
    assert counts[Category.VIOLENCE_HOME] == 2 and counts[Category.SELF_HARM] == 1
    assert Category.EVERY_COMMENT not in counts and sum(counts.values()) == 3
    assert sum(alerts.yearly_counts(plan_db, "mini", 2025, actors=("mini:kotka",)).values()) == 0


def test_the_relay_is_reached_over_starttls_or_tls_with_a_password_and_a_stranger_refused(
    plan_db, tmp_path, monkeypatch
):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    alerts.add_contact(plan_db, "mini:hamina", "kuraattori@hamina.fi", added_by="admin")
    answered(plan_db, round_, 2, text=SIGNAL)
    tls = self_signed(tmp_path)
    now = datetime.now()
    # A relay whose certificate nobody vouches for is not given the alert, or the password.
    with LoopbackSmtp(tls=tls, login=("feedback", "s3cret")) as untrusted:
        assert alert_mail.send_due(plan_db, smtp_url=untrusted.url, now=now) == 0
    assert untrusted.messages == [] and untrusted.mailbox.logins == []
    monkeypatch.setenv("SSL_CERT_FILE", str(tls[0]))  # the municipality's own CA, trusted
    later = now + timedelta(minutes=1)
    # A relay with no STARTTLS is not given the password.
    with LoopbackSmtp(login=("feedback", "s3cret")) as plain:
        assert alert_mail.send_due(plan_db, smtp_url=plain.url, now=later) == 0
    assert plain.messages == [] and plain.mailbox.logins == []
    later += timedelta(minutes=2)
    wrong = LoopbackSmtp(tls=tls, login=("feedback", "s3cret"))
    with wrong:
        bad_url = wrong.url.replace("s3cret", "guess")
        assert alert_mail.send_due(plan_db, smtp_url=bad_url, now=later) == 0
    assert wrong.messages == [] and set(wrong.mailbox.logins) == {("feedback", True)}
    later += timedelta(minutes=4)
    with LoopbackSmtp(tls=tls, login=("feedback", "s3cret")) as starttls:
        assert alert_mail.send_due(plan_db, smtp_url=starttls.url, now=later) == 1
    assert len(starttls.messages) == 1 and starttls.mailbox.logins == [("feedback", True)]
    answered(plan_db, round_, 2, text="haluun kuolla")
    with LoopbackSmtp(tls=tls, implicit=True, login=("feedback", "s3cret")) as smtps:
        assert smtps.url.startswith("smtps://")
        assert alert_mail.send_due(plan_db, smtp_url=smtps.url, now=later) == 1
    assert len(smtps.messages) == 1 and smtps.mailbox.logins == [("feedback", True)]
    assert sum(a["sent_on"] is not None for a in stored_alerts(plan_db)) == 2


def test_an_alert_handled_before_its_mail_went_keeps_no_time_and_is_never_escalated(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    alerts.add_contact(plan_db, "mini:hamina", "kuraattori@hamina.fi", added_by="admin")
    alerts.add_contact(plan_db, "mini:hamina", "johtaja@hamina.fi", added_by="a", escalation=True)
    answered(plan_db, round_, 2, text=SIGNAL)
    [alert] = alerts.for_review(plan_db, actors=None)
    alerts.handle(plan_db, alert.id, "notified", by="hamina", actors=None)
    now = datetime.now()
    with LoopbackSmtp() as smtp:
        assert alert_mail.send_due(plan_db, smtp_url=smtp.url, now=now) == 1
        assert alert_mail.send_due(plan_db, smtp_url=smtp.url, now=now + timedelta(days=1)) == 0
    assert [m["To"] for m in smtp.messages] == ["kuraattori@hamina.fi"]
    assert [a["escalate_after"] for a in stored_alerts(plan_db)] == [None]


def test_an_actor_named_on_two_lines_still_gets_its_alert(db_path, tmp_path):
    # A plan file may write a name over two lines; an e-mail header may not hold a line break,
    # and the alert must still go (the name on one line).
    plan = tmp_path / "mini.yaml"
    plan.write_text(
        MINI_PLAN.replace(
            "{id: hamina, name: Haminan kaupunki, kind: municipality}",
            '{id: hamina, name: "Haminan kaupunki,\\nnuorisopalvelut", kind: municipality}',
        ),
        encoding="utf-8",
    )
    plans.import_file(db_path, plan)
    round_ = open_round(db_path, action_id="mini:a1", free_text=True)
    alerts.add_contact(db_path, "mini:hamina", "kuraattori@hamina.fi", added_by="admin")
    answered(db_path, round_, 2, text=SIGNAL)
    with LoopbackSmtp() as smtp:
        assert alert_mail.send_due(db_path, smtp_url=smtp.url) == 1
    [mail] = smtp.messages
    assert "Haminan kaupunki, nuorisopalvelut" in mail["Subject"]


def test_an_alert_that_cannot_be_written_holds_back_no_other(plan_db, monkeypatch):
    for action_id, actor_id in (("mini:a1", "mini:hamina"), ("mini:a2", "mini:kotka")):
        round_ = open_round(plan_db, action_id=action_id, free_text=True)
        alerts.add_contact(plan_db, actor_id, f"kuraattori@{actor_id[5:]}.fi", added_by="admin")
        answered(plan_db, round_, 2, text=SIGNAL)
    written = alert_mail.compose

    def compose(batch, *, sender):
        if batch[0].actor_id == "mini:hamina":
            raise ValueError("a header that cannot be written")
        return written(batch, sender=sender)

    monkeypatch.setattr(alert_mail, "compose", compose)
    with LoopbackSmtp() as smtp:
        assert alert_mail.send_due(plan_db, smtp_url=smtp.url) == 1
    assert [m["To"] for m in smtp.messages] == ["kuraattori@kotka.fi"]
    [waiting] = [a for a in stored_alerts(plan_db) if a["sent_on"] is None]
    assert waiting["attempts"] == 1 and waiting["next_try"] is not None  # tried again later
