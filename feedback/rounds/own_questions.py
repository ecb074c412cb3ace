"""A round's own questions (issue #27): written by staff or brought in as XLSForm, kept in a
question bank so that the same question asked in several rounds and years is counted as one.

The bank holds THL's ready-made questions (today's fixed statements and "what was best?"
choices, defined in `questions` and worded by the catalogues) and a municipality's own. A round
keeps its own copy of each question it asks, with the bank id it came from: a question edited in
the bank later does not change what a closed round asked.

Answers to own questions are stored once per submission id with the rest of the answer
(`answers.insert`) and counted per question and choice (`question_counts`), so that figures
never read them one by one.
"""

from __future__ import annotations

import json
import re
import secrets
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from feedback import i18n, plaintext, storage
from feedback.rounds import questions
from feedback.rounds.scales import Scale
from feedback.storage import Connection

KINDS = ("scale", "single", "multiple", "text", "note")
#: Kinds that a respondent answers by choosing from the question's own choices.
CHOICE_KINDS = ("single", "multiple")
MIN_CHOICES = 2
MAX_CHOICES = 12
MAX_QUESTIONS = 15
#: A question's or a choice's wording; long enough for THL's recommendation question.
TEXT_MAX = 300
LABEL_MAX = 80
#: Names as XLSForm allows them, so that a round can be written out as XLSForm and read back.
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,39}")
#: The kept count of how many answered a question at all: no choice can be named so.
ANSWERED = "*"
THL_PREFIX = "thl."


class InvalidQuestion(ValueError):
    """A question that cannot be asked: `field` ("text", "plain", "choice", "choices",
    "questions", "kind", "scale", "name", "groups"), `problem`, and where: the question's
    number (1-based), the language and the choice's number, for a message in any language."""

    def __init__(
        self,
        problem: str,
        *,
        question: int | None = None,
        language: str | None = None,
        choice: int | None = None,
        detail: str = "",
    ):
        self.problem = problem
        self.question = question
        self.language = language
        self.choice = choice
        self.detail = detail
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        """What is wrong and where, in `lang`, naming the field."""
        language = i18n.LANGUAGE_NAMES.get(self.language or "", self.language or "")
        where = i18n.t("own.where", lang, number=self.question) + " " if self.question else ""
        return where + i18n.t(
            f"own.problem.{self.problem}",
            lang,
            language=language,
            choice=self.choice or "",
            max_choices=MAX_CHOICES,
            min_choices=MIN_CHOICES,
            max_questions=MAX_QUESTIONS,
            max_text=TEXT_MAX,
            max_label=LABEL_MAX,
            detail=self.detail,
        )


#: An emoji's ASCII parts: the keycaps (1️⃣, #️⃣, *️⃣) start with a digit, # or *.
_EMOJI_ASCII = frozenset("0123456789#*")


def is_one_emoji(text: str) -> bool:
    """Whether `text` is empty or could be one emoji: at most 8 code points (👨‍👩‍👧 is five),
    and no ASCII but a keycap's, so that no word, markup or CSS passes as a picture."""
    return len(text) <= 8 and all(not c.isascii() or c in _EMOJI_ASCII for c in text)


@dataclass(frozen=True)
class Choice:
    """One choice of a choice question: its name (stored with answers), a label per language
    and an optional emoji shown beside (not inside) the label."""

    name: str
    labels: dict[str, str]
    emoji: str = ""


@dataclass(frozen=True)
class OwnQuestion:
    """One question a round asks besides its main question."""

    name: str
    kind: str
    texts: dict[str, str]
    plain: dict[str, str] = field(default_factory=dict)
    choices: tuple[Choice, ...] = ()
    scale: Scale | None = None
    required: bool = False
    #: The round's groups that are asked; empty: all of them.
    groups: tuple[str, ...] = ()
    #: Choice questions whose figures the children's results page shows.
    public: bool = False
    #: Questions with the same screen number are shown together (XLSForm's field-list group);
    #: None: a screen of its own.
    screen: int | None = None
    #: The bank question it is: THL's ("thl.heard") or the municipality's own; set when stored.
    bank_id: str = ""

    @property
    def answered(self) -> bool:
        """Whether a respondent answers it (a note is only shown)."""
        return self.kind != "note"

    def text(self, lang: str, *, plain: bool = False) -> str:
        """The wording in `lang`: the plain one when asked for and written."""
        return (self.plain.get(lang) if plain else None) or self.texts.get(lang, "")

    def asks(self, group: str | None) -> bool:
        """Whether a respondent of `group` is asked it."""
        return not self.groups or group in self.groups

    def values(self) -> tuple[str, ...]:
        """The values an answer can hold: the scale's scores or the choices' names."""
        if self.kind == "scale" and self.scale:
            return tuple(str(v) for v in self.scale.values)
        return tuple(c.name for c in self.choices)


