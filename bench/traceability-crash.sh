#!/usr/bin/env bash
# Crash test of the scan log: scans acknowledged before a SIGKILL of the application are in the log after restart.
#
# Starts the runnable jar on a temp data directory, creates a certified product, a lot and an activated batch of
# stamps through the API, then scans stamps through GET /api/v1/stamps/{code} from CLIENTS threads (python3). Every
# answer that carries a scanId is an acknowledged scan: its id is written to a file outside the application. After
# KILL_AFTER seconds of load, the JVM is killed with SIGKILL (and its PostgreSQL too when KILL_POSTGRES=1, so the
# database recovers from its write-ahead log); the clients go on until DURATION seconds (their requests now fail). The
# application is started again on the same data directory, and every acknowledged scan id is looked up in the scan log.
# Prints the counts; exits 1 when an acknowledged scan is missing.
#
# Usage: bench/traceability-crash.sh [--rebuild]
#   env: CLIENTS=16 DURATION=10 KILL_AFTER=5 KILL_POSTGRES=1 STAMPS=1000 JAR=target/ocop-platform-*.jar LOG_DIR=(unset)
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-16}
DURATION=${DURATION:-10}
KILL_AFTER=${KILL_AFTER:-5}
KILL_POSTGRES=${KILL_POSTGRES:-1}
STAMPS=${STAMPS:-1000}
LOG_DIR=${LOG_DIR:-}
JAR=${JAR:-$(ls target/ocop-platform-*.jar 2>/dev/null | grep -v original | head -1 || true)}
unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD SPRING_PROFILES_ACTIVE
# The jar starts with a C1-only JIT by default (fast start), which would distort throughput: measure with the full JIT.
export OCOP_FAST_START_JIT=full

command -v psql >/dev/null 2>&1 || {
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
  else echo "bench: needs psql (apt-get install postgresql-client)" >&2; exit 1; fi
}
if [ -z "$JAR" ] || [ "${1:-}" = "--rebuild" ]; then ./mvnw -B -q package -DskipTests; JAR=$(ls target/ocop-platform-*.jar | grep -v original | head -1); fi

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
PASSWORD="Bench-$(date +%s)-pw"
# shellcheck source=bench/traceability-common.sh
source bench/traceability-common.sh
LOAD_PID=""
cleanup() {
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
  stop_app
  stop_orphan_postgres
  if [ -n "$LOG_DIR" ]; then mkdir -p "$LOG_DIR" && cp "$WORK"/*.log "$LOG_DIR"/ 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "bench: starting the application" >&2
start_app "$WORK/app-1.log"
LOT=$(certified_lot)
BATCH=$(api POST "/api/v1/lots/$LOT/stamp-batches" "{\"quantity\":$STAMPS}" | json_field id)
api POST "/api/v1/stamp-batches/$BATCH/status" '{"change":"ACTIVATE"}' >/dev/null
sample_codes "$STAMPS" "$WORK/codes.txt"

echo "bench: $CLIENTS clients scanning for ${DURATION}s; SIGKILL after ${KILL_AFTER}s" >&2
python3 - "$PORT" "$WORK/codes.txt" "$WORK/acks.txt" "$CLIENTS" "$DURATION" >"$WORK/load.txt" 2>&1 <<'PY' &
import json, random, sys, threading, time, urllib.request
port, codes_file, acks_file, clients, duration = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
codes = open(codes_file).read().split()
acks = open(acks_file, "w")
lock = threading.Lock()
counts = {"sent": 0, "acked": 0, "failed": 0}
end = time.time() + duration
def client():
    while time.time() < end:
        url = f"http://127.0.0.1:{port}/api/v1/stamps/{random.choice(codes)}"
        try:
            with urllib.request.urlopen(url, timeout=3) as response:
                scan_id = json.load(response).get("scanId")
            with lock:
                counts["sent"] += 1
                if scan_id is not None:
                    counts["acked"] += 1
                    acks.write(f"{scan_id}\n")
                    acks.flush()
        except Exception:
            with lock:
                counts["sent"] += 1
                counts["failed"] += 1
            time.sleep(0.05)
threads = [threading.Thread(target=client) for _ in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
print(json.dumps(counts))
PY
LOAD_PID=$!
sleep "$KILL_AFTER"
POSTMASTER=$(head -1 "$WORK/postgres/postmaster.pid")
kill -KILL "$APP_PID"
KILLED_AT=$(date +%s.%N)
if [ "$KILL_POSTGRES" = 1 ]; then kill -KILL "$POSTMASTER" 2>/dev/null || true; fi
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
wait "$LOAD_PID" || true
LOAD_PID=""
LOAD=$(cat "$WORK/load.txt")
ACKED=$(sort -u "$WORK/acks.txt" | wc -l)
# The orphaned backends of a killed postmaster end by themselves; give them a moment before starting again.
sleep 2

echo "bench: starting the application again on the same data" >&2
RESTART_START=$(date +%s.%N)
start_app "$WORK/app-2.log"
RESTART_S=$(python3 -c "print(round($(date +%s.%N) - $RESTART_START, 1))")
RESULT=$(psql -qAt -h localhost -p "$PGPORT" -U postgres -d ocop -F' ' <<SQL
CREATE TEMP TABLE ack (id bigint);
\copy ack FROM '$WORK/acks.txt'
SELECT (SELECT count(DISTINCT id) FROM ack),
       (SELECT count(DISTINCT a.id) FROM ack a JOIN scan s ON s.id = a.id),
       (SELECT count(*) FROM scan WHERE lot_id = $LOT);
SQL
)
read -r ACKS FOUND LOGGED <<<"$(echo "$RESULT" | tail -1)"
LOST=$((ACKS - FOUND))
cat <<OUT
== Traceability: scan log crash test ($(date -u +%FT%TZ)) ==
machine:              $(nproc) cores, load before restart: $(cut -d' ' -f1-3 /proc/loadavg)
load:                 $CLIENTS clients for ${DURATION}s, SIGKILL of the JVM after ${KILL_AFTER}s$([ "$KILL_POSTGRES" = 1 ] && echo " and of its PostgreSQL")
clients:              $LOAD
acknowledged scans:   $ACKS (answers with a scanId before the kill)
found after restart:  $FOUND
lost:                 $LOST
in the log:           $LOGGED scans of the lot (acknowledged ones and any committed whose answer the kill cut off)
restart:              ready in ${RESTART_S}s on the same data directory
OUT
[ "$LOST" -eq 0 ] && [ "$ACKS" -gt 0 ]
