#!/usr/bin/env bash
# Builds the Teams app package: artifacts/manifest/TeamsAmdl.zip (manifest.json, color.png, outline.png).
# Substitutes the placeholders of manifest/manifest.json, validates the result (manifest/validate.js) and zips it.
# Needs Node.js 20+ and the npm packages of the repository (npm ci); downloads nothing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

usage() {
  cat <<'EOF'
usage: manifest/package.sh --bot-app-id <guid> --hostname <host> [--version <x.y.z>] [--out <dir>]

  --bot-app-id  application (client) ID of the Entra app registration of the bot and of Teams SSO
                ({{BOT_APP_ID}}; environment variable BOT_APP_ID)
  --hostname    public host name of the function app, e.g. func-teamsamdl-prod-abc123.azurewebsites.net
                ({{HOSTNAME}}; environment variable APP_HOSTNAME)
  --version     app version, MAJOR.MINOR.PATCH; raise it for every upload
                ({{APP_VERSION}}; environment variable APP_VERSION; default 1.0.0)
  --out         output folder (default: artifacts/manifest); the package is <out>/TeamsAmdl.zip
EOF
}

bot_app_id="${BOT_APP_ID:-}"
app_hostname="${APP_HOSTNAME:-}"   # not $HOSTNAME: bash sets that to the machine's name
app_version="${APP_VERSION:-1.0.0}"
out_dir="$root/artifacts/manifest"

value() {
  if [[ $# -lt 2 || -z "$2" || "$2" == --* ]]; then
    echo "package.sh: $1 needs a value" >&2
    usage >&2
    exit 2
  fi
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --bot-app-id) value "$@"; bot_app_id="$2"; shift 2 ;;
    --bot-app-id=*) bot_app_id="${1#*=}"; shift ;;
    --hostname) value "$@"; app_hostname="$2"; shift 2 ;;
    --hostname=*) app_hostname="${1#*=}"; shift ;;
    --version) value "$@"; app_version="$2"; shift 2 ;;
    --version=*) app_version="${1#*=}"; shift ;;
    --out) value "$@"; out_dir="$2"; shift 2 ;;
    --out=*) out_dir="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "package.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

missing=()
[[ -n "$bot_app_id" ]] || missing+=("--bot-app-id")
[[ -n "$app_hostname" ]] || missing+=("--hostname")
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "package.sh: missing ${missing[*]}" >&2
  usage >&2
  exit 2
fi

if ! command -v node >/dev/null 2>&1; then
  echo "package.sh: Node.js (node) is required" >&2
  exit 2
fi
if [[ ! -d "$root/node_modules/@microsoft/app-manifest" || ! -d "$root/node_modules/ajv-draft-04" ]]; then
  echo "package.sh: npm packages are missing: run 'npm ci' in $root" >&2
  exit 2
fi

exec node "$here/package.js" "$bot_app_id" "$app_hostname" "$app_version" "$out_dir"
