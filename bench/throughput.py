"""End-to-end throughput, per-stage time and peak memory on the bench pages.

Runs every stage of newsprism on the HTML pages of ``../shared/bench/extraction`` (real pages from many
publishers and languages), timing each stage separately, and times trafilatura's plain extraction of the
same pages in the same run as the peer (machines here are noisy; the ratio is what to compare).

    .venv/bin/python bench/throughput.py [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pages(shared: Path, limit: int | None) -> list[tuple[str, bytes, str]]:
    gold = [json.loads(line) for line in (shared / "bench/extraction/gold.jsonl").open()]
    pages = []
    for g in gold[:limit]:
        html = gzip.decompress((shared / "bench/extraction/html" / g["html"]).read_bytes())
        pages.append((g["id"], html, g["url"]))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import trafilatura

    from newsprism.model import Analysis, RawDocument, Rejected
    from newsprism.pipeline import ArticleWorker, Pipeline, Processed
    from newsprism.settings import Settings

    pages = _pages(args.shared, args.limit)
    n = len(pages)

    t0 = time.perf_counter()
    for _, html, url in pages:
        trafilatura.extract(html, url=url)
    peer = time.perf_counter() - t0

    settings = Settings(database_url="sqlite://")
    worker = ArticleWorker(settings)
    # Load models before timing: start-up is a one-off cost, reported separately.
    t0 = time.perf_counter()
    warm = Analysis(worker.builder(RawDocument("warm", "text", "Warm up\n\nPresident Joe Biden spoke in Paris on Monday.")))
    worker.analyze(warm)
    worker.fingerprinter([warm])
    startup = time.perf_counter() - t0

    stage_time: dict[str, float] = defaultdict(float)
    analyses, results = [], []
    t_all = time.perf_counter()
    for pid, html, url in pages:
        t0 = time.perf_counter()
        built = worker.builder(RawDocument(pid, "html", html, {"url": url}))
        stage_time["extract+clean+language"] += time.perf_counter() - t0
        if isinstance(built, Rejected):
            results.append(built)
            continue
        analysis = Analysis(built)
        for stage in worker.stages:
            t0 = time.perf_counter()
            stage(analysis)
            stage_time[stage.name] += time.perf_counter() - t0
        analyses.append(analysis)
    t0 = time.perf_counter()
    fingerprints = worker.fingerprinter(analyses)
    stage_time["fingerprint (minhash + embedding)"] += time.perf_counter() - t0
    results += [Processed(a, f) for a, f in zip(analyses, fingerprints)]

    pipeline = Pipeline(settings)
    from newsprism.model import IngestReport

    report = IngestReport()
    t0 = time.perf_counter()
    pipeline._store_batch(results, report)
    stage_time["link + assign + store"] += time.perf_counter() - t0
    t0 = time.perf_counter()
    pipeline.refresh(report.story_ids)
    stage_time["story reports (entities, compare, summary)"] += time.perf_counter() - t0
    total = time.perf_counter() - t_all
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    result = {
        "pages": n,
        "accepted": report.accepted,
        "rejected": len(report.rejected),
        "total_s": round(total, 2),
        "articles_per_s": round(n / total, 2),
        "trafilatura_s": round(peer, 2),
        "ratio_vs_trafilatura": round(total / peer, 2),
        "startup_s": round(startup, 2),
        "peak_rss_mb": round(peak_mb),
        "stages": {k: {"s": round(v, 2), "articles_per_s": round(n / v, 1) if v else None} for k, v in stage_time.items()},
    }
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
        return
    print(f"{n} pages · {report.accepted} accepted · {len(report.rejected)} rejected")
    print(f"end to end: {total:.1f} s = {n / total:.2f} articles/s · trafilatura alone {peer:.1f} s "
          f"(newsprism / trafilatura = {total / peer:.1f}x) · start-up {startup:.1f} s · peak RSS {peak_mb:.0f} MB")
    for k, v in sorted(stage_time.items(), key=lambda kv: -kv[1]):
        print(f"  {k:48s} {v:7.2f} s  {n / v if v else 0:8.1f} articles/s")


if __name__ == "__main__":
    main()
