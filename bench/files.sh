#!/usr/bin/env bash
# Issue 9's file-service benchmark, one command: bench/files.sh
#   1. upload and download of a 150 MiB file on loopback (curl, 5 rounds each after a warm-up),
#      with file-service restarted at -Xmx128m and its heap sampled (jstat, every 100 ms) during
#      the upload: growth = the highest used heap minus the used heap before; next to writing the
#      same file to disk with dd (conv=fsync) as the baseline the service cannot beat
#   2. a generated 100-page PDF from upload to processing_status "ready"
#   3. search over 10,000 chunks (100 files of 100 one-chunk paragraphs): p50/p99 through the API
#      at one client (bench/HttpLoad.java) next to the same SQL in pgbench
# Stops the stack at the start and leaves assistant-service and file-service running.
#   bench/files.sh [SECONDS_EACH [uploads]]   (uploads: part 1 only)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/bench/lib.sh"
SECONDS_EACH="${1:-15}"
PARTS="${2:-all}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
A=http://localhost:9081
F=http://localhost:9083
PG=(-h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-openassist}")
DB_NAME="${DB_NAME:-openassist}"

echo "[bench] starting assistant-service and file-service"
restart_stack assistant-service file-service
"$WLP/bin/server" stop file-service >/dev/null
JVM_ARGS="-Xmx128m" HTTP_PORT=9083 OPENASSIST_FILES_DIRECTORY="$ROOT/.run/files" \
  "$WLP/bin/server" start file-service >/dev/null
until curl -fsS -o /dev/null "$F/health/ready" 2>/dev/null; do sleep 1; done
PID="$(cat "$WLP/usr/servers/.pid/file-service.pid")"
onboard "Files bench" "$A"
ASSISTANT="$(curl -fsS -X POST "$A/v1/assistants" -H "Authorization: Bearer $KEY" \
  -H 'Content-Type: application/json' -d '{"model": "gpt-4o", "tools": [{"type": "file_search"}]}' | jq -r .id)"
FILES="$F/v1/assistants/$ASSISTANT/files"
AUTH=(-H "Authorization: Bearer $KEY")

echo "[bench] 1. a 150 MiB file"
head -c 157286400 /dev/urandom >"$WORK/big.bin"
MIB=157.286400
t0="$(date +%s.%N)"
dd if="$WORK/big.bin" of="$WORK/copy.bin" bs=1M conv=fsync status=none
dd_s="$(awk -v s="$t0" -v e="$(date +%s.%N)" 'BEGIN {printf "%.3f", e-s}')"
rm -f "$WORK/copy.bin"
upload() { curl -sS -o "$WORK/up.json" -w '%{time_total}' "${AUTH[@]}" -F "file=@$WORK/big.bin;filename=big.bin" "$FILES"; }
upload >/dev/null # warm-up
curl -fsS -o /dev/null -X DELETE "${AUTH[@]}" "$FILES/$(jq -r .id "$WORK/up.json")"
jcmd "$PID" GC.run >/dev/null
sleep 1
used() { jstat -gc "$PID" | awk 'NR==2 {printf "%d", $3+$4+$6+$8}'; } # S0U S1U EU OU, KB
base="$(used)"
( while true; do used; echo; sleep 0.1; done ) >"$WORK/heap" &
SAMPLER=$!
up_times=()
for round in 1 2 3 4 5; do
  up_times+=("$(upload)")
  id="$(jq -r .id "$WORK/up.json")"
  [ "$round" -lt 5 ] && curl -fsS -o /dev/null -X DELETE "${AUTH[@]}" "$FILES/$id"
done
kill "$SAMPLER"
peak="$(sort -n "$WORK/heap" | tail -1)"
down_times=()
curl -sS -o /dev/null "${AUTH[@]}" "$FILES/$id/content" # warm-up
for round in 1 2 3 4 5; do
  down_times+=("$(curl -sS -o /dev/null -w '%{time_total}' "${AUTH[@]}" "$FILES/$id/content")")
done
best() { printf '%s\n' "$@" | sort -n | head -1; }
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
awk -v u="$(median "${up_times[@]}")" -v ub="$(best "${up_times[@]}")" -v d="$(median "${down_times[@]}")" \
    -v db="$(best "${down_times[@]}")" -v dd="$dd_s" -v m="$MIB" -v base="$base" -v peak="$peak" 'BEGIN {
  printf "upload   150 MiB: median %.2f s = %6.0f MB/s (best %6.0f MB/s)\n", u, m/u, m/ub
  printf "download 150 MiB: median %.2f s = %6.0f MB/s (best %6.0f MB/s)\n", d, m/d, m/db
  printf "baseline dd to disk with fsync: %.2f s = %6.0f MB/s; upload/dd = %.2f\n", dd, m/dd, (m/u)/(m/dd)
  printf "heap during uploads at -Xmx128m: before %.1f MB, peak %.1f MB, growth %.1f MB\n", base/1024, peak/1024, (peak-base)/1024
}'
curl -fsS -o /dev/null -X DELETE "${AUTH[@]}" "$FILES/$id"
[ "$PARTS" = uploads ] && exit 0

