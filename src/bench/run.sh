#!/usr/bin/env bash
# Read benchmark of the Khabar API against nginx serving the same bytes. From the repository root:
#
#   src/bench/run.sh                          # 10,000 articles, 15 s per run
#   ARTICLES=500 DURATION=3 src/bench/run.sh  # a quick check
#
# Environment: ARTICLES loaded through the API (default 10000), SCALE_TO the sizes the corpus then grows to in SQL, one
# round each (default "100000"; "100000 1000000" for two more rounds; "" for none), DURATION seconds per measured run (15), WARMUP seconds per endpoint (5),
# CONNECTIONS per run (16), LOAD_THREADS concurrent writers while loading (8), ZIPF_S the exponent of the popularity
# spread (1.0), JAVA_OPTS extra JVM options for the service (default: what README recommends, "Deploying").
#
# What it does:
#  1. installs wrk and nginx from Debian's packages if missing, builds the jar if missing, recreates the database
#     khabar_bench in the local PostgreSQL (127.0.0.1:5432, user postgres), starts the service on port 8089;
#  2. loads ARTICLES generated articles through the API (src/bench/load.py: its own deterministic generator, half
#     Arabic, half English, each the size of the seed article);
#  3. copies what the service answers (every article, the first list page, a page 100 cursors deep) into files and
#     starts nginx on port 8090 serving those very bytes (src/bench/snapshot.py): the reference;
#  4. runs wrk, pinned to CPU 1 (`taskset -c 1 wrk -t1`), against each endpoint of the service and then against nginx
#     on the same bytes, at CONNECTIONS connections, after a warm-up; "one article" runs ask for one hot article,
#     "Zipf" runs spread over every article with Zipf popularity (rank 1 = newest), as news traffic is, each article
#     read once beforehand (by the copying of step 3, or again after a restart);
#  5. reports the service's resident memory (peak and now), then restarts it to time start-up to ready (migrations
#     already applied), measures the Zipf spread on the service just started (no warm-up, an empty cache: every
#     article's first read goes to PostgreSQL), and starts a second instance on the same database (port 8091) to time
#     how long a change made through one takes to be served by the other (5 changes);
#  6. grows the corpus to each size of SCALE_TO in SQL (src/bench/scale.sql: copies dated further back), restarts the
#     service, measures the Zipf spread just started, and then every endpoint again, plus searches (no nginx
#     equivalent), with the memory at that size,
#     searches again while an editor publishes a new article every second (src/bench/write_steadily.py), then the
#     searches again with the service's read cache off (each one runs in PostgreSQL);
#  7. prints Markdown tables, also written to target/bench/results.md.
# Logs (service, nginx, loader, every wrk run) are kept in target/bench/. The service runs from a copy of the jar
# (target/bench/khabar-runner.jar), so that a rebuild during the run does not disturb it, with a class-data-sharing
# archive built for it (src/main/scripts/cds-archive.sh), as README recommends; CDS=0 runs it without one.
# Exits non-zero if any step fails or any request of a measured run fails.
#
# The service, nginx, PostgreSQL and wrk share this machine's 2 CPUs: compare figures within one table.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=src/bench/common.sh
source src/bench/common.sh

ARTICLES=${ARTICLES:-10000}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-16}
LOAD_THREADS=${LOAD_THREADS:-8}
ZIPF_S=${ZIPF_S:-1.0}
SCALE_TO=${SCALE_TO-100000}
export JAVA_OPTS=${JAVA_OPTS-$RECOMMENDED_JAVA_OPTS}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
DB=khabar_bench
OUT=target/bench
NGINX_PORT=8090
NGINX=http://127.0.0.1:$NGINX_PORT
SECOND_PORT=8091

require_positive ARTICLES DURATION WARMUP CONNECTIONS LOAD_THREADS
[[ $SCALE_TO =~ ^[0-9\ ]*$ ]] || die "SCALE_TO must be numbers of articles, ascending, was '$SCALE_TO'"
[[ $ARTICLES -ge 2 ]] || die "ARTICLES must be at least 2"

mkdir -p "$OUT"
require_tools src/bench/load.py src/bench/snapshot.py src/bench/report.lua src/bench/scale.sql src/bench/write_steadily.py
prepare_app
require_free_port
recreate_database
start_service
FIRST_STARTUP_MS=$STARTUP_MS
load_articles "$ARTICLES" "$LOAD_THREADS" "$OUT/load.log" "$OUT/targets.env"
vacuum_analyze

