import pytest

from feedback import rounds, storage
from feedback.rounds.scales import Scale
from feedback.storage import schema
from tests.support.rounds import open_round
from tests.support.stores import store_before


def test_a_new_round_has_a_code_and_a_full_link(plan_db, monkeypatch):
    monkeypatch.setenv("FEEDBACK_BASE_URL", "https://palaute.example.fi/")
    created = open_round(
        plan_db, action_id="mini:a1", scale=Scale.FACES3, audiences=("grades-1-3",)
    )
    assert rounds.is_code(created.code)
    assert rounds.link(created.code) == f"https://palaute.example.fi/answer/{created.code}"
    assert (
        rounds.link(created.code, lang="sv", channel="qr")
        == f"https://palaute.example.fi/answer/{created.code}?lang=sv&ch=qr"
    )
    assert (
        rounds.app_link(created.code, preview=True)
        == f"https://palaute.example.fi/respond?s={created.code}&preview=1"
    )
    assert created.scale is Scale.FACES3
    assert created.action_text["fi"] == "Lasten parlamentti"


@pytest.mark.parametrize("value", ["testcase\n", "testcas", "TESTCASE", " testcase", None, 1])
def test_only_a_whole_code_is_a_code(value):
    assert rounds.is_code("testcase")
    assert not rounds.is_code(value)


def test_a_round_for_an_unknown_action_is_refused(plan_db):
    with pytest.raises(rounds.UnknownAction):
        open_round(plan_db, action_id="mini:nope")
    assert rounds.list_rounds(plan_db) == []


@pytest.mark.parametrize("code", [None, "", "TESTCODE", "testcod", "testcase1", "x' OR 1=1", 5])
def test_malformed_codes_find_nothing(plan_db, round_, code):
    assert rounds.open_by_code(plan_db, code) is None


def test_a_closed_round_cannot_be_opened_for_answering(plan_db, round_):
    assert rounds.open_by_code(plan_db, "testcase") == round_
    rounds.set_status(plan_db, "testcase", "closed")
    assert rounds.open_by_code(plan_db, "testcase") is None
    [listed] = rounds.list_rounds(plan_db)
    assert (listed.code, listed.status) == ("testcase", "closed")


def test_a_round_is_answerable_only_between_its_days(plan_db):
    from datetime import date, timedelta

    today = date.today()
    later = open_round(plan_db, action_id="mini:a1", opens_on=today + timedelta(days=1))
    over = open_round(plan_db, action_id="mini:a1", closes_on=today - timedelta(days=1))
    now = open_round(
        plan_db, action_id="mini:a1", opens_on=today, closes_on=today + timedelta(days=7)
    )
    assert rounds.open_by_code(plan_db, later.code) is None
    assert rounds.open_by_code(plan_db, over.code) is None
    assert rounds.open_by_code(plan_db, now.code) == now
    with pytest.raises(ValueError, match="before the opening day"):
        open_round(plan_db, action_id="mini:a1", opens_on=today, closes_on=today - timedelta(1))


def test_an_answer_after_the_closing_day_is_refused(plan_db):
    from datetime import date, datetime, timedelta

    from feedback.rounds import answers

    round_ = open_round(plan_db, action_id="mini:a1", closes_on=date(2026, 5, 31))
    answer = answers.Answer(scores=(4,))
    answers.record(
        plan_db,
        round_,
        answer,
        submission_id=answers.new_submission_id(),
        now=datetime(2026, 5, 31, 23, 0),
    )
    with pytest.raises(answers.RoundClosed):
        answers.record(
            plan_db,
            round_,
            answer,
            submission_id=answers.new_submission_id(),
            now=datetime(2026, 5, 31, 23, 0) + timedelta(hours=2),
        )


@pytest.mark.sqlite_only
def test_a_round_read_before_the_store_failed_is_still_shown_and_others_are_unavailable(plan_db):
    shown = open_round(plan_db, action_id="mini:a1")
    never_read = open_round(plan_db, action_id="mini:a2")
    assert rounds.open_by_code(plan_db, shown.code) == shown
    storage.close_all()  # a kept connection would go on reading its cache of the old file
    for sidecar in (
        plan_db.with_name(plan_db.name + "-wal"),
        plan_db.with_name(plan_db.name + "-shm"),
    ):
        sidecar.unlink(missing_ok=True)
    plan_db.write_bytes(b"not a database at all " * 200)  # as a damaged file reads
    assert rounds.open_by_code(plan_db, shown.code) == shown
    with pytest.raises(rounds.Unavailable):
        rounds.open_by_code(plan_db, never_read.code)


