# Shared by the traceability benchmarks (sourced, not run): start and stop the runnable jar on a temp data directory,
# an administrator's token, and a certified product with a lot, created through the public API.
# Expects: JAR, WORK (temp directory), PORT, PASSWORD; sets APP_PID, PGPORT, TOKEN.

APP_PID=""
JAVA=${JAVA:-java}
APP_ARGS=${APP_ARGS:-}

start_app() { # start_app LOG: starts the jar on $WORK's data, waits for readiness
  local log=$1
  OCOP_ADMIN_PASSWORD="$PASSWORD" "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
    --ocop.embedded-db.data-directory="$WORK/postgres" --ocop.embedded-db.binaries-directory="$WORK/pg-bin" \
    --ocop.demo-data.enabled=false --logging.level.root=WARN --logging.level.vn.ocop=INFO $APP_ARGS >"$log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 900); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$log" >&2; echo "bench: the application did not start" >&2; exit 1; }
    sleep 0.2
  done
  PGPORT=$(grep -o 'ready on port [0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  TOKEN=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  export TOKEN
}

stop_app() { # SIGTERM, wait
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

# Stops a PostgreSQL left running on the temp data (the orphan of a killed JVM).
stop_orphan_postgres() {
  local pid_file=$WORK/postgres/postmaster.pid pid
  if [ -f "$pid_file" ]; then
    read -r pid <"$pid_file" || true
    if [[ ${pid:-} =~ ^[0-9]+$ ]] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = postgres ]; then
      kill -INT "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
}

api() { # api METHOD PATH [JSON]: prints the body; fails on an HTTP error
  curl -fsS -X "$1" "http://127.0.0.1:$PORT$2" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' ${3:+-d "$3"}
}

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

# A cooperative in Phường Cao Lãnh with a product certified 4 stars (paper certificate) and a lot; prints the lot id.
certified_lot() {
  local tax producer product today issued
  tax=$(printf '82%08d' $((RANDOM * 3 + 1)))
  today=$(date +%F)
  issued=$(date -d '-30 days' +%F)
  producer=$(api POST /api/v1/producers "{\"legalType\":\"COOPERATIVE\",\"name\":\"HTX truy xuất bench $tax\",\"taxCode\":\"$tax\",\"communeCode\":\"29869\",\"sme\":false,\"craftVillage\":false,\"womenLed\":false,\"ethnicMinorityArea\":false}" | json_field id)
  product=$(api POST /api/v1/products "{\"producerId\":$producer,\"name\":\"Nước mắm bench $tax\",\"criteriaSetNo\":12,\"links\":[{\"platform\":\"Shopee\",\"url\":\"https://shopee.vn/bench\"}]}" | json_field id)
  # A province's 3–4★ ratings are recorded by its officers (decision 0027): an officer of Đồng Tháp for the bench.
  local officer="bench.tinh.$tax" officer_token
  api POST /api/v1/users "{\"username\":\"$officer\",\"displayName\":\"Cán bộ tỉnh (bench)\",\"role\":\"PROVINCE_OFFICER\",\"jurisdictionCode\":\"82\",\"password\":\"$PASSWORD-tinh\"}" >/dev/null
  officer_token=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$officer\",\"password\":\"$PASSWORD-tinh\"}" | json_field accessToken)
  curl -fsS -X PUT "http://127.0.0.1:$PORT/api/v1/products/$product/rating" -H "Authorization: Bearer $officer_token" \
    -H 'Content-Type: application/json' \
    -d "{\"star\":4,\"certificateNumber\":\"BENCH-$tax\",\"issuedOn\":\"$issued\",\"source\":\"IMPORTED\"}" >/dev/null
  api POST /api/v1/lots "{\"productId\":$product,\"lotNumber\":\"BENCH-1\",\"productionDate\":\"$today\",\"bestBefore\":\"$(date -d '+1 year' +%F)\",\"quantity\":5000000,\"unit\":\"XBO\"}" | json_field id
}

# Reads the stamps' codes back from the database (psql) and writes them as printed codes (Crockford base32 of the
# 80 bits and the Luhn mod 32 check character, as StampCode does): $1 how many (a random sample), $2 the file.
sample_codes() {
  local total percent
  total=$(psql -qAt -h localhost -p "$PGPORT" -U postgres -d ocop -c "SELECT count(*) FROM stamp")
  percent=$(python3 -c "print(min(100.0, max(0.01, $1 * 200.0 / max($total, 1))))")
  psql -qAt -h localhost -p "$PGPORT" -U postgres -d ocop \
    -c "SELECT encode(code, 'hex') FROM stamp TABLESAMPLE BERNOULLI ($percent) ORDER BY random() LIMIT $1" | python3 -c '
import sys
A = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
def check(s):
    f, t = 2, 0
    for ch in reversed(s):
        a = f * A.index(ch); f = 1 if f == 2 else 2; t += a // 32 + a % 32
    return A[(32 - t % 32) % 32]
for line in sys.stdin:
    n = int(line.strip(), 16)
    s = "".join(A[(n >> (5 * (15 - i))) & 31] for i in range(16))
    print(s + check(s))
' >"$2"
}
