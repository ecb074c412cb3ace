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
    apt_get update -qq
    apt_get install -y -qq "${missing[@]}"
  fi
}

apt_get() {
  # apt-get, waiting (up to 10 minutes) while another program holds the package lock: on a
  # fresh machine the system's own updater often does, and apt-get then fails at once (100).
  local waited=0 output status
  while true; do
    status=0
    output=$(as_root env DEBIAN_FRONTEND=noninteractive apt-get "$@" 2>&1) || status=$?
    if [ "$status" = 0 ]; then return 0; fi
    if ! grep -qiE "could not get lock|unable to (acquire|lock)" <<<"$output" || [ "$waited" -ge 600 ]; then
      echo "$output" >&2
      echo "apt-get $1 failed (exit $status). If another program is installing packages, let it" \
        "finish (or stop it) and run this command again; otherwise fix what apt-get says above." >&2
      exit "$status"
    fi
    [ "$waited" = 0 ] && echo "Another program holds the Debian package lock; waiting for it (up to 10 minutes)..."
    sleep 10
    waited=$((waited + 10))
  done
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
  .venv/bin/pip install -q --no-compile --require-hashes -r "$1"
  .venv/bin/pip install -qq --no-deps --no-build-isolation -e .
  # Bytecode for every installed file, compiled on all cores (pip compiles one file at a time:
  # 15 s more). Left to Python, a module is compiled when imported, but never saved where
  # PYTHONDONTWRITEBYTECODE is set (as on the machines this is tested on): then every process, each test's app server
  # included, compiled Streamlit and pandas again, 3.3 s instead of 1.1 s. Up-to-date files
  # are skipped, so a second run costs a second.
  .venv/bin/python -m compileall -q -j 0 "$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))')" >/dev/null  \
    || true  # only a saving: a file that does not compile is no reason to stop
  # The texts' catalogues (.po) compiled for gettext (.mo): built here, never committed.
  .venv/bin/pybabel -q compile -d feedback/locale -D messages
}
