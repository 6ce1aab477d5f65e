#!/usr/bin/env bash
# A small, bounded benchmark of the release build on a fresh demo database:
#   - start-up: process start to the first successful GET /programmes/{Kisbér id}
#   - throughput and p99 latency of that page, of the calendar's busiest month
#     (GET /calendar?month=…) and of GET /api/v1/programmes (wrk, 2 threads, 64
#     connections, 10 s each)
#   - the server's peak resident memory (VmHWM) after both runs
#   - the same load on a bare axum "hello" server (`kozos bench-hello`: same binary, runtime
#     and build profile, no database or middleware), and the page's and API's requests/s as
#     a share of hello's in this run, a figure that drifts less than requests/s on a shared
#     machine
# Only 127.0.0.1 is targeted. Prints a Markdown table at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/kozos-target}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v wrk >/dev/null; then
  echo "bench: installing wrk from apt" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

cargo build --release --quiet
BIN=$CARGO_TARGET_DIR/release/kozos

WORK=$(mktemp -d)
SERVER_PID=
HELLO_PID=
cleanup() {
  for pid in $SERVER_PID $HELLO_PID; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
now_ms() { echo $(($(date +%s%N) / 1000000)); }

t0=$(now_ms)
"$BIN" --database-url "sqlite://$WORK/kozos.db?mode=rwc" serve --demo --bind "127.0.0.1:$PORT" \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

# Poll every 10 ms: first for the Kisbér id (ids are not promised, so ask the API as a
# client would), then at once for the page. The API round trip costs ~1 ms on loopback.
KISBER_ID=
while :; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null || [ $(($(now_ms) - t0)) -gt 30000 ]; then
    echo "bench: kozos did not serve the Kisbér page within 30 s; server log:" >&2
    cat "$WORK/server.log" >&2
    exit 1
  fi
  if [ -z "$KISBER_ID" ]; then
    KISBER_ID=$(curl -fs "$BASE/api/v1/programmes?q=Kisb%C3%A9r" 2>/dev/null |
      python3 -c 'import json,sys; print(next(p["id"] for p in json.load(sys.stdin) if p.get("code") == "TOP-5.3.1-16-KO1-2017-00005"))' 2>/dev/null) || KISBER_ID=
  fi
  if [ -n "$KISBER_ID" ] && curl -fs -o /dev/null "$BASE/programmes/$KISBER_ID"; then break; fi
  sleep 0.01
done
startup_ms=$(($(now_ms) - t0))

. scripts/lib/run-wrk.sh
# The calendar's busiest month of public activities in the demo (asked of the API as a
# client would), so the month page renders a full grid, not an empty one.
BUSY_MONTH=$(python3 - "$BASE" <<'PY'
import collections, json, sys, urllib.request
base = sys.argv[1]
get = lambda p: json.load(urllib.request.urlopen(base + p))
months = collections.Counter(
    a["starts_local"][:7]
    for p in get("/api/v1/programmes")
    for a in get(f"/api/v1/programmes/{p['id']}/activities")
    if a["public"]
)
month, n = months.most_common(1)[0]
print(month)
print(f"bench: calendar month {month} has {n} public activities", file=sys.stderr)
PY
)
run_wrk "programme page" "$BASE" "/programmes/$KISBER_ID"
run_wrk "calendar month" "$BASE" "/calendar?month=$BUSY_MONTH"
run_wrk "API list" "$BASE" "/api/v1/programmes"

# Read after the runs: VmHWM is the high-water mark, so it includes their peak.
peak_rss_mib=$(awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status")

# The ceiling: a bare hello server of the same binary, loaded the same way.
HELLO_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" bench-hello --bind "127.0.0.1:$HELLO_PORT" >"$WORK/hello.log" 2>&1 &
HELLO_PID=$!
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$HELLO_PORT/" && break; sleep 0.05; done
run_wrk "bare axum hello" "http://127.0.0.1:$HELLO_PORT" "/"
ratio() { awk -v a="$(cat "$WORK/rps-$1")" -v b="$(cat "$WORK/rps-bare axum hello")" 'BEGIN { printf "%.1f %%", 100 * a / b }'; }
{
  echo "| programme page: requests/s as a share of hello's | $(ratio "programme page") |"
  echo "| calendar month: requests/s as a share of hello's | $(ratio "calendar month") |"
  echo "| API list: requests/s as a share of hello's | $(ratio "API list") |"
} >>"$WORK/rows"

echo
echo "kozos release build, fresh SQLite demo database, $(nproc) cores, wrk -t2 -c64 -d10s"
echo
echo "| measurement | value |"
echo "| --- | ---: |"
echo "| start-up: process start to first Kisbér page | ${startup_ms} ms |"
cat "$WORK/rows"
echo "| server peak RSS (VmHWM) | ${peak_rss_mib} MiB |"
