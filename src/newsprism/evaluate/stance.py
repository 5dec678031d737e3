"""Stance suite: FNC-1 headline–body pairs (``bench/stance``).

Runs :class:`~newsprism.stance.StanceClassifier` on every pair and scores it with the FNC-1 measure
(0.25 for a right related/unrelated call, 0.75 more for the right label of a related pair) as a
percentage of the best possible score, plus macro-F1 over the four labels. Gold labels are read only to
score.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from ..errors import ConfigError
from ..settings import Settings
from ..stance import STANCE_LABELS, StanceClassifier
from .metrics import prf, write_prediction

__all__ = ["evaluate", "fnc_points", "fnc_score", "load_pairs", "score"]


def load_pairs(data: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The pairs (``headline, body_id, stance``) and the bodies by id of a stance folder."""
    data = Path(data)
    try:
        with open(data / "bodies.jsonl", encoding="utf-8") as f:
            bodies = {str(r["body_id"]): r["body"] for r in map(json.loads, f)}
        with open(data / "pairs.jsonl", encoding="utf-8") as f:
            pairs = [dict(r, body_id=str(r["body_id"])) for r in map(json.loads, f)]
    except (OSError, KeyError, json.JSONDecodeError) as e:
        raise ConfigError(f"cannot read stance data in {data}: {e}") from e
    missing = {p["body_id"] for p in pairs} - set(bodies)
    if missing:
        raise ConfigError(f"{len(missing)} body ids in pairs.jsonl are not in bodies.jsonl")
    return pairs, bodies


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """FNC-1 score as a percentage of the maximum (the official ``score_submission`` weights).

    >>> fnc_score(["agree", "unrelated"], ["discuss", "unrelated"])
    40.0
    """
    got, best = fnc_points(gold, predicted)
    return round(100.0 * got / best, 4) if best else 0.0


def fnc_points(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float]:
    """The raw FNC-1 score and the best possible one (as the official scorer prints them).

    >>> fnc_points(["agree", "unrelated"], ["discuss", "unrelated"])
    (0.5, 1.25)
    """
    got = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        related_g, related_p = g != "unrelated", p != "unrelated"
        best += 1.0 if related_g else 0.25
        if g == p:
            got += 0.25 + (0.5 if related_g else 0.0)
        if related_g and related_p:
            got += 0.25
    return got, best


def score(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """FNC score, macro-F1, per-label precision/recall/F1 and counts.

    >>> m = score(["agree", "unrelated", "discuss"], ["agree", "unrelated", "agree"])
    >>> m["f1_agree"], m["f1_disagree"], m["accuracy"]
    (0.666667, 0.0, 0.666667)
    """
    got, best = fnc_points(gold, predicted)
    # fnc_score is the relative score (% of the maximum), the figure FNC-1 results are compared by.
    metrics: dict[str, Any] = {"fnc_score": fnc_score(gold, predicted), "fnc_points": got, "fnc_max": best}
    f1s = []
    for label in STANCE_LABELS:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted))
        p_, r_, f_ = prf(tp, fp, fn)
        metrics.update({f"precision_{label}": p_, f"recall_{label}": r_, f"f1_{label}": f_})
        f1s.append(f_)
    metrics["macro_f1"] = round(sum(f1s) / len(f1s), 6)
    metrics["accuracy"] = round(sum(g == p for g, p in zip(gold, predicted)) / max(1, len(gold)), 6)
    related = sum((g != "unrelated") == (p != "unrelated") for g, p in zip(gold, predicted))
    metrics["related_accuracy"] = round(related / max(1, len(gold)), 6)
    metrics["pairs"] = len(gold)
    for label, n in sorted(Counter(gold).items()):
        metrics[f"gold_{label}"] = n
    for label, n in sorted(Counter(predicted).items()):
        metrics[f"predicted_{label}"] = n
    return metrics


def evaluate(data: Path, settings: Settings, predictions: TextIO | None = None) -> dict[str, Any]:
    """Classify every pair of ``data`` and score the labels against the gold ones."""
    pairs, bodies = load_pairs(data)
    t0 = time.perf_counter()
    results = StanceClassifier(settings.stance).predict_many((p["headline"], bodies[p["body_id"]]) for p in pairs)
    seconds = time.perf_counter() - t0
    for p, r in zip(pairs, results):
        write_prediction(
            predictions,
            {"headline": p["headline"], "body_id": p["body_id"], "stance": r.label,
             "scores": dict(r.scores), "evidence": [list(span) for span in r.evidence]},
        )
    metrics = score([p["stance"] for p in pairs], [r.label for r in results])
    metrics["seconds"] = round(seconds, 1)
    return metrics
