# Sourced by the other scripts: the repo-local uv and the locked virtual environment, then compiled catalogs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -x .tools/bin/uv ]; then
  python3 -m venv .tools
  .tools/bin/pip install -q --disable-pip-version-check uv
fi
UV=.tools/bin/uv
$UV sync --locked -q
# Synced once here: the scripts' later `uv run` calls skip the check (with compile-bytecode it revisits every
# installed file, about half a second each time).
export UV_NO_SYNC=1
mkdir -p var
compile_messages() {
  if command -v msgfmt >/dev/null; then
    # compilemessages would also walk .venv; compile only our catalogs.
    find shutafut -name django.po -path '*/LC_MESSAGES/*' | while read -r po; do
      # Written aside, then renamed: a process loading the catalog meanwhile never reads half a file.
      msgfmt --check-format -o "${po%.po}.mo.part" "$po" && mv "${po%.po}.mo.part" "${po%.po}.mo"
    done
  else
    echo "msgfmt not found (Debian package gettext): pages stay in the source language" >&2
  fi
}
compile_messages
# The project's own modules too (the dependencies are compiled at install: [tool.uv] compile-bytecode), since
# these machines set PYTHONDONTWRITEBYTECODE=1 and would otherwise recompile them on every command.
.venv/bin/python -m compileall -q -j 0 shutafut >/dev/null
