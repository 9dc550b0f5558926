#!/usr/bin/env bash
# Accuracy of the HTTP driver through reverse proxies: `assay run bench/proxy-wrk` against wrk, both driving
# nginx, HAProxy and Caddy (one worker or thread each, keep-alive to the app, access log off: the catalog's
# settings) in front of demo-app's GET /json on 127.0.0.1. demo-app and the proxies are pinned to CPU 0, each
# load generator to CPU 1; closed model, 32 connections; rounds interleave wrk and Assay per proxy, wrk first in
# odd rounds and last in even ones.
#
# Usage: bench/proxy-wrk/run.sh [rounds=3] [seconds=10] [connections=32]
#   PROXIES="nginx haproxy caddy"  which proxies to measure
#   MODES="assay"                  what runs beside wrk in each round: assay (`assay run`), and/or wrk-again (a second
#                                  wrk run: the A/A control, how far two runs of the same tool differ on this machine)
#   SERVER_CPU=0 LOADGEN_CPU=1     the CPUs to pin to
#   GEN_NICE=0                     nice value of both load generators (wrk; assay run and its generator); each runs in
#                                  a session (autogroup) of its own, inside which alone nice orders threads
#   TOLERANCE=0.10                 the bar: |median(Assay / wrk) - 1| <= TOLERANCE, per proxy
set -euo pipefail

rounds=${1:-3}
seconds=${2:-10}
connections=${3:-32}
proxies=${PROXIES:-nginx haproxy caddy}
modes=${MODES:-assay}
server_cpu=${SERVER_CPU:-0}
loadgen_cpu=${LOADGEN_CPU:-1}
tolerance=${TOLERANCE:-0.10}
gen_nice=${GEN_NICE:-0}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

"$root/scripts/setup" bench

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

# Waits until http://127.0.0.1:PORT/PATH answers 200, while PID lives.
wait_http() {
  local port=$1 path=$2 pid=$3
  for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path" || true)" = 200 ] && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

work=$(mktemp -d /tmp/assay-proxy-wrk.XXXXXX)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$root/scripts/build"
app_bin="$root/artifacts/apps/demo-app/demo-app"
[ -x "$app_bin" ] || { echo "demo-app is not built at $app_bin: run scripts/build --force" >&2; exit 1; }

# Every server and every load generator runs in a session of its own, as Assay starts its servers and its load
# generator (setsid): with the kernel's autogroup scheduling (on by default) each session is a group that gets its
# own share of a busy CPU, so a tool left in this script's session would compete with the servers in it.

# demo-app, as the catalog starts it (Release build, PORT in the environment).
app_port=$(free_port)
PORT=$app_port APP_NAME=web setsid taskset -c "$server_cpu" "$app_bin" >"$work/demo-app.log" 2>&1 &
pids+=($!)
wait_http "$app_port" /health "${pids[-1]}" || { echo "demo-app did not start:" >&2; cat "$work/demo-app.log" >&2; exit 1; }

