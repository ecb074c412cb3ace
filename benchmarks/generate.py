"""A national-scale synthetic database for the dashboard benchmark: fast and deterministic.

    python benchmarks/generate.py --answers 5000000 --db /tmp/bench/answers-5000000.db

Creates the database with the app's own migrations, imports the real plans from data/plans,
opens a few hundred feedback rounds over their actions (a mix of scales, audiences, channels,
periods and quick surveys with extra questions), and stores N respondents' answers over 24
months — one row per question, exactly as `feedback.rounds.answers.record` stores them, about 1 %
flagged as possible misuse and every row marked `synthetic = 1`. The kept counts (every table
of `KEPT`) are then filled by the app's own `feedback.rounds.aggregates.rebuild`,
so they are what the app would have kept had every answer come in through `record`.

Speed comes from numpy for the random draws and big `executemany` batches in one transaction
with `synchronous = OFF` and `journal_mode = OFF` (for this generator only; the app's own
connections use WAL + FULL). A sidecar `<db>.json` records what was generated, so that
`benchmarks/dashboard.py` can reuse the file.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from feedback import demo, plans, settings, storage
from feedback.rounds import CODE_ALPHABET, CODE_LENGTH, aggregates, questions
from feedback.rounds.scales import Scale
from feedback.storage import schema
from feedback.storage.sqlite import SQLiteConnection

#: Bump when the generated data changes shape, so that old files are not reused.
VERSION = 4  # 2: answer_times_total (0008); 3: random ids (0017); 4: own questions (0027)
#: The tables of counts that the app keeps as answers are written.
KEPT = ("answer_counts", "answer_times", "answer_times_total", "answer_totals", "answer_months")
START = date(2024, 1, 1)
MONTHS = 24
DAYS = (date(START.year + MONTHS // 12, 1, 1) - START).days
TITLE = "[BENCHMARK] synthetic answers"

#: Main-question scale of a round, and how often it is chosen.
SCALES = {
    Scale.FACES5: 0.50,
    Scale.FACES3: 0.12,
    Scale.THUMBS: 0.08,
    Scale.STARS: 0.10,
    Scale.GRADE: 0.06,
    Scale.NPS: 0.14,
}
#: How likely a round is to be answered through each channel (at least one is kept).
CHANNEL_ODDS = {"link": 0.8, "qr": 0.6, "kiosk": 0.25, "staff-entered": 0.2, "council": 0.05}
#: Share of rounds that are quick surveys (extra questions after the main one).
QUICK_SHARE = 0.2
#: Share of rounds that ask own questions (issue #27): every such round asks the three below, a
#: scale, a single and a multiple choice, the same bank questions, each answered by this share.
OWN_SHARE = 0.3
OWN_ANSWERED = (0.9, 0.8, 0.7)
OWN_CHOICES = ("weekly", "monthly", "rarely")
OWN_LIKED = ("games", "music", "snacks", "friends")
FLAGGED_SHARE = 0.01
#: Answers by hour of the day: school and club hours, some evenings, almost no nights.
HOUR_WEIGHTS = np.array(
    [0, 0, 0, 0, 0, 0, 0.2, 1, 6, 9, 10, 10, 9, 9, 8, 7, 6, 5, 5, 4, 3, 2, 1, 0.3]
)
BATCH = 200_000


def _month_start(index: int) -> date:
    year, month = divmod(START.month - 1 + index, 12)
    return date(START.year + year, month + 1, 1)


def _day_index(day: date) -> int:
    return (day - START).days


def _rounds(rng: np.random.Generator, actions: list[str], count: int) -> list[dict]:
    """`count` feedback rounds: every action gets one (while there are enough), the rest go to
    random actions, so that some actions have several rounds."""
    order = list(rng.permutation(len(actions)))
    if count > len(actions):
        order += list(rng.integers(0, len(actions), count - len(actions)))
    scale_names = list(SCALES)
    scale_odds = np.array(list(SCALES.values()))
    extras_pool = [k for k in questions.FAMILY_QUESTIONS if k in questions.EXTRA_QUESTIONS]
    made = []
    for nth, action_index in enumerate(order[:count]):
        scale = scale_names[rng.choice(len(scale_names), p=scale_odds / scale_odds.sum())]
        n_audiences = int(rng.choice([1, 2, 3], p=[0.5, 0.3, 0.2]))
        audiences = [questions.AUDIENCES[i] for i in rng.permutation(len(questions.AUDIENCES))]
        audiences = audiences[:n_audiences]
        if scale is Scale.FACES3:
            audiences = ["early-childhood", *[a for a in audiences if a != "early-childhood"]]
            audiences = audiences[:n_audiences]
        extras: list[str] = []
        if rng.random() < QUICK_SHARE:
            pool = [k for k in extras_pool if not (scale is Scale.NPS and k == "recommend")]
            take = int(rng.integers(1, len(pool) + 1))
            extras = [pool[i] for i in sorted(rng.permutation(len(pool))[:take])]
        channels = [c for c, odds in CHANNEL_ODDS.items() if rng.random() < odds] or ["link"]
        opens = int(rng.integers(0, MONTHS - 3))
        ongoing = rng.random() < 0.3
        length = MONTHS - opens if ongoing else int(rng.integers(3, MONTHS - opens + 1))
        first = _month_start(opens)
        last = _month_start(opens + length) - timedelta(days=1)
        code = "".join(CODE_ALPHABET[i] for i in rng.integers(0, len(CODE_ALPHABET), CODE_LENGTH))
        made.append(
            {
                "id": nth + 1,
                "code": code,
                "action_id": actions[action_index],
                "scale": scale,
                "audiences": audiences,
                "extras": extras,
                "channels": channels,
                "first": first,
                "last": last,
                "ongoing": ongoing,
                # Popularity: a few rounds get most answers; longer rounds get more.
                "weight": float(rng.lognormal(0, 1)) * length,
                "centre": float(rng.uniform(2.2, 4.6)),
            }
        )
    return made


def _scores(scale: Scale, x: np.ndarray) -> np.ndarray:
    """Map opinions on a continuous 1–5 line to the scale's stored scores."""
    if scale in (Scale.FACES5, Scale.STARS):
        return np.clip(np.rint(x), 1, 5).astype(np.int64)
    if scale is Scale.FACES3:
        return np.choose(np.digitize(x, [2.34, 3.67]), [1, 3, 5]).astype(np.int64)
    if scale is Scale.THUMBS:
        return np.where(x >= 3, 5, 1).astype(np.int64)
    if scale is Scale.GRADE:
        return np.clip(np.rint(4 + (x - 1) * 1.5), 4, 10).astype(np.int64)
    if scale is Scale.NPS:
        return np.clip(np.rint((x - 1) * 2.5 + 0.5), 0, 10).astype(np.int64)
    raise ValueError(scale)


