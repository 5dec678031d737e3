"""Translation pairs: does newsprism link each translated document to its source, and nothing else?

The documents are ingested through the real pipeline (an in-memory store, ``dct`` as the publication
date); the predicted pairs are the stored ``translation`` links, reduced to a one-to-one matching (best
score first), since the benchmark has each document in at most one pair. Gold pairs are read only to
score. Metrics: pair precision, recall and F1 (bench README).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, TextIO

from ..model import LinkKind, RawDocument
from ..pipeline import Pipeline
from ..settings import Settings
from .metrics import prf, write_prediction

__all__ = ["evaluate", "match_pairs"]


def match_pairs(scored: list[tuple[str, str, float]]) -> list[tuple[str, str, float]]:
    """A one-to-one matching, greedily from the best score down.

    >>> match_pairs([("a", "x", 0.9), ("a", "y", 0.8), ("b", "x", 0.7), ("b", "y", 0.6)])
    [('a', 'x', 0.9), ('b', 'y', 0.6)]
    """
    used: set[str] = set()
    out = []
    for a, b, s in sorted(scored, key=lambda p: (-p[2], p[0], p[1])):
        if a in used or b in used:
            continue
        used.update((a, b))
        out.append((a, b, s))
    return out


def evaluate(data: Path, settings: Settings, predictions: TextIO | None = None) -> dict[str, Any]:
    """Ingest the benchmark documents and score the predicted translation pairs against the gold pairs."""
    bench = json.loads(Path(data).read_text(encoding="utf-8"))
    docs = bench["docs"]
    pipeline = Pipeline(dataclasses.replace(settings, database_url="sqlite://"))
    try:
        raws = [
            RawDocument(f"{data}#{d['id']}", "text", d["text"], {"id": d["id"], "lang": d.get("lang"), "published": d.get("dct")})
            for d in docs
        ]
        report = pipeline.ingest_raw(raws)
        with pipeline.store.begin() as conn:
            doc_of = {}
            for aid in report.article_ids:
                doc_of[aid] = pipeline.store.get_article(conn, aid).external_id
            scored = [
                (doc_of[link.article_id], doc_of[link.target_id], link.score)
                for link in pipeline.store.all_links(conn)
                if link.kind is LinkKind.TRANSLATION and link.article_id in doc_of and link.target_id in doc_of
            ]
    finally:
        pipeline.close()
    predicted = match_pairs(scored)
    gold = {frozenset(p) for p in bench["gold_pairs"]}
    tp = sum(1 for a, b, _ in predicted if frozenset((a, b)) in gold)
    for a, b, s in predicted:
        write_prediction(predictions, {"a": a, "b": b, "score": s})
    p, r, f = prf(tp, len(predicted) - tp, len(gold) - tp)
    return {
        "pair_precision": p,
        "pair_recall": r,
        "pair_f1": f,
        "documents": len(docs),
        "accepted": report.accepted,
        "gold_pairs": len(gold),
        "predicted_pairs": len(predicted),
        "links": len(scored),
        "true_positives": tp,
    }
