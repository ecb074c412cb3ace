"""The featherweight answer page over HTTP: what a phone gets back and what the database keeps."""

from __future__ import annotations

import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from feedback import i18n, rounds, storage
from feedback.rounds import changes, codes, questions, submissions
from feedback.rounds.scales import Scale
from feedback.staff import auth
from feedback.ui import answer_page
from tests.support.pages import submission_id
from tests.support.rounds import open_round, round_before_subjects
from tests.support.stores import stored_answers, write_locked


@pytest.fixture
def client(app_env):
    with TestClient(Starlette(routes=answer_page.routes())) as client:
        yield client


def stored(db_path, code):
    return stored_answers(db_path, code, "question, score, respondent_group, channel")


def test_the_page_asks_the_question_in_the_chosen_language_with_labelled_faces(client, round_):
    reply = client.get(f"/answer/{round_.code}?lang=sv")
    assert reply.status_code == 200
    assert '<html lang="sv" dir="ltr">' in reply.text
    assert "Vad tycker du om det här?" in reply.text
    assert re.findall(r'<input type="radio" name="q0" value="(\d)"', reply.text) == list("12345")
    assert "Mycket bra" in reply.text and "<script" not in reply.text
    assert reply.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in reply.headers["content-security-policy"]


def test_an_answer_is_stored_once_and_thanked_only_after_it_is(client, round_, app_env):
    sid = submission_id(client.get(f"/answer/{round_.code}?ch=qr").text)
    for _ in range(2):  # a lost reply makes the phone send the same form again
        reply = client.post(
            f"/answer/{round_.code}?ch=qr", data={"sid": sid, "q0": "5", "send": "1"}
        )
        assert reply.status_code == 200
        assert "<h1>Kiitos!</h1>" in reply.text
    assert stored(app_env, round_.code) == [(0, 5, "grades-4-6", "qr")]


def test_sending_without_a_choice_says_so_and_keeps_the_rest(client, plan_db, app_env):
    round_ = open_round(plan_db, action_id="mini:a1", extra_questions=("heard",))
    sid = submission_id(client.get(f"/answer/{round_.code}?lang=en").text)
    reply = client.post(f"/answer/{round_.code}?lang=en", data={"sid": sid, "q1": "2", "send": "1"})
    assert reply.status_code == 422
    assert '<p class="alert" role="alert">First choose one option.</p>' in reply.text
    assert 'id="q0-error"' in reply.text and 'id="q1-error"' not in reply.text
    assert '<input type="radio" name="q1" value="2" checked required>' in reply.text
    assert submission_id(reply.text) == sid
    assert stored(app_env, round_.code) == []


def test_a_round_for_several_groups_asks_who_first_and_words_the_question_for_them(
    client, plan_db, app_env
):
    round_ = open_round(
        plan_db, action_id="mini:a1", audiences=("grades-1-3", "guardians"), scale=Scale.NPS
    )
    first = client.get(f"/answer/{round_.code}?lang=en").text
    assert "Who are you?" in first and 'name="q0"' not in first and 'name="sid"' not in first
    nothing = client.post(f"/answer/{round_.code}?lang=en", data={"next": "1"}).text
    assert "First choose one option." in nothing
    child = client.post(
        f"/answer/{round_.code}?lang=en", data={"group": "grades-1-3", "next": "1"}
    ).text
    asked = questions.Question("recommend", Scale.NPS)
    assert i18n.t(asked.text_key_for("grades-1-3"), "en") in child
    reply = client.post(
        f"/answer/{round_.code}?lang=en",
        data={"group": "grades-1-3", "sid": submission_id(child), "q0": "10", "send": "1"},
    )
    assert reply.status_code == 200
    assert stored(app_env, round_.code) == [(0, 10, "grades-1-3", "link")]


def test_follow_up_and_comment_are_stored_cleaned_and_shown_back_as_text(client, plan_db, app_env):
    round_ = open_round(plan_db, action_id="mini:a1", follow_up=("friends", "fun"), free_text=True)
    sid = submission_id(client.get(f"/answer/{round_.code}").text)
    too_long = "x" * (questions.FREE_TEXT_MAX + 1)
    refused = client.post(
        f"/answer/{round_.code}?lang=en",
        data={"sid": sid, "q0": "4", "best": ["fun"], "comment": too_long, "send": "1"},
    )
    assert refused.status_code == 422
    assert "The text is too long: at most 500 characters." in refused.text
    assert f">{too_long}</textarea>" in refused.text
    payload = "<script>alert(1)</script>\u202e **hi**"
    reply = client.post(
        f"/answer/{round_.code}",
        data={"sid": sid, "q0": "4", "best": ["fun", "friends"], "comment": payload, "send": "1"},
    )
    assert reply.status_code == 200
    with storage.reading(app_env) as conn:
        assert conn.execute("SELECT text FROM comments").fetchall() == [
            ("<script>alert(1)</script> **hi**",)
        ]
        assert sorted(conn.execute("SELECT choice FROM answer_choices").fetchall()) == [
            ("friends",),
            ("fun",),
        ]


