"""Sotkanet's regions (data/sotkanet/regions.json, in the shape of `/rest/1.1/regions`): a plan
file names its regions by what people know — Sotkanet's id, the statistical code with its
category (`KUNTA 049`) or the name — and this resolves them to the id Sotkanet's exports carry.

Sotkanet renumbered the wellbeing services counties in 2023 (Kymenlaakso 887 → 967): an old id
is read as the new one, and the caller says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from feedback import settings

REGIONS_FILE = settings.PROJECT_ROOT / "data" / "sotkanet" / "regions.json"
_SHOWN = "data/sotkanet/regions.json"  # as a problem line names it
COUNTRY = 658  # the whole country (category MAA) in /rest/1.1/regions


@dataclass(frozen=True)
class Region:
    id: int
    category: str
    title: dict[str, str]
    code: str | None = None


@dataclass(frozen=True)
class Resolved:
    """A region of a plan file as Sotkanet's id, and the id it was given as when Sotkanet has
    replaced that id since."""

    id: int
    old_id: int | None = None


class UnknownRegion(ValueError):
    """A code or a name the table does not know, or a name several regions share."""


@dataclass(frozen=True)
class Regions:
    by_id: dict[int, Region]
    renumbered: dict[int, int]

    def resolve(self, spec: int | str) -> Resolved:
        """The region `spec` names: an id (an old one read as its new id), `CATEGORY CODE`, or a
        name in any of the three languages; raises `UnknownRegion`."""
        if isinstance(spec, int) or spec.strip().isdigit():
            number = int(spec)
            new = self.renumbered.get(number)
            return Resolved(new, old_id=number) if new else Resolved(number)
        words = spec.split()
        if len(words) == 2 and words[1].isdigit():
            category, code = words[0].upper(), words[1]
            for region in self.by_id.values():
                if region.category == category and region.code == code:
                    return Resolved(region.id)
            raise UnknownRegion(f"no region {category} {code} in {_SHOWN}")
        wanted = " ".join(words).casefold()
        found = [r for r in self.by_id.values() if wanted in map(str.casefold, r.title.values())]
        if len(found) == 1:
            return Resolved(found[0].id)
        if found:
            choices = ", ".join(f"{r.category} {r.code or r.id}" for r in found)
            raise UnknownRegion(f"{spec!r} names several regions ({choices}); give one of them")
        raise UnknownRegion(f"no region named {spec!r} in {_SHOWN}; give its id")

    def title(self, region_id: int) -> dict[str, str]:
        """The region's name in the languages the table has, or its id where it has none."""
        region = self.by_id.get(region_id)
        return region.title if region else {"fi": str(region_id)}


@cache
def bundled() -> Regions:
    """The bundled table, read once."""
    return load(REGIONS_FILE)


def load(path: Path) -> Regions:
    data = json.loads(path.read_text(encoding="utf-8"))
    regions = {
        int(r["id"]): Region(
            id=int(r["id"]), category=r["category"], title=r["title"], code=r.get("code")
        )
        for r in data["regions"]
    }
    renumbered = {int(r["old"]): int(r["new"]) for r in data.get("renumbered", [])}
    return Regions(regions, renumbered)
