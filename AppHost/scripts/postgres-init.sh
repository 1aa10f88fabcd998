#!/usr/bin/env bash
# Creates the local PostgreSQL cluster on first run; later runs find it and exit at once.
# Usage: postgres-init.sh DATA_DIR   (the superuser password comes in POSTGRES_PASSWORD)
set -euo pipefail
data_dir="$1"
if [ -f "$data_dir/PG_VERSION" ]; then
  echo "PostgreSQL cluster found in $data_dir"
  exit 0
fi

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/initdb" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; }

mkdir -p "$data_dir"
pwfile=$(mktemp)
trap 'rm -f "$pwfile"' EXIT
printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
run_as=()
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$data_dir" "$pwfile"
  run_as=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi

"${run_as[@]}" "$bindir/initdb" -D "$data_dir" -U postgres --pwfile="$pwfile" \
  --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-instructions
