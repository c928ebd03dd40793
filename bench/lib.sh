# What the bench scripts share; sourced by them after ROOT is set.
#   restart_stack SERVICE...   (re)starts the stack and stops every service not named
#   onboard NAME BASE          a new organisation on assistant-service at BASE; sets KEY, ORG and
#                              ONBOARDED (the whole answer)
#   start_stub                 the zero-delay Chat Completions stub (bench/GatewayBench.java stub)
#                              on BENCH_STUB_PORT (29190); sets STUB and STUB_PID, and exports the
#                              provider settings that make it assistant-service's provider "bench"
export OPENASSIST_OPERATOR_TOKEN="${OPENASSIST_OPERATOR_TOKEN:-bench-operator-token-0123456789abcdef}"
WLP="$ROOT/.liberty/wlp"

restart_stack() {
  "$ROOT/stack" stop >/dev/null 2>&1 || true
  "$ROOT/stack" start >/dev/null
  local service
  for service in assistant-service conversation-service file-service; do
    if [[ " $* " != *" $service "* ]]; then
      "$WLP/bin/server" stop "$service" >/dev/null 2>&1 || true
    fi
  done
}

onboard() {
  ONBOARDED="$(curl -fsS -X POST "$2/v1/organizations" \
    -H "Authorization: Bearer $OPENASSIST_OPERATOR_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\": \"$1 $(date +%s%N)\", \"admin\": {\"name\": \"Bench\"}}")"
  KEY="$(jq -r .api_key.key <<<"$ONBOARDED")"
  ORG="$(jq -r .organization.id <<<"$ONBOARDED")"
}

start_stub() {
  local port="${BENCH_STUB_PORT:-29190}"
  STUB="http://127.0.0.1:$port"
  # The JDK server writes headers and body separately: without TCP_NODELAY, Nagle and delayed
  # ACKs add 40 ms to every answer.
  java -Dsun.net.httpserver.nodelay=true "$ROOT/bench/GatewayBench.java" stub "$port" &
  STUB_PID=$!
  export OPENASSIST_PROVIDERS=bench OPENASSIST_DEFAULT_PROVIDER=bench
  export OPENASSIST_PROVIDER_BENCH_TYPE=openai OPENASSIST_PROVIDER_BENCH_BASE_URL="$STUB/fast/v1"
  export OPENASSIST_PROVIDER_BENCH_API_KEY=sk-bench OPENASSIST_PROVIDER_BENCH_MAX_CONCURRENCY=1000
}
