"""Kiosks that staff enrol: the single-use enrolment link, the tablet's token and its round,
revoking, another actor's staff refused, and the pace of answers kept per kiosk."""

from datetime import date
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest

from feedback import rounds, storage
from feedback.rounds import answers, kiosk, respondent
from feedback.rounds.kiosk import AnswerPace
from feedback.rounds.respondent import Visit
from feedback.staff import scope
from tests.support.rounds import open_round
from tests.support.stores import stored_answers

KEY = "k" * 48
HAMINA = ("mini:hamina",)  # mini:a1 is Hamina's action, mini:a2 Kotka's


def enrolment_token(made: kiosk.Enrolment) -> str:
    parts = urlsplit(made.link)
    assert parts.path == kiosk.ENROL_PATH
    return parse_qs(parts.query)["t"][0]


def enrolled(db_path, code: str, label: str = "Aula") -> tuple[kiosk.Kiosk, str]:
    """A kiosk whose enrolment link has been opened: the kiosk and the tablet's token."""
    made = kiosk.enrol(db_path, code, label=label, enrolled_by="maija", key=KEY)
    token, claimed_code = kiosk.claim(db_path, enrolment_token(made), key=KEY)
    assert claimed_code == code
    return made.kiosk, token


def test_an_enrolment_link_makes_one_tablet_a_kiosk_of_its_round_once(plan_db, round_):
    made = kiosk.enrol(
        plan_db, round_.code, label="  Nuorisotalon   aula ", enrolled_by="maija", key=KEY
    )
    token = enrolment_token(made)

    claimed = kiosk.claim(plan_db, token, key=KEY)

    assert claimed is not None and claimed[1] == round_.code
    assert kiosk.claim(plan_db, token, key=KEY) is None, "the link works once"
    assert kiosk.check(plan_db, claimed[0], code=round_.code, key=KEY) == kiosk.Kiosk(
        id=made.kiosk.id,
        round_code=round_.code,
        label="Nuorisotalon aula",
        enrolled_by="maija",
        enrolled_on=date.today(),
        revoked=False,
        flagged=0,
    )
    assert kiosk.list_kiosks(plan_db, code=round_.code) == [made.kiosk]


def test_forged_expired_and_misused_tokens_make_no_kiosk(plan_db, round_):
    made = kiosk.enrol(plan_db, round_.code, label="Aula", enrolled_by="maija", key=KEY)
    secret = jwt.decode(enrolment_token(made), KEY, algorithms=["HS256"])["secret"]
    expired = jwt.encode(
        {"kid": made.kiosk.id, "use": "kiosk-enrolment", "secret": secret, "exp": 1},
        KEY,
        algorithm="HS256",
    )
    assert kiosk.claim(plan_db, enrolment_token(made), key="o" * 48) is None  # another key
    assert kiosk.claim(plan_db, expired, key=KEY) is None
    assert kiosk.claim(plan_db, "not a token", key=KEY) is None
    assert kiosk.claim(plan_db, None, key=KEY) is None
    # The enrolment link itself is no kiosk token, and a kiosk token is no enrolment link.
    assert kiosk.check(plan_db, enrolment_token(made), code=round_.code, key=KEY) is None
    _, token = enrolled(plan_db, round_.code)
    assert kiosk.claim(plan_db, token, key=KEY) is None


def test_a_kiosk_token_is_for_its_own_round_only(plan_db, round_):
    other = open_round(plan_db, action_id="mini:a1")
    enrolled_kiosk, token = enrolled(plan_db, round_.code)

    assert kiosk.check(plan_db, token, code=round_.code, key=KEY).id == enrolled_kiosk.id
    assert kiosk.check(plan_db, token, code=other.code, key=KEY) is None


def test_a_revoked_kiosk_is_no_kiosk_and_its_unused_link_no_longer_works(plan_db, round_):
    in_use, token = enrolled(plan_db, round_.code)
    unused = kiosk.enrol(plan_db, round_.code, label="Kirjasto", enrolled_by="maija", key=KEY)

    kiosk.revoke(plan_db, in_use.id)
    kiosk.revoke(plan_db, unused.kiosk.id)

    assert kiosk.check(plan_db, token, code=round_.code, key=KEY) is None
    assert kiosk.claim(plan_db, enrolment_token(unused), key=KEY) is None
    assert [k.revoked for k in kiosk.list_kiosks(plan_db, code=round_.code)] == [True, True]
    with pytest.raises(kiosk.UnknownKiosk):
        kiosk.revoke(plan_db, "nosuchkiosk0")


