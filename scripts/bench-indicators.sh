#!/usr/bin/env bash
# Indicators at national scale, on SQLite and (when it can be started, see
# scripts/postgres.sh) PostgreSQL: a release build; the national data set (every
# settlement, ~1,000 programmes, 1M people, 100k activities, 10M attendance) loaded into
# a fresh database by `kozos bench-indicators --load-only` (time per phase, the loader's
# peak memory, the database's size); then, in a second process that only reads,
# `kozos bench-indicators` times the national coordinator's reads warm (3 warm-ups, the
# median and 95th percentile of 20 runs: the country's and a county's roll-up, the
# busiest programme's dashboard), records one check-in of a new person and checks that
# the national figure moved by exactly one at once, and reports its own peak memory.
# KOZOS_BENCH_ARGS shrinks the data set, e.g. "--people 100000 --attendance 1000000".
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/kozos-target}
cargo build --release --quiet
BIN=$CARGO_TARGET_DIR/release/kozos
WORK=${KOZOS_BENCH_DIR:-$(mktemp -d)}
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
read -r -a SIZE <<<"${KOZOS_BENCH_ARGS:-}"
SUMMARY=()

bench() { # NAME DATABASE_URL
  local name=$1 url=$2
  echo "== $name: loading" >&2
  /usr/bin/time -f "%M" -o "$WORK/load-rss-$name" \
    "$BIN" --database-url "$url" bench-indicators --load-only "${SIZE[@]}" | tee "$WORK/load-$name.txt"
  echo "== $name: reading" >&2
  "$BIN" --database-url "$url" bench-indicators "${SIZE[@]}" | tee "$WORK/read-$name.txt"
  SUMMARY+=("$(grep '^summary' "$WORK/read-$name.txt") load_seconds=$(sed -n 's/^load total_seconds=\([0-9.]*\).*/\1/p' "$WORK/load-$name.txt") database_mib=$(( $(sed -n 's/.*database_bytes=\([0-9]*\).*/\1/p' "$WORK/load-$name.txt") / 1048576 )) loader_peak_rss_mib=$(( $(cat "$WORK/load-rss-$name") / 1024 ))")
}

bench SQLite "sqlite://$WORK/national.db?mode=rwc"
if PG_URL=$(scripts/postgres.sh 2>/dev/null | tail -n 1) && [ -n "$PG_URL" ]; then
  psql "$PG_URL" -qc "DROP DATABASE IF EXISTS kozos_bench_national" -c "CREATE DATABASE kozos_bench_national" >/dev/null
  bench PostgreSQL "${PG_URL%/*}/kozos_bench_national"
else
  SUMMARY+=("summary PostgreSQL not measured: PostgreSQL could not be started")
fi

echo
echo "kozos release build, $(nproc) cores; targets warm: national < 500 ms, county < 200 ms, programme < 50 ms"
printf '%s\n' "${SUMMARY[@]}"