def test_an_action_text_with_markup_is_shown_as_text(client, plan_db):
    with storage.writing(plan_db) as conn:
        conn.execute(
            "UPDATE actions SET text = ? WHERE id = 'mini:a1'",
            ['{"fi": "<img src=x onerror=alert(1)> & **lihava**"}'],
        )
    round_ = open_round(plan_db, action_id="mini:a1")
    page = client.get(f"/answer/{round_.code}").text
    assert '<p lang="fi" dir="ltr">&lt;img src=x onerror=alert(1)&gt; &amp; **lihava**</p>' in page


def test_unknown_and_closed_rounds_get_a_friendly_page(client, plan_db, app_env):
    reply = client.get("/answer/zzzzzzzz?lang=en")
    assert reply.status_code == 404
    assert "<h1>Survey not found</h1>" in reply.text
    assert client.get("/answer/<script>").status_code == 404
    round_ = open_round(plan_db, action_id="mini:a1", closes_on=date(2099, 1, 1))
    assert client.get(f"/answer/{round_.code}").status_code == 200
    rounds.set_status(plan_db, round_.code, "closed")
    assert client.get(f"/answer/{round_.code}").status_code == 404


def test_a_round_closing_while_the_child_answers_says_so(client, plan_db, app_env, monkeypatch):
    round_ = open_round(plan_db, action_id="mini:a1")
    sid = submission_id(client.get(f"/answer/{round_.code}?lang=en").text)
    monkeypatch.setattr(rounds, "open_by_code", lambda db, code: round_)  # shown while open
    with storage.writing(plan_db) as conn:
        conn.execute("UPDATE rounds SET status = 'closed' WHERE code = ?", [round_.code])
    reply = client.post(f"/answer/{round_.code}?lang=en", data={"sid": sid, "q0": "3", "send": "1"})
    assert reply.status_code == 409
    assert "This survey has just closed" in reply.text
    assert stored(app_env, round_.code) == []


def test_a_round_closed_by_another_process_takes_no_answer_though_its_copy_is_still_shown(
    client, plan_db, app_env, monkeypatch
):
    round_ = open_round(plan_db, action_id="mini:a1")
    sid = submission_id(client.get(f"/answer/{round_.code}?lang=en").text)
    with storage.writing(plan_db) as conn:  # as another server process closes it
        conn.execute("UPDATE rounds SET status = 'closed' WHERE code = ?", [round_.code])
    assert client.get(f"/answer/{round_.code}").status_code == 200  # this process's copy
    reply = client.post(f"/answer/{round_.code}?lang=en", data={"sid": sid, "q0": "3", "send": "1"})
    assert reply.status_code == 409
    assert stored(app_env, round_.code) == []
    later = rounds._clock() + answer_page.ROUND_MAX_AGE + 1
    monkeypatch.setattr(rounds, "_clock", lambda: later)
    assert client.get(f"/answer/{round_.code}").status_code == 404  # read again: closed


def test_each_showing_of_the_questions_has_its_own_submission_id_and_the_same_page(
    client, plan_db, app_env, monkeypatch
):
    round_ = open_round(plan_db, action_id="mini:a1", follow_up=("fun",), free_text=True)
    pages = [client.get(f"/answer/{round_.code}?lang=sv&ch=qr") for _ in range(3)]
    ids = [submission_id(page.text) for page in pages]
    assert len(set(ids)) == 3
    assert len({page.text.replace(sid, "") for page, sid in zip(pages, ids, strict=True)}) == 1
    assert {page.headers["content-security-policy"] for page in pages} == {
        pages[0].headers["content-security-policy"]
    }
    assert (
        '<html lang="sv" dir="ltr">' in pages[0].text
        and 'action="?lang=sv&amp;ch=qr"' in pages[0].text
    )
    assert "\x00" not in pages[0].text
    english = client.get(f"/answer/{round_.code}?lang=en").text
    assert '<html lang="en" dir="ltr">' in english and submission_id(english) not in ids
    with storage.writing(plan_db) as conn:  # an admin rewrites the action's text
        conn.execute(
            "UPDATE actions SET text = ? WHERE id = 'mini:a1'", ['{"fi": "Uusi <teksti>"}']
        )
    later = rounds._clock() + answer_page.ROUND_MAX_AGE + 1
    monkeypatch.setattr(rounds, "_clock", lambda: later)
    assert (
        '<p lang="fi" dir="ltr">Uusi &lt;teksti&gt;</p>'
        in client.get(f"/answer/{round_.code}").text
    )