def test_staff_of_another_actor_can_neither_enrol_nor_revoke_nor_list(plan_db):
    kotka = open_round(plan_db, action_id="mini:a2")
    theirs, _ = enrolled(plan_db, kotka.code)

    with pytest.raises(scope.OutOfScope):
        kiosk.enrol(plan_db, kotka.code, label="X", enrolled_by="h", key=KEY, actors=HAMINA)
    with pytest.raises(scope.OutOfScope):
        kiosk.enrol(plan_db, "nosuchro", label="X", enrolled_by="h", key=KEY, actors=HAMINA)
    with pytest.raises(scope.OutOfScope):
        kiosk.revoke(plan_db, theirs.id, actors=HAMINA)
    assert kiosk.list_kiosks(plan_db, actors=HAMINA) == []
    assert kiosk.list_kiosks(plan_db) == [theirs], "nothing was added or revoked"


@pytest.mark.parametrize("label", ["", "   ", "x" * (kiosk.LABEL_MAX + 1)])
def test_a_kiosk_needs_a_short_label(plan_db, round_, label):
    with pytest.raises(kiosk.InvalidLabel):
        kiosk.enrol(plan_db, round_.code, label=label, enrolled_by="maija", key=KEY)
    assert kiosk.list_kiosks(plan_db) == []


def test_answers_closer_than_the_interval_are_flagged_per_kiosk():
    pace = AnswerPace()
    assert pace.too_fast("kiosk-a", now=100.0, min_interval=3) is False
    assert pace.too_fast("kiosk-a", now=101.5, min_interval=3) is True
    assert pace.too_fast("kiosk-b", now=101.6, min_interval=3) is False, "another kiosk's pace"
    assert pace.too_fast("kiosk-a", now=104.6, min_interval=3) is False
    assert pace.too_fast("kiosk-a", now=107.5, min_interval=3) is True


def send(db_path, round_: rounds.Round, score: int, visit: Visit) -> respondent.Outcome:
    sent = respondent.send(
        db_path,
        round_,
        answers.Answer(scores=(score,)),
        submission_id=answers.new_submission_id(),
        visit=visit,
    )
    return sent.outcome


def test_quick_answers_of_one_kiosk_are_flagged_and_counted_on_it_alone(plan_db, round_):
    tapper, _ = enrolled(plan_db, round_.code, "Tapper")
    child, _ = enrolled(plan_db, round_.code, "Aula")
    on = {
        k.id: Visit.from_link({}.get, featherweight=False, kiosk_id=k.id) for k in (tapper, child)
    }

    outcomes = [send(plan_db, round_, 1, on[tapper.id]) for _ in range(4)]
    outcomes.append(send(plan_db, round_, 5, on[child.id]))
    outcomes.append(send(plan_db, round_, 1, Visit(channel="link")))  # a link has no pace

    assert set(outcomes) == {respondent.Outcome.STORED}
    # Stored under random keys, in no order: compared as the set of rows they are.
    assert stored_answers(plan_db, round_.code, "score, channel, flagged") == [
        (1, "kiosk", 0),
        (1, "kiosk", 1),
        (1, "kiosk", 1),
        (1, "kiosk", 1),
        (1, "link", 0),
        (5, "kiosk", 0),
    ]
    assert {k.label: k.flagged for k in kiosk.list_kiosks(plan_db)} == {"Aula": 0, "Tapper": 3}


def test_a_resent_flagged_answer_is_counted_once(plan_db, round_):
    tapper, _ = enrolled(plan_db, round_.code)
    for submission_id in [answers.new_submission_id()] * 2:
        answers.record(
            plan_db,
            round_,
            answers.Answer(scores=(2,)),
            submission_id=submission_id,
            channel="kiosk",
            flagged=True,
            kiosk_id=tapper.id,
        )
    assert kiosk.list_kiosks(plan_db)[0].flagged == 1


def test_nothing_but_the_kiosk_itself_names_the_kiosk(plan_db, round_):
    tapper, _ = enrolled(plan_db, round_.code)
    for _ in range(2):  # the second one flagged
        send(plan_db, round_, 3, Visit.from_link({}.get, featherweight=False, kiosk_id=tapper.id))
    with storage.reading(plan_db) as db:
        naming = [
            table
            for table in db.tables()
            for row in db.execute(f"SELECT * FROM {table}").fetchall()
            if any(tapper.id in str(value) for value in row)
        ]
    assert naming == ["kiosks"]
    assert stored_answers(plan_db, round_.code, "channel, flagged") == [
        ("kiosk", 0),
        ("kiosk", 1),
    ]
