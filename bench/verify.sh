#!/usr/bin/env bash
# The public verification page /verify/{number} (what a phone opens from a certificate's QR code) measured side by
# side with the certificate JSON API GET /api/v1/certificates/{number} on the same server, same certificate, same
# run. Both check the certificate against its signed statements; the page also renders HTML. Prints requests/s and
# p50/p99 of each, and the ratio page/API (goal >= 0.8), plus the session rows the run left behind.
# With BASELINE_JAR, a second build is measured the same way (on its own fresh data: a database migrated by one
# build cannot be opened by an older one) and both ratios are printed.
# Usage: bench/verify.sh [--rebuild]
#   env: DURATION=15s WARMUP=30s THREADS=2 CONNECTIONS=16 ROUNDS=2 JAR=target/…jar BASELINE_JAR=(none)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-30s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-2}
JAR=${JAR:-$(ls target/ocop-platform-*.jar 2>/dev/null | grep -v original | head -1 || true)}
BASELINE_JAR=${BASELINE_JAR:-}

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need psql || ! need curl; then
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk postgresql-client curl >/dev/null
  else echo "bench: needs wrk, psql and curl (apt-get install wrk postgresql-client curl)" >&2; exit 1; fi
fi
if [ -z "$JAR" ] || [ "${1:-}" = "--rebuild" ]; then ./mvnw -B -q package -DskipTests; JAR=$(ls target/ocop-platform-*.jar | grep -v original | head -1); fi

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
PASSWORD="Bench-$(date +%s)-pw"
APP_PID=""
BASE="http://127.0.0.1:$PORT"
cleanup() { if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

start() { # start JAR on a fresh data directory DIR; sets APP_PID, PGPORT
  local jar=$1 dir=$2
  mkdir -p "$dir"
  OCOP_ADMIN_PASSWORD="$PASSWORD" java -jar "$jar" --server.port="$PORT" \
    --ocop.embedded-db.data-directory="$dir/postgres" --ocop.embedded-db.binaries-directory="$WORK/pg-bin" \
    --ocop.storage.directory="$dir/files" --ocop.certification.keys.keystore="$dir/keys/ocop-signing.p12" \
    --ocop.demo-data.enabled=true --logging.level.root=WARN --logging.level.vn.ocop=INFO > "$dir/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 900); do
    curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$dir/app.log"; exit 1; }
    sleep 0.2
  done
  PGPORT=$(grep -o 'ready on port [0-9]*' "$dir/app.log" | grep -o '[0-9]*$' | tail -1)
}
stop() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }

api() { # api METHOD PATH [JSON]: the response body; fails on an HTTP error
  curl -fsS -X "$1" "$BASE$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+-d "$3"}
}
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }

issue_certificate() { # the certificate the demo data issues through the ordinary workflow (DemoCertificates); its number
  local number=""
  for _ in $(seq 1 600); do # issued after the council's result reaches certification (an event after commit)
    number=$(psql -At -h localhost -p "$PGPORT" -U postgres -d ocop \
      -c "SELECT number FROM certificate WHERE status = 'VALID' ORDER BY id LIMIT 1" 2>/dev/null || true)
    [ -n "$number" ] && break
    sleep 0.2
  done
  [ -n "$number" ] || { echo "bench: the demo data issued no certificate" >&2; exit 1; }
  echo "$number"
}

