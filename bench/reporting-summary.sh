#!/usr/bin/env bash
# The national summary (GET /api/v1/reports/summary, no parameters: the nation today, flows since 1 January) over a
# read model of 100,000 products and 1,000,000 certificate-history rows (generate-reporting.sql), measured side by side
# with /actuator/health on the same server in the same run. For both: p50/p95/p99 latency and throughput at each
# number of concurrent connections in STEPS; then the summary's throughput as a ratio of health's, and its p95 against
# the 200 ms target at each step and where the server is fully loaded (the fewest connections reaching 95 % of peak).
# Also the time of each SQL statement of one summary (psql \\timing, run by hand on the same data), to show where it goes.
# Usage: bench/reporting-summary.sh [--rebuild]
#   env: DURATION=15s WARMUP=30s THREADS=2 STEPS="8 4 2 1" JAR=target/…jar
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-30s}
THREADS=${THREADS:-2}
STEPS=${STEPS:-8 4 2 1}
JAR=${JAR:-$(ls target/ocop-platform-*.jar 2>/dev/null | grep -v original | head -1 || true)}
# The default run compiles with C1 only for a quick start; throughput ratios need the full JIT.
export OCOP_FAST_START_JIT=full

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

OCOP_ADMIN_PASSWORD="$PASSWORD" java -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --ocop.embedded-db.data-directory="$WORK/postgres" --ocop.embedded-db.binaries-directory="$WORK/pg-bin" \
  --ocop.demo-data.enabled=false --logging.level.root=WARN --logging.level.vn.ocop=INFO > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 900); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/app.log"; exit 1; }
  sleep 0.2
done
PGPORT=$(grep -o 'ready on port [0-9]*' "$WORK/app.log" | grep -o '[0-9]*$' | tail -1)
PSQL=(psql -q -h localhost -p "$PGPORT" -U postgres -d ocop -v ON_ERROR_STOP=1)

echo "bench: generating 100,000 products and 1,000,000 certificate-history rows" >&2
START=$(date +%s.%N)
"${PSQL[@]}" -f bench/generate-reporting.sql | tail -3
echo "bench: data generated in $(python3 -c "print(round($(date +%s.%N) - $START, 1))") s" >&2

TOKEN=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
export TOKEN
SAMPLE=$(curl -fs "http://127.0.0.1:$PORT/api/v1/reports/summary" -H "Authorization: Bearer $TOKEN" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); c=d["certifiedProducts"]; print(c["total"], "in force", c["byStar"], "| producers", d["producers"]["withCertifiedProducts"], "| issued", d["certificates"]["issued"])')

# Until the JIT has compiled the hot paths the JVM measures its compiler: warm up both endpoints first.
wrk -t"$THREADS" -c4 -d"$WARMUP" -s bench/reporting-summary.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t"$THREADS" -c4 -d5s "http://127.0.0.1:$PORT/actuator/health" >/dev/null
for c in $STEPS; do
  wrk -t"$(( c < THREADS ? c : THREADS ))" -c"$c" -d"$DURATION" -s bench/health.lua "http://127.0.0.1:$PORT/actuator/health" \
    | grep '=' | sed "s/^HEALTH_/HEALTH_C${c}_/"
  wrk -t"$(( c < THREADS ? c : THREADS ))" -c"$c" -d"$DURATION" -s bench/reporting-summary.lua "http://127.0.0.1:$PORT" \
    | grep '=' | sed "s/^SUMMARY_/SUMMARY_C${c}_/"
done > "$WORK/results.env"
# shellcheck disable=SC1090
source "$WORK/results.env"

