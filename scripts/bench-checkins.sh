#!/usr/bin/env bash
# Durable check-ins per second through POST /api/v1/check-ins, on SQLite and (when it can be
# started, see scripts/postgres.sh) PostgreSQL: a release build on a fresh demo database,
# an activity running now with 60 000 registrations, and wrk (2 threads, 64 connections,
# 10 s) sending a different ticket with every request, as scanners at many doors would.
# Each 201 is committed before it is answered (SQLite: WAL, synchronous=FULL); the figure
# is the attendance rows the database holds afterwards divided by the run's length, and
# the run fails if any request was answered with an error.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/kozos-target}
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
cargo build --release --quiet
BIN=$CARGO_TARGET_DIR/release/kozos
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
  rm -rf "$WORK"
}
trap cleanup EXIT
REGISTRATIONS=${KOZOS_BENCH_REGISTRATIONS:-60000}
ROWS=()

bench() { # NAME DATABASE_URL
  local name=$1 url=$2
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local base=http://127.0.0.1:$port
  "$BIN" --database-url "$url" serve --demo --bind "127.0.0.1:$port" >"$WORK/server-$name.log" 2>&1 &
  SERVER_PID=$!
  local kisber=
  for _ in $(seq 1 600); do
    kisber=$(curl -fs "$base/api/v1/programmes?q=Kisb%C3%A9r" 2>/dev/null |
      python3 -c 'import json,sys; print(next(p["id"] for p in json.load(sys.stdin) if p.get("code") == "TOP-5.3.1-16-KO1-2017-00005"))' 2>/dev/null) && break
    sleep 0.1
  done
  [ -n "$kisber" ] || { echo "bench-checkins: server did not start" >&2; cat "$WORK/server-$name.log" >&2; exit 1; }
  local activity
  activity=$("$BIN" --database-url "$url" bench-checkins-setup --programme "$kisber" \
    --registrations "$REGISTRATIONS" --tokens "$WORK/tokens-$name.txt")
  local bearer
  bearer=$("$BIN" --database-url "$url" token create --email onkentes@demo.kozos.hu --name bench)
  KOZOS_TOKENS="$WORK/tokens-$name.txt" KOZOS_ACTIVITY=$activity KOZOS_BEARER=$bearer KOZOS_THREADS=2 \
    wrk -t2 -c64 -d10s --latency -s scripts/lib/checkin.lua "$base" >"$WORK/wrk-$name.txt"
  local rows
  rows=$(curl -fs -H "Authorization: Bearer $bearer" "$base/api/v1/activities/$activity/attendance" |
    python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
  local summary
  summary=$(awk -v rows="$rows" -v name="$name" '
    /requests in/    { n = $1; secs = $4; gsub("s,", "", secs); sub("s$", "", secs) }
    /^ +99%/         { p99 = $2 }
    /Non-2xx or 3xx/ { errors += $NF }
    /Socket errors/  { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    END {
      printf "| %s: durable check-ins/s (attendance rows / run) | %.0f |\n", name, rows / secs
      printf "| %s: requests answered / attendance rows | %d / %d |\n", name, n, rows
      printf "| %s: p99 latency | %s |\n", name, p99
      printf "| %s: non-2xx or socket errors | %d |\n", name, errors
      if (errors > 0) exit 1
    }' "$WORK/wrk-$name.txt") || { echo "bench-checkins: $name had errors" >&2; cat "$WORK/wrk-$name.txt" >&2; exit 1; }
  ROWS+=("$summary")
}

bench sqlite "sqlite://$WORK/kozos.db?mode=rwc"
if PG_URL=$(scripts/postgres.sh 2>/dev/null | tail -n 1) && [ -n "$PG_URL" ]; then
  psql "$PG_URL" -qc "DROP DATABASE IF EXISTS kozos_bench" -c "CREATE DATABASE kozos_bench" >/dev/null
  bench postgres "${PG_URL%/*}/kozos_bench"
else
  ROWS+=("| postgres | not measured: PostgreSQL could not be started |")
fi

echo
echo "kozos release build, $(nproc) cores, wrk -t2 -c64 -d10s, $REGISTRATIONS registrations, one ticket per request"
echo
echo "| measurement | value |"
echo "| --- | ---: |"
printf '%s\n' "${ROWS[@]}"
