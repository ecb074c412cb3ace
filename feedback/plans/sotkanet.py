"""Official indicator values from THL's Sotkanet, read from its documented export formats.

Two formats (docs/staff-guide.md, "Indicators from Sotkanet"):

- the JSON of the open API, `/rest/1.1/json?indicator=…&years=…&genders=…`: a list of
  objects with `indicator`, `region`, `year`, `gender`, `value` (and `absValue`, not used);
- the CSV export (`/rest/1.0/data/csv?…`): semicolon separated, a header row
  `indicator;region;year;gender;primary value;absolute value`, decimal comma.

Regions are Sotkanet region ids (`/rest/1.1/regions`). The plan file's `sotkanet:` block names
the plan's regions and the whole country's id (category MAA); each indicator's `sotkanet:`
names its Sotkanet indicator id. A file is checked whole: every problem is one line
`FILE:ROW: PROBLEM` (ROW is the CSV line, or the JSON list item counted from 1), and a file
with any problem stores nothing. A good file becomes a preview (new / changed / unchanged
values), which is stored through the plan's own all-or-nothing import (feedback.plans.editing).
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from feedback.plans import editing, file_format

MAX_BYTES = 5_000_000  # a whole municipality's indicators for decades are far below this
MAX_ROWS = 50_000

_COLUMNS = {  # the header names Sotkanet writes (and R's spelling of them) → ours
    "indicator": "indicator",
    "region": "region",
    "year": "year",
    "gender": "gender",
    "primary value": "value",
    "primary.value": "value",
    "value": "value",
}
_REQUIRED = ("indicator", "region", "year", "gender", "value")
# The largest value each unit can have; a share cannot be below 0 or above the whole.
_RANGE = {
    "percent": (0.0, 100.0),
    "per-mille": (0.0, 1000.0),
    "count": (0.0, math.inf),
    "rate": (0.0, math.inf),
    "index": (0.0, math.inf),
    "other": (-math.inf, math.inf),
}


class SotkanetFileError(Exception):
    """A file that cannot be imported; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Row:
    """One figure of the file: an indicator's value in a region, a year and a gender."""

    row: int
    indicator: int
    region: int
    year: int
    gender: str
    value: float | None


@dataclass(frozen=True)
class Change:
    """A value the import would store, and what the plan holds now."""

    indicator_id: str
    indicator: dict[str, str]
    unit: str
    year: int
    group: str
    area: str
    value: float
    national: float | None
    old_value: float | None
    old_national: float | None

    @property
    def status(self) -> str:
        if self.old_value is None:
            return "new"
        if (self.old_value, self.old_national) == (self.value, self.national):
            return "unchanged"
        return "changed"


@dataclass
class Preview:
    """What importing the file into the plan would change, and the rows it leaves aside."""

    plan_id: str
    changes: list[Change] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(c.status == status for c in self.changes)

    @property
    def to_store(self) -> list[Change]:
        return [c for c in self.changes if c.status != "unchanged"]


def read(data: bytes, *, name: str) -> list[Row]:
    """The rows of a Sotkanet CSV or JSON file; raises `SotkanetFileError`."""
    rows, problems = _read(data, name=name)
    if problems:
        raise SotkanetFileError(file_format.capped(problems))
    return rows


