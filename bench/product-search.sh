#!/usr/bin/env bash
# Product search over 100,000 products under concurrent load, measured side by side with /actuator/health on the
# same server in the same run. Prints, for search and health: p50/p95/p99 at each number of concurrent connections
# in STEPS, throughput, CPU per request (application + its PostgreSQL), and their ratios; then the search's peak
# throughput, the fewest connections that reach 95 % of it (where the server is fully loaded) and the p95 there.
# With BASELINE_JAR, a second build is measured the same way on the same data right after, and the ratios between the
# two builds are printed.
# Usage: bench/product-search.sh [--rebuild]
#   env: DURATION=15s WARMUP=60s THREADS=2 STEPS="16 8 4 2 1" JAR=target/…jar BASELINE_JAR=(none)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-60s}
THREADS=${THREADS:-2}
STEPS=${STEPS:-16 8 4 2 1}
JAR=${JAR:-$(ls target/ocop-platform-*.jar 2>/dev/null | grep -v original | head -1 || true)}
BASELINE_JAR=${BASELINE_JAR:-}

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need psql; then
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk postgresql-client >/dev/null
  else echo "bench: needs wrk and psql (apt-get install wrk postgresql-client)" >&2; exit 1; fi
fi
if [ -z "$JAR" ] || [ "${1:-}" = "--rebuild" ]; then ./mvnw -B -q package -DskipTests; JAR=$(ls target/ocop-platform-*.jar | grep -v original | head -1); fi

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
PASSWORD="Bench-$(date +%s)-pw"
APP_PID=""
cleanup() { if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

start() { # start JAR on the run's data directory; sets APP_PID, PGPORT
  OCOP_ADMIN_PASSWORD="$PASSWORD" java -jar "$1" --server.port="$PORT" \
    --ocop.embedded-db.data-directory="$WORK/postgres" --ocop.embedded-db.binaries-directory="$WORK/pg-bin" \
    --ocop.demo-data.enabled=false --logging.level.root=WARN --logging.level.vn.ocop=INFO > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/app.log"; exit 1; }
    sleep 0.2
  done
  PGPORT=$(grep -o 'ready on port [0-9]*' "$WORK/app.log" | grep -o '[0-9]*$' | tail -1)
}
stop() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }

# CPU seconds used so far by the JVM, its PostgreSQL server and the server's backends (utime + stime).
cpu() {
  python3 - "$APP_PID" "$WORK/postgres/postmaster.pid" <<'PY'
import os, sys
java, pidfile = sys.argv[1], sys.argv[2]
postmaster = open(pidfile).readline().strip()
tick, total = os.sysconf('SC_CLK_TCK'), 0
for p in filter(str.isdigit, os.listdir('/proc')):
    try:
        fields = open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()
    except OSError:
        continue
    if p in (java, postmaster) or fields[1] in (postmaster, java):  # the JVM, its fast-start child, PostgreSQL
        total += int(fields[11]) + int(fields[12])
print(total / tick)
PY
}

# run LABEL CONNECTIONS SCRIPT URL: wrk for DURATION; prints LABEL_C{n}_* variables incl. CPU ms per request
run() {
  local label=$1 c=$2 script=$3 url=$4 before after out rps
  before=$(cpu)
  out=$(wrk -t"$(( c < THREADS ? c : THREADS ))" -c"$c" -d"$DURATION" -s "$script" "$url" | grep '=')
  after=$(cpu)
  rps=$(echo "$out" | grep '_RPS=' | cut -d= -f2)
  echo "$out" | sed "s/^[A-Z]*_/${label}_C${c}_/"
  echo "${label}_C${c}_CPU_MS=$(python3 -c "print(round(($after - $before) * 1000 / ($rps * $(echo "$DURATION" | tr -d s)), 2))")"
}

measure() { # measure PREFIX JAR: start, warm up, health and search at each of STEPS connections, stop
  local prefix=$1 jar=$2
  start "$jar"
  TOKEN=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  export TOKEN
  # Until the JIT has compiled the hot paths, the JVM measures its compiler: warm up both endpoints first.
  wrk -t"$THREADS" -c16 -d"$WARMUP" -s bench/product-search.lua "http://127.0.0.1:$PORT" >/dev/null
  wrk -t"$THREADS" -c16 -d5s "http://127.0.0.1:$PORT/actuator/health" >/dev/null
  for c in $STEPS; do
    run HEALTH "$c" bench/health.lua "http://127.0.0.1:$PORT/actuator/health"
    run SEARCH "$c" bench/product-search.lua "http://127.0.0.1:$PORT"
  done | sed "s/^/${prefix}_/" > "$WORK/$prefix.env"
  SAMPLE=$(curl -fs "http://127.0.0.1:$PORT/api/v1/products?q=nuoc%20mam&size=1" -H "Authorization: Bearer $TOKEN" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], "(at least)" if d["totalAtLeast"] else "", "|", d["items"][0]["name"])')
  stop
}

