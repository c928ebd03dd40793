#!/bin/bash
# Runs once, when the PostgreSQL container initialises its data directory: the owner role (runs
# the migrations, owns the three schemas), the runtime role (what the services run as; the
# migrations grant it what it needs) and the one database.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$OPENASSIST_DB_OWNER_PASSWORD" -v app_password="$OPENASSIST_DB_APP_PASSWORD" <<'SQL'
CREATE ROLE openassist LOGIN PASSWORD :'owner_password';
CREATE ROLE openassist_app LOGIN PASSWORD :'app_password';
CREATE DATABASE openassist OWNER openassist;
SQL
