"""The comments page (/comments): children's words as literal text, too-fast answers, retention,
safeguarding alerts first."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from feedback import retention
from feedback.i18n import LANGUAGES
from feedback.rounds import alert_mail, alerts, answers
from feedback.staff import auth
from feedback.ui.escaping import plain
from tests.support.mail import LoopbackSmtp
from tests.support.pages import page, press
from tests.support.rounds import answered, open_round, own_questions
from tests.support.users import signed_in


def test_comments_are_reviewed_as_literal_text(app_env, admin):
    payload = "<script>alert(1)</script> **bold** [link](http://x.example)"
    wish = replace(own_questions()[3], texts={lang: f"*{lang}* <b>wish</b>" for lang in LANGUAGES})
    round_ = open_round(app_env, action_id="mini:a1", free_text=True, own=(wish,))
    for i in range(10):
        answers.record(
            app_env,
            round_,
            answers.Answer(
                scores=(4,),
                text=payload if i == 0 else "",
                own={0: (f"_{payload}",)} if i == 1 else {},
            ),
            submission_id=answers.new_submission_id(),
        )
    at = page("comments", session=admin, lang="en")
    # A short text answer to an own question is reviewed as a comment is, under its question.
    assert sorted(t.value for t in at.text) == sorted(
        [payload, "Answer to the question: *en* <b>wish</b>", f"_{payload}"]
    )
    press(at, "Contains personal data")
    assert "contains personal data" in at.caption[1].value


def test_the_comments_page_names_each_round_with_answers_flagged_as_too_fast(app_env, admin):
    quiet = open_round(app_env, action_id="mini:a1")
    busy = open_round(
        app_env, action_id="mini:a1", subjects={"fi": "Kerho", "sv": "Klubb", "en": "*Club*"}
    )
    answered(app_env, quiet, 4, 4)
    answered(app_env, busy, 1, 1, 1, flagged=True)
    answered(app_env, busy, 5)
    at = page("comments", session=admin, lang="en")
    assert [w.value for w in at.warning] == [
        f"Round {plain(f'{busy.code} (*Club*)')}: 3 answers came unusually fast, so they are "
        "flagged as possible misuse. They are kept but left out of every figure."
    ]


def test_the_comments_page_says_how_long_comments_are_kept_and_when_old_ones_went(
    app_env, admin, monkeypatch
):
    monkeypatch.setenv("FEEDBACK_COMMENT_MONTHS", "18")
    at = page("comments", session=admin, lang="sv")
    assert [i.value for i in at.info if "sparas" in i.value] == [
        "Kommentarerna sparas i 18 månader och raderas sedan. Siffrorna finns kvar. Gamla "
        "kommentarer har inte raderats än: driften ska köra `feedback retention` regelbundet."
    ]
    retention.run(app_env, now=datetime(2026, 12, 3, tzinfo=UTC))
    at = page("comments", session=admin, lang="fi")
    assert (
        "Kommentit säilytetään 18 kuukautta, sitten ne poistetaan. Luvut säilyvät. Viimeksi "
        "poistettu 3.12.2026: 0 kommenttia ennen päivää 3.6.2025."
    ) in [c.value for c in at.caption]
    assert not [i for i in at.info if "retention" in i.value]


def test_an_alert_comes_first_for_its_actors_staff_who_record_what_was_done(app_env, admin):
    round_ = open_round(app_env, action_id="mini:a1", free_text=True)
    answered(app_env, round_, 4, 4, 4, text="Kiva kerho")
    answered(app_env, round_, 2, text="mua kiusataan")  # a small round: shown all the same
    [alert] = alerts.for_review(app_env, actors=None)
    kotka = signed_in(app_env, "kotka", role=auth.Role.STAFF, actors=("mini:kotka",))
    other = page("comments", session=kotka, lang="en", alert=str(alert.id))
    assert "mua kiusataan" not in [t.value for t in other.text]  # another actor's staff

    alerts.add_contact(app_env, "mini:hamina", "johtaja@hamina.fi", added_by="a", escalation=True)
    alerts.add_contact(app_env, "mini:hamina", "kuraattori@hamina.fi", added_by="a")
    with LoopbackSmtp() as smtp:  # sent, and nobody handles it for five hours
        for later in (datetime.now(), datetime.now() + timedelta(hours=5)):
            assert alert_mail.send_due(app_env, smtp_url=smtp.url, now=later) == 1

    hamina = signed_in(app_env, "hamina", role=auth.Role.STAFF, actors=("mini:hamina",))
    at = page("comments", session=hamina, lang="en", alert=str(alert.id))
    assert at.subheader[0].value == "Comments that signal harm"
    assert any("not handled in time: sent to the next contacts" in c.value for c in at.caption)
    assert at.text[0].value == "mua kiusataan"
    assert at.markdown[0].value == "**bullying**"
    at = press(at, "Raised with the unit")
    assert not at.exception
    [handled] = alerts.for_review(app_env, actors=("mini:hamina",))
    assert (handled.handling, handled.handled_by) == ("raised", "hamina")
    assert any("Raised with the unit – hamina" in s.value for s in at.success)
