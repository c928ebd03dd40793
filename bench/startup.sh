#!/usr/bin/env bash
# Start-to-ready time and resident memory of each OpenAssist server, next to two baselines on this
# machine, in the same run: a bare Liberty server (no application, only mpHealth so that "ready" is
# measured the same way) and a Liberty server with exactly the services' features and no
# application (the baseline of issue 6's target: each service ready within 1.5x its time).
#
# Each server is started alone (the others stopped), ROUNDS times; the time is from `server start`
# to the first 200 from /health/ready, polled every 50 ms; RSS is read once ready and again after
# 20 requests, and in the last round once more SETTLE_SECONDS later (default 12: the JVM trims
# its native heap every 10 s, and the JIT is still compiling when "ready" is first answered).
# Needs the stack built and created once (./stack start), and stops it.
#
#   bench/startup.sh [ROUNDS]      (default 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WLP="$ROOT/.liberty/wlp"
ROUNDS="${1:-3}"
SETTLE_SECONDS="${SETTLE_SECONDS:-12}"
BARE=bench-bare-liberty
BARE_PORT=29080
SAME=bench-same-features
SAME_PORT=29081

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

if [ ! -d "$WLP/usr/servers/$SAME" ]; then
  "$WLP/bin/server" create "$SAME" >/dev/null
fi
{
  echo "<server>"
  sed -n '/<featureManager>/,/<\/featureManager>/p' "$ROOT/common/src/main/liberty/config/openassist-base.xml"
  echo "  <httpEndpoint id=\"defaultHttpEndpoint\" host=\"*\" httpPort=\"$SAME_PORT\" httpsPort=\"-1\"/>"
  echo "</server>"
} >"$WLP/usr/servers/$SAME/server.xml"
cp "$WLP/usr/servers/assistant-service/jvm.options" "$WLP/usr/servers/$SAME/jvm.options"

now_ms() { date +%s%3N; }
rss_mb() {
  local pid
  pid="$(cat "$WLP/usr/servers/.pid/$1.pid")"
  echo $(( $(ps -o rss= -p "$pid") / 1024 ))
}

measure() {
  local server="$1" port="$2"
  local total=0 times=() rss_ready=0 rss_used=0 rss_settled=0
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
    if [ "$round" -eq "$ROUNDS" ]; then
      sleep "$SETTLE_SECONDS"
      rss_settled="$(rss_mb "$server")"
    fi
    "$WLP/bin/server" stop "$server" >/dev/null
  done
  local sorted median
  sorted="$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')"
  median="$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p")"
  [ -n "${SAME_MEDIAN:-}" ] || SAME_MEDIAN="$median"
  printf '%-22s start-to-ready ms (each round, sorted): %s (median %d = %s x same-features)  RSS when ready: %d MB, after 20 requests: %d MB, %d s later: %d MB\n' \
    "$server" "$sorted" "$median" "$(awk "BEGIN{printf \"%.2f\", $median/$SAME_MEDIAN}")" "$rss_ready" "$rss_used" \
    "$SETTLE_SECONDS" "$rss_settled"
}

echo "$(nproc) cores, $(java -version 2>&1 | head -1), Open Liberty $(grep productVersion "$WLP/lib/versions/openliberty.properties" | cut -d= -f2)"
measure "$SAME" "$SAME_PORT"
measure "$BARE" "$BARE_PORT"
measure assistant-service 9081
measure conversation-service 9082
measure file-service 9083
