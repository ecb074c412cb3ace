"""The plan's yearly follow-up: per action and year, how far its actor carried it out.

Staff of an actor record their own actions' status (checked here, in the write's own
transaction, as every staff write is); the dashboard rolls the statuses up per sub-goal and main
goal, the realisation report prints them, and children see a status that staff marked public.
One row per action and year: editing replaces it, earlier years stay as they were.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from feedback import i18n, plaintext, plans, storage
from feedback.staff import scope

STATUSES = ("not-started", "started", "carried-out", "continuous", "changed", "dropped")
#: A changed action says what it became; a dropped one says why.
NEEDS_DETAIL = ("changed", "dropped")
#: What the roll-up counts for an action without a status for the year.
MISSING = "missing"
MAX_NOTE = 500  # a short note, a paragraph; the report prints it whole
MAX_DETAIL = 300
MAX_LINK = 500
FIRST_YEAR, LAST_YEAR = 2000, 2100
# A text that a spreadsheet would run as a formula (OWASP CSV injection), also once imported
# and exported again: refused rather than kept.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


class InvalidFollowUp(ValueError):
    """A status that cannot be kept; `field` names the field it is about."""

    def __init__(self, message: str, *, field: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Entry:
    """What staff say of an action for a year, checked and as it is kept (`entry`)."""

    status: str
    detail: str = ""
    progress: int | None = None
    note: str = ""
    evidence: str = ""
    public: bool = False


@dataclass(frozen=True)
class FollowUp:
    """A kept status: the entry, the action and year, the note's language, who and when."""

    action_id: str
    year: int
    status: str
    detail: str
    progress: int | None
    note: str
    language: str
    evidence: str
    public: bool
    recorded_by: str
    recorded_on: str

    @property
    def entry(self) -> Entry:
        return Entry(
            status=self.status,
            detail=self.detail,
            progress=self.progress,
            note=self.note,
            evidence=self.evidence,
            public=self.public,
        )


@dataclass(frozen=True)
class ActionYear:
    """An action and its status for one year (None: not yet recorded)."""

    action: plans.Action
    follow_up: FollowUp | None


_COLUMNS = ", ".join(f.name for f in fields(FollowUp))
_UPDATED = ", ".join(
    f"{f.name} = excluded.{f.name}" for f in fields(FollowUp) if f.name not in ("action_id", "year")
)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would read `text` as a formula."""
    return text.startswith(FORMULA_START)


def safe_link(text: str) -> bool:
    """Whether `text` is an http or https address with a host (nothing else is linked)."""
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and text.isprintable()


def entry(
    *,
    status: str,
    detail: str = "",
    progress: int | float | str | None = None,
    note: str = "",
    evidence: str = "",
    public: bool = False,
) -> Entry:
    """The entry as it is kept, or `InvalidFollowUp` naming the first field that is wrong.
    Every way in (the form, the import) goes through here."""
    if status not in STATUSES:
        raise InvalidFollowUp(f"one of {', '.join(STATUSES)}", field="status")
    detail, note = plaintext.one_line(detail or ""), plaintext.clean_text(note or "")
    evidence = plaintext.one_line(evidence or "")
    for name, text, most in (("detail", detail, MAX_DETAIL), ("note", note, MAX_NOTE)):
        if len(text) > most:
            raise InvalidFollowUp(f"at most {most} characters, not {len(text)}", field=name)
        if looks_like_formula(text):
            raise InvalidFollowUp("starts like a formula (= + - @)", field=name)
    if status in NEEDS_DETAIL and not detail:
        raise InvalidFollowUp(f"a {status} action says what it became or why", field="detail")
    if evidence and (len(evidence) > MAX_LINK or not safe_link(evidence)):
        raise InvalidFollowUp("an http:// or https:// address", field="evidence")
    return Entry(
        status=status,
        detail=detail,
        progress=_progress(progress),
        note=note,
        evidence=evidence,
        public=bool(public),
    )


def _progress(value: int | float | str | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).strip().removesuffix("%"))
    except ValueError:
        raise InvalidFollowUp("a whole number 0–100", field="progress") from None
    if number != int(number) or not 0 <= number <= 100:
        raise InvalidFollowUp("a whole number 0–100", field="progress")
    return int(number)


def check_year(year: int) -> int:
    if not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidFollowUp(f"a year {FIRST_YEAR}–{LAST_YEAR}", field="year")
    return year


def record_all(
    db_path: str | Path,
    entries: Sequence[tuple[str, int, Entry]],
    *,
    language: str,
    by: str,
    today: date | None = None,
    actors: tuple[str, ...] | None = None,
) -> int:
    """Keep `(action_id, year, entry)` each, all or nothing; the number kept. A user of
    `actors` only for their own actors' actions (`scope.OutOfScope`, nothing kept)."""
    if language not in i18n.LANGUAGES:
        raise InvalidFollowUp("fi, sv or en", field="language")
    on = (today or date.today()).isoformat()
    with storage.writing(db_path) as db:
        for action_id, year, kept in entries:
            scope.check_action(db, action_id, actors)
            check_year(year)
            # One row per action and year: two saves at once leave the later one, not an error.
            db.execute(
                f"""INSERT INTO action_follow_ups ({_COLUMNS})
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (action_id, year) DO UPDATE SET {_UPDATED}""",
                [
                    action_id,
                    year,
                    kept.status,
                    kept.detail,
                    kept.progress,
                    kept.note,
                    language,
                    kept.evidence,
                    int(kept.public),
                    by,
                    on,
                ],
            )
    return len(entries)


