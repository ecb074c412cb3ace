"""The schema as named migrations: never edit one that has landed, add a new one.

Texts that exist in several languages are stored as JSON objects `{"fi": …, "sv": …}`.
Answers hold no personal data: no names, IPs, user agents or precise timestamps — only the
day and the hour of the day, which the figures need (monthly trend, weekday × hour).
"""

from __future__ import annotations

from pathlib import Path

from feedback.rounds import aggregates
from feedback.storage.base import Connection
from feedback.storage.connection import writing
from feedback.storage.migrations import Migrations, script

migrations = Migrations("feedback")


@migrations(name="0001_plans_rounds_answers")
def _plans_rounds_answers(db: Connection) -> None:
    script(
        db,
        """
        CREATE TABLE plans (
            id TEXT PRIMARY KEY,
            language TEXT NOT NULL,
            name TEXT NOT NULL,
            period_start INTEGER NOT NULL,
            period_end INTEGER NOT NULL,
            municipalities TEXT NOT NULL,
            source TEXT NOT NULL,
            content_hash TEXT NOT NULL
        );
        CREATE TABLE actors (
            id TEXT PRIMARY KEY,
            plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL
        );
        CREATE TABLE main_goals (
            id TEXT PRIMARY KEY,
            plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            number TEXT,
            title TEXT NOT NULL,
            description TEXT
        );
        CREATE TABLE sub_goals (
            id TEXT PRIMARY KEY,
            main_goal_id TEXT NOT NULL REFERENCES main_goals(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            number TEXT,
            title TEXT NOT NULL,
            ease TEXT,
            impact TEXT
        );
        CREATE TABLE actions (
            id TEXT PRIMARY KEY,
            sub_goal_id TEXT NOT NULL REFERENCES sub_goals(id),
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            actor_id TEXT NOT NULL REFERENCES actors(id),
            measure TEXT,
            schedule TEXT,
            follow_up TEXT,
            kind TEXT
        );
        CREATE TABLE indicators (
            id TEXT PRIMARY KEY,
            plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            number INTEGER,
            name TEXT NOT NULL,
            description TEXT,
            unit TEXT NOT NULL,
            direction TEXT NOT NULL,
            source TEXT NOT NULL
        );
        CREATE TABLE indicator_sub_goals (
            indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
            sub_goal_id TEXT NOT NULL REFERENCES sub_goals(id) ON DELETE CASCADE,
            PRIMARY KEY (indicator_id, sub_goal_id)
        );
        CREATE TABLE indicator_values (
            indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
            year INTEGER NOT NULL,
            respondent_group TEXT NOT NULL,
            area TEXT NOT NULL,
            value REAL NOT NULL,
            national REAL,
            colour TEXT,
            PRIMARY KEY (indicator_id, year, respondent_group, area)
        );
        CREATE TABLE surveys (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            action_id TEXT NOT NULL REFERENCES actions(id),
            scale TEXT NOT NULL,
            audiences TEXT NOT NULL,
            languages TEXT NOT NULL,
            extra_questions TEXT NOT NULL DEFAULT '[]',
            follow_up TEXT NOT NULL DEFAULT '[]',
            free_text INTEGER NOT NULL DEFAULT 0,
            title TEXT,
            status TEXT NOT NULL DEFAULT 'open',
            created_on TEXT NOT NULL
        );
        CREATE TABLE responses (
            id INTEGER PRIMARY KEY,
            submission_id TEXT NOT NULL,
            survey_id INTEGER NOT NULL REFERENCES surveys(id),
            question INTEGER NOT NULL DEFAULT 0,
            score INTEGER NOT NULL,
            respondent_group TEXT NOT NULL,
            channel TEXT NOT NULL,
            answered_on TEXT NOT NULL,
            answered_hour INTEGER NOT NULL CHECK (answered_hour BETWEEN 0 AND 23),
            flagged INTEGER NOT NULL DEFAULT 0,
            synthetic INTEGER NOT NULL DEFAULT 0,
            UNIQUE (submission_id, question)
        );
        CREATE TABLE response_choices (
            submission_id TEXT NOT NULL,
            survey_id INTEGER NOT NULL REFERENCES surveys(id),
            choice TEXT NOT NULL,
            PRIMARY KEY (submission_id, choice)
        );
        CREATE TABLE comments (
            id INTEGER PRIMARY KEY,
            submission_id TEXT NOT NULL UNIQUE,
            survey_id INTEGER NOT NULL REFERENCES surveys(id),
            text TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'new',
            answered_on TEXT NOT NULL
        );
        CREATE INDEX sub_goals_main_goal ON sub_goals(main_goal_id);
        CREATE INDEX actions_sub_goal ON actions(sub_goal_id);
        CREATE INDEX surveys_action ON surveys(action_id);
        CREATE INDEX responses_survey_score ON responses(survey_id, question, score);
        CREATE INDEX response_choices_survey ON response_choices(survey_id, choice);
        CREATE INDEX comments_survey ON comments(survey_id);
        """,
    )