def test_answers_sent_at_the_same_moment_are_each_stored_once(client, round_, app_env):
    ids = [submission_id(client.get(f"/answer/{round_.code}").text) for _ in range(12)]

    def send(sid: str) -> int:
        form = {"sid": sid, "q0": "4", "send": "1"}
        return client.post(f"/answer/{round_.code}", data=form).status_code

    with ThreadPoolExecutor(6) as senders:
        statuses = list(senders.map(send, ids + ids))  # each one sent twice, all at once
    assert statuses == [200] * 24
    assert stored(app_env, round_.code) == [(0, 4, "grades-4-6", "link")] * 12


def test_a_database_that_cannot_be_written_keeps_the_answer_on_screen_and_the_retry_stores_it(
    client, round_, app_env, monkeypatch
):
    sid = submission_id(client.get(f"/answer/{round_.code}?lang=en").text)
    monkeypatch.setattr(storage.base, "BUSY_TIMEOUT_MS", 100)  # fail fast instead of waiting 10 s
    with write_locked(app_env):  # as when the disk is full or the file read-only
        failed = client.post(
            f"/answer/{round_.code}?lang=en", data={"sid": sid, "q0": "2", "send": "1"}
        )
    assert failed.status_code == 503
    assert "could not be saved" in failed.text
    assert '<input type="radio" name="q0" value="2" checked required>' in failed.text
    assert submission_id(failed.text) == sid
    retried = client.post(
        f"/answer/{round_.code}?lang=en", data={"sid": sid, "q0": "2", "send": "1"}
    )
    assert retried.status_code == 200
    assert stored(app_env, round_.code) == [(0, 2, "grades-4-6", "link")]


def test_the_thank_you_tells_what_was_done_after_last_time(client, plan_db):
    earlier = open_round(plan_db, action_id="mini:a1")
    changes.record(
        plan_db,
        action_id="mini:a1",
        round_id=earlier.id,
        you_said="More <b>games</b>",
        we_did="We bought games",
        status="done",
        language="en",
    )
    later = open_round(plan_db, action_id="mini:a1")
    sid = submission_id(client.get(f"/answer/{later.code}?lang=en").text)
    reply = client.post(f"/answer/{later.code}?lang=en", data={"sid": sid, "q0": "4", "send": "1"})
    assert "Last time you said: More &lt;b&gt;games&lt;/b&gt; So we: We bought games" in reply.text


def test_an_oversized_form_is_refused_kindly(client, round_):
    reply = client.post(
        f"/answer/{round_.code}?lang=en", data={"comment": "x" * 20_000, "send": "1"}
    )
    assert reply.status_code == 413
    assert "The answer is too long" in reply.text


