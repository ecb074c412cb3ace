"""Feedback rounds: feedback asked about one action of a plan, for a while, through one code.

The package holds what a round asks (`questions`, `scales`, `faces`, `pictures`), its answers
and their kept counts (`answers`, `aggregates`, `comments`), how a respondent goes through it
(`respondent`, `kiosk`, `recordings`), what comes of it (`changes`, `council`) and its
`posters`; this module opens, finds and closes rounds.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from feedback import i18n, settings, storage
from feedback.rounds import codes as answer_codes
from feedback.rounds import own_questions, questions
from feedback.rounds.own_questions import OwnQuestion
from feedback.rounds.questions import Question
from feedback.rounds.scales import Scale
from feedback.staff import scope

# Codes are typed from posters: no 0/o, 1/l/i look-alikes.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 8
_CODE_PATTERN = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")  # with fullmatch


STATUSES = ("open", "closed", "archived")
#: A round's subject is what a child rates, in a few words ("Nuorisotalon kerho").
SUBJECT_MAX = 60

log = logging.getLogger(__name__)


class UnknownAction(Exception):
    """No action has the given id."""


class Unavailable(RuntimeError):
    """The store cannot be read just now, and this process has no copy of the round."""


class InvalidSubject(ValueError):
    """A language the round offers has no subject, or one that does not fit; `language` and
    `problem` ("missing", "too_long" or "control") say which, for a message in any language."""

    def __init__(self, language: str, problem: str):
        self.language = language
        self.problem = problem
        why = {
            "missing": "is missing",
            "too_long": f"is longer than {SUBJECT_MAX} characters",
            "control": "holds control characters",
        }[problem]
        super().__init__(f"the subject in language {language!r} {why}")


@dataclass(frozen=True)
class Round:
    """An open or closed feedback round with what a respondent needs to see."""

    id: int
    code: str
    action_id: str
    actor_id: str
    plan_id: str
    plan_language: str
    scale: Scale
    audiences: tuple[str, ...]
    languages: tuple[str, ...]
    extra_questions: tuple[Question, ...]
    follow_up: tuple[str, ...]
    free_text: bool
    title: str | None
    status: str
    action_text: dict[str, str]
    opens_on: date | None = None
    closes_on: date | None = None
    #: What the child rates, per language; empty for a round opened before subjects existed.
    subjects: dict[str, str] = field(default_factory=dict)
    #: The languages that have a recording of the question (`recordings`).
    recordings: tuple[str, ...] = ()
    #: Answered only with printed one-time codes (`codes`), each letting one answer in.
    uses_codes: bool = False
    #: Its staff asked to be alerted of every comment, not only those with a signal (`signals`).
    alert_every_comment: bool = False
    #: The round's own questions after the main one and the quick survey (`own_questions`).
    own_questions: tuple[OwnQuestion, ...] = ()
    #: The day it was opened (ISO), for comparing a question across rounds and years.
    created_on: str = ""
    #: Where its daily digest of new comments goes, and its alert of a drop in the positive
    #: share (`notices`); None: not sent.
    digest_to: str | None = None
    drop_alert_to: str | None = None

    def subject(self, lang: str) -> str | None:
        """The subject in `lang`, or None: never another language's words under these labels."""
        return self.subjects.get(lang)

    @property
    def is_open(self) -> bool:
        """Open for answers today: its status is open and today is within its dates."""
        return self.is_open_on(date.today())

    def is_open_on(self, day: date) -> bool:
        if self.status != "open":
            return False
        return (self.opens_on is None or self.opens_on <= day) and (
            self.closes_on is None or day <= self.closes_on
        )

    @property
    def questions(self) -> tuple[Question, ...]:
        """The main question first, then the quick survey's other questions."""
        return (Question(questions.MAIN_QUESTION[self.scale], self.scale), *self.extra_questions)

    @property
    def steps(self) -> tuple[str, ...]:
        """The screens a respondent goes through, one question per screen (before the group
        is known, every own question)."""
        return self.steps_for(None)

    def steps_for(self, group: str | None) -> tuple[str, ...]:
        """The screens a respondent of `group` goes through: the round's questions, then its
        own questions asked of that group (`own-N` or `own-N-M…`, by `own_screens`), then the
        rest."""
        steps = ["group"] if self.asks_group else []
        steps += [f"question-{i}" for i in range(len(self.questions))]
        steps += ["own-" + "-".join(map(str, screen)) for screen in self.own_screens(group)]
        if self.follow_up:
            steps.append("best")
        if self.free_text:
            steps.append("comment")
        return tuple(steps)

    def own_screens(self, group: str | None) -> list[tuple[int, ...]]:
        """The positions of the own questions `group` is asked (all for None), one screen
        each, except that those of one XLSForm field-list group share one."""
        screens: list[list[int]] = []
        last_screen = None
        for position, question in enumerate(self.own_questions):
            if group is not None and not question.asks(group):
                continue
            if not screens or question.screen is None or question.screen != last_screen:
                screens.append([])
            screens[-1].append(position)
            last_screen = question.screen
        return [tuple(screen) for screen in screens]

    @property
    def fixed_group(self) -> str | None:
        """The group of every respondent of a single-group round; None when it is asked."""
        return None if self.asks_group else self.audiences[0]

    @property
    def asks_group(self) -> bool:
        """A round open to several groups first asks "I am …"."""
        return len(self.audiences) > 1


