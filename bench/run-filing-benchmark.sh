#!/usr/bin/env bash
# Task discovery's filing rate end to end: ingest and the scrubber queue scrubbed calls while the tasks service is
# stopped, then it files them (embedded, stored, assigned) and the rate is read from its table; beside it raw ONNX
# Runtime embeds the same texts in the same run. Throw-away PostgreSQL, Redis and RabbitMQ (eng/test-servers.sh);
# prints a Markdown table. Arguments go to the benchmark, e.g. bench/run-filing-benchmark.sh --calls 5000.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

eng/install-prerequisites.sh >&2

# Each program in its own output folder, with its own appsettings.json, apart from the solution's bin/ and obj/.
artifacts=bench/.artifacts
for project in bench/TaskDiscovery.Quality/TaskDiscovery.Quality.csproj services/TaskDiscovery/TaskDiscovery.csproj services/Scrubber/Scrubber.csproj services/Ingest/Ingest.csproj; do
  dotnet build "$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet >&2
done

# shellcheck source=harness-with-servers.sh
source bench/harness-with-servers.sh
run_harness_with_test_servers dotnet "$artifacts/bin/TaskDiscovery.Quality/release/SlmPlatform.TaskDiscovery.Quality.dll" --filing \
  --tasks-dll "$artifacts/bin/TaskDiscovery/release/SlmPlatform.TaskDiscovery.dll" \
  --scrubber-dll "$artifacts/bin/Scrubber/release/SlmPlatform.Scrubber.dll" \
  --ingest-dll "$artifacts/bin/Ingest/release/SlmPlatform.Ingest.dll" "$@"
