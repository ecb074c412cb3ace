"""Welfare plans in the database: import from plan files, and read them back.

The package also holds the plan file format (`file_format`), a stored plan's way back to it for
editing in the app (`editing`) and the official indicator values from Sotkanet (`sotkanet`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from feedback import storage
from feedback.plans import file_format
from feedback.plans.file_format import PlanFile, PlanFileError
from feedback.storage import Connection


@dataclass(frozen=True)
class PlanSummary:
    """A plan with the size of its tree, as `feedback plans` lists it."""

    id: str
    name: dict[str, str]
    language: str
    period_start: int
    period_end: int
    municipalities: list[str]
    partial: bool
    main_goals: int
    sub_goals: int
    actions: int
    indicators: int


@dataclass(frozen=True)
class Action:
    """One action of a plan, with where it sits in the tree and who carries it out."""

    id: str
    plan_id: str
    language: str
    sub_goal_id: str
    sub_goal_title: dict[str, str]
    actor_id: str
    actor_name: dict[str, str]
    text: dict[str, str]


def qualified(plan_id: str, element_id: str) -> str:
    """The database id of a plan element: `PLAN_ID:ID`."""
    return f"{plan_id}:{element_id}"


def import_file(db_path: str | Path, path: str | Path) -> bool:
    """Validate and import the plan file at `path`; return False if it was already imported.

    All or nothing: a file with any problem changes nothing and raises `PlanFileError`.
    """
    plan, content_hash = file_format.load(path)
    return import_plan(db_path, plan, content_hash=content_hash, name=str(path))


def import_directory(db_path: str | Path, directory: str | Path) -> list[tuple[Path, bool]]:
    """Import every `*.yaml` plan in `directory`, in name order; each file is all or nothing."""
    return [(path, import_file(db_path, path)) for path in sorted(Path(directory).glob("*.yaml"))]


def import_plan(
    db_path: str | Path, plan: PlanFile, *, content_hash: str, name: str = "<plan>"
) -> bool:
    """Write `plan` into the database, replacing an earlier import of the same plan id.

    Elements that disappeared from the plan are removed, unless answers hang on them: an action
    with feedback rounds can never be removed by an import (its answers would be orphaned).
    """
    with storage.writing(db_path) as db:
        db.lock(f"plan:{plan.id}")  # two imports of one plan at once: one after the other
        row = db.execute("SELECT content_hash FROM plans WHERE id = ?", [plan.id]).fetchone()
        if row and row[0] == content_hash:
            return False
        _check_nothing_orphaned(db, plan, name)
        _write(db, plan, content_hash)
    return True


def _check_nothing_orphaned(db: Connection, plan: PlanFile, name: str) -> None:
    kept = {qualified(plan.id, a.id) for a in plan.actions()}
    problems = []
    # Answers and a yearly follow-up both hang on an action; neither may be orphaned.
    for table, what in (("rounds", "feedback rounds"), ("action_follow_ups", "a yearly follow-up")):
        rows = db.execute(
            f"""SELECT DISTINCT actions.id FROM actions
               JOIN {table} ON {table}.action_id = actions.id
               JOIN sub_goals ON sub_goals.id = actions.sub_goal_id
               JOIN main_goals ON main_goals.id = sub_goals.main_goal_id
               WHERE main_goals.plan_id = ?""",
            [plan.id],
        ).fetchall()
        problems += [
            f"{name}:1: actions: action {action_id.split(':', 1)[1]!r} has {what} "
            "and cannot be removed; keep it in the file"
            for action_id in sorted(a for (a,) in rows if a not in kept)
        ]
    if problems:
        raise PlanFileError(problems)


def _json(text: dict[str, str] | None) -> str | None:
    return None if text is None else json.dumps(text, ensure_ascii=False, sort_keys=True)


def _dump(model) -> str | None:
    """A `sotkanet:` mapping as JSON, as the file has it (defaults left out)."""
    if model is None:
        return None
    return json.dumps(model.model_dump(exclude_defaults=True), sort_keys=True)


def _write(db: Connection, plan: PlanFile, content_hash: str) -> None:
    q = lambda element_id: qualified(plan.id, element_id)  # noqa: E731
    db.upsert_all(
        "plans",
        [
            {
                "id": plan.id,
                "language": plan.language,
                "name": _json(plan.name),
                "period_start": plan.period.start,
                "period_end": plan.period.end,
                "municipalities": json.dumps(plan.municipalities, ensure_ascii=False),
                "source": plan.source,
                "content_hash": content_hash,
                "partial": int(plan.partial),
                "sotkanet": _dump(plan.sotkanet),
            }
        ],
        pk="id",
    )
    db.upsert_all(
        "actors",
        [
            {
                "id": q(a.id),
                "plan_id": plan.id,
                "position": i,
                "name": _json(a.name),
                "kind": a.kind,
            }
            for i, a in enumerate(plan.actors)
        ],
        pk="id",
    )
    main_goals, sub_goals, actions = [], [], []
    for i, main in enumerate(plan.main_goals):
        main_goals.append(
            {
                "id": q(main.id),
                "plan_id": plan.id,
                "position": i,
                "number": main.number,
                "title": _json(main.title),
                "description": _json(main.description),
            }
        )
        for j, sub in enumerate(main.sub_goals):
            sub_goals.append(
                {
                    "id": q(sub.id),
                    "main_goal_id": q(main.id),
                    "position": j,
                    "number": sub.number,
                    "title": _json(sub.title),
                    "ease": sub.ease,
                    "impact": sub.impact,
                }
            )
            actions += [
                {
                    "id": q(a.id),
                    "sub_goal_id": q(sub.id),
                    "position": k,
                    "text": _json(a.text),
                    "actor_id": q(a.actor),
                    "measure": _json(a.measure),
                    "schedule": _json(a.schedule),
                    "follow_up": _json(a.follow_up),
                    "kind": a.kind,
                }
                for k, a in enumerate(sub.actions)
            ]
    db.upsert_all("main_goals", main_goals, pk="id")
    db.upsert_all("sub_goals", sub_goals, pk="id")
    db.upsert_all("actions", actions, pk="id")
    indicators = [
        {
            "id": q(n.id),
            "plan_id": plan.id,
            "position": i,
            "number": n.number,
            "name": _json(n.name),
            "description": _json(n.description),
            "unit": n.unit,
            "direction": n.direction,
            "source": n.source,
            "sotkanet": _dump(n.sotkanet),
        }
        for i, n in enumerate(plan.indicators)
    ]
    db.upsert_all("indicators", indicators, pk="id")
    # Links and values belong wholly to their indicator: replace them.
    db.execute(
        "DELETE FROM indicator_sub_goals WHERE indicator_id IN "
        "(SELECT id FROM indicators WHERE plan_id = ?)",
        [plan.id],
    )
    db.execute(
        "DELETE FROM indicator_values WHERE indicator_id IN "
        "(SELECT id FROM indicators WHERE plan_id = ?)",
        [plan.id],
    )
    db.insert_all(
        "indicator_sub_goals",
        [
            {"indicator_id": q(n.id), "sub_goal_id": q(s), "position": i}
            for n in plan.indicators
            for i, s in enumerate(n.sub_goals)
        ],
    )
    db.insert_all(
        "indicator_values",
        [
            {
                "indicator_id": q(n.id),
                "position": i,
                "year": v.year,
                "respondent_group": v.group,
                "area": v.area,
                "value": v.value,
                "national": v.national,
                "colour": v.colour,
            }
            for n in plan.indicators
            for i, v in enumerate(n.values)
        ],
    )
    _delete_stale(db, plan.id, "actions", [r["id"] for r in actions], via_sub_goal=True)
    _delete_stale(db, plan.id, "sub_goals", [r["id"] for r in sub_goals], via_main_goal=True)
    _delete_stale(db, plan.id, "main_goals", [r["id"] for r in main_goals])
    _delete_stale(db, plan.id, "indicators", [r["id"] for r in indicators])
    _delete_stale(db, plan.id, "actors", [q(a.id) for a in plan.actors])


def _delete_stale(
    db: Connection,
    plan_id: str,
    table: str,
    keep: list[str],
    *,
    via_sub_goal: bool = False,
    via_main_goal: bool = False,
) -> None:
    if via_sub_goal:
        owned = (
            "sub_goal_id IN (SELECT sub_goals.id FROM sub_goals JOIN main_goals "
            "ON main_goals.id = sub_goals.main_goal_id WHERE main_goals.plan_id = ?)"
        )
    elif via_main_goal:
        owned = "main_goal_id IN (SELECT id FROM main_goals WHERE plan_id = ?)"
    else:
        owned = "plan_id = ?"
    placeholders = ", ".join("?" for _ in keep) or "NULL"
    db.execute(
        f"DELETE FROM {table} WHERE {owned} AND id NOT IN ({placeholders})", [plan_id, *keep]
    )


def list_plans(db_path: str | Path, *, actors: tuple[str, ...] | None = None) -> list[PlanSummary]:
    """Every plan with the counts of its main goals, sub-goals, actions and indicators; only
    the plans of `actors` if given."""
    owned, params = storage.among("id", actors)
    # A plan without actors is still every plan's for the admin (actors None).
    scope = "" if actors is None else f"WHERE p.id IN (SELECT plan_id FROM actors WHERE {owned})"
    with storage.reading(db_path) as db:
        rows = db.execute(
            f"""SELECT p.id, p.name, p.language, p.period_start, p.period_end, p.municipalities,
                 p.partial,
                 (SELECT count(*) FROM main_goals m WHERE m.plan_id = p.id),
                 (SELECT count(*) FROM sub_goals s JOIN main_goals m ON m.id = s.main_goal_id
                   WHERE m.plan_id = p.id),
                 (SELECT count(*) FROM actions a JOIN sub_goals s ON s.id = a.sub_goal_id
                   JOIN main_goals m ON m.id = s.main_goal_id WHERE m.plan_id = p.id),
                 (SELECT count(*) FROM indicators i WHERE i.plan_id = p.id)
               FROM plans p {scope} ORDER BY p.id""",
            params,
        ).fetchall()
    return [
        PlanSummary(
            id=r[0],
            name=json.loads(r[1]),
            language=r[2],
            period_start=r[3],
            period_end=r[4],
            municipalities=json.loads(r[5]),
            partial=bool(r[6]),
            main_goals=r[7],
            sub_goals=r[8],
            actions=r[9],
            indicators=r[10],
        )
        for r in rows
    ]


def list_actions(
    db_path: str | Path, *, plan_id: str | None = None, actors: tuple[str, ...] | None = None
) -> list[Action]:
    """Every action, in plan order, optionally of one plan only, or of some actors only."""
    of_plan, params = storage.among("m.plan_id", None if plan_id is None else [plan_id])
    with storage.reading(db_path) as db:
        rows = db.execute(
            f"""SELECT a.id, m.plan_id, p.language, s.id, s.title, actors.id, actors.name, a.text
               FROM actions a
               JOIN sub_goals s ON s.id = a.sub_goal_id
               JOIN main_goals m ON m.id = s.main_goal_id
               JOIN plans p ON p.id = m.plan_id
               JOIN actors ON actors.id = a.actor_id
               WHERE {of_plan}
               ORDER BY m.plan_id, m.position, s.position, a.position""",
            params,
        ).fetchall()
    if actors is not None:
        rows = [r for r in rows if r[5] in actors]
    return [
        Action(
            id=r[0],
            plan_id=r[1],
            language=r[2],
            sub_goal_id=r[3],
            sub_goal_title=json.loads(r[4]),
            actor_id=r[5],
            actor_name=json.loads(r[6]),
            text=json.loads(r[7]),
        )
        for r in rows
    ]


def get_action(db_path: str | Path, action_id: str) -> Action | None:
    """The action with this id, or None."""
    plan_id = action_id.split(":", 1)[0]
    return next((a for a in list_actions(db_path, plan_id=plan_id) if a.id == action_id), None)
