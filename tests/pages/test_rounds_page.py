"""The rounds page (/rounds): opening rounds with subjects and codes, kiosks, closing."""

from streamlit.testing.v1 import AppTest

from feedback import rounds, settings
from feedback.rounds import answers, codes, kiosk
from feedback.staff import auth
from feedback.ui.escaping import plain
from tests.support.pages import page, press
from tests.support.rounds import open_round
from tests.support.users import signed_in


def test_the_rounds_page_offers_the_links_the_qr_code_and_the_poster(app_env, round_, admin):
    at = page("rounds", session=admin)
    assert not at.exception
    codes = [c.value for c in at.code]
    assert rounds.link(round_.code) in codes
    assert not any("kiosk" in code for code in codes), "no link makes a kiosk"
    downloads = at.get("download_button")
    assert [d.proto.label for d in downloads] == ["Lataa A4-juliste (PDF)", "Lataa QR-koodi (PNG)"]


def test_the_rounds_page_without_rounds_says_how_to_open_one(app_env, admin):
    at = page("rounds", lang="en", session=admin)
    assert "feedback round create" in at.info[-1].value


def subject_input(at: AppTest, language: str):
    return next(t for t in at.text_input if t.label.endswith(f"({language})"))


def test_staff_open_a_round_for_their_own_action_with_a_subject_in_each_language(app_env, admin):
    at = page("rounds", session=admin, lang="en")
    at.selectbox[0].set_value(next(o for o in at.selectbox[0].options))
    at.multiselect(key="new-round-languages").set_value(["fi", "sv"]).run()
    assert [t.label for t in at.text_input] == [
        "What the child rates – in a few words (Suomi)",
        "What the child rates – in a few words (Svenska)",
    ]
    subject_input(at, "Suomi").input("Nuorisotalon kerho").run()
    # The preview is in the page's language, or if the round lacks it, in the round's first.
    preview = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert "Nuorisotalon kerho" in preview and "Mitä mieltä olet tästä?" in preview
    subject_input(at, "Svenska").input("Ungdomsgårdens klubb").run()
    press(at, "Open the round")
    assert at.success[0].value.startswith("Round ")
    [listed] = rounds.list_rounds(app_env)
    opened = rounds.get_by_code(app_env, listed.code)
    assert opened.subjects == {"fi": "Nuorisotalon kerho", "sv": "Ungdomsgårdens klubb"}


def test_staff_open_a_round_with_one_time_codes_and_download_its_slips(app_env, admin):
    at = page("rounds", session=admin, lang="en")
    at.multiselect(key="new-round-languages").set_value(["fi"]).run()
    subject_input(at, "Suomi").input("Luokan äänestys").run()
    at.number_input(key="new-round-codes").set_value(25).run()
    press(at, "Open the round")
    [listed] = rounds.list_rounds(app_env)
    opened = rounds.get_by_code(app_env, listed.code)
    assert opened.uses_codes and len(codes.unused(app_env, opened.id)) == 25
    at = page("rounds", session=admin, lang="en")
    labels = [d.proto.label for d in at.get("download_button")]
    assert "Download answer slips (A4, PDF)" in labels


def test_a_round_without_a_subject_in_one_of_its_languages_is_not_opened(app_env, admin):
    at = page("rounds", session=admin, lang="fi")
    at.multiselect(key="new-round-languages").set_value(["fi", "sv"]).run()
    preview = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert "Kirjoita, mitä lapsi arvioi, kielellä Suomi." in preview
    subject_input(at, "Suomi").input("Nuorisotalon kerho").run()
    press(at, "Avaa kierros")
    assert [e.value for e in at.error] == ["Kirjoita, mitä lapsi arvioi, kielellä Svenska."]
    assert rounds.list_rounds(app_env) == []
    assert subject_input(at, "Suomi").value == "Nuorisotalon kerho"  # nothing typed is lost


def test_staff_enrol_a_kiosk_see_its_flagged_answers_and_revoke_it(app_env, round_, admin):
    at = page("rounds", session=admin, lang="en")
    assert "This round has no kiosks." in [c.value for c in at.caption]
    press(at, "Create the kiosk's enrolment link")
    assert at.error[0].value == "Give the tablet a name (at most 60 characters)."
    label = next(t for t in at.text_input if t.label.startswith("The tablet's name"))
    label.input("Lobby **bold**")
    press(at, "Create the kiosk's enrolment link")
    [made] = kiosk.list_kiosks(app_env)
    [link] = [c.value for c in at.code if kiosk.ENROL_PATH in c.value]
    assert link.startswith(f"{settings.base_url()}{kiosk.ENROL_PATH}?t=")
    qr = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert 'alt="QR code that makes the tablet the kiosk Lobby **bold**"' in qr
    for _ in range(2):  # the second one too fast
        answers.record(
            app_env,
            round_,
            answers.Answer(scores=(4,)),
            submission_id=answers.new_submission_id(),
            channel="kiosk",
            flagged=True,
            kiosk_id=made.id,
        )
    at = page("rounds", session=admin, lang="en")
    row = next(m.value for m in at.markdown if "too-fast answers" in m.value)
    assert row == (
        rf"**Lobby \*\*bold\*\*** · admin, {made.enrolled_on.isoformat()} · too-fast answers 2"
    )
    press(at, "Revoke")
    assert at.success[0].value.startswith("The kiosk Lobby")
    assert [k.revoked for k in kiosk.list_kiosks(app_env)] == [True]
    assert not [b for b in at.button if b.label == "Revoke"]


