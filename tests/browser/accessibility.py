"""axe-core in the page: WCAG 2.1 A/AA rules, reporting serious and critical violations."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python

AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def serious_violations(page) -> list[str]:
    """One line per serious or critical axe-core violation on the page as it is now."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {node['target']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
        for node in v["nodes"]
    ]
