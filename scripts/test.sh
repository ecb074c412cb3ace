#!/usr/bin/env bash
# Set up everything the tests need (Debian chromium included) and run the whole suite.
source "$(dirname "$0")/_env.sh"
apt_install chromium fonts-noto-color-emoji
install_locked requirements/test.lock
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest "$@"
