#!/usr/bin/env bash
# make bench: every benchmark prints its figures (none of them is a pass/fail test).
# BENCH_QUICK=1 runs the small sizes only.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
export DJANGO_SETTINGS_MODULE=shutafut.settings
quick=()
[ "${BENCH_QUICK:-0}" = 1 ] && quick=(--quick)
for bench in bench/bench_*.py; do
  echo "== $bench"
  $UV run --locked python "$bench" "${quick[@]}"
done
