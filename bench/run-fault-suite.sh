#!/usr/bin/env bash
# The fault suite's long part: ingest, the gateway and the scrubber (and task discovery or serving, where a scenario
# kills it, and training with a fine-tune running) run as processes of their own under steady load while each fault in turn is injected — kill -9 of a service
# (serving's while a specialist answers the gateway's calls, training's mid-job), RabbitMQ restarted and killed, PostgreSQL stopped (with
# fsync on) for 5 s and 120 s, Redis shut down, frozen and slowed, partitions that reset and that drop, the capture
# buffer's disk full (run as root: it mounts a small tmpfs), CPU starvation — and a checker counts every accepted call
# as stored once (and filed), dropped and counted, lost or duplicated and looks for the planted personal data
# everywhere. Prints a Markdown table (docs/reliability.md).
# Arguments go to the suite, e.g. bench/run-fault-suite.sh --scenario kill-scrubber.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

eng/install-prerequisites.sh >&2

# Each program in its own output folder, with its own appsettings.json, apart from the solution's bin/ and obj/.
artifacts=bench/.artifacts
for project in bench/Reliability.Faults/Reliability.Faults.csproj services/Ingest/Ingest.csproj services/Scrubber/Scrubber.csproj services/Gateway/Gateway.csproj services/TaskDiscovery/TaskDiscovery.csproj services/Serving/Serving.csproj \
  services/Training/Training.csproj; do
  dotnet build "$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet >&2
done
suite_dll="$artifacts/bin/Reliability.Faults/release/SlmPlatform.Reliability.Faults.dll"
for arg in "$@"; do
  case "$arg" in -h|--help) exec dotnet "$suite_dll" --help ;; esac
done

# PostgreSQL flushes as in production: a stop is only a fair test when what it acknowledged is on disk.
export SLM_TEST_POSTGRES_FSYNC=on
# shellcheck source=harness-with-servers.sh
source bench/harness-with-servers.sh
run_harness_with_test_servers dotnet "$suite_dll" \
  --ingest-dll "$artifacts/bin/Ingest/release/SlmPlatform.Ingest.dll" \
  --scrubber-dll "$artifacts/bin/Scrubber/release/SlmPlatform.Scrubber.dll" \
  --gateway-dll "$artifacts/bin/Gateway/release/SlmPlatform.Gateway.dll" \
  --tasks-dll "$artifacts/bin/TaskDiscovery/release/SlmPlatform.TaskDiscovery.dll" \
  --serving-dll "$artifacts/bin/Serving/release/SlmPlatform.Serving.dll" \
  --training-dll "$artifacts/bin/Training/release/SlmPlatform.Training.dll" "$@"
