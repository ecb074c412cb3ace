"""The plan file format (data/plans/FORMAT.md): parse and validate a YAML plan file.

Every problem is reported as one line, `FILE:LINE: PLACE: PROBLEM`, so that whoever edits the
file can go straight to it. Nothing here touches the database.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from feedback.plaintext import clean_text
from feedback.plans import regions

LANGUAGES = ("fi", "sv", "en")
GROUPS = (
    "all",
    "early-childhood",
    "guardians-4y",
    "grades-1-3",
    "grades-4-5",
    "grades-4-6",
    "grades-7-9",
    "grades-8-9",
    "upper-secondary",
    "vocational",
    "guardians",
    "youth-council",
    "staff",
    "youth-15-24",
    "children-0-17",
)


class PlanFileError(Exception):
    """A plan file that cannot be imported; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


MAX_PROBLEMS = 50  # a wholly wrong file is not worth a thousand lines


def capped(problems: list[str]) -> list[str]:
    """The first MAX_PROBLEMS problem lines of a file, and how many more there are."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    return [*problems[:MAX_PROBLEMS], f"… and {len(problems) - MAX_PROBLEMS} more problems"]


def _text(value: Any, info: ValidationInfo) -> dict[str, str]:
    language = (info.context or {}).get("language", "fi")
    if isinstance(value, str):
        value = {language: value}
    if not isinstance(value, dict):
        raise ValueError("must be a text or a mapping from language (fi, sv, en) to text")
    for key, text in value.items():
        if key not in LANGUAGES:
            raise ValueError(f"unknown language {key!r}; use fi, sv or en")
        if not isinstance(text, str | int | float) or not clean_text(str(text)):
            raise ValueError(f"the {key} text must be non-empty text")
    if language not in value:
        raise ValueError(f"missing the text in the plan's language ({language})")
    # Without control or direction-override characters, as a comment is kept: a title that
    # reads differently from what it is would mislead every page and report that shows it.
    return {key: clean_text(str(text)) for key, text in value.items()}


Text = Annotated[dict[str, str], BeforeValidator(_text)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=64)]
# An empty YAML key (`actions:` with nothing under it) means an empty list.
_EmptyIsNone = BeforeValidator(lambda v: [] if v is None else v)
Number = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Actor(_Strict):
    id: Slug
    name: Text
    kind: Literal["municipality", "wellbeing-county", "ngo", "parish", "police", "school", "other"]


class ActionEntry(_Strict):
    """An action as a plan file writes it; stored, with its place in the plan, it is
    `plans.Action`."""

    id: Slug
    text: Text
    actor: Slug
    measure: Text | None = None
    schedule: Text | None = None
    follow_up: Text | None = None
    kind: Literal["pilot", "permanent"] | None = None


class SubGoal(_Strict):
    id: Slug
    number: Number | None = None
    title: Text
    ease: Literal["easy", "medium", "hard"] | None = None
    impact: Literal["low", "medium", "high"] | None = None
    actions: Annotated[list[ActionEntry], _EmptyIsNone] = Field(default_factory=list)


class MainGoal(_Strict):
    id: Slug
    number: Number | None = None
    title: Text
    description: Text | None = None
    # At least one, except in a partial plan (checked with the plan's `partial`).
    sub_goals: Annotated[list[SubGoal], _EmptyIsNone] = Field(default_factory=list)


class IndicatorValue(_Strict):
    year: int = Field(ge=1900, le=2100)
    group: Literal[GROUPS]  # type: ignore[valid-type]
    area: str = "region"
    value: float
    national: float | None = None
    colour: Literal["good", "neutral", "worrying"] | None = None


SOTKANET_GENDERS = ("total", "male", "female")


class SotkanetSeries(_Strict):
    """One Sotkanet series an indicator's values come from: its indicator id there, which of its
    genders the plan follows, the group of FORMAT.md whose values it fills, and the public source
    that confirms the id."""

    id: int = Field(ge=1)
    gender: Literal[SOTKANET_GENDERS] = "total"  # type: ignore[valid-type]
    group: Literal[GROUPS] = "all"  # type: ignore[valid-type]
    source: str | None = Field(default=None, min_length=1)


def series_shorthand(value: Any) -> Any:
    """`sotkanet: {id: 289}` (one series) and `sotkanet: [{id: 289}, …]` are short for
    `sotkanet: {series: […]}`."""
    if isinstance(value, list):
        return {"series": value}
    if isinstance(value, dict) and "id" in value:
        return {"series": [value]}
    return value


class SotkanetMapping(_Strict):
    """Where an indicator's values are in THL's Sotkanet — one series per group the plan
    follows (grades 4–5, 8–9, …) — or why they are not mapped."""

    series: list[SotkanetSeries] = Field(default_factory=list)
    not_mapped: str | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _one_of(self) -> SotkanetMapping:
        if bool(self.series) == bool(self.not_mapped):
            raise ValueError("give either series (Sotkanet ids) or not_mapped (why there is none)")
        return self


class SotkanetRegion(_Strict):
    # Sotkanet's id, `CATEGORY CODE` (KUNTA 049) or a name (data/sotkanet/regions.json).
    id: Annotated[int, Field(ge=0)] | Annotated[str, StringConstraints(min_length=1)]
    area: str = Field(default="region", min_length=1)


class Sotkanet(_Strict):
    """The plan's regions in Sotkanet (`/rest/1.1/regions`) and the whole country's."""

    country: int = Field(default=regions.COUNTRY, ge=0)
    regions: list[SotkanetRegion] = Field(min_length=1)


class Indicator(_Strict):
    id: Slug
    number: int | None = None
    name: Text
    description: Text | None = None
    unit: Literal["percent", "count", "per-mille", "rate", "index", "other"]
    direction: Literal["higher-is-better", "lower-is-better", "neutral"]
    source: str = Field(min_length=1)
    sub_goals: Annotated[list[Slug], _EmptyIsNone] = Field(default_factory=list)
    values: Annotated[list[IndicatorValue], _EmptyIsNone] = Field(default_factory=list)
    sotkanet: Annotated[SotkanetMapping | None, BeforeValidator(series_shorthand)] = None


class Period(_Strict):
    start: int = Field(ge=1900, le=2100)
    end: int = Field(ge=1900, le=2100)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start > self.end:
            raise ValueError("start must not be after end")
        return self


class PlanFile(_Strict):
    format: Literal[1]
    id: Slug
    language: Literal[LANGUAGES]  # type: ignore[valid-type]
    name: Text
    period: Period
    # At least one, except in a partial plan whose source names its municipalities only as a group.
    municipalities: Annotated[
        list[Annotated[str, StringConstraints(min_length=1)]], _EmptyIsNone
    ] = Field(default_factory=list)
    source: str = Field(min_length=1)
    # The source gives only part of the tree (main goals or focus areas, actors); what it does
    # not give is left out, and staff add sub-goals and actions in the app.
    partial: bool = False
    actors: list[Actor] = Field(min_length=1)
    main_goals: Annotated[list[MainGoal], _EmptyIsNone] = Field(default_factory=list)
    indicators: Annotated[list[Indicator], _EmptyIsNone] = Field(default_factory=list)
    sotkanet: Sotkanet | None = None

    def sub_goals(self) -> list[SubGoal]:
        return [sub for main in self.main_goals for sub in main.sub_goals]

    def actions(self) -> list[ActionEntry]:
        return [action for sub in self.sub_goals() for action in sub.actions]


# libyaml's parser where PyYAML has it, and the file composed again only to place problems:
# the Kymenlaakso plan parses in 0.04 s instead of 0.83 s.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: str | Path) -> tuple[PlanFile, str]:
    """Parse and validate the plan file at `path`; return it with a hash of its content.

    Raises `PlanFileError` listing every problem found.
    """
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PlanFileError([f"{path}:1: (file): cannot be read: {error}"]) from error
    return parse(source, name=str(path)), hashlib.sha256(source.encode()).hexdigest()


def parse(source: str, *, name: str = "<plan>") -> PlanFile:
    """Validate plan-file text; `name` is the file name used in problem lines."""
    try:
        data = yaml.load(source, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        raise PlanFileError([f"{name}:{line}: (syntax): {problem}"]) from error
    if not isinstance(data, dict):
        raise PlanFileError([f"{name}:1: (file): must be a mapping with the keys of FORMAT.md"])
    language = data.get("language") if data.get("language") in LANGUAGES else "fi"
    try:
        plan = PlanFile.model_validate(data, context={"language": language})
    except ValidationError as error:
        root = yaml.compose(source, Loader=_LOADER)  # only to say on which line each problem is
        raise PlanFileError(
            [
                _line(name, root, tuple(e["loc"]), _message(e))
                for e in error.errors(include_url=False)
            ]
        ) from None
    problems = _reference_problems(plan)
    if problems:
        root = yaml.compose(source, Loader=_LOADER)
        problems = [_line(name, root, loc, message) for loc, message in problems]
        raise PlanFileError(problems)
    return plan


def _reference_problems(plan: PlanFile) -> list[tuple[tuple, str]]:
    """Ids unique per kind, and every reference pointing at something that exists."""
    problems: list[tuple[tuple, str]] = []

    def unique(items: list[tuple[tuple, str]], kind: str) -> None:
        seen: set[str] = set()
        for loc, ident in items:
            if ident in seen:
                problems.append((loc, f"duplicate {kind} id {ident!r}"))
            seen.add(ident)

    if not plan.partial:
        # A complete plan has the whole tree; only a partial one may lack goals or sub-goals.
        if not plan.municipalities:
            problems.append(
                (("municipalities",), "at least one municipality (or mark the plan partial)")
            )
        if not plan.main_goals:
            problems.append((("main_goals",), "at least one main goal (or mark the plan partial)"))
        for i, main in enumerate(plan.main_goals):
            if not main.sub_goals:
                problems.append(
                    (
                        ("main_goals", i, "sub_goals"),
                        "at least one sub-goal (or mark the plan partial)",
                    )
                )
    unique([(("actors", i, "id"), a.id) for i, a in enumerate(plan.actors)], "actor")
    unique([(("main_goals", i, "id"), g.id) for i, g in enumerate(plan.main_goals)], "main goal")
    unique([(("indicators", i, "id"), n.id) for i, n in enumerate(plan.indicators)], "indicator")
    sub_goal_ids: list[tuple[tuple, str]] = []
    action_ids: list[tuple[tuple, str]] = []
    actors = {a.id for a in plan.actors}
    for i, main in enumerate(plan.main_goals):
        for j, sub in enumerate(main.sub_goals):
            sub_goal_ids.append((("main_goals", i, "sub_goals", j, "id"), sub.id))
            for k, action in enumerate(sub.actions):
                loc = ("main_goals", i, "sub_goals", j, "actions", k)
                action_ids.append(((*loc, "id"), action.id))
                if action.actor not in actors:
                    problems.append(((*loc, "actor"), f"unknown actor {action.actor!r}"))
    unique(sub_goal_ids, "sub-goal")
    unique(action_ids, "action")
    known_sub_goals = {ident for _, ident in sub_goal_ids}
    for i, indicator in enumerate(plan.indicators):
        for j, sub_goal in enumerate(indicator.sub_goals):
            if sub_goal not in known_sub_goals:
                problems.append(
                    (("indicators", i, "sub_goals", j), f"unknown sub-goal {sub_goal!r}")
                )
    problems += _sotkanet_problems(plan)
    return problems


def _sotkanet_problems(plan: PlanFile) -> list[tuple[tuple, str]]:
    """A region's area is the plan's region or one of its municipalities; each region is one
    that data/sotkanet/regions.json knows by its code or name; ids name one thing."""
    problems: list[tuple[tuple, str]] = []
    if plan.sotkanet is not None:
        seen = {plan.sotkanet.country}
        areas: set[str] = set()
        table = regions.bundled()
        for i, region in enumerate(plan.sotkanet.regions):
            loc = ("sotkanet", "regions", i)
            if region.area != "region" and region.area not in plan.municipalities:
                problems.append(
                    ((*loc, "area"), f"area {region.area!r} is neither 'region' nor a municipality")
                )
            try:
                region_id = table.resolve(region.id).id
            except regions.UnknownRegion as error:
                problems.append(((*loc, "id"), str(error)))
                continue
            if region_id in seen:
                problems.append(((*loc, "id"), f"region {region_id} is named twice"))
            seen.add(region_id)
            if region.area in areas:  # two regions' values would overwrite each other
                problems.append(((*loc, "area"), f"area {region.area!r} has a region already"))
            areas.add(region.area)
    mapped: dict[tuple, str] = {}
    for i, indicator in enumerate(plan.indicators):
        if indicator.sotkanet is None or not indicator.sotkanet.series:
            continue
        loc = ("indicators", i, "sotkanet")
        if plan.sotkanet is None:
            problems.append((loc, "the plan has no sotkanet: regions to import this from"))
        for j, series in enumerate(indicator.sotkanet.series):
            key = (series.id, series.gender)
            if key in mapped:
                problems.append(
                    (
                        (*loc, "series", j, "id"),
                        f"Sotkanet indicator {key[0]} is already mapped to {mapped[key]!r}",
                    )
                )
            mapped[key] = indicator.id
    return problems


def _message(error: dict) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown key (check the spelling against FORMAT.md)"
    if error["type"] == "missing":
        return "required key is missing"
    return str(error["msg"]).removeprefix("Value error, ")


def _line(name: str, root: yaml.Node | None, loc: tuple, message: str) -> str:
    """One problem line, pointing at the deepest YAML node that `loc` reaches."""
    node, line = root, 1
    for part in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        node = _child(node, part)
    if node is not None:
        line = node.start_mark.line + 1
    return f"{name}:{line}: {_place(loc)}: {message}"


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                # The key's own line names the place better than a nested value's first line.
                return value if isinstance(value, yaml.CollectionNode) else key
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


def _place(loc: tuple) -> str:
    place = ""
    for part in loc:
        if isinstance(part, int):
            place += f"[{part}]"
        elif part in ("function-before", "function-after") or "[" in str(part):
            continue  # pydantic's names for validator layers, not places in the file
        else:
            place += f".{part}" if place else str(part)
    return place or "(file)"
