#!/usr/bin/env bash
# Stored calls per second through 1 and 2 scrubber replicas draining one queue into one database, with the CPU each
# used, on throw-away PostgreSQL, Redis and RabbitMQ servers (eng/test-servers.sh); prints a Markdown table.
# Arguments go to the benchmark, e.g. bench/run-replicas-benchmark.sh --calls 5000; --help lists them.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

eng/install-prerequisites.sh >&2

# Each program in its own output folder, with its own appsettings.json, apart from the solution's bin/ and obj/.
artifacts=bench/.artifacts
for project in bench/Replicas.Benchmarks/Replicas.Benchmarks.csproj services/Scrubber/Scrubber.csproj services/Ingest/Ingest.csproj; do
  dotnet build "$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet >&2
done
bench_dll="$artifacts/bin/Replicas.Benchmarks/release/SlmPlatform.Replicas.Benchmarks.dll"
for arg in "$@"; do
  case "$arg" in -h|--help) exec dotnet "$bench_dll" --help ;; esac
done

# shellcheck source=harness-with-servers.sh
source bench/harness-with-servers.sh
run_harness_with_test_servers dotnet "$bench_dll" \
  --scrubber-dll "$artifacts/bin/Scrubber/release/SlmPlatform.Scrubber.dll" \
  --ingest-dll "$artifacts/bin/Ingest/release/SlmPlatform.Ingest.dll" "$@"
