#!/usr/bin/env bash
# The public catalog over 100,000 certified products, measured side by side with /actuator/health on the same server
# in the same run: the catalog's search page (HTML, anonymous, 30 rotating queries typed without accents, with typos,
# words being typed and a few filters) at each number of concurrent connections in STEPS, with p50/p95/p99,
# throughput and CPU per request; then the home page and product pages (200 random products) at HOME_CONNECTIONS, as
# ratios of the health probe's throughput at the same concurrency. Also prints how long the catalog took to fill
# itself from the registry on the first start after the products were loaded.
# Usage: bench/catalog-search.sh [--rebuild]
#   env: DURATION=15s WARMUP=45s THREADS=2 STEPS="8 4 2 1" HOME_CONNECTIONS=8 JAR=target/…jar
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-45s}
THREADS=${THREADS:-2}
STEPS=${STEPS:-8 4 2 1}
HOME_CONNECTIONS=${HOME_CONNECTIONS:-8}
# The default embedded run starts with a C1-only JIT for a fast start (decision 0014); throughput is measured with the
# full tiered JIT, as in production.
export OCOP_FAST_START_JIT=full
JAR=${JAR:-$(ls target/ocop-platform-*.jar 2>/dev/null | grep -v original | head -1 || true)}

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need psql; then
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk postgresql-client >/dev/null
  else echo "bench: needs wrk and psql (apt-get install wrk postgresql-client)" >&2; exit 1; fi
