#!/usr/bin/env bash
# Time from `assay run experiments/hello-app --duration 5s` to its summary, on a built tree.
# The goal: under 15 s (the run itself is 2 s of warm-up and 5 s measured).
#   bench/startup/run.sh [rounds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds=${1:-3}
"$root/scripts/setup" bench
"$root/scripts/build"
state=$(mktemp -d /tmp/assay-startup.XXXXXX)
trap 'rm -rf "$state"' EXIT

printf '%-6s %-10s %-8s %s\n' round seconds exit load
times=()
for round in $(seq 1 "$rounds"); do
  start=$(date +%s.%N)
  set +e
  "$root/assay" run experiments/hello-app --duration 5s --state-dir "$state" > "$state/out-$round.txt" 2>&1
  code=$?
  set -e
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc)
  times+=("$seconds")
  printf '%-6s %-10.2f %-8s %s\n' "$round" "$seconds" "$code" "$(cut -d' ' -f1 /proc/loadavg)"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
verdict=$(echo "$median < 15" | bc)
printf 'median %.2f s: %s (goal: under 15 s)\n' "$median" "$([ "$verdict" = 1 ] && echo ok || echo FAIL)"
[ "$verdict" = 1 ]
