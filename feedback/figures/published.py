"""What children see of the results: a round's figures as published, changing only in steps.

A public page can be read by anyone at any time, so its figure must not move with each answer:
read before and after one more answer, it would give that answer away. A round's figures are
therefore published as a snapshot of its shown blocks (`disclosure.shown_atoms`) of answers
from the days before today, at most once a day (at the first read of a day, or when staff
close the round), and only when the snapshot adds at least k answers to the last one (the
first one needs k), keeping every answer it published before. Two readings ever differ by at
least k answers of whole days, and answers of today, however many and from whom, are not in a
figure before tomorrow.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from feedback import storage
from feedback.figures import ON_FIVE_SCALES, disclosure, own
from feedback.figures.disclosure import Cell
from feedback.rounds import Round, own_questions
from feedback.rounds.own_questions import ANSWERED
from feedback.storage import Connection

_SCORES = ", ".join(f"score_{s}" for s in range(1, 6))


def round_figure(db_path: str | Path, round_id: int, *, k: int, today: date | None = None) -> Cell:
    """A round's published figure on the 1–5 scales; hidden while nothing is published."""
    today = today or date.today()
    publish(db_path, round_id, k=k, today=today)
    with storage.reading(db_path) as db:
        return _latest(db, round_id, key=str(round_id))


def action_figure(
    db_path: str | Path, action_id: str, *, k: int, today: date | None = None
) -> Cell:
    """An action's public figure: the sum of its rounds' published figures on the 1–5 scales
    (archived rounds left out). Only rounds that are shown on their own are in it, so the
    action's figure minus a round's is again published figures, never a withheld group."""
    today = today or date.today()
    marks = ", ".join("?" for _ in ON_FIVE_SCALES)
    with storage.reading(db_path) as db:
        ids = [
            row[0]
            for row in db.execute(
                f"""SELECT id FROM rounds WHERE action_id = ? AND status != 'archived'
                    AND scale IN ({marks}) ORDER BY id""",
                [action_id, *ON_FIVE_SCALES],
            )
        ]
    for round_id in ids:
        publish(db_path, round_id, k=k, today=today)
    total = disclosure.cell(action_id, {})
    with storage.reading(db_path) as db:
        for round_id in ids:
            total = total.plus(_latest(db, round_id, key=action_id))
    return replace(total, hidden=total.n == 0)