def _own_questions(
    conn,
    rng: np.random.Generator,
    made: list[dict],
    round_: np.ndarray,
    opinion: np.ndarray,
    ids: np.ndarray,
    order: np.ndarray,
) -> None:
    """A share of the rounds ask three own questions (as `own_questions.keep` stores them), and
    their respondents' answers go into `question_answers`, in the order answers arrive; the
    kept counts are made by `aggregates.rebuild`, as for the main question."""
    texts = {lang: "Synthetic own question" for lang in ("fi", "sv", "en")}

    def choices(names):
        return json.dumps([{"name": n, "labels": {"fi": n, "sv": n, "en": n}} for n in names])

    asked = [
        ("safe", "scale", "faces5", "[]"),
        ("how_often", "single", None, choices(OWN_CHOICES)),
        ("liked", "multiple", None, choices(OWN_LIKED)),
    ]
    conn.executemany(
        """INSERT INTO bank_questions (id, name, kind, scale, texts, choices, created_on)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [
            (f"own.bench{p}", name, kind, scale, json.dumps(texts), listed, START.isoformat())
            for p, (name, kind, scale, listed) in enumerate(asked)
        ],
    )
    asking = {i for i in range(len(made)) if rng.random() < OWN_SHARE}
    conn.executemany(
        """INSERT INTO round_questions (round_id, position, bank_id, name, kind, scale, texts,
             choices, is_public) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (i + 1, p, f"own.bench{p}", name, kind, scale, json.dumps(texts), listed, int(p > 0))
            for i in sorted(asking)
            for p, (name, kind, scale, listed) in enumerate(asked)
        ],
    )
    rows = []
    safe = _scores(Scale.FACES5, opinion + rng.normal(0, 0.7, len(opinion)))
    draws = rng.random((len(opinion), 3 + len(OWN_LIKED)))
    often = rng.integers(0, len(OWN_CHOICES), len(opinion))
    for a in order.tolist():
        if int(round_[a]) not in asking:
            continue
        sid = f"{ids[a, 0]:016x}{ids[a, 1]:016x}"
        rid = int(round_[a]) + 1
        if draws[a, 0] < OWN_ANSWERED[0]:
            rows.append((sid, 0, str(safe[a]), rid))
        if draws[a, 1] < OWN_ANSWERED[1]:
            rows.append((sid, 1, OWN_CHOICES[often[a]], rid))
        if draws[a, 2] < OWN_ANSWERED[2]:
            liked = [c for c, d in zip(OWN_LIKED, draws[a, 3:], strict=True) if d < 0.4]
            rows += [(sid, 2, c, rid) for c in liked or OWN_LIKED[:1]]
    conn.executemany(
        """INSERT INTO question_answers (submission_id, position, value, round_id)
           VALUES (?, ?, ?, ?)""",
        rows,
    )


