#!/usr/bin/env bash
# Registry import benchmark of OCOP Platform: a 20,000-row xlsx through the real API of the runnable jar.
#
# Generates (python3, standard library only) a 20,000-row and a 1,000-row xlsx in the import template's layout:
# about 4 products per producer, communes of Đồng Tháp given by current name, by current code or by legacy commune
# code with a legacy province (mapped to the current commune), a fifth of the products certified (3-4 stars with a
# certificate). Starts the jar on a temp data directory with a small heap (-Xmx256m, to show the import streams),
# gets a token, then for each file measures: upload + validate (POST /api/v1/registry/import -> 201 STAGED) and
# apply (POST .../confirm -> APPLIED); then re-imports the 20,000-row file (idempotent: 0 created, 0 changed).
# Prints the times, rows/s, the ratio total/10 s (the target: 20,000 rows in at most 10 s), the per-row cost ratio
# 20k/1k (about 1 means linear), and the JVM's peak heap use during the run (jstat samples).
#
# Usage: bench/import-20k.sh [--rebuild]
# Settings (environment): ROWS (20000), SMALL_ROWS (1000), HEAP (256m), READY_TIMEOUT_S (120), JAVA (java),
# JAR (the jar to measure; default: target/ocop-platform-*.jar),
# LOG_DIR (unset: when set, the application log, with the import phase timings, is copied there at the end),
# APP_ARGS (extra arguments for the application, e.g. --logging.level.vn.ocop.product=DEBUG).
# Only talks to 127.0.0.1; stops the application and removes its temp directory on exit.
set -euo pipefail
export LC_ALL=C

cd "$(dirname "$0")/.."

ROWS=${ROWS:-20000}
SMALL_ROWS=${SMALL_ROWS:-1000}
HEAP=${HEAP:-256m}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-120}
JAVA=${JAVA:-java}
LOG_DIR=${LOG_DIR:-}
APP_ARGS=${APP_ARGS:-}
readonly PASSWORD=bench-admin-password-1

unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD SPRING_PROFILES_ACTIVE

WORK_DIR=
APP_PID=
JSTAT_PID=

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}
now_ms() { printf '%s' $((${EPOCHREALTIME//[!0-9]/} / 1000)); }

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n $JSTAT_PID ]]; then kill "$JSTAT_PID" 2>/dev/null || true; fi
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 600); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ -n $WORK_DIR ]]; then
    local pid_file=$WORK_DIR/postgres/postmaster.pid pid
    if [[ -f $pid_file ]]; then
      read -r pid <"$pid_file" || true
      if [[ ${pid:-} =~ ^[0-9]+$ && $(cat "/proc/$pid/comm" 2>/dev/null) == postgres ]]; then
        kill -INT "$pid" 2>/dev/null || true
        sleep 2
      fi
    fi
    if [[ -n $LOG_DIR ]]; then
      mkdir -p "$LOG_DIR" && cp "$WORK_DIR/app.log" "$LOG_DIR/" 2>/dev/null || true
    fi
    rm -rf -- "$WORK_DIR"
  fi
  exit "$status"
}

