"""Fit the weights of the value-slot match on a conflicts set, and cross-validate them by topic.

The comparer decides that two values of two reports fill the same slot with a logistic function of the
evidence in :class:`~newsprism.values.SlotMatch` (words on each side, sentences, entities, uniqueness,
distance...). Its weights and bias are named settings (``CompareSettings.match_bias``, ``weight_*``);
this module is how their values were found, so anyone can reproduce or refit them:

1. every pair of the set goes through the real per-article stages (optionally cached in a folder);
2. the comparer's own candidate step (:meth:`~newsprism.compare.Comparer.value_candidates`) lists the
   differing value pairs of each pair; the one citing the changed fact is a positive, all others are
   negatives (unchanged pairs have only negatives);
3. a logistic regression (scikit-learn, deterministic L-BFGS, L2 penalty ``C``) gives the weights, and
   the threshold ``conflict_similarity`` is the one finding the most changed facts while the
   contradiction findings per unchanged pair stay within ``max_false`` on the fitting pairs (the highest
   of equally good ones);
4. topic cross-validation: the topics are dealt round-robin into ``folds`` folds (ECB+ topics hold two
   events of one kind, so a topic never straddles folds); each fold is scored with weights and
   threshold fitted on the others.

Run ``python -m newsprism.evaluate.fit_values --data ../shared/bench/conflicts/conflicts-dev.jsonl
--cache /tmp/np-cache``; it prints the cross-validated figures and the settings to paste.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..analyze.canon import EntityResolver
from ..compare import Comparer
from ..model import Analysis, Article, FindingLabel
from ..settings import CompareSettings, Settings
from ..values import value_slots
from .conflicts import PairText, _offsets, load_rows, pair_texts, score, topic

__all__ = [
    "AnalysedPair",
    "FEATURES",
    "analyse_pairs",
    "candidate_table",
    "cross_validate",
    "fit_weights",
    "predict_scored",
    "threshold_for",
    "with_weights",
]

# The SlotMatch fields that get a weight, in the order of the fitted coefficients.
FEATURES = ("left", "right", "sentence", "parallel", "entities", "unique", "distance", "subject", "crowd", "anchors")
THRESHOLDS = (0.01, 0.015, 0.02, 0.025, 0.03, 0.035, 0.04, 0.05, 0.06, 0.08, 0.1, 0.15, 0.2, 0.3)


@dataclass(frozen=True)
class AnalysedPair:
    """One pair of the set with both sides analysed."""

    row: dict[str, Any]
    a: PairText
    b: PairText
    analysis_a: Analysis
    analysis_b: Analysis


def analyse_pairs(rows: Sequence[dict[str, Any]], settings: Settings, cache: Path | None = None) -> list[AnalysedPair]:
    """Run the per-article stages on both sides of every pair; ``cache`` keeps each analysis in a file."""
    from ..pipeline import ArticleWorker

    worker: ArticleWorker | None = None
    out = []
    for row in rows:
        pa, pb = pair_texts(row)
        analyses = []
        for side in (pa, pb):
            path = cache / f"{_key(side.article)}.pkl" if cache else None
            if path is not None and path.exists():
                analyses.append(pickle.loads(path.read_bytes()))
                continue
            worker = worker or ArticleWorker(settings)
            analysis = worker.analyze(Analysis(side.article))
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(pickle.dumps(analysis))
            analyses.append(analysis)
        out.append(AnalysedPair(row, pa, pb, *analyses))
    return out


def _key(article: Article) -> str:
    return hashlib.sha1(f"{article.id}\0{article.text}".encode()).hexdigest()


def candidate_table(pairs: Sequence[AnalysedPair], settings: Settings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features of every differing candidate pair of values, whether it is the changed fact, its topic."""
    resolver = EntityResolver(tuple(settings.analyze.spacy_models))
    comparer = Comparer(settings.compare)
    rows, labels, topics = [], [], []
    for p in pairs:
        a, b = p.analysis_a, p.analysis_b
        entities = resolver.resolve([a, b])
        slots = value_slots([a, b], entities, {a.article.id: "a", b.article.id: "b"}, settings.compare)
        xs = [s for s in slots if s.group == "a" and s.kind in ("number", "date")]
        ys = [s for s in slots if s.group == "b" and s.kind in ("number", "date")]
        gold = p.row["conflicts"][0] if p.row["conflicts"] else None
        for c in comparer.value_candidates(xs, ys)[1]:
            hit = gold is not None and _overlaps(p.a, c.x.span.start, c.x.span.end, gold["a_start"], gold["a_end"]) \
                and _overlaps(p.b, c.y.span.start, c.y.span.end, gold["b_start"], gold["b_end"])
            rows.append([getattr(c.match, f) for f in FEATURES])
            labels.append(hit)
            topics.append(topic(p.row))
    return np.array(rows, dtype=float), np.array(labels, dtype=bool), np.array(topics)


def _overlaps(side: PairText, start: int, end: int, gold_start: int, gold_end: int) -> bool:
    return side.to_given(start) < gold_end and gold_start < side.to_given(end)


