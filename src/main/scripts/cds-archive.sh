#!/usr/bin/env bash
# Builds a class-data-sharing archive of the service, which about halves its start-up (README, "Deploying").
#
# Starts the jar once with -XX:ArchiveClassesAtExit, waits until it is ready, reads a few public endpoints (so that the
# classes of the read path are in the archive too), and stops it; the JVM writes the archive as it exits. Then run
#
#   java -XX:SharedArchiveFile=target/khabar.jsa <the same JVM options> -jar target/khabar-runner.jar
#
# with the same JDK and the jar unchanged since, named by the same absolute path (the archive records it; this script
# gives the JVM the absolute path, and so must the command that runs the service). A JVM that cannot use the archive
# starts without it, as slowly as before, and says so only with -Xlog:cds=warning (or refuses to start with -Xshare:on).
#
# Usage: src/main/scripts/cds-archive.sh [JAR [ARCHIVE]]   (defaults: target/khabar-runner.jar, target/khabar.jsa)
# Environment:
#   JAVA_OPTS  the JVM options the service will run with (the archive records the garbage collector among others)
#   QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD  the database of the training run, which needs only reads and
#              migrates it like any start; unset, an embedded PostgreSQL in a temporary directory, deleted afterwards
#   CDS_PORT   the training run's HTTP port (default 8079)
set -euo pipefail

JAR=${1:-target/khabar-runner.jar}
ARCHIVE=${2:-target/khabar.jsa}
PORT=${CDS_PORT:-8079}
BASE=http://127.0.0.1:$PORT

[[ -f $JAR ]] || { echo "cds-archive: $JAR is missing: build it with ./mvnw -B package -DskipTests" >&2; exit 1; }
JAR=$(realpath "$JAR")
ARCHIVE=$(realpath -m "$ARCHIVE")
work=$(mktemp -d)
pid=
cleanup() {
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

rm -f "$ARCHIVE"
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
CONTENT_EMBEDDED_DATABASE_DIR=$work/postgres QUARKUS_HTTP_PORT=$PORT \
    java ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$ARCHIVE" -jar "$JAR" >"$work/service.log" 2>&1 &
pid=$!

for (( i = 0; i < 1200; i++ )); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/q/health/ready" || true) == 200 ]] && break
    kill -0 "$pid" 2>/dev/null || { tail -30 "$work/service.log" >&2; echo "cds-archive: the service stopped" >&2; exit 1; }
    sleep 0.1
done
[[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready") == 200 ]] \
    || { tail -30 "$work/service.log" >&2; echo "cds-archive: the service was not ready after 120 s" >&2; exit 1; }

# The read path: lists, an article that is not there, search, type-ahead, feeds, the spec; compressed and not.
for path in /api/v1/articles /api/v1/articles/slug/none "/api/v1/articles?lang=ar" /api/v1/search?q=news \
        "/api/v1/search/suggest?q=ne" /api/v1/feed.json /q/openapi; do
    curl -s -o /dev/null "$BASE$path"
    curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$BASE$path"
done

kill -TERM "$pid"
wait "$pid" || true
pid=
[[ -s $ARCHIVE ]] || { tail -30 "$work/service.log" >&2; echo "cds-archive: the JVM wrote no archive" >&2; exit 1; }
echo "cds-archive: wrote $ARCHIVE ($(du -m "$ARCHIVE" | cut -f1) MiB); run the service with" \
    "java -XX:SharedArchiveFile=$ARCHIVE ${JAVA_OPTS:-} -jar $JAR"
