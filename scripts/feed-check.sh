#!/usr/bin/env bash
# The calendar and Information Point feeds as their clients see them: Python's `icalendar` (an independent
# RFC 5545 parser) reads /calendar.ics and the per-programme, per-settlement and
# per-series feeds of a running kozos with the demo, and checks them against the JSON API
# (scripts/lib/feed_check.py says what is checked). icalendar is installed into a
# virtual environment under ~/.cache on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${KOZOS_FEED_VENV:-$HOME/.cache/kozos-icalendar}
ICALENDAR_VERSION=7.3.0
FEEDPARSER_VERSION=6.0.11
if ! "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('icalendar') != '$ICALENDAR_VERSION' or m.version('feedparser') != '$FEEDPARSER_VERSION')" 2>/dev/null; then
  echo "feed-check: installing icalendar $ICALENDAR_VERSION and feedparser $FEEDPARSER_VERSION into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "icalendar==$ICALENDAR_VERSION" "feedparser==$FEEDPARSER_VERSION"
fi

. scripts/lib/demo-server.sh
start_demo_server feed-check

TOKEN=$("$BIN" --database-url "$DB_URL" token create --email projektmenedzser@demo.kozos.hu --name feed-check)
"$VENV/bin/python" scripts/lib/feed_check.py "$BASE" "$TOKEN"
