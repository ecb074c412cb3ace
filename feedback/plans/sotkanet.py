"""Official indicator values from THL's Sotkanet, read as its REST API 1.1 serves them.

Two formats (docs/staff-guide.md, "Indicators from Sotkanet"):

- `/rest/1.1/json?indicator=…&years=…&genders=…`: a list of objects `indicator`, `region`,
  `year`, `gender`, `value`, `absValue`, where a key Sotkanet has no data for is left out (no
  `absValue` for a count, no `value` where nothing is published);
- `/rest/1.1/csv?…`: semicolon separated, a header row
  `indicator;region;year;gender;primary value;absolute value`, a decimal point (the old 1.0 export
  had a decimal comma: both are read), perhaps a byte-order mark and CRLF line ends.

One call returns the indicator for every region of every kind (~470 rows a year). The rows of the
plan's regions (the plan file's `sotkanet:` block, resolved through feedback.plans.regions)
become its values, the whole country's row (658) the national value; the rows of other regions,
of genders no series follows and without a value are set aside and counted, never errors.

A file is checked whole: every real problem is one `Line` (`FILE:ROW: PROBLEM`, ROW the CSV line
or the JSON list item counted from 1), said in the reader's language, and a file with any problem
stores nothing. A good file becomes a preview (new / changed / unchanged values), stored through
the plan's own all-or-nothing import (feedback.plans.editing).
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from feedback import i18n
from feedback.plans import editing, file_format, regions

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


@dataclass(frozen=True)
class Line:
    """A problem or a note, said in any language: the text `sotkanet.KEY` with `values`, on
    `row` of the file (0: the file as a whole, said as row 1)."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)
    row: int = 0
    more: int = 0  # the same said of this many rows further on

    def text(self, lang: str) -> str:
        # A value given in the three languages (a region's name) is said in the reader's.
        values = {
            k: (v.get(lang) or v["fi"]) if isinstance(v, dict) else v
            for k, v in self.values.items()
        }
        text = i18n.t(f"sotkanet.{self.key}", lang, **values)
        if self.more:
            text += i18n.t("sotkanet.more_rows", lang, n=self.more)
        return text

    def line(self, name: str, lang: str) -> str:
        return f"{name}:{self.row or 1}: {self.text(lang)}"


class SotkanetFileError(Exception):
    """A file that cannot be imported: one `Line` per problem, in the file's order."""

    def __init__(self, name: str, problems: list[Line]):
        self.name = name
        self.problems = sorted(problems, key=lambda p: p.row)
        super().__init__("\n".join(self.lines("en")))

    def lines(self, lang: str) -> list[str]:
        """At most file_format.MAX_PROBLEMS lines: a wholly wrong file is not worth a thousand."""
        lines = [p.line(self.name, lang) for p in self.problems[: file_format.MAX_PROBLEMS]]
        if len(self.problems) > file_format.MAX_PROBLEMS:
            more = len(self.problems) - file_format.MAX_PROBLEMS
            lines.append(i18n.t("sotkanet.more_problems", lang, n=more))
        return lines


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
    """What importing the file into the plan would change, the rows it sets aside (counted)
    and what it noticed on the way (an old region id read as the new one)."""

    plan_id: str
    changes: list[Change] = field(default_factory=list)
    other_regions: dict[int, int] = field(default_factory=dict)  # region → its rows
    other_genders: int = 0
    without_value: int = 0
    notes: list[Line] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(c.status == status for c in self.changes)

    @property
    def to_store(self) -> list[Change]:
        return [c for c in self.changes if c.status != "unchanged"]

    def set_aside(self) -> list[Line]:
        """The rows left out, counted: "set aside: 452 rows of 21 other regions"."""
        lines = []
        if self.other_regions:
            rows = sum(self.other_regions.values())
            lines.append(Line("aside.regions", {"rows": rows, "regions": len(self.other_regions)}))
        if self.other_genders:
            lines.append(Line("aside.genders", {"rows": self.other_genders}))
        if self.without_value:
            lines.append(Line("aside.no_value", {"rows": self.without_value}))
        return lines


def read(data: bytes, *, name: str) -> list[Row]:
    """The rows of a Sotkanet CSV or JSON file; raises `SotkanetFileError`."""
    rows, problems = _read(data, name=name)
    if problems:
        raise SotkanetFileError(name, problems)
    return rows


