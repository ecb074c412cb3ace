"""Every staff write checks the user's actors itself: staff of Hamina cannot change what
belongs to Kotka, whatever a page lets through, and the refused write changes nothing."""

import ast
from dataclasses import dataclass
from datetime import date

import pytest

from feedback import rounds, settings, storage
from feedback.figures import participation
from feedback.rounds import answers, changes, comments, council, kiosk
from feedback.staff import auth, scope
from tests.support.rounds import open_round

HAMINA = ("mini:hamina",)
KOTKA = ("mini:kotka",)  # mini:a2 is Kotka's action


@dataclass(frozen=True)
class Kotka:
    """Things of Kotka's action mini:a2: a round, a child's comment, a council proposal."""

    round: rounds.Round
    comment_id: int
    proposal_id: int
    kiosk_id: str


@pytest.fixture
def kotka(plan_db) -> Kotka:
    round_ = open_round(plan_db, action_id="mini:a2", free_text=True)
    answers.record(
        plan_db,
        round_,
        answers.Answer(scores=(4,), text="Kotkan kerho"),
        submission_id=answers.new_submission_id(),
    )
    council_round = open_round(plan_db, action_id="mini:a2", audiences=("youth-council",))
    auth.add_user(plan_db, "nuva", role=auth.Role.COUNCIL)
    council.submit(
        plan_db,
        username="nuva",
        plan_id="mini",
        ratings=[council.Rating(council_round.code, 4, proposal="Sunnuntaisin auki")],
        self_scores=dict.fromkeys(council.SELF_QUESTIONS, 4),
    )
    return Kotka(
        round=round_,
        comment_id=comments.for_review(plan_db, actors=None, k=1).comments[0].id,
        proposal_id=council.proposals(plan_db, "mini")[0].id,
        kiosk_id=kiosk.enrol(
            plan_db, round_.code, label="Kotkan aula", enrolled_by="kotka", key="k" * 40
        ).kiosk.id,
    )


WRITES = {
    "open a round": lambda db, k, actors: open_round(db, action_id="mini:a2", actors=actors),
    "record a change": lambda db, k, actors: changes.record(
        db,
        action_id="mini:a2",
        you_said="Lisää iltoja",
        we_did="Kerho on nyt auki torstaisin",
        status="done",
        language="fi",
        actors=actors,
    ),
    "enter paper answers": lambda db, k, actors: answers.record_tally(
        db,
        k.round,
        {4: 3},
        tally_id=answers.new_submission_id(),
        day=date.today(),
        actors=actors,
    ),
    "record participation": lambda db, k, actors: participation.record(
        db, action_id="mini:a2", month="2026-11", participants=12, visits=30, actors=actors
    ),
    "review a comment": lambda db, k, actors: comments.set_status(
        db, k.comment_id, "hidden", actors=actors
    ),
    "answer a proposal": lambda db, k, actors: council.answer_proposal(
        db, k.proposal_id, status="done", answer="Kokeillaan keväällä", actors=actors
    ),
    "close a round": lambda db, k, actors: rounds.set_status(
        db, k.round.code, "closed", actors=actors
    ),
    "enrol a kiosk": lambda db, k, actors: kiosk.enrol(
        db, k.round.code, label="Aula", enrolled_by="staff", key="k" * 40, actors=actors
    ),
    "revoke a kiosk": lambda db, k, actors: kiosk.revoke(db, k.kiosk_id, actors=actors),
}


def _everything(db_path) -> dict:
    """Every row of the tables that staff write, to see that a refused write left them."""
    tables = ("rounds", "changes", "answers", "participation", "comments", "proposals", "kiosks")
    with storage.reading(db_path) as db:
        return {t: db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


@pytest.mark.parametrize("write", list(WRITES))
def test_staff_of_another_actor_are_refused_and_nothing_changes(plan_db, kotka, write):
    before = _everything(plan_db)
    with pytest.raises(scope.OutOfScope):
        WRITES[write](plan_db, kotka, HAMINA)
    assert _everything(plan_db) == before
    WRITES[write](plan_db, kotka, KOTKA)  # the actor's own staff may
    assert _everything(plan_db) != before


def test_an_admin_and_the_command_line_may_change_everything(plan_db, kotka):
    before = _everything(plan_db)
    for write in WRITES.values():
        write(plan_db, kotka, None)
    changed = _everything(plan_db)
    assert all(changed[t] != before[t] for t in changed), "every table written"


#: The staff writes of the domain, by module: each takes the user's actors.
STAFF_WRITES = {
    "rounds": {"create", "set_status"},
    "changes": {"record"},
    "answers": {"record_tally"},
    "participation": {"record"},
    "comments": {"set_status"},
    "council": {"answer_proposal"},
    "kiosk": {"enrol", "revoke"},
}


def test_every_page_passes_the_users_actors_to_every_staff_write():
    root = settings.PROJECT_ROOT
    calls = []
    for path in [*root.glob("pages/*.py"), *root.glob("feedback/ui/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.attr in STAFF_WRITES.get(node.func.value.id, ())
            ):
                passed = {k.arg: ast.unparse(k.value) for k in node.keywords}
                calls.append((path.name, node.func.value.id, node.func.attr, passed.get("actors")))
    assert len(calls) >= 7, "the test would prove nothing if it found none"
    assert [c for c in calls if c[3] != "ctx.scope"] == []
