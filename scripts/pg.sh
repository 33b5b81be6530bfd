# Sourced by scripts/test.sh and scripts/bench.sh: start_throwaway_postgres PORT starts a PostgreSQL cluster in a
# temporary folder (no fsync: nothing in it needs to survive), stops and removes it when the script exits, and
# sets PG_URL to its server (database "postgres", user postgres, no password). Needs PostgreSQL's server package.
start_throwaway_postgres() {
  local port=$1
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PGDATA=$(mktemp -d)
  as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else bash -c "$1"; fi; }
  [ "$(id -u)" = 0 ] && chown postgres: "$PGDATA"
  as_pg "$PGBIN/initdb -D $PGDATA -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  as_pg "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -w start -o '-p $port -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off'" >/dev/null
  trap 'as_pg "$PGBIN/pg_ctl -D $PGDATA -m immediate stop" >/dev/null 2>&1; rm -rf "$PGDATA"' EXIT
  PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
}
