#!/usr/bin/env bash
# Runs the local PostgreSQL in the foreground on loopback. exec (and setpriv, which execs in place) make postgres
# the process the AppHost started, so its stop signal reaches the server directly.
# Usage: postgres-run.sh DATA_DIR PORT
set -euo pipefail
data_dir="$1"
port="$2"
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

run_as=()
if [ "$(id -u)" = 0 ]; then
  run_as=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi

exec "${run_as[@]}" "$bindir/postgres" -D "$data_dir" -p "$port" \
  -c listen_addresses=127.0.0.1 -c unix_socket_directories="$data_dir" -c max_connections=200
