"""Figures per main goal, sub-goal and action, from the kept answer counts, small groups hidden.

The package also holds the dashboard's other figures (`measures`), `participation`, the charts
(`charts`), the `exports` and the council's `report`.

A figure computed from fewer than k answers is never shown (docs/design.md §5), and a hidden figure
must not be recoverable by subtracting the shown ones from a total: see `suppress`. Answers
flagged as possible misuse are left out of every figure (they are counted apart).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from feedback import i18n, storage
from feedback.rounds import aggregates
from feedback.rounds.scales import POSITIVE_MIN, Scale

#: Scales whose scores share the 1–5 range and so one mean.
ON_FIVE_SCALES = tuple(s.value for s in Scale if s.on_five)
WEEKDAYS = 7


@dataclass(frozen=True)
class Filters:
    """What the figures are about: months (inclusive, YYYY-MM), actors, groups, channels.

    None means "all"; `actors` is also how a staff member's scope is applied.
    """

    months: tuple[str, str] | None = None
    actors: tuple[str, ...] | None = None
    groups: tuple[str, ...] | None = None
    channels: tuple[str, ...] | None = None

    def rounds(self, plan_id: str) -> tuple[str, list]:
        """A subquery of the ids of the plan's rounds within the chosen actors, and its
        parameters."""
        actors, params = storage.among("a.actor_id", self.actors)
        return (
            f"""SELECT v.id FROM rounds v JOIN actions a ON a.id = v.action_id
                JOIN sub_goals s ON s.id = a.sub_goal_id
                JOIN main_goals m ON m.id = s.main_goal_id
                WHERE m.plan_id = ? AND {actors}""",
            [plan_id, *params],
        )

    def table(self, *columns: str) -> str:
        """The smallest kept-count table with `columns` and what these filters choose by."""
        needed = set(columns)
        for column, chosen in (
            ("month", self.months),
            ("respondent_group", self.groups),
            ("channel", self.channels),
        ):
            if chosen is not None:
                needed.add(column)
        return next(table for table, kept in aggregates.COUNT_TABLES if needed <= set(kept))

    def sql(self, plan_id: str, counts: str = "c") -> tuple[str, list]:
        """SQL conditions (to AND into a WHERE) on a kept-count table aliased `counts`, and
        their parameters.

        The plan's rounds come first: SQLite then reads only their kept rows, through the
        primary key that starts with `round_id`, instead of joining every kept row of every
        plan up to its plan (4× faster at 5M answers, see benchmarks/README.md)."""
        rounds, params = self.rounds(plan_id)
        parts = [f"{counts}.round_id IN ({rounds})"]
        if self.months:
            parts.append(f"{counts}.month BETWEEN ? AND ?")
            params += list(self.months)
        for column, chosen in (
            (f"{counts}.respondent_group", self.groups),
            (f"{counts}.channel", self.channels),
        ):
            condition, values = storage.among(column, chosen)
            parts.append(condition)
            params += values
        return " AND ".join(parts), params


@dataclass(frozen=True)
class Cell:
    """The answers behind one row of a figure: count, sum of scores, positive answers, and the
    number of answers per score 1–5."""

    key: str
    parent: str | None
    n: int
    total: int
    positive: int
    hidden: bool = False
    distribution: tuple[int, ...] = field(default=(0, 0, 0, 0, 0))

    @property
    def mean(self) -> float | None:
        return None if self.hidden or not self.n else self.total / self.n

    @property
    def positive_share(self) -> float | None:
        return None if self.hidden or not self.n else self.positive / self.n

    def plus(self, other: Cell) -> Cell:
        return replace(
            self,
            n=self.n + other.n,
            total=self.total + other.total,
            positive=self.positive + other.positive,
            distribution=tuple(
                a + b for a, b in zip(self.distribution, other.distribution, strict=True)
            ),
        )


def suppress(cells: list[Cell], k: int) -> list[Cell]:
    """Hide every cell with 0 < n < k, then enough others that no hidden count can be derived.

    Children are compared with their parent's total: if a parent is shown and exactly one of
    its children is hidden, that child is `parent − shown siblings`, so the smallest shown
    sibling with answers is hidden too; if there is none, the parent is hidden. A hidden child
    then counts as hidden when the parents are compared with their own parent, in turn.
    """
    by_key = {c.key: replace(c, hidden=0 < c.n < k) for c in cells}
    changed = True
    while changed:
        changed = False
        parents = {c.parent for c in by_key.values() if c.parent is not None}
        for parent_key in parents:
            parent = by_key.get(parent_key)
            children = [c for c in by_key.values() if c.parent == parent_key]
            hidden = [c for c in children if c.hidden]
            if parent is None or parent.hidden or len(hidden) != 1:
                continue
            shown = sorted((c for c in children if not c.hidden and c.n > 0), key=lambda c: c.n)
            victim = shown[0] if shown else parent
            by_key[victim.key] = replace(victim, hidden=True)
            changed = True
    return [by_key[c.key] for c in cells]


def goal_cells(db_path: str | Path, plan_id: str, filters: Filters | None = None) -> list[Cell]:
    """Raw (unsuppressed) cells of a plan's main questions on the 1–5 scales: the plan, its main
    goals, sub-goals and actions, without answers flagged as misuse."""
    filters = filters or Filters()
    where, params = filters.sql(plan_id)
    marks = ", ".join("?" for _ in ON_FIVE_SCALES)
    with storage.reading(db_path) as db:
        tree = db.execute(
            """SELECT m.id, s.id, a.id FROM main_goals m
               LEFT JOIN sub_goals s ON s.main_goal_id = m.id
               LEFT JOIN actions a ON a.sub_goal_id = s.id
               WHERE m.plan_id = ? ORDER BY m.position, s.position, a.position""",
            [plan_id],
        ).fetchall()
        rows = db.execute(
            f"""SELECT v.action_id, c.score, sum(c.n)
                FROM {filters.table()} c JOIN rounds v ON v.id = c.round_id
                WHERE {where} AND c.question = 0 AND c.flagged = 0 AND c.scale IN ({marks})
                GROUP BY v.action_id, c.score""",
            [*params, *ON_FIVE_SCALES],
        ).fetchall()
    per_action: dict[str, Cell] = {}
    for action, score, n in rows:
        counts = [0] * 5
        counts[score - 1] = n
        cell = Cell(
            key=action,
            parent=None,
            n=n,
            total=score * n,
            positive=n if score >= POSITIVE_MIN else 0,
            distribution=tuple(counts),
        )
        per_action[action] = per_action[action].plus(cell) if action in per_action else cell
    empty = Cell(key="", parent=None, n=0, total=0, positive=0)
    plan = replace(empty, key=plan_id)
    mains: dict[str, Cell] = {}
    subs: dict[str, Cell] = {}
    actions: list[Cell] = []
    for main_id, sub_id, action_id in tree:
        mains.setdefault(main_id, replace(empty, key=main_id, parent=plan_id))
        if sub_id is None:  # a main goal without sub-goals yet (a partial plan)
            continue
        subs.setdefault(sub_id, replace(empty, key=sub_id, parent=main_id))
        if action_id is None:
            continue
        cell = replace(per_action.get(action_id, empty), key=action_id, parent=sub_id)
        actions.append(cell)
        subs[sub_id] = subs[sub_id].plus(cell)
    for sub in subs.values():
        mains[sub.parent] = mains[sub.parent].plus(sub)
    for main in mains.values():
        plan = plan.plus(main)
    return [plan, *mains.values(), *subs.values(), *actions]


def goal_overview(
    db_path: str | Path,
    plan_id: str,
    *,
    k: int,
    lang: str,
    filters: Filters | None = None,
    actors: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """One row per main goal, sub-goal and action, in plan order, with suppressed figures.

    Columns: level ('main' | 'sub' | 'action'), id, parent, label, answers (NA when hidden),
    mean, positive_share, hidden, dist_1 … dist_5, and the figures as display text for `lang`.
    """
    if actors is not None:
        filters = replace(filters or Filters(), actors=actors)
    cells = {c.key: c for c in suppress(goal_cells(db_path, plan_id, filters), k)}
    with storage.reading(db_path) as db:
        language = db.execute("SELECT language FROM plans WHERE id = ?", [plan_id]).fetchone()
        rows = db.execute(
            """SELECT 'main', m.id, m.plan_id, m.number, m.title, m.position, -1, -1
               FROM main_goals m WHERE m.plan_id = ?
               UNION ALL
               SELECT 'sub', s.id, m.id, s.number, s.title, m.position, s.position, -1
               FROM sub_goals s JOIN main_goals m ON m.id = s.main_goal_id
               WHERE m.plan_id = ?
               UNION ALL
               SELECT 'action', a.id, s.id, NULL, a.text, m.position, s.position, a.position
               FROM actions a JOIN sub_goals s ON s.id = a.sub_goal_id
               JOIN main_goals m ON m.id = s.main_goal_id WHERE m.plan_id = ?
               ORDER BY 6, 7, 8""",
            [plan_id, plan_id, plan_id],
        ).fetchall()
    original = language[0] if language else i18n.DEFAULT_LANGUAGE
    records = []
    for level, ident, parent, number, title, *_ in rows:
        cell = cells[ident]
        text, _translated = i18n.pick(json.loads(title), lang, original=original)
        records.append(
            {
                "level": level,
                "id": ident,
                "parent": parent,
                "label": f"{number}. {text}" if number else text,
                "answers": None if cell.hidden else cell.n,
                "mean": cell.mean,
                "positive_share": cell.positive_share,
                "hidden": cell.hidden,
                **{
                    f"dist_{score}": None if cell.hidden else cell.distribution[score - 1]
                    for score in range(1, 6)
                },
                "answers_text": f"< {k}" if cell.hidden else str(cell.n),
                "mean_text": "" if cell.mean is None else i18n.decimal(cell.mean, lang),
                "positive_text": ""
                if cell.positive_share is None
                else i18n.percent(cell.positive_share, lang),
            }
        )
    columns = ["level", "id", "parent", "label", "answers", "mean", "positive_share", "hidden"]
    columns += [f"dist_{s}" for s in range(1, 6)] + ["answers_text", "mean_text", "positive_text"]
    frame = pd.DataFrame.from_records(records, columns=columns)
    return frame.astype({"answers": "Int64", **{f"dist_{s}": "Int64" for s in range(1, 6)}})


def months_with_answers(db_path: str | Path, plan_id: str) -> list[str]:
    """The months (YYYY-MM) in which the plan's rounds got answers, in order."""
    everything = Filters()
    where, params = everything.sql(plan_id)
    with storage.reading(db_path) as db:
        return [
            row[0]
            for row in db.execute(
                f"""SELECT DISTINCT c.month FROM {everything.table("month")} c
                    WHERE {where} AND c.question = 0 ORDER BY 1""",
                params,
            )
        ]


