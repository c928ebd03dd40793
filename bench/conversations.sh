#!/usr/bin/env bash
# Issue 8's performance, in one run on this machine:
#   1. reading a branch: a conversation 10,000 messages deep (with a fork halfway, so the active
#      branch spans two segments, and a 2,000-message side branch) in a table of at least
#      BENCH_ROWS (10,000,000) messages: the whole active branch (limit=10000) and a page of 100
#      from the leaf, through the API; next to it, in SQL only, the recursive CTE over parent
#      links (the issue's baseline) and the segment query the service runs;
#   2. appends without a run, 8 concurrent clients each on its own conversation, next to pgbench
#      running the equivalent SQL transaction (lock the conversation, read the parent, insert the
#      message, count the child, move the active pointer), synchronous commit on.
#
#   bench/conversations.sh [SECONDS]   (default 10 per measurement; the stack is (re)started on
#                                       database $BENCH_DB_NAME, openassist_bench; the 10 M rows are
#                                       generated once and kept; BENCH_JFR=FILE records
#                                       conversation-service while it reads the whole branch,
#                                       BENCH_JFR_APPENDS=FILE during its first round of appends)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_EACH="${1:-10}"
ROWS="${BENCH_ROWS:-10000000}"
PORT="${CONVERSATION_SERVICE_PORT:-9082}"
ASSISTANTS="http://localhost:${ASSISTANT_SERVICE_PORT:-9081}"
BASE="http://localhost:$PORT"
export DB_NAME="${BENCH_DB_NAME:-openassist_bench}"
source "$ROOT/bench/lib.sh"
export PGPASSWORD="${DB_PASSWORD:-openassist}"
PG=(-h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-openassist}")
PSQL=(psql "${PG[@]}" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qtAX)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
load() { java "$ROOT/bench/HttpLoad.java" localhost "$PORT" "$@"; }

echo "[bench] starting the stack on database $DB_NAME"
restart_stack assistant-service conversation-service
onboard bench "$ASSISTANTS"
ASSISTANT="$(curl -fsS -X POST "$ASSISTANTS/v1/assistants" -H "Authorization: Bearer $KEY" \
  -H 'Content-Type: application/json' -d '{"model": "gpt-4o"}' | jq -r .id)"
conversation() {
  curl -fsS -X POST "$BASE/v1/conversations" -H "Authorization: Bearer $KEY" \
    -H 'Content-Type: application/json' -d "{\"assistant_id\": \"$ASSISTANT\"}" | jq -r .id
}

# --- the table: filler conversations of 100 messages each, generated once -----------------------
have="$("${PSQL[@]}" -c "SELECT count(*) FROM conversation.message WHERE id LIKE 'f\_%'")"
if [ "$have" -lt "$ROWS" ]; then
  echo "[bench] generating $ROWS filler messages (once; kept in $DB_NAME)"
  "${PSQL[@]}" -c "SET openassist.message_maintenance = 'on'" \
    -c "DELETE FROM conversation.conversation WHERE id LIKE 'fc\_%'" >/dev/null
  "${PSQL[@]}" -c "INSERT INTO conversation.conversation (id, organization_id, assistant_id,
      created_by, metadata, root_count, message_count, created_at, updated_at, updated_by)
    SELECT 'fc_' || c, '$ORG', '$ASSISTANT', 'bench', '{}', 1, 100, now(), now(), 'bench'
    FROM generate_series(0, $ROWS / 100 - 1) c"
  step=1000000
  for ((from = 0; from < ROWS; from += step)); do
    to=$(( from + step < ROWS ? from + step : ROWS ))
    "${PSQL[@]}" -c "INSERT INTO conversation.message (id, conversation_id, parent_id, segment_id,
        depth, sibling_index, role, parts, content_text, status, created_at, created_by, hash)
      SELECT 'f_' || g, 'fc_' || (g / 100), CASE WHEN g % 100 = 0 THEN NULL ELSE 'f_' || (g - 1) END,
        'f_' || (g - g % 100), g % 100, 0, CASE WHEN g % 2 = 0 THEN 'user' ELSE 'assistant' END,
        jsonb_build_array(jsonb_build_object('type', 'text', 'text', 'filler message ' || g)),
        'filler message ' || g, 'completed', now(), 'bench', md5(g::text)
      FROM generate_series($from, $to - 1) g"
    echo "[bench]   $to rows"
  done
  "${PSQL[@]}" -c "INSERT INTO conversation.message_fanout (message_id, conversation_id, children)
    SELECT 'f_' || g, 'fc_' || (g / 100), 1 FROM generate_series(0, $ROWS - 1) g WHERE g % 100 <> 99" \
    -c "ANALYZE conversation.message" -c "ANALYZE conversation.message_fanout"