def _read(data: bytes, *, name: str) -> tuple[list[Row], list[Line]]:
    """The readable rows and a line for each row that is not; raises `SotkanetFileError` for
    a file that cannot be read at all (too big, not UTF-8, wrong columns or shape)."""
    if len(data) > MAX_BYTES:
        raise SotkanetFileError(
            name, [Line("too_big", {"size": f"{len(data):,}", "limit": f"{MAX_BYTES:,}"})]
        )
    try:
        text = data.decode("utf-8-sig")  # Sotkanet's CSV may start with a byte-order mark
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        raise SotkanetFileError(name, [Line("not_utf8", {"byte": error.start}, row)]) from None
    stripped = text.lstrip()
    if not stripped:
        raise SotkanetFileError(name, [Line("empty")])
    raw = _json_rows(stripped, name) if stripped[0] in "[{" else _csv_rows(text, name)
    if len(raw) > MAX_ROWS:
        raise SotkanetFileError(
            name, [Line("too_many_rows", {"rows": f"{len(raw):,}", "limit": f"{MAX_ROWS:,}"})]
        )
    rows, problems = [], []
    for number, record in raw:
        row, row_problems = _row(number, record)
        problems += row_problems
        if row is not None:
            rows.append(row)
    return rows, problems


def _json_rows(text: str, name: str) -> list[tuple[int, dict]]:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        line = getattr(error, "lineno", 1)
        raise SotkanetFileError(name, [Line("not_json", {"error": str(error)}, line)]) from None
    if not isinstance(data, list):
        raise SotkanetFileError(name, [Line("json_not_list")])
    rows, problems = [], []
    for i, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            problems.append(Line("json_item", {"n": i}, i))
            continue
        # `value` and `absValue` are left out where Sotkanet has no figure: not a problem.
        missing = [key for key in _REQUIRED if key != "value" and key not in item]
        if missing:
            problems.append(Line("json_missing", {"keys": ", ".join(missing)}, i))
            continue
        rows.append((i, item))
    if problems:
        raise SotkanetFileError(name, problems)
    return rows


def _csv_rows(text: str, name: str) -> list[tuple[int, dict]]:
    lines = text.splitlines(keepends=True)
    # Lines starting with # before the header are comments (Sotkanet writes none; a recorded
    # file may say where it came from).
    skipped = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    if skipped == len(lines):
        raise SotkanetFileError(name, [Line("no_header")])
    header = lines[skipped]
    if ";" not in header and "," in header:
        raise SotkanetFileError(name, [Line("commas", row=skipped + 1)])
    reader = csv.reader(io.StringIO("".join(lines[skipped:])), delimiter=";")
    names = [_COLUMNS.get(" ".join(column.strip().lower().split())) for column in next(reader)]
    missing = [column for column in _REQUIRED if column not in names]
    if missing:
        raise SotkanetFileError(
            name, [Line("columns", {"columns": ", ".join(missing)}, skipped + 1)]
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


def _row(number: int, record: dict[str, Any]) -> tuple[Row | None, list[Line]]:
    problems: list[Line] = []
    indicator = _integer(record.get("indicator"), "indicator", number, problems)
    region = _integer(record.get("region"), "region", number, problems)
    year = _integer(record.get("year"), "year", number, problems)
    if year is not None and not 1900 <= year <= 2100:
        problems.append(Line("year_range", {"year": year}, number))
    gender = record.get("gender")
    if gender not in file_format.SOTKANET_GENDERS:
        problems.append(Line("gender", {"raw": _shown(gender)}, number))
    value = _number(record.get("value"), number, problems)
    if problems:
        return None, problems
    return Row(number, indicator, region, year, gender, value), []


def _integer(raw: Any, what: str, number: int, problems: list[Line]) -> int | None:
    if isinstance(raw, dict):  # the API's nested form {"id": 289, …}
        raw = raw.get("id")
    if isinstance(raw, bool):
        raw = None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw.strip())
    problems.append(Line(f"not_whole.{what}", {"raw": _shown(raw)}, number))
    return None