echo "[bench] 2. a 100-page PDF"
CP="$(find ~/.m2/repository/org/apache/pdfbox/pdfbox/3.0.7 ~/.m2/repository/org/apache/pdfbox/pdfbox-io/3.0.7 \
  ~/.m2/repository/org/apache/pdfbox/fontbox/3.0.7 ~/.m2/repository/commons-logging/commons-logging/1.3.6 \
  -name '*.jar' ! -name '*sources*' | paste -sd:)"
java -cp "$CP" "$ROOT/bench/FilesBench.java" pdf "$WORK/report.pdf" 100
start="$(date +%s.%N)"
pdf="$(curl -fsS "${AUTH[@]}" -F "file=@$WORK/report.pdf" "$FILES" | jq -r .id)"
until [ "$(curl -fsS "${AUTH[@]}" "$FILES/$pdf" | jq -r .processing_status)" != pending ] \
  && [ "$(curl -fsS "${AUTH[@]}" "$FILES/$pdf" | jq -r .processing_status)" != processing ]; do sleep 0.05; done
end="$(date +%s.%N)"
chunks="$(psql "${PG[@]}" -d "$DB_NAME" -qtAX -c "SELECT count(*) FROM file.file_chunk WHERE file_id = '$pdf'")"
echo "100-page PDF ($(stat -c %s "$WORK/report.pdf") bytes): upload to $(curl -fsS "${AUTH[@]}" "$FILES/$pdf" | jq -r .processing_status) in $(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.2f", e-s}') s, $chunks chunks"

echo "[bench] 3. search over 10,000 chunks"
java -cp "$CP" "$ROOT/bench/FilesBench.java" text "$WORK/doc" 100 100
for f in "$WORK"/doc*.txt; do curl -fsS -o /dev/null "${AUTH[@]}" -F "file=@$f" "$FILES"; done
until [ "$(psql "${PG[@]}" -d "$DB_NAME" -qtAX -c "SELECT count(*) FROM file.knowledge_file WHERE assistant_id = '$ASSISTANT' AND processing_status IN ('pending','processing')")" = 0 ]; do sleep 0.5; done
# Fresh planner statistics, as autovacuum leaves them within a minute of a bulk load: without them
# the planner takes the chunk table for a few rows and scans the assistant's chunks one by one.
psql "${PG[@]}" -d "$DB_NAME" -qtAX -c "ANALYZE file.file_chunk" -c "ANALYZE file.knowledge_file"
total="$(psql "${PG[@]}" -d "$DB_NAME" -qtAX -c "SELECT count(*) FROM file.file_chunk WHERE assistant_id = '$ASSISTANT'")"
echo "indexed chunks of the assistant: $total"
# A question of function words and three words of middling frequency (vocabulary ranks 300,
# 1,500 and 4,000 of 20,000).
Q="$(java -cp "$CP" "$ROOT/bench/FilesBench.java" query 300 1500 4000)"
echo "query: $Q"
echo "chunks matching the query's words: $(psql "${PG[@]}" -d "$DB_NAME" -qtAX -c "SELECT count(*) FROM file.file_chunk WHERE assistant_id = '$ASSISTANT' AND search @@ CAST(replace(CAST(plainto_tsquery('${SEARCH_LANGUAGE:-english}', '$Q') AS text), ' & ', ' | ') AS tsquery)")"
QUERY="{\"query\": \"$Q\", \"limit\": 10}"
java -Dbody="$QUERY" "$ROOT/bench/HttpLoad.java" localhost 9083 "/v1/assistants/$ASSISTANT/files/search" "$KEY" 1 10 warm-up >/dev/null
java -Dbody="$QUERY" "$ROOT/bench/HttpLoad.java" localhost 9083 "/v1/assistants/$ASSISTANT/files/search" "$KEY" 1 "$SECONDS_EACH" "API search, 10 hits"
cat >"$WORK/search.sql" <<SQL
SELECT k.file_id, f.original_name, k.position, k.start_offset, k.end_offset, k.content, ts_rank_cd(k.search, q, 32) AS score FROM file.file_chunk k JOIN file.knowledge_file f ON f.id = k.file_id, CAST(replace(CAST(plainto_tsquery('${SEARCH_LANGUAGE:-english}', '$Q') AS text), ' & ', ' | ') AS tsquery) q WHERE k.organization_id = '$ORG' AND k.assistant_id = '$ASSISTANT' AND k.search @@ q ORDER BY score DESC, f.created_at, k.file_id, k.position LIMIT 10;
SQL
pgbench "${PG[@]}" -n -M prepared -c 1 -T "$SECONDS_EACH" -f "$WORK/search.sql" "$DB_NAME" 2>/dev/null \
  | awk '/^latency average/ {printf "SQL search in pgbench (baseline): avg %.3f ms\n", $4}'
