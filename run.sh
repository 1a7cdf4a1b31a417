#!/usr/bin/env bash
# Runs TeamsAmdl locally: installs npm dependencies (Azurite, card renderer), starts Azurite on 127.0.0.1 with
# its data in .azurite/ (git-ignored), starts the app in Development (it seeds the demo Jobcenter on first start)
# on http://localhost:${PORT:-7071}. Ctrl-C stops both.
# PLAYGROUND_USER=betr-06 ./run.sh also starts the Microsoft 365 Agents Playground as that demo user (infra/local/playground.sh).
set -euo pipefail
cd "$(dirname "$0")"
source infra/local/dev-env.sh

PORT="${PORT:-7071}"
ensure_npm_deps
AZURITE_LOG="$ROOT/.azurite/azurite.log"; mkdir -p "$ROOT/.azurite"
# Fixed default ports so that Azure Storage Explorer finds the data; override with AZURITE_*_PORT if taken.
start_azurite disk "${AZURITE_BLOB_PORT:-10000}" "${AZURITE_QUEUE_PORT:-10001}" "${AZURITE_TABLE_PORT:-10002}"
APP_PID=""
PLAYGROUND_PID=""
cleanup() {
  [ -n "$PLAYGROUND_PID" ] && kill "$PLAYGROUND_PID" 2>/dev/null && wait "$PLAYGROUND_PID" 2>/dev/null
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  stop_azurite
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log "Azurite running (pid $AZURITE_PID, data in .azurite/)"

log "Building the app"
dotnet build functions/TeamsAmdl.DevHost -c Release --nologo -v q >/dev/null
PLAYGROUND_ENV=(); [ -n "${PLAYGROUND_USER:-}" ] && PLAYGROUND_ENV=(Bot__Playground=true)
env "${PLAYGROUND_ENV[@]}" ASPNETCORE_ENVIRONMENT=Development PORT="$PORT" Storage__ConnectionString="$STORAGE_CONNECTION_STRING" Filing__LocalFolder="$ROOT/.data/e-akte" \
  dotnet run --project functions/TeamsAmdl.DevHost -c Release --no-build --no-launch-profile &
APP_PID=$!
for _ in $(seq 1 300); do
  if curl -fsS "http://localhost:$PORT/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then log "The app stopped during start (see above)."; exit 1; fi
  sleep 0.2
done
cat >&2 <<TXT

  TeamsAmdl läuft (Development, Demo-Daten des fiktiven Jobcenter Musterstadt).
    Teams-Chat:    http://localhost:$PORT/dev/inbox   (Entwicklungs-Posteingang: Bot-Karten als Demo-Benutzer)
    Tab:           http://localhost:$PORT/tab         (Maßnahmeinfo, Demo-Benutzer oben wählbar)
    Health:        http://localhost:$PORT/healthz
    Demo-Benutzer: http://localhost:$PORT/api/dev/users
    Maßnahmen:     curl -H 'X-Dev-User: koord-weber' http://localhost:$PORT/api/measures
    e-Akte:        $ROOT/.data/e-akte
  Beenden mit Ctrl-C.

TXT
if [ -n "${PLAYGROUND_USER:-}" ]; then
  PORT="$PORT" infra/local/playground.sh "$PLAYGROUND_USER" &
  PLAYGROUND_PID=$!
  log "Agents Playground als $PLAYGROUND_USER: http://localhost:${PLAYGROUND_PORT:-56150}"
fi
wait "$APP_PID"
