#!/usr/bin/env bash
# Search benchmark of the Khabar API. From the repository root:
#
#   src/bench/search.sh                                 # 10,000 then 100,000 articles, 15 s per run (~40 min)
#   SIZES=1000 DURATION=3 WARMUP=1 src/bench/search.sh  # a quick check
#
# Environment: SIZES corpus sizes, one database each (default "10000 100000"), DURATION seconds per measured run
# (15), WARMUP seconds per query (5), LOAD_THREADS concurrent writers while loading (8), WRK_TIMEOUT wrk's
# per-request timeout (30s; slower answers count as errors), JAVA_OPTS extra JVM options for the service.
#
# For each size: recreates the database khabar_bench_search in the local PostgreSQL, starts the service on port 8089
# against it, loads that many generated articles through the API (src/bench/load.py, the same articles as
# src/bench/run.sh), runs VACUUM ANALYZE, asks each query below once (it must answer 200; its total is recorded),
# then runs wrk against it at 2 and 16 connections. Prints a Markdown table, also written to
# target/bench/search-results.md; logs (service and loader per size, every wrk run, every answer) are kept in
# target/bench/search/. The last database is left in place for EXPLAIN. Shares the helpers of run.sh
# (src/bench/common.sh); the two cannot run at once (same port).
# Exits non-zero if any step fails or any request of a measured run fails.
#
# The service, PostgreSQL and wrk share this machine's CPUs: figures are for comparing runs on the same machine,
# not capacity planning. Loading takes most of the time: article creation slows down as the table grows (about
# 200 articles/s at first, 45/s near 100,000 on 2 CPUs; 100,000 took 29 min).

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=src/bench/common.sh
source src/bench/common.sh

SIZES=${SIZES:-10000 100000}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
LOAD_THREADS=${LOAD_THREADS:-8}
DB=khabar_bench_search
OUT=target/bench/search
RESULTS=target/bench/search-results.md
# Some searches take seconds under load at 100,000 articles: measure them rather than count them as wrk timeouts.
WRK_TIMEOUT=${WRK_TIMEOUT:-30s}