@dataclass(frozen=True)
class RoundSummary:
    """One line of `feedback round list`."""

    code: str
    action_id: str
    scale: str
    audiences: list[str]
    status: str


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def is_code(value: object) -> bool:
    """Whether `value` has the form of a round code (cheap check before any lookup)."""
    return isinstance(value, str) and bool(_CODE_PATTERN.fullmatch(value))


def link(
    code: str, *, lang: str | None = None, channel: str | None = None, slip: str | None = None
) -> str:
    """The respondent link handed out and printed on posters: the featherweight answer page,
    light enough for an old phone on a weak connection. `channel="qr"` for posters, so that
    answers say where they came from; `slip`, a one-time code that the page fills in."""
    return _url(f"/answer/{code}", lang=lang, ch="qr" if channel == "qr" else None, k=slip)


def app_link(code: str, *, lang: str | None = None, preview: bool = False) -> str:
    """The round on the Streamlit respondent page: for staff preview, and where an enrolled
    kiosk tablet goes (feedback.rounds.kiosk; the link alone makes no kiosk)."""
    return _url("/respond", s=code, lang=lang, preview="1" if preview else None)


def results_link(code: str, *, lang: str | None = None) -> str:
    """The round's results page for children ("you said, we did")."""
    return _url("/results", s=code, lang=lang)


def _url(path: str, **params: str | None) -> str:
    query = urlencode({name: value for name, value in params.items() if value})
    return f"{settings.base_url()}{path}" + (f"?{query}" if query else "")


def create(
    db_path: str | Path,
    *,
    action_id: str,
    subjects: Mapping[str, str],
    scale: Scale | None = None,
    audiences: tuple[str, ...] = (questions.DEFAULT_AUDIENCE,),
    languages: tuple[str, ...] = i18n.LANGUAGES,
    extra_questions: tuple[str, ...] = (),
    follow_up: tuple[str, ...] = (),
    free_text: bool = False,
    title: str | None = None,
    code: str | None = None,
    opens_on: date | None = None,
    closes_on: date | None = None,
    today: date | None = None,
    actors: tuple[str, ...] | None = None,
    codes: int = 0,
    alert_every_comment: bool = False,
    own: tuple[OwnQuestion, ...] = (),
) -> Round:
    """Open a feedback round for an action and return it; for a user of `actors` only on
    their own actors' actions (`scope.OutOfScope`).

    `subjects` is what the child rates, one for every language the round offers: a round
    without one in a language it offers is not opened (`InvalidSubject` names the language).
    Rounds opened before subjects existed have none, and keep working.

    Without a `scale`, the first audience picks it (three faces for the youngest). With
    `codes`, the round is answered only with that many printed one-time codes (`codes`).
    With `alert_every_comment`, each comment alerts the actor's safeguarding contacts.
    `own` are its own questions, each in every language of the round (`own_questions`).
    Raises `UnknownAction`, `InvalidSubject`, `own_questions.InvalidQuestion`, or ValueError
    naming what does not fit.
    """
    audiences = tuple(dict.fromkeys(audiences))
    _check_choices("audience", audiences, questions.AUDIENCES, at_least_one=True)
    _check_choices("language", languages, i18n.ROUND_LANGUAGES, at_least_one=True)
    languages = tuple(dict.fromkeys(languages))
    checked = check_subjects(subjects, languages)
    own = own_questions.check(own, languages, audiences)
    _check_choices("follow-up choice", follow_up, questions.BEST_CHOICES)
    extras = [questions.extra_question(key) for key in extra_questions]
    if len(extras) > questions.MAX_EXTRA_QUESTIONS:
        raise ValueError(
            f"a quick survey has at most {questions.MAX_EXTRA_QUESTIONS + 1} questions"
        )
    if opens_on and closes_on and closes_on < opens_on:
        raise ValueError("the closing day is before the opening day")
    scale = Scale(scale) if scale else questions.default_scale(audiences[0])
    code = code or new_code()
    slips = answer_codes.new_codes(codes) if codes else []
    if not is_code(code):
        raise ValueError(f"a code is {CODE_LENGTH} characters from {CODE_ALPHABET!r}")
    with storage.writing(db_path) as db:
        if not db.execute("SELECT 1 FROM actions WHERE id = ?", [action_id]).fetchone():
            raise UnknownAction(action_id)
        scope.check_action(db, action_id, actors)
        round_id = db.insert(
            "rounds",
            {
                "code": code,
                "action_id": action_id,
                "scale": scale.value,
                "audiences": json.dumps(audiences),
                "languages": json.dumps(list(languages)),
                "extra_questions": json.dumps([q.key for q in extras]),
                "follow_up": json.dumps(list(dict.fromkeys(follow_up))),
                "free_text": int(free_text),
                "title": title,
                "status": "open",
                "created_on": (today or date.today()).isoformat(),
                "opens_on": opens_on.isoformat() if opens_on else None,
                "closes_on": closes_on.isoformat() if closes_on else None,
                "subjects": json.dumps(checked, ensure_ascii=False),
                "uses_codes": int(bool(slips)),
                "alert_every_comment": int(alert_every_comment),
            },
            returning="id",
        )
        answer_codes.add(db, round_id, slips)
        own_questions.keep(db, round_id, own, today=today or date.today())
    round_ = get_by_code(db_path, code)
    if round_ is None:  # only if someone deleted it in the same instant
        raise RuntimeError(f"round {code} vanished right after being created")
    return round_


