#!/usr/bin/env bash
# Bulk-import benchmark of the Khabar API. From the repository root:
#
#   src/bench/bulk.sh                      # 100,000 articles
#   ARTICLES=10000 src/bench/bulk.sh       # a quick check
#
# Environment: ARTICLES (default 100000), JAVA_OPTS the service's JVM options (default: what README recommends for
# deploying, with a 128 MiB heap: far less than the body, so a run that completes shows the body is streamed, not
# held), HEAP to set another -Xmx on top of them, BULK_PORT (8091).
#
# What it does: builds the jar if missing, writes two files of ARTICLES generated articles as NDJSON
# (src/bench/bulk_lines.py: the articles of src/bench/load.py, half Arabic, half English, ~400 words each, each with an
# external id; the second file holds the next ARTICLES articles), recreates the database khabar_bench_bulk in the
# local PostgreSQL (127.0.0.1:5432, user postgres), starts the packaged service against it and streams to POST
# /api/v1/articles/bulk with curl: the first file, on the service just started, whose JIT compilers then work through
# the whole import path; the second file, on the service now warm, as a long-running one is; the first file again
# (every line then answers `unchanged`). Prints a Markdown table: articles/s of each run, CPU per article, the
# service's peak resident memory (VmHWM), the load average before each run. Also written to
# target/bench-bulk/results.md; logs and answers in target/bench-bulk/.
# Exits non-zero if a step fails or a line is not answered as expected (201, 201, then 200 unchanged).
#
# The service, PostgreSQL and curl share this machine's CPUs: run it when the machine is otherwise idle (`uptime`).

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=src/bench/common.sh
source src/bench/common.sh

ARTICLES=${ARTICLES:-100000}
JAVA_OPTS=${JAVA_OPTS-$RECOMMENDED_JAVA_OPTS}${HEAP:+ -Xmx$HEAP}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
PORT=${BULK_PORT:-8091}
BASE=http://127.0.0.1:$PORT
DB=khabar_bench_bulk
OUT=target/bench-bulk
require_positive ARTICLES PORT

mkdir -p "$OUT"
for tool in python3 java curl psql pg_isready; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done

# ndjson FIRST: the file of ARTICLES generated articles from number FIRST on, written unless already there.
ndjson() {
    local file=$OUT/articles-$1-$ARTICLES.ndjson
    if [[ ! -s $file ]]; then
        log "writing $ARTICLES articles to $file"
        python3 src/bench/bulk_lines.py --first "$1" --count "$ARTICLES" --out "$file.tmp" && mv "$file.tmp" "$file" \
            || die "could not write $file"
    fi
    echo "$file"
}
FIRST_FILE=$(ndjson 0)
SECOND_FILE=$(ndjson "$ARTICLES")
BYTES=$(stat -c %s "$FIRST_FILE")

prepare_app
require_free_port
recreate_database
start_service

# cpu_ticks PID...: user + system CPU time of these processes so far, in clock ticks.
cpu_ticks() { local p; for p in "$@"; do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0; done \
    | awk '{ t += $1 } END { print t + 0 }'; }
# pg_ticks: "pid ticks" for every PostgreSQL process (connections opened later count from zero).
pg_ticks() { local p; for p in $(pgrep -x postgres); do echo "$p $(cpu_ticks "$p")"; done; }
# pg_spent BEFORE: ticks spent by PostgreSQL processes since the pg_ticks output BEFORE.
pg_spent() { awk 'NR == FNR { before[$1] = $2; next } { t += $2 - before[$1] } END { print t + 0 }' <(echo "$1") <(pg_ticks); }
TICKS=$(getconf CLK_TCK)