start "$JAR"
echo "bench: generating 100,000 products"
START=$(date +%s.%N)
psql -q -h localhost -p "$PGPORT" -U postgres -d ocop -v ON_ERROR_STOP=1 -f bench/generate-products.sql | tail -3
echo "bench: data generated in $(python3 -c "print(round($(date +%s.%N) - $START, 1))") s"
stop

measure NEW "$JAR"
# shellcheck disable=SC1090
source "$WORK/NEW.env"
[ -n "$BASELINE_JAR" ] && { measure OLD "$BASELINE_JAR"; source "$WORK/OLD.env"; }

report() { # report PREFIX NAME
  local p=$1
  v() { local n="${p}_$1"; echo "${!n}"; }
  echo "-- $2"
  printf '%-12s %8s %8s %8s %9s %12s\n' "connections" "p50 ms" "p95 ms" "p99 ms" "req/s" "CPU ms/req"
  for c in $STEPS; do
    printf 'search  %3s  %8s %8s %8s %9s %12s\n' "$c" "$(v SEARCH_C${c}_P50_MS)" "$(v SEARCH_C${c}_P95_MS)" \
      "$(v SEARCH_C${c}_P99_MS)" "$(v SEARCH_C${c}_RPS)" "$(v SEARCH_C${c}_CPU_MS)"
    printf 'health  %3s  %8s %8s %8s %9s %12s\n' "$c" "-" "$(v HEALTH_C${c}_P95_MS)" "-" "$(v HEALTH_C${c}_RPS)" \
      "$(v HEALTH_C${c}_CPU_MS)"
  done
  echo "ratio search/health throughput (16 connections): $(python3 -c "print(round($(v SEARCH_C16_RPS) / $(v HEALTH_C16_RPS), 3))")"
  echo "ratio search/health CPU per request (16):         $(python3 -c "print(round($(v SEARCH_C16_CPU_MS) / $(v HEALTH_C16_CPU_MS), 2))")"
  for c in $STEPS; do
    echo "p95 / 30 ms target at $c connections:             $(python3 -c "r = $(v SEARCH_C${c}_P95_MS) / 30; print(round(r, 2), '(met)' if r <= 1 else '(missed)')")"
  done
  # Past the point where the server is fully loaded, more connections add no throughput, only waiting: the mean
  # latency is then at least connections / throughput (Little's law), for search and health alike.
  local steps=() rps=() p95=() c
  for c in $STEPS; do steps+=("$c"); rps+=("$(v SEARCH_C${c}_RPS)"); p95+=("$(v SEARCH_C${c}_P95_MS)"); done
  python3 - "${steps[*]}" "${rps[*]}" "${p95[*]}" <<'PY'
import sys
steps, rps, p95 = ([float(x) for x in a.split()] for a in sys.argv[1:4])
peak = max(rps)
c, r, p = min((c, r, p) for c, r, p in zip(steps, rps, p95) if r >= 0.95 * peak)
print(f"search peak throughput:                          {peak:.0f} req/s")
print(f"fewest connections reaching 95 % of it:          {c:.0f} ({r:.0f} req/s), p95 there {p:.1f} ms"
      f" -> {p / 30:.2f} of the 30 ms target ({'met' if p <= 30 else 'missed'})")
for c, r in zip(steps, rps):
    print(f"mean latency floor at {c:2.0f} connections (c / req/s): {1000 * c / r:6.1f} ms")
PY
}

cat <<HEAD
== Product search over 100,000 products (same server, same run) ==
machine:            $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load before: $(cut -d' ' -f1-3 /proc/loadavg)
load:               wrk -t$THREADS, -d$DURATION per step after a $WARMUP warm-up, 20 rotating queries (accents omitted), page size 20
sample query:       "nuoc mam" -> $SAMPLE
HEAD
report NEW "$JAR"
if [ -n "$BASELINE_JAR" ]; then
  report OLD "$BASELINE_JAR"
  echo "-- $JAR against $BASELINE_JAR (same data, one after the other)"
  echo "CPU per search, new/old:        $(python3 -c "print(round($NEW_SEARCH_C16_CPU_MS / $OLD_SEARCH_C16_CPU_MS, 2))")"
  echo "search throughput, new/old:     $(python3 -c "print(round($NEW_SEARCH_C16_RPS / $OLD_SEARCH_C16_RPS, 2))")"
  echo "ratio to health, new/old:       $(python3 -c "print(round(($NEW_SEARCH_C16_RPS / $NEW_HEALTH_C16_RPS) / ($OLD_SEARCH_C16_RPS / $OLD_HEALTH_C16_RPS), 2))")"
fi
