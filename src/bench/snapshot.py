#!/usr/bin/env python3
"""Copies what the service answers into files for nginx, the benchmark's reference (src/bench/run.sh).

Reads, anonymously as a reader would: every published article (walking the list, newest first), the first list
page of 20 and a deep one reached by following DEPTH cursors. Writes, under ROOT:
  a/<id>        the article's JSON, byte for byte what the service sent, and a/<id>.gz (for nginx's gzip_static)
  list/first    the first page; list/deep the deep page
and, next to ROOT, the path lists wrk's Zipf runs draw from (rank 1 = newest article, the most read, as in news):
  zipf-service.txt  /api/v1/articles/<id> per line, zipf-nginx.txt  /a/<id> per line
and a shell-sourceable file with the deep page's path (DEEP_PATH). Standard library only.
"""

import argparse
import gzip
import http.client
import json
import os
import sys
import urllib.parse


def fetch(conn, path):
    conn.request("GET", path, headers={"Accept": "application/json"})
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        raise RuntimeError("GET %s answered %d: %s" % (path, r.status, body[:300]))
    return body


def write(path, body, gz=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(body)
    if gz:
        with open(path + ".gz", "wb") as f:
            f.write(gzip.compress(body, 6))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", default="http://127.0.0.1:8089")
    p.add_argument("--root", required=True)
    p.add_argument("--depth", type=int, default=100, help="pages of 20 to follow for the deep page")
    p.add_argument("--zipf", type=int, default=10000, help="articles in the Zipf path lists")
    p.add_argument("--out", required=True, help="shell-sourceable file to write DEEP_PATH to")
    args = p.parse_args()

    u = urllib.parse.urlsplit(args.url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    ids, cursor = [], None
    while True:
        path = "/api/v1/articles?limit=100&fields=id" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")
        page = json.loads(fetch(conn, path))
        ids += [item["id"] for item in page["items"]]
        cursor = page["nextCursor"]
        if not cursor:
            break
    for n, article_id in enumerate(ids):
        write(os.path.join(args.root, "a", article_id), fetch(conn, "/api/v1/articles/" + article_id), gz=True)
        if n and n % 2000 == 0:
            print("  copied %d/%d articles" % (n, len(ids)), file=sys.stderr, flush=True)

    write(os.path.join(args.root, "list", "first"), fetch(conn, "/api/v1/articles?limit=20"), gz=True)
    path = "/api/v1/articles?limit=20"
    for _ in range(args.depth):
        cursor = json.loads(fetch(conn, path))["nextCursor"]
        if not cursor:
            break
        path = "/api/v1/articles?limit=20&cursor=" + urllib.parse.quote(cursor, safe="")
    write(os.path.join(args.root, "list", "deep"), fetch(conn, path), gz=True)

    parent = os.path.dirname(os.path.abspath(args.root))
    ranked = ids[: args.zipf]
    with open(os.path.join(parent, "zipf-service.txt"), "w") as f:
        f.writelines("/api/v1/articles/%s\n" % i for i in ranked)
    with open(os.path.join(parent, "zipf-nginx.txt"), "w") as f:
        f.writelines("/a/%s\n" % i for i in ranked)
    with open(args.out, "w") as f:
        f.write("DEEP_PATH='%s'\nSNAPSHOT_ARTICLES=%d\nZIPF_ARTICLES=%d\n" % (path, len(ids), len(ranked)))
    print("copied %d articles, the first page and a page %d deep" % (len(ids), args.depth), file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as e:
        print("snapshot.py: %s" % e, file=sys.stderr)
        sys.exit(1)
