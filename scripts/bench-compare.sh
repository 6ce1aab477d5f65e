#!/usr/bin/env bash
# Compare this checkout with an earlier revision in one run, on the same machine:
#   scripts/bench-compare.sh REV        # e.g. HEAD~3 or a commit id
# Builds REV (in a git worktree under ~/.cache) and this tree in release mode, starts each
# on a fresh SQLite demo database, and measures the programme page and the API list with
# wrk (2 threads, 64 connections, 10 s), alternating A B A B so drift hits both alike.
# Prints requests/s and p99 of each and the ratio new/old, and — the repeatable figure on
# a shared machine — the CPU instructions one request costs, counted by valgrind's
# callgrind over 1,000 requests (database included: SQLite runs in the process).
# Only 127.0.0.1 is targeted.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
REV=${1:?usage: scripts/bench-compare.sh REV}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/kozos-target}
command -v wrk >/dev/null || { echo "bench-compare: wrk missing (scripts/bench.sh installs it)" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "bench-compare: valgrind missing (apt-get install valgrind)" >&2; exit 1; }

WORK=$(mktemp -d)
OLD_TREE=$HOME/.cache/kozos-bench-old
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  git -C "$ROOT" worktree remove --force "$OLD_TREE" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

git worktree remove --force "$OLD_TREE" 2>/dev/null || true
git worktree add --detach "$OLD_TREE" "$REV" >/dev/null
# Its own target folder: two trees of the same workspace must not share build artefacts
# (the first run builds the dependencies once more; later runs reuse them).
OLD_TARGET=$HOME/.cache/kozos-bench-old-target
(cd "$OLD_TREE" && CARGO_TARGET_DIR=$OLD_TARGET cargo build --release --quiet)
cp "$OLD_TARGET/release/kozos" "$WORK/kozos-old"
cargo build --release --quiet
cp "$CARGO_TARGET_DIR/release/kozos" "$WORK/kozos-new"

# measure NAME BINARY: start it, run both loads, append "name page_rps page_p99 api_rps api_p99".
measure() {
  local name=$1 bin=$2 port base id
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base=http://127.0.0.1:$port
  rm -f "$WORK/db.sqlite"*
  "$bin" --database-url "sqlite://$WORK/db.sqlite?mode=rwc" serve --demo --bind "127.0.0.1:$port" \
    >"$WORK/$name.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do curl -fs -o /dev/null "$base/readyz" && break; sleep 0.1; done
  id=$(curl -fs "$base/api/v1/programmes?q=Kisb%C3%A9r" |
    python3 -c 'import json,sys; print(next(p["id"] for p in json.load(sys.stdin) if p.get("code") == "TOP-5.3.1-16-KO1-2017-00005"))')
  local row="$name"
  for path in "/programmes/$id" "/api/v1/programmes"; do
    wrk -t2 -c64 -d10s --latency "$base$path" >"$WORK/wrk.txt"
    row="$row $(awk '/Requests\/sec:/ { rps = $2 } /^ +99%/ { p99 = $2 } END { print rps, p99 }' "$WORK/wrk.txt")"
  done
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
  echo "$row" >>"$WORK/rows"
}

for round in 1 2; do
  measure old "$WORK/kozos-old"
  measure new "$WORK/kozos-new"
done

# instructions NAME BINARY PATH: instructions per request of PATH (1,000 requests on one
# keep-alive connection, after 20 to warm caches), appended to $WORK/instructions.
instructions() {
  local name=$1 bin=$2 path=$3 port pid
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  rm -f "$WORK/db.sqlite"*
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$WORK/cg.out" \
    "$bin" --database-url "sqlite://$WORK/db.sqlite?mode=rwc" serve --demo --bind "127.0.0.1:$port" \
    >"$WORK/cg.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 900); do curl -fs -o /dev/null "http://127.0.0.1:$port/readyz" && break; sleep 0.2; done
  load() {
    python3 - "$port" "$path" "$1" <<'PY'
import http.client, sys
port, path, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
c = http.client.HTTPConnection("127.0.0.1", port)
for _ in range(n):
    c.request("GET", path); r = c.getresponse(); r.read(); assert r.status == 200, r.status
PY
  }
  load 20
  callgrind_control -i on "$pid" >/dev/null 2>&1
  load 1000
  callgrind_control -i off "$pid" >/dev/null 2>&1
  kill -INT "$pid"; wait "$pid" 2>/dev/null || true
  echo "$name $path $(callgrind_annotate "$WORK/cg.out" | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print int($1 / 1000) }')" \
    >>"$WORK/instructions"
}
for bin in old new; do
  instructions "$bin" "$WORK/kozos-$bin" "/programmes/1"
  instructions "$bin" "$WORK/kozos-$bin" "/api/v1/programmes"
done

echo
echo "release builds of $REV (old) and this tree (new), fresh SQLite demo database, $(nproc) cores,"
echo "wrk -t2 -c64 -d10s, alternating old new old new; best of two rounds each"
echo
python3 - "$WORK/rows" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
best = {}
for name, prps, pp99, arps, ap99 in rows:
    b = best.setdefault(name, [0.0, "", 0.0, ""])
    if float(prps) > b[0]: b[0], b[1] = float(prps), pp99
    if float(arps) > b[2]: b[2], b[3] = float(arps), ap99
o, n = best["old"], best["new"]
print("| measurement | old | new | new / old |")
print("| --- | ---: | ---: | ---: |")
print(f"| programme page: requests/s | {o[0]:.0f} | {n[0]:.0f} | {n[0]/o[0]:.2f} |")
print(f"| programme page: p99 | {o[1]} | {n[1]} | |")
print(f"| API list: requests/s | {o[2]:.0f} | {n[2]:.0f} | {n[2]/o[2]:.2f} |")
print(f"| API list: p99 | {o[3]} | {n[3]} | |")
PY
python3 - "$WORK/instructions" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    name, path, n = line.split()
    rows.setdefault(path, {})[name] = int(n)
for path, r in rows.items():
    print(f"| {path}: instructions per request | {r['old']:,} | {r['new']:,} | {r['new']/r['old']:.2f} |")
PY
