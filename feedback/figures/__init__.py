"""Figures per main goal, sub-goal and action, from the kept answer counts, small groups hidden.

The package also holds the dashboard's other figures (`measures`), `participation`, the charts
(`charts`), the `exports`, the council's `report` and what children see (`published`).

Every figure is a sum of whole blocks of at least k answers, so that no small group can be
recovered by subtracting one shown figure from another: the rule is `disclosure`
(docs/design.md §5). Answers flagged as possible misuse are left out of every figure (they are
counted apart).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from feedback import i18n, storage
from feedback.figures import disclosure
from feedback.figures.disclosure import Cell
from feedback.rounds import aggregates
from feedback.rounds.scales import Scale

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

    def rounds(self, plan_id: str | None) -> tuple[str, list]:
        """A subquery of the ids of the plan's rounds (every plan's for None) within the
        chosen actors, and its parameters."""
        actors, params = storage.among("a.actor_id", self.actors)
        plan, plan_params = ("m.plan_id = ?", [plan_id]) if plan_id is not None else ("1 = 1", [])
        return (
            f"""SELECT v.id FROM rounds v JOIN actions a ON a.id = v.action_id
                JOIN sub_goals s ON s.id = a.sub_goal_id
                JOIN main_goals m ON m.id = s.main_goal_id
                WHERE {plan} AND {actors}""",
            [*plan_params, *params],
        )

    def table(self, *columns: str) -> str:
        """The smallest kept-count table with `columns` and what these filters choose by (for
        what is not a figure, e.g. the months with answers: figures read the atoms of
        `answer_counts`, see `disclosure`)."""
        needed = set(columns)
        for column, chosen in (
            ("month", self.months),
            ("respondent_group", self.groups),
            ("channel", self.channels),
        ):
            if chosen is not None:
                needed.add(column)
        return next(table for table, kept in aggregates.COUNT_TABLES if needed <= set(kept))

    def cells_sql(self, counts: str = "c") -> tuple[str, list]:
        """SQL conditions on the period, groups and channels of a kept-count table aliased
        `counts` (the actors choose whole rounds: see `rounds`), and their parameters."""
        parts, params = ["1 = 1"], []
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

    def sql(self, plan_id: str | None, counts: str = "c") -> tuple[str, list]:
        """SQL conditions (to AND into a WHERE) on a kept-count table aliased `counts`, and
        their parameters.

        The plan's rounds come first: SQLite then reads only their kept rows, through the
        primary key that starts with `round_id`, instead of joining every kept row of every
        plan up to its plan (4× faster at 5M answers, see benchmarks/README.md)."""
        rounds, params = self.rounds(plan_id)
        cells, cell_params = self.cells_sql(counts)
        return f"{counts}.round_id IN ({rounds}) AND {cells}", [*params, *cell_params]


def goal_cells(
    db_path: str | Path, plan_id: str, filters: Filters | None = None, *, k: int
) -> list[Cell]:
    """Cells of a plan's main questions on the 1–5 scales: the plan, its main goals, sub-goals
    and actions, each the sum of the blocks that `filters` may show (`disclosure`), without
    answers flagged as misuse. A cell with answers but no shown block is hidden."""
    filters = filters or Filters()
    where, params = filters.sql(plan_id)
    kept = disclosure.blocks(plan_id, filters, k=k)
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
            f"""{kept.with_sql}
                SELECT v.action_id, c.score, sum(c.n),
                       sum(CASE WHEN {kept.shown} THEN c.n ELSE 0 END)
                FROM answer_counts c {kept.join} JOIN rounds v ON v.id = c.round_id
                WHERE {where} AND c.question = 0 AND c.flagged = 0 AND c.scale IN ({marks})
                GROUP BY v.action_id, c.score""",
            [*kept.params, *params, *ON_FIVE_SCALES],
        ).fetchall()
    shown: dict[str, dict[int, int]] = {}
    answered: dict[str, int] = {}
    for action, score, n, n_shown in rows:
        shown.setdefault(action, {})[score] = n_shown
        answered[action] = answered.get(action, 0) + n
    empty = disclosure.cell("", {})
    cells: dict[str, Cell] = {plan_id: replace(empty, key=plan_id)}
    answered_in: dict[str, int] = {plan_id: 0}
    actions: list[Cell] = []

    def add(key: str, parent: str | None, action: Cell, n: int) -> None:
        cells.setdefault(key, replace(empty, key=key, parent=parent))
        cells[key] = cells[key].plus(action)
        answered_in[key] = answered_in.get(key, 0) + n

    for main_id, sub_id, action_id in tree:
        add(main_id, plan_id, empty, 0)
        if sub_id is None:  # a main goal without sub-goals yet (a partial plan)
            continue
        add(sub_id, main_id, empty, 0)
        if action_id is None:
            continue
        action = disclosure.cell(action_id, shown.get(action_id, {}), parent=sub_id)
        n = answered.get(action_id, 0)
        actions.append(replace(action, hidden=disclosure.withheld(n, action.n)))
        for key, parent in ((sub_id, main_id), (main_id, plan_id), (plan_id, None)):
            add(key, parent, action, n)
    goals = [
        replace(c, hidden=disclosure.withheld(answered_in[key], c.n)) for key, c in cells.items()
    ]
    return [*goals, *actions]


def goal_overview(
    db_path: str | Path,
    plan_id: str,
    *,
    k: int,
    lang: str,
    filters: Filters | None = None,
    actors: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """One row per main goal, sub-goal and action, in plan order, with the figures the
    disclosure rule allows ("< k" where a cell has answers but no shown block).

    Columns: level ('main' | 'sub' | 'action'), id, parent, label, answers (NA when hidden),
    mean, positive_share, hidden, dist_1 … dist_5, and the figures as display text for `lang`.
    """
    if actors is not None:
        filters = replace(filters or Filters(), actors=actors)
    cells = {c.key: c for c in goal_cells(db_path, plan_id, filters, k=k)}
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


def round_answers(
    db_path: str | Path, *, k: int, actors: tuple[str, ...] | None = None
) -> dict[str, str]:
    """Each round's number of answers as staff may see it (round code → "23" or "< 10"): the
    sum of its shown blocks (`disclosure`), for the rounds of `actors` (all for None)."""
    everything = Filters(actors=actors)
    where, params = everything.sql(None)
    kept = disclosure.blocks(None, everything, k=k)
    with storage.reading(db_path) as db:
        rows = db.execute(
            f"""{kept.with_sql}
                SELECT v.code, sum(c.n), sum(CASE WHEN {kept.shown} THEN c.n ELSE 0 END)
                FROM answer_counts c {kept.join} JOIN rounds v ON v.id = c.round_id
                WHERE {where} AND c.question = 0 AND c.flagged = 0 GROUP BY v.code""",
            [*kept.params, *params],
        ).fetchall()
    return {
        code: f"< {k}" if disclosure.withheld(answered, shown) else str(shown)
        for code, answered, shown in rows
    }


def council_means(
    db_path: str | Path, plan_id: str, *, k: int
) -> dict[str, dict[int, tuple[int, float] | None]]:
    """Per action, per year: the youth council's (answers, mean), None when withheld — each
    year a figure of the council's blocks wholly in that year (`disclosure`)."""
    with storage.reading(db_path) as db:
        years = [
            int(row[0])
            for row in db.execute(
                f"""SELECT DISTINCT substr(c.month, 1, 4) FROM answer_counts c
                    WHERE c.round_id IN ({Filters().rounds(plan_id)[0]})
                      AND c.channel = 'council' AND c.question = 0 ORDER BY 1""",
                [plan_id],
            )
        ]
    means: dict[str, dict[int, tuple[int, float] | None]] = {}
    for year in years:
        chosen = Filters(months=(f"{year}-01", f"{year}-12"), channels=("council",))
        where, params = chosen.sql(plan_id)
        kept = disclosure.blocks(plan_id, chosen, k=k)
        with storage.reading(db_path) as db:
            rows = db.execute(
                f"""{kept.with_sql}
                    SELECT v.action_id, sum(c.n),
                           sum(CASE WHEN {kept.shown} THEN c.n ELSE 0 END),
                           sum(CASE WHEN {kept.shown} THEN c.n * c.score ELSE 0 END)
                    FROM answer_counts c {kept.join} JOIN rounds v ON v.id = c.round_id
                    WHERE {where} AND c.question = 0 AND c.flagged = 0
                    GROUP BY 1""",
                [*kept.params, *params],
            ).fetchall()
        for action, answered, shown, total in rows:
            if answered:
                means.setdefault(action, {})[year] = (shown, total / shown) if shown else None
    return means
