#!/usr/bin/env bash
# make bench: every benchmark prints its figures (none of them is a pass/fail test).
# BENCH_QUICK=1 runs the small sizes only.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
export DJANGO_SETTINGS_MODULE=shutafut.settings
# The benchmarks that measure the production profile (bench_city.py) use a throwaway PostgreSQL, as production
# does, when this machine has PostgreSQL's server (else a SQLite file); BENCH_DATABASE_URL names another server.
if [ -z "${BENCH_DATABASE_URL:-}" ] && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  source scripts/pg.sh
  start_throwaway_postgres "${BENCH_PGPORT:-54328}"
  export BENCH_DATABASE_URL=$PG_URL
fi
quick=()
[ "${BENCH_QUICK:-0}" = 1 ] && quick=(--quick)
for bench in bench/bench_*.py; do
  echo "== $bench"
  $UV run --locked python "$bench" "${quick[@]}"
done
