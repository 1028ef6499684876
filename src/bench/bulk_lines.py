#!/usr/bin/env python3
"""Writes generated articles as NDJSON for the bulk-import benchmark (src/bench/bulk.sh).

The articles are those of src/bench/load.py (same seed, same text: half Arabic, half English, about 400 words each),
one JSON object per line, each with an external id ("bench-<n>") so that sending the file again updates instead of
duplicating. Standard library only.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load import article  # noqa: E402  (the generator of the read benchmark)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--count", type=int, default=100000)
    p.add_argument("--first", type=int, default=0, help="number of the first article (default 0)")
    p.add_argument("--out", required=True, help="file to write")
    args = p.parse_args()
    with open(args.out, "w", encoding="utf-8") as f:
        for i in range(args.first, args.first + args.count):
            a = article(i)
            a["externalId"] = "bench-%d" % i
            f.write(json.dumps(a, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
