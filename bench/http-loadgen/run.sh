#!/usr/bin/env bash
# The load generator benchmark: Assay's HTTP driver against wrk, both driving nginx on 127.0.0.1.
# nginx (one worker) is pinned to CPU 0, each load generator to CPU 1; closed model, 50 connections;
# rounds interleave wrk and the driver. Each tool's CPU time is read the same way (/usr/bin/time,
# user + system of the whole process) and divided by the requests it completed.
#
# Usage: bench/http-loadgen/run.sh [rounds=3] [seconds=10] [connections=50]
#   MODES="assay epoll sockets-inline sockets-pool"  what runs beside wrk (default: assay epoll):
#     assay   the real path: `assay run bench/http-loadgen` (the load generator is its own process, pinned by
#             the experiment's placement, its CPU read from its cgroup over the measured window)
#     epoll   the driver in-process in the harness, the engine the lab uses on Linux x86-64
#     sockets-inline / sockets-pool  the portable Socket loops, continuations inline or on the thread pool
#   NGINX_CPU=0 LOADGEN_CPU=1  the CPUs to pin to
set -euo pipefail

rounds=${1:-3}
seconds=${2:-10}
connections=${3:-50}
modes=${MODES:-assay epoll}
nginx_cpu=${NGINX_CPU:-0}
loadgen_cpu=${LOADGEN_CPU:-1}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

install_missing() {
  local missing=()
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v jq >/dev/null 2>&1 || missing+=(jq)
  [ -x /usr/bin/time ] || missing+=(time)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}" >&2
    apt-get install -y "${missing[@]}" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
  fi
}

# A port below the ephemeral range (which the tools' own client sockets use) that no socket holds.
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

work=$(mktemp -d /tmp/assay-http-loadgen.XXXXXX)
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    local workers
    workers=$(pgrep -P "$nginx_pid" || true)
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$nginx_pid" 2>/dev/null || true
    for w in $workers; do [ "$(cat "/proc/$w/comm" 2>/dev/null)" = nginx ] && kill -KILL "$w" 2>/dev/null || true; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

install_missing
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

root=$(cd "$here/../.." && pwd)
"$root/scripts/build"
echo "building the harness (Release)…" >&2
dotnet build -c Release "$here/harness/HttpLoadGenHarness.csproj" -o "$work/harness" -v quiet -nologo >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }
harness="$work/harness/HttpLoadGenHarness"

start_nginx() {
  port=$(free_port)
  cat >"$work/nginx.conf" <<CONF
daemon off;
master_process on;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 4096; }
http {
    # Both tools pay the same for logging; off, nginx (the shared bottleneck) serves more.
    access_log off;
    # Keep connections for the whole run: both tools reconnect alike, but it is noise in a steady-state test.
    keepalive_requests 100000000;
    client_body_temp_path $work/client_body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    server {
        listen 127.0.0.1:$port;
        location / {
            default_type text/plain;
            return 200 "Hello, World!";
        }
    }
}
CONF
  taskset -c "$nginx_cpu" "$nginx_bin" -p "$work/" -c "$work/nginx.conf" -e "$work/error.log" 2>>"$work/nginx.stderr" &
  nginx_pid=$!
  url="http://127.0.0.1:$port/"
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.05
  done
  return 1
}

# Between choosing a port and nginx binding it, another process may take it: try a few ports.
for attempt in 1 2 3; do
  start_nginx && break
  wait "$nginx_pid" 2>/dev/null || true
  nginx_pid=""
  [ "$attempt" = 3 ] && { echo "nginx did not start:" >&2; cat "$work/error.log" >&2; exit 1; }
done
body=$(curl -s "$url" || true)
[ "$body" = "Hello, World!" ] || { echo "nginx is not answering on $url: '$body'" >&2; cat "$work/error.log" >&2; exit 1; }

results="$work/results.tsv"
printf 'round\ttool\trequests_per_s\trequests\tcpu_s\tcpu_us_per_request\tload1\n' >"$results"