# upload NAME FILE: streams FILE, leaves the answer in $OUT/NAME.ndjson, sets SECONDS_TAKEN, LOAD_BEFORE and the CPU
# milliseconds per article the service (SERVICE_MS) and PostgreSQL (PG_MS; all its processes, so other databases'
# work counts too) spent on it.
upload() {
    local name=$1 file=$2 result code
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    local service_before pg_before
    service_before=$(cpu_ticks "$SERVICE_PID")
    pg_before=$(pg_ticks)
    log "uploading $file ($((BYTES / 1048576)) MiB, $ARTICLES articles): $name (load average $LOAD_BEFORE)"
    result=$(curl -sS -X POST -T "$file" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
        -o "$OUT/$name.ndjson" -w '%{http_code} %{time_total}' "$BASE/api/v1/articles/bulk") \
        || die "the upload failed (service log: $OUT/service.log)"
    read -r code SECONDS_TAKEN <<<"$result"
    SERVICE_MS=$(awk -v a="$service_before" -v b="$(cpu_ticks "$SERVICE_PID")" -v t="$TICKS" -v n="$ARTICLES" \
        'BEGIN { printf "%.2f", (b - a) * 1000 / t / n }')
    PG_MS=$(awk -v s="$(pg_spent "$pg_before")" -v t="$TICKS" -v n="$ARTICLES" 'BEGIN { printf "%.2f", s * 1000 / t / n }')
    [[ $code == 200 ]] || { head -c 2000 "$OUT/$name.ndjson" >&2; die "the upload answered $code"; }
}

# expect NAME PATTERN: every line of the answer matches PATTERN, and there is one per article.
expect() {
    local name=$1 pattern=$2 lines matching
    lines=$(wc -l <"$OUT/$name.ndjson")
    matching=$(grep -c -- "$pattern" "$OUT/$name.ndjson" || true)
    [[ $lines == "$ARTICLES" && $matching == "$ARTICLES" ]] \
        || { grep -v -- "$pattern" "$OUT/$name.ndjson" | head -5 >&2; die "$name: $matching of $lines answers match $pattern, expected $ARTICLES"; }
}

rate() { awk -v n="$ARTICLES" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }

# row TITLE: a table row of the last upload.
ROWS=()
row() {
    ROWS+=("| $1 | $ARTICLES | $((BYTES / 1048576)) MiB | $SECONDS_TAKEN | $(rate "$SECONDS_TAKEN") | $SERVICE_MS, $PG_MS | $LOAD_BEFORE |")
}

upload first "$FIRST_FILE"
expect first '"status":201'
row "first upload, the service just started (all created)"
upload second "$SECOND_FILE"
expect second '"status":201'
row "other articles, the service warm (all created)"
upload again "$FIRST_FILE"
expect again '"unchanged":true'
row "the first file again (all unchanged)"
PEAK_RSS=$(awk '/^VmHWM:/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$SERVICE_PID/status")

counts=$(psql_db -At -c "select (select count(*) from article) || ' ' || (select count(*) from article_revision)
    || ' ' || (select count(*) from article_change where audience = 'editorial')")
read -r stored revisions changes <<<"$counts"
[[ $stored == $((2 * ARTICLES)) && $revisions == "$stored" && $changes == "$stored" ]] \
    || die "the database holds $stored articles, $revisions revisions, $changes editorial changes; expected $((2 * ARTICLES)) each"

# Every article has the search document the service wrote ready-made, and its search keys were not stored
# (V8__storage.sql; SearchDocumentTest checks that such documents are what PostgreSQL computes from the keys).
log "checking the search documents"
differing=$(psql_db -At -c "select count(*) from article
    where search_document is null or length(search_document) = 0 or search_a <> '' or search_c <> ''")
[[ $differing == 0 ]] || die "$differing articles lack a search document or hold their search keys"

{
    machine_line
    echo
    echo "| run | articles | body | seconds | articles/s | CPU ms per article: service, PostgreSQL | load average before (1, 5, 15 min) |"
    echo "|---|---:|---:|---:|---:|---:|---|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "Service JVM options: ${JAVA_OPTS:-none} (MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX); peak resident memory $PEAK_RSS; batches of 500 lines; $stored articles, $revisions revisions and $changes editorial change-feed entries stored, every article with its search document. Source $SOURCE; jar built $JAR_BUILT."
} | tee "$OUT/results.md"
