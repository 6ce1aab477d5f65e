#!/usr/bin/env bash
# The virtual environment of the tests' SMTP sink (scripts/lib/smtp_sink.py): aiosmtpd,
# installed under ~/.cache on first use (KOZOS_SMTP_SINK_VENV to put it elsewhere).
# Safe to run from several test processes at once: the install runs under a lock.
# Prints the environment's python.
set -euo pipefail

VENV=${KOZOS_SMTP_SINK_VENV:-$HOME/.cache/kozos-aiosmtpd}
AIOSMTPD_VERSION=1.4.6
ready() {
  "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('aiosmtpd') != '$AIOSMTPD_VERSION')" 2>/dev/null
}
if ! ready; then
  mkdir -p "$(dirname "$VENV")"
  exec 9>"$VENV.lock"
  flock 9
  if ! ready; then
    echo "smtp-sink: installing aiosmtpd $AIOSMTPD_VERSION into $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "aiosmtpd==$AIOSMTPD_VERSION"
  fi
fi
echo "$VENV/bin/python"
