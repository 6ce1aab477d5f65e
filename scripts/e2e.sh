#!/usr/bin/env bash
# Browser tests: starts kozos on a fresh demo database and runs e2e/tests/ against it
# in Debian's Chromium. Installs what is missing (chromium, e2e/node_modules) first, so
# it works on a new machine as well as on one that ran it before.
#
#   scripts/e2e.sh            # exit status is the tests'
#
# Screenshots land in e2e/test-results/ (gitignored).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/kozos-target}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The tests drive the system's Chromium; playwright never downloads a browser.
if [ ! -x /usr/bin/chromium ]; then
  echo "e2e: installing chromium from apt" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# npm ci only when the lock changed since the last install (it wipes node_modules).
if [ ! -d e2e/node_modules ] || [ e2e/package-lock.json -nt e2e/node_modules ]; then
  echo "e2e: npm ci" >&2
  (cd e2e && npm ci --no-audit --no-fund)
  touch e2e/node_modules
fi

cargo build --quiet
BIN=$CARGO_TARGET_DIR/debug/kozos

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A free port on loopback: bind to port 0 and let the kernel choose.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT

"$BIN" --database-url "sqlite://$WORK/kozos.db?mode=rwc" serve --demo --bind "127.0.0.1:$PORT" \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

deadline=$((SECONDS + 30))
until curl -fsS -o /dev/null "$BASE/readyz" 2>/dev/null; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    echo "e2e: kozos did not become ready at $BASE/readyz within 30 s; server log:" >&2
    cat "$WORK/server.log" >&2
    exit 1
  fi
  sleep 0.2
done
echo "e2e: kozos ready at $BASE" >&2

status=0
KOZOS_BASE_URL=$BASE node --test "$ROOT"/e2e/tests/*.test.mjs || status=$?
if [ "$status" -ne 0 ]; then
  echo "e2e: tests failed; last lines of the server log:" >&2
  tail -n 40 "$WORK/server.log" >&2
fi
exit "$status"
