#!/usr/bin/env bash
# Set up and run the app on the embedded SQLite database with the real plans loaded.
source "$(dirname "$0")/_env.sh"
install_locked requirements/app.lock
.venv/bin/feedback init
PORT="${PORT:-8501}"
echo "Open http://localhost:${PORT}/ (answering: http://localhost:${PORT}/answer/CODE)"
exec .venv/bin/streamlit run app.py --server.port "$PORT" "$@"
