#!/usr/bin/env bash
# Shared helpers for ./run.sh and ./test.sh: install what the project needs and start Azurite.
# Sourced, not executed. Everything a clean machine needs is installed from here.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
AZURITE_ACCOUNT=devstoreaccount1
# Azurite's well-known development key (public, documented by Microsoft; never a production secret).
AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

log() { printf '\033[1m[teamsamdl]\033[0m %s\n' "$*" >&2; }

ensure_npm_deps() {
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "Installing npm dependencies (azurite, adaptivecards, ...)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  log "Installing Debian's chromium (browser tests and card rendering)"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-liberation >/dev/null
}

# Document tests (e-Akte): LibreOffice renders the DOCX documents, poppler-utils reads and rasterises PDFs
# (pdftotext, pdfinfo, pdftoppm). Without recommends: a few hundred MB instead of the full office suite.
ensure_office() {
  if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then return 0; fi
  log "Installing Debian's libreoffice-writer-nogui and poppler-utils (document tests)"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation >/dev/null
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# start_azurite <mode: memory|disk> [blobPort queuePort tablePort]
# Sets AZURITE_PID and STORAGE_CONNECTION_STRING.
start_azurite() {
  local mode=$1 bp=${2:-$(free_port)} qp=${3:-$(free_port)} tp=${4:-$(free_port)}
  local args=(--disableTelemetry --silent --skipApiVersionCheck
    --blobHost 127.0.0.1 --blobPort "$bp" --queueHost 127.0.0.1 --queuePort "$qp" --tableHost 127.0.0.1 --tablePort "$tp")
  if [ "$mode" = memory ]; then
    args+=(--inMemoryPersistence)
  else
    mkdir -p "$ROOT/.azurite"
    args+=(--location "$ROOT/.azurite")
  fi
  node "$ROOT/node_modules/azurite/dist/src/azurite.js" "${args[@]}" >"${AZURITE_LOG:-/dev/null}" 2>&1 &
  AZURITE_PID=$!
  local i
  for i in $(seq 1 100); do
    if (echo >/dev/tcp/127.0.0.1/"$tp") 2>/dev/null && (echo >/dev/tcp/127.0.0.1/"$bp") 2>/dev/null && (echo >/dev/tcp/127.0.0.1/"$qp") 2>/dev/null; then
      break
    fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then log "Azurite failed to start (ports $bp/$qp/$tp)"; return 1; fi
    sleep 0.1
  done
  STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=$AZURITE_ACCOUNT;AccountKey=$AZURITE_KEY;BlobEndpoint=http://127.0.0.1:$bp/$AZURITE_ACCOUNT;QueueEndpoint=http://127.0.0.1:$qp/$AZURITE_ACCOUNT;TableEndpoint=http://127.0.0.1:$tp/$AZURITE_ACCOUNT;"
  export STORAGE_CONNECTION_STRING
}

stop_azurite() {
  if [ -n "${AZURITE_PID:-}" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
}
