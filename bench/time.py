"""Throughput of the time stage: expressions/s and articles/s, per language.

Usage::

    .venv/bin/python bench/time.py [--data ../shared/bench/timex/timex-dev.jsonl] [--repeat 3]

Tags every document of the timex bench with its creation date as the reference (the work
``newsprism evaluate timex`` does, without scoring), after one warm-up pass that compiles the
grammars. Reports the best of ``--repeat`` timed passes, plus publication-date inference alone and
grammar compilation. Single process, single core.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections import defaultdict
from pathlib import Path

from newsprism.analyze.time import TimeTagger
from newsprism.analyze.timex import load_language
from newsprism.analyze.timex.pubdate import infer_publication

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "timex" / "timex-dev.jsonl"


def _passes(docs, fn, repeat):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        count = sum(fn(d) for d in docs)
        best = min(best, time.perf_counter() - start)
    return best, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    docs = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    by_lang = defaultdict(list)
    for d in docs:
        by_lang[d["lang"]].append(d)

    start = time.perf_counter()
    for code in ("en", "es", "de", "fr"):
        load_language(code)
    compile_s = (time.perf_counter() - start) / 4

    tagger = TimeTagger()
    for d in docs:  # warm-up: compiles the grammars this tagger keeps
        tagger.tag(d["text"], d["lang"], d["dct"])

    print(f"# time stage throughput — {args.data.name}, {len(docs)} documents, Python {platform.python_version()}")
    print(f"grammar compilation: {compile_s * 1000:.0f} ms per language (once per process / Dask worker)")
    header = ("lang", "docs", "chars", "exprs", "seconds", "articles/s", "exprs/s", "kchars/s")
    print("{:5} {:>5} {:>9} {:>6} {:>8} {:>11} {:>9} {:>9}".format(*header))
    total_s = total_e = total_c = 0.0
    for lang, group in sorted(by_lang.items()):
        seconds, exprs = _passes(group, lambda d: len(tagger.tag(d["text"], d["lang"], d["dct"])), args.repeat)
        chars = sum(len(d["text"]) for d in group)
        total_s, total_e, total_c = total_s + seconds, total_e + exprs, total_c + chars
        print(f"{lang:5} {len(group):5} {chars:9} {exprs:6} {seconds:8.3f} {len(group) / seconds:11.0f} "
              f"{exprs / seconds:9.0f} {chars / seconds / 1000:9.0f}")
    print(f"{'all':5} {len(docs):5} {int(total_c):9} {int(total_e):6} {total_s:8.3f} {len(docs) / total_s:11.0f} "
          f"{total_e / total_s:9.0f} {total_c / total_s / 1000:9.0f}")

    languages = {code: load_language(code) for code in by_lang}
    seconds, found = _passes(docs, lambda d: infer_publication(d["text"], languages[d["lang"]]).found, args.repeat)
    print(f"publication-date inference alone: {len(docs) / seconds:.0f} articles/s ({found} of {len(docs)} dated)")


if __name__ == "__main__":
    main()