fi
if [ -z "$JAR" ] || [ "${1:-}" = "--rebuild" ]; then ./mvnw -B -q package -DskipTests; JAR=$(ls target/ocop-platform-*.jar | grep -v original | head -1); fi

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
APP_PID=""
cleanup() { if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

start() { # start the jar on the run's data directory; sets APP_PID, PGPORT
  java -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
    --ocop.embedded-db.data-directory="$WORK/postgres" --ocop.embedded-db.binaries-directory="$WORK/pg-bin" \
    --ocop.demo-data.enabled=false --logging.level.root=WARN --logging.level.vn.ocop=INFO >> "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1500); do
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

start
echo "bench: generating 100,000 certified products"
psql -q -h localhost -p "$PGPORT" -U postgres -d ocop -v ON_ERROR_STOP=1 -f bench/generate-catalog.sql | tail -3
stop
echo "bench: starting again (the catalog fills itself from the registry)"
START=$(date +%s.%N)
start
READY_S=$(python3 -c "print(round($(date +%s.%N) - $START, 1))")
FILL=$(grep -o 'Catalog filled from the registry: [0-9]* certified products in [0-9]* ms' "$WORK/app.log" | tail -1)
psql -q -h localhost -p "$PGPORT" -U postgres -d ocop -c 'VACUUM ANALYZE catalog_product' -c 'VACUUM ANALYZE catalog_search_word' -c 'VACUUM ANALYZE catalog_word' >/dev/null
export IDS
IDS=$(psql -At -h localhost -p "$PGPORT" -U postgres -d ocop -c "SELECT string_agg(product_id::text, ',') FROM (SELECT product_id FROM catalog_product ORDER BY md5(product_id::text) LIMIT 200) x")
SAMPLE=$(curl -fs "http://127.0.0.1:$PORT/api/v1/public/products?q=nuoc%20mam%20phu%20quc&size=1" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], "(at least)" if d["totalAtLeast"] else "", "|", d["items"][0]["name"], "| corrections:", d["corrections"])')
echo "bench: warming up"
wrk -t"$THREADS" -c8 -d"$WARMUP" -s bench/catalog-search.lua "http://127.0.0.1:$PORT" >/dev/null
PAGE=/ wrk -t"$THREADS" -c8 -d10s -s bench/page.lua "http://127.0.0.1:$PORT" >/dev/null
PAGE=/ IDS="$IDS" wrk -t"$THREADS" -c8 -d10s -s bench/page.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t"$THREADS" -c8 -d5s "http://127.0.0.1:$PORT/actuator/health" >/dev/null
for c in $STEPS; do
  run HEALTH "$c" bench/health.lua "http://127.0.0.1:$PORT/actuator/health"
  run SEARCH "$c" bench/catalog-search.lua "http://127.0.0.1:$PORT"
done > "$WORK/steps.env"
# shellcheck disable=SC1090
source "$WORK/steps.env"
c=$HOME_CONNECTIONS
HOME_OUT=$(PAGE=/ IDS="" wrk -t"$THREADS" -c"$c" -d"$DURATION" -s bench/page.lua "http://127.0.0.1:$PORT" | grep '=' | sed 's/^PAGE_/HOME_/')
PRODUCT_OUT=$(IDS="$IDS" wrk -t"$THREADS" -c"$c" -d"$DURATION" -s bench/page.lua "http://127.0.0.1:$PORT" | grep '=' | sed 's/^PAGE_/PRODUCT_/')
HEALTH_OUT=$(wrk -t"$THREADS" -c"$c" -d"$DURATION" -s bench/health.lua "http://127.0.0.1:$PORT/actuator/health" | grep '=' | sed 's/^HEALTH_/HEALTHP_/')
eval "$HOME_OUT"; eval "$PRODUCT_OUT"; eval "$HEALTH_OUT"
v() { local n="$1"; echo "${!n}"; }

cat <<HEAD
== Public catalog over 100,000 certified products (same server, same run) ==
machine:            $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load before: $(cut -d' ' -f1-3 /proc/loadavg)
jar:                $JAR
fill:               ${FILL:-?} (ready ${READY_S} s after launch)
load:               wrk -t$THREADS, -d$DURATION per step after a $WARMUP warm-up; search: 30 rotating queries of /catalog?q=… (HTML, 24 per page)
sample query:       "nuoc mam phu quc" -> $SAMPLE
HEAD
printf '%-12s %8s %8s %8s %9s %12s\n' "connections" "p50 ms" "p95 ms" "p99 ms" "req/s" "CPU ms/req"
for c in $STEPS; do
  printf 'search  %3s  %8s %8s %8s %9s %12s\n' "$c" "$(v SEARCH_C${c}_P50_MS)" "$(v SEARCH_C${c}_P95_MS)" \
    "$(v SEARCH_C${c}_P99_MS)" "$(v SEARCH_C${c}_RPS)" "$(v SEARCH_C${c}_CPU_MS)"
  printf 'health  %3s  %8s %8s %8s %9s %12s\n' "$c" "-" "$(v HEALTH_C${c}_P95_MS)" "-" "$(v HEALTH_C${c}_RPS)" "$(v HEALTH_C${c}_CPU_MS)"
done
echo "errors (non-2xx, sockets): search $(for c in $STEPS; do v SEARCH_C${c}_ERRORS; done | paste -sd+ | python3 -c "print(eval(input()))"), home page $HOME_ERRORS, product pages $PRODUCT_ERRORS"
steps=(); rps=(); p95=()
for c in $STEPS; do steps+=("$c"); rps+=("$(v SEARCH_C${c}_RPS)"); p95+=("$(v SEARCH_C${c}_P95_MS)"); done
python3 - "${steps[*]}" "${rps[*]}" "${p95[*]}" <<'PY'
import sys
steps, rps, p95 = ([float(x) for x in a.split()] for a in sys.argv[1:4])
peak = max(rps)
c, r, p = min((c, r, p) for c, r, p in zip(steps, rps, p95) if r >= 0.95 * peak)
print(f"search peak throughput:                      {peak:.0f} req/s")
print(f"fewest connections reaching 95 % of it:      {c:.0f} ({r:.0f} req/s), p95 there {p:.1f} ms"
      f" -> {p / 50:.2f} of the 50 ms target ({'met' if p <= 50 else 'missed'})")
for c, p in zip(steps, p95):
    print(f"p95 / 50 ms target at {c:2.0f} connections:        {p / 50:.2f} ({'met' if p <= 50 else 'missed'})")
PY
echo "at $HOME_CONNECTIONS connections: health $HEALTHP_RPS req/s, home page $HOME_RPS req/s (p95 $HOME_P95_MS ms), product pages $PRODUCT_RPS req/s (p95 $PRODUCT_P95_MS ms)"
echo "ratio home page / health throughput:          $(python3 -c "print(round($HOME_RPS / $HEALTHP_RPS, 3))")"
echo "ratio product page / health throughput:       $(python3 -c "print(round($PRODUCT_RPS / $HEALTHP_RPS, 3))")"
echo "ratio search page / health throughput ($HOME_CONNECTIONS c):  $(python3 -c "print(round($(v SEARCH_C${HOME_CONNECTIONS}_RPS) / $HEALTHP_RPS, 3))" 2>/dev/null || echo '-')"
