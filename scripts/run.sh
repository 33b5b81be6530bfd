#!/usr/bin/env bash
# make run: set up, migrate SQLite, load the demo (idempotent) and serve on http://127.0.0.1:8000, with one
# background worker beside the development server.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v msgfmt >/dev/null && [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gettext >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gettext >/dev/null; }
fi
source scripts/bootstrap.sh
PORT=${PORT:-8000}
$UV run --locked python manage.py migrate --noinput -v0
$UV run --locked shutafut demo
# One background worker beside the development server, as in production: imports and PDFs run on it. It reloads
# when the code changes (DEBUG) and stops with the server: it runs in a process group of its own (its reloader
# and the worker), which is stopped as a whole.
setsid .venv/bin/python manage.py db_worker --verbosity 0 &
worker=$!
trap 'kill -TERM -- "-$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT
echo
echo "Shutafut is at http://127.0.0.1:$PORT/  (log in as coordinator1 / demo1234 or coordinator2 / demo1234)"
echo "One background worker runs beside it (manage.py db_worker)."
echo
$UV run --locked python manage.py runserver "127.0.0.1:$PORT"
