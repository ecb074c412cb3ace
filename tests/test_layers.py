"""The three layers (docs/design.md §6.2), the domain's packages in their order, and the page
guard (docs/design.md §6.1), enforced."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "streamlit_app.py", *(ROOT / "pages").glob("*.py")])
DOMAIN = sorted(p for p in (ROOT / "feedback").rglob("*.py") if "ui" not in p.parts)
UI = sorted((ROOT / "feedback" / "ui").glob("*.py"))
#: The domain's groups in order (docs/architecture.md, "Layers"): a module may import from its own
#: group and from those before it, never from one after it.
DOMAIN_ORDER = (
    {"settings", "i18n", "pdftext", "plaintext", "buckets"},  # serve everyone
    {"storage"},
    {"staff"},
    {"plans"},
    {"rounds"},
    {"figures"},
    {"accessibility", "retention", "memory", "demo", "cli", "__init__", "__main__"},
)
#: The migrations count the answers already stored through the one place that knows how.
BACKWARD = {("storage/schema.py", "rounds")}
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE TABLE|PRAGMA)\b")


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


@pytest.mark.parametrize("path", DOMAIN, ids=lambda p: p.name)
def test_the_domain_never_imports_streamlit_or_the_ui(path):
    names = imported(path)
    assert not {n for n in names if n == "streamlit" or n.startswith("streamlit.")}
    assert not {n for n in names if n.startswith("feedback.ui")}


def group(path: Path) -> int:
    """The place of a domain module's group in DOMAIN_ORDER."""
    part = path.relative_to(ROOT / "feedback").parts[0].removesuffix(".py")
    return next(i for i, names in enumerate(DOMAIN_ORDER) if part in names)


def test_every_domain_module_belongs_to_a_group():
    """A new module goes into the package of its concept, or is added here on purpose."""
    ungrouped = []
    for path in DOMAIN:
        try:
            group(path)
        except StopIteration:
            ungrouped.append(str(path.relative_to(ROOT)))
    assert ungrouped == []


@pytest.mark.parametrize("path", DOMAIN, ids=lambda p: str(p.relative_to(ROOT / "feedback")))
def test_the_domain_imports_only_from_its_own_group_and_those_before_it(path):
    own = group(path)
    where = path.relative_to(ROOT / "feedback").as_posix()
    later = set()
    for name in imported(path):
        parts = name.split(".")
        if parts[0] != "feedback" or len(parts) < 2 or parts[1] == "ui":
            continue
        target = next((i for i, names in enumerate(DOMAIN_ORDER) if parts[1] in names), None)
        if target is not None and target > own and (where, parts[1]) not in BACKWARD:
            later.add(name)
    assert not later, f"{where} imports from a later group"


@pytest.mark.parametrize("path", PAGES + UI, ids=lambda p: p.name)
def test_pages_and_ui_hold_no_sql(path):
    names = imported(path)
    assert not names & {"sqlite3", "sqlite_utils", "psycopg"}
    assert not [s for s in strings(path) if SQL.search(s)]


@pytest.mark.parametrize(
    "path", [p for p in PAGES + DOMAIN + UI if "storage" not in p.parts], ids=lambda p: p.name
)
def test_only_the_storage_seam_talks_to_a_database_driver(path):
    """No module outside feedback/storage knows which store it talks to."""
    drivers = {"sqlite3", "sqlite_utils", "psycopg", "psycopg_pool"}
    assert not {n.split(".")[0] for n in imported(path)} & drivers


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_every_page_runs_the_guard_before_anything_else(path):
    body = ast.parse(path.read_text(encoding="utf-8")).body
    statements = [
        node
        for node in body
        if not isinstance(node, ast.Import | ast.ImportFrom)
        and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
    ]
    first = statements[0]
    call = first.value if isinstance(first, ast.Assign | ast.Expr) else None
    assert isinstance(call, ast.Call), f"{path.name} does not start with page.setup(...)"
    assert ast.unparse(call.func) == "page.setup", f"{path.name} starts with {ast.unparse(call)}"
    assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), "say who it is for"
    # Under its own name in the app's page registry, which the sweeps over pages read.
    assert [ast.literal_eval(a) for a in call.args] == [page_name(path)]


def page_name(path: Path) -> str:
    return "home" if path.name == "streamlit_app.py" else path.stem


def test_the_page_registry_has_every_page_and_no_other():
    from feedback.ui import page

    assert sorted(page.PAGES) == sorted(page_name(path) for path in PAGES)
    assert all((ROOT / p.script).exists() for p in page.PAGES.values())