@migrations(name="0002_users_sessions")
def _users_sessions(db: Connection) -> None:
    script(
        db,
        """
        CREATE TABLE users (
            username TEXT PRIMARY KEY,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'council')),
            actors TEXT NOT NULL DEFAULT '[]',
            must_change_password INTEGER NOT NULL DEFAULT 1,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_on TEXT NOT NULL
        );
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL REFERENCES users(username),
            expires_at TEXT NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX sessions_username ON sessions(username);
        CREATE TABLE login_attempts (
            username TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            last_failure TEXT NOT NULL
        )
        """,
    )


@migrations(name="0003_participation")
def _participation(db: Connection) -> None:
    script(
        db,
        """
        CREATE TABLE participation (
            action_id TEXT NOT NULL REFERENCES actions(id),
            month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
            participants INTEGER NOT NULL CHECK (participants >= 0),
            visits INTEGER NOT NULL CHECK (visits >= 0),
            PRIMARY KEY (action_id, month)
        )
        """,
    )


@migrations(name="0004_round_dates")
def _round_dates(db: Connection) -> None:
    # A round may open and close by itself on given days (both optional, inclusive).
    db.execute("ALTER TABLE surveys ADD COLUMN opens_on TEXT")
    db.execute("ALTER TABLE surveys ADD COLUMN closes_on TEXT")


@migrations(name="0005_answer_counts")
def _answer_counts(db: Connection) -> None:
    # Counts kept as answers are written (same transaction), so that the figures cost the same
    # at a hundred answers or five million (issue: speed at national scale).
    script(
        db,
        """
        CREATE TABLE answer_counts (
            survey_id INTEGER NOT NULL REFERENCES surveys(id),
            question INTEGER NOT NULL,
            month TEXT NOT NULL,
            respondent_group TEXT NOT NULL,
            channel TEXT NOT NULL,
            flagged INTEGER NOT NULL,
            score INTEGER NOT NULL,
            scale TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (survey_id, question, month, respondent_group, channel, flagged, score)
        ) WITHOUT ROWID;
        CREATE TABLE answer_times (
            survey_id INTEGER NOT NULL REFERENCES surveys(id),
            month TEXT NOT NULL,
            weekday INTEGER NOT NULL,
            hour INTEGER NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (survey_id, month, weekday, hour)
        ) WITHOUT ROWID
        """,
    )
    # The answers already stored are counted by 0016: counting is written for today's names.


@migrations(name="0006_changes")
def _changes(db: Connection) -> None:
    # "You said, we did": what was changed (or why not) because of feedback, per action and
    # optionally per round, in words children understand.
    script(
        db,
        """
        CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            action_id TEXT NOT NULL REFERENCES actions(id),
            survey_id INTEGER REFERENCES surveys(id),
            you_said TEXT NOT NULL,
            we_did TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('done', 'planned', 'not-possible')),
            language TEXT NOT NULL,
            created_on TEXT NOT NULL
        );
        CREATE INDEX changes_action ON changes(action_id)
        """,
    )


@migrations(name="0007_council")
def _council(db: Connection) -> None:
    # Youth council proposals get an answer and a status. Who has already evaluated a year is
    # kept apart from the answers, so that no answer can be linked to a member.
    script(
        db,
        """
        CREATE TABLE proposals (
            id INTEGER PRIMARY KEY,
            action_id TEXT NOT NULL REFERENCES actions(id),
            year INTEGER NOT NULL,
            text TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'received'
                CHECK (status IN ('received', 'in-progress', 'done', 'declined')),
            answer TEXT,
            created_on TEXT NOT NULL
        );
        CREATE INDEX proposals_action ON proposals(action_id);
        CREATE TABLE council_evaluations (
            username TEXT NOT NULL REFERENCES users(username),
            plan_id TEXT NOT NULL REFERENCES plans(id),
            year INTEGER NOT NULL,
            PRIMARY KEY (username, plan_id, year)
        );
        CREATE TABLE council_self (
            plan_id TEXT NOT NULL REFERENCES plans(id),
            year INTEGER NOT NULL,
            question TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            n INTEGER NOT NULL,
            PRIMARY KEY (plan_id, year, question, score)
        )
        """,
    )


