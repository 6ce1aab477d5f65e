#!/usr/bin/env bash
# Every test: Rust unit and integration tests (SQLite always; PostgreSQL too when
# KOZOS_TEST_DATABASE_URL is set, as .ci/run does; mail delivered to a local SMTP sink),
# then the browser end-to-end and
# accessibility tests, then the API checked from outside with schemathesis and the
# calendar feeds with Python's icalendar, and the progress report with openpyxl and pdftotext.
# Each part runs even when an earlier one failed; the exit status is non-zero if any did.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/kozos-target}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The PDF tests read the documents back with poppler's pdftotext and pdftoppm.
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  echo "test: installing poppler-utils from apt" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

failed=()
# The mail tests deliver to a real SMTP server (scripts/lib/smtp_sink.py, aiosmtpd): make
# its environment once, here, rather than from several tests at once.
scripts/lib/smtp-sink-venv.sh >/dev/null || failed+=("smtp-sink")
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --no-fail-fast || failed+=("rust")
else
  # One test per process matters for the tests that count SQL statements; without
  # nextest, run them one at a time.
  cargo test --workspace -- --test-threads=1 || failed+=("rust")
fi

if [ -z "${KOZOS_TEST_DATABASE_URL:-}" ]; then
  if [ -n "${KOZOS_REQUIRE_POSTGRES:-}" ]; then
    echo "test: KOZOS_REQUIRE_POSTGRES is set but KOZOS_TEST_DATABASE_URL is not" >&2
    failed+=("postgres")
  else
    skipped=$(grep -rhoE '^both!\(' crates/kozos/tests/it | wc -l)
    echo "test: PostgreSQL NOT TESTED: $skipped PostgreSQL test variants were skipped" \
      "(KOZOS_TEST_DATABASE_URL unset; .ci/run starts PostgreSQL and runs them)." >&2
  fi
fi

scripts/e2e.sh || failed+=("browser")
scripts/api-check.sh || failed+=("api")
scripts/feed-check.sh || failed+=("feeds")
scripts/report-check.sh || failed+=("report")

if [ ${#failed[@]} -gt 0 ]; then
  echo "test: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "test: all passed" >&2
