"""The measured accessibility of the service: axe-core results per page and language, kept in
`data/accessibility.json`, from which the accessibility statement states the service's
conformance (Act 306/2019). The browser tests write the file when asked
(`FEEDBACK_RECORD_ACCESSIBILITY=1`) and check that it still holds."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from feedback import i18n, settings

RESULTS_FILE = settings.PROJECT_ROOT / "data" / "accessibility.json"
#: The WCAG 2.1 A and AA rules of axe-core, the level Act 306/2019 requires.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
SERIOUS = ("serious", "critical")
#: The respondent page on a tablet that staff enrolled as the round's kiosk (no link makes one).
KIOSK_PAGE = "/respond?s=CODE (kiosk)"
#: What automated runs cannot see and the code knows to fall short; each has a text
#: `accessibility.gap.NAME` (what is not accessible, and why) in the catalogue.
#: The pages the browser tests measure, each in every language: every page of the service,
#: respondents' and staff's (CODE stands for a round's code).
MEASURED_PAGES = (
    "/",
    "/accessibility",
    "/privacy",
    "/privacy?for=staff",
    "/answer/CODE",
    "/respond?s=CODE",
    KIOSK_PAGE,
    "/results?s=CODE",
    "/login",
    "/overview",
    "/follow_up",
    "/rounds",
    "/entry",
    "/comments",
    "/plans",
    "/council",
)
#: The pages a family meets, measured in the languages drafted for families too.
FAMILY_PAGES = ("/answer/CODE", "/respond?s=CODE", "/results?s=CODE", "/privacy")
#: Every (page, language) the browser tests measure.
MEASURED = (
    *((path, lang) for path in MEASURED_PAGES for lang in i18n.LANGUAGES),
    *(
        (path, lang)
        for path in FAMILY_PAGES
        for lang in i18n.ROUND_LANGUAGES
        if lang not in i18n.LANGUAGES
    ),
)
KNOWN_GAPS = (
    "charts",
    "grids",
    "pdf",
    "part_language",
    "framework_words",
    "page_language",
    "automated_only",
)


@dataclass(frozen=True)
class PageResult:
    """One page in one language as axe-core found it."""

    path: str  # as a person types it, e.g. "/answer/CODE", or KIOSK_PAGE
    lang: str
    measured_on: date
    rules_run: int
    serious: int  # serious and critical violations (elements)
    other: dict[str, int] = field(default_factory=dict)  # other violations: rule id → elements

    @property
    def page(self) -> str:
        """The page's name: the first part of its path ("" for the front page)."""
        return self.path.split("?")[0].strip("/").split("/")[0]


@dataclass(frozen=True)
class Measurement:
    results: tuple[PageResult, ...]
    axe_version: str = ""

    @property
    def measured_on(self) -> date | None:
        """The day of the latest run."""
        return max((r.measured_on for r in self.results), default=None)

    @property
    def serious(self) -> int:
        return sum(r.serious for r in self.results)

    @property
    def fully_conforming(self) -> bool:
        """Only when nothing was found and nothing is known to fall short, which is not yet."""
        return (
            bool(self.results)
            and not KNOWN_GAPS
            and not any(r.serious or r.other for r in self.results)
        )


def load(path: Path = RESULTS_FILE) -> Measurement:
    """The recorded measurement; an empty one when nothing has been recorded yet."""
    if not path.exists():
        return Measurement(results=())
    data = json.loads(path.read_text(encoding="utf-8"))
    return Measurement(
        results=tuple(
            PageResult(
                path=row["path"],
                lang=row["lang"],
                measured_on=date.fromisoformat(row["measured_on"]),
                rules_run=int(row["rules_run"]),
                serious=int(row["serious"]),
                other={str(k): int(v) for k, v in row.get("other", {}).items()},
            )
            for row in data["pages"]
        ),
        axe_version=str(data.get("axe_version", "")),
    )


def result_of(path: str, lang: str, axe: dict, *, today: date) -> PageResult:
    """One page's result from what `axe.run` returned (its four lists of rules)."""
    counts: dict[str, int] = {}
    serious = 0
    for violation in axe["violations"]:
        if violation["impact"] in SERIOUS:
            serious += len(violation["nodes"])
        else:
            counts[violation["id"]] = len(violation["nodes"])
    run = sum(len(axe[kind]) for kind in ("violations", "passes", "incomplete", "inapplicable"))
    return PageResult(path, lang, today, run, serious, dict(sorted(counts.items())))


def record(result: PageResult, *, axe_version: str, path: Path = RESULTS_FILE) -> None:
    """Put `result` into the file in place of that page's and language's earlier one."""
    kept = [r for r in load(path).results if (r.path, r.lang) != (result.path, result.lang)]
    rows = sorted([*kept, result], key=lambda r: (r.path, r.lang))
    data = {
        "axe_version": axe_version,
        "tags": list(WCAG_TAGS),
        "pages": [
            {
                "path": r.path,
                "lang": r.lang,
                "measured_on": r.measured_on.isoformat(),
                "rules_run": r.rules_run,
                "serious": r.serious,
                "other": r.other,
            }
            for r in rows
        ],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