# CPU seconds used so far by the JVM, its PostgreSQL server and the server's backends (utime + stime): on a machine
# shared with other work, CPU per request is the steadier measure of what a request costs.
cpu() {
  python3 - "$APP_PID" "$WORK/$1/postgres/postmaster.pid" <<'PY'
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

# wrk LABEL URL [PREFIX]: DURATION of GETs at CONNECTIONS; prints LABEL_RPS, _P50_MS, _P99_MS, _BAD and, with the
# data directory PREFIX, _CPU_MS (CPU milliseconds of the server per request)
load() {
  local label=$1 url=$2 prefix=${3:-} before after out
  cat > "$WORK/report.lua" <<LUA
done = function(summary, latency, requests)
  io.write(string.format("${label}_RPS=%.1f\n${label}_P50_MS=%.2f\n${label}_P99_MS=%.2f\n${label}_BAD=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
  [ -n "$prefix" ] && before=$(cpu "$prefix")
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "$WORK/report.lua" "$url" | grep '=')
  echo "$out"
  if [ -n "$prefix" ]; then
    after=$(cpu "$prefix")
    echo "${label}_CPU_MS=$(python3 -c "print(round(($after - $before) * 1000 / ($(echo "$out" | grep '_RPS=' | cut -d= -f2) * $(echo "$DURATION" | tr -d s)), 3))")"
  fi
}

measure() { # measure PREFIX JAR: fresh data, one certificate, warm-up, ROUNDS x (API, page) interleaved; PREFIX_* vars
  local prefix=$1 jar=$2 number sessions
  start "$jar" "$WORK/$prefix"
  TOKEN=$(curl -fs -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | field '["accessToken"]')
  number=$(issue_certificate)
  echo "bench: $prefix certificate $number" >&2
  [[ $(curl -fs "$BASE/api/v1/certificates/$number") == *'"authentic":true'* ]] || { echo "bench: certificate not authentic" >&2; exit 1; }
  [[ $(curl -fs "$BASE/verify/$number") == *'id="verdict"'* ]] || { echo "bench: no verification page" >&2; exit 1; }
  sessions=$(psql -At -h localhost -p "$PGPORT" -U postgres -d ocop -c 'SELECT count(*) FROM spring_session')
  # Until the JIT has compiled the hot paths, the JVM measures its compiler: warm up both first.
  DURATION=$WARMUP load W "$BASE/api/v1/certificates/$number" >/dev/null
  DURATION=$WARMUP load W "$BASE/verify/$number" >/dev/null
  for r in $(seq 1 "$ROUNDS"); do
    load "${prefix}_API_R$r" "$BASE/api/v1/certificates/$number" "$prefix"
    load "${prefix}_PAGE_R$r" "$BASE/verify/$number" "$prefix"
  done > "$WORK/$prefix.env"
  echo "${prefix}_SESSIONS=$(( $(psql -At -h localhost -p "$PGPORT" -U postgres -d ocop -c 'SELECT count(*) FROM spring_session') - sessions ))" >> "$WORK/$prefix.env"
  echo "${prefix}_NUMBER=$number" >> "$WORK/$prefix.env"
  stop
}

report() { # report PREFIX JAR
  python3 - "$1" "$2" "$ROUNDS" "$WORK/$1.env" <<'PY'
import sys
prefix, jar, rounds, env = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
v = dict(line.strip().split("=", 1) for line in open(env) if "=" in line)
def f(k): return float(v[f"{prefix}_{k}"])
print(f"-- {jar} (certificate {v[prefix + '_NUMBER']})")
print(f"{'round':<6} {'endpoint':<34} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'CPU ms/req':>11}")
api = page = api_cpu = page_cpu = 0.0
for r in range(1, rounds + 1):
    for name, key in (("GET /api/v1/certificates/{number}", "API"), ("GET /verify/{number}", "PAGE")):
        k = f"{key}_R{r}"
        print(f"{r:<6} {name:<34} {f(k + '_RPS'):>9.1f} {f(k + '_P50_MS'):>8.2f} {f(k + '_P99_MS'):>8.2f}"
              f" {int(f(k + '_BAD')):>7} {f(k + '_CPU_MS'):>11.3f}")
    api += f(f"API_R{r}_RPS"); page += f(f"PAGE_R{r}_RPS")
    api_cpu += f(f"API_R{r}_CPU_MS"); page_cpu += f(f"PAGE_R{r}_CPU_MS")
ratio = page / api
print(f"throughput /verify / API (mean of {rounds} rounds): {ratio:.3f} -> goal 0.8 {'met' if ratio >= 0.8 else 'missed'}")
print(f"CPU per request, API / verify (the same ratio as seen by the CPU): {api_cpu / page_cpu:.3f}")
print(f"session rows created by the measured requests: {v[prefix + '_SESSIONS']}")
PY
}

measure NEW "$JAR"
[ -n "$BASELINE_JAR" ] && measure OLD "$BASELINE_JAR"

cat <<HEAD
== Public verification page vs certificate JSON API (same server, same certificate, same run) ==
machine:  $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), load before: $(cut -d' ' -f1-3 /proc/loadavg)
load:     wrk -t$THREADS -c$CONNECTIONS -d$DURATION per endpoint and round, $ROUNDS rounds interleaved, after a $WARMUP warm-up of each
HEAD
report NEW "$JAR"
[ -n "$BASELINE_JAR" ] && report OLD "$BASELINE_JAR"
exit 0
