#!/usr/bin/env bash
# Read benchmark of the Khabar API. From the repository root:
#
#   src/bench/run.sh                          # 10,000 articles, 15 s per run
#   ARTICLES=500 DURATION=3 src/bench/run.sh  # a quick check
#
# Environment: ARTICLES (default 10000), DURATION seconds per measured run (15), WARMUP seconds per endpoint (5),
# LOAD_THREADS concurrent writers while loading (8), JAVA_OPTS extra JVM options for the service.
#
# What it does: installs wrk if missing, builds the jar if missing, recreates the database khabar_bench in the local
# PostgreSQL (127.0.0.1:5432, user postgres), starts the service on port 8089 against it (stopped again on exit),
# loads ARTICLES generated articles through the API (src/bench/load.py, half Arabic, half English, fixed seed), then
# runs wrk against three read endpoints at 2 and 16 connections and prints a Markdown table, also written to
# target/bench/results.md. Logs (service, loader, every wrk run) are kept in target/bench/. The service runs from a
# copy of target/quarkus-app (target/bench/quarkus-app), so that a rebuild during the run does not disturb it.
# Exits non-zero if any step fails or any request of a measured run fails.
#
# The service, PostgreSQL and wrk share this machine's CPUs: figures are for comparing runs on the same machine,
# not capacity planning.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

ARTICLES=${ARTICLES:-10000}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
LOAD_THREADS=${LOAD_THREADS:-8}
PORT=8089
DB=khabar_bench
TOKEN=bench
BASE=http://127.0.0.1:$PORT
JAR=target/quarkus-app/quarkus-run.jar
OUT=target/bench

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

for v in ARTICLES DURATION WARMUP LOAD_THREADS; do
    [[ ${!v} =~ ^[0-9]+$ ]] && (( 10#${!v} > 0 )) || die "$v must be a positive integer, was '${!v}'"
    printf -v "$v" '%d' "$((10#${!v}))"
done
[[ $ARTICLES -ge 2 ]] || die "ARTICLES must be at least 2"

mkdir -p "$OUT"

# --- tools -------------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    log "installing wrk"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -q wrk >"$OUT/apt.log" 2>&1; then
        { apt-get update -q && apt-get install -y -q wrk; } >>"$OUT/apt.log" 2>&1 \
            || { tail -20 "$OUT/apt.log" >&2; die "could not install wrk (log: $OUT/apt.log)"; }
    fi
fi
for f in src/bench/load.py src/bench/report.lua; do
    [[ -f $f ]] || die "$f is missing"
done
for tool in wrk python3 java curl psql pg_isready; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done

# --- application -------------------------------------------------------------------------------------------------
if [[ ! -f $JAR ]]; then
    log "$JAR missing: building it (./mvnw -B -q package -DskipTests)"
    ./mvnw -B -q package -DskipTests || die "the build failed"
    [[ -f $JAR ]] || die "the build did not produce $JAR"
fi
# Run a copy, so that a rebuild of target/ while the benchmark runs cannot pull classes from under the service.
JAR_BUILT=$(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')
rm -rf "$OUT/quarkus-app"
cp -a target/quarkus-app "$OUT/quarkus-app" || die "could not copy target/quarkus-app to $OUT/quarkus-app"
SOURCE=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git --no-optional-locks status --porcelain --untracked-files=no -- src pom.xml 2>/dev/null) ]]; then
    SOURCE="$SOURCE with uncommitted changes"
fi

# Before touching the database: a service already on the port would answer our health checks instead of ours.
if curl -s -o /dev/null --max-time 2 "$BASE/"; then
    die "something is already listening on port $PORT; stop it first"
fi

# --- database ----------------------------------------------------------------------------------------------------
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

# --- service -----------------------------------------------------------------------------------------------------
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
trap stop_service EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "starting the service on port $PORT (log: $OUT/service.log)"
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
QUARKUS_DATASOURCE_USERNAME=postgres \
CONTENT_ADMIN_TOKEN=$TOKEN \
QUARKUS_HTTP_PORT=$PORT \
    java ${JAVA_OPTS:-} -jar "$OUT/quarkus-app/quarkus-run.jar" >"$OUT/service.log" 2>&1 &
SERVICE_PID=$!

started=$SECONDS
until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/q/health/ready" || true) == 200 ]]; do
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
        tail -40 "$OUT/service.log" >&2
        die "the service exited during start-up (log: $OUT/service.log)"
    fi
    if (( SECONDS - started > 180 )); then
        tail -40 "$OUT/service.log" >&2
        die "the service was not ready after 180 s (log: $OUT/service.log)"
    fi
    sleep 0.5
done
log "service ready after $((SECONDS - started)) s"

