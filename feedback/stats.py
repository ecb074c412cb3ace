"""Figures per main goal and sub-goal, with small groups hidden.

A figure computed from fewer than k answers is never shown (DESIGN.md §5), and a hidden figure
must not be recoverable by subtracting the shown ones from a total: see `suppress`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from feedback import db as dbm
from feedback import i18n
from feedback.scales import POSITIVE_MIN, Scale

#: Scales whose scores share the 1–5 range and so one mean.
ON_FIVE_SCALES = tuple(s.value for s in Scale if s.on_five)


@dataclass(frozen=True)
class Cell:
    """The answers behind one row of a figure: count, sum of scores and positive answers."""

    key: str
    parent: str | None
    n: int
    total: int
    positive: int
    hidden: bool = False

    @property
    def mean(self) -> float | None:
        return None if self.hidden or not self.n else self.total / self.n

    @property
    def positive_share(self) -> float | None:
        return None if self.hidden or not self.n else self.positive / self.n


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


def goal_cells(
    db_path: str | Path, plan_id: str, *, actors: tuple[str, ...] | None = None
) -> list[Cell]:
    """Raw (unsuppressed) cells of the main questions on the 1–5 scales, without answers flagged
    as misuse of a plan: the plan, its main goals, sub-goals."""
    marks = ", ".join("?" for _ in ON_FIVE_SCALES)
    # Staff see the answers to their own actors' actions only; admins (None) see all.
    scope = "" if actors is None else f"AND a.actor_id IN ({', '.join('?' for _ in actors)})"
    with dbm.reading(db_path) as db:
        rows = db.execute(
            f"""SELECT m.id, s.id, count(r.id), coalesce(sum(r.score), 0),
                      coalesce(sum(r.score >= {POSITIVE_MIN}), 0)
                FROM sub_goals s
                JOIN main_goals m ON m.id = s.main_goal_id
                LEFT JOIN actions a ON a.sub_goal_id = s.id {scope}
                LEFT JOIN surveys v ON v.action_id = a.id AND v.scale IN ({marks})
                LEFT JOIN responses r
                  ON r.survey_id = v.id AND r.question = 0 AND r.flagged = 0
                WHERE m.plan_id = ?
                GROUP BY m.id, s.id
                ORDER BY m.position, s.position""",
            [*(actors or ()), *ON_FIVE_SCALES, plan_id],
        ).fetchall()
    subs = [Cell(key=s, parent=m, n=n, total=t, positive=p) for m, s, n, t, p in rows]
    mains: dict[str, Cell] = {}
    for sub in subs:
        main = mains.get(sub.parent) or Cell(
            key=sub.parent, parent=plan_id, n=0, total=0, positive=0
        )
        mains[sub.parent] = replace(
            main,
            n=main.n + sub.n,
            total=main.total + sub.total,
            positive=main.positive + sub.positive,
        )
    plan = Cell(
        key=plan_id,
        parent=None,
        n=sum(c.n for c in subs),
        total=sum(c.total for c in subs),
        positive=sum(c.positive for c in subs),
    )
    return [plan, *mains.values(), *subs]


def goal_overview(
    db_path: str | Path,
    plan_id: str,
    *,
    k: int,
    lang: str,
    actors: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """One row per main goal and sub-goal, in plan order, with suppressed figures.

    Columns: level ('main' | 'sub'), id, label, answers (None when hidden), mean,
    positive_share, hidden, and the same figures as display text for `lang`.
    """
    cells = {c.key: c for c in suppress(goal_cells(db_path, plan_id, actors=actors), k)}
    with dbm.reading(db_path) as db:
        language = db.execute("SELECT language FROM plans WHERE id = ?", [plan_id]).fetchone()
        rows = db.execute(
            """SELECT 'main', m.id, m.number, m.title, m.position, -1
               FROM main_goals m WHERE m.plan_id = ?
               UNION ALL
               SELECT 'sub', s.id, s.number, s.title, m.position, s.position
               FROM sub_goals s JOIN main_goals m ON m.id = s.main_goal_id
               WHERE m.plan_id = ?
               ORDER BY 5, 6""",
            [plan_id, plan_id],
        ).fetchall()
    original = language[0] if language else i18n.DEFAULT_LANGUAGE
    records = []
    for level, ident, number, title, _, _ in rows:
        cell = cells[ident]
        text, _translated = i18n.pick(json.loads(title), lang, original=original)
        label = f"{number}. {text}" if number else text
        records.append(
            {
                "level": level,
                "id": ident,
                "label": label,
                "answers": None if cell.hidden else cell.n,
                "mean": cell.mean,
                "positive_share": cell.positive_share,
                "hidden": cell.hidden,
                "answers_text": f"< {k}" if cell.hidden else str(cell.n),
                "mean_text": "" if cell.mean is None else i18n.decimal(cell.mean, lang),
                "positive_text": ""
                if cell.positive_share is None
                else i18n.percent(cell.positive_share, lang),
            }
        )
    frame = pd.DataFrame.from_records(
        records,
        columns=[
            "level",
            "id",
            "label",
            "answers",
            "mean",
            "positive_share",
            "hidden",
            "answers_text",
            "mean_text",
            "positive_text",
        ],
    )
    return frame.astype({"answers": "Int64"})
