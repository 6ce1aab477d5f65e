#!/usr/bin/env bash
# Every test: Rust unit and integration tests (SQLite always, PostgreSQL too when
# KOZOS_TEST_DATABASE_URL is set), then the browser end-to-end and accessibility tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/kozos-target}"

if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --no-fail-fast
else
  cargo test --workspace
fi
scripts/e2e.sh
