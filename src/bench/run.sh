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
# runs wrk against three read endpoints, and against two of them again with If-None-Match (answered 304), at 2 and 16
# connections and prints a Markdown table, also written to
# target/bench/results.md. Logs (service, loader, every wrk run) are kept in target/bench/. The service runs from a
# copy of target/quarkus-app (target/bench/quarkus-app), so that a rebuild during the run does not disturb it.
# Exits non-zero if any step fails or any request of a measured run fails.
#
# The service, PostgreSQL and wrk share this machine's CPUs: figures are for comparing runs on the same machine,
# not capacity planning.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=src/bench/common.sh
source src/bench/common.sh

ARTICLES=${ARTICLES:-10000}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
LOAD_THREADS=${LOAD_THREADS:-8}
DB=khabar_bench
OUT=target/bench

require_positive ARTICLES DURATION WARMUP LOAD_THREADS
[[ $ARTICLES -ge 2 ]] || die "ARTICLES must be at least 2"

mkdir -p "$OUT"

require_tools src/bench/load.py src/bench/report.lua
prepare_app
require_free_port
recreate_database
start_service
load_articles "$ARTICLES" "$LOAD_THREADS" "$OUT/load.log" "$OUT/targets.env"
vacuum_analyze

# The entity tag a client holding the current copy would send.
etag_of() { curl -s -D - -o /dev/null --max-time 10 "$BASE$1" | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p' | tr -d '\r'; }
ID_ETAG=$(etag_of "/api/v1/articles/$BENCH_ID")
LIST_ETAG=$(etag_of "/api/v1/articles?limit=20")
[[ -n $ID_ETAG && -n $LIST_ETAG ]] || die "no ETag on the article or the list"

# label|path|If-None-Match (empty: a plain GET answered 200; else a conditional GET answered 304)
ENDPOINTS=(
    "GET /api/v1/articles/{id}|/api/v1/articles/$BENCH_ID|"
    "GET /api/v1/articles/{id}, If-None-Match → 304|/api/v1/articles/$BENCH_ID|$ID_ETAG"
    "GET /api/v1/articles/slug/{slug} (Arabic)|/api/v1/articles/slug/$BENCH_SLUG_PATH|"
    "GET /api/v1/articles?limit=20|/api/v1/articles?limit=20|"
    "GET /api/v1/articles?limit=20, If-None-Match → 304|/api/v1/articles?limit=20|$LIST_ETAG"
)

# Every endpoint answers as expected before it is measured.
for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r label path tag <<<"$e"
    expected=$([[ -n $tag ]] && echo 304 || echo 200)
    code=$(curl -s -o "$OUT/check.json" -w '%{http_code}' --max-time 10 ${tag:+-H "If-None-Match: $tag"} "$BASE$path" || true)
    [[ $code == "$expected" ]] || { head -c 2000 "$OUT/check.json" >&2; echo >&2; die "GET $path answered $code, not $expected"; }
done

# --- measurements ------------------------------------------------------------------------------------------------
ROWS=()
TOTAL_ERRORS=0
n=0
for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r label path tag <<<"$e"
    n=$((n + 1))
    if [[ -n $tag ]]; then
        WRK_HEADER="If-None-Match: $tag" BENCH_EXPECT=304 measure "wrk-$n" "$label" "$path"
    else
        measure "wrk-$n" "$label" "$path"
    fi
    for run in "${MEASURED[@]}"; do
        conns=${run%% *} line=${run#* }
        ROWS+=("$(printf '| `%s` | %s | %s | %s | %s | %s |' "$label" "$conns" "$(field rps "$line")" \
            "$(field p50_ms "$line")" "$(field p99_ms "$line")" "$(field errors "$line")")")
    done
done

stop_service

# --- report ------------------------------------------------------------------------------------------------------
{
    machine_line
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