def record(
    db_path: str | Path,
    *,
    action_id: str,
    year: int,
    kept: Entry,
    language: str,
    by: str,
    today: date | None = None,
    actors: tuple[str, ...] | None = None,
) -> None:
    """Keep one action's status for `year` (`record_all` of one)."""
    record_all(
        db_path, [(action_id, year, kept)], language=language, by=by, today=today, actors=actors
    )


def _follow_ups(db, where: str, params: Sequence[object]) -> list[FollowUp]:
    rows = db.query(f"SELECT {_COLUMNS} FROM action_follow_ups f WHERE {where}", params)
    return [FollowUp(**{**row, "public": bool(row["public"])}) for row in rows]


def of_year(db_path: str | Path, plan_id: str, *, year: int) -> dict[str, FollowUp]:
    """The plan's kept statuses for `year`, by action id."""
    with storage.reading(db_path) as db:
        found = _follow_ups(
            db,
            """f.year = ? AND f.action_id IN (SELECT a.id FROM actions a
                 JOIN sub_goals s ON s.id = a.sub_goal_id
                 JOIN main_goals m ON m.id = s.main_goal_id WHERE m.plan_id = ?)""",
            [year, plan_id],
        )
    return {f.action_id: f for f in found}


def year_list(
    db_path: str | Path, plan_id: str, *, year: int, actors: tuple[str, ...] | None = None
) -> list[ActionYear]:
    """The plan's actions (of `actors` only, if given) with their status for `year`: those
    still without one first, then in plan order."""
    kept = of_year(db_path, plan_id, year=year)
    listed = [
        ActionYear(action, kept.get(action.id))
        for action in plans.list_actions(db_path, plan_id=plan_id, actors=actors)
    ]
    return sorted(listed, key=lambda a: a.follow_up is not None)  # sorted() keeps plan order


def history(db_path: str | Path, action_id: str) -> list[FollowUp]:
    """Every year's status of the action, the latest year first."""
    with storage.reading(db_path) as db:
        found = _follow_ups(db, "f.action_id = ?", [action_id])
    return sorted(found, key=lambda f: -f.year)


def public_status(db_path: str | Path, action_id: str) -> FollowUp | None:
    """The latest status of the action that staff marked for children to see, or None."""
    with storage.reading(db_path) as db:
        found = _follow_ups(db, "f.action_id = ? AND f.public = 1", [action_id])
    return max(found, key=lambda f: f.year, default=None)


