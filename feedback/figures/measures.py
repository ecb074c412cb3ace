"""The dashboard's other figures: trend, weekday × hour, recommendation index, feedback-process
measures, participation and indicators — each from kept counts, small groups hidden."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pandas as pd

from feedback import i18n, storage
from feedback.figures import ON_FIVE_SCALES, Filters, disclosure
from feedback.figures.disclosure import Cell
from feedback.rounds import questions
from feedback.rounds.scales import recommendation_index


def monthly_trend(db_path: str | Path, plan_id: str, filters: Filters, *, k: int) -> pd.DataFrame:
    """Answers and mean (1–5) per month, each month the sum of the blocks that lie wholly in
    it (`disclosure`); a month with answers but no such block is hidden."""
    where, params = filters.sql(plan_id)
    kept = disclosure.blocks(plan_id, filters, k=k, split=("month",))
    marks = ", ".join("?" for _ in ON_FIVE_SCALES)
    with storage.reading(db_path) as db:
        rows = db.execute(
            f"""{kept.with_sql}
                SELECT c.month, sum(c.n), sum(CASE WHEN {kept.shown} THEN c.n ELSE 0 END),
                       sum(CASE WHEN {kept.shown} THEN c.n * c.score ELSE 0 END)
                FROM answer_counts c {kept.join}
                WHERE {where} AND c.question = 0 AND c.flagged = 0 AND c.scale IN ({marks})
                GROUP BY c.month ORDER BY c.month""",
            [*kept.params, *params, *ON_FIVE_SCALES],
        ).fetchall()
    records = []
    for month, answered, shown, total in rows:
        hidden = disclosure.withheld(answered, shown)
        records.append(
            {
                "month": month,
                "answers": None if hidden else shown,
                "mean": total / shown if shown else None,
                "hidden": hidden,
            }
        )
    return pd.DataFrame(records, columns=["month", "answers", "mean", "hidden"])


def weekday_hour(db_path: str | Path, plan_id: str, filters: Filters, *, k: int) -> pd.DataFrame:
    """Answers per weekday (0 = Monday) and hour; cells under k hidden. Groups and channels
    are not kept for times, so only the period and actor filters apply here.

    Counts only, no faces: the one figure outside the blocks (they are not kept by weekday
    and hour), suppressed cell by cell against its total (`disclosure.suppress`)."""
    filters = replace(filters, groups=None, channels=None)
    where, params = filters.sql(plan_id)
    # Without a period, the month-free table: at most 168 rows per round, however many months.
    table = "answer_times" if filters.months else "answer_times_total"
    with storage.reading(db_path) as db:
        rows = db.execute(
            f"SELECT c.weekday, c.hour, sum(c.n) FROM {table} c WHERE {where} "
            "GROUP BY 1, 2 ORDER BY 1, 2",
            params,
        ).fetchall()
    total = Cell("total", None, sum(r[2] for r in rows), 0, 0)
    cells = disclosure.suppress(
        [total, *(Cell(f"{d}-{h}", "total", n, 0, 0) for d, h, n in rows)], k
    )
    return pd.DataFrame(
        [
            {
                "weekday": int(c.key.split("-")[0]),
                "hour": int(c.key.split("-")[1]),
                "answers": None if c.hidden else c.n,
                "hidden": c.hidden,
            }
            for c in cells[1:]
        ],
        columns=["weekday", "hour", "answers", "hidden"],
    )


def sub_goal_measures(
    db_path: str | Path, plan_id: str, filters: Filters, *, k: int, lang: str
) -> pd.DataFrame:
    """Per sub-goal: rounds held, answers from children, the recommendation index where it is
    asked, and participants and visits — the feedback-process measures beside the figures."""
    where, params = filters.sql(plan_id)
    rounds, round_params = filters.rounds(plan_id)
    kept = disclosure.blocks(plan_id, filters, k=k)
    # Every question a round can ask, named: the count rows are then found by their whole key
    # for each atom (without it SQLite read all of a round's rows per atom: 0.7 s at 1M).
    asked = ", ".join("?" for _ in range(questions.MAX_EXTRA_QUESTIONS + 1))
    # The children's answers are a figure filtered to the children's groups: a pool that
    # also holds guardians' or staff's answers is not in it.
    children = tuple(
        g for g in questions.AUDIENCES[:6] if filters.groups is None or g in filters.groups
    )  # early childhood … vocational
    only_children = replace(filters, groups=children)
    children_where, children_params = only_children.sql(plan_id)
    children_blocks = disclosure.blocks(plan_id, only_children, k=k)
    with storage.reading(db_path) as db:
        subs = db.execute(
            """SELECT s.id FROM sub_goals s JOIN main_goals m ON m.id = s.main_goal_id
               WHERE m.plan_id = ? ORDER BY m.position, s.position""",
            [plan_id],
        ).fetchall()
        rounds_held = dict(
            db.execute(
                f"""SELECT a.sub_goal_id, count(*) FROM rounds v
                    JOIN actions a ON a.id = v.action_id
                    WHERE v.id IN ({rounds}) GROUP BY 1""",
                round_params,
            ).fetchall()
        )
        kids = {
            sub: (answered, shown)
            for sub, answered, shown in db.execute(
                f"""{children_blocks.with_sql}
                    SELECT a.sub_goal_id, sum(c.n),
                           sum(CASE WHEN {children_blocks.shown} THEN c.n ELSE 0 END)
                    FROM answer_counts c {children_blocks.join}
                    JOIN rounds v ON v.id = c.round_id JOIN actions a ON a.id = v.action_id
                    WHERE {children_where} AND c.question = 0 AND c.flagged = 0
                    GROUP BY 1""",
                [*children_blocks.params, *children_params],
            )
        }
        nps: dict[str, dict[int, int]] = {}
        nps_answered: dict[str, int] = {}
        for sub, score, answered, shown in db.execute(
            f"""{kept.with_sql}
                SELECT a.sub_goal_id, c.score, sum(c.n),
                       sum(CASE WHEN {kept.shown} THEN c.n ELSE 0 END)
                FROM answer_counts c {kept.join}
                JOIN rounds v ON v.id = c.round_id JOIN actions a ON a.id = v.action_id
                WHERE {where} AND c.scale = 'nps' AND c.flagged = 0 AND c.question IN ({asked})
                GROUP BY 1, 2""",
            [*kept.params, *params, *range(questions.MAX_EXTRA_QUESTIONS + 1)],
        ):
            nps_answered[sub] = nps_answered.get(sub, 0) + answered
            if shown:
                nps.setdefault(sub, {})[score] = shown
        months = filters.months or ("0000-00", "9999-99")
        scope, scope_params = storage.among("a.actor_id", filters.actors)
        visits = {
            row[0]: row[1:]
            for row in db.execute(
                f"""SELECT a.sub_goal_id, sum(p.participants), sum(p.visits)
                    FROM participation p JOIN actions a ON a.id = p.action_id
                    WHERE p.month BETWEEN ? AND ? AND {scope} GROUP BY 1""",
                [*months, *scope_params],
            )
        }
    records = []
    for (sub,) in subs:
        scores = nps.get(sub, {})
        n_nps = sum(scores.values())
        index = None if n_nps < k else recommendation_index(scores)
        answered, n_kids = kids.get(sub, (0, 0))
        children_text = f"< {k}" if disclosure.withheld(answered, n_kids) else str(n_kids)
        records.append(
            {
                "sub_goal_id": sub,
                "rounds": rounds_held.get(sub, 0),
                "children_answers": children_text,
                "nps_in_use": bool(nps_answered.get(sub)),
                "nps": index,
                "nps_text": ""
                if not nps_answered.get(sub)
                else (f"< {k}" if index is None else i18n.decimal(index, lang, 0)),
                "participants": (visits.get(sub) or (None, None))[0],
                "visits": (visits.get(sub) or (None, None))[1],
            }
        )
    # The columns also for a plan without sub-goals yet (a partial plan).
    return pd.DataFrame(records, columns=list(_MEASURE_COLUMNS))


_MEASURE_COLUMNS = (
    "sub_goal_id",
    "rounds",
    "children_answers",
    "nps_in_use",
    "nps",
    "nps_text",
    "participants",
    "visits",
)


def indicators(db_path: str | Path, plan_id: str, *, lang: str) -> pd.DataFrame:
    """Each sub-goal's official indicators: value per year and group, the national value, the
    regional-vs-national colour (as a word too, never by colour alone), and the trend: the
    change since the same group's previous measurement, better or worse by the indicator's
    direction."""
    with storage.reading(db_path) as db:
        language = db.execute("SELECT language FROM plans WHERE id = ?", [plan_id]).fetchone()
        rows = db.execute(
            """SELECT l.sub_goal_id, i.id, i.number, i.name, i.unit, i.direction, v.year,
                      v.respondent_group, v.area, v.value, v.national, v.colour
               FROM indicator_sub_goals l JOIN indicators i ON i.id = l.indicator_id
               JOIN indicator_values v ON v.indicator_id = i.id
               WHERE i.plan_id = ? ORDER BY i.position, v.year, v.respondent_group, v.area""",
            [plan_id],
        ).fetchall()
    original = language[0] if language else i18n.DEFAULT_LANGUAGE
    records = []
    previous: dict[tuple, float] = {}  # (sub-goal, indicator, group, area) → last value
    for sub, ident, number, name, unit, direction, year, group, area, *measured in rows:
        value, national, colour = measured
        text = i18n.pick(json.loads(name), lang, original=original)[0]
        before = previous.get((sub, ident, group, area))
        previous[(sub, ident, group, area)] = value
        change = None if before is None else value - before
        records.append(
            {
                "sub_goal_id": sub,
                "indicator": f"{number}. {text}" if number else text,
                "unit": unit,
                "year": year,
                "group": group,
                "area": area,
                "value": value,
                "national": national,
                "colour": colour,
                "change": change,
                "trend": _trend(change, direction),
            }
        )
    return pd.DataFrame(records, columns=list(_INDICATOR_COLUMNS))


# The columns also when a plan has no indicators, so that pages can filter an empty frame.
_INDICATOR_COLUMNS = (
    "sub_goal_id",
    "indicator",
    "unit",
    "year",
    "group",
    "area",
    "value",
    "national",
    "colour",
    "change",
    "trend",
)


def _trend(change: float | None, direction: str) -> str | None:
    if change is None:
        return None
    if abs(change) < 1e-9:
        return "same"
    if direction == "neutral":
        return None
    return "better" if (change > 0) == (direction == "higher-is-better") else "worse"


def group_text(group: str, area: str, lang: str) -> str:
    """Who an indicator value is about, in words: "4.–5. lk", with the area unless it is the
    plan's whole region."""
    words = i18n.t(f"indicator_group.{group}", lang)
    return words if area == "region" else f"{words} · {area}"


