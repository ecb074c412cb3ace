# Shared by run.sh and test.sh: make .venv with this project installed. Sourced, not run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  # Install Debian packages that are missing; `apt-get update` first, as a fresh machine needs.
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1))." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  # Debian's python3 lacks venv until python3-venv is installed.
  "$PYTHON" -m venv .venv 2>/dev/null || {
    rm -rf .venv
    apt_install "python$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')-venv"
    "$PYTHON" -m venv .venv
  }
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1

install_locked() {
  # Exactly the versions in the lock file (scripts/lock.sh writes it), every file checked against
  # its hash, then the project itself without dependencies, built by the locked setuptools
  # (-qq: setuptools' advice about editable installs is noise here; errors still show).
  .venv/bin/pip install -q --require-hashes -r "$1"
  .venv/bin/pip install -qq --no-deps --no-build-isolation -e .
}
