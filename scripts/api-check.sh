#!/usr/bin/env bash
# The JSON API as an outside client sees it: schemathesis generates requests from
# /api/openapi.json (valid and invalid ones) against a running kozos with the demo, signed
# in with an administrator's token, and checks that no request gets a server error and
# that every status, content type and body is what the OpenAPI document says.
# schemathesis is installed into a virtual environment under ~/.cache on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${KOZOS_VENV:-$HOME/.cache/kozos-schemathesis}
SCHEMATHESIS_VERSION=4.32.5
if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  echo "api-check: installing schemathesis $SCHEMATHESIS_VERSION into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

. scripts/lib/demo-server.sh
start_demo_server api-check

TOKEN=$("$BIN" --database-url "$DB_URL" token create --email admin@demo.kozos.hu --name schemathesis)

# A fixed seed keeps CI runs repeatable; raise KOZOS_API_EXAMPLES for a deeper local run.
run_schemathesis() {
  "$VENV/bin/schemathesis" --config-file scripts/lib/schemathesis.toml run "$BASE/api/openapi.json" \
    --url "$BASE" \
    --header "Authorization: Bearer $TOKEN" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "${KOZOS_API_EXAMPLES:-40}" \
    --seed 20261122 \
    --workers 2 \
    --no-color \
    --report junit --report-dir "$WORK/report" 2>&1 | tee "$WORK/schemathesis.txt"
  return "${PIPESTATUS[0]}"
}
status=0
run_schemathesis || status=$?
# The Python interpreter itself sometimes fails while schemathesis compiles code on two
# workers at once ("SystemError: AST constructor recursion depth mismatch"): a crash of
# the tool, not a finding about the API. Only then the run is repeated, once.
if [ "$status" -ne 0 ] && grep -q "AST constructor recursion depth mismatch" "$WORK/schemathesis.txt"; then
  echo "api-check: schemathesis crashed inside the Python interpreter; running it once more" >&2
  status=0
  run_schemathesis || status=$?
fi
if [ "$status" -ne 0 ]; then
  echo "api-check: schemathesis reported failures; last lines of the server log:" >&2
  tail -n 40 "$WORK/server.log" >&2
fi
exit "$status"
