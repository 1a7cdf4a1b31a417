#!/usr/bin/env bash
# Runs every test: installs npm dependencies, Chromium and LibreOffice/poppler (document tests) if missing, starts Azurite on free ports
# (in memory), runs `dotnet test` on the solution, stops Azurite again.
set -euo pipefail
cd "$(dirname "$0")"
source infra/local/dev-env.sh

ensure_npm_deps
ensure_chromium
ensure_office
start_azurite memory
trap stop_azurite EXIT
log "Azurite running (pid $AZURITE_PID)"

export TEAMSAMDL_TEST_STORAGE="$STORAGE_CONNECTION_STRING"
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"
start=$(date +%s)
status=0
out=$(mktemp)
dotnet test TeamsAmdl.sln --nologo -c Release "$@" 2>&1 | tee "$out" || status=$?
log "Test suite wall time: $(( $(date +%s) - start )) s"
# One closing line over all test assemblies, e.g. "Total: 345 passed, 0 failed, 0 skipped".
awk '/^(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+/ {
       gsub(",", ""); f += $4; p += $6; s += $8; n++ }
     END { if (n == 0) print "Total: 0 passed, 1 failed (no test assembly ran)"; else printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$out"
if ! grep -qE '^(Passed|Failed)! ' "$out"; then status=1; fi
rm -f "$out"
exit $status