require_positive DURATION WARMUP LOAD_THREADS
read -r -a SIZE_LIST <<<"$SIZES"
[[ ${#SIZE_LIST[@]} -gt 0 ]] || die "SIZES is empty"
for i in "${!SIZE_LIST[@]}"; do
    size=${SIZE_LIST[$i]}
    require_positive size
    [[ $size -ge 2 ]] || die "every size in SIZES must be at least 2, was $size"
    SIZE_LIST[$i]=$size
done

# The queries: kind|endpoint|q. Words from the generator's vocabulary (src/bench/load.py):
#   الحكومة            in ~81% of Arabic articles, ~41% of all (key حكوم)
#   الزعفران           a rare word of load.py (RARE_WORDS): in 1 article of 200, 0.5% (key زعفر)
#   "الذكاء الاصطناعي"  a phrase: a tag (~16% of Arabic articles) and now and then two random words in a row; both
#                      words are in ~80% of Arabic articles, so the index finds many candidates to check positions of
#   است*               first letters of استقبل: matches keys استقبل, استعرض, استثمار (الاستثمار)
#   الاق               type-ahead: the first letters of الاقتصاد, as a reader types them
QUERIES=(
    "common word|/api/v1/search|الحكومة"
    "rare word|/api/v1/search|الزعفران"
    "phrase|/api/v1/search|\"الذكاء الاصطناعي\""
    "prefix|/api/v1/search|است*"
    "suggest|/api/v1/search/suggest|الاق"
)

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
# The URL path (with query string) of a query.
query_path() {
    local endpoint=$1 q=$2
    if [[ $endpoint == */suggest ]]; then
        echo "$endpoint?q=$(urlencode "$q")"
    else
        echo "$endpoint?q=$(urlencode "$q")&limit=10"
    fi
}
# thousands N: 12345 -> 12,345
thousands() { python3 -c 'import sys; print(f"{int(sys.argv[1]):,}")' "$1"; }

mkdir -p "$OUT"

require_tools src/bench/load.py src/bench/report.lua
prepare_app

ROWS=()
LOADED=()
TOTAL_ERRORS=0
for size in "${SIZE_LIST[@]}"; do
    require_free_port
    recreate_database
    start_service "$OUT/service-$size.log"
    load_articles "$size" "$LOAD_THREADS" "$OUT/load-$size.log" "$OUT/targets-$size.env" "$OUT/service-$size.log"
    LOADED+=("$(thousands "$ARTICLES_LOADED") in $LOAD_SECONDS s ($LOAD_RATE articles/s)")
    vacuum_analyze

    # Each query once: it must answer 200 with a page (or suggestions); what it matches goes into the table.
    MATCHES=()
    n=0
    for e in "${QUERIES[@]}"; do
        IFS='|' read -r kind endpoint q <<<"$e"
        n=$((n + 1))
        path=$(query_path "$endpoint" "$q")
        answer="$OUT/answer-$size-$n.json"
        code=$(curl -s -o "$answer" -w '%{http_code}' --max-time 60 "$BASE$path" || true)
        [[ $code == 200 ]] || { head -c 2000 "$answer" >&2; echo >&2; die "GET $path answered $code, not 200"; }
        if [[ $kind == suggest ]]; then
            shown=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$answer") \
                || die "GET $path: no suggestions list in the answer ($answer)"
            # How many titles the type-ahead condition accepts (what the service then sorts by similarity): the
            # WHERE of SearchRepository.suggest. The query is typed already normalised, so it is used as is.
            titles=$(psql_db -qAt -v q="$q" <<'SQL' | tail -1
select set_config('pg_trgm.word_similarity_threshold', '0.4', false);
select count(*) from article a
where a.status = 'published' and a.published_at <= now()
  and (a.search_title like '%' || :'q' || '%' or :'q' <% a.search_title);
SQL
            ) || die "could not count the titles matching $q"
            matches="$shown shown of $(thousands "$titles") titles"
        else
            read -r total estimate < <(python3 -c 'import json, sys; a = json.load(open(sys.argv[1]))
print(a["total"], str(a["totalIsEstimate"]).lower())' "$answer") \
                || die "GET $path: no total in the answer ($answer)"
            if [[ $estimate == true ]]; then
                matches="~$(thousands "$total") (estimate)"
            else
                matches=$(thousands "$total")
            fi
        fi
        log "$kind $q: $matches"
        MATCHES+=("$matches")
    done

    n=0
    for e in "${QUERIES[@]}"; do
        IFS='|' read -r kind endpoint q <<<"$e"
        path=$(query_path "$endpoint" "$q")
        matches=${MATCHES[$n]}
        n=$((n + 1))
        label="$kind \`$q\`"
        measure "wrk-$size-$n" "$kind $q" "$path"
        for run in "${MEASURED[@]}"; do
            conns=${run%% *} line=${run#* }
            ROWS+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s |' "$(thousands "$size")" "$label" "$matches" \
                "$conns" "$(field rps "$line")" "$(field p50_ms "$line")" "$(field p99_ms "$line")" "$(field errors "$line")")")
        done
    done

    stop_service
done

# --- report ------------------------------------------------------------------------------------------------------
{
    machine_line
    echo
    echo '| corpus | query | matches | connections | requests/s | p50 (ms) | p99 (ms) | errors |'
    echo '|---:|---|---:|---:|---:|---:|---:|---:|'
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "Corpus: articles from src/bench/load.py, half Arabic, half English, ~400 words each; loaded through the API" \
        "with $LOAD_THREADS writers: $(IFS=';'; echo "${LOADED[*]}" | sed 's/;/; /g'). Search asks for" \
        "\`limit=10\`; matches is the answer's \`total\` (exact up to 500, else the planner's estimate); for" \
        "suggest, the suggestions shown and the titles the type-ahead condition accepts. Each run: wrk for" \
        "$DURATION s after a $WARMUP s warm-up per query, timeout $WRK_TIMEOUT; 2 connections = \`wrk -t1 -c2\`," \
        "16 = \`wrk -t2 -c16\`." \
        "Service, PostgreSQL and wrk on the same machine. Source $SOURCE; jar built $JAR_BUILT."
} >"$RESULTS"
cat "$RESULTS"

if (( TOTAL_ERRORS > 0 )); then
    die "$TOTAL_ERRORS requests failed during the measured runs (details: $OUT/wrk-*.txt)"
fi