# --- data --------------------------------------------------------------------------------------------------------
log "loading $ARTICLES articles with $LOAD_THREADS concurrent writers"
python3 src/bench/load.py --url "$BASE" --token "$TOKEN" --count "$ARTICLES" --threads "$LOAD_THREADS" \
    --out "$OUT/targets.env" 2>&1 | tee "$OUT/load.log" >&2 \
    || die "loading failed (log: $OUT/load.log, service log: $OUT/service.log)"
# shellcheck source=/dev/null
source "$OUT/targets.env"
# Planner statistics, as a database in service would have them (autovacuum may be off, or not have run yet):
# without them PostgreSQL guesses a handful of rows and, for instance, sorts every article to list 20.
log "vacuum analyze"
psql -h 127.0.0.1 -p 5432 -U postgres -d "$DB" -q -v ON_ERROR_STOP=1 -c "vacuum analyze" || die "vacuum analyze failed"

ENDPOINTS=(
    "GET /api/v1/articles/{id}|/api/v1/articles/$BENCH_ID"
    "GET /api/v1/articles/slug/{slug} (Arabic)|/api/v1/articles/slug/$BENCH_SLUG_PATH"
    "GET /api/v1/articles?limit=20|/api/v1/articles?limit=20"
)

# Every endpoint answers 200 before it is measured.
for e in "${ENDPOINTS[@]}"; do
    path=${e#*|}
    code=$(curl -s -o "$OUT/check.json" -w '%{http_code}' --max-time 10 "$BASE$path" || true)
    [[ $code == 200 ]] || { head -c 2000 "$OUT/check.json" >&2; echo >&2; die "GET $path answered $code, not 200"; }
done

# --- measurements ------------------------------------------------------------------------------------------------
# run_wrk NAME THREADS CONNECTIONS SECONDS PATH: runs wrk, keeps its output in $OUT/NAME.txt, prints the BENCH line.
run_wrk() {
    local name=$1 threads=$2 conns=$3 secs=$4 path=$5
    wrk -t"$threads" -c"$conns" -d"${secs}s" --latency -s src/bench/report.lua "$BASE$path" >"$OUT/$name.txt" 2>&1 \
        || { cat "$OUT/$name.txt" >&2; die "wrk failed for $path"; }
    grep '^BENCH ' "$OUT/$name.txt" || { cat "$OUT/$name.txt" >&2; die "no BENCH line from wrk for $path"; }
}

# field KEY LINE: the value of KEY=value in a BENCH line.
field() { local kv; for kv in $2; do [[ $kv == "$1="* ]] && { echo "${kv#*=}"; return; }; done; echo "?"; }

ROWS=()
TOTAL_ERRORS=0
n=0
for e in "${ENDPOINTS[@]}"; do
    label=${e%%|*} path=${e#*|}
    n=$((n + 1))
    log "warming up $label (${WARMUP} s)"
    run_wrk "wrk-$n-warmup" 2 16 "$WARMUP" "$path" >/dev/null
    for spec in "1 2" "2 16"; do
        read -r threads conns <<<"$spec"
        log "measuring $label at $conns connections (${DURATION} s)"
        line=$(run_wrk "wrk-$n-c$conns" "$threads" "$conns" "$DURATION" "$path")
        errors=$(field errors "$line")
        TOTAL_ERRORS=$((TOTAL_ERRORS + errors))
        ROWS+=("$(printf '| `%s` | %s | %s | %s | %s | %s |' "$label" "$conns" "$(field rps "$line")" \
            "$(field p50_ms "$line")" "$(field p99_ms "$line")" "$errors")")
    done
done

stop_service

# --- report ------------------------------------------------------------------------------------------------------
cpu=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//; s/  */ /g')
mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
java_version=$(java -version 2>&1 | head -1 | sed -E 's/.*version "([^"]+)".*/\1/')
{
    echo "Machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $mem RAM; Java $java_version; $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo '| endpoint | connections | requests/s | p50 (ms) | p99 (ms) | errors |'
    echo '|---|---:|---:|---:|---:|---:|'
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "$ARTICLES_LOADED articles (half Arabic, half English) loaded in $LOAD_SECONDS s ($LOAD_RATE articles/s," \
        "$LOAD_THREADS writers). Each run: wrk for $DURATION s after a $WARMUP s warm-up per endpoint;" \
        "2 connections = \`wrk -t1 -c2\`, 16 = \`wrk -t2 -c16\`. Service, PostgreSQL and wrk on the same machine." \
        "Source $SOURCE; jar built $JAR_BUILT."
} >"$OUT/results.md"
cat "$OUT/results.md"

if (( TOTAL_ERRORS > 0 )); then
    die "$TOTAL_ERRORS requests failed during the measured runs (details: $OUT/wrk-*.txt)"
fi
