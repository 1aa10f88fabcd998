#!/usr/bin/env bash
# Measures accepted calls per second through the ingest service beside a raw RabbitMQ publisher-confirm loop, on
# throw-away PostgreSQL, Redis and RabbitMQ servers (eng/test-servers.sh), and prints a Markdown table.
# Arguments go to the benchmark, e.g. bench/run-ingest-benchmark.sh --seconds 5; --help lists them.
# Build output goes to bench/.artifacts, apart from the solution's bin/ and obj/, so a build running elsewhere in the
# repository is not disturbed.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

eng/install-prerequisites.sh >&2

artifacts=bench/.artifacts
dotnet build bench/Ingest.Benchmarks/Ingest.Benchmarks.csproj -c Release --artifacts-path "$artifacts" -nologo -v quiet >&2
bench_dll="$artifacts/bin/Ingest.Benchmarks/release/SlmPlatform.Ingest.Benchmarks.dll"
for arg in "$@"; do
  case "$arg" in -h|--help) exec dotnet "$bench_dll" --help ;; esac
done

# shellcheck source=harness-with-servers.sh
source bench/harness-with-servers.sh
run_harness_with_test_servers dotnet "$bench_dll" "$@"