def _read(data: bytes, *, name: str) -> tuple[list[Row], list[str]]:
    """The readable rows and a line for each row that is not; raises `SotkanetFileError` for
    a file that cannot be read at all (too big, not UTF-8, wrong columns or shape)."""
    if len(data) > MAX_BYTES:
        raise SotkanetFileError(
            [f"{name}:1: the file is {len(data):,} bytes; at most {MAX_BYTES:,} are read"]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SotkanetFileError(
            [f"{name}:{line}: not UTF-8 text (byte {error.start}); save the export as UTF-8"]
        ) from None
    stripped = text.lstrip()
    if not stripped:
        raise SotkanetFileError([f"{name}:1: the file is empty"])
    raw = _json_rows(stripped, name) if stripped[0] in "[{" else _csv_rows(text, name)
    if len(raw) > MAX_ROWS:
        raise SotkanetFileError([f"{name}:1: {len(raw):,} rows; at most {MAX_ROWS:,} are read"])
    rows, problems = [], []
    for number, record in raw:
        row, row_problems = _row(number, record)
        problems += [f"{name}:{number}: {p}" for p in row_problems]
        if row is not None:
            rows.append(row)
    return rows, problems


def _json_rows(text: str, name: str) -> list[tuple[int, dict]]:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        line = getattr(error, "lineno", 1)
        raise SotkanetFileError([f"{name}:{line}: not valid JSON: {error}"]) from None
    if not isinstance(data, list):
        raise SotkanetFileError(
            [f"{name}:1: the JSON must be a list of objects, as /rest/1.1/json returns"]
        )
    rows, problems = [], []
    for i, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            problems.append(f"{name}:{i}: item {i} is not an object")
            continue
        missing = [key for key in _REQUIRED if key not in item]
        if missing:
            problems.append(f"{name}:{i}: missing {', '.join(missing)}")
            continue
        rows.append((i, item))
    if problems:
        raise SotkanetFileError(file_format.capped(problems))
    return rows


def _csv_rows(text: str, name: str) -> list[tuple[int, dict]]:
    lines = text.splitlines(keepends=True)
    # Lines starting with # before the header are comments (Sotkanet writes none; a file
    # made by hand may say where it came from).
    skipped = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    if skipped == len(lines):
        raise SotkanetFileError([f"{name}:1: the file has no header row"])
    header = lines[skipped]
    if ";" not in header and "," in header:
        raise SotkanetFileError(
            [
                f"{name}:{skipped + 1}: the columns are separated by commas; "
                "Sotkanet's CSV uses semicolons"
            ]
        )
    reader = csv.reader(io.StringIO("".join(lines[skipped:])), delimiter=";")
    names = [_COLUMNS.get(" ".join(column.strip().lower().split())) for column in next(reader)]
    missing = [column for column in _REQUIRED if column not in names]
    if missing:
        raise SotkanetFileError(
            [
                f"{name}:{skipped + 1}: missing the columns {', '.join(missing)}; the header "
                "must be indicator;region;year;gender;primary value;absolute value"
            ]
        )
    rows = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) > MAX_ROWS:
            break  # enough to say the file is too long
        record = {key: cell for key, cell in zip(names, cells, strict=False) if key}
        rows.append((reader.line_num + skipped, record))
    return rows


def _row(number: int, record: dict[str, Any]) -> tuple[Row | None, list[str]]:
    problems = []
    indicator = _integer(record.get("indicator"), "indicator", problems)
    region = _integer(record.get("region"), "region", problems)
    year = _integer(record.get("year"), "year", problems)
    if year is not None and not 1900 <= year <= 2100:
        problems.append(f"year {year} is not between 1900 and 2100")
    gender = record.get("gender")
    if gender not in file_format.SOTKANET_GENDERS:
        problems.append(f"gender {_shown(gender)} is not total, male or female")
    value = _number(record.get("value"), problems)
    if problems:
        return None, problems
    return Row(number, indicator, region, year, gender, value), []


def _integer(raw: Any, what: str, problems: list[str]) -> int | None:
    if isinstance(raw, dict):  # the API's nested form {"id": 289, …}
        raw = raw.get("id")
    if isinstance(raw, bool):
        raw = None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw.strip())
    problems.append(f"{what} {_shown(raw)} is not a whole number")
    return None


