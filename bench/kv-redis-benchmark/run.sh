#!/usr/bin/env bash
# Accuracy of the kv driver against redis-benchmark: GET of 100-byte values over 10,000 keys, 50 clients, no
# pipelining (-P 1; the driver keeps one request in flight per connection). Redis runs with the catalog's settings
# (catalog/redis.yaml: no persistence, a password) pinned to CPU 0; each load generator is pinned to CPU 1.
# Rounds interleave:
#   redis-benchmark  redis-benchmark -t get -c 50 -P 1 -d 100 -r 10000 -n N, N sized to last about S seconds
#                    (the keys are SET once before the rounds)
#   harness          the kv driver in-process (bench/driver-harness) against the same server: preloads its keys, measures S
#   assay            the real path: `assay run bench/kv-redis-benchmark`, which deploys its own Redis from the catalog
#                    with the same settings and placement, and reports the generator's and the server's CPU
#
# Usage: bench/kv-redis-benchmark/run.sh [rounds=3] [seconds=10] [clients=50]
#   MODES="harness assay"        what runs beside redis-benchmark in each round
#   WARMUP=5                     seconds of load before each tool's window: Assay's warm-up, and for redis-benchmark a
#                                run of about that length just before the measured one (its figure discarded)
#   SERVER_CPU=0 LOADGEN_CPU=1   the CPUs to pin to
#   GEN_NICE=0                   nice value of the peer tool and the harness (not of assay run's generator, whose
#                                nice value its servers would share): e.g. -5 on a busy machine, so that both
#                                generators get their CPU when they need it and the server is what is measured
#   TOLERANCE=0.15               the bar: |median(Assay / redis-benchmark) - 1| <= TOLERANCE
set -euo pipefail

rounds=${1:-3}
seconds=${2:-10}
clients=${3:-50}
modes=${MODES:-harness assay}
warmup=${WARMUP:-5}
gen_nice=${GEN_NICE:-0}
server_cpu=${SERVER_CPU:-0}
loadgen_cpu=${LOADGEN_CPU:-1}
tolerance=${TOLERANCE:-0.15}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

"$root/scripts/setup" bench

free_port() {
  local low high port
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range
  high=$((low > 20000 ? low - 1 : 32767))
  for _ in $(seq 1 100); do
    port=$((10000 + RANDOM % (high - 10000)))
    if ! grep -qi ":$(printf '%04X' "$port") " /proc/net/tcp /proc/net/tcp6 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; return 1
}

work=$(mktemp -d /tmp/assay-kv-redis-benchmark.XXXXXX)
redis_pid=""
cleanup() {
  if [ -n "$redis_pid" ] && kill -0 "$redis_pid" 2>/dev/null; then
    kill -TERM "$redis_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$redis_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$redis_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$root/scripts/build"
echo "building the driver harness (Release)…" >&2
dotnet build -c Release "$root/bench/driver-harness/DriverHarness.csproj" -v quiet -nologo >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }
harness="$root/bench/driver-harness/bin/Release/net10.0/DriverHarness"

# Redis as the catalog runs it; the password goes in through a configuration file read on stdin, never argv.
REDIS_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
export REDIS_PASSWORD REDISCLI_AUTH=$REDIS_PASSWORD
mkdir -p "$work/data"
for attempt in 1 2 3; do
  port=$(free_port)
  printf 'requirepass %s\n' "$REDIS_PASSWORD" | setsid taskset -c "$server_cpu" redis-server - --bind 127.0.0.1 --port "$port" \
    --protected-mode yes --dir "$work/data" --daemonize no --save '' --appendonly no --maxmemory 0 --maxmemory-policy noeviction \
    >"$work/redis.log" 2>&1 &
  redis_pid=$!
  for _ in $(seq 1 200); do
    [ "$(redis-cli -p "$port" --no-auth-warning ping 2>/dev/null)" = PONG ] && break
    kill -0 "$redis_pid" 2>/dev/null || break
    sleep 0.05
  done
  [ "$(redis-cli -p "$port" --no-auth-warning ping 2>/dev/null)" = PONG ] && break
  redis_pid=""
  [ "$attempt" = 3 ] && { echo "redis-server did not start:" >&2; cat "$work/redis.log" >&2; exit 1; }
