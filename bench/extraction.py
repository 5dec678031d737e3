"""Time newsprism's extraction against trafilatura alone on the same pages, in one run.

Both sides get the same page bytes, interleaved page by page so machine load hits both alike:

- ``trafilatura``: ``trafilatura.bare_extraction(html, url=url, with_metadata=True)`` — body and the
  metadata (title, author, date) newsprism also returns (the ``ratio``);
- ``trafilatura_body_only``: the same with ``with_metadata=False`` — body alone, the cheapest trafilatura
  call (``ratio_body_only``);
- ``newsprism``: :class:`newsprism.ingest.extract.Extractor` (markup metadata, trafilatura body, cleaner).

Prints seconds for each, the ratio newsprism / trafilatura, and the body F1 of both (the scrapinghub
shingle measure), as one JSON object.

Usage::

    python bench/extraction.py [--data ../shared/bench/extraction] [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import trafilatura

from newsprism.errors import InputError
from newsprism.evaluate.extraction import load_gold, read_page, score
from newsprism.ingest.extract import Extractor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/bench/extraction")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the pages (timings are summed)")
    args = parser.parse_args()

    root, rows = load_gold(args.data)
    rows = rows[: args.limit] if args.limit else rows
    pages = [(row, read_page(root, row["html"])) for row in rows]
    extractor = Extractor()
    extractor(pages[0][1], url=pages[0][0].get("url"))  # warm up imports outside the timings
    trafilatura.bare_extraction(pages[0][1], with_metadata=True)

    t_traf = t_body = t_np = 0.0
    ours, theirs = [], []
    for _ in range(args.repeat):
        ours.clear()
        theirs.clear()
        for row, html in pages:
            start = time.perf_counter()
            doc = trafilatura.bare_extraction(html, url=row.get("url"), with_metadata=True)
            t_traf += time.perf_counter() - start
            body = (doc.text or "") if doc else ""
            theirs.append((row, {"title": None, "body": body, "authors": [], "published": None}))

            start = time.perf_counter()
            trafilatura.bare_extraction(html, url=row.get("url"), with_metadata=False)
            t_body += time.perf_counter() - start

            start = time.perf_counter()
            try:
                ex = extractor(html, url=row.get("url"))
                body = ex.text
            except InputError:
                body = ""
            t_np += time.perf_counter() - start
            ours.append((row, {"title": None, "body": body, "authors": [], "published": None}))

    print(
        json.dumps(
            {
                "pages": len(pages) * args.repeat,
                "trafilatura_seconds": round(t_traf, 2),
                "newsprism_seconds": round(t_np, 2),
                "trafilatura_body_only_seconds": round(t_body, 2),
                "ratio": round(t_np / t_traf, 3),
                "ratio_body_only": round(t_np / t_body, 3),
                "trafilatura_body_f1": score(theirs)["body_f1"],
                "newsprism_body_f1": score(ours)["body_f1"],
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
