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

# uv, at a fixed version, in a venv of its own outside the project: it writes the lock files
# (scripts/lock.sh) and installs them.
UV_VERSION=0.13.8
uv_tool() {
  local tools="${XDG_CACHE_HOME:-$HOME/.cache}/welfare-feedback/uv-$UV_VERSION"
  if [ ! -x "$tools/bin/uv" ]; then
    rm -rf "$tools"
    "$PYTHON" -m venv "$tools"
    "$tools/bin/pip" install -q "uv==$UV_VERSION"
  fi
  echo "$tools/bin/uv"
}

install_locked() {
  # Exactly the versions in the lock file, every file checked against its hash, then the
  # project itself without dependencies, built by the locked setuptools. uv rather than pip:
  # 7 s instead of 38 s, bytecode included. The bytecode is compiled here, on all cores, because
  # where PYTHONDONTWRITEBYTECODE is set (as on the machines this is tested on) Python never
  # saves what it compiles on import: every process, each test's app server included, then
  # compiled Streamlit and pandas again, 3.3 s instead of 1.1 s.
  local uv
  uv=$(uv_tool)
  "$uv" pip install --quiet --no-config --python .venv/bin/python --require-hashes \
    --compile-bytecode -r "$1"
  "$uv" pip install --quiet --no-config --python .venv/bin/python --no-deps --no-build-isolation -e .
  # The texts' catalogues (.po) compiled for gettext (.mo): built here, never committed.
  .venv/bin/pybabel -q compile -d feedback/locale -D messages
}