@migrations(name="0008_answer_times_total")
def _answer_times_total(db: Connection) -> None:
    # The weekday × hour counts without the month: the dashboard's unfiltered heat map reads at
    # most 168 rows per round from it, however many months the plan runs (0.4 s → 15 ms at 5M
    # answers, benchmarks/README.md).
    script(
        db,
        """
        CREATE TABLE answer_times_total (
            survey_id INTEGER NOT NULL REFERENCES surveys(id),
            weekday INTEGER NOT NULL,
            hour INTEGER NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (survey_id, weekday, hour)
        ) WITHOUT ROWID
        """,
    )
    # Filled from the answers by 0016, as the counts of 0005 are.


@migrations(name="0009_answer_totals_and_months")
def _answer_totals_and_months(db: Connection) -> None:
    # The answer counts without month, channel (totals) and without group, channel (months):
    # the dashboard as it opens reads 15× fewer rows at national scale (benchmarks/README.md).
    script(
        db,
        """
        CREATE TABLE answer_totals (
            survey_id INTEGER NOT NULL REFERENCES surveys(id),
            question INTEGER NOT NULL,
            respondent_group TEXT NOT NULL,
            flagged INTEGER NOT NULL,
            score INTEGER NOT NULL,
            scale TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (survey_id, question, respondent_group, flagged, score)
        ) WITHOUT ROWID;
        CREATE TABLE answer_months (
            survey_id INTEGER NOT NULL REFERENCES surveys(id),
            question INTEGER NOT NULL,
            month TEXT NOT NULL,
            flagged INTEGER NOT NULL,
            score INTEGER NOT NULL,
            scale TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (survey_id, question, month, flagged, score)
        ) WITHOUT ROWID
        """,
    )
    # Filled from the answers by 0016, as the counts of 0005 are.


@migrations(name="0010_positions")
def _positions(db: Connection) -> None:
    # Actors, an indicator's sub-goals and its values keep the order of the plan file by a
    # number of their own, not by SQLite's rowid, which PostgreSQL has no counterpart of.
    for table, parent in (
        ("actors", "plan_id"),
        ("indicator_sub_goals", "indicator_id"),
        ("indicator_values", "indicator_id"),
    ):
        db.execute(f"ALTER TABLE {table} ADD COLUMN position INTEGER NOT NULL DEFAULT 0")
        if db.dialect == "sqlite":  # a PostgreSQL store is new with this migration set
            db.execute(
                f"""UPDATE {table} SET position = (
                        SELECT count(*) FROM {table} b
                        WHERE b.{parent} = {table}.{parent} AND b.rowid < {table}.rowid)"""
            )


@migrations(name="0011_last_plan")
def _last_plan(db: Connection) -> None:
    # The plan a staff member chose last, where their staff pages open next time.
    db.execute("ALTER TABLE users ADD COLUMN last_plan TEXT")


@migrations(name="0012_retention_runs")
def _retention_runs(db: Connection) -> None:
    # What each run of `feedback retention` removed, by day, for /comments to show that the
    # deletion really happens.
    script(
        db,
        """
        CREATE TABLE retention_runs (
            id INTEGER PRIMARY KEY,
            ran_on TEXT NOT NULL,
            kept_months INTEGER NOT NULL,
            comments INTEGER NOT NULL,
            sessions INTEGER NOT NULL,
            sign_in_attempts INTEGER NOT NULL
        )
        """,
    )


@migrations(name="0013_single_sign_on")
def _single_sign_on(db: Connection) -> None:
    # Users the municipality's identity provider vouches for (feedback.staff.sso): no password of
    # their own; their role and actors come from the admin's rules at every sign-in.
    script(
        db,
        """
        ALTER TABLE users ADD COLUMN single_sign_on INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE sso_rules (
            claim_value TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'council')),
            actors TEXT NOT NULL DEFAULT '[]',
            created_on TEXT NOT NULL
        )
        """,
    )


