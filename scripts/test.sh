#!/usr/bin/env bash
# Set up everything the tests need (Debian chromium and PostgreSQL included) and run the whole
# suite: every store-backed test runs on a SQLite file and on a throwaway PostgreSQL cluster.
# `--fast` first: the fast tier, for while you work — no browser, no PostgreSQL (the cluster is
# not started; tests over both stores run on SQLite only). The whole suite is what CI runs.
source "$(dirname "$0")/_env.sh"
apt_install chromium fonts-noto-color-emoji postgresql poppler-utils  # pdftoppm: report pages as images
install_locked requirements/test.lock
# The single sign-on tests start a real OpenID Connect provider (npm oidc-provider) on loopback.
# `npm ci` only when its lock file is newer than the last install, so later runs work offline.
command -v npm >/dev/null || apt_install nodejs npm
if ! [ tests/oidc/node_modules/.installed -nt tests/oidc/package-lock.json ]; then
  npm ci --prefix tests/oidc --no-audit --no-fund --silent
  touch tests/oidc/node_modules/.installed
fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
tier=()
if [ "${1:-}" = --fast ]; then
  shift
  tier=(-m "not browser")
  export FEEDBACK_TEST_STORES=sqlite
else
  cluster=$(mktemp -d)
  trap 'scripts/postgres.sh stop "$cluster" 2>/dev/null; rm -rf "$cluster"' EXIT
  FEEDBACK_TEST_POSTGRESQL=$(scripts/postgres.sh start "$cluster")
  export FEEDBACK_TEST_POSTGRESQL
fi
# Two workers, one per core, each taking whole test files (a file's server and browser start
# once per worker); `-n 0` after the command runs everything in one process. The 25 slowest
# tests are listed at the end of every run, so CI shows where the time goes.
.venv/bin/python -m pytest -n "${TEST_WORKERS:-2}" --dist loadfile --durations=25 "${tier[@]}" "$@"
