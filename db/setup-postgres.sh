#!/usr/bin/env bash
# Makes PostgreSQL ready for OpenAssist, idempotently, on any machine:
#   1. a server already answers on DB_HOST:DB_PORT            -> use it
#   2. a local Debian cluster exists but is down             -> start it
#   3. no PostgreSQL installed or reachable at all            -> start the embedded one (real
#      PostgreSQL binaries from Maven Central, see db/embedded), data under .run/pgdata
# then creates the two roles and the databases if missing (as the `postgres` superuser over TCP where
# that is trusted, else as the `postgres` OS user over the local socket) and verifies a login as
# each role over TCP. The roles: DB_USER owns the databases and schemas and runs the migrations;
# DB_APP_USER is what the services run as, with only the privileges the migrations grant it (on
# conversation messages: SELECT and INSERT, never UPDATE or DELETE).
#
# Settings (defaults): DB_HOST (127.0.0.1) DB_PORT (5432) DB_USER (openassist)
#                      DB_PASSWORD (openassist) DB_APP_USER (openassist_app)
#                      DB_APP_PASSWORD (openassist_app) DB_NAME (openassist)
#                      IT_DB_NAME (openassist_test) OPENASSIST_EMBEDDED_PG (auto | always | never)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-5432}"
DB_USER="${DB_USER:-openassist}"
DB_PASSWORD="${DB_PASSWORD:-openassist}"
DB_APP_USER="${DB_APP_USER:-openassist_app}"
DB_APP_PASSWORD="${DB_APP_PASSWORD:-openassist_app}"
DB_NAME="${DB_NAME:-openassist}"
IT_DB_NAME="${IT_DB_NAME:-openassist_test}"
EMBEDDED="${OPENASSIST_EMBEDDED_PG:-auto}"
RUN_DIR="$ROOT/.run"

log() { printf '[db] %s\n' "$*"; }

reachable() {
  (exec 3<>"/dev/tcp/$DB_HOST/$DB_PORT") 2>/dev/null
}

wait_reachable() {
  for _ in $(seq 1 60); do
    reachable && return 0
    sleep 1
  done
  return 1
}

start_debian_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  local line version cluster status
  line="$(pg_lsclusters --no-header 2>/dev/null | awk -v port="$DB_PORT" '$3 == port' | head -n 1)"
  [ -n "$line" ] || return 1
  read -r version cluster _ status _ <<<"$line"
  if [ "$status" != "online" ]; then
    log "starting local PostgreSQL cluster $version/$cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start \
      || pg_ctlcluster "$version" "$cluster" start
  fi
  wait_reachable
}

embedded_running() {
  [ -f "$RUN_DIR/embedded-pg.pid" ] && kill -0 "$(cat "$RUN_DIR/embedded-pg.pid")" 2>/dev/null
}

start_embedded() {
  log "no PostgreSQL reachable on $DB_HOST:$DB_PORT: starting the embedded one"
  mkdir -p "$RUN_DIR"
  (cd "$ROOT" && mvn -q -pl db/embedded -am install -DskipTests -DskipITs >/dev/null)
  (cd "$ROOT" && mvn -q -pl db/embedded dependency:build-classpath \
      -Dmdep.outputFile="$RUN_DIR/embedded-pg.classpath" >/dev/null)
  DB_PORT="$DB_PORT" DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" \
    DB_APP_USER="$DB_APP_USER" DB_APP_PASSWORD="$DB_APP_PASSWORD" \
    DB_DATABASES="$DB_NAME,$IT_DB_NAME" \
    nohup java -Xmx256m -Dot.epg.working-dir="$RUN_DIR/embedded-pg-binaries" \
      -cp "$ROOT/db/embedded/target/classes:$(cat "$RUN_DIR/embedded-pg.classpath")" \
      io.openassist.db.embedded.EmbeddedPostgresServer "$RUN_DIR/pgdata" \
      >"$RUN_DIR/embedded-pg.log" 2>&1 &
  echo $! >"$RUN_DIR/embedded-pg.pid"
  # It answers only once it has created the role and databases and logged in as the role.
  for _ in $(seq 1 180); do
    grep -q 'READY' "$RUN_DIR/embedded-pg.log" 2>/dev/null && return 0
    embedded_running || break
    sleep 1
  done
  log "embedded PostgreSQL did not get ready; see $RUN_DIR/embedded-pg.log"
  exit 1
}

# Runs SQL as the PostgreSQL superuser, whichever way this machine allows.
as_superuser() {
  if command -v psql >/dev/null 2>&1; then
    if psql -w -h "$DB_HOST" -p "$DB_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAc "$1" 2>/dev/null; then
      return 0
    fi
    if id postgres >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      (cd / && runuser -u postgres -- psql -p "$DB_PORT" -d postgres -v ON_ERROR_STOP=1 -qtAc "$1")
      return $?
    fi
    if id -un | grep -qx postgres; then
      psql -p "$DB_PORT" -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"
      return $?
    fi
  fi
  return 1
}

create_role() {
  local role="$1" password="$2" exists
  exists="$(as_superuser "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" || return 1
  if [ "$exists" != "1" ]; then
    log "creating role $role"
    as_superuser "CREATE ROLE \"$role\" LOGIN PASSWORD '$password'" >/dev/null
  fi
}

create_role_and_databases() {
  create_role "$DB_USER" "$DB_PASSWORD" || {
    log "cannot act as the postgres superuser here; create roles $DB_USER and $DB_APP_USER and" \
        "databases $DB_NAME, $IT_DB_NAME yourself (see README)"
    return 0
  }
  [ "$DB_APP_USER" = "$DB_USER" ] || create_role "$DB_APP_USER" "$DB_APP_PASSWORD"
  local db
  for db in "$DB_NAME" "$IT_DB_NAME"; do
    if [ "$(as_superuser "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
      log "creating database $db"
      as_superuser "CREATE DATABASE \"$db\" OWNER \"$DB_USER\"" >/dev/null
    fi
  done
}

verify_login() {
  local db role
  for db in "$DB_NAME" "$IT_DB_NAME"; do
    if command -v psql >/dev/null 2>&1; then
      for role in "$DB_USER:$DB_PASSWORD" "$DB_APP_USER:$DB_APP_PASSWORD"; do
        PGPASSWORD="${role#*:}" psql -w -h "$DB_HOST" -p "$DB_PORT" -U "${role%%:*}" -d "$db" \
          -qtAc 'SELECT 1' >/dev/null \
          || { log "cannot log in as ${role%%:*} to $db on $DB_HOST:$DB_PORT"; exit 1; }
      done
    else
      (exec 3<>"/dev/tcp/$DB_HOST/$DB_PORT") 2>/dev/null \
        || { log "PostgreSQL on $DB_HOST:$DB_PORT stopped answering"; exit 1; }
    fi
  done
  log "PostgreSQL ready on $DB_HOST:$DB_PORT: roles $DB_USER (owner) and $DB_APP_USER (runtime)," \
      "databases $DB_NAME and $IT_DB_NAME"
}

if [ "$EMBEDDED" = "always" ]; then
  reachable || start_embedded
elif ! reachable; then
  if ! start_debian_cluster; then
    [ "$EMBEDDED" = "never" ] && { log "no PostgreSQL on $DB_HOST:$DB_PORT"; exit 1; }
    start_embedded
  fi
fi
embedded_running || create_role_and_databases
verify_login