@migrations(name="0014_partial_plans_and_sotkanet")
def _partial_plans_and_sotkanet(db: Connection) -> None:
    # A plan whose source gives only its main goals or focus areas and actors, and where a
    # plan's indicators are in THL's Sotkanet (JSON: FORMAT.md's `sotkanet:` mappings).
    db.execute("ALTER TABLE plans ADD COLUMN partial INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE plans ADD COLUMN sotkanet TEXT")
    db.execute("ALTER TABLE indicators ADD COLUMN sotkanet TEXT")


@migrations(name="0015_round_subjects_and_recordings")
def _round_subjects_and_recordings(db: Connection) -> None:
    # What a child rates, in a few words per language ({"fi": "Nuorisotalon kerho"}); rounds
    # opened before have none and show the question as their heading. A recording of the
    # question per language for children who do not read yet, kept as base64 text so that
    # both stores and the copy between them handle it like any other text.
    db.execute("ALTER TABLE surveys ADD COLUMN subjects TEXT NOT NULL DEFAULT '{}'")
    script(
        db,
        """
        CREATE TABLE round_recordings (
            survey_id INTEGER NOT NULL REFERENCES surveys(id),
            language TEXT NOT NULL,
            media_type TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (survey_id, language)
        )
        """,
    )


#: Every table that named a round's id `survey_id` (issue 17: one word per concept).
_ROUND_ID_TABLES = (
    "answers",
    "answer_choices",
    "comments",
    "changes",
    "answer_counts",
    "answer_times",
    "answer_times_total",
    "answer_totals",
    "answer_months",
    "round_recordings",
)


@migrations(name="0016_rounds_and_answers")
def _rounds_and_answers(db: Connection) -> None:
    # One word per concept: a feedback round is a round and what a respondent gives an answer,
    # in the tables as in the code, the command line and the pages. Both stores rename a
    # table or a column in place, keeping its rows, keys and the references to it; an index
    # is made again under its new name.
    for old, new in (
        ("surveys", "rounds"),
        ("responses", "answers"),
        ("response_choices", "answer_choices"),
    ):
        db.execute(f"ALTER TABLE {old} RENAME TO {new}")
    for table in _ROUND_ID_TABLES:
        db.execute(f"ALTER TABLE {table} RENAME COLUMN survey_id TO round_id")
    script(
        db,
        """
        DROP INDEX surveys_action;
        DROP INDEX responses_survey_score;
        DROP INDEX response_choices_survey;
        DROP INDEX comments_survey;
        CREATE INDEX rounds_action ON rounds(action_id);
        CREATE INDEX answers_round_score ON answers(round_id, question, score);
        CREATE INDEX answer_choices_round ON answer_choices(round_id, choice);
        CREATE INDEX comments_round ON comments(round_id)
        """,
    )
    # Answers stored before 0005, 0008 or 0009 made their count tables are counted here, not
    # there, since counting is written for these names. A store whose counts are all there
    # (any store made since) is not counted again: at national scale that takes minutes.
    if _counts_missing(db):
        aggregates.rebuild(db)


#: Tables whose rows are written per answer and keyed by a number of their own.
_ANSWER_ID_TABLES = ("answers", "comments", "proposals")

#: SQL for a random 63-bit id in each store (what `storage.random_id` draws in Python).
#: PostgreSQL's random() has 52 bits, so the id is made of a 31-bit and a 32-bit draw.
_RANDOM_ID_SQL = {
    "sqlite": "(random() & 9223372036854775807)",
    "postgresql": "(CAST(floor(random() * 2147483648) AS BIGINT) * 4294967296"
    " + CAST(floor(random() * 4294967296) AS BIGINT))",
}