fi

# --- the deep conversation ------------------------------------------------------------------
DEEP="$(conversation)"
echo "[bench] seeding conversation $DEEP: 10,000 deep, a fork at 5,000, a 2,000-message side branch"
insert() { # $1 id prefix, $2 parent expression, $3 segment, $4 sibling-index expression, $5 from, $6 to
  "${PSQL[@]}" -c "INSERT INTO conversation.message (id, conversation_id, parent_id, segment_id,
      depth, sibling_index, role, parts, content_text, status, created_at, created_by, hash)
    SELECT '${DEEP}_$1' || g, '$DEEP', $2, '$3', g, $4,
      CASE WHEN g % 2 = 0 THEN 'user' ELSE 'assistant' END,
      jsonb_build_array(jsonb_build_object('type', 'text', 'text',
        'Message ' || g || ' of the deep conversation, a sentence long as chat turns often are.')),
      'Message ' || g, 'completed', now() + g * interval '1 microsecond', 'bench', md5(g::text) || md5(g::text)
    FROM generate_series($5, $6) g"
}
insert d "CASE WHEN g = 0 THEN NULL ELSE '${DEEP}_d' || (g - 1) END" "${DEEP}_d0" 0 0 4999
insert o "CASE WHEN g = 5000 THEN '${DEEP}_d4999' ELSE '${DEEP}_o' || (g - 1) END" "${DEEP}_d0" 0 5000 6999
insert b "CASE WHEN g = 5000 THEN '${DEEP}_d4999' ELSE '${DEEP}_b' || (g - 1) END" "${DEEP}_b5000" \
  "CASE WHEN g = 5000 THEN 1 ELSE 0 END" 5000 9999
"${PSQL[@]}" -c "INSERT INTO conversation.message_fanout (message_id, conversation_id, children)
    SELECT parent_id, '$DEEP', count(*) FROM conversation.message WHERE conversation_id = '$DEEP'
    AND parent_id IS NOT NULL GROUP BY parent_id" \
  -c "UPDATE conversation.conversation SET active_message_id = '${DEEP}_b9999', root_count = 1,
    message_count = 12000 WHERE id = '$DEEP'" -c "ANALYZE conversation.message" -c "ANALYZE conversation.message_fanout"
total="$("${PSQL[@]}" -c "SELECT count(*) FROM conversation.message")"
echo "[bench] conversation.message holds $total rows"

WHOLE="/v1/conversations/$DEEP/messages?limit=10000"
PAGE="/v1/conversations/$DEEP/messages?order=desc&limit=100"
count="$(curl -fsS "$BASE$WHOLE" -H "Authorization: Bearer $KEY" | jq '.data | length')"
echo "[bench] the active branch reads as $count messages (expected 10000)"

# --- appends: 8 conversations through the API, 8 for pgbench --------------------------------
paths=()
for i in $(seq 0 7); do
  c="$(conversation)"
  curl -fsS -o /dev/null -X POST "$BASE/v1/conversations/$c/messages" -H "Authorization: Bearer $KEY" \
    -H 'Content-Type: application/json' \
    -d '{"run": false, "message": {"parts": [{"type": "text", "text": "root"}]}}'
  paths+=("/v1/conversations/$c/messages")
  "${PSQL[@]}" -c "INSERT INTO conversation.conversation (id, organization_id, assistant_id,
      created_by, metadata, root_count, message_count, created_at, updated_at, updated_by, active_message_id)
    VALUES ('pg_${DEEP}_$((i + 1))', '$ORG', '$ASSISTANT', 'bench', '{}', 1, 1, now(), now(), 'bench', 'pg_${DEEP}_$((i + 1))_root')" \
    -c "INSERT INTO conversation.message (id, conversation_id, parent_id, segment_id, depth, sibling_index,
      role, parts, content_text, status, created_at, created_by, hash)
    VALUES ('pg_${DEEP}_$((i + 1))_root', 'pg_${DEEP}_$((i + 1))', NULL, 'pg_${DEEP}_$((i + 1))_root', 0, 0,
      'user', '[{\"type\": \"text\", \"text\": \"root\"}]', 'root', 'completed', now(), 'bench', 'x')"
