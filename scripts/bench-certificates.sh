#!/usr/bin/env bash
# The bulk issue of certificates: a release build on a fresh demo database (SQLite, and
# PostgreSQL when scripts/postgres.sh can start it), a finished training whose 200
# participants (KOZOS_BENCH_COMPLETERS) all completed, and the issue as the training page
# asks for it: one batch, run by the certificate job, one PDF made and stored per person.
# Prints the time, the stored PDFs' size and the process's peak memory (VmHWM) before and
# after the issue, as a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/kozos-target}
cargo build --release --quiet
BIN=$CARGO_TARGET_DIR/release/kozos
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
COMPLETERS=${KOZOS_BENCH_COMPLETERS:-200}
ROWS=()

bench() { # NAME DATABASE_URL
  local name=$1 url=$2
  "$BIN" --database-url "$url" demo >/dev/null 2>&1
  # The Kisbér programme's id, read from the database the demo was loaded into.
  local kisber
  kisber=$(python3 - "$url" <<'PY'
import sys, sqlite3
url = sys.argv[1]
if url.startswith("sqlite://"):
    path = url[len("sqlite://"):].split("?")[0]
    db = sqlite3.connect(path)
    print(db.execute("SELECT id FROM programmes WHERE code = 'TOP-5.3.1-16-KO1-2017-00005'").fetchone()[0])
else:
    import subprocess
    out = subprocess.run(["psql", url, "-tAc", "SELECT id FROM programmes WHERE code = 'TOP-5.3.1-16-KO1-2017-00005'"],
                         capture_output=True, text=True, check=True).stdout.strip()
    print(out)
PY
)
  local out
  out=$("$BIN" --database-url "$url" bench-certificates --programme "$kisber" --completers "$COMPLETERS")
  echo "bench-certificates ($name): $out" >&2
  local issued seconds bytes before after
  issued=$(sed -n 's/.*issued=\([0-9]*\).*/\1/p' <<<"$out")
  seconds=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' <<<"$out")
  bytes=$(sed -n 's/.*pdf_bytes=\([0-9]*\).*/\1/p' <<<"$out")
  before=$(sed -n 's/.*peak_rss_before_kib=\([0-9]*\).*/\1/p' <<<"$out")
  after=$(sed -n 's/.*peak_rss_after_kib=\([0-9]*\).*/\1/p' <<<"$out")
  if [ "$issued" != "$COMPLETERS" ]; then
    echo "bench-certificates: $issued certificates issued, expected $COMPLETERS" >&2
    exit 1
  fi
  ROWS+=("| $name | $issued | ${seconds} s | $(python3 -c "print(f'{$bytes/1024/1024:.1f}')") MiB | $((before / 1024)) MiB | $((after / 1024)) MiB |")
}

bench SQLite "sqlite://$WORK/bench.db?mode=rwc"
if PG_URL=$(scripts/postgres.sh 2>/dev/null | tail -n 1) && [ -n "$PG_URL" ]; then
  psql "$PG_URL" -qc "DROP DATABASE IF EXISTS kozos_bench_certs" -c "CREATE DATABASE kozos_bench_certs" >/dev/null
  bench PostgreSQL "${PG_URL%/*}/kozos_bench_certs"
else
  echo "bench-certificates: PostgreSQL not available; SQLite only" >&2
fi

echo
echo "| database | certificates | time | stored PDFs | peak RSS before | peak RSS after |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
