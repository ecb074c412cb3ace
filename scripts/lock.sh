#!/usr/bin/env bash
# Regenerate the lock files from pyproject.toml: every package, transitive ones included, pinned
# to one version with the sha256 of each of its files, for every supported Python on any
# platform. run.sh installs requirements/app.lock, test.sh requirements/test.lock.
#
#   ./scripts/lock.sh                            # after changing a dependency in pyproject.toml
#   ./scripts/lock.sh --upgrade                  # move every pin to the newest allowed release
#   ./scripts/lock.sh --upgrade-package streamlit
#
# Pins already in the lock files are kept unless an option above asks otherwise. The tool is uv
# at a fixed version (scripts/_env.sh), which installs the lock files too.
source "$(dirname "$0")/_env.sh"
uv=$(uv_tool)

# The lowest supported Python (requires-python) and the build backend ([build-system] requires,
# locked too so that the project itself is built with a hashed setuptools).
python_min="$("$PYTHON" - <<'PY'
import re, tomllib
spec = tomllib.load(open("pyproject.toml", "rb"))["project"]["requires-python"]
match = re.fullmatch(r">=\s*(\d+\.\d+)", spec.strip())
if not match:
    raise SystemExit(f"lock.sh understands requires-python '>=X.Y' only, not {spec!r}")
print(match[1])
PY
)"
"$PYTHON" - <<'PY'
import tomllib
requires = tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"]
with open("requirements/build.in", "w") as out:
    out.write("# Written by scripts/lock.sh from pyproject.toml's [build-system] requires.\n")
    out.writelines(f"{requirement}\n" for requirement in requires)
PY

compile() {
  "$uv" pip compile --no-config --quiet --universal --python-version "$python_min" \
    --generate-hashes --custom-compile-command "./scripts/lock.sh" "$@"
}
# The app first; the tests' lock is held to the app's pins, so the tests run exactly what the
# app installs, plus the test tools.
compile pyproject.toml requirements/build.in -o requirements/app.lock "$@"
compile pyproject.toml requirements/build.in --extra test -c requirements/app.lock \
  -o requirements/test.lock "$@"
echo "Wrote requirements/app.lock ($(grep -c '^[a-z0-9]' requirements/app.lock) packages)" \
  "and requirements/test.lock ($(grep -c '^[a-z0-9]' requirements/test.lock) packages)."
