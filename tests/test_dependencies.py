"""The lock files agree with pyproject.toml: nothing declared is missing, everything is hashed.

scripts/run.sh installs requirements/app.lock and scripts/test.sh requirements/test.lock with
`pip install --require-hashes`, so a dependency added to pyproject.toml without running
scripts/lock.sh would never be installed. These checks read the files only (no network).
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LOCKS = {"app": ROOT / "requirements" / "app.lock", "test": ROOT / "requirements" / "test.lock"}


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    marker: Marker | None
    hashes: frozenset[str]

    def applies(self) -> bool:
        return self.marker is None or self.marker.evaluate()


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: Path) -> list[Pin]:
    """The pins of a requirements file in the form pip-compile and uv write."""
    logical: list[str] = []
    current = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0].rstrip() if not line.lstrip().startswith("#") else ""
        if not line:
            continue
        continued = line.endswith("\\")
        current += " " + line.removesuffix("\\").strip()
        if not continued:
            logical.append(current.strip())
            current = ""
    assert not current, f"{path.name} ends in a continued line"
    pins = []
    for entry in logical:
        assert not entry.startswith("-"), f"{path.name}: unexpected option line {entry!r}"
        hashes = frozenset(re.findall(r"--hash=(\S+)", entry))
        requirement = Requirement(re.sub(r"\s--hash=\S+", "", entry).strip())
        specifiers = list(requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", (
            f"{path.name}: {entry.split()[0]} is not pinned to one version"
        )
        pins.append(
            Pin(normalise(requirement.name), specifiers[0].version, requirement.marker, hashes)
        )
    return pins


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def declared(which: str) -> list[Requirement]:
    """The top-level requirements that the lock `which` must hold."""
    project = pyproject()
    requirements = list(project["build-system"]["requires"]) + project["project"]["dependencies"]
    if which == "test":
        requirements += project["project"]["optional-dependencies"]["test"]
    return [Requirement(text) for text in requirements]


def mismatches(requirements: list[Requirement], pins: list[Pin]) -> list[str]:
    """Each requirement (for this interpreter) that no pin applying here satisfies."""
    by_name: dict[str, list[Pin]] = {}
    for pin in pins:
        if pin.applies():
            by_name.setdefault(pin.name, []).append(pin)
    problems = []
    for requirement in requirements:
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        here = by_name.get(normalise(requirement.name), [])
        if not here:
            problems.append(f"{requirement} is missing")
        elif not all(requirement.specifier.contains(pin.version, prereleases=True) for pin in here):
            problems.append(f"{requirement} is locked at {', '.join(p.version for p in here)}")
    return problems


@pytest.mark.parametrize("which", sorted(LOCKS))
def test_every_declared_dependency_is_in_the_lock(which):
    problems = mismatches(declared(which), read_lock(LOCKS[which]))
    assert not problems, (
        f"requirements/{which}.lock does not match pyproject.toml (run ./scripts/lock.sh): "
        + "; ".join(problems)
    )


@pytest.mark.parametrize("which", sorted(LOCKS))
def test_every_locked_package_has_hashes(which):
    pins = read_lock(LOCKS[which])
    assert len(pins) > 20
    unhashed = [pin.name for pin in pins if not pin.hashes]
    assert not unhashed, f"requirements/{which}.lock has no hash for {unhashed}"
    for pin in pins:
        assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in pin.hashes), pin.name


def test_the_tests_install_exactly_what_the_app_installs():
    def key(pin: Pin) -> tuple[str, str]:
        return pin.name, str(pin.marker)

    test_pins = {key(pin): pin for pin in read_lock(LOCKS["test"])}
    differ = [
        f"{pin.name} {pin.version}"
        for pin in read_lock(LOCKS["app"])
        if test_pins.get(key(pin)) != pin
    ]
    assert not differ, f"requirements/test.lock differs from app.lock for {differ}"


def test_a_dependency_missing_from_the_lock_is_found(tmp_path):
    lock = tmp_path / "app.lock"
    text = LOCKS["app"].read_text(encoding="utf-8")
    lock.write_text(re.sub(r"(?ms)^jinja2==.*?(?=^\S)", "", text), encoding="utf-8")
    some = [Requirement("jinja2>=3.1"), Requirement("streamlit>=1.61")]
    assert mismatches(some, read_lock(lock)) == ["jinja2>=3.1 is missing"]
    too_old = [Requirement("psycopg[binary]>=99"), Requirement("streamlit>=1.61")]
    assert mismatches(too_old, read_lock(LOCKS["app"])) == [
        f"psycopg[binary]>=99 is locked at {pins_of('psycopg')}"
    ]


def pins_of(name: str) -> str:
    return ", ".join(pin.version for pin in read_lock(LOCKS["app"]) if pin.name == name)


def test_the_app_declares_exactly_what_it_imports():
    """Every package the app's code imports is declared (not left to arrive with another), and
    nothing is declared that the app never imports."""
    import ast
    import sys
    from importlib.metadata import packages_distributions

    sources = [*ROOT.glob("feedback/**/*.py"), *ROOT.glob("pages/*.py")]
    sources += [ROOT / "app.py", ROOT / "streamlit_app.py"]
    imported = set()
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"feedback", "__future__"}
    distributions = packages_distributions()
    used = {normalise(distributions[name][0]) for name in third_party}
    # fpdf2 imports uharfbuzz itself once text shaping is on (pdftext), and lists it only among
    # its own test extras, so the app declares it.
    used.add("uharfbuzz")
    declared_here = {normalise(Requirement(r).name) for r in pyproject()["project"]["dependencies"]}
    assert used == declared_here