def test_a_round_read_lately_is_kept_for_a_while_and_closing_it_here_forgets_it(
    plan_db, round_, monkeypatch
):
    assert rounds.recently_read(plan_db, round_.code, max_age=2) is None  # never read yet
    assert rounds.open_by_code(plan_db, round_.code) == round_
    assert rounds.recently_read(plan_db, round_.code, max_age=2) == round_
    later = rounds._clock() + 3
    monkeypatch.setattr(rounds, "_clock", lambda: later)
    assert rounds.recently_read(plan_db, round_.code, max_age=2) is None  # too old by now
    monkeypatch.undo()
    rounds.open_by_code(plan_db, round_.code)
    rounds.set_status(plan_db, round_.code, "closed")
    assert rounds.recently_read(plan_db, round_.code, max_age=2) is None
    assert rounds.recently_read(plan_db, "x' OR 1=1", max_age=2) is None


# What the child rates: a subject per language


def test_a_round_keeps_a_trimmed_subject_for_each_of_its_languages(plan_db):
    created = rounds.create(
        plan_db,
        action_id="mini:a1",
        languages=("fi", "sv"),
        subjects={"fi": "  Nuorisotalon\n kerho ", "sv": "Ungdomsgårdens klubb", "en": "Club"},
    )
    assert created.subjects == {"fi": "Nuorisotalon kerho", "sv": "Ungdomsgårdens klubb"}
    assert created.subject("sv") == "Ungdomsgårdens klubb"
    assert created.subject("en") is None  # never another language's words


@pytest.mark.parametrize(
    ("subjects", "language", "problem", "says"),
    [
        ({"fi": "Kerho"}, "sv", "missing", "the subject in language 'sv' is missing"),
        ({"fi": "Kerho", "sv": "   "}, "sv", "missing", "'sv' is missing"),
        ({"fi": "x" * 61, "sv": "Klubb"}, "fi", "too_long", "longer than 60 characters"),
        ({"fi": "Kerho\x00", "sv": "Klubb"}, "fi", "control", "holds control characters"),
    ],
)
def test_a_round_without_a_fitting_subject_in_a_language_it_offers_is_not_opened(
    plan_db, subjects, language, problem, says
):
    with pytest.raises(rounds.InvalidSubject, match=says) as refused:
        rounds.create(plan_db, action_id="mini:a1", languages=("fi", "sv"), subjects=subjects)
    assert (refused.value.language, refused.value.problem) == (language, problem)
    assert rounds.list_rounds(plan_db) == []


def test_sixty_characters_is_a_subject(plan_db):
    created = rounds.create(
        plan_db, action_id="mini:a1", languages=("fi",), subjects={"fi": "ä" * 60}
    )
    assert created.subjects == {"fi": "ä" * 60}


def test_rounds_opened_before_subjects_keep_working_and_have_none(store_kind, tmp_path, plan_file):
    store = store_before(store_kind, tmp_path, "0015_round_subjects_and_recordings", plan_file)
    with storage.writing(store) as db:  # a round as the code before this change stored it
        db.insert(
            "surveys",
            {
                "code": "pastrund",
                "action_id": "mini:a1",
                "scale": "faces5",
                "audiences": '["grades-4-6"]',
                "languages": '["fi", "sv", "en"]',
                "extra_questions": "[]",
                "follow_up": "[]",
                "free_text": 0,
                "status": "open",
                "created_on": "2026-01-05",
            },
        )
    # The migrations since, in order (later ones follow them).
    assert schema.migrate(store)[:2] == [
        "0015_round_subjects_and_recordings",
        "0016_rounds_and_answers",
    ]
    old = rounds.get_by_code(store, "pastrund")
    assert (old.subjects, old.recordings, old.subject("fi")) == ({}, (), None)
    assert old.is_open
