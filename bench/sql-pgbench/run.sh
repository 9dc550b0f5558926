#!/usr/bin/env bash
# Accuracy of the sql driver against pgbench: TPC-B-like, scale 10, 8 clients, statements prepared
# (pgbench -M prepared, the driver's prepared: true). PostgreSQL 15 runs with the catalog's settings
# (catalog/postgresql.yaml) pinned to CPU 0; each load generator is pinned to CPU 1. Rounds interleave:
#   pgbench   pgbench -i -s 10 (fresh tables, as the driver loads them every run), then pgbench -n -M prepared -c 8 -j 1 -T S
#   harness   the sql driver in-process (bench/driver-harness) against the same server: it reloads the tables, then measures S
#   assay     the real path: `assay run bench/sql-pgbench`, which deploys its own PostgreSQL from the catalog with the
#             same settings and placement, and reports the load generator's and the server's CPU over the window
#
# Usage: bench/sql-pgbench/run.sh [rounds=3] [seconds=10] [clients=8] [scale=10]
#   MODES="harness assay"        what runs beside pgbench in each round
#   SYNCHRONOUS_COMMIT=on        PostgreSQL's synchronous_commit (the catalog's default is on; off makes it CPU-bound)
#   WARMUP=5                     seconds of load before each tool's window: Assay's warm-up, and for pgbench a run of
#                                that length just before the measured one (the same 8 clients, its figure discarded);
#                                0 measures everyone cold, JIT of the driver's transaction path included
#   SERVER_CPU=0 LOADGEN_CPU=1   the CPUs to pin to
#   GEN_NICE=0                   nice value of the peer tool and the harness (not of assay run's generator, whose
#                                nice value its servers would share): e.g. -5 on a busy machine, so that both
#                                generators get their CPU when they need it and the server is what is measured
#   TOLERANCE=0.15               the bar: |median(Assay / pgbench) - 1| <= TOLERANCE
set -euo pipefail

rounds=${1:-3}
seconds=${2:-10}
clients=${3:-8}
scale=${4:-10}
modes=${MODES:-harness assay}
sync_commit=${SYNCHRONOUS_COMMIT:-on}
warmup=${WARMUP:-5}
gen_nice=${GEN_NICE:-0}
server_cpu=${SERVER_CPU:-0}
loadgen_cpu=${LOADGEN_CPU:-1}
tolerance=${TOLERANCE:-0.15}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
pg=/usr/lib/postgresql/15/bin

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

work=$(mktemp -d /tmp/assay-sql-pgbench.XXXXXX)
chmod 755 "$work"
pg_pid=""
cleanup() {
  if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then
    kill -INT "$pg_pid" 2>/dev/null || true   # fast shutdown: ends open sessions
    for _ in $(seq 1 150); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pg_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$root/scripts/build"
echo "building the driver harness (Release)…" >&2
dotnet build -c Release "$root/bench/driver-harness/DriverHarness.csproj" -v quiet -nologo >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }
harness="$root/bench/driver-harness/bin/Release/net10.0/DriverHarness"

# PostgreSQL as the catalog runs it: initdb with a per-run password (scram-sha-256), then postgres with the
# catalog's parameters, as the postgres user (it refuses root).
as_postgres=()
[ "$(id -u)" -eq 0 ] && as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups)
export PGUSER=assay PGDATABASE=assay PGHOST=127.0.0.1
PGPASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
export PGPASSWORD
mkdir -p "$work/data" "$work/run"
umask 077; printf '%s\n' "$PGPASSWORD" >"$work/pwfile"; umask 022
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work/data" "$work/run" "$work/pwfile"
"${as_postgres[@]}" "$pg/initdb" -D "$work/data" -U assay --pwfile="$work/pwfile" --auth=scram-sha-256 --encoding=UTF8 --locale=C \
  --no-sync --no-instructions >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; exit 1; }
rm -f "$work/pwfile"
for attempt in 1 2 3; do
  PGPORT=$(free_port)
  setsid taskset -c "$server_cpu" "${as_postgres[@]}" "$pg/postgres" -D "$work/data" -k "$work/run" -p "$PGPORT" \
    -c listen_addresses=127.0.0.1 -c shared_buffers=128MB -c max_connections=100 \
    -c synchronous_commit="$sync_commit" -c fsync=on >"$work/postgres.log" 2>&1 &
  pg_pid=$!
  for _ in $(seq 1 600); do
    "$pg/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" && break
    kill -0 "$pg_pid" 2>/dev/null || break
    sleep 0.05
  done
  "$pg/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" && break
  pg_pid=""
  [ "$attempt" = 3 ] && { echo "postgres did not start:" >&2; cat "$work/postgres.log" >&2; exit 1; }
done
export PGPORT
"$pg/createdb" assay

