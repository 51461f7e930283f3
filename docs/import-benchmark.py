#!/usr/bin/env python3
"""Batch import benchmark (docs/benchmarks.md, "Batch import"). Python standard library only.

  import-benchmark.py build OUT.zip [--pages N] [--from DIR]
      N (1,000) news pages from DIR's *.html.gz (the extraction benchmark's 181 real pages),
      reused in turn; each copy gets a paragraph of its own inside the article text, so no two
      are duplicates.
  import-benchmark.py post OUT.zip URL TOKEN
      POSTs the ZIP to URL/api/articles/batch, reads the streamed answer and prints the time
      and the count of each result.
"""
import argparse
import collections
import glob
import gzip
import json
import os
import re
import sys
import time
import urllib.request
import zipfile

LINE_END = re.compile(rb"</p\s*>|<br\s*/?>", re.IGNORECASE)


def varied(page, number):
    # at the end of every paragraph and line: cleaning drops a paragraph of its own when it stands
    # outside the article body, and some pages keep only part of their paragraphs
    mark = b" (copy %d)" % number
    varied_page, marked = LINE_END.subn(lambda end: mark + end.group(0), page)
    return varied_page if marked else page + b"<p>" + mark + b"</p>"


def build(args):
    sources = sorted(glob.glob(os.path.join(args.source, "*.html.gz")))
    if not sources:
        sys.exit("no *.html.gz in " + args.source)
    pages = []
    for path in sources:
        with gzip.open(path, "rb") as f:
            pages.append(f.read())
    with zipfile.ZipFile(args.zip, "w", zipfile.ZIP_DEFLATED) as out:
        for n in range(args.pages):
            out.writestr("page-%04d.html" % (n + 1), varied(pages[n % len(pages)], n + 1))
    print("%s: %d pages from %d sources, %d bytes"
          % (args.zip, args.pages, len(pages), os.path.getsize(args.zip)))


def post(args):
    with open(args.zip, "rb") as f:
        body = f.read()
    request = urllib.request.Request(
        args.url.rstrip("/") + "/api/articles/batch",
        data=body,
        method="POST",
        headers={"Content-Type": "application/zip", "Authorization": "Bearer " + args.token},
    )
    results = collections.Counter()
    start = time.monotonic()
    with urllib.request.urlopen(request, timeout=600) as answer:
        for line in answer:  # line by line as they arrive (a TextIOWrapper would wait for 8 KB)
            outcome = json.loads(line)
            if outcome.get("done"):
                results["imported (summary)"] = outcome["imported"]
            else:
                results[outcome["result"]] += 1
                if outcome["result"] != "imported":
                    print(" ", outcome["file"], outcome["result"], outcome.get("message"))
    took = time.monotonic() - start
    print("%.1f s: %s" % (took, ", ".join("%s %d" % kv for kv in sorted(results.items()))))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build")
    b.add_argument("zip")
    b.add_argument("--pages", type=int, default=1000)
    b.add_argument("--from", dest="source", default="/work/shared/dev-data/extraction/html")
    b.set_defaults(run=build)
    p = commands.add_parser("post")
    p.add_argument("zip")
    p.add_argument("url")
    p.add_argument("token")
    p.set_defaults(run=post)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
