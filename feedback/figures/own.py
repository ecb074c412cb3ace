"""Figures of a round's own questions (issue #27): per question, how many answered it, and per
choice (or score) how many chose it and their share, from the kept counts
(`rounds.own_questions.counts`), never from the answers one by one.

A choice's count is a cell of its question's respondents: one chosen by 0 < n < k is withheld,
and so is one that all but 0 < m < k chose (the few who did not are that subtraction away).
A single choice's or a scale's counts add up to the respondents, so when one is withheld, the
smallest other is withheld too (`disclosure.suppress`, as the weekday × hour map); a question
answered by fewer than k shows nothing. A multiple choice's share is of its respondents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from feedback import i18n, rounds, storage
from feedback.figures import disclosure
from feedback.rounds import Round, own_questions
from feedback.rounds.own_questions import ANSWERED, OwnQuestion


@dataclass(frozen=True)
class ChoiceFigure:
    """One choice's (or score's) figure; `n` and `share` None when withheld."""

    value: str
    n: int | None
    share: float | None


@dataclass(frozen=True)
class QuestionFigure:
    """One own question's figures: its respondents ("< k" when withheld) and its choices."""

    position: int
    question: OwnQuestion
    respondents: str
    choices: tuple[ChoiceFigure, ...]


def round_figures(db_path: str | Path, round_: Round, *, k: int) -> list[QuestionFigure]:
    """The figures of every answered (not a note) own question of `round_`."""
    counted = own_questions.counts(db_path, round_.id)
    return [
        question_figure(position, question, counted.get(position, {}), k=k)
        for position, question in enumerate(round_.own_questions)
        if question.answered
    ]


def question_figure(
    position: int, question: OwnQuestion, counts: dict[str, int], *, k: int
) -> QuestionFigure:
    """One question's figure from its counts per value (`ANSWERED`: its respondents)."""
    respondents = counts.get(ANSWERED, 0)
    if respondents < k:
        return QuestionFigure(
            position,
            question,
            f"< {k}" if respondents else "0",
            tuple(ChoiceFigure(v, None, None) for v in question.values()),
        )
    cells = [disclosure.Cell(ANSWERED, None, respondents, 0, 0)]
    for value in question.values():
        n = counts.get(value, 0)
        # A multiple choice's values overlap: each is checked against its respondents alone.
        parent = ANSWERED if question.kind != "multiple" else None
        cells.append(disclosure.Cell(value, parent, n, 0, 0))
    kept = {c.key: c for c in disclosure.suppress(cells, k)}
    choices = []
    for value in question.values():
        n = counts.get(value, 0)
        hidden = kept[value].hidden or 0 < respondents - n < k
        choices.append(
            ChoiceFigure(value, None if hidden else n, None if hidden else n / respondents)
        )
    return QuestionFigure(position, question, str(respondents), tuple(choices))


def plan_table(
    db_path: str | Path, plan_id: str, *, k: int, lang: str, actors: tuple[str, ...] | None
) -> pd.DataFrame:
    """The own questions of a plan's rounds (of `actors`; all for None), one row per question
    and choice (or score): round, bank question, question, choice, answers and share in
    `lang`, withheld figures empty ("< k" for a question answered by fewer than k)."""
    rows = []
    for round_ in _rounds(db_path, plan_id=plan_id, actors=actors):
        for figure in round_figures(db_path, round_, k=k):
            rows += _rows(round_, figure, lang)
    return pd.DataFrame(rows, columns=list(COLUMNS))


def bank_table(
    db_path: str | Path, bank_id: str, *, k: int, lang: str, actors: tuple[str, ...] | None
) -> pd.DataFrame:
    """One bank question's figures in every round that asked it (of `actors`), oldest round
    first: the same question compared across rounds and years."""
    rows = []
    for round_ in _rounds(db_path, bank_id=bank_id, actors=actors):
        for figure in round_figures(db_path, round_, k=k):
            if figure.question.bank_id == bank_id:
                rows += _rows(round_, figure, lang)
    return pd.DataFrame(rows, columns=list(COLUMNS))


#: The columns of the tables above (the pages and files name them in the user's language).
COLUMNS = ("round", "year", "bank_id", "question", "choice", "respondents", "answers", "share")


def _rows(round_: Round, figure: QuestionFigure, lang: str) -> list[tuple]:
    question = figure.question
    labels = {c.name: c.labels.get(lang, c.name) for c in question.choices}
    if question.scale:
        labels = {str(v): i18n.t(question.scale.label_key(v), lang) for v in question.scale.values}
    year = round_.opens_on.year if round_.opens_on else round_.created_on[:4]
    return [
        (
            round_.code,
            str(year),
            question.bank_id,
            question.text(lang),
            labels.get(choice.value, choice.value),
            figure.respondents,
            choice.n,
            choice.share,
        )
        for choice in figure.choices
    ] or [
        (
            round_.code,
            str(year),
            question.bank_id,
            question.text(lang),
            "",
            figure.respondents,
            None,
            None,
        )
    ]


def _rounds(
    db_path: str | Path,
    *,
    plan_id: str | None = None,
    bank_id: str | None = None,
    actors: tuple[str, ...] | None,
) -> list[Round]:
    """The rounds with own questions of a plan, or that asked a bank question, oldest first."""
    scope, params = storage.among("a.actor_id", actors)
    where = [
        scope,
        "v.id IN (SELECT round_id FROM round_questions WHERE bank_id = ?)"
        if bank_id
        else "v.id IN (SELECT round_id FROM round_questions)",
    ]
    params = [*params, *([bank_id] if bank_id else [])]
    if plan_id:
        where.append("m.plan_id = ?")
        params.append(plan_id)
    with storage.reading(db_path) as db:
        codes = [
            code
            for (code,) in db.execute(
                f"""SELECT v.code FROM rounds v
                    JOIN actions a ON a.id = v.action_id
                    JOIN sub_goals s ON s.id = a.sub_goal_id
                    JOIN main_goals m ON m.id = s.main_goal_id
                    WHERE {" AND ".join(where)} ORDER BY v.created_on, v.id""",
                params,
            ).fetchall()
        ]
    return [r for r in (rounds.get_by_code(db_path, code) for code in codes) if r is not None]
