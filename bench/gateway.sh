#!/usr/bin/env bash
# Issue 7's gateway benchmark: what POST /v1/assistants/{id}/run adds to a call of the upstream
# vendor, with authentication, the permission check and the run record included. In one run:
# a zero-delay Chat Completions stub (bench/GatewayBench.java stub), assistant-service pointed at
# it, and the same requests sent directly to the stub and through the gateway.
#
#   bench/gateway.sh [SECONDS]     (default 30: the fixed-rate phase per side; the stack is restarted)
#
# Reports added latency p50/p90/p99 at concurrency 1 and at a fixed 200 requests/s, added time to
# the first streamed delta and added gap between deltas (64 deltas 20 ms apart), and whether 500
# streams in flight at once against a 1 s stub all complete.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_EACH="${1:-30}"
PORT="${ASSISTANT_SERVICE_PORT:-9081}"
BASE="http://localhost:$PORT"
source "$ROOT/bench/lib.sh"

start_stub
trap 'kill $STUB_PID 2>/dev/null || true' EXIT
export OPENASSIST_PROVIDERS=bench,slow
export OPENASSIST_PROVIDER_SLOW_TYPE=openai OPENASSIST_PROVIDER_SLOW_BASE_URL="$STUB/slow/v1"
export OPENASSIST_PROVIDER_SLOW_API_KEY=sk-bench OPENASSIST_PROVIDER_SLOW_MAX_CONCURRENCY=1000
echo "[bench] (re)starting the stack with the stub as its provider (only assistant-service stays up)"
restart_stack assistant-service
onboard "gateway bench" "$BASE"
create() {
  curl -fsS -X POST "$BASE/v1/assistants" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d "{\"model\": \"$1\", \"instructions\": \"Answer briefly.\"}" | jq -r .id
}
ASSISTANT="$(create gpt-4o)"
SLOW_ASSISTANT="$(create slow/gpt-4o)"
echo "[bench] $(nproc) cores; assistant $ASSISTANT; fixed-rate phase $SECONDS_EACH s per side"
java "$ROOT/bench/GatewayBench.java" measure "$BASE" "$KEY" "$ASSISTANT" "$SLOW_ASSISTANT" "$STUB" "$SECONDS_EACH"
