"""Editing a plan in the app: the stored plan back to the file format, changed, and imported
again through the same validation and all-or-nothing import as a file (one way in for plans).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import yaml

from feedback import plans, storage
from feedback.plans import file_format


def export_plan(db_path: str | Path, plan_id: str) -> dict[str, Any]:
    """The stored plan as a plan-file mapping (FORMAT.md), ready to edit or to dump as YAML."""
    with storage.reading(db_path) as db:
        plan = db.execute("SELECT * FROM plans WHERE id = ?", [plan_id]).fetchone()
        if plan is None:
            raise KeyError(plan_id)
        columns = db.columns("plans")
        row = dict(zip(columns, plan, strict=True))
        local = _local(plan_id)
        actors = [
            _clean(
                {
                    "id": local(a["id"]),
                    "name": json.loads(a["name"]),
                    "kind": a["kind"],
                    "municipality": a["municipality"],
                }
            )
            for a in db.query("SELECT * FROM actors WHERE plan_id = ? ORDER BY position", [plan_id])
        ]
        main_goals = []
        for main in db.query(
            "SELECT * FROM main_goals WHERE plan_id = ? ORDER BY position", [plan_id]
        ):
            sub_goals = []
            for sub in db.query(
                "SELECT * FROM sub_goals WHERE main_goal_id = ? ORDER BY position", [main["id"]]
            ):
                actions = [
                    _clean(
                        {
                            "id": local(a["id"]),
                            "text": json.loads(a["text"]),
                            "actor": local(a["actor_id"]),
                            "measure": _texts(a["measure"]),
                            "schedule": _texts(a["schedule"]),
                            "follow_up": _texts(a["follow_up"]),
                            "kind": a["kind"],
                        }
                    )
                    for a in db.query(
                        "SELECT * FROM actions WHERE sub_goal_id = ? ORDER BY position", [sub["id"]]
                    )
                ]
                sub_goals.append(
                    _clean(
                        {
                            "id": local(sub["id"]),
                            "number": sub["number"],
                            "title": json.loads(sub["title"]),
                            "ease": sub["ease"],
                            "impact": sub["impact"],
                            "actions": actions,
                        }
                    )
                )
            main_goals.append(
                _clean(
                    {
                        "id": local(main["id"]),
                        "number": main["number"],
                        "title": json.loads(main["title"]),
                        "description": _texts(main["description"]),
                        "sub_goals": sub_goals,
                    },
                    keep=("sub_goals",),
                )
            )
        indicators = []
        for n in db.query(
            "SELECT * FROM indicators WHERE plan_id = ? ORDER BY position", [plan_id]
        ):
            links = [
                local(r["sub_goal_id"])
                for r in db.query(
                    "SELECT sub_goal_id FROM indicator_sub_goals WHERE indicator_id = ? "
                    "ORDER BY position",
                    [n["id"]],
                )
            ]
            values = [
                _clean(
                    {
                        "year": v["year"],
                        "group": v["respondent_group"],
                        "area": v["area"],
                        "value": v["value"],
                        "national": v["national"],
                        "colour": v["colour"],
                    }
                )
                for v in db.query(
                    "SELECT * FROM indicator_values WHERE indicator_id = ? ORDER BY position",
                    [n["id"]],
                )
            ]
            indicators.append(
                _clean(
                    {
                        "id": local(n["id"]),
                        "number": n["number"],
                        "name": json.loads(n["name"]),
                        "description": _texts(n["description"]),
                        "unit": n["unit"],
                        "decimals": n["decimals"],
                        "direction": n["direction"],
                        "source": n["source"],
                        "sub_goals": links,
                        "values": values,
                        "sotkanet": _texts(n["sotkanet"]),
                    }
                )
            )
    return _clean(
        {
            "format": 1,
            "id": plan_id,
            "language": row["language"],
            "name": json.loads(row["name"]),
            "period": {"start": row["period_start"], "end": row["period_end"]},
            "municipalities": json.loads(row["municipalities"]),
            "source": row["source"],
            "partial": True if row["partial"] else None,
            "actors": actors,
            "main_goals": main_goals,
            "indicators": indicators,
            "sotkanet": _texts(row["sotkanet"]),
        },
        keep=("main_goals", "indicators"),
    )


def to_yaml(plan: dict[str, Any]) -> str:
    """A plan mapping as plan-file YAML, in the source's order, with letters as they are."""
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=100)