done

bench() { redis-benchmark -h 127.0.0.1 -p "$port" -a "$REDIS_PASSWORD" --csv "$@" 2>/dev/null; }
# redis-benchmark's keys (key:000000000000 … key:000000009999): SET until every one exists.
bench -t set -c "$clients" -P 16 -d 100 -r 10000 -n 300000 >/dev/null
# Sizes redis-benchmark's request count so a round lasts about the same as the driver's window.
probe_rps=$(taskset -c "$loadgen_cpu" redis-benchmark -h 127.0.0.1 -p "$port" -a "$REDIS_PASSWORD" --csv \
  -t get -c "$clients" -P 1 -d 100 -r 10000 -n 50000 2>/dev/null | awk -F'"' '$2 == "GET" { print $4 }')
requests=$(awk -v r="$probe_rps" -v s="$seconds" 'BEGIN { printf "%d", r * s }')

# Every load generator and every server runs in a session of its own, as Assay starts its servers and its load
# generator (setsid): with the kernel's autogroup scheduling (on by default) each session is a group that gets
# its own share of a busy CPU, so a tool left in this script's session would compete with everything in it.
results="$work/results.tsv"
printf 'round\ttool\tops_per_s\toperations\tfailed\tloadgen_cpu_s\tloadgen_cpu_us_per_op\tserver_cpu_s\tload1\n' >"$results"

measure() {
  local round=$1 tool=$2 load rate operations failed cpu server="-"
  load=$(cut -d' ' -f1 /proc/loadavg)
  case "$tool" in
    redis-benchmark)
      if [ "$warmup" -gt 0 ]; then
        setsid -w nice -n "$gen_nice" taskset -c "$loadgen_cpu" redis-benchmark -h 127.0.0.1 -p "$port" -a "$REDIS_PASSWORD" --csv \
          -t get -c "$clients" -P 1 -d 100 -r 10000 -n "$((requests * warmup / seconds))" >/dev/null 2>&1
      fi
      /usr/bin/time -f '%U %S' -o "$work/time" setsid -w nice -n "$gen_nice" taskset -c "$loadgen_cpu" \
        redis-benchmark -h 127.0.0.1 -p "$port" -a "$REDIS_PASSWORD" --csv -t get -c "$clients" -P 1 -d 100 -r 10000 -n "$requests" \
        >"$work/out" 2>"$work/err" || { echo "redis-benchmark failed:" >&2; cat "$work/err" "$work/out" >&2; exit 1; }
      rate=$(awk -F'"' '$2 == "GET" { print $4 }' "$work/out")
      operations=$requests
      failed=0
      cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$work/time")
      ;;
    harness)
      # The lab's load generator settings (src/Assay.Runtimes.Local/Load/LocalLoadGenerator.cs); the harness's
      # project sets the same GC and tiering options.
      DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 /usr/bin/time -f '%U %S' -o "$work/time" setsid -w nice -n "$gen_nice" taskset -c "$loadgen_cpu" \
        "$harness" kv "127.0.0.1:$port" --clients "$clients" --duration "$seconds" --warmup "$warmup" >"$work/out" 2>"$work/err" \
        || { echo "the harness failed:" >&2; cat "$work/err" "$work/out" >&2; exit 1; }
      rate=$(jq '.throughput' "$work/out")
      operations=$(jq '.succeeded' "$work/out")
      failed=$(jq '.failed' "$work/out")
      # The harness's CPU over the measured window (the whole process's, from /usr/bin/time, is in $work/time).
      cpu=$(jq '.windowCpuSeconds' "$work/out")
      ;;
    assay)
      # The lab process itself (start-up, sampling, progress) on the generator's CPU too, as all of the peer tool
      # is: left unpinned it runs on the server's CPU as well. Assay pins its components itself.
      taskset -c "$loadgen_cpu" "$root/assay" run "$here" --state-dir "$work/state" --json \
        --param "connections=$clients" --param "duration=${seconds}s" --param "warm-up=${warmup}s" --param "loadgen-cpu=$loadgen_cpu" --param "server-cpu=$server_cpu" \
        >"$work/out" 2>"$work/err" || { echo "assay run failed:" >&2; tail -n 30 "$work/err" >&2; exit 1; }
      rate=$(jq '.variants[0].workload.throughput' "$work/out")
      operations=$(jq '.variants[0].workload.succeeded // .variants[0].workload.requests' "$work/out")
      failed=$(jq '.variants[0].workload.failed // 0' "$work/out")
      # Both over the measured window only: the generator's cgroup, the server's.
      cpu=$(jq '.variants[0].loadGenerator.cpuSeconds' "$work/out")
      server=$(jq '[.variants[0].components[].cpuSeconds] | add | . * 100 | round / 100' "$work/out")
      ;;
  esac
  printf '%s\t%s\t%.0f\t%s\t%s\t%.2f\t%.1f\t%s\t%s\n' "$round" "$tool" "$rate" "$operations" "$failed" "$cpu" \
    "$(awk -v c="$cpu" -v n="$operations" 'BEGIN { print c * 1e6 / n }')" "$server" "$load" >>"$results"
  tail -n1 "$results" >&2
}

