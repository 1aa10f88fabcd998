#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the platform runs on when they are missing: PostgreSQL, Redis and RabbitMQ
# (run by the AppHost as executables in local mode), curl and python3 for the demo scripts; with --browser also
# Debian's chromium, which the console's browser tests drive through Playwright. The .NET SDK is expected to be installed already.
set -euo pipefail

missing=()
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
# eng/fetch-demo-data.sh downloads with curl and checks what it fetched with python3 (the loop demo's language too).
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v python3 >/dev/null 2>&1 || missing+=(python3)

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK 10 is required (https://dot.net): install it, then run this again." >&2
  exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing ${missing[*]} ..."
sudo_cmd=()
[ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
# The packages' own services are not used: the AppHost and the test scripts start the servers on private ports.
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed ${missing[*]}."