def plan_actors(db_path: str | Path, plan_id: str) -> list[tuple[str, dict[str, str]]]:
    """The plan's actors as (id, name texts)."""
    with storage.reading(db_path) as db:
        return [
            (row[0], json.loads(row[1]))
            for row in db.execute(
                "SELECT id, name FROM actors WHERE plan_id = ? ORDER BY position", [plan_id]
            )
        ]


def round_summary(db_path: str | Path, round_id: int, *, k: int) -> Cell:
    """A round's main question for children to see: the count and per-face counts, hidden
    (n < k) for a small group. Flagged answers are left out."""
    return _summary(db_path, "c.round_id = ?", [round_id], key=str(round_id), k=k)


def action_summary(db_path: str | Path, action_id: str, *, k: int) -> Cell:
    """The same over all of an action's rounds on the 1–5 scales (archived ones left out)."""
    marks = ", ".join("?" for _ in ON_FIVE_SCALES)
    return _summary(
        db_path,
        f"c.round_id IN (SELECT id FROM rounds WHERE action_id = ? AND status != 'archived') "
        f"AND c.scale IN ({marks})",
        [action_id, *ON_FIVE_SCALES],
        key=action_id,
        k=k,
    )


def _summary(db_path: str | Path, where: str, params: list, *, key: str, k: int) -> Cell:
    with storage.reading(db_path) as db:
        rows = db.execute(
            f"""SELECT c.score, sum(c.n) FROM {Filters().table()} c
                WHERE {where} AND c.question = 0 AND c.flagged = 0 GROUP BY c.score""",
            params,
        ).fetchall()
    counts = dict(rows)
    n = sum(counts.values())
    return Cell(
        key=key,
        parent=None,
        n=n,
        total=sum(score * c for score, c in counts.items()),
        positive=sum(c for score, c in counts.items() if score >= POSITIVE_MIN),
        hidden=n < k,
        distribution=tuple(counts.get(score, 0) for score in range(1, 6)),
    )
