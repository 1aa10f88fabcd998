#!/usr/bin/env bash
# The operator's tenant commands against the local platform's database (./run.sh, local mode):
#   eng/tenant.sh create acme --name "Acme Corp"   # prints Acme's first admin key, once
#   eng/tenant.sh list
#   eng/tenant.sh disable acme                     # revokes every key of the tenant
#   eng/tenant.sh quota acme 50000                 # at most 50,000 captured calls a day (0: none; default: Quotas:CallsPerDay)
# Elsewhere, run the migrator's command with the platform database named:
#   ConnectionStrings__platformdb='Host=...;Database=platformdb;...' dotnet run --no-launch-profile --project services/DbMigrator -- tenant create acme
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

state="${SLM_STATE_DIRECTORY:-.slm}"
if [ -z "${ConnectionStrings__platformdb:-}" ]; then
  if [ ! -f "$state/secrets.json" ]; then
    echo "No $state/secrets.json: start the platform once with ./run.sh (local mode), or set ConnectionStrings__platformdb." >&2
    exit 2
  fi
  password=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["postgres"])' "$state/secrets.json")
  export ConnectionStrings__platformdb="Host=127.0.0.1;Port=${SLM_POSTGRES_PORT:-5442};Username=postgres;Password=$password;Database=platformdb"
fi

exec dotnet run --no-launch-profile --project services/DbMigrator -- tenant "$@"