# --- the reference: nginx on the bytes the service sends -----------------------------------------------------------
log "copying the service's answers for nginx"
rm -rf "$OUT/nginx" && mkdir -p "$OUT/nginx/root" "$OUT/nginx/logs"
python3 src/bench/snapshot.py --url "$BASE" --root "$OUT/nginx/root" --out "$OUT/snapshot.env" 2>"$OUT/snapshot.log" \
    || { cat "$OUT/snapshot.log" >&2; die "copying the answers failed"; }
# shellcheck source=/dev/null
source "$OUT/snapshot.env"
NGINX_ROOT=$(cd "$OUT/nginx/root" && pwd)
cat >"$OUT/nginx/nginx.conf" <<CONF
user root;
worker_processes auto;
daemon off;
pid $ROOT/$OUT/nginx/nginx.pid;
error_log $ROOT/$OUT/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 10000000;
    types { }
    default_type application/json;
    gzip_static on;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $NGINX_ROOT;
        location / { }
    }
}
CONF
NGINX_PID=
stop_all() {
    if [[ -n $NGINX_PID ]]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
    if [[ -n ${SECOND_PID:-} ]]; then kill "$SECOND_PID" 2>/dev/null || true; wait "$SECOND_PID" 2>/dev/null || true; fi
    stop_service
}
trap stop_all EXIT
curl -s -o /dev/null --max-time 2 "$NGINX/" && die "something is already listening on port $NGINX_PORT; stop it first"
/usr/sbin/nginx -p "$ROOT/$OUT/nginx" -c "$ROOT/$OUT/nginx/nginx.conf" >"$OUT/nginx/logs/stdout.log" 2>&1 &
NGINX_PID=$!
for _ in $(seq 20); do curl -s -o /dev/null "$NGINX/list/first" && break; sleep 0.25; done
curl -s -o /dev/null --fail "$NGINX/list/first" || die "nginx did not start (log: $OUT/nginx/logs/)"

