#!/usr/bin/env bash
# Startup and health benchmark of OCOP Platform.
#
# Measures, in one run on one machine:
#   - time from process launch to readiness (GET /actuator/health/readiness -> 200 UP) for a cold start (fresh
#     data directory: PostgreSQL binaries unpacked, initdb, Flyway migrations), a warm start (same data after a
#     graceful stop) and a start after the JVM was killed with SIGKILL (the embedded PostgreSQL it left behind is
#     taken over and the data must survive);
#   - the CPU seconds the application's JVMs (the launcher and the JVM it starts) used until ready;
#   - throughput and latency (wrk) of /actuator/health next to a small database-backed public endpoint, and the
#     ratio of the two. Ratios measured side by side are what this project compares, not absolute timings.
# Side by side with a baseline build (default: commit b5fae24, built once from a git worktree under the temp dir),
# in interleaved rounds (new, baseline, baseline, new, ...) so that the machine's drift falls on both alike.
#
# Usage: bench/startup-and-health.sh [--rebuild]
# Settings (environment): ROUNDS (2), BASELINE (b5fae24; a commit, or "none"), BASELINE_JAR (a jar instead of
# building BASELINE), NEW_JAR (a jar instead of the newest target/ocop-platform-*.jar), DURATION (10s), WARMUP (3s), THREADS (2), CONNECTIONS (16), READY_TIMEOUT_S (120),
# LOG_DIR (unset: when set, the application logs and wrk outputs are copied there before the temp dir is removed).
# Progress goes to stderr, the results block to stdout. See bench/README.md.
set -euo pipefail
export LC_ALL=C # decimal points in awk/printf output, whatever the caller's locale

cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-120}
LOG_DIR=${LOG_DIR:-}
JAVA=${JAVA:-java}
ROUNDS=${ROUNDS:-2}
BASELINE=${BASELINE:-b5fae24}
BASELINE_JAR=${BASELINE_JAR:-}

readonly STOP_TIMEOUT_S=60 # Spring's graceful shutdown waits at most 30 s per phase; twice that means stuck
readonly POLL_INTERVAL_S=0.1
readonly EXPECTED_PROVINCES=34 # two-tier scheme of 1 July 2025, loaded by a Flyway migration
readonly HEALTH_PATH=/actuator/health
readonly DB_PATH='/api/v1/admin-units?level=province'

# The benchmark must run the default setup (embedded PostgreSQL), whatever the caller's shell exports.
unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD SPRING_PROFILES_ACTIVE

# State shared with the cleanup trap.
WORK_DIR=
APP_PID=
PORT=
JAR=
DATA_DIR= # the embedded PostgreSQL's data of the build being measured
# Per run ("<build>.<round>.<phase>", phase cold, warm or after-crash): launch and first readiness 200 in
# microseconds since the epoch, the CPU time the JVMs had used by then, and the machine's CPU counters at both
# moments (all in clock ticks); the graceful stop in microseconds and the wrk figures per "<build>.<round>".
declare -A LAUNCH_US=() READY_US=() CPU_TICKS=() MACHINE_AT_LAUNCH=() MACHINE_AT_READY=() STOP_US=() WRK=()
declare -A JARS=() ARCHIVE_AT_COLD=()
RUN_ORDER=

# --- small helpers -----------------------------------------------------------------------------------------------

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

die() {
  log "ERROR: $*"
  exit 1
}

# Microseconds since the epoch; integer arithmetic keeps the polling loop free of extra processes.
now_us() { printf '%s' "${EPOCHREALTIME//[!0-9]/}"; }

# Formats a duration in microseconds as seconds with two decimals.
seconds() { printf '%d.%02d' $(($1 / 1000000)) $(($1 % 1000000 / 10000)); }

# Machine-wide CPU counters since boot, summed over all CPUs, in clock ticks: "busy steal". Busy is user + nice +
# system + irq + softirq of every process; steal is time the hypervisor gave our virtual CPUs to someone else.
cpu_counters() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8, $9; exit }' /proc/stat; }

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
}