declare -A port
start_nginx() {
  local dir="$work/nginx"; mkdir -p "$dir"
  port[nginx]=$(free_port)
  cat >"$dir/nginx.conf" <<CONF
daemon off;
master_process on;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/client_body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  keepalive_requests 1000000;
  upstream app {
    server 127.0.0.1:$app_port;
    keepalive 64;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:${port[nginx]};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
  setsid taskset -c "$server_cpu" "$(command -v nginx || echo /usr/sbin/nginx)" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/stdout.log" 2>&1 &
  pids+=($!)
}
start_haproxy() {
  local dir="$work/haproxy"; mkdir -p "$dir"
  port[haproxy]=$(free_port)
  cat >"$dir/haproxy.cfg" <<CONF
global
  nbthread 1
  maxconn 4096

defaults
  mode http
  option http-keep-alive
  timeout connect 5s
  timeout client 75s
  timeout server 75s
  timeout http-keep-alive 75s

frontend proxy
  bind 127.0.0.1:${port[haproxy]}
  maxconn 4096
  default_backend app

backend app
  balance roundrobin
  http-reuse always
  server s0 127.0.0.1:$app_port
CONF
  setsid taskset -c "$server_cpu" "$(command -v haproxy || echo /usr/sbin/haproxy)" -db -f "$dir/haproxy.cfg" >"$dir/stdout.log" 2>&1 &
  pids+=($!)
}
start_caddy() {
  local dir="$work/caddy"; mkdir -p "$dir"
  port[caddy]=$(free_port)
  local admin; admin=$(free_port)
  cat >"$dir/Caddyfile" <<CONF
{
	admin 127.0.0.1:$admin
	auto_https off
	grace_period 5s
	servers {
		protocols h1
	}
}

:${port[caddy]} {
	bind 127.0.0.1
	reverse_proxy {
		to 127.0.0.1:$app_port
		lb_policy round_robin
		transport http {
			keepalive 2m
			keepalive_idle_conns_per_host 128
		}
	}
}
CONF
  HOME="$dir" XDG_CONFIG_HOME="$dir" XDG_DATA_HOME="$dir" GOMAXPROCS=1 \
    setsid taskset -c "$server_cpu" caddy run --config "$dir/Caddyfile" --adapter caddyfile >"$dir/stdout.log" 2>&1 &
  pids+=($!)
}

for proxy in $proxies; do
  "start_$proxy"
  wait_http "${port[$proxy]}" /json "${pids[-1]}" \
    || { echo "$proxy did not start:" >&2; cat "$work/$proxy"/*.log >&2 || true; exit 1; }
  # Warms demo-app's and the proxy's code paths and connection pools before anything is measured.
  setsid -w taskset -c "$loadgen_cpu" wrk -t1 -c"$connections" -d2s "http://127.0.0.1:${port[$proxy]}/json" >/dev/null
done

results="$work/results.tsv"
printf 'round\tproxy\ttool\trequests_per_s\trequests\terrors\tloadgen_cpu_s\tserver_cpu_s\tload1\n' >"$results"

# CPU seconds (user + system) of the processes on the server side: demo-app and the proxies.
server_cpu_seconds() {
  local total=0 pid ticks
  for pid in "${pids[@]}"; do
    ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + ticks))
  done
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}

measure() {
  local round=$1 proxy=$2 tool=$3 url="http://127.0.0.1:${port[$2]}"
  local load requests rate errors cpu before after
  load=$(cut -d' ' -f1 /proc/loadavg)
  before=$(server_cpu_seconds)
  if [ "$tool" = wrk ] || [ "$tool" = wrk-again ]; then
    /usr/bin/time -f '%U %S' -o "$work/time" setsid -w nice -n "$gen_nice" taskset -c "$loadgen_cpu" \
      wrk -t1 -c"$connections" -d"${seconds}s" "$url/json" >"$work/out" 2>"$work/err" \
      || { echo "wrk failed:" >&2; cat "$work/err" "$work/out" >&2; exit 1; }
    requests=$(awk '/requests in/ { print $1 }' "$work/out")
    rate=$(awk '/Requests\/sec/ { print $2 }' "$work/out")
    errors=$(awk '/Non-2xx|Socket errors/ { n += $NF } END { print n + 0 }' "$work/out")
    cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$work/time")
  else
    # The lab process itself (start-up, sampling, progress) on the generator's CPU too, as all of wrk is: left
    # unpinned, it also runs on the servers' CPU (seen: the CLI on CPU 0 at 10-30% of a core).
    nice -n "$gen_nice" taskset -c "$loadgen_cpu" "$root/assay" run "$here" --state-dir "$work/state" --json \
      --param "target-url=$url" --param "connections=$connections" --param "duration=${seconds}s" --param "loadgen-cpu=$loadgen_cpu" \
      >"$work/out" 2>"$work/err" || { echo "assay run failed:" >&2; tail -n 30 "$work/err" >&2; exit 1; }
    requests=$(jq '.variants[0].workload.requests' "$work/out")
    rate=$(jq '.variants[0].workload.throughput' "$work/out")
    errors=$(jq '.variants[0].workload.failed // 0' "$work/out")
    # The load generator's CPU over the measured window, from its cgroup.
    cpu=$(jq '.variants[0].loadGenerator.cpuSeconds' "$work/out")
  fi
  after=$(server_cpu_seconds)
  printf '%s\t%s\t%s\t%.0f\t%s\t%s\t%.2f\t%.2f\t%s\n' "$round" "$proxy" "$tool" "$rate" "$requests" "$errors" "$cpu" \
    "$(awk -v a="$after" -v b="$before" 'BEGIN { print a - b }')" "$load" >>"$results"
  tail -n1 "$results" >&2
}

echo "demo-app and proxies on CPU $server_cpu; load generators on CPU $loadgen_cpu; $rounds rounds of ${seconds}s, $connections connections; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for round in $(seq 1 "$rounds"); do
  for proxy in $proxies; do
    # wrk first in odd rounds, last in even ones: the servers keep getting faster for a while (demo-app's JIT
    # tiers its code up), which would otherwise always favour the tool that runs second.
    if [ $((round % 2)) -eq 1 ]; then measure "$round" "$proxy" wrk; fi
    for mode in $modes; do measure "$round" "$proxy" "$mode"; done
    if [ $((round % 2)) -eq 0 ]; then measure "$round" "$proxy" wrk; fi
  done
done

echo
column -t -s $'\t' "$results"
echo
# Per proxy and tool: each round's ratio tool / wrk, their median, and the verdict.
awk -F'\t' -v tol="$tolerance" '
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  NR > 1 && $3 == "wrk" { peer[$2, $1] = $4 }
  NR > 1 && $3 != "wrk" { mine[$2, $3, $1] = $4; key = $2 SUBSEP $3; if (!(key in seen)) { seen[key] = 1; order[++n] = key } }
  END {
    printf "%-8s %-9s %5s %12s %12s %7s\n", "proxy", "tool", "round", "wrk req/s", "tool req/s", "ratio"
    failed = 0
    for (k = 1; k <= n; k++) {
      split(order[k], pt, SUBSEP); p = pt[1]; t = pt[2]; ratios = ""
      for (r = 1; (p, t, r) in mine; r++) {
        ratio = mine[p, t, r] / peer[p, r]; ratios = ratios " " ratio
        printf "%-8s %-9s %5d %12.0f %12.0f %7.3f\n", p, t, r, peer[p, r], mine[p, t, r], ratio
      }
      m = median(ratios); ok = (m >= 1 - tol && m <= 1 + tol)
      if (!ok && t == "assay") failed = 1
      printf "%-8s %-9s median ratio %.3f: %s (within ±%.0f%%)\n", p, t, m, ok ? "PASS" : "FAIL", tol * 100
    }
    exit failed
  }' "$results" && verdict=0 || verdict=$?
mkdir -p "$here/results"
cp "$results" "$here/results/$(date -u +%Y%m%dT%H%M%SZ).tsv"
exit "$verdict"
