"""Scale benchmark of story assignment: stream N synthetic articles through the story stage.

The base articles (``stories/ecbplus-dev.jsonl`` by default) go through newsprism's real per-article stages
once; their story signals (weighted key terms, lead embedding, event year) are cached in ``--cache`` (a
scratch dir outside the repository). The stream is then built from perturbed copies — nothing generated
is written anywhere but the database in ``--workdir``:

* each synthetic *event* copies one base article with its own names, numbers and dates (the base terms
  suffixed with the event number), a shifted embedding and a day spread over ``--days`` days — so many
  events share the words of their kind, as real same-kind events do, but not their specifics;
* each event has 1-30 *reports* (geometric sizes): the event's terms with 25% dropped, counts jittered,
  the embedding jittered, dated 0-3 days after the event;
* reports arrive in date order, in batches of 64, one transaction per batch, as the pipeline does.

It reports articles/s and CPU ms per article in windows of 1,000 articles ending at stored counts (10k, 20k,
50k, 100k, 150k, 200k), the ratio of the CPU time per article at the largest count to that at 10k (target
<= 1.5), the process RSS and the database size
per 100k articles (target <= 1 GB), and the story BCubed F1 against the synthetic events.

    python bench/stories.py --articles 200000 --cache /tmp/stories-cache --workdir /tmp/stories-bench

``--translations`` instead ingests ``provenance/translations-dev.json`` through the full pipeline and
reports the share of gold English/Spanish pairs that share a story, and the number of stories.
"""

from __future__ import annotations

import argparse
import itertools
import dataclasses
import json
import math
import os
import pickle
import random
import sys
import time
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.evaluate.stories import bcubed  # noqa: E402
from newsprism.settings import Settings  # noqa: E402
from newsprism.stories import ArticleSignals, StoryAssigner  # noqa: E402
from newsprism.store.repository import Store  # noqa: E402

CHECKPOINTS = (10_000, 20_000, 50_000, 100_000, 150_000, 200_000, 500_000, 1_000_000)
WINDOW = 1_000


def _shared() -> Path:
    env = os.environ.get("NEWSPRISM_SHARED")
    for c in ([Path(env)] if env else []) + [ROOT.parent / "shared", Path("/work/shared")]:
        if (c / "bench").is_dir():
            return c
    raise SystemExit("../shared/bench not found; set NEWSPRISM_SHARED")