# --- prerequisites -----------------------------------------------------------------------------------------------

# wrk and curl are Debian packages; as root we install what is missing, otherwise we say what to install.
ensure_tools() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
      log "installing ${missing[*]} (apt-get)"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      log "this benchmark needs the Debian packages: ${missing[*]}"
      log "install them as root:  apt-get install ${missing[*]}"
      exit 1
    fi
  fi
  command -v python3 >/dev/null 2>&1 || die "python3 is needed (free port, JSON check)"
  command -v "$JAVA" >/dev/null 2>&1 || die "no '$JAVA' on PATH: a JDK 17+ is needed (or set JAVA)"
  [[ $DURATION =~ ^[0-9]+[smh]?$ && $WARMUP =~ ^[0-9]+[smh]?$ ]] ||
    die "DURATION and WARMUP take wrk durations such as 10s or 1m (got '$DURATION', '$WARMUP')"
}

# Picks the newest target/ocop-platform-*.jar (or NEW_JAR), building it first when there is none or --rebuild was
# given.
ensure_jar() {
  local rebuild=$1 candidate
  local -a jars=()
  if [[ -n ${NEW_JAR:-} ]]; then
    [[ -f $NEW_JAR ]] || die "NEW_JAR $NEW_JAR does not exist"
    JAR=$NEW_JAR
    log "jar: $JAR"
    return
  fi
  shopt -s nullglob
  jars=(target/ocop-platform-*.jar)
  shopt -u nullglob
  if [[ $rebuild == yes || ${#jars[@]} -eq 0 ]]; then
    log "building the jar (./mvnw -B -q package -DskipTests)"
    ./mvnw -B -q package -DskipTests >&2
    shopt -s nullglob
    jars=(target/ocop-platform-*.jar)
    shopt -u nullglob
    ((${#jars[@]})) || die "the build produced no target/ocop-platform-*.jar"
  fi
  JAR=${jars[0]}
  for candidate in "${jars[@]}"; do
    if [[ $candidate -nt $JAR ]]; then JAR=$candidate; fi
  done
  log "jar: $JAR"
}

# The baseline jar: BASELINE_JAR, or BASELINE built once in a git worktree (kept under the temp dir across runs,
# so the lead can re-run the comparison without rebuilding it).
ensure_baseline() {
  if [[ -n $BASELINE_JAR ]]; then
    [[ -f $BASELINE_JAR ]] || die "BASELINE_JAR $BASELINE_JAR does not exist"
    JARS[baseline]=$BASELINE_JAR
    return
  fi
  [[ $BASELINE == none ]] && return
  local commit tree jars=()
  commit=$(git rev-parse --short "$BASELINE^{commit}") || die "BASELINE $BASELINE is not a commit of this repository"
  tree=${TMPDIR:-/tmp}/ocop-bench-baseline-$commit
  if [[ ! -d $tree ]]; then
    log "baseline: git worktree of $commit in $tree"
    git worktree add --detach "$tree" "$commit" >&2
  fi
  shopt -s nullglob
  jars=("$tree"/target/ocop-platform-*.jar)
  shopt -u nullglob
  if ((${#jars[@]} == 0)); then
    log "baseline: building the jar of $commit (./mvnw -B -q package -DskipTests)"
    (cd "$tree" && ./mvnw -B -q package -DskipTests -Docop.fast-start.skip-training=true >&2)
    jars=("$tree"/target/ocop-platform-*.jar)
  fi
  JARS[baseline]=${jars[0]}
  log "baseline jar: ${JARS[baseline]}"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# --- the application under test ----------------------------------------------------------------------------------

# Starts the jar in the background on the benchmark's data directory; output goes to $WORK_DIR/<phase>.log.
# setsid puts it in its own session so a Ctrl-C on the benchmark reaches neither the JVM nor its PostgreSQL
# directly: the cleanup trap stops them in order (SIGTERM), as a service manager would.
start_app() {
  local phase=$1
  MACHINE_AT_LAUNCH[$phase]=$(cpu_counters)
  LAUNCH_US[$phase]=$(now_us)
  setsid "$JAVA" -jar "$JAR" \
    --server.address=127.0.0.1 \
    --server.port="$PORT" \
    --ocop.embedded-db.data-directory="$DATA_DIR" \
    --ocop.embedded-db.binaries-directory="$WORK_DIR/pg-bin" \
    --ocop.demo-data.enabled=false \
    >"$WORK_DIR/$phase.log" 2>&1 &
  APP_PID=$!
  log "$phase start: pid $APP_PID, port $PORT"
}

# Polls the readiness probe every POLL_INTERVAL_S until it answers 200 UP; gives up after READY_TIMEOUT_S or
# as soon as the process dies, showing the end of its log.
wait_ready() {
  local phase=$1 deadline body
  deadline=$((LAUNCH_US[$phase] + READY_TIMEOUT_S * 1000000))
  while (($(now_us) < deadline)); do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      log "the application exited during the $phase start; end of $phase.log:"
      tail -n 40 "$WORK_DIR/$phase.log" >&2
      exit 1
    fi
    body=$(curl -fsS --max-time 1 "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null) || body=
    if [[ $body == *'"status":"UP"'* ]]; then
      READY_US[$phase]=$(now_us)
      MACHINE_AT_READY[$phase]=$(cpu_counters)
      CPU_TICKS[$phase]=$(jvm_cpu_ticks)
      log "$phase start: ready after $(seconds $((READY_US[$phase] - LAUNCH_US[$phase]))) s"
      return 0
    fi
    sleep "$POLL_INTERVAL_S"
  done
  log "the application was not ready ${READY_TIMEOUT_S} s after the $phase start; end of $phase.log:"
  tail -n 40 "$WORK_DIR/$phase.log" >&2
  exit 1
}

# CPU time (user + system, clock ticks) used so far by the application's JVMs: every java process of its session,
# i.e. the JVM we launched and, since the fast start (decision 0014), the JVM it starts with the class-data archive.
# Unlike wall time it hardly moves when other work shares the machine, which helps to read a slow start. Also
# checks that APP_PID is the JVM itself (setsid execs it from our non-job-control shell), since every signal we
# send relies on that.
jvm_cpu_ticks() {
  local pid stat total=0
  [[ $(cat "/proc/$APP_PID/comm" 2>/dev/null) == java ]] ||
    die "pid $APP_PID is not the JVM ($(cat "/proc/$APP_PID/comm" 2>/dev/null)); run the benchmark without job control"
  for pid in $(session_java_pids); do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    stat=${stat##*) } # fields after "pid (comm) ": state is field 3, utime 14, stime 15
    total=$((total + $(awk '{ print $12 + $13 }' <<<"$stat")))
  done
  printf '%s' "$total"
}

# Pids of the java processes in the application's session (setsid made APP_PID its leader).
session_java_pids() {
  local pid
  for pid in $(ps -o pid= -s "$APP_PID" 2>/dev/null); do
    [[ $(cat "/proc/$pid/comm" 2>/dev/null) == java ]] && printf '%s\n' "$pid"
  done
  return 0
}

# Waits (bounded) for a process to disappear; returns 1 if it is still there after $2 seconds.
wait_gone() {
  local pid=$1 timeout_s=$2 i
  for ((i = 0; i < timeout_s * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

# Graceful stop: SIGTERM lets Spring close the pools and stop the embedded PostgreSQL (which removes its
# postmaster.pid). Prints the time it took in microseconds; returns 1 if the JVM did not exit in time.
stop_app() {
  local started pid=$APP_PID
  started=$(now_us)
  kill -TERM "$pid" 2>/dev/null || true
  wait_gone "$pid" "$STOP_TIMEOUT_S" || return 1
  wait "$pid" 2>/dev/null || true # reap it; its exit status (143) is expected
  APP_PID=
  printf '%s' $(($(now_us) - started))
}

# Simulated crash: the JVM dies at once and leaves its PostgreSQL running as an orphan, which the next start
# must notice and stop before starting its own server on the same data.
crash_app() {
  local pid=$APP_PID postmaster others
  others=$(session_java_pids | grep -vx "$pid" || true)
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null || true
  # The JVM the launcher started notices its launcher's death and kills itself the same way; wait for that, so
  # the next start does not meet it (bounded: a JVM left behind would be a bug worth failing on).
  for others in $others; do
    wait_gone "$others" 30 || die "JVM $others was still running 30 s after its launcher was killed"
  done
  APP_PID=
  postmaster=$(postmaster_pid)
  if [[ -n $postmaster ]]; then
    log "JVM killed; its PostgreSQL (pid $postmaster) is still running, as after a real crash"
  else
    log "JVM killed; no PostgreSQL left running"
  fi
}

# Pid of a live postmaster on the benchmark's data directory, or nothing.
postmaster_pid() {
  local pid_file=$DATA_DIR/postmaster.pid pid
  [[ -n $DATA_DIR ]] || return 0
  [[ -f $pid_file ]] || return 0
  read -r pid <"$pid_file" || return 0
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  if [[ $(cat "/proc/$pid/comm" 2>/dev/null) == postgres ]]; then
    printf '%s' "$pid"
  fi
}

# After the crash start: the provinces are there and Flyway found its schema up to date. The second check is
# the one that proves the cluster survived: on an empty cluster the migrations would run again and reload the
# same 34 provinces.
verify_data_survived() {
  local json count
  json=$(curl -fsS --max-time 10 "http://127.0.0.1:$PORT$DB_PATH") || die "GET $DB_PATH failed after the crash"
  count=$(python3 -c 'import json, sys; d = json.load(sys.stdin); print(len(d) if isinstance(d, list) else -1)' \
    <<<"$json") || die "GET $DB_PATH did not return JSON after the crash"
  ((count == EXPECTED_PROVINCES)) ||
    die "GET $DB_PATH returned $count items after the crash, expected $EXPECTED_PROVINCES"
  grep -q 'Schema "public" is up to date' "$WORK_DIR/$1.log" ||
    die "after the crash Flyway did not find the existing schema: the data did not survive (see after-crash.log)"
  log "after the crash: $count provinces, schema history intact"
}

# --- load test ---------------------------------------------------------------------------------------------------

# A freshly started JVM is still compiling (C1/C2 threads take much of 2 cores for a while), so every endpoint
# gets a discarded warm-up run before either is measured: the first measured endpoint would otherwise pay for
# the code paths both share (Tomcat, security filters, Jackson).
warm_up() {
  local path=$1
  log "wrk warm-up $path: $WARMUP (discarded)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$PORT$path" >/dev/null
}

measure() {
  local name=$1 path=$2
  log "wrk $path: $DURATION measured"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$path" >"$WORK_DIR/wrk-$name.txt"
  WRK[$name]=$(wrk_summary "$WORK_DIR/wrk-$name.txt")
}

# Prints "requests/s p50_ms p99_ms errors" from a wrk --latency output; errors = non-2xx/3xx + socket errors.
wrk_summary() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000
      if (v ~ /ms$/) return v + 0
      if (v ~ /m$/)  return v * 60000
      if (v ~ /s$/)  return v * 1000
      return v
    }
    /^Requests\/sec:/            { rps = $2 }
    $1 == "50%"                  { p50 = ms($2) }
    $1 == "99%"                  { p99 = ms($2) }
    /Non-2xx or 3xx responses:/  { errors += $NF }
    /Socket errors:/             { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    END { printf "%.1f %.2f %.2f %d\n", rps, p50, p99, errors }
  ' "$1"
}

# --- reporting ---------------------------------------------------------------------------------------------------

# Seconds from launch to the first app-log line matching a pattern (Spring's console format starts each line
# with an ISO timestamp), or "-" when the line is not there.
milestone() {
  local phase=$1 pattern=$2 line at
  line=$(grep -m1 -E "$pattern" "$WORK_DIR/$phase.log" 2>/dev/null) || {
    printf -- '-'
    return
  }
  at=$(date -d "${line%% *}" +%s%6N 2>/dev/null) || {
    printf -- '-'
    return
  }
  seconds $((at - LAUNCH_US[$phase]))
}

machine_facts() {
  local cpu mem_kb java_version
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  mem_kb=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
  java_version=$("$JAVA" -version 2>&1)
  printf 'machine          %s CPUs (%s), %s GiB RAM, Linux %s\n' \
    "$(nproc)" "${cpu:-unknown}" "$(awk -v k="$mem_kb" 'BEGIN { printf "%.1f", k / 1048576 }')" "$(uname -r)"
  printf 'java             %s\n' "${java_version%%$'\n'*}"
}

# Median of numbers (one per line on stdin); "-" when there are none.
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit } m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m }'
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'
}

# Seconds of one run's figure: ready (launch -> readiness), cpu (JVMs' CPU until ready), all (all processes' CPU),
# stop (graceful stop of the round), or req/s: health-rps, db-rps.
figure() {
  local id=$1 what=$2 ticks_per_s
  ticks_per_s=$(getconf CLK_TCK)
  case $what in
    ready) seconds $((READY_US[$id] - LAUNCH_US[$id])) ;;
    cpu) seconds $((CPU_TICKS[$id] * 1000000 / ticks_per_s)) ;;
    all) awk -v a="${MACHINE_AT_LAUNCH[$id]}" -v b="${MACHINE_AT_READY[$id]}" -v t="$ticks_per_s" \
      'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.2f", (y[1] - x[1]) / t }' ;;
    stop) seconds "${STOP_US[$id]}" ;;
    health-rps) awk '{ print $1 }' <<<"${WRK[$id.health]}" ;;
    db-rps) awk '{ print $1 }' <<<"${WRK[$id.admin-units]}" ;;
  esac
}

# The median of a figure over the rounds of a build; phase is empty for per-round figures.
build_median() {
  local build=$1 phase=$2 what=$3 round id
  for ((round = 1; round <= ROUNDS; round++)); do
    id=$build.$round
    [[ -n $phase ]] && id=$id.$phase
    figure "$id" "$what"
    echo
  done | median
}

print_results() {
  local load_start=$1 build round phase id i
  local -a builds=(new)
  [[ -n ${JARS[baseline]:-} ]] && builds+=(baseline)

  echo "== OCOP Platform: startup and health ($(date -u +%Y-%m-%dT%H:%MZ)) =="
  machine_facts
  printf 'load average     %s before the run, %s after (1/5/15 min; other work on the machine lengthens start-up)\n' \
    "$load_start" "$(cut -d' ' -f1-3 /proc/loadavg)"
  for build in "${builds[@]}"; do
    printf 'jar %-12s %s (%s MiB); class-data archive at the cold starts: %s\n' "$build" "${JARS[$build]}" \
      $(($(stat -c %s "${JARS[$build]}") / 1048576)) "${ARCHIVE_AT_COLD[$build.1]}"
  done
  printf 'rounds           %s, interleaved: %s\n' "$ROUNDS" "$RUN_ORDER"
  printf 'wrk              -t%s -c%s -d%s --latency, after a %s warm-up per endpoint\n' \
    "$THREADS" "$CONNECTIONS" "$DURATION" "$WARMUP"
  echo
  echo "every run: seconds to ready (launch -> readiness 200) and CPU seconds of the application's JVMs until then"
  printf '  %-12s %7s %7s %7s %7s %9s %9s %9s\n' run cold warm crash stop "CPU cold" "CPU warm" "CPU crash"
  for build in "${builds[@]}"; do
    for ((round = 1; round <= ROUNDS; round++)); do
      id=$build.$round
      printf '  %-12s %7s %7s %7s %7s %9s %9s %9s\n' "$id" \
        "$(figure "$id.cold" ready)" "$(figure "$id.warm" ready)" "$(figure "$id.after-crash" ready)" \
        "$(figure "$id" stop)" \
        "$(figure "$id.cold" cpu)" "$(figure "$id.warm" cpu)" "$(figure "$id.after-crash" cpu)"
    done
  done
  echo
  echo "medians over the rounds"
  printf '  %-40s %10s %10s %12s\n' "" new baseline new/baseline
  local -a rows=(
    "cold start (unpack, initdb, migrations), s|cold|ready"
    "warm start (after SIGTERM), s|warm|ready"
    "start after SIGKILL (orphan taken over), s|after-crash|ready"
    "graceful stop (SIGTERM -> exit), s||stop"
    "CPU s of the JVMs: cold start|cold|cpu"
    "CPU s of the JVMs: warm start|warm|cpu"
    "CPU s of the JVMs: start after SIGKILL|after-crash|cpu"
    "CPU s of all processes: warm start|warm|all"
    "/actuator/health, req/s||health-rps"
    "/api/v1/admin-units?level=province, req/s||db-rps"
  )
  local row label what new old
  for row in "${rows[@]}"; do
    IFS='|' read -r label phase what <<<"$row"
    new=$(build_median new "$phase" "$what")
    old=-
    [[ -n ${JARS[baseline]:-} ]] && old=$(build_median baseline "$phase" "$what")
    printf '  %-40s %10s %10s %12s\n' "$label" "$new" "$old" "$(ratio "$new" "$old")"
  done
  echo
  echo "where the warm start's time goes, seconds since launch (app log timestamps, round 1)"
  printf '  %-30s %11s %11s\n' milestone new baseline
  local -a names=(
    "Spring Boot starting" "embedded PostgreSQL ready" "Flyway done" "Hibernate ready"
    "Tomcat started" "application started"
  )
  local -a patterns=(
    'Starting OcopApplication' 'Embedded PostgreSQL .* ready' 'Successfully applied|is up to date'
    'Initialized JPA EntityManagerFactory' 'Tomcat started' 'Started OcopApplication'
  )
  for i in "${!names[@]}"; do
    printf '  %-30s' "${names[$i]}"
    for build in new baseline; do
      if [[ -n ${JARS[$build]:-} ]]; then
        printf ' %11s' "$(milestone "$build.1.warm" "${patterns[$i]}")"
      else
        printf ' %11s' -
      fi
    done
    echo
  done
}

# --- cleanup -----------------------------------------------------------------------------------------------------

# Runs on every exit: stops the application (SIGTERM, SIGKILL if stuck), any PostgreSQL still running on the
# benchmark's data (an orphan of a killed JVM), keeps the logs if asked, removes the temp dir.
cleanup() {
  local status=$? pid
  trap - EXIT INT TERM
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "cleanup: stopping the application (pid $APP_PID)"
    if ! stop_app >/dev/null; then
      kill -KILL "$APP_PID" 2>/dev/null || true
      wait "$APP_PID" 2>/dev/null || true
    fi
  fi
  if [[ -n $WORK_DIR ]]; then
    pid=$(postmaster_pid)
    if [[ -n $pid ]]; then
      log "cleanup: stopping PostgreSQL (pid $pid) left on the benchmark data"
      kill -INT "$pid" 2>/dev/null || true # fast shutdown
      wait_gone "$pid" 30 || kill -KILL "$pid" 2>/dev/null || true
    fi
    if [[ -n $LOG_DIR ]]; then
      if mkdir -p "$LOG_DIR" && cp "$WORK_DIR"/*.log "$WORK_DIR"/wrk-*.txt "$LOG_DIR"/ 2>/dev/null; then
        log "cleanup: logs copied to $LOG_DIR"
      else
        log "cleanup: could not copy all logs to $LOG_DIR"
      fi
    fi
    rm -rf -- "$WORK_DIR"
  fi
  exit "$status"
}

# --- main --------------------------------------------------------------------------------------------------------

# One round of a build: cold start on a fresh data directory, graceful stop, warm start, SIGKILL, start after it
# (data checked), wrk on that instance, graceful stop.
run_build() {
  local build=$1 round=$2 id=$1.$2 stop_us
  JAR=${JARS[$build]}
  DATA_DIR=$WORK_DIR/postgres-$id
  ARCHIVE_AT_COLD[$id]=$(archive_state "$JAR")
  log "== $id: $JAR (class-data archive: ${ARCHIVE_AT_COLD[$id]})"

  start_app "$id.cold"
  wait_ready "$id.cold"
  stop_us=$(stop_app) || die "the application did not stop within ${STOP_TIMEOUT_S} s of SIGTERM"
  STOP_US[$id]=$stop_us
  [[ -z $(postmaster_pid) ]] || die "PostgreSQL still running after a graceful stop"
  log "graceful stop took $(seconds "$stop_us") s"

  start_app "$id.warm"
  wait_ready "$id.warm"

  crash_app
  start_app "$id.after-crash"
  wait_ready "$id.after-crash"
  verify_data_survived "$id.after-crash"

  warm_up "$HEALTH_PATH"
  warm_up "$DB_PATH"
  measure "$id.health" "$HEALTH_PATH"
  measure "$id.admin-units" "$DB_PATH"

  stop_app >/dev/null || die "the application did not stop within ${STOP_TIMEOUT_S} s of SIGTERM"
  rm -rf -- "$DATA_DIR"
  DATA_DIR=
}

# Whether the jar's fast start (decision 0014) has a class-data archive in place before its cold start.
archive_state() {
  local cache=${1%.jar}.fast-start
  local -a archives=()
  # (no pipe into grep -q here: with pipefail, unzip's SIGPIPE would fail the test)
  if ! unzip -l "$1" 'BOOT-INF/classes/vn/ocop/shared/launch/FastStart.class' >/dev/null 2>&1; then
    printf 'none (no fast start in this build)'
    return
  fi
  shopt -s nullglob
  archives=("$cache"/archive-*.jsa)
  shopt -u nullglob
  if ((${#archives[@]})); then printf 'present'; else printf 'absent (written at the first stop)'; fi
}

main() {
  local rebuild=no load_start round build
  while (($#)); do
    case $1 in
      --rebuild) rebuild=yes ;;
      -h | --help)
        usage
        exit 0
        ;;
      *)
        usage >&2
        exit 2
        ;;
    esac
    shift
  done
  [[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive number (got '$ROUNDS')"

  ensure_tools
  ensure_jar "$rebuild"
  JARS[new]=$JAR
  ensure_baseline

  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ocop-bench.XXXXXX")
  PORT=$(free_port)
  load_start=$(cut -d' ' -f1-3 /proc/loadavg)
  log "work dir $WORK_DIR, port $PORT, load average $load_start"
  # Start-up is CPU-bound, so other work on the machine lengthens every time below; say so rather than hide it.
  if awk -v l="${load_start%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n / 4) }'; then
    log "WARNING: the machine is busy (1-min load ${load_start%% *} on $(nproc) CPUs); timings will be longer"
  fi

  # new, baseline, baseline, new, new, baseline, ...: each build equally often early and late
  RUN_ORDER=
  for ((round = 1; round <= ROUNDS; round++)); do
    local -a order=(new baseline)
    ((round % 2 == 0)) && order=(baseline new)
    for build in "${order[@]}"; do
      [[ -n ${JARS[$build]:-} ]] || continue
      RUN_ORDER+="${RUN_ORDER:+ }$build.$round"
      run_build "$build" "$round"
    done
  done

  print_results "$load_start"
}

main "$@"
