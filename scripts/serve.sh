#!/usr/bin/env bash
# make serve: the production profile. Given DATABASE_URL (PostgreSQL), SHUTAFUT_SECRET_KEY and
# SHUTAFUT_ALLOWED_HOSTS, it migrates, creates the cache table, collects the static files, checks the deployment,
# then runs gunicorn and SHUTAFUT_WORKERS background workers (manage.py db_worker) until it is stopped.
#
#   scripts/serve.sh            all of it (one machine)
#   scripts/serve.sh prepare    migrate, cache table, static files, deploy checks; then exit (an upgrade step)
#   scripts/serve.sh web        gunicorn only          (deploy/shutafut-web.service)
#   scripts/serve.sh worker     one worker only        (deploy/shutafut-worker@.service; any machine, any number)
#
# Optional: SHUTAFUT_BIND (127.0.0.1:8000), SHUTAFUT_WEB_WORKERS (3), SHUTAFUT_WEB_TIMEOUT (60 s),
# SHUTAFUT_WORKERS (2), SHUTAFUT_BEHIND_PROXY, SHUTAFUT_CACHE_URL, SHUTAFUT_STATIC_ROOT; see README, "Production".
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
case "$mode" in all | prepare | web | worker) ;; *) echo "usage: $0 [all|prepare|web|worker]" >&2; exit 2 ;; esac

missing=()
for name in DATABASE_URL SHUTAFUT_SECRET_KEY SHUTAFUT_ALLOWED_HOSTS; do
  [ -n "${!name:-}" ] || missing+=("$name")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Set ${missing[*]} (see README, \"Production\")." >&2
  exit 2
fi
case "$DATABASE_URL" in
  postgres://* | postgresql://* | pgsql://*) ;;
  *) echo "DATABASE_URL must name a PostgreSQL database (postgres://user:password@host:5432/name)." >&2; exit 2 ;;
esac
export SHUTAFUT_DEBUG=False DJANGO_SETTINGS_MODULE=shutafut.settings

source scripts/bootstrap.sh
PY=.venv/bin/python

prepare() {
  .venv/bin/shutafut prepare  # migrate, createcachetable, collectstatic, check --deploy: one process
}

web() {
  exec .venv/bin/gunicorn shutafut.wsgi \
    --bind "${SHUTAFUT_BIND:-127.0.0.1:8000}" \
    --workers "${SHUTAFUT_WEB_WORKERS:-3}" \
    --timeout "${SHUTAFUT_WEB_TIMEOUT:-60}" \
    --access-logfile - --error-logfile -
}

worker() {
  exec $PY manage.py db_worker --no-reload --verbosity "${SHUTAFUT_WORKER_VERBOSITY:-1}"
}

case "$mode" in
  prepare) prepare ;;
  web) web ;;
  worker) worker ;;
  all)
    prepare
    pids=()
    stop() {
      trap - INT TERM EXIT
      # A worker that gets TERM finishes the task in hand, then exits; give it a while, then stop it.
      kill -TERM "${pids[@]}" 2>/dev/null || true
      for _ in $(seq 1 "${SHUTAFUT_STOP_SECONDS:-30}"); do
        kill -0 "${pids[@]}" 2>/dev/null || break
        sleep 1
      done
      kill -KILL "${pids[@]}" 2>/dev/null || true
      wait 2>/dev/null || true
    }
    trap stop INT TERM EXIT
    for _ in $(seq 1 "${SHUTAFUT_WORKERS:-2}"); do
      (worker) &
      pids+=($!)
    done
    (web) &
    pids+=($!)
    # Whichever ends first (gunicorn, or a worker that crashed) stops the rest: a supervisor restarts the lot.
    wait -n
    ;;
esac