def base_signals(data: Path, cache: Path, settings: Settings) -> list[dict[str, Any]]:
    """Story signals of the base articles, computed once with the real stages and cached as a pickle."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"signals-{data.stem}.pkl"
    if path.exists():
        with open(path, "rb") as f:
            return pickle.load(f)
    from newsprism.evaluate.stories import _record, load
    from newsprism.ingest.readers import record_to_raw
    from newsprism.pipeline import ArticleWorker, Processed

    worker, assigner = ArticleWorker(settings), StoryAssigner(settings.stories)
    rows = load(data)
    out = []
    for i in range(0, len(rows), 32):
        raws = [record_to_raw(_record(r), f"{data}:{i + j}") for j, r in enumerate(rows[i : i + 32])]
        for item in worker.process(raws):
            if isinstance(item, Processed):
                sig = assigner.signals(item.analysis, item.fingerprint)
                out.append({"terms": dict(sig.terms), "embedding": sig.embedding, "year": sig.year, "title": sig.title})
        print(f"analysed {min(i + 32, len(rows))}/{len(rows)}", file=sys.stderr, flush=True)
    with open(path, "wb") as f:
        pickle.dump(out, f)
    return out


def synthetic_stream(bases: list[dict[str, Any]], n: int, days: int, seed: int) -> Iterator[tuple[int, ArticleSignals]]:
    """``(event number, signals)`` for ``n`` reports of perturbed copies of ``bases``, in date order.

    Only small descriptors are held in memory; each report is built when it is streamed.
    """
    rng = random.Random(seed)
    plan: list[tuple[int, int, int]] = []  # (day, event, report)
    event = 0
    while len(plan) < n:
        day0 = rng.randrange(days)
        size = min(30, int(np.random.default_rng([seed, event]).geometric(0.15)))
        plan.extend((day0 + rng.randint(0, 3), event, r) for r in range(size))
        event += 1
    plan = sorted(plan[:n])
    start = np.datetime64("2024-01-01")
    dim = next((b["embedding"].shape[0] for b in bases if b["embedding"] is not None), 0)
    for day, event, r in plan:
        base = bases[event % len(bases)]
        erng = np.random.default_rng([seed, event])
        rrng = random.Random(f"{seed}/{event}/{r}")
        terms = {
            (f"{t}~{event}" if t[:2] in ("e:", "n:", "t:") else t): w * rrng.uniform(0.8, 1.2)
            for t, w in base["terms"].items()
            if rrng.random() > 0.25
        }
        emb = None
        if base["embedding"] is not None:
            shift = 0.25 * erng.normal(size=dim).astype(np.float32) / math.sqrt(dim)
            jitter = 0.1 * np.random.default_rng([seed, event, r]).normal(size=dim).astype(np.float32) / math.sqrt(dim)
            v = base["embedding"] / np.linalg.norm(base["embedding"]) + shift + jitter
            emb = (v / np.linalg.norm(v)).astype(np.float32)
        iso = str(start + np.timedelta64(day, "D"))
        yield event, ArticleSignals(f"a{event}r{r}", f"{base['title']} #{event}", terms, emb, "en", iso, int(iso[:4]))


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def run_scale(args: argparse.Namespace) -> dict[str, Any]:
    settings = Settings()
    data = Path(args.data) if args.data else _shared() / "bench" / "stories" / "ecbplus-dev.jsonl"
    bases = base_signals(data, Path(args.cache), settings)
    stream = synthetic_stream(bases, args.articles, args.days, args.seed)
    if args.profile:
        import cProfile
        import pstats

        store = Store("sqlite://")
        assigner = StoryAssigner(settings.stories)
        with store.begin() as conn:
            stream = list(stream)
            cProfile.runctx("for e, s in stream: assigner.assign_signals(store, conn, s)", globals(), locals(), "/tmp/stories-bench.prof")
        pstats.Stats("/tmp/stories-bench.prof").sort_stats("tottime").print_stats(20)
        return {}
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "stories-bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    store = Store(f"sqlite:///{db}")
    assigner = StoryAssigner(settings.stories)
    rss0 = _rss_mb()
    pred, gold = {}, {}
    curve = []
    marks = [c for c in CHECKPOINTS if c <= args.articles]
    t_window = None
    t0 = time.perf_counter()
    batches = iter(lambda: list(itertools.islice(stream, 64)), [])
    done = 0
    for batch in batches:
        with store.begin() as conn:
            for event, sig in batch:
                if any(done == m - WINDOW for m in marks):
                    t_window = (done, time.perf_counter(), time.process_time())
                pred[sig.article_id] = assigner.assign_signals(store, conn, sig).story_id
                gold[sig.article_id] = event
                done += 1
        if t_window and done >= t_window[0] + WINDOW:
            n_window = done - t_window[0]
            wall, cpu = time.perf_counter() - t_window[1], time.process_time() - t_window[2]
            curve.append({
                "stored": done,
                "articles_per_s": round(n_window / wall, 1),
                "cpu_ms_per_article": round(1000 * cpu / n_window, 2),
                "rss_mb": round(_rss_mb(), 1),
            })
            print(json.dumps(curve[-1]), file=sys.stderr, flush=True)
            t_window = None
        if done % 10_000 < 64:
            print(f"{done} articles, {time.perf_counter() - t0:.0f}s", file=sys.stderr, flush=True)
    total = time.perf_counter() - t0
    db_mb = sum(Path(str(db) + s).stat().st_size for s in ("", "-wal") if Path(str(db) + s).exists()) / 2**20
    p, r, f = bcubed(pred, gold)
    # CPU time per article, so that other jobs on a shared machine do not bend the curve.
    ratio = curve[-1]["cpu_ms_per_article"] / curve[0]["cpu_ms_per_article"] if len(curve) > 1 else None
    store.close()
    per_100k = 100_000 / args.articles
    return {
        "articles": args.articles,
        "events": len(set(gold.values())),
        "stories": len(set(pred.values())),
        "seconds": round(total, 1),
        "articles_per_s": round(args.articles / total, 1),
        "curve": curve,
        "cpu_ratio_last_to_first": round(ratio, 3) if ratio else None,
        "rss_growth_mb_per_100k": round((_rss_mb() - rss0) * per_100k, 1),
        "db_mb_per_100k": round(db_mb * per_100k, 1),
        "bcubed": {"precision": p, "recall": r, "f1": f},
    }


def run_translations(args: argparse.Namespace) -> dict[str, Any]:
    from newsprism.prism import Prism

    path = _shared() / "bench" / "provenance" / "translations-dev.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    prism = Prism("sqlite://", dataclasses.replace(Settings(), database_url="sqlite://"))
    records = []
    for doc in data["docs"]:
        title, _, body = doc["text"].partition("\n")
        rec = {"id": doc["id"], "title": title.strip(), "text": body.strip() or title.strip(), "lang": doc["lang"]}
        if doc.get("dct"):
            rec["published"] = doc["dct"]
        records.append(rec)
    report = prism.ingest_texts(records, origin="translations")
    story = {}
    with prism.store.begin() as conn:
        for aid in report.article_ids:
            story[prism.store.get_article(conn, aid).external_id] = prism.store.article_story(conn, aid)
    pairs = data["gold_pairs"]
    together = sum(1 for a, b in pairs if story.get(a) is not None and story.get(a) == story.get(b))
    return {
        "docs": len(records),
        "accepted": report.accepted,
        "gold_pairs": len(pairs),
        "pairs_in_one_story": together,
        "share": round(together / len(pairs), 4),
        "stories": len(set(story.values())),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200_000)
    ap.add_argument("--days", type=int, default=180, help="days the synthetic events are spread over")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--data", default="", help="base articles (JSONL); default the ECB+ dev set")
    ap.add_argument("--cache", default=os.environ.get("NEWSPRISM_BENCH_CACHE", "/tmp/newsprism-bench-cache"))
    ap.add_argument("--workdir", default="/tmp/newsprism-bench")
    ap.add_argument("--profile", action="store_true", help="profile assignment of the stream in memory")
    ap.add_argument("--translations", action="store_true", help="cross-language pairs instead of scale")
    args = ap.parse_args()
    out = run_translations(args) if args.translations else run_scale(args)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