# Where one summary's time goes: the statements the query layer sends, timed by PostgreSQL (auto_explain would need a
# restart; the same statements are run here by hand and timed by psql).
TODAY=$(date +%F); YEAR_START=$(date +%Y)-01-01
cat > "$WORK/statements.sql" <<SQL
\\timing on
-- stocks: certified products, producers, craft villages, one pass over the certificates in force (they carry their
-- producer's facts)
WITH f AS MATERIALIZED (SELECT c.star, c.criteria_set_no, c.producer_id, c.legal_type, c.sme, c.craft_village,
       c.women_led, c.ethnic_minority_area, c.village_key AS village
  FROM report_certificate c
 WHERE c.legal_type IS NOT NULL AND c.issued_on <= '$TODAY' AND c.valid_until > '$TODAY'
   AND NOT EXISTS (SELECT 1 FROM report_suspension s WHERE s.certificate_id = c.id AND s.from_on <= '$TODAY'
                    AND (s.until_on IS NULL OR s.until_on > '$TODAY')))
SELECT count(*), count(DISTINCT producer_id), count(DISTINCT village) FROM f;
-- certificates issued this year by kind and star
SELECT c.kind, c.star, count(*) FROM report_certificate c
 WHERE c.legal_type IS NOT NULL AND c.issued_on BETWEEN '$YEAR_START' AND '$TODAY' GROUP BY 1, 2;
-- expired this year
SELECT count(*) FROM report_certificate c
 WHERE c.legal_type IS NOT NULL AND c.valid_until = c.expires_on + 1 AND c.expires_on BETWEEN '$YEAR_START' AND '$TODAY';
-- evaluated this year (latest result per product)
SELECT count(*) FROM (SELECT DISTINCT ON (r.product_id) r.star FROM report_rating r
  JOIN report_product p ON p.id = r.product_id JOIN report_producer pr ON pr.id = p.producer_id
 WHERE r.rated_on BETWEEN '$YEAR_START' AND '$TODAY' ORDER BY r.product_id, r.rated_on DESC, r.id DESC) x;
SQL
STATEMENTS=$("${PSQL[@]}" -f "$WORK/statements.sql" 2>&1 | grep -o 'Time: [0-9.]* ms' | sed 's/Time: //' | paste -sd ' ')

v() { local n="$1"; echo "${!n}"; }
cat <<HEAD
== National summary over 100,000 products and 1,000,000 certificate-history rows (same server, same run) ==
machine:            $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load before: $(cut -d' ' -f1-3 /proc/loadavg)
load:               wrk -t$THREADS, -d$DURATION per step after a $WARMUP warm-up; GET /api/v1/reports/summary as an administrator
figures:            $SAMPLE
HEAD
printf '%-12s %8s %8s %8s %9s   %9s %9s\n' "connections" "p50 ms" "p95 ms" "p99 ms" "req/s" "health/s" "health p95"
for c in $STEPS; do
  printf 'summary %3s  %8s %8s %8s %9s   %9s %9s\n' "$c" "$(v SUMMARY_C${c}_P50_MS)" "$(v SUMMARY_C${c}_P95_MS)" \
    "$(v SUMMARY_C${c}_P99_MS)" "$(v SUMMARY_C${c}_RPS)" "$(v HEALTH_C${c}_RPS)" "$(v HEALTH_C${c}_P95_MS)"
done
for c in $STEPS; do
  echo "ratio summary/health throughput at $c connections: $(python3 -c "print(round($(v SUMMARY_C${c}_RPS) / $(v HEALTH_C${c}_RPS), 4))")"
done
for c in $STEPS; do
  echo "p95 / 200 ms target at $c connections:           $(python3 -c "r = $(v SUMMARY_C${c}_P95_MS) / 200; print(round(r, 2), '(met)' if r <= 1 else '(missed)')")"
done
steps=(); rps=(); p95=()
for c in $STEPS; do steps+=("$c"); rps+=("$(v SUMMARY_C${c}_RPS)"); p95+=("$(v SUMMARY_C${c}_P95_MS)"); done
python3 - "${steps[*]}" "${rps[*]}" "${p95[*]}" <<'PY'
import sys
steps, rps, p95 = ([float(x) for x in a.split()] for a in sys.argv[1:4])
peak = max(rps)
c, r, p = min((c, r, p) for c, r, p in zip(steps, rps, p95) if r >= 0.95 * peak)
print(f"summary peak throughput:                          {peak:.1f} req/s")
print(f"fewest connections reaching 95 % of it:           {c:.0f} ({r:.1f} req/s), p95 there {p:.1f} ms"
      f" -> {p / 200:.2f} of the 200 ms target ({'met' if p <= 200 else 'missed'})")
PY
echo "SQL of one summary, ms (stocks, issued, expired, evaluated): $STATEMENTS"
echo "errors: summary $(for c in $STEPS; do v SUMMARY_C${c}_ERRORS; done | paste -sd+ | bc)"