def check(
    asked: Sequence[OwnQuestion], languages: Sequence[str], audiences: Sequence[str] = ()
) -> tuple[OwnQuestion, ...]:
    """The questions as they will be kept: texts cleaned to one line, one for each of
    `languages` and no others. Raises `InvalidQuestion` naming the first field that does not
    fit: a missing language, an empty, long or repeated choice, fewer than 2 or more than 12
    choices, more than 15 questions, a group the round does not ask."""
    if len(asked) > MAX_QUESTIONS:
        raise InvalidQuestion("too_many_questions")
    names: set[str] = set()
    checked = []
    for number, question in enumerate(asked, start=1):
        checked.append(_check_one(question, number, tuple(languages), tuple(audiences), names))
    return tuple(checked)


def _check_one(
    q: OwnQuestion,
    number: int,
    languages: tuple[str, ...],
    audiences: tuple[str, ...],
    names: set[str],
) -> OwnQuestion:
    def refuse(problem: str, **where: object) -> InvalidQuestion:
        return InvalidQuestion(problem, question=number, **where)  # type: ignore[arg-type]

    if q.kind not in KINDS:
        raise refuse("kind", detail=str(q.kind))
    if not isinstance(q.name, str) or not _NAME.fullmatch(q.name) or q.name in names:
        raise refuse("name", detail=str(q.name))
    names.add(q.name)
    texts = checked_texts(
        q.texts, languages, TEXT_MAX, lambda p, lang: refuse(f"text_{p}", language=lang)
    )
    plain = {
        lang: text
        for lang, text in checked_texts(
            q.plain,
            languages,
            TEXT_MAX,
            lambda p, lang: refuse(f"plain_{p}", language=lang),
            optional=True,
        ).items()
        if text
    }
    scale = None
    if q.kind == "scale":
        try:
            scale = Scale(q.scale) if q.scale else None
        except ValueError:
            scale = None
        if scale is None:
            raise refuse("scale", detail=str(q.scale))
    choices: tuple[Choice, ...] = ()
    if q.kind in CHOICE_KINDS:
        if len(q.choices) > MAX_CHOICES:
            raise refuse("too_many_choices")
        if len(q.choices) < MIN_CHOICES:
            raise refuse("too_few_choices")
        seen: set[str] = set()
        kept = []
        for n, choice in enumerate(q.choices, start=1):
            if not isinstance(choice.name, str) or not _NAME.fullmatch(choice.name):
                raise refuse("choice_name", choice=n, detail=str(choice.name))
            if choice.name in seen:
                raise refuse("choice_repeated", choice=n, detail=choice.name)
            seen.add(choice.name)
            labels = checked_texts(
                choice.labels,
                languages,
                LABEL_MAX,
                lambda p, lang, n=n: refuse(f"choice_{p}", language=lang, choice=n),
            )
            emoji = plaintext.one_line(choice.emoji or "")
            if not is_one_emoji(emoji):
                raise refuse("emoji", choice=n)
            kept.append(Choice(choice.name, labels, emoji))
        choices = tuple(kept)
    unknown = [g for g in q.groups if g not in audiences]
    if unknown:
        raise refuse("groups", detail=unknown[0])
    return OwnQuestion(
        name=q.name,
        kind=q.kind,
        texts=texts,
        plain=plain,
        choices=choices,
        scale=scale,
        required=bool(q.required) and q.answered,
        groups=tuple(dict.fromkeys(q.groups)) if set(q.groups) != set(audiences) else (),
        public=bool(q.public) and q.kind in CHOICE_KINDS,
        screen=q.screen,
        bank_id=q.bank_id,
    )


def checked_texts(
    given: Mapping[str, str],
    languages: Sequence[str],
    most: int,
    refuse: Callable[[str, str], Exception],
    *,
    optional: bool = False,
) -> dict[str, str]:
    """One line of text per language, cleaned (`plaintext.one_line`: newlines, tabs and
    direction overrides too), and no other languages; the first that does not fit raises
    `refuse(problem, language)` with problem "control", "missing" or "too_long"."""
    kept = {}
    for lang in languages:
        raw = str((given or {}).get(lang) or "")
        if any(unicodedata.category(c) == "Cc" and not c.isspace() for c in raw):
            raise refuse("control", lang)
        text = plaintext.one_line(raw)
        if not text and not optional:
            raise refuse("missing", lang)
        if len(text) > most:
            raise refuse("too_long", lang)
        kept[lang] = text
    return kept


