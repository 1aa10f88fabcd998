#!/usr/bin/env bash
# Measures generated tokens/s of a GGUF specialist through the serving service's API (in-process) beside raw
# LLamaSharp on the same model in the same run, and each specialist's CPU-seconds per call priced against a typical
# teacher call, on a throw-away PostgreSQL (eng/test-servers.sh; serving checks API keys there). Prints Markdown.
# Arguments go to the benchmark, e.g. --gguf /tmp/run/banking77-F32.gguf --queries 100 --rounds 3; --help lists them.
# Build output goes to bench/.artifacts, apart from the solution's bin/ and obj/.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

artifacts=bench/.artifacts
dotnet build bench/Serving.Benchmarks/Serving.Benchmarks.csproj -c Release --artifacts-path "$artifacts" -nologo -v quiet >&2

# shellcheck source=../eng/test-servers.sh
source eng/test-servers.sh
trap stop_test_servers EXIT
start_test_servers >&2

dotnet "$artifacts/bin/Serving.Benchmarks/release/SlmPlatform.Serving.Benchmarks.dll" "$@"
