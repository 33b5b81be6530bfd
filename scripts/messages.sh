#!/usr/bin/env bash
# Re-extract every translatable string into the he and en catalogs (then translate the new entries).
set -euo pipefail
cd "$(dirname "$0")/.."
.tools/bin/uv run django-admin makemessages -l he -l en --settings=shutafut.settings \
  --ignore='.venv/*' --ignore='.tools/*' --ignore='tests/*' --ignore='bench/*' --ignore='var/*' --ignore='*/migrations/*'