# Every load generator and every server runs in a session of its own, as Assay starts its servers and its load
# generator (setsid): with the kernel's autogroup scheduling (on by default) each session is a group that gets
# its own share of a busy CPU, so a tool left in this script's session would compete with everything in it.
results="$work/results.tsv"
printf 'round\ttool\ttps\ttransactions\tfailed\tloadgen_cpu_s\tloadgen_cpu_us_per_tx\tserver_cpu_s\tload1\n' >"$results"

measure() {
  local round=$1 tool=$2 load tps transactions failed cpu server="-"
  load=$(cut -d' ' -f1 /proc/loadavg)
  case "$tool" in
    pgbench)
      pgbench -i -s "$scale" -q >"$work/init.log" 2>&1 || { cat "$work/init.log" >&2; exit 1; }
      if [ "$warmup" -gt 0 ]; then
        setsid -w nice -n "$gen_nice" taskset -c "$loadgen_cpu" pgbench -n -M prepared -c "$clients" -j 1 -T "$warmup" >/dev/null 2>&1
      fi
      /usr/bin/time -f '%U %S' -o "$work/time" setsid -w nice -n "$gen_nice" taskset -c "$loadgen_cpu" \
        pgbench -n -M prepared -c "$clients" -j 1 -T "$seconds" >"$work/out" 2>"$work/err" \
        || { echo "pgbench failed:" >&2; cat "$work/err" "$work/out" >&2; exit 1; }
      tps=$(awk '/^tps = / { print $3 }' "$work/out")
      transactions=$(awk '/number of transactions actually processed/ { split($NF, a, "/"); print a[1] }' "$work/out")
      failed=$(awk '/number of failed transactions/ { print $5 }' "$work/out")
      cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$work/time")
      ;;
    harness)
      # The lab's load generator settings (src/Assay.Runtimes.Local/Load/LocalLoadGenerator.cs); the harness's
      # project sets the same GC and tiering options.
      DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 /usr/bin/time -f '%U %S' -o "$work/time" setsid -w nice -n "$gen_nice" taskset -c "$loadgen_cpu" \
        "$harness" sql "127.0.0.1:$PGPORT" --clients "$clients" --scale "$scale" --duration "$seconds" --warmup "$warmup" >"$work/out" 2>"$work/err" \
        || { echo "the harness failed:" >&2; cat "$work/err" "$work/out" >&2; exit 1; }
      tps=$(jq '.throughput' "$work/out")
      transactions=$(jq '.succeeded' "$work/out")
      failed=$(jq '.failed' "$work/out")
      # The harness's CPU over the measured window (the whole process's, from /usr/bin/time, is in $work/time).
      cpu=$(jq '.windowCpuSeconds' "$work/out")
      ;;
    assay)
      # The lab process itself (start-up, sampling, progress) on the generator's CPU too, as all of the peer tool
      # is: left unpinned it runs on the server's CPU as well. Assay pins its components itself.
      taskset -c "$loadgen_cpu" "$root/assay" run "$here" --state-dir "$work/state" --json \
        --param "clients=$clients" --param "scale=$scale" --param "duration=${seconds}s" --param "warm-up=${warmup}s" \
        --param "synchronous-commit=$sync_commit" --param "loadgen-cpu=$loadgen_cpu" --param "server-cpu=$server_cpu" \
        >"$work/out" 2>"$work/err" || { echo "assay run failed:" >&2; tail -n 30 "$work/err" >&2; exit 1; }
      tps=$(jq '.variants[0].workload.throughput' "$work/out")
      transactions=$(jq '.variants[0].workload.succeeded // .variants[0].workload.requests' "$work/out")
      failed=$(jq '.variants[0].workload.failed // 0' "$work/out")
      # Both over the measured window only: the generator's cgroup, the server's.
      cpu=$(jq '.variants[0].loadGenerator.cpuSeconds' "$work/out")
      server=$(jq '[.variants[0].components[].cpuSeconds] | add | . * 100 | round / 100' "$work/out")
      ;;
  esac
  printf '%s\t%s\t%.1f\t%s\t%s\t%.2f\t%.0f\t%s\t%s\n' "$round" "$tool" "$tps" "$transactions" "${failed:-0}" "$cpu" \
    "$(awk -v c="$cpu" -v n="$transactions" 'BEGIN { print c * 1e6 / n }')" "$server" "$load" >>"$results"
  tail -n1 "$results" >&2
}

echo "PostgreSQL 15 on CPU $server_cpu (127.0.0.1:$PGPORT, synchronous_commit=$sync_commit); load generators on CPU $loadgen_cpu;" \
  "$rounds rounds of ${seconds}s, $clients clients, scale $scale; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for round in $(seq 1 "$rounds"); do
  measure "$round" pgbench
  for mode in $modes; do measure "$round" "$mode"; done
done

echo
column -t -s $'\t' "$results"
echo
# Per tool: each round's ratios to the peer run just before it (throughput; generator CPU per operation), their
# medians, and the verdict, which is on throughput.
awk -F'\t' -v tol="$tolerance" -v peer_name="pgbench" '
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
