"""TempEval-3 style evaluation of time expressions on ``bench/timex`` (English and Spanish).

Per language and overall: strict span match (same offsets) and relaxed match (overlap) as P/R/F1, type
accuracy over relaxed matches, and value P/R/F1 where a value counts when its span matches (relaxed)
and the TIMEX3 value is the same string. System and gold expressions are paired one to one, largest
overlap first. Values are compared in TimeML's reading (:func:`~newsprism.analyze.timex.timeml.timeml_reading`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any, TextIO

from ..analyze.time import TimeTagger
from ..analyze.timex.timeml import timeml_reading
from ..model import Article
from ..settings import Settings
from .metrics import prf, write_prediction

__all__ = ["evaluate", "match", "score"]


def match(system: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs ``(system index, gold index)`` of overlapping spans, one to one, largest overlap first.

    >>> match([{"start": 0, "end": 5}, {"start": 10, "end": 12}], [{"start": 3, "end": 8}])
    [(0, 0)]
    """
    overlaps = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            o = min(s["end"], g["end"]) - max(s["start"], g["start"])
            if o > 0:
                overlaps.append((-o, i, j))
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(overlaps):
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def score(counts: dict[str, int], prefix: str) -> dict[str, float | int]:
    """Metrics from summed counts (``sys``, ``gold``, ``strict``, ``relaxed``, ``type``, ``value``)."""
    out: dict[str, float | int] = {}
    for name in ("strict", "relaxed", "value"):
        p, r, f = prf(counts[name], counts["sys"] - counts[name], counts["gold"] - counts[name])
        out.update({f"{prefix}{name}_p": p, f"{prefix}{name}_r": r, f"{prefix}{name}_f1": f})
    out[f"{prefix}type_accuracy"] = round(counts["type"] / counts["relaxed"], 6) if counts["relaxed"] else 0.0
    out[f"{prefix}gold"] = counts["gold"]
    out[f"{prefix}system"] = counts["sys"]
    return out


def _published(tagger: TimeTagger, doc: dict[str, Any], counts: dict[str, int]) -> dict[str, Any]:
    """Infer the creation date from the text alone and count how it compares with the gold one."""
    inferred = tagger.infer_published(Article.build(text=doc["text"], id=doc["id"]), doc["lang"])
    dct = doc["dct"][:10]
    counts["docs"] += 1
    if inferred.method == "text":
        counts["dated"] += 1
        counts["contains"] += (inferred.earliest or dct) <= dct <= (inferred.latest or dct)
        counts["exact"] += inferred.value == dct
    return {"value": inferred.value, "earliest": inferred.earliest, "latest": inferred.latest}


def evaluate(data: Path, settings: Settings, predictions: TextIO | None = None) -> dict[str, Any]:
    """Tag every document with its creation date as the reference and score against the gold.

    Also infers each creation date from the text alone (as if metadata were missing): ``published_dated``
    is the share of documents given a date or a range, ``published_contains`` the share of those whose
    range holds the gold date, ``published_exact`` the share of all documents dated to the exact day.
    """
    tagger = TimeTagger(settings.time)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    pub: dict[str, int] = defaultdict(int)
    docs = 0
    with open(data, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            doc = json.loads(line)
            docs += 1
            system = []
            for t in tagger.tag(doc["text"], doc["lang"], doc.get("dct")):
                kind, value = timeml_reading(t)
                system.append({"start": t.start, "end": t.end, "type": kind, "value": value})
            published = _published(tagger, doc, pub)
            write_prediction(predictions, {"id": doc["id"], "timexes": system, "published": published})
            gold = doc["timexes"]
            for key in (doc["lang"], "all"):
                c = counts[key]
                c["sys"] += len(system)
                c["gold"] += len(gold)
                for i, j in match(system, gold):
                    s, g = system[i], gold[j]
                    c["relaxed"] += 1
                    c["strict"] += s["start"] == g["start"] and s["end"] == g["end"]
                    c["type"] += s["type"] == g["type"]
                    c["value"] += s["value"] == g["value"]
    metrics: dict[str, Any] = {"documents": docs}
    for key in sorted(counts):
        metrics.update(score(counts[key], "" if key == "all" else f"{key}_"))
    metrics["published_dated"] = round(pub["dated"] / pub["docs"], 6) if pub["docs"] else 0.0
    metrics["published_contains"] = round(pub["contains"] / pub["dated"], 6) if pub["dated"] else 0.0
    metrics["published_exact"] = round(pub["exact"] / pub["docs"], 6) if pub["docs"] else 0.0
    return metrics
