"""axe-core in the page: WCAG 2.1 A/AA rules, reporting serious and critical violations."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python

from feedback.accessibility import WCAG_TAGS

AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")


def axe_results(page) -> dict:
    """What axe-core's WCAG 2.1 A/AA rules find on the page as it is now (`axe.run`'s result:
    violations, passes, incomplete, inapplicable, the engine's version)."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", list(WCAG_TAGS)
    )


def serious_violations(page, result: dict | None = None) -> list[str]:
    """One line per serious or critical axe-core violation on the page as it is now (or in the
    `result` of an earlier run)."""
    result = result if result is not None else axe_results(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {node['target']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
        for node in v["nodes"]
    ]
