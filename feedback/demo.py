"""Synthetic answers for trying the dashboards: clearly marked, deterministic for a seed."""

from __future__ import annotations

import json
import random
import uuid
from datetime import date, timedelta
from pathlib import Path

from feedback import i18n, storage
from feedback.i18n import LANGUAGES
from feedback.rounds import CODE_ALPHABET, CODE_LENGTH, aggregates
from feedback.rounds.questions import AUDIENCES

DEMO_TITLE = "[DEMO] synthetic answers"
SUBJECTS = {lang: i18n.t("rounds.demo_subject", lang) for lang in LANGUAGES}
_CHANNELS = ("link", "qr", "kiosk", "staff-entered")


def fill(
    db_path: str | Path,
    *,
    answers: int,
    seed: int = 42,
    until: date | None = None,
    actions_per_sub_goal: int = 2,
) -> int:
    """Add `answers` synthetic smiley answers spread over the plans' actions and the year
    before `until`; return how many were added. Every row is marked `synthetic = 1` and its
    round is titled DEMO_TITLE, so that it can never be mistaken for a child's answer.
    """
    if answers < 0:
        raise ValueError("the number of answers cannot be negative")
    rng = random.Random(seed)  # noqa: S311 - synthetic data, reproducible on purpose
    until = until or date.today()
    with storage.writing(db_path) as db:
        actions = [
            row[0]
            for row in db.execute(
                """SELECT id FROM (
                     SELECT a.id, row_number() OVER (
                       PARTITION BY a.sub_goal_id ORDER BY a.position) AS nth
                     FROM actions a) AS numbered WHERE nth <= ? ORDER BY id""",
                [actions_per_sub_goal],
            )
        ]
        if not actions or answers == 0:
            return 0
        rounds = []
        for action_id in actions:
            code = "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            # A round per action and seed; an existing one (same code) is reused.
            db.execute(
                """INSERT INTO rounds (code, action_id, scale, audiences, languages, subjects,
                                       title, status, created_on)
                   VALUES (?, ?, 'faces5', ?, ?, ?, ?, 'open', ?) ON CONFLICT (code) DO NOTHING""",
                [
                    code,
                    action_id,
                    json.dumps([rng.choice(AUDIENCES)]),
                    json.dumps(list(LANGUAGES)),
                    json.dumps(SUBJECTS, ensure_ascii=False),
                    DEMO_TITLE,
                    until.isoformat(),
                ],
            )
            round_id = db.execute("SELECT id FROM rounds WHERE code = ?", [code]).fetchone()[0]
            # Each round leans its own way, so that the charts show differences.
            rounds.append((round_id, rng.uniform(2.2, 4.6)))
        rows = []
        for _ in range(answers):
            round_id, centre = rng.choice(rounds)
            score = min(5, max(1, round(rng.gauss(centre, 1.0))))
            day = until - timedelta(days=rng.randrange(365))
            rows.append(
                {
                    "id": rng.getrandbits(63),  # random, as storage.random_id draws them
                    "submission_id": uuid.UUID(int=rng.getrandbits(128)).hex,
                    "round_id": round_id,
                    "score": score,
                    "respondent_group": rng.choice(AUDIENCES),
                    "channel": rng.choice(_CHANNELS),
                    "answered_on": day.isoformat(),
                    "answered_hour": rng.choice((8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)),
                    "synthetic": 1,
                }
            )
        db.insert_all("answers", rows, ignore=True)
        aggregates.rebuild(db)
    return len(rows)
