#!/usr/bin/env bash
# Search at national scale, on SQLite: a release build; the national data set with its
# community records (~10,000 memos, 3,000 initiatives, 1,000 library items on top of
# 100,000 activities and ~1,000 programmes) loaded into a fresh database by
# `kozos bench-indicators --load-only` (its "search index" phase is the indexing
# throughput); `kozos bench-search` times warm searches (median and p95 of 20 after 3
# warm-ups; target p95 < 50 ms); then `kozos serve` on that database under wrk (2
# threads, 32 connections, 10 s each): the Information Point of the programme with the
# most memos, of its settlement, and the search page for the commonest word.
# People and attendance are shrunk (they do not enter the index); KOZOS_BENCH_ARGS
# replaces that choice. Only 127.0.0.1 is targeted.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/kozos-target}
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null; then
  echo "bench-search: installing wrk from apt" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
cargo build --release --quiet
BIN=$CARGO_TARGET_DIR/release/kozos
WORK=${KOZOS_BENCH_DIR:-$(mktemp -d)}
mkdir -p "$WORK"
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
  rm -rf "$WORK"
}
trap cleanup EXIT
read -r -a SIZE <<<"${KOZOS_BENCH_ARGS:---people 100000 --attendance 1000000}"
URL="sqlite://$WORK/national.db?mode=rwc"

echo "== loading" >&2
"$BIN" --database-url "$URL" bench-indicators --load-only "${SIZE[@]}" | tee "$WORK/load.txt"
echo "== searching" >&2
"$BIN" --database-url "$URL" bench-search | tee "$WORK/search.txt"

PROGRAMME=$(sed -n 's/.*busiest_programme=\([0-9]*\).*/\1/p' "$WORK/search.txt")
PLACE=$(sed -n 's/.*its_place=\([0-9]*\).*/\1/p' "$WORK/search.txt")
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
"$BIN" --database-url "$URL" serve --bind "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "$BASE/programmes/$PROGRAMME/info" && break; sleep 0.1; done
. scripts/lib/run-wrk.sh
export WRK_ARGS="-t2 -c32 -d10s"
: >"$WORK/rows"
run_wrk "programme Information Point" "$BASE" "/programmes/$PROGRAMME/info"
run_wrk "settlement Information Point" "$BASE" "/places/$PLACE/info"
run_wrk "search page" "$BASE" "/search?q=k%C3%B6z%C3%B6ss%C3%A9g"

echo
echo "kozos release build, SQLite, $(nproc) cores, national data set (${SIZE[*]})"
echo
echo "| measure | value |"
echo "| --- | --- |"
awk '/^load phase=(community|search_index)/ { split($2,a,"="); split($3,r,"="); split($4,s,"=");
  printf "| load: %s | %s rows in %s s (%.0f rows/s) |\n", a[2], r[2], s[2], (s[2] > 0 ? r[2] / s[2] : 0) }' "$WORK/load.txt"
sed -n 's/^index docs=\([0-9]*\) postings=\([0-9]*\).*/| index size | \1 documents, \2 postings |/p' "$WORK/search.txt"
awk -F'"' '/^search case=/ { split($5, t, " "); printf "| search \"%s\" (`%s`): %s, median / p95 | %s / %s ms |\n", $2, $4, t[1], substr(t[2], 11), substr(t[3], 8) }' "$WORK/search.txt"
cat "$WORK/rows"
grep '^summary' "$WORK/search.txt"
