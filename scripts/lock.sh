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
# at a fixed version, installed once into a venv of its own outside the project.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.8
PYTHON="${PYTHON:-python3}"
tools="${XDG_CACHE_HOME:-$HOME/.cache}/welfare-feedback/uv-$UV_VERSION"
if [ ! -x "$tools/bin/uv" ]; then
  rm -rf "$tools"
  "$PYTHON" -m venv "$tools"
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$tools/bin/pip" install -q "uv==$UV_VERSION"
fi

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
  "$tools/bin/uv" pip compile --no-config --quiet --universal --python-version "$python_min" \
    --generate-hashes --custom-compile-command "./scripts/lock.sh" "$@"
}
# The app first; the tests' lock is held to the app's pins, so the tests run exactly what the
# app installs, plus the test tools.
compile pyproject.toml requirements/build.in -o requirements/app.lock "$@"
compile pyproject.toml requirements/build.in --extra test -c requirements/app.lock \
  -o requirements/test.lock "$@"
echo "Wrote requirements/app.lock ($(grep -c '^[a-z0-9]' requirements/app.lock) packages)" \
  "and requirements/test.lock ($(grep -c '^[a-z0-9]' requirements/test.lock) packages)."
