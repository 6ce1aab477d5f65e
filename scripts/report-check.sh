#!/usr/bin/env bash
# The progress report as the funder's tools read it: Python's openpyxl (an independent
# XLSX reader) opens the XLSX, the csv module reads the CSV as Hungarian Excel would
# (`;`, BOM, decimal comma), and poppler's pdftotext reads the PDF, for a demo
# programme of a running kozos; the numbers are checked against the JSON API
# (scripts/lib/report_check.py says what is checked). openpyxl is installed into a
# virtual environment under ~/.cache on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${KOZOS_REPORT_VENV:-$HOME/.cache/kozos-openpyxl}
OPENPYXL_VERSION=3.1.5
if ! "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('openpyxl') != '$OPENPYXL_VERSION')" 2>/dev/null; then
  echo "report-check: installing openpyxl $OPENPYXL_VERSION into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "openpyxl==$OPENPYXL_VERSION"
fi

. scripts/lib/demo-server.sh
start_demo_server report-check

TOKEN=$("$BIN" --database-url "$DB_URL" token create --email projektmenedzser@demo.kozos.hu --name report-check)
"$VENV/bin/python" scripts/lib/report_check.py "$BASE" "$TOKEN"
