# shellcheck shell=bash
# Sourced by the benchmark scripts (needs $WORK). WRK_ARGS overrides the load.
# run_wrk NAME BASE_URL PATH: one bounded wrk run; appends Markdown rows to $WORK/rows and
# the requests/s to $WORK/rps-NAME.
run_wrk() {
  local out="$WORK/wrk-$1.txt"
  wrk ${WRK_ARGS:--t2 -c64 -d10s} --latency "$2$3" >"$out"
  # Errors are reported so that a fast run of failing requests cannot pass as a result.
  awk -v name="$1 (\`$3\`)" -v rpsfile="$WORK/rps-$1" '
    /Requests\/sec:/ { rps = $2 }
    /^ +99%/         { p99 = $2 }
    /Non-2xx or 3xx/ { errors += $NF }
    /Socket errors/  { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    END {
      printf "| %s: requests/s | %.0f |\n", name, rps
      printf "| %s: p99 latency | %s |\n", name, p99
      printf "| %s: non-2xx or socket errors | %d |\n", name, errors
      printf "%f\n", rps > rpsfile
    }
  ' "$out" >>"$WORK/rows"
}
