# Sourced by the scripts that test a running kozos: builds the debug binary, starts it on a
# fresh demo database on a free loopback port, waits until it is ready, and stops it on
# exit. Sets BIN, WORK (a temporary folder), DB_URL, BASE and SERVER_PID.
#
#   . "$(dirname "$0")/lib/demo-server.sh"
#   start_smtp_sink "label"     # optional: the server's mail goes to a local SMTP sink
#   start_demo_server "label"
#
# start_smtp_sink starts scripts/lib/smtp_sink.py (aiosmtpd) on a free loopback port and
# sets MAIL_DIR, the folder where each received message lands as NNNN.eml with NNNN.json
# (what Python's mail parser reads in it); the demo server then sends its mail there.

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/kozos-target}

start_smtp_sink() {
  local label=$1 python ready port
  python=$(scripts/lib/smtp-sink-venv.sh)
  MAIL_DIR=$(mktemp -d)
  trap stop_demo_server EXIT
  # A coprocess: the sink stops when its standard input (our end of the pipe) closes,
  # so it never outlives this script.
  coproc SMTP_SINK { exec "$python" scripts/lib/smtp_sink.py --dir "$MAIL_DIR"; }
  if ! read -r -t 30 ready port <&"${SMTP_SINK[0]}" || [ "$ready" != ready ]; then
    echo "$label: the SMTP sink did not start" >&2
    exit 1
  fi
  SMTP_PORT=$port
  echo "$label: SMTP sink on 127.0.0.1:$SMTP_PORT, mail in $MAIL_DIR" >&2
}

start_demo_server() {
  local label=$1
  cargo build --quiet
  BIN=$CARGO_TARGET_DIR/debug/kozos
  WORK=$(mktemp -d)
  SERVER_PID=
  trap stop_demo_server EXIT
  local mail_args=()
  if [ -n "${SMTP_PORT:-}" ]; then
    mail_args=(--smtp-host 127.0.0.1 --smtp-port "$SMTP_PORT" --smtp-tls none
      --smtp-from "kozos <noreply@demo.kozos.hu>")
  fi
  # A free port on loopback: bind to port 0 and let the kernel choose.
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  BASE=http://127.0.0.1:$PORT
  DB_URL="sqlite://$WORK/kozos.db?mode=rwc"
  "$BIN" --database-url "$DB_URL" serve --demo --bind "127.0.0.1:$PORT" "${mail_args[@]}" \
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
  if [ -n "${SMTP_SINK_PID:-}" ]; then
    kill "$SMTP_SINK_PID" 2>/dev/null || true
    wait "$SMTP_SINK_PID" 2>/dev/null || true
  fi
  if [ -n "${MAIL_DIR:-}" ]; then rm -rf "$MAIL_DIR"; fi
}
