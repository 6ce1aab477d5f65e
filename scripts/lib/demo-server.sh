# Sourced by the scripts that test a running kozos: builds the debug binary, starts it on a
# fresh demo database on a free loopback port, waits until it is ready, and stops it on
# exit. Sets BIN, WORK (a temporary folder), DB_URL, BASE and SERVER_PID.
#
#   . "$(dirname "$0")/lib/demo-server.sh"
#   start_demo_server "label"

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/kozos-target}

start_demo_server() {
  local label=$1
  cargo build --quiet
  BIN=$CARGO_TARGET_DIR/debug/kozos
  WORK=$(mktemp -d)
  SERVER_PID=
  trap stop_demo_server EXIT
  # A free port on loopback: bind to port 0 and let the kernel choose.
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  BASE=http://127.0.0.1:$PORT
  DB_URL="sqlite://$WORK/kozos.db?mode=rwc"
  "$BIN" --database-url "$DB_URL" serve --demo --bind "127.0.0.1:$PORT" \
    >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  local deadline=$((SECONDS + 60))
  until curl -fsS -o /dev/null "$BASE/readyz" 2>/dev/null; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "$label: kozos did not become ready at $BASE/readyz; server log:" >&2
      cat "$WORK/server.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "$label: kozos ready at $BASE" >&2
}

stop_demo_server() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ -n "${WORK:-}" ]; then rm -rf "$WORK"; fi
}
