#!/usr/bin/env bash
# Re-extract every translatable string into the he and en catalogs (then translate the new entries).
# Run from the repository root: each app folder that has a locale/ gets its own strings; the rest go to
# shutafut/locale. No source locations (they change with every edit and make catalogs conflict in merges).
set -euo pipefail
cd "$(dirname "$0")/.."
.tools/bin/uv run django-admin makemessages -l he -l en --no-obsolete --no-location --settings=shutafut.settings \
  --ignore='.venv/*' --ignore='.tools/*' --ignore='tests/*' --ignore='bench/*' --ignore='var/*' --ignore='*/migrations/*'
