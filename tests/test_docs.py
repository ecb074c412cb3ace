"""The design decisions that comments cite are in the repository, under the numbers cited."""

import re

from feedback import settings

ROOT = settings.PROJECT_ROOT
CITED = re.compile(r"docs/design\.md\s+(§[\d.]*\d)")


def test_every_section_of_the_design_notes_that_is_cited_is_there():
    sections = set(re.findall(r"^#+ (§[\d.]*\d) ", (ROOT / "docs/design.md").read_text(), re.M))
    files = [
        p
        for pattern in ("*.py", "*.md", "*.toml")
        for p in ROOT.rglob(pattern)
        if not {".venv", "node_modules"} & set(p.parts)
    ]
    cited = {
        (p.relative_to(ROOT).as_posix(), section)
        for p in files
        for section in CITED.findall(p.read_text(encoding="utf-8"))
    }
    assert len(cited) >= 10, "the test would prove nothing if it found no citations"
    assert [c for c in sorted(cited) if c[1] not in sections] == []
    assert not [p for p in files if re.search(r"\b(DESIGN|STYLE)\.md", p.read_text())]