# Runs one measurement: tool name, then the command; appends a row to the results.
measure() {
  local round=$1 tool=$2; shift 2
  local load requests rate cpu
  load=$(cut -d' ' -f1 /proc/loadavg)
  if [ "$tool" = assay-run ]; then
    "$@" >"$work/out" 2>"$work/err" || { echo "$tool failed:" >&2; cat "$work/err" >&2; exit 1; }
  else
    /usr/bin/time -f '%U %S' -o "$work/time" taskset -c "$loadgen_cpu" "$@" >"$work/out" 2>"$work/err" \
      || { echo "$tool failed:" >&2; cat "$work/err" "$work/out" >&2; exit 1; }
    cpu=$(awk '{ printf "%.3f", $1 + $2 }' "$work/time")
  fi
  if [ "$tool" = assay-run ]; then
    # The load generator's own CPU over the measured window, from its cgroup; the lab process is not counted.
    requests=$(jq '.variants[0].workload.requests' "$work/out")
    rate=$(jq '.variants[0].workload.throughput' "$work/out")
    cpu=$(jq '.variants[0].loadGenerator.cpuSeconds' "$work/out")
  elif [ "$tool" = wrk ]; then
    requests=$(awk '/requests in/ { print $1 }' "$work/out")
    rate=$(awk '/Requests\/sec/ { print $2 }' "$work/out")
  else
    requests=$(grep -o '"requests":[0-9]*' "$work/out" | cut -d: -f2)
    rate=$(grep -o '"throughput":[0-9.]*' "$work/out" | cut -d: -f2)
  fi
  printf '%s\t%s\t%.0f\t%s\t%s\t%.2f\t%s\n' "$round" "$tool" "$rate" "$requests" "$cpu" \
    "$(awk -v c="$cpu" -v n="$requests" 'BEGIN { print c * 1e6 / n }')" "$load" >>"$results"
  tail -n1 "$results" >&2
}

echo "nginx on CPU $nginx_cpu at $url; load generators on CPU $loadgen_cpu; $rounds rounds of ${seconds}s, $connections connections" >&2
for round in $(seq 1 "$rounds"); do
  measure "$round" wrk wrk -t1 -c"$connections" -d"${seconds}s" "$url"
  for mode in $modes; do
    if [ "$mode" = assay ]; then
      measure "$round" assay-run "$root/assay" run "$here" --state-dir "$work/state" --json \
        --param "target-url=$url" --param "connections=$connections" --param "duration=${seconds}s" --param "loadgen-cpu=$loadgen_cpu"
      continue
    fi
    inline=1; [ "$mode" = sockets-pool ] && inline=0
    engine=(); [ "$mode" != epoll ] && engine=(--sockets)
    measure "$round" "assay-$mode" env DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=$inline \
      "$harness" "$url" --connections "$connections" --duration "$seconds" "${engine[@]}"
  done
done

echo
column -t -s $'\t' "$results"
echo
awk -F'\t' '
  NR > 1 { rate[$2] = rate[$2] " " $3; cpu[$2] = cpu[$2] " " $6; tools[$2] = 1 }
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    wr = median(rate["wrk"]); wc = median(cpu["wrk"])
    printf "median wrk: %.0f requests/s, %.2f CPU µs/request\n", wr, wc
    for (t in tools) if (t != "wrk") {
      r = median(rate[t]); c = median(cpu[t])
      printf "median %s: %.0f requests/s (%.3f x wrk), %.2f CPU µs/request (%.3f x wrk): throughput %s, CPU %s\n",
        t, r, r / wr, c, c / wc, (r >= 0.95 * wr ? "PASS" : "FAIL"), (c <= wc ? "PASS" : "FAIL")
    }
  }' "$results"
mkdir -p "$here/results"
cp "$results" "$here/results/$(date -u +%Y%m%dT%H%M%SZ).tsv"
