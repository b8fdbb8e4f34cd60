#!/usr/bin/env bash
# Product search over 100,000 products under concurrent load, measured side by side with /actuator/health on the
# same server in the same run. Prints p50/p95/p99 of search, both throughputs and their ratio.
# Usage: bench/product-search.sh [--rebuild]   (env: DURATION=15s, CONNECTIONS=16, THREADS=2, JAR=target/…jar)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
JAR=${JAR:-$(ls target/ocop-platform-*.jar 2>/dev/null | grep -v original | head -1 || true)}

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

OCOP_ADMIN_PASSWORD="$PASSWORD" java -jar "$JAR" --server.port="$PORT" \
  --ocop.embedded-db.data-directory="$WORK/postgres" --ocop.embedded-db.binaries-directory="$WORK/pg-bin" \
  --ocop.demo-data.enabled=false --logging.level.root=WARN --logging.level.vn.ocop=INFO > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/app.log"; exit 1; }
  sleep 0.2
done
PGPORT=$(grep -o 'ready on port [0-9]*' "$WORK/app.log" | grep -o '[0-9]*$' | head -1)
echo "bench: generating 100,000 products"
START=$(date +%s.%N)
psql -q -h localhost -p "$PGPORT" -U postgres -d ocop -v ON_ERROR_STOP=1 -f bench/generate-products.sql | tail -3
echo "bench: data generated in $(python3 -c "print(round($(date +%s.%N) - $START, 1))") s"

TOKEN=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
export TOKEN
echo "bench: warm-up"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/product-search.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "http://127.0.0.1:$PORT/actuator/health" >/dev/null
HEALTH=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/health.lua "http://127.0.0.1:$PORT/actuator/health" | grep '=')
SEARCH=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/product-search.lua "http://127.0.0.1:$PORT" | grep '=')
eval "$HEALTH"; eval "$SEARCH"
SAMPLE=$(curl -fs "http://127.0.0.1:$PORT/api/v1/products?q=nuoc%20mam&size=1" -H "Authorization: Bearer $TOKEN" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], "|", d["items"][0]["name"])')
cat <<RESULT
== Product search over 100,000 products (same server, same run) ==
machine:            $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)
load:               wrk -t$THREADS -c$CONNECTIONS -d$DURATION, 20 rotating queries (accents omitted), page size 20
sample query:       "nuoc mam" -> $SAMPLE
search p50/p95/p99: $SEARCH_P50_MS / $SEARCH_P95_MS / $SEARCH_P99_MS ms   (target p95 <= 30 ms)
search throughput:  $SEARCH_RPS req/s   (errors: $SEARCH_ERRORS)
health throughput:  $HEALTH_RPS req/s
ratio search/health: $(python3 -c "print(round($SEARCH_RPS / $HEALTH_RPS, 3))")
RESULT
