#!/usr/bin/env bash
# Measures what the gateway adds to a call of a local OpenAI-compatible upstream made directly: latency (p50, p99;
# time to first token for streams) and requests per second, at concurrency 1 and 64, with capture on and off, on
# throw-away PostgreSQL, Redis and RabbitMQ servers (eng/test-servers.sh), and prints Markdown tables.
# Arguments go to the benchmark, e.g. bench/run-gateway-benchmark.sh --seconds 15 --max-load 1.5; --help lists them.
# Build output goes to bench/.artifacts, apart from the solution's bin/ and obj/, so a build running elsewhere in the
# repository is not disturbed.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

artifacts=bench/.artifacts
dotnet build bench/Gateway.Benchmarks/Gateway.Benchmarks.csproj -c Release --artifacts-path "$artifacts" -nologo -v quiet >&2

# shellcheck source=../eng/test-servers.sh
source eng/test-servers.sh

bench_pid=
cleanup() {
  # The benchmark runs in a process group of its own with the upstream and gateways it starts; stop them all, then
  # the servers.
  if [ -n "$bench_pid" ] && kill -0 -- "-$bench_pid" 2>/dev/null; then
    kill -TERM -- "-$bench_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 -- "-$bench_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$bench_pid" 2>/dev/null || true
  fi
  stop_test_servers
}
trap cleanup EXIT
trap 'exit 130' INT TERM
start_test_servers >&2

setsid dotnet "$artifacts/bin/Gateway.Benchmarks/release/SlmPlatform.Gateway.Benchmarks.dll" "$@" &
bench_pid=$!
status=0
wait "$bench_pid" || status=$?
exit $status
