# Shell functions shared by the benchmarks (src/bench/run.sh, src/bench/search.sh); sourced, not run.
#
# The sourcing script sets, before calling any of them:
#   ROOT  the repository root (the working directory)
#   OUT   directory for logs, the copy of the service and results
#   DB    database to recreate in the local PostgreSQL
# and uses PORT, TOKEN, BASE and JAR as defined here.
# shellcheck shell=bash

PORT=8089
TOKEN=bench
BASE=http://127.0.0.1:$PORT
JAR=target/khabar-runner.jar

# The JVM options README.md recommends for deploying ("Deploying"): what the benchmarks run the service with unless
# JAVA_OPTS says otherwise.
RECOMMENDED_JAVA_OPTS="-Xmx128m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -Xss512k -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=2000"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# require_positive VAR...: each variable holds a positive integer; normalised to decimal without leading zeros.
require_positive() {
    local v
    for v in "$@"; do
        [[ ${!v} =~ ^[0-9]+$ ]] && (( 10#${!v} > 0 )) || die "$v must be a positive integer, was '${!v}'"
        printf -v "$v" '%d' "$((10#${!v}))"
    done
}

# require_tools FILE...: wrk and nginx (installed from Debian's packages if missing) and the other tools are there, and
# so are the given files.
require_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
    if (( ${#missing[@]} > 0 )); then
        log "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        if ! apt-get install -y -q "${missing[@]}" >"$OUT/apt.log" 2>&1; then
            { apt-get update -q && apt-get install -y -q "${missing[@]}"; } >>"$OUT/apt.log" 2>&1 \
                || { tail -20 "$OUT/apt.log" >&2; die "could not install ${missing[*]} (log: $OUT/apt.log)"; }
        fi
    fi
    local f tool
    for f in "$@"; do
        [[ -f $f ]] || die "$f is missing"
    done
    for tool in wrk python3 java curl psql pg_isready taskset; do
        command -v "$tool" >/dev/null || die "$tool is not installed"
    done
}

# prepare_app: builds the jar if missing and copies it to $OUT, so that a rebuild of target/ while the benchmark runs
# cannot pull classes from under the service; then builds its class-data-sharing archive there, as README recommends
# ("Deploying"), unless CDS=0. Sets RUNNER (the copy), ARCHIVE (empty without one), JAR_BUILT and SOURCE.
prepare_app() {
    if [[ ! -f $JAR ]]; then
        log "$JAR missing: building it (./mvnw -B -q package -DskipTests)"
        ./mvnw -B -q package -DskipTests || die "the build failed"
        [[ -f $JAR ]] || die "the build did not produce $JAR"
    fi
    JAR_BUILT=$(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')
    cp -p "$JAR" "$OUT/khabar-runner.jar" || die "could not copy $JAR to $OUT"
    RUNNER=$(realpath "$OUT/khabar-runner.jar")
    ARCHIVE=
    if [[ ${CDS:-1} != 0 ]]; then
        log "building the class-data-sharing archive (src/main/scripts/cds-archive.sh; log: $OUT/cds.log)"
        JAVA_OPTS=${JAVA_OPTS:-} src/main/scripts/cds-archive.sh "$RUNNER" "$OUT/khabar.jsa" >"$OUT/cds.log" 2>&1 \
            || { tail -20 "$OUT/cds.log" >&2; die "could not build the archive"; }
        ARCHIVE=$(realpath "$OUT/khabar.jsa")
    fi
    SOURCE=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    if [[ -n $(git --no-optional-locks status --porcelain --untracked-files=no -- src pom.xml 2>/dev/null) ]]; then
        SOURCE="$SOURCE with uncommitted changes"
    fi
}

# require_free_port: a service already on the port would answer our health checks instead of ours.
require_free_port() {
    if curl -s -o /dev/null --max-time 2 "$BASE/"; then
        die "something is already listening on port $PORT; stop it first"
    fi
}

# recreate_database: starts PostgreSQL if it is down, then drops and creates $DB.
recreate_database() {
    if ! pg_isready -q -h 127.0.0.1 -p 5432; then
        log "starting PostgreSQL 15"
        pg_ctlcluster --skip-systemctl-redirect 15 main start || die "could not start PostgreSQL"
        for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
        pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL is not accepting connections on 127.0.0.1:5432"
    fi
    log "recreating database $DB"
    PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
        -c "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null \
        || die "could not recreate database $DB"
}

# psql_db ARGS...: psql on $DB, stopping at the first error.
psql_db() {
    psql -h 127.0.0.1 -p 5432 -U postgres -d "$DB" -v ON_ERROR_STOP=1 "$@"
}

SERVICE_PID=
stop_service() {
    if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        log "stopping the service (pid $SERVICE_PID)"
        kill -TERM "$SERVICE_PID" 2>/dev/null || true
        for _ in $(seq 30); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$SERVICE_PID" 2>/dev/null || true
        wait "$SERVICE_PID" 2>/dev/null || true
    fi
    SERVICE_PID=
}

# start_service [LOG]: starts the copy in $OUT (with ARCHIVE, if set; READ_CACHE=false turns its read cache off)
# against $DB on $PORT (stopped again on exit), logging to LOG ($OUT/service.log by default), and waits until it is
# ready; STARTUP_MS is the time from launch to ready.
# JAVA_OPTS: extra JVM options. Rate limits are off: the benchmark is one client sending thousands of requests a
# second, which is what they exist to stop.
start_service() {
    local svclog=${1:-$OUT/service.log}
    trap stop_service EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    log "starting the service on port $PORT (log: $svclog)"
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
    QUARKUS_DATASOURCE_USERNAME=postgres \
    CONTENT_ADMIN_TOKEN=$TOKEN \
    CONTENT_RATE_LIMIT_ANONYMOUS=0 \
    CONTENT_RATE_LIMIT_KEY=0 \
    CONTENT_READ_CACHE_ENABLED=${READ_CACHE:-true} \
    QUARKUS_HTTP_PORT=$PORT \
        java ${JAVA_OPTS:-} ${ARCHIVE:+-XX:SharedArchiveFile=$ARCHIVE} -jar "$RUNNER" >"$svclog" 2>&1 &
    SERVICE_PID=$!

    local started=$SECONDS started_ns
    started_ns=$(date +%s%N)
    until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/q/health/ready" || true) == 200 ]]; do
        if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
            tail -40 "$svclog" >&2
            die "the service exited during start-up (log: $svclog)"
        fi
        if (( SECONDS - started > 180 )); then
            tail -40 "$svclog" >&2
            die "the service was not ready after 180 s (log: $svclog)"
        fi
        sleep 0.05 # fine enough for STARTUP_MS to mean something
    done
    STARTUP_MS=$(( ($(date +%s%N) - started_ns) / 1000000 ))
    log "service ready after $STARTUP_MS ms"
}

# load_articles COUNT THREADS LOG TARGETS [SERVICE_LOG]: creates COUNT generated articles through the API and
# sources the TARGETS file the loader writes (ARTICLES_LOADED, LOAD_SECONDS, LOAD_RATE, ids and slugs).
load_articles() {
    local count=$1 threads=$2 loadlog=$3 targets=$4 svclog=${5:-$OUT/service.log}
    log "loading $count articles with $threads concurrent writers"
    python3 src/bench/load.py --url "$BASE" --token "$TOKEN" --count "$count" --threads "$threads" \
        --out "$targets" 2>&1 | tee "$loadlog" >&2 \
        || die "loading failed (log: $loadlog, service log: $svclog)"
    # shellcheck source=/dev/null
    source "$targets"
}

# vacuum_analyze: planner statistics, as a database in service would have them (autovacuum may be off, or not have
# run yet): without them PostgreSQL guesses a handful of rows and, for instance, sorts every article to list 20.
vacuum_analyze() {
    log "vacuum analyze"
    psql_db -q -c "vacuum analyze" || die "vacuum analyze failed"
}

# run_wrk NAME THREADS CONNECTIONS SECONDS PATH: runs wrk, keeps its output in $OUT/NAME.txt, prints the BENCH line.
# WRK_TIMEOUT, if set (e.g. 30s), replaces wrk's default of 2 s: a slower answer counts as a timeout error and is left
# out of the latencies.
run_wrk() {
    local name=$1 threads=$2 conns=$3 secs=$4 path=$5
    wrk -t"$threads" -c"$conns" -d"${secs}s" ${WRK_TIMEOUT:+--timeout "$WRK_TIMEOUT"} ${WRK_HEADER:+-H "$WRK_HEADER"} --latency \
        -s src/bench/report.lua "$BASE$path" >"$OUT/$name.txt" 2>&1 \
        || { cat "$OUT/$name.txt" >&2; die "wrk failed for $path"; }
    grep '^BENCH ' "$OUT/$name.txt" || { cat "$OUT/$name.txt" >&2; die "no BENCH line from wrk for $path"; }
}

# Warms PATH up, then measures it at 2 and at 16 connections. Leaves one "connections wrk-line" entry per run in
# MEASURED and adds the runs' errors to TOTAL_ERRORS. NAME prefixes the wrk log files, LABEL is for the log.
measure() {
    local name=$1 label=$2 path=$3 spec threads conns line
    MEASURED=()
    log "warming up $label (${WARMUP} s)"
    run_wrk "$name-warmup" 2 16 "$WARMUP" "$path" >/dev/null
    for spec in "1 2" "2 16"; do
        read -r threads conns <<<"$spec"
        log "measuring $label at $conns connections (${DURATION} s)"
        line=$(run_wrk "$name-c$conns" "$threads" "$conns" "$DURATION" "$path")
        TOTAL_ERRORS=$((TOTAL_ERRORS + $(field errors "$line")))
        MEASURED+=("$conns $line")
    done
}

# field KEY LINE: the value of KEY=value in a BENCH line.
field() { local kv; for kv in $2; do [[ $kv == "$1="* ]] && { echo "${kv#*=}"; return; }; done; echo "?"; }

# machine_line: CPUs, memory, Java and the time, the first line of a report.
machine_line() {
    local cpu mem java_version
    cpu=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//; s/  */ /g')
    mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    java_version=$(java -version 2>&1 | head -1 | sed -E 's/.*version "([^"]+)".*/\1/')
    echo "Machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $mem RAM; Java $java_version; $(date -u '+%Y-%m-%d %H:%M UTC')"
}