@migrations(name="0017_unordered_ids")
def _unordered_ids(db: Connection) -> None:
    # Issue #24: the ids of answers, comments and council proposals were numbered as they came
    # in, so whoever reads the store (or /comments, listed by id) could line them up with the
    # moments they were given, and a youth council's proposals with the order its members
    # evaluated. Every such id is now random, drawn at insert (`storage.random_id`), and the
    # rows already stored are given random ids here. A SQLite table is also read, and laid out
    # on disk, in the order of its key: a rowid numbered as rows came keeps that order even
    # without an id column, so the tables written per answer that have no id of their own are
    # made WITHOUT ROWID, ordered by their own key (a random submission id, a member's name, a
    # score). PostgreSQL keeps new rows in the order written whatever the key; only SQL that
    # asks for their physical place (ctid) sees it, and no listing of the app does.
    if db.dialect == "postgresql":
        for table in _ANSWER_ID_TABLES:
            # No more identity numbering: an insert without an id fails instead of counting.
            db.execute(f"ALTER TABLE {table} ALTER COLUMN id DROP IDENTITY IF EXISTS")
            db.execute(f"ALTER TABLE {table} ALTER COLUMN id TYPE BIGINT")
            db.execute(f"UPDATE {table} SET id = {_RANDOM_ID_SQL['postgresql']}")
            # Written again in the order of the new ids, without the old rows' versions that
            # the update left behind (they held the numbered ids until a vacuum).
            [index] = db.execute(
                """SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                   WHERE i.indrelid = CAST(? AS regclass) AND i.indisprimary""",
                [table],
            ).fetchone()
            db.execute(f"CLUSTER {table} USING {index}")
        return
    for table in _ANSWER_ID_TABLES:
        _rebuild_with_random_ids(db, table)
    for table, columns, key, indexes in _WITHOUT_ROWID:
        _rebuild_without_rowid(db, table, columns, key, indexes)


def _rebuild_with_random_ids(db: Connection, table: str) -> None:
    """Make a SQLite table again as it is, its rows given random ids and written in the order
    of those ids: an append, where updating the ids in place moved every row and index entry
    one by one (1.5M answer rows: 42 s, against 85 s in place, on two shared cores)."""
    [create] = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone()
    indexes = [
        sql
        for (sql,) in db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL",
            [table],
        )
    ]
    others = ", ".join(c for c in db.columns(table) if c != "id")
    db.execute(f"ALTER TABLE {table} RENAME TO {table}_0017")
    db.execute(create)  # the same columns, constraints and references (no table refers to it)
    db.execute(
        f"""INSERT INTO {table} (id, {others})
            SELECT new_id, {others} FROM (
                SELECT {_RANDOM_ID_SQL["sqlite"]} AS new_id, {others} FROM {table}_0017)
            ORDER BY new_id"""
    )
    db.execute(f"DROP TABLE {table}_0017")  # its indexes with it, made again below
    for sql in indexes:
        db.execute(sql)


#: SQLite tables written per answer without an id: columns, key and indexes as they are made
#: again WITHOUT ROWID by 0017.
_WITHOUT_ROWID = (
    (
        "answer_choices",
        """submission_id TEXT NOT NULL,
           round_id INTEGER NOT NULL REFERENCES rounds(id),
           choice TEXT NOT NULL""",
        "submission_id, choice",
        ["CREATE INDEX answer_choices_round ON answer_choices(round_id, choice)"],
    ),
    (
        "council_evaluations",
        """username TEXT NOT NULL REFERENCES users(username),
           plan_id TEXT NOT NULL REFERENCES plans(id),
           year INTEGER NOT NULL""",
        "username, plan_id, year",
        [],
    ),
    (
        "council_self",
        """plan_id TEXT NOT NULL REFERENCES plans(id),
           year INTEGER NOT NULL,
           question TEXT NOT NULL,
           score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
           n INTEGER NOT NULL""",
        "plan_id, year, question, score",
        [],
    ),
)


def _rebuild_without_rowid(
    db: Connection, table: str, columns: str, key: str, indexes: list[str]
) -> None:
    """Make a SQLite table again as WITHOUT ROWID, keeping its rows (no table refers to it)."""
    names = [line.split()[0] for line in columns.split(",\n")]
    if sorted(names) != sorted(db.columns(table)):
        raise RuntimeError(f"0017 does not know every column of {table}: {db.columns(table)}")
    script(
        db,
        f"""
        CREATE TABLE {table}_0017 ({columns}, PRIMARY KEY ({key})) WITHOUT ROWID;
        INSERT INTO {table}_0017 ({", ".join(names)}) SELECT {", ".join(names)} FROM {table};
        DROP TABLE {table};
        ALTER TABLE {table}_0017 RENAME TO {table};
        {";".join(indexes)}
        """,
    )


