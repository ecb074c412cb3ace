"""Figures of a round's own questions (issue #27): per question, how many answered it, and per
choice (or score) how many chose it and their share (a scale's mean and positive share too),
from the kept counts (`question_counts`), never from the answers one by one.

Whatever the dashboard's filters, a question's figures are sums of the blocks of its
respondents (`disclosure.blocks` with `own_question`: round, group, channel and month, as the
main question's), so no difference of two filtered figures isolates fewer than k respondents.

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
from feedback.figures import Filters, disclosure
from feedback.rounds import Round
from feedback.rounds.own_questions import ANSWERED, OwnQuestion
from feedback.storage import Connection


@dataclass(frozen=True)
class ChoiceFigure:
    """One choice's (or score's) figure; `n` and `share` None when withheld."""

    value: str
    n: int | None
    share: float | None


@dataclass(frozen=True)
class QuestionFigure:
    """One own question's figures: its respondents ("< k" when withheld) and its choices; a
    scale's mean and positive share too (None for a choice question, or when withheld)."""

    position: int
    question: OwnQuestion
    respondents: str
    choices: tuple[ChoiceFigure, ...]
    mean: float | None = None
    positive_share: float | None = None


def round_figures(
    db_path: str | Path,
    round_: Round,
    *,
    k: int,
    filters: Filters | None = None,
    bank_id: str | None = None,
) -> list[QuestionFigure]:
    """The figures of every answered (not a note) own question of `round_` (only those asking
    bank question `bank_id`, if given), of the answers within `filters` (period, groups,
    channels; all for None)."""
    return _figures(db_path, [round_], k=k, filters=filters or Filters(), bank_id=bank_id)[
        round_.id
    ]


def _figures(
    db_path: str | Path,
    rounds_: list[Round],
    *,
    k: int,
    filters: Filters,
    bank_id: str | None = None,
) -> dict[int, list[QuestionFigure]]:
    """`round_figures` of each of `rounds_` (by round id), read in one query: the files hold
    every round's questions (a hundred rounds), and a query per question cost a second."""
    if not rounds_:
        return {}
    chosen = _Rounds(tuple(r.id for r in rounds_), filters)
    with storage.reading(db_path) as db:
        counts = _shown(db, chosen, k)
    return {
        round_.id: [
            question_figure(
                position, question, *counts.get((round_.id, position), ({}, False)), k=k
            )
            for position, question in enumerate(round_.own_questions)
            if question.answered and bank_id in (None, question.bank_id)
        ]
        for round_ in rounds_
    }


@dataclass(frozen=True)
class _Rounds:
    """The dashboard's filters narrowed to some rounds (`disclosure.blocks` takes its rounds)."""

    round_ids: tuple[int, ...]
    filters: Filters

    def rounds(self, plan_id: str | None) -> tuple[str, list]:
        return ", ".join("?" for _ in self.round_ids), list(self.round_ids)

    def cells_sql(self, counts: str) -> tuple[str, list]:
        return self.filters.cells_sql(counts)


def _shown(
    db: Connection, chosen: _Rounds, k: int
) -> dict[tuple[int, int], tuple[dict[str, int], bool]]:
    """Per round and question position: its counts per value in the blocks of its respondents
    that the filters may show (`disclosure.blocks`: as the main question's figures), and
    whether any answered it within the filters at all."""
    blocks = disclosure.blocks(None, chosen, k=k, counts="q", own_questions=True)
    rounds, round_params = chosen.rounds(None)
    # The period, groups and channels on the atoms (the same columns, joined by equality):
    # on `q`, SQLite read every month of a question for each atom, 3× slower at 1M answers.
    where, params = chosen.cells_sql("t")
    rows = db.execute(
        f"""{blocks.with_sql}
            SELECT q.round_id, q.position, q.value,
                   sum(CASE WHEN {blocks.shown} THEN q.n ELSE 0 END), sum(q.n)
            FROM question_counts q {blocks.join}
            WHERE q.round_id IN ({rounds}) AND q.flagged = 0 AND {where}
            GROUP BY q.round_id, q.position, q.value""",
        [*blocks.params, *round_params, *params],
    ).fetchall()
    found: dict[tuple[int, int], tuple[dict[str, int], bool]] = {}
    for round_id, position, value, n, total in rows:
        shown, answered = found.get((int(round_id), int(position)), ({}, False))
        if n:
            shown[str(value)] = int(n)
        answered = answered or (value == ANSWERED and bool(total))
        found[int(round_id), int(position)] = (shown, answered)
    return found


def question_figure(
    position: int, question: OwnQuestion, counts: dict[str, int], answered: bool, *, k: int
) -> QuestionFigure:
    """One question's figure from its shown counts per value (`ANSWERED`: its respondents);
    `answered`: whether any answered it, shown or not (then "< k", never "0")."""
    respondents = counts.get(ANSWERED, 0)
    if respondents < k:
        return QuestionFigure(
            position,
            question,
            f"< {k}" if answered else "0",
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
    mean = positive = None
    if question.scale:  # a scale rolls up as the main question does: of all its respondents
        scores = {int(v): counts.get(v, 0) for v in question.values()}
        mean = sum(v * n for v, n in scores.items()) / respondents
        positive = sum(n for v, n in scores.items() if question.scale.is_positive(v)) / respondents
    return QuestionFigure(position, question, str(respondents), tuple(choices), mean, positive)


def round_table(
    db_path: str | Path, round_: Round, *, k: int, lang: str, filters: Filters
) -> pd.DataFrame:
    """One round's own questions as `plan_table`'s rows."""
    return _table([round_], _figures(db_path, [round_], k=k, filters=filters), lang)


def plan_table(
    db_path: str | Path, plan_id: str, *, k: int, lang: str, filters: Filters
) -> pd.DataFrame:
    """The own questions of a plan's rounds (of the filters' actors; all for None), one row per
    question and choice (or score): round, bank question, question, choice, answers and share
    in `lang` (a scale's mean and positive share on each of its rows), of the answers within
    `filters`; withheld figures empty ("< k" for a question answered by fewer than k)."""
    asked = rounds_asking(db_path, plan_id=plan_id, actors=filters.actors)
    return _table(asked, _figures(db_path, asked, k=k, filters=filters), lang)


def bank_table(
    db_path: str | Path, bank_id: str, *, k: int, lang: str, filters: Filters
) -> pd.DataFrame:
    """One bank question's figures in every round that asked it (of the filters' actors),
    oldest round first, within `filters`: the same question compared across rounds and years."""
    asked = rounds_asking(db_path, bank_id=bank_id, actors=filters.actors)
    return _table(asked, _figures(db_path, asked, k=k, filters=filters, bank_id=bank_id), lang)


#: The columns of the tables above (the pages and files name them in the user's language).
COLUMNS = (
    "round",
    "year",
    "bank_id",
    "question",
    "choice",
    "respondents",
    "answers",
    "share",
    "mean",
    "positive_share",
)


def _table(rounds_: list[Round], figures: dict[int, list[QuestionFigure]], lang: str):
    rows = [row for r in rounds_ for figure in figures[r.id] for row in _rows(r, figure, lang)]
    return pd.DataFrame(rows, columns=list(COLUMNS))


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
            figure.mean,
            figure.positive_share,
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
            None,
            None,
        )
    ]


def rounds_asking(
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
