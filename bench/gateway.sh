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
# streams in flight at once against a 1 s stub all complete. Then concurrency 1 again with the
# raw-socket driver of bench/request-path.sh (bench/HttpLoad.java), alternating direct and through
# /run: java.net.http.HttpClient, the driver above, hands every answer between its selector and
# executor threads, which on two cores shared with the service and the stub adds more to the
# gateway's side than to the stub's.
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

echo
echo "concurrency 1, raw-socket driver (bench/HttpLoad.java; 3 alternating rounds of 5 s each way)"
raw="$(mktemp)"
for round in 1 2 3; do
  java -Dbody='{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}]}' "$ROOT/bench/HttpLoad.java" \
    127.0.0.1 "${BENCH_STUB_PORT:-29190}" /fast/v1/chat/completions - 1 5 "direct to stub" | tee -a "$raw"
  java -Dbody='{"messages":[{"role":"user","content":"Hi"}]}' "$ROOT/bench/HttpLoad.java" \
    localhost "$PORT" "/v1/assistants/$ASSISTANT/run" "$KEY" 1 5 "through /run" | tee -a "$raw"
done
awk '
  {split($0, a, "p50="); split(a[2], b, " ")}
  /direct to stub/ {d[++nd] = b[1]}
  /through \/run/ {g[++ng] = b[1]}
  END {
    asort(d); asort(g)
    printf "  added p50 (median of the rounds): %.3f ms (through /run %.3f, direct %.3f; target <= 1 ms)\n", g[2] - d[2], g[2], d[2]
  }' "$raw"
rm -f "$raw"