def publish(
    db_path: str | Path,
    round_id: int,
    *,
    k: int,
    today: date | None = None,
    closing: bool = False,
) -> None:
    """Publish the round's figures of today if the rule allows (see the module's docstring).

    With `closing` (staff have just closed the round), today's answers count as well: no more
    come, and today's snapshot is replaced if it adds at least k answers."""
    today = today or date.today()
    marks = ", ".join("?" for _ in ON_FIVE_SCALES)
    with storage.reading(db_path) as db:
        on_five = db.execute(
            f"SELECT 1 FROM rounds WHERE id = ? AND scale IN ({marks})",
            [round_id, *ON_FIVE_SCALES],
        ).fetchone()
        # Reading again costs lookups only: no write lock for a round with nothing to publish
        # (not on the faces) or whose day's step is taken, however often a stranger reads.
        if on_five is None or (not closing and _made_today(db, round_id, today)):
            return
    with storage.writing(db_path) as db:
        if not closing and _made_today(db, round_id, today):
            return  # another reader took the day's step meanwhile
        before = db.execute(
            f"""SELECT answered_before, n, {_SCORES} FROM published_figures
                WHERE round_id = ? AND made_on <= ? ORDER BY made_on DESC LIMIT 1""",
            [round_id, today.isoformat()],
        ).fetchone()
        last = tuple(before) if before else ("0000-00-00", 0, 0, 0, 0, 0, 0)
        until = (today + timedelta(days=1) if closing else today).isoformat()
        was, _ = _shown(db, round_id, k=k, before=last[0])
        now, scores = _shown(db, round_id, k=k, before=until)
        # A step adds k answers or more and keeps every answer published before: an atom that
        # grows past k leaves its round's pool, which may then fall under k and out of the
        # figure — the step would take those few answers out again, and the difference of two
        # readings would be them. The figure then waits until it can grow without dropping.
        if sum(scores) - last[1] >= k and was <= now:
            figure = (until, sum(scores), *scores)
        else:
            figure = last
        if closing and figure == last and _made_today(db, round_id, today):
            return  # closing adds too little: today's step stays as it is
        for table in ("published_figures", "published_choices"):
            db.execute(
                f"DELETE FROM {table} WHERE round_id = ? AND made_on = ?",
                [round_id, today.isoformat()],
            )
        db.execute(
            f"""INSERT INTO published_figures (round_id, made_on, answered_before, n, {_SCORES})
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [round_id, today.isoformat(), *figure],
        )
        if figure != last:
            _publish_choices(db, round_id, now, k=k, before=until, today=today)


def _publish_choices(
    db: Connection, round_id: int, atoms: set, *, k: int, before: str, today: date
) -> None:
    """With a step of the round's figure, its public choice questions' counts of the same
    answers (those in the step's shown `atoms`, given before the day `before`): a question's
    counts step only when they add at least k respondents to its last published ones, so two
    readings of a question too differ by at least k who answered it. The step keeps every
    answer published before (its atoms and days only grow), so the counts only grow."""
    asked = {
        position: question
        for position, question in enumerate(own_questions.of_round(db, round_id))
        if question.public
    }
    if not asked:
        return
    rows = db.execute(
        """SELECT r.respondent_group, r.channel, substr(r.answered_on, 1, 7), q.position,
                  q.value, count(*)
           FROM question_answers q
           JOIN answers r ON r.submission_id = q.submission_id AND r.question = 0
           WHERE q.round_id = ? AND r.flagged = 0 AND r.answered_on < ?
           GROUP BY 1, 2, 3, 4, 5""",
        [round_id, before],
    ).fetchall()
    counts: dict[int, dict[str, int]] = {position: {} for position in asked}
    for group, channel, month, position, value, n in rows:
        if (group, channel, month) in atoms and position in asked:
            counts[position][value] = counts[position].get(value, 0) + n
    # Respondents per question: each answered once, whatever it chose.
    for group, channel, month, position, n in db.execute(
        """SELECT r.respondent_group, r.channel, substr(r.answered_on, 1, 7), q.position,
                  count(DISTINCT q.submission_id)
           FROM question_answers q
           JOIN answers r ON r.submission_id = q.submission_id AND r.question = 0
           WHERE q.round_id = ? AND r.flagged = 0 AND r.answered_on < ?
           GROUP BY 1, 2, 3, 4""",
        [round_id, before],
    ).fetchall():
        if (group, channel, month) in atoms and position in asked:
            counts[position][ANSWERED] = counts[position].get(ANSWERED, 0) + n
    last = _latest_choices(db, round_id)
    for position, counted in counts.items():
        if counted.get(ANSWERED, 0) - last.get(position, {}).get(ANSWERED, 0) < k:
            continue  # fewer than k more answered it: its last counts stay
        db.executemany(
            """INSERT INTO published_choices (round_id, position, made_on, value, n)
               VALUES (?, ?, ?, ?, ?)""",
            [(round_id, position, today.isoformat(), v, n) for v, n in counted.items()],
        )


def _latest_choices(db: Connection, round_id: int) -> dict[int, dict[str, int]]:
    """Per public question, its counts per value as last published (`ANSWERED`: respondents)."""
    found: dict[int, dict[str, int]] = {}
    for position, value, n in db.execute(
        """SELECT c.position, c.value, c.n FROM published_choices c
           WHERE c.round_id = ? AND c.made_on = (
               SELECT max(made_on) FROM published_choices
               WHERE round_id = c.round_id AND position = c.position)""",
        [round_id],
    ).fetchall():
        found.setdefault(position, {})[value] = n
    return found


def public_questions(
    db_path: str | Path, round_: Round, *, k: int, today: date | None = None
) -> list[own.QuestionFigure]:
    """The round's choice questions staff marked public, as published (`publish`), each with
    its choices withheld as on the dashboard (`own.question_figure`)."""
    publish(db_path, round_.id, k=k, today=today or date.today())
    with storage.reading(db_path) as db:
        published = _latest_choices(db, round_.id)
    return [
        own.question_figure(position, question, counted, bool(counted), k=k)
        for position, question in enumerate(round_.own_questions)
        if question.public and (counted := published.get(position, {}))
    ]


def _shown(db: Connection, round_id: int, *, k: int, before: str) -> tuple[set, list[int]]:
    """The round's atoms (group, channel, month) in shown blocks of the answers given before
    the day `before`, and those atoms' answers per face."""
    rows = db.execute(
        """SELECT respondent_group, channel, substr(answered_on, 1, 7), score, count(*)
           FROM answers WHERE round_id = ? AND question = 0 AND flagged = 0
             AND answered_on < ?
           GROUP BY 1, 2, 3, 4""",
        [round_id, before],
    ).fetchall()
    atoms: dict[tuple, int] = {}
    for group, channel, month, _score, n in rows:
        atoms[(group, channel, month)] = atoms.get((group, channel, month), 0) + n
    shown = disclosure.shown_atoms(atoms, k=k)
    scores = [0] * 5
    for group, channel, month, score, n in rows:
        if (group, channel, month) in shown:
            scores[score - 1] += n
    return shown, scores


def _made_today(db: Connection, round_id: int, today: date) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM published_figures WHERE round_id = ? AND made_on = ?",
            [round_id, today.isoformat()],
        ).fetchone()
        is not None
    )


def _latest(db: Connection, round_id: int, *, key: str) -> Cell:
    row = db.execute(
        f"""SELECT {_SCORES} FROM published_figures WHERE round_id = ?
            ORDER BY made_on DESC LIMIT 1""",
        [round_id],
    ).fetchone()
    counts = dict(enumerate(row or (0, 0, 0, 0, 0), start=1))
    figure = disclosure.cell(key, {s: n for s, n in counts.items() if n})
    return replace(figure, hidden=figure.n == 0)