# The entity tags a client holding the current copy would send, to each server.
etag_of() { curl -s -D - -o /dev/null --max-time 10 "$1" | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p' | tr -d '\r'; }
ID_ETAG=$(etag_of "$BASE/api/v1/articles/$BENCH_ID")
LIST_ETAG=$(etag_of "$BASE/api/v1/articles?limit=20")
NGINX_ID_ETAG=$(etag_of "$NGINX/a/$BENCH_ID")
NGINX_LIST_ETAG=$(etag_of "$NGINX/list/first")
[[ -n $ID_ETAG && -n $LIST_ETAG && -n $NGINX_ID_ETAG && -n $NGINX_LIST_ETAG ]] || die "an ETag is missing"

# label|service path|nginx path|request header ("" for none)|expected status|Zipf path lists (service,nginx)
ENDPOINTS=(
    "GET /articles/{id}, one article|/api/v1/articles/$BENCH_ID|/a/$BENCH_ID||200|"
    "GET /articles/{id}, one article, gzip|/api/v1/articles/$BENCH_ID|/a/$BENCH_ID|Accept-Encoding: gzip|200|"
    "GET /articles/{id}, If-None-Match → 304|/api/v1/articles/$BENCH_ID|/a/$BENCH_ID|If-None-Match: $ID_ETAG|304|"
    "GET /articles/slug/{slug}, Arabic|/api/v1/articles/slug/$BENCH_SLUG_PATH|/a/$BENCH_ID||200|"
    "GET /articles/{id}, Zipf over $ZIPF_ARTICLES articles|/|/||200|zipf"
    "GET /articles?limit=20, first page|/api/v1/articles?limit=20|/list/first||200|"
    "GET /articles?limit=20, 100 pages deep by cursor|$DEEP_PATH|/list/deep||200|"
    "GET /articles?limit=20, If-None-Match → 304|/api/v1/articles?limit=20|/list/first|If-None-Match: $LIST_ETAG|304|"
)

# Every endpoint answers as expected, and with the same body from both servers, before it is measured.
for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r label path npath header expected zipf <<<"$e"
    [[ -n $zipf ]] && continue
    nheader=${header/$ID_ETAG/$NGINX_ID_ETAG}; nheader=${nheader/$LIST_ETAG/$NGINX_LIST_ETAG}
    # Gzipped bodies are compared once decompressed (two compressors make different bytes of the same content).
    gz=(); [[ $header == Accept-Encoding:* ]] && gz=(--compressed)
    code=$(curl -s "${gz[@]}" -D "$OUT/check.service.h" -o "$OUT/check.service" -w '%{http_code}' --max-time 10 \
        ${header:+-H "$header"} "$BASE$path" || true)
    ncode=$(curl -s "${gz[@]}" -D "$OUT/check.nginx.h" -o "$OUT/check.nginx" -w '%{http_code}' --max-time 10 \
        ${nheader:+-H "$nheader"} "$NGINX$npath" || true)
    [[ $code == "$expected" && $ncode == "$expected" ]] \
        || die "$label: the service answered $code, nginx $ncode, not $expected"
    cmp -s "$OUT/check.service" "$OUT/check.nginx" || die "$label: the service and nginx sent different bodies"
    if (( ${#gz[@]} )); then
        grep -qi '^content-encoding: gzip' "$OUT/check.service.h" && grep -qi '^content-encoding: gzip' "$OUT/check.nginx.h" \
            || die "$label: not gzipped by both servers"
    fi
done

# measure_one NAME URL HEADER EXPECTED PATHS: warms up, then measures one target; prints its BENCH line.
TOTAL_ERRORS=0
measure_one() {
    local name=$1 url=$2 header=$3 expected=$4 paths=$5 line
    local env=(BENCH_ZIPF_S="$ZIPF_S")
    [[ $expected == 304 ]] && env+=(BENCH_EXPECT=304)
    [[ -n $paths ]] && env+=(BENCH_PATHS="$paths")
    if (( WARMUP > 0 )); then
        env "${env[@]}" taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" ${header:+-H "$header"} \
            -s src/bench/report.lua "$url" >"$OUT/$name-warmup.txt" 2>&1 || { cat "$OUT/$name-warmup.txt" >&2; die "wrk failed"; }
    fi
    env "${env[@]}" taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency ${header:+-H "$header"} \
        -s src/bench/report.lua "$url" >"$OUT/$name.txt" 2>&1 || { cat "$OUT/$name.txt" >&2; die "wrk failed"; }
    line=$(grep '^BENCH ' "$OUT/$name.txt") || { cat "$OUT/$name.txt" >&2; die "no BENCH line from wrk"; }
    echo "$line"
}

# counted LINE: adds the errors of a run measure_one printed to TOTAL_ERRORS (measure_one runs in a subshell, $(...),
# so it cannot).
counted() { TOTAL_ERRORS=$((TOTAL_ERRORS + $(field errors "$1"))); }

# measure_all SIZE: every endpoint against the service, then against nginx on the same bytes; appends to ROWS.
ROWS=()
measure_all() {
    local size=$1 n=0 e label path npath header expected zipf nheader spaths npaths s r ratio
    for e in "${ENDPOINTS[@]}"; do
        IFS='|' read -r label path npath header expected zipf <<<"$e"
        n=$((n + 1))
        nheader=${header/$ID_ETAG/$NGINX_ID_ETAG}; nheader=${nheader/$LIST_ETAG/$NGINX_LIST_ETAG}
        spaths= npaths=
        [[ -n $zipf ]] && spaths=$OUT/nginx/zipf-service.txt npaths=$OUT/nginx/zipf-nginx.txt
        log "measuring $label ($size articles)"
        s=$(measure_one "wrk-$size-$n-service" "$BASE$path" "$header" "$expected" "$spaths")
        counted "$s"
        r=$(measure_one "wrk-$size-$n-nginx" "$NGINX$npath" "$nheader" "$expected" "$npaths")
        counted "$r"
        ratio=$(awk -v a="$(field rps "$s")" -v b="$(field rps "$r")" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
        ROWS+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |' "$label" "$size" "$CONNECTIONS" \
            "$(field rps "$s")" "$(field p50_ms "$s")" "$(field p99_ms "$s")" "$(field errors "$s")" \
            "$(field rps "$r")" "$ratio")")
    done
}

# measure_cold SIZE: the Zipf spread on a service just started, with no warm-up: every article's first read misses the
# cache and is read from PostgreSQL, by code the JIT has not compiled yet, as after a deployment. Sets COLD_ROW.
measure_cold() {
    local size=$1 s
    log "measuring GET /articles/{id}, Zipf, just started ($size articles)"
    s=$(WARMUP=0 measure_one "wrk-$size-zipf-just-started" "$BASE/" "" 200 "$OUT/nginx/zipf-service.txt")
    counted "$s"
    COLD_ROW=$(printf '| %s | %s | %s | %s | %s | %s | %s | – | – |' \
        "GET /articles/{id}, Zipf over $ZIPF_ARTICLES articles, just started (empty cache)" "$size" "$CONNECTIONS" \
        "$(field rps "$s")" "$(field p50_ms "$s")" "$(field p99_ms "$s")" "$(field errors "$s")")
}

# warm_zipf: reads every article of the Zipf spread once, as snapshot.py did before the first round, so that the
# Zipf row of every round starts from the same cache.
warm_zipf() {
    log "reading each of the $ZIPF_ARTICLES articles of the Zipf spread once"
    python3 - "$BASE" "$OUT/nginx/zipf-service.txt" <<'PY' || die "reading the Zipf spread failed"
import http.client, sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
for path in open(sys.argv[2]).read().split():
    c.request("GET", path)
    r = c.getresponse(); r.read()
    if r.status != 200:
        raise SystemExit("%s answered %d" % (path, r.status))
PY
}

measure_all "$ARTICLES_LOADED"

# --- memory, start-up, propagation between instances ------------------------------------------------------------
RSS_PEAK_MB=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVICE_PID/status")
RSS_NOW_MB=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVICE_PID/status")
stop_service
kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=
sleep 2
# Start-up without the archive, then with it (the service measured from here on).
CDS_ARCHIVE=$ARCHIVE ARCHIVE=
start_service "$OUT/service-restart-without-archive.log"
RESTART_WITHOUT_ARCHIVE_MS=$STARTUP_MS
stop_service
ARCHIVE=$CDS_ARCHIVE
sleep 2
start_service "$OUT/service-restart.log"
trap stop_all EXIT # start_service sets its own
RESTART_MS=$STARTUP_MS
QUARKUS_STARTED=$(grep -o 'started in [0-9.]*s' "$OUT/service-restart.log" | head -1)
measure_cold "$ARTICLES_LOADED"
ROWS+=("$COLD_ROW")

log "starting a second instance on port $SECOND_PORT"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
    CONTENT_ADMIN_TOKEN=$TOKEN CONTENT_RATE_LIMIT_ANONYMOUS=0 CONTENT_RATE_LIMIT_KEY=0 QUARKUS_HTTP_PORT=$SECOND_PORT \
    java ${JAVA_OPTS:-} ${ARCHIVE:+-XX:SharedArchiveFile=$ARCHIVE} -jar "$RUNNER" >"$OUT/service-second.log" 2>&1 &
SECOND_PID=$!
for _ in $(seq 120); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SECOND_PORT/q/health/ready" || true) == 200 ]] && break
    sleep 0.5
done
# On an article of its own: the measured ones must keep the bytes nginx serves.
PROPAGATION=$(python3 - "$BASE" "http://127.0.0.1:$SECOND_PORT" "$TOKEN" <<'PY'
import http.client, json, sys, time, urllib.parse
first, second, token = sys.argv[1:4]
def conn(url):
    u = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=10)
a, b = conn(first), conn(second)
a.request("POST", "/api/v1/articles", body=json.dumps({
    "language": "en", "status": "published", "publishedAt": "2000-01-01T00:00:00Z",  # behind every measured page
    "category": {"name": "Benchmark"}, "title": "Propagation probe",
    "subtitle": "Changed through one instance, read through the other.", "lead": "Lead.", "closing": "Closing.",
    "sections": [{"heading": "Heading", "bullets": ["Bullet."]}]}),
    headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
r = a.getresponse()
article = json.loads(r.read())["id"]
assert r.status == 201, r.status
def read(c):
    c.request("GET", "/api/v1/articles/" + article)
    r = c.getresponse(); body = r.read()
    return json.loads(body)["version"]
delays = []
for i in range(5):
    read(b); read(b)                      # the second instance has it cached
    a.request("PATCH", "/api/v1/articles/" + article, body=json.dumps({"closing": "Closing, edit %d." % i}),
              headers={"Authorization": "Bearer " + token, "Content-Type": "application/merge-patch+json"})
    r = a.getresponse(); version = json.loads(r.read())["version"]
    assert r.status == 200, r.status
    written = time.monotonic()
    while read(b) != version:
        if time.monotonic() - written > 5:
            raise SystemExit("the second instance still served the old version after 5 s")
    delays.append((time.monotonic() - written) * 1000)
    time.sleep(0.3)
delays.sort()
print("%.0f %.0f" % (delays[len(delays) // 2], delays[-1]))
PY
) || die "measuring propagation failed"
kill "$SECOND_PID" 2>/dev/null; wait "$SECOND_PID" 2>/dev/null || true; SECOND_PID=

# --- the archive grown in SQL -------------------------------------------------------------------------------------
# scaled_round TARGET: grows the corpus to TARGET articles in SQL, restarts the service, measures every endpoint and
# the searches again; adds to ROWS and SCALED_NOTES.
SCALED_NOTES=()
COPIES_MADE=0
scaled_round() {
    local target=$1 copies
    stop_service
    copies=$(( (target + ARTICLES_LOADED - 1) / ARTICLES_LOADED - 1 ))
    (( copies > COPIES_MADE )) || return 0
    log "growing the corpus to $(( ARTICLES_LOADED * (copies + 1) )) articles in SQL (copies $((COPIES_MADE + 1)) to $copies of each)"
    local grow_start=$SECONDS
    psql_db -q -v first="$((COPIES_MADE + 1))" -v last="$copies" -f src/bench/scale.sql >/dev/null \
        || die "growing the corpus failed"
    COPIES_MADE=$copies
    vacuum_analyze
    SCALED=$(psql_db -tAc "select count(*) from article")
    log "grown to $SCALED articles in $((SECONDS - grow_start)) s"
    start_service "$OUT/service-scaled-$SCALED.log"
    trap stop_all EXIT
    local scaled_startup_ms=$STARTUP_MS
    if [[ -z $NGINX_PID ]] || ! kill -0 "$NGINX_PID" 2>/dev/null; then
        /usr/sbin/nginx -p "$ROOT/$OUT/nginx" -c "$ROOT/$OUT/nginx/nginx.conf" >>"$OUT/nginx/logs/stdout.log" 2>&1 &
        NGINX_PID=$!
        for _ in $(seq 20); do curl -s -o /dev/null "$NGINX/list/first" && break; sleep 0.25; done
    fi
    measure_cold "$SCALED"
    warm_zipf
    measure_all "$SCALED"
    ROWS+=("$COLD_ROW")
    local scaled_rss_peak_mb
    scaled_rss_peak_mb=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVICE_PID/status")
    # Searches: nothing to compare them with, they run in PostgreSQL (or come from the cache when repeated).
    urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
    SEARCHES=(
        "GET /search?q=الحكومة, one query repeated|/api/v1/search?q=$(urlencode الحكومة)&limit=10"
        "GET /search?q=government, one query repeated|/api/v1/search?q=government&limit=10"
        "GET /search/suggest?q=الاق, one prefix repeated|/api/v1/search/suggest?q=$(urlencode الاق)"
    )
    # Many readers, many queries: every word of the generator's vocabulary (Arabic and English), Zipf-popular, so
    # that some queries repeat (and are answered from the cache) and the long tail runs in PostgreSQL.
    python3 - "$OUT/search-paths.txt" <<'PY'
import sys, urllib.parse
sys.path.insert(0, "src/bench")
import load
words = [w for w in dict.fromkeys(load.AR_WORDS + load.EN_WORDS) if len(w) > 3]
with open(sys.argv[1], "w") as f:
    f.writelines("/api/v1/search?q=%s&limit=10\n" % urllib.parse.quote(w) for w in words)
PY
    QUERIES=$(wc -l <"$OUT/search-paths.txt")
    log "measuring searches, Zipf over $QUERIES words ($SCALED articles)"
    s=$(measure_one "wrk-search-zipf-$SCALED" "$BASE/" "" 200 "$OUT/search-paths.txt")
    counted "$s"
    ROWS+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | – | – |' "GET /search?q=…, Zipf over $QUERIES words" \
        "$SCALED" "$CONNECTIONS" "$(field rps "$s")" "$(field p50_ms "$s")" "$(field p99_ms "$s")" "$(field errors "$s")")")
    # The same mix while an editor publishes a new article every second (src/bench/write_steadily.py, which deletes
    # them afterwards): each write drops the cached search pages it can change, and those are read from PostgreSQL again.
    log "measuring searches, Zipf over $QUERIES words, with a new article every second ($SCALED articles)"
    python3 src/bench/write_steadily.py --url "$BASE" --token "$TOKEN" --first 10000000 --interval 1 \
        --seconds "$((WARMUP + DURATION + 1))" >"$OUT/writer-$SCALED.log" 2>&1 &
    local writer=$!
    s=$(measure_one "wrk-search-zipf-$SCALED-writing" "$BASE/" "" 200 "$OUT/search-paths.txt")
    wait "$writer" || { cat "$OUT/writer-$SCALED.log" >&2; die "the writer failed (log: $OUT/writer-$SCALED.log)"; }
    counted "$s"
    ROWS+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | – | – |' \
        "GET /search?q=…, Zipf over $QUERIES words, a new article published every second" "$SCALED" "$CONNECTIONS" \
        "$(field rps "$s")" "$(field p50_ms "$s")" "$(field p99_ms "$s")" "$(field errors "$s")")")
    measure_searches ""
    # The same again with the read cache off: every search runs in PostgreSQL, as the first one after a write does.
    stop_service
    READ_CACHE=false start_service "$OUT/service-scaled-$SCALED-without-cache.log"
    trap stop_all EXIT
    log "measuring searches with the read cache off ($SCALED articles)"
    s=$(measure_one "wrk-search-zipf-$SCALED-without-cache" "$BASE/" "" 200 "$OUT/search-paths.txt")
    counted "$s"
    ROWS+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | – | – |' "GET /search?q=…, Zipf over $QUERIES words, read cache off" \
        "$SCALED" "$CONNECTIONS" "$(field rps "$s")" "$(field p50_ms "$s")" "$(field p99_ms "$s")" "$(field errors "$s")")")
    measure_searches ", read cache off"
    SCALED_NOTES+=("with $SCALED articles: peak resident memory ${scaled_rss_peak_mb} MB, start-up to ready ${scaled_startup_ms} ms")
}

# measure_searches SUFFIX: measures each of SEARCHES (set by scaled_round) at $SCALED articles, adding rows labelled
# with SUFFIX.
measure_searches() {
    local e label path code s n=0
    for e in "${SEARCHES[@]}"; do
        IFS='|' read -r label path <<<"$e"
        label+=$1
        n=$((n + 1))
        code=$(curl -s -o "$OUT/check.search" -w '%{http_code}' --max-time 30 "$BASE$path" || true)
        [[ $code == 200 ]] || die "$label answered $code"
        log "measuring $label ($SCALED articles)"
        s=$(measure_one "wrk-search-$SCALED-$n${1:+-without-cache}" "$BASE$path" "" 200 "")
        counted "$s"
        ROWS+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | – | – |' "$label" "$SCALED" "$CONNECTIONS" \
            "$(field rps "$s")" "$(field p50_ms "$s")" "$(field p99_ms "$s")" "$(field errors "$s")")")
    done
}

SCALED=
for target in $SCALE_TO; do
    if (( target > ARTICLES_LOADED )); then
        scaled_round "$target"
    fi
done
stop_service

# --- report ------------------------------------------------------------------------------------------------------
{
    machine_line
    echo
    echo '| endpoint | articles | connections | requests/s | p50 (ms) | p99 (ms) | errors | nginx requests/s | ratio to nginx |'
    echo '|---|---:|---:|---:|---:|---:|---:|---:|---:|'
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "- $ARTICLES_LOADED articles (half Arabic, half English) loaded through the API in $LOAD_SECONDS s" \
        "($LOAD_RATE articles/s, $LOAD_THREADS writers)."
    echo "- Resident memory of the service (JAVA_OPTS: ${JAVA_OPTS:-none}; MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX): peak ${RSS_PEAK_MB} MB with" \
        "$ARTICLES_LOADED articles, ${RSS_NOW_MB} MB after the runs."
    echo "- Start-up to ready (migrations applied): ${RESTART_MS} ms from launch to the first 200 of /q/health/ready" \
        "${ARCHIVE:+with the class-data-sharing archive }(Quarkus: ${QUARKUS_STARTED:-?})," \
        "${RESTART_WITHOUT_ARCHIVE_MS} ms without it; the first start, with migrations, ${FIRST_STARTUP_MS} ms."
    for note in "${SCALED_NOTES[@]}"; do
        echo "- After growing the corpus in SQL, $note."
    done
    echo "- A change through one instance served by a second one after ${PROPAGATION% *} ms (median of 5)," \
        "${PROPAGATION#* } ms at most."
    echo "- wrk -t1 -c$CONNECTIONS pinned to CPU 1, $DURATION s per run after $WARMUP s of warm-up; nginx" \
        "$(/usr/sbin/nginx -v 2>&1 | sed 's/.*nginx\///') (worker_processes auto, gzip_static) serves the same" \
        "bytes from files. Zipf exponent $ZIPF_S. Source $SOURCE; jar built $JAR_BUILT."
} >"$OUT/results.md"
cat "$OUT/results.md"

if (( TOTAL_ERRORS > 0 )); then
    die "$TOTAL_ERRORS requests failed during the measured runs (details: $OUT/wrk-*.txt)"
fi
