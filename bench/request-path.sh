#!/usr/bin/env bash
# The request path of issue 6, section 5: GET /v1/assistants/{id} on a warm assistant-service next
# to pgbench running the four SQL statements the request issued when issue 6 was written (API key
# by lookup prefix, its user, the assistant, the assistant's grants) -- the issue's baseline; the
# service now issues two for an admin or owner (key joined with its user; the assistant) -- in one
# run on this machine, plus a Liberty health check as the floor of an HTTP round trip.
#
#   bench/request-path.sh [SECONDS]     (default 10 per measurement; the stack is (re)started)
#
# Reports, for 1 and 32 concurrent clients: requests/s and p50/p90/p99 latency of the service and
# the health check (bench/HttpLoad.java, keep-alive raw sockets), transactions/s and average
# latency of pgbench, and the ratios the targets name (service rate / pgbench rate at 32 clients,
# service p50 at 1 client).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_EACH="${1:-10}"
PORT="${ASSISTANT_SERVICE_PORT:-9081}"
BASE="http://localhost:$PORT"
source "$ROOT/bench/lib.sh"
export PGPASSWORD="${DB_PASSWORD:-openassist}"
PSQL=(psql -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-openassist}" -d "${DB_NAME:-openassist}" -qtAX)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "[bench] starting the stack with a bench operator token (only assistant-service stays up)"
restart_stack assistant-service
onboard bench "$BASE"
ASSISTANT="$(curl -fsS -X POST "$BASE/v1/assistants" -H "Authorization: Bearer $KEY" \
  -H 'Content-Type: application/json' \
  -d '{"model": "gpt-4o", "name": "Bench", "instructions": "Answer briefly.", "tools": [{"type": "code_interpreter"}]}' | jq -r .id)"
read -r KEY_PREFIX USER_ID ORG_ID < <("${PSQL[@]}" -F ' ' -c \
  "SELECT lookup_prefix, user_id, organization_id FROM assistant.api_key WHERE id = '$(jq -r .api_key.id <<<"$ONBOARDED")'")

cat >"$WORK/request.sql" <<SQL
SELECT id, created_at, expires_at, last_used_at, lookup_prefix, name, organization_id, revoked_at, secret_hash, user_id FROM assistant.api_key WHERE lookup_prefix = '$KEY_PREFIX';
SELECT id, created_at, email, external_subject, name, organization_id, role FROM assistant.app_user WHERE id = '$USER_ID';
SELECT id, available_models, created_at, default_model, description, instructions, metadata, model, name, organization_id, owner_id, response_format, slug, temperature, tool_resources, tools, top_p, updated_at FROM assistant.assistant WHERE id = '$ASSISTANT';
SELECT id, assistant_id, created_at, created_by, grantee, grantee_type, organization_id, permission FROM assistant.assistant_permission WHERE assistant_id = '$ASSISTANT';
SQL

load() { java "$ROOT/bench/HttpLoad.java" localhost "$PORT" "$1" "$2" "$3" "$4" "$5"; }
pg() {
  pgbench -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-openassist}" -n -M prepared \
    -c "$1" -j "$(( $1 < 2 ? 1 : 2 ))" -T "$2" -f "$WORK/request.sql" "${DB_NAME:-openassist}" 2>/dev/null \
    | awk -v c="$1" '/^latency average/ {lat=$4} /^tps/ {tps=$3} END {printf "%-28s clients=%-3d rate=%9.0f/s  avg=%6.3f ms\n", "pgbench (same 4 statements)", c, tps, lat}'
}

# On two cores the JIT keeps compiling the request path for about a minute; measured any sooner,
# the service's rate comes out a third lower.
echo "[bench] warming the JVM (GET /v1/assistants/{id} for 60 s, /health/live for 5 s)"
load "/v1/assistants/$ASSISTANT" "$KEY" 32 60 warm-up >/dev/null
load /health/live - 4 5 warm-up >/dev/null

echo "[bench] $SECONDS_EACH s per measurement; $(nproc) cores; assistant $ASSISTANT"
results="$WORK/results"
for clients in 1 32; do
  load /health/live - "$clients" "$SECONDS_EACH" "GET /health/live" | tee -a "$results"
  load "/v1/assistants/$ASSISTANT" "$KEY" "$clients" "$SECONDS_EACH" "GET /v1/assistants/{id}" | tee -a "$results"
  pg "$clients" "$SECONDS_EACH" | tee -a "$results"
done
awk '
  /GET \/v1\/assistants/ && /clients=1 / {split($0, a, "p50="); split(a[2], b, " "); p50 = b[1]}
  /GET \/v1\/assistants/ && /clients=32 / {split($0, a, "rate="); split(a[2], b, "/"); svc = b[1]}
  /pgbench/ && /clients=32 / {split($0, a, "rate="); split(a[2], b, "/"); pg = b[1]}
  END {
    printf "\n[bench] service rate / pgbench rate at 32 clients: %.0f / %.0f = %.0f%% (target >= 50%%)\n", svc, pg, 100 * svc / pg
    printf "[bench] service p50 at 1 client: %s ms (target <= 0.6 ms)\n", p50
  }' "$results"