def value_text(value: float, unit: str, lang: str) -> str:
    """An indicator value with its unit as the language writes it: "12,5 %", "12.5%"."""
    text = i18n.decimal(value, lang)
    if unit != "percent":
        return text
    return f"{text}%" if lang == "en" else f"{text}\u00a0%"


def indicator_years(rows: pd.DataFrame, lang: str) -> list[str]:
    """Each indicator's course over the years in words, one line per indicator, group and area:
    "Name – 4.–5. lk: 2019 88,0 (koko maa 89,5) → 2021 85,5 (koko maa 87,0)". The text
    alternative of a trend, and the trend itself where a chart would not fit (the report)."""
    whole_country = i18n.t("dashboard.col.national", lang).lower()
    lines = []
    for (name, group, area), course in rows.groupby(
        ["indicator", "group", "area"], sort=False, dropna=False
    ):
        years = [
            f"{year} {i18n.decimal(value, lang)}"
            + ("" if pd.isna(national) else f" ({whole_country} {i18n.decimal(national, lang)})")
            for year, value, national in course.sort_values("year")[
                ["year", "value", "national"]
            ].itertuples(index=False)
        ]
        lines.append(f"{name} – {group_text(group, area, lang)}: {' → '.join(years)}")
    return lines


def trend_text(change: object, trend: object, lang: str) -> str:
    """The change since the previous measurement in words: "+2,1 (parempaan)"; empty for a
    first measurement."""
    if not isinstance(change, int | float) or pd.isna(change):
        return ""
    number = ("+" if change > 0 else "") + i18n.decimal(change, lang)
    return f"{number} ({i18n.t(f'trend.{trend}', lang)})" if isinstance(trend, str) else number


