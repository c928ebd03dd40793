#!/usr/bin/env bash
# Start-to-ready time and resident memory of each OpenAssist server, next to a bare Liberty
# server (no application, only mpHealth so that "ready" is measured the same way), on this machine.
#
# Each server is started alone (the others stopped), ROUNDS times; the time is from `server start`
# to the first 200 from /health/ready, polled every 50 ms; RSS is read once ready and again after
# 20 requests. Needs the stack built and created once (./stack start), and stops it.
#
#   bench/startup.sh [ROUNDS]      (default 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WLP="$ROOT/.liberty/wlp"
ROUNDS="${1:-3}"
BARE=bench-bare-liberty
BARE_PORT=29080

"$ROOT/stack" stop >/dev/null 2>&1 || true
bash "$ROOT/db/setup-postgres.sh" >/dev/null

if [ ! -d "$WLP/usr/servers/$BARE" ]; then
  "$WLP/bin/server" create "$BARE" >/dev/null
fi
cat >"$WLP/usr/servers/$BARE/server.xml" <<XML
<server>
  <featureManager><feature>mpHealth-4.0</feature></featureManager>
  <httpEndpoint id="defaultHttpEndpoint" host="*" httpPort="$BARE_PORT" httpsPort="-1"/>
</server>
XML
cp "$WLP/usr/servers/assistant-service/jvm.options" "$WLP/usr/servers/$BARE/jvm.options"

now_ms() { date +%s%3N; }
rss_mb() {
  local pid
  pid="$(cat "$WLP/usr/servers/.pid/$1.pid")"
  echo $(( $(ps -o rss= -p "$pid") / 1024 ))
}

measure() {
  local server="$1" port="$2"
  local total=0 times=() rss_ready=0 rss_used=0
  for round in $(seq 1 "$ROUNDS"); do
    local start end
    start="$(now_ms)"
    HTTP_PORT="$port" "$WLP/bin/server" start "$server" >/dev/null
    until curl -fsS -o /dev/null --max-time 2 "http://localhost:$port/health/ready"; do
      sleep 0.05
    done
    end="$(now_ms)"
    times+=($((end - start)))
    rss_ready="$(rss_mb "$server")"
    for _ in $(seq 1 20); do
      curl -fsS -o /dev/null "http://localhost:$port/health/ready" || true
    done
    rss_used="$(rss_mb "$server")"
    "$WLP/bin/server" stop "$server" >/dev/null
  done
  local sorted
  sorted="$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')"
  printf '%-22s start-to-ready ms (each round, sorted): %s  RSS when ready: %d MB, after 20 requests: %d MB\n' \
    "$server" "$sorted" "$rss_ready" "$rss_used"
}

echo "$(nproc) cores, $(java -version 2>&1 | head -1), Open Liberty $(grep productVersion "$WLP/lib/versions/openliberty.properties" | cut -d= -f2)"
measure "$BARE" "$BARE_PORT"
measure assistant-service 9081
measure conversation-service 9082
measure file-service 9083
