#!/usr/bin/env bash
# Traceability benchmark: stamp generation and the public scan API with 5,000,000 stamps stored.
#
# Starts the runnable jar on a temp data directory (embedded PostgreSQL, never ./data), creates a certified product
# and a lot through the API, then generates BATCHES batches of BATCH_SIZE stamps (default 5 x 1,000,000) through
# POST /api/v1/lots/{id}/stamp-batches and activates them. For each batch it prints the time the application logged
# for generating the codes (SecureRandom, in the JVM) and for storing them (binary COPY), and the API call's wall
# time. Then, after VACUUM ANALYZE and a warm-up, it measures side by side on the same server, at each number of
# connections in STEPS: GET /api/v1/stamps/{code} (codes sampled at random across all stamps; every scan is logged
# through the group commit) and GET /actuator/health. Printed: requests/s, p50/p95/p99, CPU per request (JVM plus
# PostgreSQL), the ratio scan/health at each step and the p99 against the 20 ms target, then the servers' throughput:
# the most requests per second each endpoint served at any step, and their ratio (target >= 0.70).
#
# Usage: bench/traceability-scan.sh [--rebuild]
#   env: BATCHES=5 BATCH_SIZE=1000000 DURATION=15s WARMUP=30s THREADS=2 STEPS="16 8 4 2 1" SAMPLE=20000
#        JAR=target/ocop-platform-*.jar LOG_DIR=(unset: keep the application log there)
set -euo pipefail
cd "$(dirname "$0")/.."
BATCHES=${BATCHES:-5}
BATCH_SIZE=${BATCH_SIZE:-1000000}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-30s}
THREADS=${THREADS:-2}
STEPS=${STEPS:-16 8 4 2 1}
SAMPLE=${SAMPLE:-20000}
LOG_DIR=${LOG_DIR:-}
JAR=${JAR:-$(ls target/ocop-platform-*.jar 2>/dev/null | grep -v original | head -1 || true)}
unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD SPRING_PROFILES_ACTIVE
# The jar starts with a C1-only JIT by default (fast start), which would distort throughput: measure with the full JIT.
export OCOP_FAST_START_JIT=full

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need psql || ! need curl; then
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk postgresql-client curl >/dev/null
  else echo "bench: needs wrk, psql and curl (apt-get install wrk postgresql-client curl)" >&2; exit 1; fi