def test_staff_do_not_see_another_actors_kiosks(app_env):
    kotka_round = open_round(app_env, action_id="mini:a2")
    open_round(app_env, action_id="mini:a1")
    kiosk.enrol(app_env, kotka_round.code, label="Kotkan aula", enrolled_by="k", key="k" * 40)
    hamina = signed_in(app_env, "hamina", role=auth.Role.STAFF, actors=("mini:hamina",))
    at = page("rounds", session=hamina)
    assert not any("Kotkan aula" in m.value for m in at.markdown)


def test_closing_a_round_takes_it_off_the_answer_page(app_env, round_, admin):
    at = page("rounds", session=admin, lang="en")
    press(at, "Close the round")
    assert at.success[0].value == "The round is now closed."
    assert rounds.open_by_code(app_env, round_.code) is None
    press(at, "Reopen")
    assert rounds.open_by_code(app_env, round_.code) is not None


def test_staff_open_a_round_that_alerts_on_every_comment(app_env, admin):
    at = page("rounds", session=admin, lang="en")
    at.multiselect(key="new-round-languages").set_value(["fi"]).run()
    subject_input(at, "Suomi").input("Kerho").run()
    assert at.checkbox(key="new-round-every-comment").disabled  # no comments, nothing to alert
    at.checkbox(key="new-round-free-text").check().run()
    at.checkbox(key="new-round-every-comment").check().run()
    press(at, "Open the round")
    [listed] = rounds.list_rounds(app_env)
    opened = rounds.get_by_code(app_env, listed.code)
    assert opened.free_text and opened.alert_every_comment


def test_staff_pick_bank_questions_see_them_previewed_and_download_the_rounds_form(
    app_env, admin, downloaded
):
    from feedback.rounds import xlsform

    at = page("rounds", session=admin, lang="en")
    at.multiselect(key="new-round-languages").set_value(["fi", "sv"]).run()
    bank = at.multiselect(key="new-round-bank")
    assert bank.options[0] == "How well were you listened to?"
    bank.set_value([0, 5]).run()  # "heard" and "what was best?"
    shown = [m.value for m in at.markdown]
    assert "1\\. Kuinka hyvin sinua kuunneltiin? \\(Tosi huono · Huono" in "\n".join(shown)
    subject_input(at, "Suomi").input("Nuorisotalon kerho").run()
    subject_input(at, "Svenska").input("Ungdomsgårdens klubb").run()
    press(at, "Open the round")
    [listed] = rounds.list_rounds(app_env)
    opened = rounds.get_by_code(app_env, listed.code)
    assert [q.bank_id for q in opened.own_questions] == ["thl.heard", "thl.best"]
    at = page("rounds", session=admin, lang="en")
    form = xlsform.read(downloaded(at, "Download the round's questions (XLSForm)"))
    assert [q.name for q in form.questions] == ["heard", "best"]
    assert form.languages == ("fi", "sv")


def test_a_question_written_here_needs_every_language_and_what_was_typed_stays(app_env, admin):
    at = page("rounds", session=admin, lang="en")
    at.multiselect(key="new-round-languages").set_value(["fi", "sv"]).run()
    subject_input(at, "Suomi").input("Nuorisotalon kerho").run()
    subject_input(at, "Svenska").input("Ungdomsgårdens klubb").run()
    at.number_input(key="new-round-own-count").set_value(1).run()
    at.selectbox(key="new-round-own-0-kind").set_value("text").run()
    at.text_input(key="new-round-own-0-text-fi").input("Mitä toivot?").run()
    press(at, "Open the round")
    missing = "Question 1: The question's text is missing in Svenska."
    assert [e.value for e in at.error] == [plain(missing)]  # staff's words in it stay text
    assert rounds.list_rounds(app_env) == []
    assert at.text_input(key="new-round-own-0-text-fi").value == "Mitä toivot?"
    at.text_input(key="new-round-own-0-text-sv").input("Vad önskar du?").run()
    press(at, "Open the round")
    [listed] = rounds.list_rounds(app_env)
    [question] = rounds.get_by_code(app_env, listed.code).own_questions
    assert (question.kind, question.texts) == (
        "text",
        {"fi": "Mitä toivot?", "sv": "Vad önskar du?"},
    )


def test_staff_change_a_running_rounds_alerting_a_wrong_address_stays_and_who_is_shown(
    app_env, admin
):
    round_ = open_round(app_env, action_id="mini:a1", free_text=True, code="warnmezz")
    at = page("rounds", session=admin, lang="en")
    at.checkbox(key="alerting-warnmezz-every-comment").check()
    at.text_input(key="alerting-warnmezz-digest").input("ohjaaja@hamina.fi")
    at.text_input(key="alerting-warnmezz-drop").input("ohjaaja at hamina")
    press(at, "Save the alerts")
    assert at.error[0].value == "This is not an e-mail address: ohjaaja at hamina"
    assert at.text_input(key="alerting-warnmezz-drop").value == "ohjaaja at hamina"
    assert not rounds.get_by_code(app_env, round_.code).alert_every_comment  # all or nothing
    at.text_input(key="alerting-warnmezz-drop").input(" ")  # emptied: no drop alert
    press(at, "Save the alerts")
    assert at.success[0].value == "Saved."
    saved = rounds.get_by_code(app_env, round_.code)
    assert saved.alert_every_comment and saved.digest_to == "ohjaaja@hamina.fi"
    assert saved.drop_alert_to is None
    shown = [c.value for c in at.caption if r"admin\:" in c.value]  # Markdown, escaped
    assert len(shown) == 2 and any("daily digest → ohjaaja\u2060@hamina" in c for c in shown)
    assert any("Alert on every comment → on" in c for c in shown)
