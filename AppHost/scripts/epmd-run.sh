#!/usr/bin/env bash
# Runs the platform's epmd on loopback in the foreground. An epmd already on the port is stopped first: Erlang tools
# start one as a daemon when they find none, and that daemon outlives the AppHost; left there, ours could not listen
# and RabbitMQ would wait for it for ever.
# Usage: epmd-run.sh PORT
set -euo pipefail
port="$1"

if epmd -port "$port" -names >/dev/null 2>&1; then
  if ! epmd -port "$port" -kill >/dev/null 2>&1; then
    echo "An epmd that will not stop holds port $port (epmd -port $port -names lists its nodes); stop it and start again." >&2
    exit 1
  fi
  for _ in $(seq 1 50); do
    epmd -port "$port" -names >/dev/null 2>&1 || break
    sleep 0.1
  done
fi

exec epmd -port "$port" -address 127.0.0.1
