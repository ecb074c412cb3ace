#!/usr/bin/env bash
# Set up and run the app on the embedded SQLite database with the real plans loaded.
# It listens on this machine only (127.0.0.1) unless `--public` is given: plain HTTP on every
# network interface is for a trial on a trusted network, never for real answers (see
# docs/operations.md: deployment behind nginx with HTTPS). Other options go to `streamlit run`.
source "$(dirname "$0")/_env.sh"
address=127.0.0.1
args=()
for arg in "$@"; do
  if [ "$arg" = "--public" ]; then address=0.0.0.0; else args+=("$arg"); fi
done
apt_install fonts-dejavu-core  # the PDFs' Unicode font (feedback/pdftext.py)
install_locked requirements/app.lock
.venv/bin/feedback init
PORT="${PORT:-8501}"
secrets=$(.venv/bin/python -c 'from feedback import settings; print(settings.secrets_path())')
if [ "$address" = 127.0.0.1 ]; then
  echo "Open http://localhost:${PORT}/ on this machine (answering: http://localhost:${PORT}/answer/CODE)."
  echo "Only this machine can connect; --public listens on every network interface (plain HTTP)."
else
  echo "Listening on every network interface over plain HTTP, port ${PORT}: for a trial on a trusted network only."
fi
echo "Secrets (the cookie key): ${secrets}"
exec .venv/bin/streamlit run app.py --server.port "$PORT" --server.address "$address" "${args[@]}"