@migrations(name="0018_one_time_codes")
def _one_time_codes(db: Connection) -> None:
    # A round answered with printed one-time codes (issue #24): each code lets one answer in.
    # A code's row says only whether it has been used; nothing ties it to the answer it let in
    # (no code or code id is stored with an answer, and a code keeps no time of use).
    db.execute("ALTER TABLE rounds ADD COLUMN uses_codes INTEGER NOT NULL DEFAULT 0")
    script(
        db,
        """
        CREATE TABLE answer_codes (
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            code TEXT NOT NULL,
            used INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (round_id, code)
        )
        """,
    )


@migrations(name="0019_kiosks")
def _kiosks(db: Connection) -> None:
    # A kiosk is a tablet that staff enrolled for one round: its token (a signed cookie) names
    # this row, so revoking the row ends kiosk mode on the tablet. `enrolment` is the hash of
    # the single-use enrolment link's secret, NULL once used. Only the day of enrolment is
    # kept, and the count of its answers flagged as too fast: no answer names its kiosk.
    script(
        db,
        """
        CREATE TABLE kiosks (
            id TEXT PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            label TEXT NOT NULL,
            enrolled_by TEXT NOT NULL,
            enrolled_on TEXT NOT NULL,
            enrolment TEXT,
            revoked INTEGER NOT NULL DEFAULT 0,
            flagged INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX kiosks_round ON kiosks(round_id)
        """,
    )


def _counts_missing(db: Connection) -> bool:
    """Whether answers are stored that a kept-count table has nothing of."""

    def has_rows(table: str) -> bool:
        return db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None

    if not has_rows("answers"):
        return False
    counted = all(has_rows(table) for table in ("answer_counts", "answer_totals", "answer_months"))
    return not counted or (has_rows("answer_times") and not has_rows("answer_times_total"))


@migrations(name="0020_published_figures_and_export_audit")
def _published_figures_and_export_audit(db: Connection) -> None:
    # What children see of a round changes only in steps (feedback.figures.published): the
    # figures as published on a day, one row per round and day. And who downloaded the
    # answer-level export on which day (feedback.figures.exports), for the admin to account.
    script(
        db,
        """
        CREATE TABLE published_figures (
            round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            made_on TEXT NOT NULL,
            answered_before TEXT NOT NULL,
            n INTEGER NOT NULL,
            score_1 INTEGER NOT NULL,
            score_2 INTEGER NOT NULL,
            score_3 INTEGER NOT NULL,
            score_4 INTEGER NOT NULL,
            score_5 INTEGER NOT NULL,
            PRIMARY KEY (round_id, made_on)
        );
        CREATE TABLE export_downloads (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL,
            plan_id TEXT NOT NULL,
            what TEXT NOT NULL,
            downloaded_on TEXT NOT NULL
        )
        """,
    )


@migrations(name="0021_own_questions")
def _own_questions(db: Connection) -> None:
    # Issue #27: a round asks questions of its own besides the main one (rounds.own_questions).
    # The bank keeps a municipality's own questions (THL's ready-made ones are in the code), so
    # that one asked in several rounds is counted as one; a round keeps its own copy of what it
    # asked. An answer to them is written once per submission id, keyed by it (WITHOUT ROWID:
    # no number says the order answers came in), and counted per question and value.
    script(
        db,
        """
        CREATE TABLE bank_questions (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            scale TEXT,
            texts TEXT NOT NULL,
            plain TEXT NOT NULL DEFAULT '{}',
            choices TEXT NOT NULL DEFAULT '[]',
            created_on TEXT NOT NULL
        );
        CREATE TABLE round_questions (
            round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            bank_id TEXT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            scale TEXT,
            texts TEXT NOT NULL,
            plain TEXT NOT NULL DEFAULT '{}',
            choices TEXT NOT NULL DEFAULT '[]',
            required INTEGER NOT NULL DEFAULT 0,
            asked_groups TEXT NOT NULL DEFAULT '[]',
            is_public INTEGER NOT NULL DEFAULT 0,
            screen INTEGER,
            PRIMARY KEY (round_id, position)
        );
        CREATE INDEX round_questions_bank ON round_questions(bank_id);
        CREATE TABLE question_answers (
            submission_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            value TEXT NOT NULL,
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            PRIMARY KEY (submission_id, position, value)
        ) WITHOUT ROWID;
        CREATE INDEX question_answers_round ON question_answers(round_id, position);
        CREATE TABLE question_texts (
            submission_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            text TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'new',
            answered_on TEXT NOT NULL,
            PRIMARY KEY (submission_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX question_texts_round ON question_texts(round_id);
        CREATE TABLE question_counts (
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            position INTEGER NOT NULL,
            month TEXT NOT NULL,
            respondent_group TEXT NOT NULL,
            flagged INTEGER NOT NULL,
            value TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (round_id, position, month, respondent_group, flagged, value)
        ) WITHOUT ROWID
        """,
    )
    # Short text answers follow the comments' retention, and each run says how many went.
    db.execute("ALTER TABLE retention_runs ADD COLUMN text_answers INTEGER NOT NULL DEFAULT 0")


