#!/usr/bin/env bash
# Installs what is missing (Debian/Ubuntu), starts throw-away PostgreSQL, Redis and RabbitMQ servers for the
# functional tests, builds with warnings as errors and runs every test. The end-to-end tests start the platform
# through its AppHost in local mode on their own free ports.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

eng/install-prerequisites.sh --browser

# shellcheck source=eng/test-servers.sh
source eng/test-servers.sh
trap stop_test_servers EXIT
start_test_servers

dotnet build SlmPlatform.sln -c Release

log=$(mktemp)
status=0
# One test module at a time: the end-to-end tests start a whole platform, and this may be a 2-core machine.
dotnet test --solution SlmPlatform.sln -c Release --no-build --max-parallel-test-modules 1 "$@" 2>&1 | tee "$log" || status=$?

# CI keeps only the end of the output: repeat each failure there, with the first lines of its reason.
if grep -qE '^\s*failed [^(]+\(' "$log"; then
  echo "Failed tests:"
  awk '/^[[:space:]]*failed [^(]+\(/ { n = 25 } n > 0 { print; n-- }' "$log"
fi

count() { grep -E "^\s+$1: [0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
echo "$(count succeeded) passed, $(count failed) failed, $(count skipped) skipped"
rm -f "$log"
exit $status