fi
if [ -z "$JAR" ] || [ "${1:-}" = "--rebuild" ]; then ./mvnw -B -q package -DskipTests; JAR=$(ls target/ocop-platform-*.jar | grep -v original | head -1); fi

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
PASSWORD="Bench-$(date +%s)-pw"
# shellcheck source=bench/traceability-common.sh
source bench/traceability-common.sh
cleanup() {
  stop_app
  stop_orphan_postgres
  if [ -n "$LOG_DIR" ]; then mkdir -p "$LOG_DIR" && cp "$WORK"/*.log "$LOG_DIR"/ 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# CPU seconds used so far (utime + stime): the JVM (with its fast-start child), then PostgreSQL and its backends.
cpu() {
  python3 - "$APP_PID" "$WORK/postgres/postmaster.pid" <<'PY'
import os, sys
java, pidfile = sys.argv[1], sys.argv[2]
postmaster = open(pidfile).readline().strip()
tick, jvm, pg = os.sysconf('SC_CLK_TCK'), 0, 0
for p in filter(str.isdigit, os.listdir('/proc')):
    try:
        fields = open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()
    except OSError:
        continue
    used = int(fields[11]) + int(fields[12])
    if p == postmaster or fields[1] == postmaster:  # PostgreSQL and its backends
        pg += used
    elif p == java or fields[1] == java:  # the JVM and its fast-start child
        jvm += used
print(jvm / tick, pg / tick)
PY
}

run() { # run LABEL CONNECTIONS SCRIPT URL: wrk for DURATION; prints LABEL_C{n}_* variables incl. CPU ms per request
  local label=$1 c=$2 script=$3 url=$4 before after out rps
  before=$(cpu)
  out=$(wrk -t"$(( c < THREADS ? c : THREADS ))" -c"$c" -d"$DURATION" --timeout 5s -s "$script" "$url" | grep '=')
  after=$(cpu)
  rps=$(echo "$out" | grep '_RPS=' | cut -d= -f2)
  echo "$out" | sed "s/^[A-Z]*_/${label}_C${c}_/"
  python3 - "$label" "$c" "$rps" "$(echo "$DURATION" | tr -d s)" $before $after <<'PY'
import sys
label, c, rps, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
jvm0, pg0, jvm1, pg1 = map(float, sys.argv[5:9])
n = max(rps * seconds, 1)
print(f"{label}_C{c}_CPU_MS={round(((jvm1 - jvm0) + (pg1 - pg0)) * 1000 / n, 3)}")
print(f"{label}_C{c}_SPLIT='{round((jvm1 - jvm0) * 1000 / n, 2)}/{round((pg1 - pg0) * 1000 / n, 2)}'")
PY
}

echo "bench: starting the application" >&2
start_app "$WORK/app.log"
LOT=$(certified_lot)
GEN_LINES=()
for b in $(seq 1 "$BATCHES"); do
  echo "bench: generating batch $b of $BATCHES ($BATCH_SIZE stamps)" >&2
  START=$(date +%s.%N)
  BATCH=$(api POST "/api/v1/lots/$LOT/stamp-batches" "{\"quantity\":$BATCH_SIZE}" | json_field id)
  WALL=$(python3 -c "print(round($(date +%s.%N) - $START, 2))")
  api POST "/api/v1/stamp-batches/$BATCH/status" '{"change":"ACTIVATE"}' >/dev/null
  LOGGED=$(grep "Stamp batch $BATCH:" "$WORK/app.log" | tail -1 | sed -E 's/.*generated in ([0-9]+) ms, stored in ([0-9]+) ms.*/\1 \2/')
  GEN_LINES+=("$(printf 'batch %d  %9d stamps  codes generated %6s ms  stored (COPY) %6s ms  API call %6s s' "$b" "$BATCH_SIZE" ${LOGGED} "$WALL")")
done
echo "bench: VACUUM ANALYZE, CHECKPOINT" >&2
# Fresh statistics, and a checkpoint so that writing out the stamps just stored does not fall into the measured steps.
psql -q -h localhost -p "$PGPORT" -U postgres -d ocop -c "VACUUM ANALYZE stamp" -c "VACUUM ANALYZE stamp_batch" -c "VACUUM ANALYZE lot" \
  -c "CHECKPOINT"
STORED=$(psql -qAt -h localhost -p "$PGPORT" -U postgres -d ocop -c "SELECT count(*) FROM stamp")
SIZES=$(psql -qAt -h localhost -p "$PGPORT" -U postgres -d ocop -F'|' -c "SELECT pg_size_pretty(pg_relation_size('stamp')), pg_size_pretty(pg_relation_size('stamp_pkey')), pg_size_pretty(pg_relation_size('stamp_batch_brin'))")
sample_codes "$SAMPLE" "$WORK/codes.txt"
export CODES="$WORK/codes.txt"
echo "bench: warm-up ($WARMUP)" >&2
wrk -t"$THREADS" -c16 -d"$WARMUP" -s bench/traceability-scan.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t"$THREADS" -c16 -d5s "http://127.0.0.1:$PORT/actuator/health" >/dev/null
SCANS_BEFORE=$(psql -qAt -h localhost -p "$PGPORT" -U postgres -d ocop -c "SELECT count(*) FROM scan")
for c in $STEPS; do
  echo "bench: $c connections" >&2
  run HEALTH "$c" bench/health-p99.lua "http://127.0.0.1:$PORT/actuator/health"
  run SCAN "$c" bench/traceability-scan.lua "http://127.0.0.1:$PORT"
done > "$WORK/results.env"
SCANS_AFTER=$(psql -qAt -h localhost -p "$PGPORT" -U postgres -d ocop -c "SELECT count(*) FROM scan")
SAMPLE_SCAN=$(curl -fs "http://127.0.0.1:$PORT/api/v1/stamps/$(head -1 "$CODES")" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["outcome"], "|", d["lot"]["product"]["name"], "| scanId", d["scanId"])')
# shellcheck disable=SC1090
source "$WORK/results.env"

v() { local n="$1"; echo "${!n}"; }
cat <<HEAD
== Traceability: stamp generation and scans with $(printf "%'d" "$STORED") stamps stored ==
machine:        $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load before: $(cut -d' ' -f1-3 /proc/loadavg)
stamps:         table $(echo "$SIZES" | cut -d'|' -f1), primary key $(echo "$SIZES" | cut -d'|' -f2), BRIN (batch, seq) $(echo "$SIZES" | cut -d'|' -f3)
HEAD
for line in "${GEN_LINES[@]}"; do echo "$line"; done
cat <<HEAD
load:           wrk -t$THREADS, -d$DURATION per step after a $WARMUP warm-up; $SAMPLE codes sampled at random, each request a scan
sample scan:    $SAMPLE_SCAN
scans logged:   $((SCANS_AFTER - SCANS_BEFORE)) during the measured steps (every acknowledged scan is in the log)
HEAD
printf '%-14s %8s %8s %8s %9s %11s %11s %7s\n' "connections" "p50 ms" "p95 ms" "p99 ms" "req/s" "CPU ms/req" "JVM/PG ms" "errors"
for c in $STEPS; do
  printf 'scan    %3s    %8s %8s %8s %9s %11s %11s %7s\n' "$c" "$(v SCAN_C${c}_P50_MS)" "$(v SCAN_C${c}_P95_MS)" \
    "$(v SCAN_C${c}_P99_MS)" "$(v SCAN_C${c}_RPS)" "$(v SCAN_C${c}_CPU_MS)" "$(v SCAN_C${c}_SPLIT)" "$(v SCAN_C${c}_ERRORS)"
  printf 'health  %3s    %8s %8s %8s %9s %11s %11s %7s\n' "$c" "$(v HEALTH_C${c}_P50_MS)" "$(v HEALTH_C${c}_P95_MS)" \
    "$(v HEALTH_C${c}_P99_MS)" "$(v HEALTH_C${c}_RPS)" "$(v HEALTH_C${c}_CPU_MS)" "$(v HEALTH_C${c}_SPLIT)" "$(v HEALTH_C${c}_ERRORS)"
done
for c in $STEPS; do
  python3 - "$c" "$(v SCAN_C${c}_RPS)" "$(v HEALTH_C${c}_RPS)" "$(v SCAN_C${c}_P99_MS)" <<'PY'
import sys
c, scan, health, p99 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
r = scan / health
print(f"{c:>3} connections: scan/health throughput {r:.3f} ({'met' if r >= 0.70 else 'missed'} >= 0.70);"
      f" scan p99 {p99:.1f} ms ({'met' if p99 <= 20 else 'missed'} <= 20 ms)")
PY
done
# The servers' throughput: each endpoint's best step (the most requests per second it served at any concurrency).
python3 - $(for c in $STEPS; do echo "$c $(v SCAN_C${c}_RPS) $(v HEALTH_C${c}_RPS)"; done) <<'PY'
import sys
a = sys.argv[1:]
steps = [(int(a[i]), float(a[i + 1]), float(a[i + 2])) for i in range(0, len(a), 3)]
scan = max(steps, key=lambda s: s[1])
health = max(steps, key=lambda s: s[2])
r = scan[1] / health[2]
print(f"throughput (best step of each): scan {scan[1]:.0f} req/s at {scan[0]} connections, health {health[2]:.0f}"
      f" req/s at {health[0]}: ratio {r:.3f} ({'met' if r >= 0.70 else 'missed'} >= 0.70)")
PY