@migrations(name="0023_safeguarding")
def _safeguarding(db: Connection) -> None:
    # Issue #29: each actor names the professionals told when a child's comment signals harm;
    # an alert is written in the transaction that stores the comment (an outbox), and a sender
    # claims it (`claimed_by` until `claimed_until`) and marks it sent. An alert keeps the day
    # only, as the comment does: `next_try` and `claimed_until` are the sender's own times, and
    # are cleared once it is sent. Its handling (what was done, by whom, when) is staff's.
    # Random ids (storage.random_id), as for the comments they are written with.
    db.execute("ALTER TABLE rounds ADD COLUMN alert_every_comment INTEGER NOT NULL DEFAULT 0")
    script(
        db,
        """
        CREATE TABLE safeguarding_contacts (
            actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
            email TEXT NOT NULL,
            added_by TEXT NOT NULL,
            added_on TEXT NOT NULL,
            PRIMARY KEY (actor_id, email)
        );
        CREATE TABLE safeguarding_alerts (
            id INTEGER PRIMARY KEY,
            comment_id INTEGER REFERENCES comments(id) ON DELETE SET NULL,
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            categories TEXT NOT NULL,
            respondent_group TEXT NOT NULL,
            made_on TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_try TEXT,
            claimed_by TEXT,
            claimed_until TEXT,
            sent_on TEXT,
            handling TEXT,
            handled_by TEXT,
            handled_at TEXT
        );
        CREATE INDEX safeguarding_alerts_round ON safeguarding_alerts(round_id)
        """,
    )
    if db.dialect == "postgresql":  # random ids take 63 bits; INTEGER is 32 there (0017)
        db.execute(
            "ALTER TABLE safeguarding_alerts ALTER COLUMN id TYPE BIGINT, "
            "ALTER COLUMN comment_id TYPE BIGINT"
        )


@migrations(name="0024_action_follow_up")
def _action_follow_up(db: Connection) -> None:
    # The plan's yearly follow-up (issue #30): per action and year how far it was carried out,
    # as its actor's staff recorded it. One row per action and year, replaced when edited;
    # earlier years stay. `detail` is what a changed action became or why it was dropped.
    # Staff data, not answers: who recorded it and on which day are kept on purpose.
    script(
        db,
        """
        CREATE TABLE action_follow_ups (
            action_id TEXT NOT NULL REFERENCES actions(id),
            year INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN
                ('not-started', 'started', 'carried-out', 'continuous', 'changed', 'dropped')),
            detail TEXT NOT NULL DEFAULT '',
            progress INTEGER CHECK (progress BETWEEN 0 AND 100),
            note TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL,
            evidence TEXT NOT NULL DEFAULT '',
            public INTEGER NOT NULL DEFAULT 0,
            recorded_by TEXT NOT NULL,
            recorded_on TEXT NOT NULL,
            PRIMARY KEY (action_id, year)
        )
        """,
    )


@migrations(name="0025_child_population")
def _child_population(db: Connection) -> None:
    # Issue #28, whose voice is missing: the number of children per municipality (a plan's
    # Sotkanet area), age band and year, imported from Sotkanet beside the indicator values, and
    # the municipality whose children an actor's rounds reach; answers per 1,000 children are
    # figures of these (feedback.figures.reach).
    db.execute("ALTER TABLE actors ADD COLUMN municipality TEXT")
    # The decimals an indicator's values are shown with, from Sotkanet's metadata (NULL: one).
    db.execute("ALTER TABLE indicators ADD COLUMN decimals INTEGER")
    script(
        db,
        """
        CREATE TABLE child_population (
            plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            area TEXT NOT NULL,
            band TEXT NOT NULL,
            year INTEGER NOT NULL,
            children INTEGER NOT NULL CHECK (children >= 0),
            PRIMARY KEY (plan_id, area, band, year)
        )
        """,
    )