def _number(raw: Any, problems: list[str]) -> float | None:
    """The value; None where Sotkanet leaves it empty (not published, e.g. too few answers)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        value = float(raw)
    else:
        try:
            value = float(str(raw).strip().replace(",", ".").replace("\u2212", "-"))
        except ValueError:
            problems.append(f"value {_shown(raw)} is not a number")
            return None
    if not math.isfinite(value):
        problems.append(f"value {_shown(raw)} is not a number")
        return None
    return value


def _shown(raw: Any) -> str:
    """A value of the file as a problem line shows it: quoted, short, on one line."""
    text = repr(raw if isinstance(raw, str) else json.dumps(raw))
    return text if len(text) <= 40 else text[:39] + "…'"


def preview(plan: dict[str, Any], rows: list[Row], *, name: str) -> Preview:
    """What the rows would change in `plan` (a plan-file mapping, editing.export_plan);
    raises `SotkanetFileError` for rows that do not fit the plan."""
    mapping = plan.get("sotkanet")
    if not mapping:
        raise SotkanetFileError(
            [f"{name}:1: plan {plan['id']!r} names no Sotkanet regions (sotkanet: in FORMAT.md)"]
        )
    areas = {r["id"]: r.get("area", "region") for r in mapping["regions"]}
    country = mapping["country"]
    by_sotkanet: dict[int, list[dict]] = {}
    for indicator in plan["indicators"]:
        if indicator.get("sotkanet"):
            by_sotkanet.setdefault(indicator["sotkanet"]["id"], []).append(indicator)
    problems, ignored = [], []
    seen: dict[tuple, int] = {}
    regional: dict[tuple, Row] = {}
    national: dict[tuple, float] = {}
    known = ", ".join(str(r) for r in areas) or "none"
    repeated: dict[tuple, list[int]] = {}  # an unknown region or indicator: said once

    def once(what: tuple, problem: str) -> None:
        if what in repeated:
            repeated[what][1] += 1
        else:
            repeated[what] = [len(problems), 0]
            problems.append(problem)

    for row in rows:
        where = f"{name}:{row.row}"
        key = (row.indicator, row.region, row.year, row.gender)
        if key in seen:
            problems.append(
                f"{where}: indicator {row.indicator}, region {row.region}, year {row.year}, "
                f"{row.gender} is already on row {seen[key]} (a year twice)"
            )
            continue
        seen[key] = row.row
        if row.region != country and row.region not in areas:
            once(
                ("region", row.region),
                f"{where}: unknown region {row.region}; this plan's regions are {known} "
                f"and the whole country is {country}",
            )
            continue
        targets = by_sotkanet.get(row.indicator)
        if not targets:
            once(
                ("indicator", row.indicator),
                f"{where}: Sotkanet indicator {row.indicator} is not mapped to an indicator of "
                f"plan {plan['id']!r} (add sotkanet: {{id: {row.indicator}}} to one)",
            )
            continue
        for indicator in targets:
            low, high = _RANGE[indicator["unit"]]
            if row.value is not None and not low <= row.value <= high:
                problems.append(
                    f"{where}: value {_number_text(row.value)} is out of range for "
                    f"{indicator['id']} ({indicator['unit']}: {_range_text(low, high)})"
                )
        if row.value is None:
            ignored.append(f"{where}: no value (Sotkanet publishes none for this row)")
        elif row.region == country:
            national[(row.indicator, row.year, row.gender)] = row.value
        else:
            regional[key] = row
    for index, more in repeated.values():
        if more:
            problems[index] += f"; and on {more} more rows"
    if problems:
        raise SotkanetFileError(problems)  # capped by `check`, with the rows' own problems
    result = Preview(plan_id=plan["id"], ignored=ignored)
    for (sotkanet_id, region, year, gender), row in sorted(regional.items()):
        for indicator in by_sotkanet[sotkanet_id]:
            wanted = indicator["sotkanet"].get("gender", "total")
            if gender != wanted:
                result.ignored.append(
                    f"{name}:{row.row}: gender {gender}; {indicator['id']} follows {wanted}"
                )
                continue
            group = indicator["sotkanet"].get("group", "all")
            area = areas[region]
            old = next(
                (
                    v
                    for v in indicator.get("values", [])
                    if (v["year"], v["group"], v.get("area", "region")) == (year, group, area)
                ),
                {},
            )
            country_value = national.get((sotkanet_id, year, gender), old.get("national"))
            result.changes.append(
                Change(
                    indicator_id=indicator["id"],
                    indicator=indicator["name"],
                    unit=indicator["unit"],
                    year=year,
                    group=group,
                    area=area,
                    value=row.value,
                    national=country_value,
                    old_value=old.get("value"),
                    old_national=old.get("national"),
                )
            )
    return result


def _number_text(value: float) -> str:
    return f"{value:g}"


def _range_text(low: float, high: float) -> str:
    if math.isinf(high):
        return f"at least {low:g}"
    return f"{low:g}–{high:g}"


def store(db_path: str | Path, plan: dict[str, Any], result: Preview) -> int:
    """Write the new and changed values into the plan, all or nothing; the number stored."""
    changes = result.to_store
    for change in changes:
        editing.set_indicator_value(
            plan,
            change.indicator_id,
            {
                "year": change.year,
                "group": change.group,
                "area": change.area,
                "value": change.value,
                "national": change.national,
            },
        )
    if changes:
        editing.save(db_path, plan, name=plan["id"])
    return len(changes)


def check(db_path: str | Path, plan_id: str, data: bytes, *, name: str) -> tuple[dict, Preview]:
    """The stored plan and what the file would change in it; raises `SotkanetFileError`,
    or KeyError for an unknown plan."""
    plan = editing.export_plan(db_path, plan_id)
    rows, problems = _read(data, name=name)
    try:
        result = preview(plan, rows, name=name)
    except SotkanetFileError as error:
        problems += error.problems
    if problems:  # the rows' own problems and how the rest fit the plan, in the file's order
        raise SotkanetFileError(
            file_format.capped(sorted(problems, key=lambda p: _row_of(p, name)))
        )
    return plan, result


def _row_of(problem: str, name: str) -> int:
    number = problem.removeprefix(f"{name}:").split(":", 1)[0]
    return int(number) if number.isdigit() else 0
