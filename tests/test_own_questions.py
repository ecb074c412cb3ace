"""A round's own questions (issue #27): kept with the round and in the bank, refused with the
field named, answered once per submission and counted per question and choice."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from feedback import rounds, storage
from feedback.rounds import aggregates, answers, own_questions
from feedback.rounds.answers import Answer
from feedback.rounds.own_questions import ANSWERED, Choice, InvalidQuestion
from tests.support.rounds import open_round
from tests.support.rounds import own_questions as asked

AUDIENCES = ("grades-4-6", "guardians")


def opened(db_path, **options):
    options.setdefault("audiences", AUDIENCES)
    return open_round(db_path, action_id="mini:a1", own=asked(), **options)


def test_a_round_keeps_its_own_questions_as_written(plan_db):
    round_ = opened(plan_db)
    again = rounds.get_by_code(plan_db, round_.code)
    kept = again.own_questions
    assert [(q.name, q.kind) for q in kept] == [
        ("safe", "scale"),
        ("how_often", "single"),
        ("liked", "multiple"),
        ("wish", "text"),
    ]
    assert kept[0].text("sv") == "Var det tryggt?" and kept[0].text("sv", plain=True) == "Tryggt?"
    assert [c.emoji for c in kept[2].choices] == ["🎲", "🎵", "🍎"]
    assert kept[2].choices[1].labels == {"fi": "Musiikki", "sv": "Musiken", "en": "Music"}
    assert (kept[1].groups, kept[2].required, kept[2].public) == (("guardians",), True, True)
    assert all(q.bank_id.startswith("own.") for q in kept)


def test_the_same_question_in_two_rounds_is_one_bank_question(plan_db):
    first = opened(plan_db)
    second = open_round(plan_db, action_id="mini:a2", audiences=AUDIENCES, own=asked()[2:])
    assert second.own_questions[0].bank_id == first.own_questions[2].bank_id
    bank = own_questions.bank(plan_db)
    assert [q.bank_id for q in bank[:6]] == [
        "thl.heard",
        "thl.treated",
        "thl.helped",
        "thl.opinion",
        "thl.recommend",
        "thl.best",
    ]
    assert len(bank) == 6 + 4  # each own question once
    picked = own_questions.from_bank(plan_db, "thl.best")
    third = open_round(plan_db, action_id="mini:a2", own=(picked,))
    assert third.own_questions[0].bank_id == "thl.best"
    assert third.own_questions[0].choices[0].labels["fi"] == "Kaverit"


@pytest.mark.parametrize(
    ("change", "problem", "message_fi"),
    [
        (
            lambda q: replace(q[0], texts={"fi": "Kysymys", "en": "Question"}),
            "text_missing",
            "Kysymys 1: Kysymyksen teksti puuttuu kielellä Svenska.",
        ),
        (
            lambda q: replace(
                q[2], choices=(*q[2].choices, Choice("x", {"fi": "X", "sv": " ", "en": "X"}))
            ),
            "choice_missing",
            "Kysymys 1: Vaihtoehto 4 on tyhjä kielellä Svenska.",
        ),
        (
            lambda q: replace(
                q[2],
                choices=tuple(
                    Choice(f"c{n}", {"fi": "a", "sv": "b", "en": "c"}) for n in range(13)
                ),
            ),
            "too_many_choices",
            "Kysymys 1: Vaihtoehtoja voi olla enintään 12.",
        ),
        (
            # Shown as CSS before the label: markup or CSS is no picture.
            lambda q: replace(
                q[2], choices=(replace(q[2].choices[0], emoji="</style>"), *q[2].choices[1:])
            ),
            "emoji",
            "Kysymys 1: Vaihtoehdon 1 kuvaksi käy yksi emoji.",
        ),
        (
            lambda q: replace(
                q[2], choices=(*q[2].choices[:2], replace(q[2].choices[2], emoji="🍎;}"))
            ),
            "emoji",
            "Kysymys 1: Vaihtoehdon 3 kuvaksi käy yksi emoji.",
        ),
    ],
)
def test_a_question_that_does_not_fit_is_refused_naming_the_field(
    plan_db, change, problem, message_fi
):
    with pytest.raises(InvalidQuestion) as refused:
        open_round(plan_db, action_id="mini:a1", own=(change(asked()),))
    assert refused.value.problem == problem
    assert refused.value.message("fi") == message_fi
    assert rounds.list_rounds(plan_db) == []  # nothing opened


def test_an_emoji_of_several_code_points_or_a_keycap_is_kept(plan_db):
    liked = asked()[2]
    emoji = ("👨‍👩‍👧", "1️⃣", "#️⃣")
    choices = tuple(replace(c, emoji=e) for c, e in zip(liked.choices, emoji, strict=True))
    round_ = open_round(plan_db, action_id="mini:a1", own=(replace(liked, choices=choices),))
    kept = rounds.get_by_code(plan_db, round_.code).own_questions[0]
    assert tuple(c.emoji for c in kept.choices) == emoji


def test_more_than_fifteen_questions_are_refused_in_the_users_language(plan_db):
    many = tuple(replace(asked()[0], name=f"q{n}") for n in range(16))
    with pytest.raises(InvalidQuestion) as refused:
        open_round(plan_db, action_id="mini:a1", own=many)
    assert refused.value.message("sv") == "En omgång kan ha högst 15 egna frågor."
    assert rounds.list_rounds(plan_db) == []


def test_an_answer_to_own_questions_is_stored_once_and_counted(plan_db):
    round_ = opened(plan_db)
    given = {0: ("4",), 1: ("weekly",), 2: ("games", "snacks"), 3: ("Lisää pelejä",)}
    submission = answers.new_submission_id()
    answer = Answer(scores=(5,), group="guardians", own=given)
    when = datetime(2026, 3, 4, 10)
    assert answers.record(plan_db, round_, answer, submission_id=submission, now=when)
    assert not answers.record(plan_db, round_, answer, submission_id=submission, now=when)
    for _ in range(2):  # children are not asked the guardians' question
        child = Answer(scores=(4,), group="grades-4-6", own={2: ("games",)})
        answers.record(plan_db, round_, child, submission_id=answers.new_submission_id(), now=when)
    with storage.reading(plan_db) as db:
        stored = db.execute(
            "SELECT position, value FROM question_answers WHERE submission_id = ? "
            "ORDER BY position, value",
            [submission],
        ).fetchall()
        texts = db.execute("SELECT text, answered_on FROM question_texts").fetchall()
    assert [tuple(r) for r in stored] == [(0, "4"), (1, "weekly"), (2, "games"), (2, "snacks")]
    assert [tuple(r) for r in texts] == [("Lisää pelejä", "2026-03-04")]
    counted = own_questions.counts(plan_db, round_.id)
    assert counted[2] == {ANSWERED: 3, "games": 3, "snacks": 1}
    assert counted[1] == {ANSWERED: 1, "weekly": 1}
    assert counted[3] == {ANSWERED: 1}
    with storage.writing(plan_db) as db:  # the kept counts are what the answers make
        aggregates.rebuild(db)
    assert own_questions.counts(plan_db, round_.id) == counted


@pytest.mark.parametrize(
    ("own", "group"),
    [
        ({0: ("4",)}, "grades-4-6"),  # the required multiple choice left out
        ({2: ("games",), 1: ("weekly",)}, "grades-4-6"),  # a guardians' question
        ({2: ("chess",)}, "grades-4-6"),  # not a choice it offers
        ({2: ("games",), 0: ("4", "5")}, "guardians"),  # two scores on a scale
        ({2: ("games",), 3: ("x" * 501,)}, "guardians"),  # a text too long
    ],
)
def test_an_answer_own_questions_do_not_offer_stores_nothing(plan_db, own, group):
    round_ = opened(plan_db)
    with pytest.raises(answers.InvalidAnswer):
        answers.record(
            plan_db,
            round_,
            Answer(scores=(3,), group=group, own=own),
            submission_id=answers.new_submission_id(),
        )
    with storage.reading(plan_db) as db:
        assert db.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM question_answers").fetchone()[0] == 0


def test_text_answers_go_with_the_comments_retention_and_the_counts_stay(plan_db):
    from feedback import retention

    round_ = opened(plan_db)
    for when, text in ((datetime(2025, 1, 10, 9), "vanha"), (datetime(2026, 3, 2, 9), "uusi")):
        own = {2: ("music",), 3: (text,)}
        answers.record(
            plan_db,
            round_,
            Answer(scores=(4,), own=own),
            submission_id=answers.new_submission_id(),
            now=when,
        )
    done = retention.run(plan_db, months=12, now=datetime(2026, 3, 5, 12))
    assert done.text_answers == 1
    assert retention.last_run(plan_db).text_answers == 1
    with storage.reading(plan_db) as db:
        assert db.execute("SELECT text FROM question_texts").fetchall() == [("uusi",)]
    assert own_questions.counts(plan_db, round_.id)[3] == {ANSWERED: 2}


def test_text_answers_are_reviewed_and_checked_for_signals_as_comments_are(plan_db):
    from feedback import retention
    from feedback.rounds import alerts, comments, notices

    small = opened(plan_db)
    round_ = open_round(plan_db, action_id="mini:a2", audiences=AUDIENCES, own=asked()[2:])
    signal = "isä lyö mua kotona"
    for n in range(10):
        text = signal if n == 0 else ("Lisää pelejä" if n == 1 else "")
        own = {0: ("games",), **({1: (text,)} if text else {})}
        when = datetime(2023, 1, 5, 10)
        answers.record(
            plan_db, round_, Answer(scores=(4,), own=own), submission_id=str(n) * 32, now=when
        )
    answers.record(  # a round of one answer: its text is withheld
        plan_db,
        small,
        Answer(scores=(4,), own={2: ("games",), 3: ("Pieni",)}),
        submission_id="a" * 32,
    )
    review = comments.for_review(plan_db, actors=None, k=10)
    assert sorted(c.text for c in review.comments) == sorted([signal, "Lisää pelejä"])
    assert notices.new_comments(plan_db, round_, day=date(2023, 1, 5), k=10) == 2  # the digest
    assert review.withheld == 1
    assert {c.question["sv"] for c in review.comments} == {asked()[3].texts["sv"]}
    [harmless] = [c for c in review.comments if c.text == "Lisää pelejä"]
    comments.set_status(plan_db, harmless.id, "personal", actors=("mini:kotka",))
    assert [
        c.status
        for c in comments.for_review(plan_db, actors=None, k=10).comments
        if c.text == "Lisää pelejä"
    ] == ["personal"]
    # The alert is written with the text answer, and shown with its words.
    [alert] = alerts.for_review(plan_db, actors=("mini:kotka",))
    assert (alert.text, alert.categories, alert.round_code) == (
        signal,
        (alerts.Category.VIOLENCE_HOME,),
        round_.code,
    )
    # Retention keeps the text an alert nobody has handled is about, and deletes it after.
    later = datetime(2026, 1, 5, 12)
    assert retention.run(plan_db, months=24, now=later).text_answers == 1
    assert [c.text for c in comments.for_review(plan_db, actors=None, k=10).comments] == [signal]
    alerts.handle(plan_db, alert.id, "raised", by="kotka", actors=None)
    assert retention.run(plan_db, months=24, now=later).text_answers == 1
    [kept] = alerts.for_review(plan_db, actors=None)
    assert (kept.text, kept.handling) == (None, "raised")


def test_own_figures_roll_up_as_the_main_question_and_honour_the_filters_by_blocks(plan_db):
    from feedback.figures import Filters
    from feedback.figures import own as own_figures

    round_ = opened(plan_db)
    march, april = datetime(2026, 3, 4, 10), datetime(2026, 4, 4, 10)
    given = [("grades-4-6", "link", march, "5")] * 6 + [("grades-4-6", "link", march, "2")] * 6
    given += [("guardians", "link", march, "5")] * 12 + [("guardians", "qr", april, "1")] * 3
    for group, channel, when, score in given:
        answers.record(
            plan_db,
            round_,
            Answer(scores=(4,), group=group, own={0: (score,), 2: ("games",)}),
            submission_id=answers.new_submission_id(),
            channel=channel,
            now=when,
        )

    def safe(**filters):
        [figure] = [
            f
            for f in own_figures.round_figures(plan_db, round_, k=10, filters=Filters(**filters))
            if f.position == 0
        ]
        return figure.respondents, figure.mean, figure.positive_share

    # The guardians' three by QR in April are a pool under k: left out of every figure, so
    # that no two filters' difference shows them (all: 24, not 27; guardians: 12, not 15).
    assert safe() == ("24", (6 * 5 + 6 * 2 + 12 * 5) / 24, 18 / 24)
    assert safe(groups=("grades-4-6",)) == ("12", 3.5, 0.5)
    assert safe(groups=("guardians",)) == ("12", 5.0, 1.0)
    assert safe(channels=("qr",)) == ("< 10", None, None)
    assert safe(months=("2026-05", "2026-06")) == ("0", None, None)
    table = own_figures.plan_table(plan_db, "mini", k=10, lang="en", filters=Filters())
    scale_rows = table[table["question"] == round_.own_questions[0].text("en")]
    assert set(scale_rows["positive_share"]) == {0.75}