def test_a_body_bigger_than_any_form_is_not_read_whatever_its_headers_say(client, round_):
    def endless():
        for _ in range(100):
            yield b"comment=" + b"x" * 10_000 + b"&"

    reply = client.post(
        f"/answer/{round_.code}?lang=en",
        content=endless(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert reply.status_code == 413
    lying = client.post(
        f"/answer/{round_.code}?lang=en",
        content=b"q0=4&send=1",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Content-Length": "11x"},
    )
    assert lying.status_code in (400, 422)


def test_a_round_with_a_subject_shows_it_first_and_the_action_behind_a_disclosure(client, plan_db):
    round_ = rounds.create(
        plan_db,
        action_id="mini:a1",
        languages=("fi", "sv"),
        subjects={"fi": "Nuorisotalon <b>kerho</b> **nyt**", "sv": "Ungdomsgårdens klubb"},
    )
    page = client.get(f"/answer/{round_.code}").text
    assert '<h1 class="subject">Nuorisotalon &lt;b&gt;kerho&lt;/b&gt; **nyt**</h1>' in page
    assert page.index('class="subject"') < page.index("Mitä mieltä olet tästä?")
    assert (
        '<details class="about">\n<summary>Mistä tässä on kyse?</summary>\n'
        '<p lang="fi" dir="ltr">Lasten parlamentti</p>'
    ) in page
    assert "<title>Nuorisotalon &lt;b&gt;kerho&lt;/b&gt; **nyt**</title>" in page
    swedish = client.get(f"/answer/{round_.code}?lang=sv").text
    assert '<h1 class="subject">Ungdomsgårdens klubb</h1>' in swedish
    assert "<summary>Vad handlar det om?</summary>" in swedish
    # The plan has no Swedish words: its Finnish ones are marked as Finnish on the Swedish page.
    assert '<p lang="fi" dir="ltr">Lasten parlamentti</p>' in swedish
    assert "Nuorisotalon" not in swedish
    # The round has no English words: its first language, and only its languages offered.
    english = client.get(f"/answer/{round_.code}?lang=en").text
    assert '<html lang="fi" dir="ltr">' in english and ">English</a>" not in english


def test_a_round_without_a_subject_has_its_question_as_the_heading(client, plan_db):
    round_ = round_before_subjects(plan_db, action_id="mini:a1")
    page = client.get(f"/answer/{round_.code}").text
    assert "<legend><h1>Mitä mieltä olet tästä?</h1></legend>" in page
    assert page.count("<h1") == 1
    assert (
        '<summary>Mistä tässä on kyse?</summary>\n<p lang="fi" dir="ltr">Lasten parlamentti</p>'
        in page
    )
    assert "<audio" not in page


def test_only_submission_ids_this_server_issued_for_the_round_store_an_answer(
    client, plan_db, app_env
):
    round_ = open_round(plan_db, action_id="mini:a1")
    other = open_round(plan_db, action_id="mini:a1")
    issued = submission_id(client.get(f"/answer/{round_.code}?lang=en").text)
    made_up = uuid.uuid4().hex  # what an attacker's script sent, a new one every time
    altered = issued[:-1] + ("0" if issued[-1] != "0" else "1")
    expired = submissions.issue(round_.id, key=auth.submission_key(), now=time.time() - 13 * 3600)
    elsewhere = submission_id(client.get(f"/answer/{other.code}?lang=en").text)
    for sid in (made_up, altered, expired, elsewhere):
        reply = client.post(
            f"/answer/{round_.code}?lang=en", data={"sid": sid, "q0": "2", "send": "1"}
        )
        assert reply.status_code == 422
        assert "This form had become too old, so the answer was not saved." in reply.text
        assert '<input type="radio" name="q0" value="2" checked required>' in reply.text
        fresh = submission_id(reply.text)  # a fresh form: sending it again stores the answer
        assert fresh not in (issued, sid)
    assert stored(app_env, round_.code) == []
    reply = client.post(
        f"/answer/{round_.code}?lang=en", data={"sid": fresh, "q0": "2", "send": "1"}
    )
    assert "<h1>Thank you!</h1>" in reply.text
    assert stored(app_env, round_.code) == [(0, 2, "grades-4-6", "link")]


def test_a_form_sent_from_another_site_is_refused_kindly_and_keeps_the_choice(
    client, round_, app_env
):
    sid = submission_id(client.get(f"/answer/{round_.code}?lang=sv").text)
    form = {"sid": sid, "q0": "1", "send": "1"}
    for headers in (
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
        {"origin": "https://evil.example"},
        {"origin": "null", "sec-fetch-site": "cross-site"},
    ):
        reply = client.post(f"/answer/{round_.code}?lang=sv", data=form, headers=headers)
        assert reply.status_code == 403
        assert (
            '<html lang="sv" dir="ltr">' in reply.text
            and "kom från en annan webbplats" in reply.text
        )
        assert '<input type="radio" name="q0" value="1" checked required>' in reply.text
    assert stored(app_env, round_.code) == []
    # The app's own page: its no-referrer policy makes the browser send `Origin: null`.
    own = {"sec-fetch-site": "same-origin", "origin": "null"}
    reply = client.post(f"/answer/{round_.code}?lang=sv", data=form, headers=own)
    assert reply.status_code == 200
    same = {"sec-fetch-site": "same-origin", "origin": "http://testserver"}
    assert client.post(f"/answer/{round_.code}?lang=sv", data=form, headers=same).status_code == 200
    assert stored(app_env, round_.code) == [(0, 1, "grades-4-6", "link")]


def test_answers_beyond_the_rounds_pace_are_stored_flagged(client, plan_db, app_env, monkeypatch):
    monkeypatch.setenv("FEEDBACK_PACE_BURST", "5")
    round_ = open_round(plan_db, action_id="mini:a1")
    for _ in range(8):
        sid = submission_id(client.get(f"/answer/{round_.code}").text)
        reply = client.post(f"/answer/{round_.code}", data={"sid": sid, "q0": "1", "send": "1"})
        assert "<h1>Kiitos!</h1>" in reply.text  # the sender cannot tell
    flagged = stored_answers(app_env, round_.code, "flagged")
    assert [bool(f) for (f,) in flagged] == [False] * 5 + [True] * 3


def test_a_codes_round_takes_each_slips_code_once_and_a_guess_never(client, plan_db, app_env):
    round_ = open_round(plan_db, action_id="mini:a1", codes=2)
    first, second = codes.unused(plan_db, round_.id)
    page = client.get(f"/answer/{round_.code}?lang=en&k={first}").text
    assert f'name="k" type="text" value="{first}"' in page and "The code on your slip" in page
    sid = submission_id(page)
    for _ in range(2):  # a lost reply: the resend is thanked, the code counted once
        reply = client.post(
            f"/answer/{round_.code}?lang=en&k={first}",
            data={"sid": sid, "k": first, "q0": "5", "send": "1"},
        )
        assert "<h1>Thank you!</h1>" in reply.text
    for typed in (first, "ABCDEFG", ""):  # used, guessed, none
        sid = submission_id(client.get(f"/answer/{round_.code}?lang=en").text)
        reply = client.post(
            f"/answer/{round_.code}?lang=en", data={"sid": sid, "k": typed, "q0": "4", "send": "1"}
        )
        assert reply.status_code == 422
        assert '<p class="error" id="k-error">The code is not known' in reply.text
        assert '<input type="radio" name="q0" value="4" checked required>' in reply.text
    typed = f" {second[:3].lower()}-{second[3:]} "  # as a child may type it
    sid = submission_id(client.get(f"/answer/{round_.code}?lang=en").text)
    reply = client.post(
        f"/answer/{round_.code}?lang=en", data={"sid": sid, "k": typed, "q0": "4", "send": "1"}
    )
    assert "<h1>Thank you!</h1>" in reply.text
    assert stored(app_env, round_.code) == [
        (0, 4, "grades-4-6", "link"),
        (0, 5, "grades-4-6", "link"),
    ]
    assert codes.unused(plan_db, round_.id) == []


def test_the_child_sees_where_to_find_help_by_the_comment_and_after_a_worrying_one(
    client, plan_db, app_env, monkeypatch
):
    monkeypatch.setenv("FEEDBACK_HELP_CONTACTS", "Koulukuraattori <b>040 123 4567</b>")
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    questions_page = client.get(f"/answer/{round_.code}?lang=sv").text
    assert "Mår du dåligt?" in questions_page
    assert '<a href="tel:116111">116 111</a>' in questions_page
    assert '<a href="tel:080096116">0800 96 116</a>' in questions_page  # in Swedish
    assert '<a href="https://www.nuortennetti.fi/">nuortennetti.fi</a>' in questions_page
    assert '<a href="tel:112">112</a>' in questions_page
    assert "Koulukuraattori &lt;b&gt;040 123 4567&lt;/b&gt;" in questions_page  # as text
    thanks = {}
    for comment in ("Kiva kerho", "mua kiusataan joka päivä"):
        sid = submission_id(client.get(f"/answer/{round_.code}?lang=en").text)
        reply = client.post(
            f"/answer/{round_.code}?lang=en",
            data={"sid": sid, "q0": "2", "comment": comment, "send": "1"},
        )
        thanks[comment] = reply.text
    assert "Do you feel bad?" not in thanks["Kiva kerho"]
    worried = thanks["mua kiusataan joka päivä"]
    assert "Thank you for telling us. Nobody knows who wrote this." in worried
    assert '<a href="tel:116111">116 111</a>' in worried and "0800 96 116" not in worried
    assert "kiusataan" not in worried  # the comment is not shown back
    with storage.reading(app_env) as db:
        assert db.execute("SELECT categories FROM safeguarding_alerts").fetchall() == [
            ("bullying",)
        ]


def test_own_questions_are_asked_a_screen_each_kept_going_back_and_when_missing_stored_once(
    client, plan_db, app_env
):
    from dataclasses import replace

    from feedback.rounds import own_questions
    from tests.support.rounds import own_questions as own

    hostile = replace(own()[1], texts={**own()[1].texts, "en": "<b>Often?</b> **x**"})
    asked = (own()[0], hostile, *own()[2:])
    round_ = open_round(
        plan_db, action_id="mini:a1", audiences=("grades-4-6", "guardians"), own=asked
    )
    path = f"/answer/{round_.code}?lang=en"
    child = client.post(path, data={"group": "grades-4-6", "next": "1"}).text
    # Screen 1 of 4: the main question alone; the guardians' question is not asked of a child.
    assert '<span class="progress">Question 1 of 4</span>' in child and 'name="o' not in child
    assert '<button type="submit" name="go" value="next">Next</button>' in child
    assert 'value="back"' not in child
    data = {"group": "grades-4-6", "sid": submission_id(child)}

    def step(page, go="next", **chosen):
        return client.post(path, data={**data, **chosen, "page": str(page), "go": go})

    stay = step(0)  # Next without a face: the same screen says so
    assert stay.status_code == 422 and 'id="q0-error"' in stay.text
    second = step(0, q0="4")
    assert '<span class="progress">Question 2 of 4</span>Did you feel safe?' in second.text
    assert '<input type="hidden" name="q0" value="4">' in second.text
    assert second.text.count("<fieldset") == 1 and "formnovalidate" in second.text
    third = step(1, q0="4", o0="5")
    assert '<span class="progress">Question 3 of 4</span>What did you like?' in third.text
    missing = step(2, q0="4", o0="5")  # the required multiple choice left out
    assert missing.status_code == 422 and 'id="o2-error"' in missing.text
    assert '<input type="hidden" name="o0" value="5">' in missing.text
    back = step(2, "back", q0="4", o0="5", o2=["games", "music"])  # Back keeps the choices
    assert '<input type="radio" name="o0" value="5" checked>' in back.text
    assert '<input type="hidden" name="o2" value="music">' in back.text
    last = step(2, q0="4", o0="5", o2=["games", "music"])
    assert '<label for="o3">What do you wish for?</label>' in last.text
    assert '<button type="submit" name="send" value="1">Send</button>' in last.text
    sent = {**data, "q0": "4", "o0": "5", "o3": "Lisää pelejä", "page": "3", "send": "1"}
    unsent = client.post(path, data=sent)  # sent without the required one: back to its screen
    assert unsent.status_code == 422 and 'id="o2-error"' in unsent.text
    assert '<input type="hidden" name="o3" value="Lisää pelejä">' in unsent.text
    assert stored(app_env, round_.code) == []
    for _ in range(2):
        assert client.post(path, data={**sent, "o2": ["games", "music"]}).status_code == 200
    counted = own_questions.counts(app_env, round_.id)
    assert counted[2] == {"*": 1, "games": 1, "music": 1} and counted[0] == {"*": 1, "5": 1}
    data["group"] = "guardians"
    guardian = step(1, q0="4", o0="3").text
    assert '<span class="progress">Question 3 of 5</span>' in guardian
    assert "&lt;b&gt;Often?&lt;/b&gt; **x**" in guardian and "<b>Often?" not in guardian


def test_an_arabic_round_reads_right_to_left_says_it_is_a_draft_and_keeps_the_faces_order(
    client, plan_db
):
    round_ = open_round(plan_db, action_id="mini:a1", languages=("fi", "ar"))
    arabic = client.get(f"/answer/{round_.code}?lang=ar").text
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "نادي الشباب" in arabic and "ما رأيك في هذا؟" in arabic
    assert i18n.t("language.draft", "ar") in arabic
    # Worst to best in the document; dir="rtl" lays them out from the right, as Arabic reads.
    labels = re.findall(r'<span class="label">([^<]*)</span>', arabic)
    assert labels == [i18n.t(f"face.{v}", "ar") for v in range(1, 6)]
    assert '<a href="?lang=ar" lang="ar" hreflang="ar" aria-current="true">العربية</a>' in arabic
    finnish = client.get(f"/answer/{round_.code}?lang=fi").text
    assert '<html lang="fi" dir="ltr">' in finnish and 'class="draft"' not in finnish
    # A language the round does not offer is not forced on it.
    assert '<html lang="fi" dir="ltr">' in client.get(f"/answer/{round_.code}?lang=uk").text