@migrations(name="0026_escalation_and_staff_mail")
def _escalation_and_staff_mail(db: Connection) -> None:
    # Issue #29, second part. A contact may be one told only when an alert is not handled in
    # time (`escalation`); an alert sent keeps, until it is handled or escalated, when it is
    # escalated (`escalate_after`: the sender's time, cleared then, like `next_try`) and the
    # day it was (`escalated_on`). Users may have an address (admins get escalations). A round
    # may send its owner a daily digest of new comments and an alert when its positive share
    # drops (`digest_to`, `drop_alert_to`: off while NULL); `staff_mails` holds which of those
    # went on which day, so each goes once. `round_settings` records who changed a round's
    # alerting while it was open, and when.
    db.execute("ALTER TABLE safeguarding_contacts ADD COLUMN escalation INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE safeguarding_alerts ADD COLUMN escalate_after TEXT")
    db.execute("ALTER TABLE safeguarding_alerts ADD COLUMN escalated_on TEXT")
    db.execute("ALTER TABLE users ADD COLUMN email TEXT")
    db.execute("ALTER TABLE rounds ADD COLUMN digest_to TEXT")
    db.execute("ALTER TABLE rounds ADD COLUMN drop_alert_to TEXT")
    script(
        db,
        """
        CREATE TABLE staff_mails (
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            kind TEXT NOT NULL,
            made_on TEXT NOT NULL,
            PRIMARY KEY (round_id, kind, made_on)
        );
        CREATE TABLE round_settings (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            setting TEXT NOT NULL,
            value TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL
        );
        CREATE INDEX round_settings_round ON round_settings(round_id)
        """,
    )


@migrations(name="0027_text_answers_reviewed")
def _text_answers_reviewed(db: Connection) -> None:
    # Issue #27: a short text answer to an own question is reviewed on /comments and checked
    # for safeguarding signals as a comment is. It gets a random id of its own (as a comment
    # has, for staff to mark it and an alert to name it), and an alert names either a comment
    # or a text answer (`text_id`, emptied when retention deletes the text).
    kind = "BIGINT" if db.dialect == "postgresql" else "INTEGER"
    db.execute(f"ALTER TABLE question_texts ADD COLUMN id {kind}")
    db.execute(f"UPDATE question_texts SET id = {_RANDOM_ID_SQL[db.dialect]}")
    db.execute("CREATE UNIQUE INDEX question_texts_id ON question_texts(id)")
    db.execute(
        f"ALTER TABLE safeguarding_alerts ADD COLUMN text_id {kind} "
        "REFERENCES question_texts(id) ON DELETE SET NULL"
    )
    # The dashboard's own-question figures honour its channel filter too, so their kept counts
    # are per channel as well (the main question's atoms: round, group, channel, month). Counts
    # are what the stored answers make: the table is made again and counted from them.
    db.execute("DROP TABLE question_counts")
    script(
        db,
        """
        CREATE TABLE question_counts (
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            position INTEGER NOT NULL,
            month TEXT NOT NULL,
            respondent_group TEXT NOT NULL,
            channel TEXT NOT NULL,
            flagged INTEGER NOT NULL,
            value TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (round_id, position, month, respondent_group, channel, flagged, value)
        ) WITHOUT ROWID
        """,
    )
    aggregates.rebuild_question_counts(db)
    # The choice questions staff mark public are on the children's results page, published
    # with the round's daily step (feedback.figures.published): per question, value ('*': its
    # respondents) and the day of the step that published them.
    script(
        db,
        """
        CREATE TABLE published_choices (
            round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            made_on TEXT NOT NULL,
            value TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (round_id, position, made_on, value)
        )
        """,
    )


def migrate(location: str | Path) -> list[str]:
    """Create the database at `location` or bring it up to date; safe to run at any time.
    Returns the names of the migrations applied now.

    The migrations run in one write transaction under a lock, so two processes starting at
    once cannot both apply the same migration.
    """
    with writing(location) as db:
        return migrations.apply(db)
