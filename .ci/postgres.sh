#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store's tests, so that every store
# test runs against both engines (issue 10): a fresh cluster in a temporary
# folder, listening on 127.0.0.1 only, on a free port, with trust
# authentication, stopped and removed when the shell that started it exits
# (success or failure).
#
#   source .ci/postgres.sh && start_postgres    # .ci/run: the rest of the
#                                               # script sees the server
#   bash .ci/postgres.sh go test ./store/      # by hand: run one command
#
# It exports CROSSCHECK_TEST_POSTGRES, a DSN the tests connect to. It needs
# PostgreSQL's initdb, pg_ctl and postgres on the PATH. initdb refuses to
# run as root, so as root the cluster belongs to the postgres user; as
# anyone else it belongs to them.

start_postgres() {
  local bin
  for bin in initdb pg_ctl postgres; do
    command -v "$bin" >/dev/null || { echo "postgres.sh: $bin is not on the PATH" >&2; return 1; }
  done
  PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-pg.XXXXXX")
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$PG_TMP"
    as=(runuser -u postgres --)
  fi
  trap stop_postgres EXIT
  if ! "${as[@]}" initdb -D "$PG_TMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1; then
    echo "postgres.sh: initdb failed:" >&2; tail -20 "$PG_TMP/initdb.log" >&2; return 1
  fi
  # Another server may take the port between the check and the start; a
  # few tries with other ports make that harmless.
  local port try
  for try in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 30000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    if "${as[@]}" pg_ctl -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_TMP -c max_connections=200 -c fsync=off" >/dev/null; then
      export CROSSCHECK_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
      echo "postgres.sh: $(postgres --version) on 127.0.0.1:$port (data in $PG_TMP)"
      return 0
    fi
  done
  echo "postgres.sh: the server did not start:" >&2; tail -20 "$PG_TMP/server.log" >&2
  return 1
}

stop_postgres() {
  [ -n "${PG_TMP:-}" ] || return 0
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  if [ -f "$PG_TMP/data/postmaster.pid" ]; then
    "${as[@]}" pg_ctl -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_TMP"
  PG_TMP=
}

# Run as a script: start the server, run the command given, stop.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  [ $# -gt 0 ] || { echo "usage: bash .ci/postgres.sh COMMAND [ARGS...]" >&2; exit 2; }
  start_postgres
  set +e
  "$@"
  status=$?
  exit $status
fi
