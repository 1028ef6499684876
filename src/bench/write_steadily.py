#!/usr/bin/env python3
"""An editor at work during a read benchmark (src/bench/run.sh): publishes one new generated article (load.py's
generator, numbers from --first on, so none repeats a loaded one) every --interval seconds for --seconds, then deletes
them again, so that later measurements read the same corpus. Prints how many it published, and the deletes' count.

Standard library only.
"""

import argparse
import sys
import threading
import time
import urllib.parse

import load


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", default="http://127.0.0.1:8089")
    p.add_argument("--token", default="bench")
    p.add_argument("--first", type=int, required=True, help="number of the first generated article")
    p.add_argument("--interval", type=float, default=1.0)
    p.add_argument("--seconds", type=float, required=True)
    args = p.parse_args()

    u = urllib.parse.urlsplit(args.url)
    client = load.Client(u.hostname, u.port or 80, args.token, timeout=60)
    ids = []
    end = time.monotonic() + args.seconds
    i = args.first
    while time.monotonic() < end:
        started = time.monotonic()
        ids.append(load.create(client, i, {"lock": threading.Lock(), "retries": 0})[1])
        i += 1
        time.sleep(max(0.0, args.interval - (time.monotonic() - started)))
    for article in ids:
        c = client.conn()
        c.request("DELETE", "/api/v1/articles/" + article, headers={"Authorization": "Bearer " + args.token})
        r = c.getresponse()
        r.read()
        if r.status != 204:
            raise RuntimeError("deleting %s: HTTP %d" % (article, r.status))
    print("published %d articles, one every %.1f s, then deleted them" % (len(ids), args.interval))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as e:
        print("write_steadily.py: %s" % e, file=sys.stderr)
        sys.exit(1)