def save(db_path: str | Path, plan: dict[str, Any], *, name: str = "plan") -> bool:
    """Validate an edited plan exactly as a file and import it; all or nothing.

    Raises `file_format.PlanFileError` with one line per problem (FILE:LINE: PLACE: PROBLEM).
    """
    text = to_yaml(plan)
    parsed = file_format.parse(text, name=name)
    return plans.import_plan(
        db_path, parsed, content_hash=hashlib.sha256(text.encode()).hexdigest(), name=name
    )


def find_action(plan: dict[str, Any], action_id: str) -> dict[str, Any]:
    """The mutable action mapping with this (plan-local) id."""
    for main in plan["main_goals"]:
        for sub in main["sub_goals"]:
            for action in sub.get("actions", []):
                if action["id"] == action_id:
                    return action
    raise KeyError(action_id)


def add_action(plan: dict[str, Any], sub_goal_id: str, action: dict[str, Any]) -> str:
    """Append an action to a sub-goal under a fresh id like `hamina-07`; return the id."""
    taken = {
        a["id"] for m in plan["main_goals"] for s in m["sub_goals"] for a in s.get("actions", [])
    }
    number = 1
    while f"{action['actor']}-{number:02d}" in taken:
        number += 1
    new_id = f"{action['actor']}-{number:02d}"
    for main in plan["main_goals"]:
        for sub in main["sub_goals"]:
            if sub["id"] == sub_goal_id:
                sub.setdefault("actions", []).append({"id": new_id, **action})
                return new_id
    raise KeyError(sub_goal_id)


def find_goal(plan: dict[str, Any], goal_id: str) -> dict[str, Any]:
    """The mutable main goal or sub-goal mapping with this (plan-local) id."""
    for main in plan["main_goals"]:
        if main["id"] == goal_id:
            return main
        for sub in main["sub_goals"]:
            if sub["id"] == goal_id:
                return sub
    raise KeyError(goal_id)


def add_sub_goal(plan: dict[str, Any], main_goal_id: str, goal: dict[str, Any]) -> str:
    """Append a sub-goal (no actions yet) to a main goal under a fresh id like `ii-4`."""
    main = find_goal(plan, main_goal_id)
    new_id = _fresh_id(plan, f"{main_goal_id}-")
    main["sub_goals"].append({"id": new_id, **goal, "actions": []})
    return new_id


def add_main_goal(
    plan: dict[str, Any], goal: dict[str, Any], first_sub_goal: dict[str, Any]
) -> str:
    """Append a main goal with its first sub-goal (a main goal always has one); return its id."""
    new_id = _fresh_id(plan, "goal-")
    plan["main_goals"].append(
        {
            "id": new_id,
            **goal,
            "sub_goals": [{"id": f"{new_id}-1", **first_sub_goal, "actions": []}],
        }
    )
    return new_id


def _fresh_id(plan: dict[str, Any], prefix: str) -> str:
    taken = {m["id"] for m in plan["main_goals"]}
    taken |= {s["id"] for m in plan["main_goals"] for s in m["sub_goals"]}
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def set_indicator_value(plan: dict[str, Any], indicator_id: str, value: dict[str, Any]) -> None:
    """Add a yearly value, or replace the one for the same year, group and area."""
    indicator = next(n for n in plan["indicators"] if n["id"] == indicator_id)
    values = indicator.setdefault("values", [])
    key = (value["year"], value["group"], value.get("area", "region"))
    values[:] = [v for v in values if (v["year"], v["group"], v.get("area", "region")) != key]
    values.append(_clean(value))


def _local(plan_id: str):
    prefix = f"{plan_id}:"
    return lambda ident: ident.removeprefix(prefix)


def _texts(raw: str | None) -> dict[str, str] | None:
    return None if raw is None else json.loads(raw)


def _clean(mapping: dict[str, Any], *, keep: tuple[str, ...] = ("actions",)) -> dict[str, Any]:
    """Leave out what is not set, as a hand-written file would (lists in `keep` stay, empty)."""
    return {k: v for k, v in mapping.items() if (v is not None and v != []) or k in keep}
