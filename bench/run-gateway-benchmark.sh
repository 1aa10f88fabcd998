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

# shellcheck source=harness-with-servers.sh
source bench/harness-with-servers.sh
run_harness_with_test_servers dotnet "$artifacts/bin/Gateway.Benchmarks/release/SlmPlatform.Gateway.Benchmarks.dll" "$@"