generate() {
  # $1 rows, $2 output file, $3 first tax code number
  python3 - "$1" "$2" "$3" <<'PY'
import csv, random, sys, zipfile
from xml.sax.saxutils import escape

rows, out, first_tax = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
data = "src/main/resources/db/data/admin-units/"
current = [r for r in csv.DictReader(open(data + "communes-2025.csv", encoding="utf-8")) if r["province_code"] == "82"]
mapping = [r for r in csv.DictReader(open(data + "mapping-legacy-to-2025.csv", encoding="utf-8"))
           if r["level"] == "commune" and r["new_province_code"] == "82" and r["coverage"] == "full"
           and r["in_legacy_list"] == "yes"]
legacy_province = {"82": "Tiền Giang", "87": "Đồng Tháp"}
headers = ["Mã số thuế chủ thể*", "Tên chủ thể*", "Loại hình chủ thể*", "Người đại diện", "Điện thoại", "Email",
           "Địa chỉ (số nhà, thôn/ấp)", "Tỉnh/Thành phố*", "Quận/Huyện (cũ)", "Xã/Phường*", "Tên sản phẩm*",
           "Bộ tiêu chí (số 1–26)*", "Mã phân loại cũ (1048)", "Mô tả", "Quy cách đóng gói", "Giá thấp nhất (đồng)",
           "Giá cao nhất (đồng)", "Mã sản phẩm OCOP", "Hạng sao (1–5)", "Số giấy chứng nhận/quyết định",
           "Ngày cấp (dd/mm/yyyy)", "Cấp công nhận", "Ngày hết hạn (dd/mm/yyyy)", "Liên kết TMĐT"]
types = ["Hợp tác xã", "Tổ hợp tác", "Doanh nghiệp", "Hộ kinh doanh"]
goods = ["Nước mắm", "Bánh phồng tôm", "Trà sen", "Mật ong", "Khô cá lóc", "Gạo thơm", "Xoài cát", "Hoa kiểng"]
rnd = random.Random(42)

def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

def cell(r, c, v):
    if v is None or v == "":
        return ""
    if isinstance(v, int):
        return f'<c r="{col(c)}{r}"><v>{v}</v></c>'
    return f'<c r="{col(c)}{r}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'

with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sản phẩm" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
        sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        sheet.write(("<row r=\"1\">" + "".join(cell(1, c, h) for c, h in enumerate(headers)) + "</row>").encode())
        producer = None
        for i in range(rows):
            if i % 4 == 0:
                n = first_tax + i // 4
                kind = rnd.random()
                if kind < 0.5:
                    u = rnd.choice(current)
                    location = ("Đồng Tháp", "", u["full_name"])
                elif kind < 0.75:
                    u = rnd.choice(current)
                    location = ("82", "", u["code"])
                else:
                    m = rnd.choice(mapping)
                    location = (legacy_province[m["legacy_province_code"]], "", m["legacy_code"])
                producer = (f"0{n:09d}", f"HTX Bench {n}", rnd.choice(types), location)
            tax, name, kind, (prov, dist, commune) = producer
            product = f"{rnd.choice(goods)} bench {i}"
            v = [tax, name, kind, "Nguyễn Văn A", "0277 385 1234", "", "Ấp 1", prov, dist, commune, product,
                 f"{rnd.randint(1, 26)}", "", "Mô tả sản phẩm " + str(i), "Hộp 500 g", 50000, 90000, "", "", "", "", "",
                 "", "https://shopee.vn/p" + str(i)]
            if i % 5 == 0:
                v[18] = str(rnd.choice([3, 4]))
                v[19] = f"{i}/QĐ-UBND"
                v[20] = f"{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/{rnd.choice([2022, 2023, 2024])}"
                v[21] = "Tỉnh"
            r = i + 2
            sheet.write(("<row r=\"%d\">" % r + "".join(cell(r, c, x) for c, x in enumerate(v)) + "</row>").encode())
        sheet.write(b"</sheetData></worksheet>")
PY
}

# POST a file; prints "<http status> <milliseconds> <body file>"
upload() {
  local file=$1 out=$WORK_DIR/upload-$(basename "$1").json start end code
  start=$(now_ms)
  code=$(curl -sS -o "$out" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    -F "file=@$file;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" \
    "http://127.0.0.1:$PORT/api/v1/registry/import?size=5")
  end=$(now_ms)
  printf '%s %s %s\n' "$code" $((end - start)) "$out"
}

