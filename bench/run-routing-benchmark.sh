#!/usr/bin/env bash
# Measures the gateway's routing decision per call (route keys, the route table's cache over Redis, canary shares)
# beside the request parse the gateway does anyway, in the same run, on a throw-away Redis (eng/test-servers.sh),
# and prints a Markdown table. Arguments go to the benchmark: --rounds N (20), --calls N (500), --data DIR.
# Build output goes to bench/.artifacts, apart from the solution's bin/ and obj/.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

artifacts=bench/.artifacts
dotnet build bench/Routing.Benchmarks/Routing.Benchmarks.csproj -c Release --artifacts-path "$artifacts" -nologo -v quiet >&2

# shellcheck source=../eng/test-servers.sh
source eng/test-servers.sh
trap stop_test_servers EXIT
start_test_servers >&2

dotnet "$artifacts/bin/Routing.Benchmarks/release/SlmPlatform.Routing.Benchmarks.dll" "$@"