# --- the bank ------------------------------------------------------------------------------


def thl_questions() -> tuple[OwnQuestion, ...]:
    """THL's ready-made questions: today's fixed statements and the "what was best?" choices,
    in the catalogues' words."""
    langs = i18n.LANGUAGES
    statements = tuple(
        OwnQuestion(
            name=key,
            kind="scale",
            texts={lang: i18n.t(f"question.{key}", lang) for lang in langs},
            plain={lang: i18n.t(f"question.{key}.plain", lang) for lang in langs}
            if f"question.{key}.plain" in i18n.catalogue(i18n.DEFAULT_LANGUAGE).texts
            else {},
            scale=scale,
            bank_id=THL_PREFIX + key,
        )
        for key, scale in questions.EXTRA_QUESTIONS.items()
    )
    best = OwnQuestion(
        name="best",
        kind="multiple",
        texts={lang: i18n.t("respond.best", lang) for lang in langs},
        choices=tuple(
            Choice(name, {lang: i18n.t(f"choice.{name}", lang) for lang in langs}, emoji)
            for name, emoji in questions.BEST_CHOICES.items()
        ),
        bank_id=THL_PREFIX + "best",
    )
    return (*statements, best)


def bank(db_path: str | Path) -> list[OwnQuestion]:
    """Every question of the bank: THL's first, then the municipality's own, oldest first."""
    with storage.reading(db_path) as db:
        rows = list(db.query("SELECT * FROM bank_questions ORDER BY created_on, id"))
    return [*thl_questions(), *(_from_row(row) for row in rows)]


def from_bank(db_path: str | Path, bank_id: str) -> OwnQuestion | None:
    """One bank question by its id, or None."""
    return next((q for q in bank(db_path) if q.bank_id == bank_id), None)


def _to_row(q: OwnQuestion) -> dict[str, object]:
    return {
        "name": q.name,
        "kind": q.kind,
        "scale": q.scale.value if q.scale else None,
        "texts": json.dumps(q.texts, ensure_ascii=False, sort_keys=True),
        "plain": json.dumps(q.plain, ensure_ascii=False, sort_keys=True),
        "choices": json.dumps(
            [{"name": c.name, "labels": c.labels, "emoji": c.emoji} for c in q.choices],
            ensure_ascii=False,
        ),
    }


def _from_row(row: Mapping[str, object]) -> OwnQuestion:
    groups = json.loads(str(row["asked_groups"])) if "asked_groups" in row else []
    return OwnQuestion(
        name=str(row["name"]),
        kind=str(row["kind"]),
        texts=json.loads(str(row["texts"])),
        plain=json.loads(str(row["plain"])),
        choices=tuple(
            Choice(c["name"], c["labels"], c.get("emoji", ""))
            for c in json.loads(str(row["choices"]))
        ),
        scale=Scale(str(row["scale"])) if row["scale"] else None,
        required=bool(row.get("required", False)),
        groups=tuple(groups),
        public=bool(row.get("is_public", False)),
        screen=row.get("screen"),  # type: ignore[arg-type]
        bank_id=str(row.get("bank_id") or row.get("id")),
    )


def keep(db: Connection, round_id: int, asked: Sequence[OwnQuestion], *, today: date) -> None:
    """Store a round's checked questions in the caller's transaction. A question from the bank
    keeps its bank id; a question of the municipality's own joins the bank, as the same bank
    question as an earlier one worded and offering the same (asked again next year)."""
    known = {
        _same(_from_row(row)): str(row["id"]) for row in db.query("SELECT * FROM bank_questions")
    }
    thl = {q.bank_id: q for q in thl_questions()}
    for position, question in enumerate(asked):
        bank_id = question.bank_id if question.bank_id in thl else ""
        bank_id = bank_id or known.get(_same(question), "")
        if not bank_id:
            bank_id = "own." + secrets.token_hex(8)
            db.insert(
                "bank_questions", {"id": bank_id, **_to_row(question), "created_on": str(today)}
            )
            known[_same(question)] = bank_id
        db.insert(
            "round_questions",
            {
                "round_id": round_id,
                "position": position,
                "bank_id": bank_id,
                **_to_row(question),
                "required": int(question.required),
                "asked_groups": json.dumps(list(question.groups)),
                "is_public": int(question.public),
                "screen": question.screen,
            },
        )


def _same(question: OwnQuestion) -> str:
    """What makes two questions the same bank question: its name, kind, wording and choices
    (not whether it is required, of whom it is asked, or its screen)."""
    return json.dumps(_to_row(question), sort_keys=True)