def colour_word(colour: object, lang: str) -> str:
    """The regional-vs-national comparison in words ("not assessed" when there is none)."""
    return i18n.t(f"colour.{colour if isinstance(colour, str) else 'none'}", lang)


def indicator_frame(rows: pd.DataFrame, lang: str, *, marks: dict[str, str] | None = None):
    """Indicator values (`indicators`) as a table to show or export: beside the national
    value, the comparison in words (after its shape in `marks`, if given) and the trend."""
    marks = marks or {}
    return pd.DataFrame(
        {
            i18n.t("dashboard.col.indicator", lang): rows["indicator"],
            i18n.t("dashboard.col.year", lang): rows["year"].astype(str),
            i18n.t("dashboard.col.group", lang): [
                group_text(g, a, lang) for g, a in zip(rows["group"], rows["area"], strict=True)
            ],
            i18n.t("dashboard.col.value", lang): [
                value_text(v, u, lang) for v, u in zip(rows["value"], rows["unit"], strict=True)
            ],
            i18n.t("dashboard.col.national", lang): [
                "" if pd.isna(v) else value_text(v, u, lang)
                for v, u in zip(rows["national"], rows["unit"], strict=True)
            ],
            i18n.t("dashboard.col.colour", lang): [
                marks.get(c, "") + colour_word(c, lang) for c in rows["colour"]
            ],
            i18n.t("dashboard.col.trend", lang): [
                trend_text(c, t, lang) for c, t in zip(rows["change"], rows["trend"], strict=True)
            ],
        }
    )


