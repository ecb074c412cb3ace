"""Rounds opened as staff open them, and answers given as respondents give them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from feedback import i18n, rounds, storage
from feedback.rounds import answers
from feedback.rounds.answers import Answer

#: What the child rates in a test's round, per language.
SUBJECTS = {"fi": "Nuorisotalon kerho", "sv": "Ungdomsgårdens klubb", "en": "The youth club"}


def open_round(db_path: str | Path, **options) -> rounds.Round:
    """A round opened as staff open one, with a subject (SUBJECTS) in each of its languages
    unless the test gives its own; `options` as for `rounds.create`."""
    languages = options.get("languages", i18n.LANGUAGES)
    options.setdefault("subjects", {lang: SUBJECTS[lang] for lang in languages})
    return rounds.create(db_path, **options)


def round_before_subjects(db_path: str | Path, **options) -> rounds.Round:
    """A round as it was opened before rounds had subjects (none in any language), which keeps
    working: its question is the heading."""
    opened = open_round(db_path, **options)
    with storage.writing(db_path) as db:
        db.execute("UPDATE rounds SET subjects = '{}' WHERE id = ?", [opened.id])
    rounds.changed(db_path, opened.code)
    return rounds.get_by_code(db_path, opened.code)


def answered(
    db_path: Path,
    round_: rounds.Round,
    *scores: int,
    channel: str = "link",
    flagged=False,
    text: str = "",
    now: datetime | None = None,
    group: str | None = None,
) -> None:
    """One respondent per score answers the round's main question (through `record`), each
    with the comment `text` if given, at `now` if given, in `group` if given."""
    for score in scores:
        answers.record(
            db_path,
            round_,
            answers.Answer(scores=(score,), text=text, group=group),
            submission_id=answers.new_submission_id(),
            channel=channel,
            flagged=flagged,
            now=now,
        )


def answer(db_path, round_, *scores: int, comment: str = "", now: datetime | None = None):
    """One respondent's answer to `round_` per score; the first of them writes `comment`."""
    for i, score in enumerate(scores):
        answers.record(
            db_path,
            round_,
            Answer(scores=(score,), text=comment if i == 0 else ""),
            submission_id=answers.new_submission_id(),
            now=now,
        )


def own_questions() -> tuple:
    """A round's own questions of every kind, in fi, sv and en: a five-face scale, a single
    choice (guardians only), a multiple choice with emoji (required) and a short text."""
    from feedback.rounds.own_questions import Choice, OwnQuestion

    def langs(fi: str, sv: str, en: str) -> dict[str, str]:
        return {"fi": fi, "sv": sv, "en": en}

    return (
        OwnQuestion(
            "safe",
            "scale",
            langs("Oliko turvallista?", "Var det tryggt?", "Did you feel safe?"),
            plain=langs("Turvallista?", "Tryggt?", "Safe?"),
            scale="faces5",  # type: ignore[arg-type]
        ),
        OwnQuestion(
            "how_often",
            "single",
            langs("Kuinka usein käyt?", "Hur ofta går du?", "How often do you go?"),
            choices=(
                Choice("weekly", langs("Joka viikko", "Varje vecka", "Every week")),
                Choice("monthly", langs("Joka kuukausi", "Varje månad", "Every month")),
                Choice("rarely", langs("Harvoin", "Sällan", "Rarely")),
            ),
            groups=("guardians",),
        ),
        OwnQuestion(
            "liked",
            "multiple",
            langs("Mistä pidit?", "Vad tyckte du om?", "What did you like?"),
            choices=(
                Choice("games", langs("Pelit", "Spelen", "Games"), "🎲"),
                Choice("music", langs("Musiikki", "Musiken", "Music"), "🎵"),
                Choice("snacks", langs("Välipala", "Mellanmålet", "Snacks"), "🍎"),
            ),
            required=True,
            public=True,
        ),
        OwnQuestion(
            "wish",
            "text",
            langs("Mitä toivot?", "Vad önskar du?", "What do you wish for?"),
        ),
    )
