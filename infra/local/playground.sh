#!/usr/bin/env bash
# Starts the Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground) as a second local Teams client for
# the demo user $1 against a running TeamsAmdl that was started with Bot__Playground=true (PLAYGROUND_USER=… ./run.sh
# does both). Writes .playground/<user>/.m365agentsplayground.yml from GET /dev/playground/config and runs the
# playground in that folder; its web UI is http://localhost:${PLAYGROUND_PORT:-56150}. No browser is opened, no
# telemetry sent. AGENTSPLAYGROUND names another playground CLI (e.g. a global install); default: the repository's.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
USER_ID="${1:?Demo-Benutzer angeben, z. B.: infra/local/playground.sh betr-06 (Liste: /api/dev/users)}"
APP_URL="${APP_URL:-http://localhost:${PORT:-7071}}"
DIR="$ROOT/.playground/$USER_ID"
mkdir -p "$DIR"
if ! curl -fsS "$APP_URL/dev/playground/config?user=$USER_ID" -o "$DIR/.m365agentsplayground.yml"; then
  echo "Keine Playground-Konfiguration von $APP_URL: läuft die App in Development mit Bot__Playground=true, gibt es „$USER_ID“?" >&2
  exit 1
fi
cd "$DIR"
TEAMSAPPTESTER_BROWSER=none exec "${AGENTSPLAYGROUND:-$ROOT/node_modules/.bin/agentsplayground}" -e "$APP_URL/api/messages" -c msteams \
  -p "${PLAYGROUND_PORT:-56150}" --disable-telemetry