_SELECT = """
    SELECT v.id, v.code, v.action_id, a.actor_id, m.plan_id, p.language AS plan_language,
           v.scale, v.audiences, v.languages, v.extra_questions, v.follow_up, v.free_text,
           v.title, v.status, a.text AS action_text, v.opens_on, v.closes_on, v.subjects,
           v.uses_codes, v.alert_every_comment, v.created_on, v.digest_to, v.drop_alert_to
    FROM rounds v
    JOIN actions a ON a.id = v.action_id
    JOIN sub_goals s ON s.id = a.sub_goal_id
    JOIN main_goals m ON m.id = s.main_goal_id
    JOIN plans p ON p.id = m.plan_id
"""


def get_by_code(db_path: str | Path, code: str) -> Round | None:
    """The round with this code, open or not, or None."""
    if not is_code(code):
        return None
    with storage.reading(db_path) as db:
        row = next(db.query(_SELECT + " WHERE v.code = ?", [code]), None)
        recorded = db.execute(
            "SELECT language FROM round_recordings WHERE round_id = ? ORDER BY language",
            [row["id"] if row else None],
        ).fetchall()
        own = own_questions.of_round(db, row["id"]) if row else ()
    if row is None:
        return None
    return Round(
        id=row["id"],
        code=row["code"],
        action_id=row["action_id"],
        actor_id=row["actor_id"],
        plan_id=row["plan_id"],
        plan_language=row["plan_language"],
        scale=Scale(row["scale"]),
        audiences=tuple(json.loads(row["audiences"])),
        languages=tuple(json.loads(row["languages"])),
        extra_questions=tuple(
            questions.extra_question(k) for k in json.loads(row["extra_questions"])
        ),
        follow_up=tuple(json.loads(row["follow_up"])),
        free_text=bool(row["free_text"]),
        title=row["title"],
        status=row["status"],
        action_text=json.loads(row["action_text"]),
        opens_on=date.fromisoformat(row["opens_on"]) if row["opens_on"] else None,
        closes_on=date.fromisoformat(row["closes_on"]) if row["closes_on"] else None,
        subjects=json.loads(row["subjects"]),
        recordings=tuple(language for (language,) in recorded),
        uses_codes=bool(row["uses_codes"]),
        alert_every_comment=bool(row["alert_every_comment"]),
        own_questions=own,
        created_on=row["created_on"],
        digest_to=row["digest_to"],
        drop_alert_to=row["drop_alert_to"],
    )


def open_by_code(db_path: str | Path, code: object) -> Round | None:
    """The open round with this code; None for a malformed, unknown or closed code.

    When the store cannot be read (a full or read-only disk), the copy of the round that this
    process read last is used, so that a child who is answering keeps the questions and the
    choice on screen and is told that the answer could not be saved yet; storing it checks the
    round again. Without such a copy, raises `Unavailable`.
    """
    if not is_code(code):
        return None
    key = (str(db_path), code)
    try:
        round_ = get_by_code(db_path, code)  # type: ignore[arg-type]
    except storage.StoreError as error:
        round_ = _last_read.get(key)
        if round_ is None:
            raise Unavailable(f"round {code} cannot be read: {error}") from error
        log.warning("round %s read from this process's copy: %s", code, error)
    else:
        _last_read.keep(key, round_)
    return round_ if round_ and round_.is_open else None


