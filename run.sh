#!/usr/bin/env bash
# Installs what is missing (Debian/Ubuntu), then runs the platform through its AppHost: in containers where a
# container runtime answers, otherwise on the machine's own PostgreSQL, Redis and RabbitMQ (data in .slm/).
# Extra arguments go to the AppHost, e.g. ./run.sh --Infrastructure:Mode=local
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

eng/install-prerequisites.sh

# exec: Ctrl+C and SIGTERM reach the AppHost, which stops every server and service it started.
exec dotnet run --project AppHost --launch-profile http -- "$@"