def of_round(db: Connection, round_id: int) -> tuple[OwnQuestion, ...]:
    """A round's own questions in their order."""
    return tuple(
        _from_row(row)
        for row in db.query(
            "SELECT * FROM round_questions WHERE round_id = ? ORDER BY position", [round_id]
        )
    )


# --- answers -------------------------------------------------------------------------------


class InvalidOwnAnswer(ValueError):
    """An answer to an own question that the round does not offer; `position` says which
    question (0-based) and `missing` whether a required one was left unanswered."""

    def __init__(self, position: int, why: str, *, missing: bool = False, long: bool = False):
        self.position = position
        self.missing = missing
        self.long = long
        super().__init__(f"question {position + 1}: {why}")


def check_answer(
    asked: Sequence[OwnQuestion], given: Mapping[int, Sequence[str]], group: str | None
) -> dict[int, tuple[str, ...]]:
    """The answers to own questions as they will be stored, by position: a scale's score or
    the chosen choices' names (a text answer cleaned); questions not answered left out.
    Raises `InvalidOwnAnswer` for a value not offered or a required question left out."""
    kept: dict[int, tuple[str, ...]] = {}
    unknown = [p for p in given if not isinstance(p, int) or not 0 <= p < len(asked)]
    if unknown:
        raise InvalidOwnAnswer(0, f"no question at position {unknown[0]!r}")
    for position, question in enumerate(asked):
        values = tuple(dict.fromkeys(str(v) for v in given.get(position, ()) if str(v).strip()))
        if values and (not question.answered or not question.asks(group)):
            raise InvalidOwnAnswer(position, "this question is not asked of this respondent")
        if question.kind == "text":
            text = plaintext.clean_text(values[0]).strip() if values else ""
            if len(values) > 1:
                raise InvalidOwnAnswer(position, "a text answer is one text")
            if len(text) > questions.FREE_TEXT_MAX:
                raise InvalidOwnAnswer(position, "a text answer too long", long=True)
            values = (text,) if text else ()
        elif values:
            offered = question.values()
            if any(v not in offered for v in values):
                raise InvalidOwnAnswer(position, "a value the question does not offer")
            if question.kind != "multiple" and len(values) > 1:
                raise InvalidOwnAnswer(position, "one value only")
        if question.required and question.asks(group) and not values:
            raise InvalidOwnAnswer(position, "a required question left unanswered", missing=True)
        if values:
            kept[position] = values
    return kept


def insert_answer(
    db: Connection,
    round_id: int,
    asked: Sequence[OwnQuestion],
    given: Mapping[int, tuple[str, ...]],
    *,
    submission_id: str,
    month: str,
    day: str,
    group: str,
    channel: str,
    flagged: bool,
) -> list[tuple[int, str]]:
    """Store and count one respondent's checked answers to own questions (the caller's
    transaction, after it claimed the submission id). Returns the text answers stored, as
    (id, text), for the caller to check them as it checks a comment."""
    counted = []
    texts = []
    for position, values in given.items():
        if asked[position].kind == "text":
            text_id = storage.random_id()  # as a comment's: says nothing of the order
            db.execute(
                """INSERT INTO question_texts (id, submission_id, position, round_id, text,
                   answered_on) VALUES (?, ?, ?, ?, ?, ?)""",
                [text_id, submission_id, position, round_id, values[0], day],
            )
            texts.append((text_id, values[0]))
            counted.append((position, ANSWERED))
            continue
        db.executemany(
            """INSERT INTO question_answers (submission_id, position, value, round_id)
               VALUES (?, ?, ?, ?)""",
            [(submission_id, position, value, round_id) for value in values],
        )
        counted += [(position, ANSWERED), *((position, value) for value in values)]
    db.executemany(
        """INSERT INTO question_counts
             (round_id, position, month, respondent_group, channel, flagged, value, n)
           VALUES (?, ?, ?, ?, ?, ?, ?, 1)
           ON CONFLICT (round_id, position, month, respondent_group, channel, flagged, value)
           DO UPDATE SET n = question_counts.n + 1""",
        [(round_id, p, month, group, channel, int(flagged), value) for p, value in counted],
    )
    return texts


def counts(db_path: str | Path, round_id: int) -> dict[int, dict[str, int]]:
    """Unflagged answers per question (position) and value from the kept counts; the value
    `ANSWERED` is how many answered the question at all (multiple choice: its respondents)."""
    with storage.reading(db_path) as db:
        rows = db.execute(
            """SELECT position, value, sum(n) FROM question_counts
               WHERE round_id = ? AND flagged = 0 GROUP BY position, value""",
            [round_id],
        ).fetchall()
    found: dict[int, dict[str, int]] = {}
    for position, value, n in rows:
        found.setdefault(position, {})[value] = int(n)
    return found
