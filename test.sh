#!/usr/bin/env bash
# Runs every test: installs npm dependencies and Chromium if missing, starts Azurite on free ports
# (in memory), runs `dotnet test` on the solution, stops Azurite again.
set -euo pipefail
cd "$(dirname "$0")"
source infra/local/dev-env.sh

ensure_npm_deps
ensure_chromium
start_azurite memory
trap stop_azurite EXIT
log "Azurite running (pid $AZURITE_PID)"

export TEAMSAMDL_TEST_STORAGE="$STORAGE_CONNECTION_STRING"
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"
start=$(date +%s)
status=0
dotnet test TeamsAmdl.sln --nologo -c Release "$@" || status=$?
log "Test suite wall time: $(( $(date +%s) - start )) s"
exit $status
