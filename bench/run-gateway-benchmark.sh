#!/usr/bin/env bash
# Measures what the gateway adds to a call of a local OpenAI-compatible upstream made directly, beside its peers (a
# minimal YARP relay and Portkey's open-source gateway): latency (p50, p99; time to first token for streams) and
# requests per second, at concurrency 1, 16 and 64, with capture off, on, and on with a routing table of other tasks,
# on throw-away PostgreSQL, Redis and RabbitMQ servers (eng/test-servers.sh), and prints Markdown tables.
# Portkey's gateway is installed with npm into bench/.artifacts/portkey the first time (left out without node/npm).
# Arguments go to the benchmark, e.g. bench/run-gateway-benchmark.sh --seconds 15 --max-load 1.5; --help lists them.
# Build output goes to bench/.artifacts, apart from the solution's bin/ and obj/, so a build running elsewhere in the
# repository is not disturbed.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

artifacts=bench/.artifacts
dotnet build bench/Gateway.Benchmarks/Gateway.Benchmarks.csproj -c Release --artifacts-path "$artifacts" -nologo -v quiet >&2

portkey_version=1.15.2
portkey="$PWD/$artifacts/portkey"
if command -v node >/dev/null && command -v npm >/dev/null; then
  if [ ! -f "$portkey/node_modules/@portkey-ai/gateway/build/start-server.js" ]; then
    npm install --prefix "$portkey" --no-audit --no-fund --loglevel error "@portkey-ai/gateway@$portkey_version" >&2 \
      || echo "Portkey's gateway could not be installed: its path is left out." >&2
  fi
  set -- --portkey "$portkey" "$@"
else
  echo "No node or npm: Portkey's path is left out." >&2
fi

# shellcheck source=harness-with-servers.sh
source bench/harness-with-servers.sh
run_harness_with_test_servers dotnet "$artifacts/bin/Gateway.Benchmarks/release/SlmPlatform.Gateway.Benchmarks.dll" "$@"
