#!/usr/bin/env bash
# Browser tests: starts kozos on a fresh demo database, its mail going to a local SMTP
# sink (scripts/lib/smtp_sink.py; the tests read it from KOZOS_MAIL_DIR), and runs
# e2e/tests/ against it in Debian's Chromium. Installs what is missing (chromium, e2e/node_modules) first, so
# it works on a new machine as well as on one that ran it before.
#
#   scripts/e2e.sh            # exit status is the tests'
#
# Screenshots land in e2e/test-results/ (gitignored).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD

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

# The registration mail test reads the PDFs it downloads with pdftotext.
if ! command -v pdftotext >/dev/null; then
  echo "e2e: installing poppler-utils from apt" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

. scripts/lib/demo-server.sh
start_smtp_sink e2e
start_demo_server e2e

status=0
KOZOS_BASE_URL=$BASE KOZOS_MAIL_DIR=$MAIL_DIR node --test "$ROOT"/e2e/tests/*.test.mjs || status=$?
if [ "$status" -ne 0 ]; then
  echo "e2e: tests failed; last lines of the server log:" >&2
  tail -n 40 "$WORK/server.log" >&2
fi
exit "$status"