def flagged(db_path: str | Path, plan_id: str, filters: Filters, *, k: int) -> pd.DataFrame:
    """Answers flagged as possible misuse (too fast for the round or a kiosk), per round: left
    out of every figure, but counted here so that staff can review them — by the same block
    rule, applied to the flagged answers (`disclosure`). Columns: round, action, answers (NA
    when hidden), answers_text ("< k" when hidden)."""
    where, params = filters.sql(plan_id)
    kept = disclosure.blocks(plan_id, filters, k=k, flagged=True)
    with storage.reading(db_path) as db:
        rows = db.execute(
            f"""{kept.with_sql}
                SELECT v.code, v.action_id, sum(c.n),
                       sum(CASE WHEN {kept.shown} THEN c.n ELSE 0 END)
                FROM answer_counts c {kept.join} JOIN rounds v ON v.id = c.round_id
                WHERE {where} AND c.flagged = 1 AND c.question = 0
                GROUP BY 1, 2 ORDER BY 4 DESC, 1""",
            [*kept.params, *params],
        ).fetchall()
    records = []
    for code, action, answered, shown in rows:
        hidden = disclosure.withheld(answered, shown)
        records.append(
            {
                "round": code,
                "action": action,
                "answers": None if hidden else shown,
                "answers_text": f"< {k}" if hidden else str(shown),
            }
        )
    frame = pd.DataFrame(records, columns=["round", "action", "answers", "answers_text"])
    return frame.astype({"answers": "Int64"})
