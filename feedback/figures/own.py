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