def recently_read(db_path: str | Path, code: object, *, max_age: float) -> Round | None:
    """The copy of the round that `open_by_code` read in this process at most `max_age`
    seconds ago, open or not, without touching the store; None if there is no such copy.

    The answer page uses it to read each round about once a second however many children
    answer: the copy can be that much out of date, so a round closed meanwhile by another
    process may still be shown, but storing an answer checks the round again in its own
    transaction (`answers.record`), and `set_status` in this process drops the copy at once.
    """
    return _last_read.recent((str(db_path), code), max_age) if is_code(code) else None


class _LastRead:
    """The rounds read most recently, at most `size`, shared by the threads of one process,
    each with the moment it was read."""

    def __init__(self, size: int):
        self._size = size
        self._rounds: OrderedDict[tuple[str, str], tuple[Round, float]] = OrderedDict()
        self._lock = threading.Lock()

    def keep(self, key: tuple[str, str], round_: Round | None) -> None:
        with self._lock:
            if round_ is None:
                self._rounds.pop(key, None)
                return
            self._rounds[key] = (round_, _clock())
            self._rounds.move_to_end(key)
            if len(self._rounds) > self._size:
                self._rounds.popitem(last=False)

    def get(self, key: tuple[str, str]) -> Round | None:
        with self._lock:
            kept = self._rounds.get(key)
        return kept[0] if kept else None

    def recent(self, key: tuple[str, str], max_age: float) -> Round | None:
        """The copy if it was read at most `max_age` seconds ago."""
        with self._lock:
            kept = self._rounds.get(key)
        if kept is None or _clock() - kept[1] > max_age:
            return None
        return kept[0]


_last_read = _LastRead(size=1024)
#: The clock the kept copies are dated by (a test moves it on).
_clock = time.monotonic


def list_rounds(
    db_path: str | Path, *, actors: tuple[str, ...] | None = None
) -> list[RoundSummary]:
    """Every round, newest first; only those of `actors` if given. (How many answered is a
    figure: `figures.round_answers`, small groups hidden.)"""
    scope, params = storage.among("a.actor_id", actors)
    with storage.reading(db_path) as db:
        rows = db.execute(
            f"""SELECT v.code, v.action_id, v.scale, v.audiences, v.status
               FROM rounds v JOIN actions a ON a.id = v.action_id
               WHERE {scope} ORDER BY v.id DESC""",
            params,
        ).fetchall()
    return [
        RoundSummary(code, action_id, scale, json.loads(audiences), status)
        for code, action_id, scale, audiences, status in rows
    ]


def set_status(
    db_path: str | Path, code: str, status: str, *, actors: tuple[str, ...] | None = None
) -> None:
    """Open, close or archive a round (archived rounds stay, with their answers); for a user
    of `actors` only a round on their own actors' actions (`scope.OutOfScope`)."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    with storage.writing(db_path) as db:
        found = db.execute("SELECT action_id FROM rounds WHERE code = ?", [code]).fetchone()
        scope.check_action(db, found[0] if found else "", actors)
        db.execute("UPDATE rounds SET status = ? WHERE code = ?", [status, code])
    changed(db_path, code)


def changed(db_path: str | Path, code: str) -> None:
    """Forget this process's copy of a round that has just changed, so its pages show the
    change at once."""
    _last_read.keep((str(db_path), code), None)


def check_subjects(subjects: Mapping[str, str], languages: tuple[str, ...]) -> dict[str, str]:
    """The subjects trimmed, one for each of `languages` and no others; raises
    `InvalidSubject` naming the first language whose subject is missing or does not fit."""
    return own_questions.checked_texts(
        subjects, languages, SUBJECT_MAX, lambda problem, lang: InvalidSubject(lang, problem)
    )


def _check_choices(
    what: str, chosen: tuple[str, ...], allowed: object, *, at_least_one: bool = False
) -> None:
    if at_least_one and not chosen:
        raise ValueError(f"choose at least one {what}")
    unknown = [c for c in chosen if c not in allowed]  # type: ignore[operator]
    if unknown:
        raise ValueError(f"unknown {what} {unknown[0]!r}; choose from {', '.join(allowed)}")  # type: ignore[call-overload]
