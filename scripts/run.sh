#!/usr/bin/env bash
# make run: set up, migrate SQLite, load the demo (idempotent) and serve on http://127.0.0.1:8000.
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
echo
echo "Shutafut is at http://127.0.0.1:$PORT/  (log in as coordinator1 / demo1234 or coordinator2 / demo1234)"
echo
exec $UV run --locked python manage.py runserver "127.0.0.1:$PORT"