confirm() {
  local id=$1 out=$WORK_DIR/confirm-$1.json start end code
  start=$(now_ms)
  code=$(curl -sS -o "$out" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$PORT/api/v1/registry/import/$id/confirm?size=1")
  end=$(now_ms)
  printf '%s %s %s\n' "$code" $((end - start)) "$out"
}

json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$1" "$2"; }

# Runs upload + confirm of one file; sets R_UPLOAD R_CONFIRM R_SUMMARY
run_import() {
  local file=$1 code ms out id
  read -r code ms out < <(upload "$file")
  [[ $code == 201 ]] || die "upload of $file answered $code: $(head -c 500 "$out")"
  [[ $(json "$out" "d['batch']['status']") == STAGED ]] ||
    die "upload of $file was not STAGED: $(head -c 1500 "$out")"
  R_UPLOAD=$ms
  id=$(json "$out" "d['batch']['id']")
  read -r code ms out < <(confirm "$id")
  [[ $code == 200 ]] || die "confirm of $file answered $code: $(head -c 500 "$out")"
  R_CONFIRM=$ms
  R_SUMMARY=$(json "$out" "'rows=%d legacy-mapped=%d producers +%d ~%d =%d products +%d ~%d =%d' % (d['batch']['totalRows'], d['batch']['legacyMappedRows'], d['batch']['producersCreated'], d['batch']['producersUpdated'], d['batch']['producersUnchanged'], d['batch']['productsCreated'], d['batch']['productsUpdated'], d['batch']['productsUnchanged'])")
}

main() {
  local rebuild=no
  [[ ${1:-} == --rebuild ]] && rebuild=yes
  [[ ${1:-} == -h || ${1:-} == --help ]] && { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0; }
  command -v curl >/dev/null || die "curl is needed (apt-get install curl)"
  command -v python3 >/dev/null || die "python3 is needed"
  command -v jstat >/dev/null || die "jstat (JDK) is needed for the heap measurement"
  trap cleanup EXIT INT TERM
  WORK_DIR=$(mktemp -d /tmp/ocop-import-bench.XXXXXX)
  shopt -s nullglob
  local jars=(target/ocop-platform-*.jar)
  shopt -u nullglob
  if [[ -n ${JAR:-} ]]; then
    jars=("$JAR")
  elif [[ $rebuild == yes || ${#jars[@]} -eq 0 ]]; then
    log "building the jar (./mvnw -B -q package -DskipTests)"
    ./mvnw -B -q package -DskipTests >&2
    jars=(target/ocop-platform-*.jar)
  fi
  JAR=${jars[0]}

  log "generating $ROWS and $SMALL_ROWS rows"
  generate "$ROWS" "$WORK_DIR/big.xlsx" 700000000
  generate "$SMALL_ROWS" "$WORK_DIR/small.xlsx" 710000000

  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  log "starting $JAR on port $PORT with -Xmx$HEAP"
  OCOP_ADMIN_PASSWORD=$PASSWORD setsid "$JAVA" "-Xmx$HEAP" -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    --ocop.embedded-db.data-directory="$WORK_DIR/postgres" \
    --ocop.embedded-db.binaries-directory="$WORK_DIR/pg-bin" \
    --ocop.demo-data.enabled=false $APP_ARGS >"$WORK_DIR/app.log" 2>&1 &
  APP_PID=$!
  local deadline=$(($(now_ms) + READY_TIMEOUT_S * 1000))
  until curl -fsS --max-time 1 "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q UP; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK_DIR/app.log" >&2; die "the application exited"; }
    (($(now_ms) < deadline)) || die "not ready after $READY_TIMEOUT_S s"
    sleep 0.2
  done
  TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/v1/auth/token" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')

  # Heap in use (young + old, KB), sampled every 100 ms for the whole measured part.
  jstat -gc "$APP_PID" 100 >"$WORK_DIR/jstat.txt" 2>/dev/null &
  JSTAT_PID=$!

  log "warm-up: $SMALL_ROWS rows (discarded), then measured runs"
  run_import "$WORK_DIR/small.xlsx"
  generate "$SMALL_ROWS" "$WORK_DIR/small2.xlsx" 720000000
  run_import "$WORK_DIR/small2.xlsx"
  local s_up=$R_UPLOAD s_conf=$R_CONFIRM s_sum=$R_SUMMARY
  run_import "$WORK_DIR/big.xlsx"
  local b_up=$R_UPLOAD b_conf=$R_CONFIRM b_sum=$R_SUMMARY
  run_import "$WORK_DIR/big.xlsx"
  local r_up=$R_UPLOAD r_conf=$R_CONFIRM r_sum=$R_SUMMARY
  kill "$JSTAT_PID" 2>/dev/null || true
  JSTAT_PID=
  local peak_kb
  peak_kb=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > m) m = u } END { printf "%d", m }' \
    "$WORK_DIR/jstat.txt")

  local b_total=$((b_up + b_conf)) s_total=$((s_up + s_conf))
  echo "== OCOP Platform: registry import ($(date -u +%Y-%m-%dT%H:%MZ)) =="
  printf 'machine          %s CPUs, %s GiB RAM, %s\n' "$(nproc)" \
    "$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)" "$("$JAVA" -version 2>&1 | head -1)"
  printf 'jar              %s, -Xmx%s, embedded PostgreSQL 17 on a temp dir\n' "$JAR" "$HEAP"
  printf 'files            %d rows: %d KB; %d rows: %d KB (xlsx)\n' "$ROWS" $(($(stat -c %s "$WORK_DIR/big.xlsx") / 1024)) \
    "$SMALL_ROWS" $(($(stat -c %s "$WORK_DIR/small2.xlsx") / 1024))
  echo
  printf '%-28s %12s %12s %12s %10s\n' "run" "upload+check" "apply" "total" "rows/s"
  printf '%-28s %9d ms %9d ms %9d ms %10d\n' "$SMALL_ROWS rows (new)" "$s_up" "$s_conf" "$s_total" $((SMALL_ROWS * 1000 / s_total))
  printf '%-28s %9d ms %9d ms %9d ms %10d\n' "$ROWS rows (new)" "$b_up" "$b_conf" "$b_total" $((ROWS * 1000 / b_total))
  printf '%-28s %9d ms %9d ms %9d ms %10d\n' "$ROWS rows (same file again)" "$r_up" "$r_conf" $((r_up + r_conf)) $((ROWS * 1000 / (r_up + r_conf)))
  echo
  printf '  %s rows new:   %s\n' "$SMALL_ROWS" "$s_sum"
  printf '  %s rows new:   %s\n' "$ROWS" "$b_sum"
  printf '  %s rows again: %s\n' "$ROWS" "$r_sum"
  echo
  awk -v t="$b_total" 'BEGIN { printf "ratio total / 10 s target (20,000 rows)      %.2f  (<= 1 meets the target)\n", t / 10000 }'
  awk -v b="$b_total" -v s="$s_total" -v nb="$ROWS" -v ns="$SMALL_ROWS" \
    'BEGIN { printf "per-row cost ratio %d-row / %d-row run     %.2f  (about 1: linear)\n", nb, ns, (b / nb) / (s / ns) }'
  awk -v k="$peak_kb" -v h="$HEAP" 'BEGIN { printf "peak heap in use during the runs           %d MiB (of -Xmx%s)\n", k / 1024, h }'
}

main "$@"