def fit_weights(x: np.ndarray, y: np.ndarray, c: float = 1.0) -> dict[str, float]:
    """Logistic-regression weights (rounded to 0.01) named as the settings fields they fill."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    weights = {f"weight_{f}": round(float(w), 2) for f, w in zip(FEATURES, model.coef_[0])}
    weights["match_bias"] = round(float(model.intercept_[0]), 2)
    return weights


def with_weights(settings: Settings, weights: dict[str, float], threshold: float | None = None) -> Settings:
    """``settings`` with the fitted weights (and threshold) in its comparison settings."""
    compare = dataclasses.replace(settings.compare, **weights)
    if threshold is not None:
        compare = dataclasses.replace(compare, conflict_similarity=threshold)
    return dataclasses.replace(settings, compare=compare)


def predict_scored(pairs: Sequence[AnalysedPair], settings: Settings) -> dict[str, list[tuple[float, dict[str, Any]]]]:
    """Contradiction findings of every pair with their scores, at the lowest threshold of the sweep.

    Findings without a score (titles, speakers) get 1.0: no threshold of the sweep removes them.
    """
    low = dataclasses.replace(settings, compare=dataclasses.replace(settings.compare, conflict_similarity=min(THRESHOLDS)))
    resolver = EntityResolver(tuple(settings.analyze.spacy_models))
    comparer = Comparer(low.compare)
    out = {}
    for p in pairs:
        entities = resolver.resolve([p.analysis_a, p.analysis_b])
        found = [f for f in comparer([p.analysis_a, p.analysis_b], entities) if f.label is FindingLabel.CONTRADICTED]
        out[p.row["id"]] = [(1.0 if f.score is None else f.score, o) for f in found for o in _offsets([f], p.a, p.b)]
    return out


def _score_at(pairs: Sequence[AnalysedPair], scored: dict[str, list[tuple[float, dict[str, Any]]]], t: float) -> dict[str, Any]:
    return score([p.row for p in pairs], {k: [o for s, o in v if s >= t] for k, v in scored.items()})


def threshold_for(pairs: Sequence[AnalysedPair], settings: Settings, max_false: float) -> float:
    """The threshold of the sweep finding the most changed facts with false findings per unchanged pair
    within ``max_false``; of equally good ones the highest (recall is often flat over a range, and the
    fewer findings on unchanged pairs leave a margin on new data)."""
    scored = predict_scored(pairs, settings)
    best, best_found = max(THRESHOLDS), -1
    for t in THRESHOLDS:
        m = _score_at(pairs, scored, t)
        found = sum(m[f"found_{k}"] for k in ("number", "date", "title"))
        if m["false_findings_per_unchanged_pair"] <= max_false and found >= best_found:
            best, best_found = t, found
    return best


# Where fitting starts, whatever the current settings: every piece of evidence counts one unit, for or
# against (distance, crowd) the match.
START = {**{f"weight_{f}": 1.0 for f in FEATURES}, "weight_distance": -1.0, "weight_crowd": -1.0, "match_bias": 0.0}


def _fit(pairs: Sequence[AnalysedPair], settings: Settings, c: float, rounds: int) -> dict[str, float]:
    """Weights fitted on ``pairs``, from :data:`START`; refitted ``rounds`` times, since the agreeing pairs
    taken first (and so the candidates left) depend on the weights themselves."""
    weights = dict(START)
    for _ in range(rounds):
        x, y, _topics = candidate_table(pairs, with_weights(settings, weights))
        weights = fit_weights(x, y, c)
    return weights


def cross_validate(pairs: Sequence[AnalysedPair], settings: Settings, folds: int = 2, c: float = 1.0,
                   max_false: float = 0.25, rounds: int = 3) -> list[dict[str, Any]]:
    """Score each topic fold with weights and threshold fitted on the other folds."""
    topics = sorted({topic(p.row) for p in pairs})
    fold_of = {t: i % folds for i, t in enumerate(topics)}
    out = []
    for k in range(folds):
        train = [p for p in pairs if fold_of[topic(p.row)] != k]
        test = [p for p in pairs if fold_of[topic(p.row)] == k]
        weights = _fit(train, settings, c, rounds)
        t = threshold_for(train, with_weights(settings, weights), max_false)
        metrics = _score_at(test, predict_scored(test, with_weights(settings, weights)), t)
        out.append({"fold": k, "topics": [x for x in topics if fold_of[x] == k], "threshold": t, **metrics})
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=None, help="folder keeping the per-article analyses")
    parser.add_argument("--folds", type=int, default=2)
    parser.add_argument("--C", type=float, default=1.0, help="inverse L2 penalty of the logistic regression")
    parser.add_argument("--max-false", type=float, default=0.25, help="false findings per unchanged pair allowed")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    settings = Settings()
    pairs = analyse_pairs(load_rows(args.data), settings, args.cache)
    keys = ("recall_number", "recall_date", "recall_title", "false_findings_per_unchanged_pair")
    for r in cross_validate(pairs, settings, args.folds, args.C, args.max_false, args.rounds):
        print(f"fold {r['fold']} (topics {r['topics']}): threshold {r['threshold']} "
              + " ".join(f"{k} {r[k]}" for k in keys))
    weights = _fit(pairs, settings, args.C, args.rounds)
    t = threshold_for(pairs, with_weights(settings, weights), args.max_false)
    print(f"all pairs: threshold {t} " + " ".join(
        f"{k} {v}" for k, v in _score_at(pairs, predict_scored(pairs, with_weights(settings, weights)), t).items()
        if k in keys))
    for k, v in {**weights, "conflict_similarity": t}.items():
        print(f"    {k} = {v}")


if __name__ == "__main__":
    main()
