#!/usr/bin/env bash
# Installs (if missing) and starts a throwaway PostgreSQL on 127.0.0.1:55432 for the ledger tests.
# Prints the SQLAlchemy URL to use; the tests read it from CLAIMTRACK_TEST_PG.
set -euo pipefail
PORT=${PGPORT_TEST:-55432}
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
DATA=/tmp/claimtrack-ci-pg
RUNAS=()
if [ "$(id -u)" = 0 ]; then RUNAS=(runuser -u postgres --); fi
"${RUNAS[@]}" "$BIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
rm -rf "$DATA" && mkdir -p "$DATA"
[ "$(id -u)" = 0 ] && chown postgres "$DATA"
"${RUNAS[@]}" "$BIN/initdb" -D "$DATA" -A trust -U postgres >/dev/null
"${RUNAS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
  -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
