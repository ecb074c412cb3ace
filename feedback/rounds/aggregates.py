"""Answer counts kept beside the answers, so that figures never scan every answer.

`add` runs inside the transaction that stores an answer; `rebuild` recomputes everything from
the answers (after a migration or a bulk load). Flagged answers are counted apart, never mixed in.

The answers are counted three times over, at three levels of detail, because a figure costs
what the table it reads has rows: the dashboard as it opens (no period, group or channel
chosen) reads `answer_totals`, about 15 times smaller than `answer_counts` at national scale.
"""

from __future__ import annotations

from datetime import date

from feedback.rounds import questions
from feedback.rounds.own_questions import ANSWERED
from feedback.storage import Connection

#: The kept-count tables, smallest first, with the columns each keeps besides the round,
#: question, flag, score, scale and count: a figure reads the first one that has what it needs.
COUNT_TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("answer_totals", ("respondent_group",)),
    ("answer_months", ("month",)),
    ("answer_counts", ("month", "respondent_group", "channel")),
)


def _key(kept: tuple[str, ...]) -> str:
    """A count table's primary key columns, in its order."""
    return ", ".join(("round_id", "question", *kept, "flagged", "score"))


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def add(
    db: Connection,
    *,
    round_id: int,
    scores: tuple[int, ...],
    scales: tuple[str, ...],
    day: date,
    hour: int,
    group: str,
    channel: str,
    flagged: bool,
) -> None:
    """Count one respondent's answer (every question) in the caller's transaction."""
    month = day.strftime("%Y-%m")
    kept_values = {"month": month, "respondent_group": group, "channel": channel}
    for table, kept in COUNT_TABLES:
        marks = ", ".join("?" for _ in range(len(kept) + 5))
        db.executemany(
            f"""INSERT INTO {table} ({_key(kept)}, scale, n) VALUES ({marks}, 1)
                ON CONFLICT ({_key(kept)}) DO UPDATE SET n = {table}.n + 1""",
            [
                (round_id, question, *(kept_values[c] for c in kept), int(flagged), score, scale)
                for question, (score, scale) in enumerate(zip(scores, scales, strict=True))
            ],
        )
    if not flagged:
        db.execute(
            """INSERT INTO answer_times (round_id, month, weekday, hour, n)
               VALUES (?, ?, ?, ?, 1)
               ON CONFLICT (round_id, month, weekday, hour)
               DO UPDATE SET n = answer_times.n + 1""",
            [round_id, month, day.weekday(), hour],
        )
        db.execute(
            """INSERT INTO answer_times_total (round_id, weekday, hour, n) VALUES (?, ?, ?, 1)
               ON CONFLICT (round_id, weekday, hour)
               DO UPDATE SET n = answer_times_total.n + 1""",
            [round_id, day.weekday(), hour],
        )


def rebuild(db: Connection) -> None:
    """Recompute all counts from the stored answers (in the caller's transaction)."""
    db.execute("DELETE FROM answer_counts")
    db.execute("DELETE FROM answer_times")
    # The scale of each (round, question): the round's own for the main question, else the
    # scale of the extra question's key.
    extra_scale = " ".join(
        f"WHEN {_quote(key)} THEN {_quote(scale.value)}"
        for key, scale in questions.EXTRA_QUESTIONS.items()
    )
    db.execute(
        f"""INSERT INTO answer_counts
             (round_id, question, month, respondent_group, channel, flagged, score, scale, n)
           SELECT r.round_id, r.question, substr(r.answered_on, 1, 7), r.respondent_group,
                  r.channel, r.flagged, r.score,
                  CASE WHEN r.question = 0 THEN v.scale
                       ELSE CASE {db.json_element("v.extra_questions", "r.question - 1")}
                            {extra_scale} END
                  END,
                  count(*)
           FROM answers r JOIN rounds v ON v.id = r.round_id
           GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"""
    )
    roll_up(db)
    # Monday is 0, as Python's weekday() that `add` uses counts.
    db.execute(
        f"""INSERT INTO answer_times (round_id, month, weekday, hour, n)
           SELECT round_id, substr(answered_on, 1, 7),
                  {db.weekday("answered_on")}, answered_hour, count(*)
           FROM answers WHERE question = 0 AND flagged = 0
           GROUP BY 1, 2, 3, 4"""
    )
    db.execute("DELETE FROM answer_times_total")
    db.execute(
        """INSERT INTO answer_times_total (round_id, weekday, hour, n)
           SELECT round_id, weekday, hour, sum(n) FROM answer_times GROUP BY 1, 2, 3"""
    )
    if db.has_table("question_counts"):  # 0016 rebuilds before 0021 made it
        rebuild_question_counts(db)


def rebuild_question_counts(db: Connection) -> None:
    """Own questions' counts (`own_questions.insert_answer`) from their stored answers: per
    value, and `own_questions.ANSWERED` once per respondent who answered the question."""
    db.execute("DELETE FROM question_counts")
    answered = _quote(ANSWERED)
    db.execute(
        f"""INSERT INTO question_counts
             (round_id, position, month, respondent_group, channel, flagged, value, n)
           SELECT v.round_id, v.position, substr(r.answered_on, 1, 7), r.respondent_group,
                  r.channel, r.flagged, v.value, count(*)
           FROM (SELECT submission_id, round_id, position, value FROM question_answers
                 UNION ALL
                 SELECT DISTINCT submission_id, round_id, position, {answered} AS value
                 FROM question_answers
                 UNION ALL
                 SELECT submission_id, round_id, position, {answered} AS value
                 FROM question_texts) v
           JOIN answers r ON r.submission_id = v.submission_id AND r.question = 0
           GROUP BY 1, 2, 3, 4, 5, 6, 7"""
    )


def roll_up(db: Connection) -> None:
    """Recompute the smaller count tables from `answer_counts` (in the caller's transaction)."""
    for table, kept in COUNT_TABLES[:-1]:
        db.execute(f"DELETE FROM {table}")
        db.execute(
            f"""INSERT INTO {table} ({_key(kept)}, scale, n)
                SELECT {_key(kept)}, scale, sum(n) FROM answer_counts
                GROUP BY {_key(kept)}, scale"""
        )