done
PATHS="$(IFS=,; echo "${paths[*]}")"
BODY='{"run": false, "message": {"parts": [{"type": "text", "text": "An appended message of ordinary length."}]}}'
cat >"$WORK/append.sql" <<SQL
BEGIN;
SELECT active_message_id, root_count FROM conversation.conversation WHERE id = 'pg_${DEEP}_' || :client_id + 1 FOR UPDATE;
SELECT m.segment_id, m.depth, m.hash, coalesce(f.children, 0) FROM conversation.message m LEFT JOIN conversation.message_fanout f ON f.message_id = m.id WHERE m.id = (SELECT active_message_id FROM conversation.conversation WHERE id = 'pg_${DEEP}_' || :client_id + 1);
WITH parent AS (SELECT m.id, m.segment_id, m.depth FROM conversation.conversation c JOIN conversation.message m ON m.id = c.active_message_id WHERE c.id = 'pg_${DEEP}_' || :client_id + 1),
new AS (INSERT INTO conversation.message (id, conversation_id, parent_id, segment_id, depth, sibling_index, role, parts, content_text, status, created_at, created_by, hash)
  SELECT md5(random()::text), 'pg_${DEEP}_' || :client_id + 1, p.id, p.segment_id, p.depth + 1, 0, 'user', '[{"type": "text", "text": "An appended message of ordinary length."}]', 'An appended message of ordinary length.', 'completed', now(), 'bench', md5(random()::text) || md5(random()::text) FROM parent p RETURNING id, parent_id),
fan AS (INSERT INTO conversation.message_fanout (message_id, conversation_id, children) SELECT parent_id, 'pg_${DEEP}_' || :client_id + 1, 1 FROM new ON CONFLICT (message_id) DO UPDATE SET children = message_fanout.children + 1)
UPDATE conversation.conversation SET active_message_id = (SELECT id FROM new), message_count = message_count + 1, updated_at = now(), updated_by = 'bench' WHERE id = 'pg_${DEEP}_' || :client_id + 1;
COMMIT;
SQL
cat >"$WORK/cte.sql" <<SQL
WITH RECURSIVE branch AS (SELECT m.* FROM conversation.message m WHERE m.id = '${DEEP}_b9999' UNION ALL SELECT p.* FROM branch b JOIN conversation.message p ON p.id = b.parent_id) SELECT id, parent_id, role, parts, created_at FROM branch;
SQL
# The statements the service runs for the whole branch (a long page): the segments on the path,
# the conversation's forks and the leaf's count, then each segment's range in index order.
cat >"$WORK/segments.sql" <<SQL
WITH RECURSIVE chain(segment_id, max_depth) AS (SELECT segment_id, depth FROM conversation.message WHERE id = '${DEEP}_b9999' AND conversation_id = '$DEEP' UNION ALL SELECT p.segment_id, p.depth FROM chain c JOIN conversation.message h ON h.id = c.segment_id JOIN conversation.message p ON p.id = h.parent_id) SELECT segment_id, max_depth FROM chain;
SELECT message_id, children FROM conversation.message_fanout WHERE conversation_id = '$DEEP' AND children > 1 UNION ALL SELECT message_id, children FROM conversation.message_fanout WHERE message_id = '${DEEP}_b9999' AND children <= 1;
SELECT m.seq, m.id, m.parent_id, m.depth, m.sibling_index, m.role, m.parts, m.model_id, m.status, m.error, m.usage, m.created_at, m.created_by, m.hash FROM conversation.message m WHERE m.segment_id = '${DEEP}_d0' AND m.depth BETWEEN 0 AND 4999 ORDER BY m.depth;
SELECT m.seq, m.id, m.parent_id, m.depth, m.sibling_index, m.role, m.parts, m.model_id, m.status, m.error, m.usage, m.created_at, m.created_by, m.hash FROM conversation.message m WHERE m.segment_id = '${DEEP}_b5000' AND m.depth BETWEEN 5000 AND 9999 ORDER BY m.depth;
SQL
pgb() { # $1 clients $2 seconds $3 script $4 label
  pgbench "${PG[@]}" -n -M prepared -c "$1" -j "$(( $1 < 2 ? 1 : 2 ))" -T "$2" -f "$3" "$DB_NAME" 2>/dev/null \
    | awk -v c="$1" -v l="$4" '/^latency average/ {lat=$4} /^tps/ {tps=$3} END {printf "%-36s clients=%-3d rate=%9.1f/s  avg=%7.3f ms\n", l, c, tps, lat}'
}