@dataclass(frozen=True)
class Rollup:
    """How many of a goal's actions are in each status for a year (MISSING: none recorded)."""

    goal_id: str
    level: str  # "main" or "sub"
    counts: dict[str, int]

    @property
    def actions(self) -> int:
        return sum(self.counts.values())


def rollup(
    db_path: str | Path, plan_id: str, *, year: int, actors: tuple[str, ...] | None = None
) -> list[Rollup]:
    """Per main goal and sub-goal, in plan order (each main goal before its sub-goals), the
    count of its actions (of `actors`, if given) in each status for `year`."""
    kept = of_year(db_path, plan_id, year=year)
    with storage.reading(db_path) as db:
        rows = list(
            db.query(
                """SELECT m.id AS main_id, s.id AS sub_id, a.id AS action_id,
                          a.actor_id AS actor_id
                   FROM main_goals m
                   LEFT JOIN sub_goals s ON s.main_goal_id = m.id
                   LEFT JOIN actions a ON a.sub_goal_id = s.id
                   WHERE m.plan_id = ?
                   ORDER BY m.position, s.position, a.position""",
                [plan_id],
            )
        )
    counts: dict[tuple[str, str], Counter] = {}
    for row in rows:
        for key in (("main", row["main_id"]), ("sub", row["sub_id"])):
            if key[1] is not None:
                counts.setdefault(key, Counter())
        if row["action_id"] is None or (actors is not None and row["actor_id"] not in actors):
            continue
        kept_status = kept.get(row["action_id"])
        status = kept_status.status if kept_status else MISSING
        counts[("main", row["main_id"])][status] += 1
        counts[("sub", row["sub_id"])][status] += 1
    return [Rollup(goal_id, level, dict(c)) for (level, goal_id), c in counts.items()]


def status_words(status: str, lang: str) -> str:
    """The status as staff and the report say it."""
    return i18n.t(f"followup.status.{status}", lang)


def counts_text(counts: dict[str, int], lang: str) -> str:
    """ "3 carried out · 1 started · 2 missing": the statuses present, in the order of STATUSES."""
    return " · ".join(
        f"{counts[s]} {status_words(s, lang).lower()}"
        for s in (*STATUSES, MISSING)
        if counts.get(s)
    )


def default_year(db_path: str | Path, plan_id: str, *, today: date | None = None) -> int:
    """The year followed up by default: this year, within the plan's period."""
    with storage.reading(db_path) as db:
        start, end = db.execute(
            "SELECT period_start, period_end FROM plans WHERE id = ?", [plan_id]
        ).fetchone()
    return min(max((today or date.today()).year, start), end)


def reported_year(db_path: str | Path, plan_id: str, *, today: date | None = None) -> int:
    """The year the dashboard shows: the latest with a status recorded, else `default_year`."""
    with storage.reading(db_path) as db:
        (latest,) = db.execute(
            """SELECT max(f.year) FROM action_follow_ups f JOIN actions a ON a.id = f.action_id
               JOIN sub_goals s ON s.id = a.sub_goal_id
               JOIN main_goals m ON m.id = s.main_goal_id WHERE m.plan_id = ?""",
            [plan_id],
        ).fetchone()
    return latest or default_year(db_path, plan_id, today=today)


def done_texts(
    db_path: str | Path,
    plan_id: str,
    *,
    year: int,
    lang: str,
    actors: tuple[str, ...] | None = None,
) -> dict[str, str]:
    """What was done in `year`, in words, by goal and action id: a goal's counts per status,
    an action's status (and progress). A goal with nothing recorded under it says nothing."""
    texts = {
        r.goal_id: counts_text(r.counts, lang)
        for r in rollup(db_path, plan_id, year=year, actors=actors)
        if set(r.counts) - {MISSING}
    }
    for action_id, kept in of_year(db_path, plan_id, year=year).items():
        progress = "" if kept.progress is None else f" ({kept.progress} %)"
        texts[action_id] = status_words(kept.status, lang) + progress
    return texts