def _number(raw: Any, number: int, problems: list[Line]) -> float | None:
    """The value; None where Sotkanet leaves it out (not published, e.g. too few answers).
    A decimal point (1.1) or comma (1.0) alike."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        value = float(raw)
    else:
        try:
            value = float(str(raw).strip().replace(",", ".").replace("\u2212", "-"))
        except ValueError:
            problems.append(Line("value", {"raw": _shown(raw)}, number))
            return None
    if not math.isfinite(value):
        problems.append(Line("value", {"raw": _shown(raw)}, number))
        return None
    return value


def _shown(raw: Any) -> str:
    """A value of the file as a problem line shows it: quoted, short, on one line."""
    text = repr(raw if isinstance(raw, str) else json.dumps(raw))
    return text if len(text) <= 40 else text[:39] + "…'"


@dataclass(frozen=True)
class _Target:
    """A plan indicator and the series of it that a Sotkanet indicator id fills."""

    indicator: dict[str, Any]
    series: file_format.SotkanetSeries


def _targets(plan: dict[str, Any]) -> dict[int, list[_Target]]:
    by_sotkanet: dict[int, list[_Target]] = {}
    for indicator in plan["indicators"]:
        raw = indicator.get("sotkanet")
        if not raw:
            continue
        # Through the file format, so that a mapping stored in the older one-series shape reads.
        mapping = file_format.SotkanetMapping.model_validate(file_format.series_shorthand(raw))
        for series in mapping.series:
            by_sotkanet.setdefault(series.id, []).append(_Target(indicator, series))
    return by_sotkanet


# Sotkanet's value types (`primaryValueType.code` of /rest/1.1/indicators/{id}) → FORMAT.md units.
_VALUE_TYPES = {"PROS": "percent", "PER1000": "per-mille", "PER10000": "rate", "PER100000": "rate"}


def unit_of(metadata: bytes, *, name: str) -> tuple[int, str | None]:
    """An indicator's id and unit from its metadata (`/rest/1.1/indicators/{id}`); None for a
    value type FORMAT.md has no unit for (the plan's own unit holds); raises `SotkanetFileError`."""
    if len(metadata) > MAX_BYTES:
        size = {"size": f"{len(metadata):,}", "limit": f"{MAX_BYTES:,}"}
        raise SotkanetFileError(name, [Line("too_big", size)])
    try:
        data = json.loads(metadata.decode("utf-8-sig"))
        code = data.get("primaryValueType", {}).get("code")
        indicator = data["id"]
    except (UnicodeDecodeError, json.JSONDecodeError, AttributeError, KeyError, TypeError):
        raise SotkanetFileError(name, [Line("metadata")]) from None
    if not isinstance(indicator, int) or isinstance(indicator, bool):
        raise SotkanetFileError(name, [Line("metadata")])
    return indicator, _VALUE_TYPES.get(code)


def preview(
    plan: dict[str, Any], rows: list[Row], *, name: str, units: dict[int, str] | None = None
) -> Preview:
    """What the rows would change in `plan` (a plan-file mapping, editing.export_plan), with
    each Sotkanet indicator's unit from its metadata where `units` gives it (else the plan's);
    raises `SotkanetFileError` for rows that do not fit the plan."""
    mapping = plan.get("sotkanet")
    if not mapping:
        raise SotkanetFileError(name, [Line("no_regions", {"plan": plan["id"]})])
    table = regions.bundled()
    result = Preview(plan_id=plan["id"])
    areas: dict[int, str] = {}
    for region in mapping["regions"]:
        resolved = table.resolve(region["id"])
        areas[resolved.id] = region.get("area", "region")
        if resolved.old_id is not None:  # the plan file names the region by its old id
            values = {"old": resolved.old_id, "new": resolved.id, "name": table.title(resolved.id)}
            result.notes.append(Line("renumbered", values))
    country = mapping.get("country", regions.COUNTRY)
    by_sotkanet = _targets(plan)
    problems: list[Line] = []
    seen: dict[tuple, int] = {}
    regional: dict[tuple, Row] = {}
    national: dict[tuple, float] = {}
    unmapped: dict[int, Line] = {}  # an unmapped indicator: said once, with how many rows more
    renumbered: set[int] = set()
    units = units or {}
    for sotkanet_id, unit in sorted(units.items()):
        for target in by_sotkanet.get(sotkanet_id, []):
            if target.indicator["unit"] != unit:
                values = {"indicator": sotkanet_id, "unit": unit, "plan": target.indicator["unit"]}
                result.notes.append(Line("unit", values))

    for row in rows:
        region = table.renumbered.get(row.region, row.region)
        if region != row.region and row.region not in renumbered:
            renumbered.add(row.region)
            result.notes.append(
                Line(
                    "renumbered",
                    {"old": row.region, "new": region, "name": table.title(region)},
                    row.row,
                )
            )
        key = (row.indicator, region, row.year, row.gender)
        if key in seen:
            problems.append(
                Line(
                    "twice",
                    {
                        "indicator": row.indicator,
                        "region": region,
                        "year": row.year,
                        "gender": row.gender,
                        "first": seen[key],
                    },
                    row.row,
                )
            )
            continue
        seen[key] = row.row
        targets = by_sotkanet.get(row.indicator)
        if not targets:
            if row.indicator in unmapped:
                first = unmapped[row.indicator]
                unmapped[row.indicator] = Line(first.key, first.values, first.row, first.more + 1)
            else:
                unmapped[row.indicator] = Line(
                    "unmapped", {"indicator": row.indicator, "plan": plan["id"]}, row.row
                )
            continue
        if region != country and region not in areas:
            result.other_regions[region] = result.other_regions.get(region, 0) + 1
            continue
        followed = [t for t in targets if t.series.gender == row.gender]
        if not followed:
            result.other_genders += 1
            continue
        for target in followed:
            unit = units.get(row.indicator, target.indicator["unit"])
            low, high = _RANGE[unit]
            if row.value is not None and not low <= row.value <= high:
                problems.append(
                    Line(
                        "out_of_range",
                        {
                            "value": f"{row.value:g}",
                            "indicator": target.indicator["id"],
                            "unit": unit,
                            "range": _range_text(low, high),
                        },
                        row.row,
                    )
                )
        if row.value is None:
            result.without_value += 1
        elif region == country:
            national[(row.indicator, row.year, row.gender)] = row.value
        else:
            regional[key] = row
    problems += unmapped.values()
    if problems:
        raise SotkanetFileError(name, problems)
    for (sotkanet_id, region, year, gender), row in sorted(regional.items()):
        for target in by_sotkanet[sotkanet_id]:
            if target.series.gender != gender:
                continue
            country_value = national.get((sotkanet_id, year, gender))
            unit = units.get(sotkanet_id, target.indicator["unit"])
            area = areas[region]
            result.changes.append(_change(target, unit, area, year, row.value, country_value))
    return result


def _change(
    target: _Target, unit: str, area: str, year: int, value: float, country_value: float | None
) -> Change:
    indicator, group = target.indicator, target.series.group
    old = next(
        (
            v
            for v in indicator.get("values", [])
            if (v["year"], v["group"], v.get("area", "region")) == (year, group, area)
        ),
        {},
    )
    return Change(
        indicator_id=indicator["id"],
        indicator=indicator["name"],
        unit=unit,
        year=year,
        group=group,
        area=area,
        value=value,
        national=country_value if country_value is not None else old.get("national"),
        old_value=old.get("value"),
        old_national=old.get("national"),
    )


def _range_text(low: float, high: float) -> str:
    if math.isinf(high):
        return f"≥ {low:g}"
    return f"{low:g}–{high:g}"


def store(db_path: str | Path, plan: dict[str, Any], result: Preview) -> int:
    """Write the new and changed values into the plan, all or nothing; the number stored."""
    changes = result.to_store
    for change in changes:
        # The unit Sotkanet's metadata gives (where it was read) replaces the one typed by hand.
        next(n for n in plan["indicators"] if n["id"] == change.indicator_id)["unit"] = change.unit
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


def check(
    db_path: str | Path,
    plan_id: str,
    data: bytes,
    *,
    name: str,
    units: dict[int, str] | None = None,
) -> tuple[dict, Preview]:
    """The stored plan and what the file would change in it; raises `SotkanetFileError`,
    or KeyError for an unknown plan."""
    plan = editing.export_plan(db_path, plan_id)
    rows, problems = _read(data, name=name)
    try:
        result = preview(plan, rows, name=name, units=units)
    except SotkanetFileError as error:
        problems += error.problems
    if problems:  # the rows' own problems and how the rest fit the plan, in the file's order
        raise SotkanetFileError(name, problems)
    return plan, result