def _connect(path: Path) -> SQLiteConnection:
    storage.close_all()  # the app's kept connections would hold the file while the journal changes
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")  # 1 GB, for the generator only
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA foreign_keys = ON")
    return SQLiteConnection(conn)


def generate(path: Path, answers: int, *, seed: int = 1, rounds: int = 400) -> dict:
    """Create the database at `path` (replacing any file there) and return what was made."""
    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm", "-journal", ".json"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    schema.migrate(path)
    plans.import_directory(path, settings.PLANS_DIR)
    rng = np.random.default_rng(seed)
    db = _connect(path)
    conn = db.raw
    actions = [r[0] for r in conn.execute("SELECT id FROM actions ORDER BY id")]
    made = _rounds(rng, actions, rounds)
    conn.execute("BEGIN")
    conn.executemany(
        """INSERT INTO rounds (id, code, action_id, scale, audiences, languages, subjects,
             extra_questions, title, status, created_on, opens_on, closes_on)
           VALUES (?, ?, ?, ?, ?, '["fi", "sv", "en"]', ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                r["id"],
                r["code"],
                r["action_id"],
                r["scale"].value,
                json.dumps(r["audiences"]),
                json.dumps(demo.SUBJECTS, ensure_ascii=False),
                json.dumps(r["extras"]),
                TITLE,
                "open" if r["ongoing"] else "closed",
                r["first"].isoformat(),
                r["first"].isoformat(),
                None if r["ongoing"] else r["last"].isoformat(),
            )
            for r in made
        ],
    )
    t_rounds = time.perf_counter()

    # Who answered which round, when, as whom and through what — all drawn at once.
    weights = np.array([r["weight"] for r in made])
    round_ = rng.choice(len(made), size=answers, p=weights / weights.sum())
    first = np.array([_day_index(r["first"]) for r in made])
    span = np.array([_day_index(r["last"]) - _day_index(r["first"]) + 1 for r in made])
    day = first[round_] + (rng.random(answers) * span[round_]).astype(np.int64)
    weekday = (START.weekday() + day) % 7
    # Most weekend answers move to the nearest school day inside the round.
    move = (weekday >= 5) & (rng.random(answers) < 0.7)
    back = day - (weekday - 4)
    forward = day + (7 - weekday)
    day = np.where(move, np.where(back >= first[round_], back, forward), day)
    hour = rng.choice(24, size=answers, p=HOUR_WEIGHTS / HOUR_WEIGHTS.sum())
    n_aud = np.array([len(r["audiences"]) for r in made])
    n_chan = np.array([len(r["channels"]) for r in made])
    group = (rng.random(answers) * n_aud[round_]).astype(np.int64)
    channel = (rng.random(answers) * n_chan[round_]).astype(np.int64)
    flagged = (rng.random(answers) < FLAGGED_SHARE).astype(np.int64)
    opinion = np.array([r["centre"] for r in made])[round_] + rng.normal(0, 1, answers)
    # Up to five questions per respondent; -1 where the round does not ask it.
    n_questions = 1 + max((len(r["extras"]) for r in made), default=0)
    scores = np.full((answers, n_questions), -1, dtype=np.int64)
    for index, r in enumerate(made):
        mine = np.flatnonzero(round_ == index)
        if not len(mine):
            continue
        scores[mine, 0] = _scores(r["scale"], opinion[mine])
        for q, key in enumerate(r["extras"], start=1):
            extra = opinion[mine] + rng.normal(0, 0.7, len(mine))
            scores[mine, q] = _scores(questions.EXTRA_QUESTIONS[key], extra)
    ids = rng.integers(0, 2**63, size=(answers, 2), dtype=np.int64)
    # A random id per row, as `storage.random_id` draws them (migration 0017).
    row_ids = rng.integers(0, 2**63, size=(answers, n_questions), dtype=np.int64)
    # Stored in the order they arrive, as the app stores them.
    order = np.lexsort((hour, day))
    t_draw = time.perf_counter()

    days = [(START + timedelta(days=d)).isoformat() for d in range(DAYS)]
    groups = [r["audiences"] for r in made]
    channels = [r["channels"] for r in made]
    insert = """INSERT INTO answers (id, submission_id, round_id, question, score,
                  respondent_group, channel, answered_on, answered_hour, flagged, synthetic)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"""
    rows = 0
    for begin in range(0, answers, BATCH):
        chunk = order[begin : begin + BATCH]
        batch = []
        for s, d, h, g, c, f, a, b, rid, sc in zip(
            round_[chunk].tolist(),
            day[chunk].tolist(),
            hour[chunk].tolist(),
            group[chunk].tolist(),
            channel[chunk].tolist(),
            flagged[chunk].tolist(),
            ids[chunk, 0].tolist(),
            ids[chunk, 1].tolist(),
            row_ids[chunk].tolist(),
            scores[chunk].tolist(),
            strict=True,
        ):
            sid = f"{a:016x}{b:016x}"
            common = (groups[s][g], channels[s][c], days[d], h, f)
            batch.append((rid[0], sid, s + 1, 0, sc[0], *common))
            for q in range(1, n_questions):
                if sc[q] < 0:
                    break
                batch.append((rid[q], sid, s + 1, q, sc[q], *common))
        conn.executemany(insert, batch)
        rows += len(batch)
    t_insert = time.perf_counter()

    # Participants and visits per action and month, as staff would enter them.
    active: dict[str, set[str]] = {}
    for r in made:
        month = r["first"].replace(day=1)
        while month <= r["last"]:
            active.setdefault(r["action_id"], set()).add(month.strftime("%Y-%m"))
            month = (month + timedelta(days=32)).replace(day=1)
    participation = [
        (action, month, int(p), int(p * v))
        for action in sorted(active)
        for month, p, v in zip(
            sorted(active[action]),
            rng.integers(5, 400, len(active[action])),
            rng.uniform(1, 4, len(active[action])),
            strict=True,
        )
    ]
    conn.executemany(
        "INSERT INTO participation (action_id, month, participants, visits) VALUES (?, ?, ?, ?)",
        participation,
    )
    _own_questions(conn, rng, made, round_, opinion, ids, order)
    aggregates.rebuild(db)
    conn.execute("COMMIT")
    t_rebuild = time.perf_counter()

    counted = conn.execute("SELECT sum(n) FROM answer_counts WHERE question = 0").fetchone()[0]
    stored = conn.execute("SELECT count(*) FROM answers WHERE question = 0").fetchone()[0]
    counts_rows = conn.execute("SELECT count(*) FROM answer_counts").fetchone()[0]
    times_rows = conn.execute("SELECT count(*) FROM answer_times").fetchone()[0]
    conn.execute("PRAGMA journal_mode = WAL")  # as the app leaves it
    conn.close()
    info = {
        "version": VERSION,
        "answers": answers,
        "seed": seed,
        "rounds": len(made),
        "response_rows": rows,
        "answer_counts_rows": counts_rows,
        "answer_times_rows": times_rows,
        "counted_respondents": counted or 0,
        "stored_respondents": stored,
        "seconds": {
            "schema_plans_rounds": round(t_rounds - started, 2),
            "draw": round(t_draw - t_rounds, 2),
            "insert": round(t_insert - t_draw, 2),
            "rebuild": round(t_rebuild - t_insert, 2),
            "total": round(t_rebuild - started, 2),
        },
        "bytes": path.stat().st_size,
    }
    if info["counted_respondents"] == answers == stored:
        Path(f"{path}.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info


def verify(path: Path) -> bool:
    """Replay every stored answer through `feedback.rounds.aggregates.add` (what
    `feedback.rounds.answers.record` calls) into empty tables, and compare with the kept counts.
    One call per respondent: minutes for a million answers, so meant for small databases."""
    db = _connect(path)
    conn = db.raw
    scales = {}
    for round_id, scale, extras in conn.execute("SELECT id, scale, extra_questions FROM rounds"):
        keys = json.loads(extras)
        scales[round_id] = (scale, *(questions.EXTRA_QUESTIONS[k].value for k in keys))
    conn.execute("BEGIN")
    for table in KEPT:
        conn.execute(f"CREATE TEMP TABLE kept_{table} AS SELECT * FROM {table}")
        conn.execute(f"DELETE FROM {table}")
    rows = conn.execute(
        """SELECT submission_id, round_id, group_concat(score), respondent_group, channel,
                  answered_on, answered_hour, flagged
           FROM (SELECT * FROM answers ORDER BY submission_id, question)
           GROUP BY submission_id"""
    )
    for _sid, round_id, scores, group, channel, day, hour, flagged in rows:
        aggregates.add(
            db,
            round_id=round_id,
            scores=tuple(int(x) for x in scores.split(",")),
            scales=scales[round_id],
            day=date.fromisoformat(day),
            hour=hour,
            group=group,
            channel=channel,
            flagged=bool(flagged),
        )
    same = all(
        conn.execute(
            f"""SELECT count(*) FROM (SELECT * FROM {table} EXCEPT SELECT * FROM kept_{table}
                UNION ALL SELECT * FROM kept_{table} EXCEPT SELECT * FROM {table})"""
        ).fetchone()[0]
        == 0
        for table in KEPT
    )
    conn.execute("ROLLBACK")  # the file keeps the counts made by `rebuild`
    conn.close()
    return same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--answers", type=int, required=True, help="number of respondents")
    parser.add_argument("--db", type=Path, required=True, help="database file (replaced)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=400, help="feedback rounds to open")
    parser.add_argument(
        "--verify",
        action="store_true",
        help="also replay every answer through feedback.rounds.aggregates.add and compare the "
        "counts (slow: for small databases)",
    )
    args = parser.parse_args(argv)
    if args.answers < 0:
        parser.error("--answers cannot be negative")
    info = generate(args.db, args.answers, seed=args.seed, rounds=args.rounds)
    s = info["seconds"]
    print(
        f"{args.db}: {info['answers']:,} respondents, {info['response_rows']:,} answer rows, "
        f"{info['rounds']} rounds; answer_counts {info['answer_counts_rows']:,} rows, "
        f"answer_times {info['answer_times_rows']:,} rows; {info['bytes'] / 2**20:,.0f} MB"
    )
    print(
        f"seconds: total {s['total']} (schema+plans+rounds {s['schema_plans_rounds']}, "
        f"draw {s['draw']}, insert {s['insert']}, rebuild aggregates {s['rebuild']})"
    )
    ok = info["counted_respondents"] == info["answers"] == info["stored_respondents"]
    print(
        f"check: sum(answer_counts.n where question = 0) = {info['counted_respondents']:,}, "
        f"respondents stored = {info['stored_respondents']:,}, asked = {info['answers']:,}: "
        + ("OK" if ok else "MISMATCH")
    )
    if args.verify:
        started = time.perf_counter()
        same = verify(args.db)
        print(
            "verify: the counts kept answer by answer (aggregates.add) "
            + ("equal" if same else "DIFFER FROM")
            + f" those made by aggregates.rebuild ({time.perf_counter() - started:.1f} s)"
        )
        ok = ok and same
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
