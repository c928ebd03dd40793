#!/usr/bin/env bash
# Issue 8's full-turn benchmark: what a conversation turn (POST /v1/conversations/{id}/messages)
# adds to the assistant-service run call it makes, against a zero-delay Chat Completions stub
# (bench/GatewayBench.java stub). In one run, at 1 and at 8 concurrent clients: the run call alone
# (POST /v1/assistants/{id}/run with the same two chat messages a turn sends) and the turn (store the
# user message, read the branch, run, store the reply), each client on its own conversation. Each
# turn starts a new branch under the same root message, so every turn sends the same two messages
# and the figures do not drift as the conversations grow.
#
#   bench/turns.sh [SECONDS]     (default 10 per measurement, after 15 s of warm-up per kind;
#                                 the stack is restarted with the stub as its only provider;
#                                 BENCH_JFR=FILE records conversation-service during the c=1 turns)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_EACH="${1:-10}"
CPORT="${CONVERSATION_SERVICE_PORT:-9082}"
APORT="${ASSISTANT_SERVICE_PORT:-9081}"
ASSISTANTS="http://localhost:$APORT"
CONVERSATIONS="http://localhost:$CPORT"
source "$ROOT/bench/lib.sh"

start_stub
trap 'kill $STUB_PID 2>/dev/null || true' EXIT
echo "[bench] (re)starting the stack with the stub as its provider (file-service stopped)"
restart_stack assistant-service conversation-service
onboard "turns bench" "$ASSISTANTS"
ASSISTANT="$(curl -fsS -X POST "$ASSISTANTS/v1/assistants" -H "Authorization: Bearer $KEY" \
  -H 'Content-Type: application/json' -d '{"model": "gpt-4o", "instructions": "Answer briefly."}' | jq -r .id)"

TURN_PATHS=() TURN_BODIES=()
for _ in $(seq 1 8); do
  c="$(curl -fsS -X POST "$CONVERSATIONS/v1/conversations" -H "Authorization: Bearer $KEY" \
    -H 'Content-Type: application/json' -d "{\"assistant_id\": \"$ASSISTANT\"}" | jq -r .id)"
  root="$(curl -fsS -X POST "$CONVERSATIONS/v1/conversations/$c/messages" -H "Authorization: Bearer $KEY" \
    -H 'Content-Type: application/json' \
    -d '{"run": false, "message": {"parts": [{"type": "text", "text": "We are planning a trip."}]}}' \
    | jq -r .message.id)"
  TURN_PATHS+=("/v1/conversations/$c/messages")
  TURN_BODIES+=("{\"parent_message_id\": \"$root\", \"message\": {\"parts\": [{\"type\": \"text\", \"text\": \"Where should we go?\"}]}}")
done
RUN_PATH="/v1/assistants/$ASSISTANT/run"
RUN_BODY='{"messages": [{"role": "user", "content": "We are planning a trip."}, {"role": "user", "content": "Where should we go?"}]}'
turns() { # $1 clients $2 seconds $3 label
  java -Dpaths="$(IFS=,; echo "${TURN_PATHS[*]}")" \
    -Dbodies="$(printf '%s|||' "${TURN_BODIES[@]}")" \
    "$ROOT/bench/HttpLoad.java" localhost "$CPORT" x "$KEY" "$1" "$2" "$3"
}
runs() { # $1 clients $2 seconds $3 label
  java -Dbody="$RUN_BODY" "$ROOT/bench/HttpLoad.java" localhost "$APORT" "$RUN_PATH" "$KEY" "$1" "$2" "$3"
}

echo "[bench] warming the JVMs (15 s each: run calls, turns)"
runs 2 15 warm-up >/dev/null
turns 2 15 warm-up >/dev/null

echo "[bench] $SECONDS_EACH s per measurement; $(nproc) cores"
results="$(mktemp)"
trap 'kill $STUB_PID 2>/dev/null || true; rm -f "$results"' EXIT
for clients in 1 8; do
  runs "$clients" "$SECONDS_EACH" "run call alone, c=$clients" | tee -a "$results"
  pid="$(pgrep -f 'ws-server.jar conversation-service' || true)"
  if [ -n "${BENCH_JFR:-}" ] && [ "$clients" = 1 ] && [ -n "$pid" ]; then
    jcmd "$pid" JFR.start name=turns settings=profile filename="$BENCH_JFR" >/dev/null
  fi
  turns "$clients" "$SECONDS_EACH" "full turn, c=$clients" | tee -a "$results"
  if [ -n "${BENCH_JFR:-}" ] && [ "$clients" = 1 ] && [ -n "$pid" ]; then
    jcmd "$pid" JFR.stop name=turns >/dev/null
  fi
done
awk '
  function field(line, name,   a, b) { split(line, a, name "="); split(a[2], b, " "); return b[1] }
  /run call alone, c=1 / {r1 = field($0, "p50"); rr1 = field($0, "rate")}
  /full turn, c=1 / {t1 = field($0, "p50"); tr1 = field($0, "rate")}
  /run call alone, c=8 / {r8 = field($0, "p50"); rr8 = field($0, "rate")}
  /full turn, c=8 / {t8 = field($0, "p50"); tr8 = field($0, "rate")}
  END {
    printf "\n[bench] c=1: %s turns (run calls alone %s); a turn adds %.3f ms at p50 over its run call (%s vs %s ms)\n", tr1, rr1, t1 - r1, t1, r1
    printf "[bench] c=8: %s turns (run calls alone %s); a turn adds %.3f ms at p50 over its run call (%s vs %s ms)\n", tr8, rr8, t8 - r8, t8, r8
  }' "$results"
"$ROOT/stack" stop >/dev/null 2>&1 || true
