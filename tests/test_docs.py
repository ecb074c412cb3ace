"""The design decisions that comments cite are in the repository, under the numbers cited."""

import re

import yaml

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


def test_every_command_and_subcommand_is_in_the_operations_table():
    from feedback.cli import cli

    operations = (ROOT / "docs/operations.md").read_text(encoding="utf-8")
    table = operations.split("\n## Operator command line\n")[1].split("\n## ")[0]
    documented = []

    def commands(group, words):
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                commands(command, [*words, name])
            else:
                documented.append(" ".join([*words, name]))

    commands(cli, [])
    assert "user map add" in documented, "the commands of subgroups are checked too"
    assert [c for c in documented if f"| `{c}" not in table] == []
    assert "user map add" in documented, "subgroups' commands are checked too"


def test_the_readme_lists_every_plan_in_data_plans_with_its_name_and_period():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {m[1]: m[0] for m in re.finditer(r"^\| `([\w-]+\.yaml)` \|.*$", readme, re.M)}
    files = sorted((ROOT / "data/plans").glob("*.yaml"))
    assert sorted(rows) == [f.name for f in files]
    for file in files:
        plan = yaml.safe_load(file.read_text(encoding="utf-8"))
        name = plan["name"][plan["language"]]
        period = f"{plan['period']['start']}–{plan['period']['end']}"
        cells = [cell.strip() for cell in rows[file.name].strip("|").split("|")]
        assert cells[1].removesuffix(" (partial)") == name, file.name
        assert cells[1].endswith("(partial)") == bool(plan.get("partial")), file.name
        assert cells[2] == period, file.name


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _outside_code(text: str) -> str:
    return re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)


def test_every_relative_link_in_the_readme_and_docs_leads_to_a_file_and_its_heading():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    checked = 0
    broken = []
    for page in pages:
        text = _outside_code(page.read_text(encoding="utf-8"))
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            path, _, anchor = target.partition("#")
            file = (page.parent / path).resolve() if path else page
            checked += 1
            if not file.is_file():
                broken.append((page.name, target, "no such file"))
            elif anchor:
                headings = re.findall(r"^#+ (.+)$", _outside_code(file.read_text()), re.M)
                if anchor not in {_slug(h) for h in headings}:
                    broken.append((page.name, target, "no such heading"))
    assert checked >= 20, "the test would prove nothing if it found no links"
    assert broken == []


def test_the_readme_is_a_front_door_of_at_most_150_lines():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 150
