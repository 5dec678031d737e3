"""Train the stance model shipped in ``src/newsprism/data/stance.npz`` and measure it honestly.

Usage::

    python scripts/train_stance.py --data ../shared/bench/stance            # grouped CV, then train + save
    python scripts/train_stance.py --data ../shared/bench/stance --cv-only  # only the grouped CV
    python scripts/train_stance.py --data ../shared/bench/stance --no-cv    # only train + save
    python scripts/train_stance.py --cv-only --group story                   # folds by story, not body

The data is the development half of the FNC-1 competition test set (``pairs.jsonl``, ``bodies.jsonl``);
nothing else of FNC-1 is used. The cross-validation is grouped by ``body_id`` (``--group body``): no
body is in both the training and the test folds, as with the held-out half, whose bodies are all
unseen. ``--group story`` is stricter: a story is a connected component of bodies and headlines linked
by a related (not ``unrelated``) pair, so no headline, body or topic of a test fold is seen in training;
it estimates the score on a held-out half made of other topics. Every fold learns
its own idf tables and trees from its training pairs only. Everything is seeded from
``StanceSettings.seed``; the run is deterministic.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.evaluate.stance import load_pairs, score  # noqa: E402
from newsprism.settings import StanceSettings  # noqa: E402
from newsprism.stance import STANCE_LABELS, StanceModel, grouped_folds, story_groups  # noqa: E402


def cross_validate(headlines, bodies, labels, groups, settings: StanceSettings, n_folds: int) -> dict:
    proba = np.zeros((len(labels), len(STANCE_LABELS)))
    for k, test in enumerate(grouped_folds(groups, n_folds, settings.seed)):
        t0 = time.time()
        train = np.setdiff1d(np.arange(len(labels)), test)
        model = StanceModel(settings).fit(
            [headlines[i] for i in train], [bodies[i] for i in train], [labels[i] for i in train]
        )
        proba[test] = model.predict_proba([headlines[i] for i in test], [bodies[i] for i in test])
        print(f"fold {k + 1}/{n_folds}: {len(train)} train, {len(test)} test pairs, {time.time() - t0:.0f}s", flush=True)
    model = StanceModel(settings)
    result = {"default": score(labels, model.decide(proba))}
    # The related-threshold sweep that sets StanceSettings.related_threshold.
    sweep = {}
    for threshold in np.round(np.arange(0.1, 0.91, 0.05), 2):
        s = StanceSettings(**{**settings.__dict__, "related_threshold": float(threshold)})
        m = score(labels, StanceModel(s).decide(proba))
        sweep[float(threshold)] = (m["fnc_score"], m["macro_f1"])
    result["threshold_sweep"] = sweep
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "stance")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "newsprism" / "data" / "stance.npz")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--group", choices=("body", "story"), default="body", help="what the CV folds keep apart")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--cv-only", action="store_true")
    mode.add_argument("--no-cv", action="store_true")
    args = parser.parse_args(argv)

    settings = StanceSettings()
    pairs, body_text = load_pairs(args.data)
    headlines = [p["headline"] for p in pairs]
    bodies = [body_text[p["body_id"]] for p in pairs]
    labels = [p["stance"] for p in pairs]
    groups = [p["body_id"] for p in pairs]
    if args.group == "story":
        groups = story_groups(headlines, groups, labels)
    digest = hashlib.sha256()
    for name in ("pairs.jsonl", "bodies.jsonl"):
        digest.update((args.data / name).read_bytes())
    print(f"{len(pairs)} pairs, {len(body_text)} bodies, data sha256 {digest.hexdigest()[:16]}", flush=True)

    if not args.no_cv:
        cv = cross_validate(headlines, bodies, labels, groups, settings, args.folds)
        print(json.dumps(cv, indent=1))
    if not args.cv_only:
        t0 = time.time()
        model = StanceModel(settings).fit(headlines, bodies, labels)
        model.meta_["trained_on"] = {"data_sha256": digest.hexdigest(), "pairs": len(pairs), "settings": settings.__dict__}
        args.out.parent.mkdir(parents=True, exist_ok=True)
        model.save(args.out)
        print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
