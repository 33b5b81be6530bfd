#!/usr/bin/env bash
# make test: install what is missing, start a throwaway PostgreSQL, run lint, types and the whole suite on
# PostgreSQL (browser tests included) and again on SQLite (everything but the browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
PKGS="postgresql chromium fonts-noto-core culmus poppler-utils gettext libpango-1.0-0 libpangoft2-1.0-0"
missing=$(for p in $PKGS; do dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' || echo "$p"; done)
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ]; then echo "Missing Debian packages (run as root to install): $missing" >&2; exit 1; fi
  echo "Installing Debian packages: $missing"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
source scripts/bootstrap.sh

echo "== ruff, mypy, import layers"
$UV run --locked ruff check .
$UV run --locked ruff format --check .
$UV run --locked mypy shutafut
$UV run --locked lint-imports --no-logo

# These machines set PYTHONDONTWRITEBYTECODE; the suite keeps its bytecode (in the ignored __pycache__ folders), so
# the second pass, and every run after the first, loads the compiled modules and pytest's rewritten test modules
# instead of compiling them again in each worker: 13 s of collection became 6.
unset PYTHONDONTWRITEBYTECODE

source scripts/pg.sh
PGPORT=${PGPORT:-54329}
start_throwaway_postgres "$PGPORT"

echo "== pytest on PostgreSQL (with the browser tests)"
DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/shutafut" $UV run --locked pytest -n 2 -q "$@"
echo "== pytest on SQLite (the database tests again, without the browser and the page crawl)"
env -u DATABASE_URL $UV run --locked pytest -n 2 -q -m "not browser and not nodb and not pages" "$@"
