#!/usr/bin/env bash
# Start a local PostgreSQL 15 (Debian's) on 127.0.0.1 only, with a `kozos` role that may
# create the per-test databases, and print the URL to use as KOZOS_TEST_DATABASE_URL.
# Installs the server with apt when it is missing. Idempotent.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sudo -u postgres sh -c "$*"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql/15 ]; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql-15 >/dev/null
fi
if ! pg_lsclusters -h | grep -q '^15 *main'; then
  as_root pg_createcluster 15 main >/dev/null
fi
conf=/etc/postgresql/15/main/postgresql.conf
as_root sed -i -E "/^#?[[:space:]]*listen_addresses[[:space:]]*=/d" "$conf"
echo "listen_addresses = '127.0.0.1'" | as_root tee -a "$conf" >/dev/null
if ! pg_lsclusters -h | grep -q '^15 *main .* online'; then
  as_root pg_ctlcluster 15 main start
fi
for _ in $(seq 1 30); do
  as_postgres "psql -qtAc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 1
done
as_postgres "psql -qtAc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kozos') THEN CREATE ROLE kozos LOGIN CREATEDB PASSWORD 'kozos'; END IF; END \\\$\\\$\"" >/dev/null
as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'kozos'\"" | grep -q 1 \
  || as_postgres "createdb -O kozos kozos"
# Databases left by earlier test runs (each test makes its own).
for db in $(as_postgres "psql -qtAc \"SELECT datname FROM pg_database WHERE datname LIKE 'kozos\\_t\\_%'\""); do
  as_postgres "dropdb --if-exists $db" || true
done
echo "postgres://kozos:kozos@127.0.0.1:5432/kozos"