echo "Redis on CPU $server_cpu (127.0.0.1:$port); load generators on CPU $loadgen_cpu; $rounds rounds of ~${seconds}s" \
  "(redis-benchmark: $requests requests), $clients clients; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for round in $(seq 1 "$rounds"); do
  measure "$round" redis-benchmark
  for mode in $modes; do measure "$round" "$mode"; done
done

echo
column -t -s $'\t' "$results"
echo
# Per tool: each round's ratios to the peer run just before it (throughput; generator CPU per operation), their
# medians, and the verdict, which is on throughput.
awk -F'\t' -v tol="$tolerance" -v peer_name="redis-benchmark" '
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  NR > 1 && $2 == peer_name { peer[$1] = $3; peer_cpu[$1] = $7 }
  NR > 1 && $2 != peer_name { mine[$2, $1] = $3; mine_cpu[$2, $1] = $7; if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
  END {
    failed = 0
    for (k = 1; k <= n; k++) {
      t = order[k]; ratios = ""; cpu_ratios = ""
      printf "%-8s %5s %16s %12s %7s %20s\n", "tool", "round", peer_name, t, "ratio", "CPU/op ratio"
      for (r = 1; (t, r) in mine; r++) {
        ratio = mine[t, r] / peer[r]; ratios = ratios " " ratio
        cpu_ratio = mine_cpu[t, r] / peer_cpu[r]; cpu_ratios = cpu_ratios " " cpu_ratio
        printf "%-8s %5d %16.1f %12.1f %7.3f %20.2f\n", t, r, peer[r], mine[t, r], ratio, cpu_ratio
      }
      m = median(ratios); ok = (m >= 1 - tol && m <= 1 + tol)
      if (!ok) failed = 1
      printf "%-8s median ratio %.3f: %s (within ±%.0f%%); median generator CPU per operation %.2f x %s\n\n", t, m, ok ? "PASS" : "FAIL", tol * 100, median(cpu_ratios), peer_name
    }
    exit failed
  }' "$results" && verdict=0 || verdict=$?
mkdir -p "$here/results"
cp "$results" "$here/results/$(date -u +%Y%m%dT%H%M%SZ).tsv"
exit "$verdict"