echo "[bench] warming the JVM (20 s each: whole branch, page, appends)"
load "$WHOLE" "$KEY" 1 20 warm-up >/dev/null
load "$PAGE" "$KEY" 2 20 warm-up >/dev/null
java -Dbody="$BODY" -Dpaths="$PATHS" "$ROOT/bench/HttpLoad.java" localhost "$PORT" x "$KEY" 8 20 warm-up >/dev/null

echo "[bench] $SECONDS_EACH s per measurement; $(nproc) cores"
results="$WORK/results"
pid="$(pgrep -f 'ws-server.jar conversation-service' || true)"
if [ -n "${BENCH_JFR:-}" ] && [ -n "$pid" ]; then
  jcmd "$pid" JFR.start name=branch settings=profile filename="$BENCH_JFR" >/dev/null
fi
load "$WHOLE" "$KEY" 1 "$SECONDS_EACH" "API whole branch (10,000)" | tee -a "$results"
if [ -n "${BENCH_JFR:-}" ] && [ -n "$pid" ]; then
  jcmd "$pid" JFR.stop name=branch >/dev/null
fi
load "$PAGE" "$KEY" 1 "$SECONDS_EACH" "API page of 100 from the leaf" | tee -a "$results"
pgb 1 "$SECONDS_EACH" "$WORK/cte.sql" "SQL recursive CTE (baseline)" | tee -a "$results"
pgb 1 "$SECONDS_EACH" "$WORK/segments.sql" "SQL the service's statements alone" | tee -a "$results"
# Appends in two rounds, the service and pgbench in turn: a shared machine drifts by more than the
# difference between one order and the other. The ratio is of the rounds' sums.
if [ -n "${BENCH_JFR_APPENDS:-}" ] && [ -n "$pid" ]; then
  jcmd "$pid" JFR.start name=appends settings=profile filename="$BENCH_JFR_APPENDS" >/dev/null
fi
for round in 1 2; do
  java -Dbody="$BODY" -Dpaths="$PATHS" "$ROOT/bench/HttpLoad.java" localhost "$PORT" x "$KEY" 8 "$SECONDS_EACH" "API appends (run: false)" | tee -a "$results"
  if [ "$round" = 1 ] && [ -n "${BENCH_JFR_APPENDS:-}" ] && [ -n "$pid" ]; then
    jcmd "$pid" JFR.stop name=appends >/dev/null
  fi
  pgb 8 "$SECONDS_EACH" "$WORK/append.sql" "pgbench append transaction" | tee -a "$results"
done
awk '
  /API whole branch/ {split($0, a, "p50="); split(a[2], b, " "); whole = b[1]}
  /API page of 100/ {split($0, a, "p50="); split(a[2], b, " "); page = b[1]}
  /recursive CTE/ {split($0, a, "avg="); split(a[2], b, " "); cte = b[1]}
  /statements alone/ {split($0, a, "avg="); split(a[2], b, " "); own = b[1]}
  /API appends/ {split($0, a, "rate="); split(a[2], b, "/"); api += b[1]}
  /pgbench append/ {split($0, a, "rate="); split(a[2], b, "/"); pg += b[1]}
  END {
    printf "\n[bench] whole branch p50 %s ms (target <= 20 ms; recursive CTE in SQL alone: %s ms; the service'"'"'s statements in SQL alone: %s ms)\n", whole, cte, own
    printf "[bench] page of 100 from the leaf p50 %s ms (target <= 5 ms)\n", page
    printf "[bench] appends (two rounds each): %.0f / %.0f per s = %.0f%% of pgbench (target >= 50%%)\n", api / 2, pg / 2, 100 * api / pg
  }' "$results"
"$ROOT/stack" stop >/dev/null 2>&1 || true
