"""The extraction suite: newsprism's :class:`~newsprism.ingest.extract.Extractor` on real news pages.

Data: a folder with ``gold.jsonl`` (``id, html, url, title, body, authors, published``; ``html`` is a file
name under ``html/``, optionally gzip-compressed) or the path of such a JSONL file. Each page is run
through the real extractor; the gold is read only to score.

Metrics (see ``bench/README.md`` of the shared data):

- body: the scrapinghub article-extraction-benchmark measure — the multiset of word 4-gram shingles of
  gold and predicted text, per-page TP/FP/FN normalized to sum 1, then precision/recall/F1 over the
  summed page values (a page that fails to extract counts as all FN);
- ``title_exact``: exact match after whitespace normalization, on pages whose gold has a title;
- ``date_same_day``: same calendar day (in the gold's time zone when both carry one), on pages whose
  gold has a date;
- ``authors_f1``: mean per-page set F1 of author names (case- and whitespace-insensitive), on pages
  whose gold has authors.

>>> shingle_counts("", "")
(0.0, 0.0, 0.0)
>>> tp, fp, fn = shingle_counts("one two three four five", "one two three four six")
>>> round(tp, 3), round(fp, 3), round(fn, 3)
(0.333, 0.333, 0.333)
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from ..errors import ConfigError, InputError
from ..ingest.extract import Extractor
from ..settings import Settings
from .metrics import prf, write_prediction

__all__ = ["authors_f1", "evaluate", "load_gold", "read_page", "same_day", "score", "shingle_counts"]

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_counts(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """Per-page TP, FP, FN of word ``n``-gram shingles, normalized to sum to 1 (all 0 when both are empty).

    Follows ``string_shingle_matching`` of the scrapinghub article-extraction-benchmark.

    Args:
        true: The gold text.
        pred: The predicted text.
        n: Shingle length in words.

    Returns:
        The normalized (TP, FP, FN) triple.
    """
    t, p = _shingles(true, n), _shingles(pred, n)
    tp = fp = fn = 0
    for key in t.keys() | p.keys():
        a, b = t.get(key, 0), p.get(key, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    total = tp + fp + fn
    if not total:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _parse_dt(value: str) -> dt.datetime | dt.date | None:
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def same_day(gold: str, pred: str | None) -> bool:
    """Whether ``pred`` falls on the gold's calendar day, read in the gold's time zone when both have one.

    >>> same_day("2024-05-03 23:30:00+00:00", "2024-05-04T01:30:00+02:00")
    True
    >>> same_day("2024-05-03", "2024-05-04")
    False
    """
    if not pred:
        return False
    g, p = _parse_dt(gold), _parse_dt(pred)
    if g is None or p is None:
        return False
    if isinstance(g, dt.datetime) and isinstance(p, dt.datetime) and g.tzinfo and p.tzinfo:
        p = p.astimezone(g.tzinfo)
    g_day = g.date() if isinstance(g, dt.datetime) else g
    p_day = p.date() if isinstance(p, dt.datetime) else p
    return g_day == p_day


def _norm_name(name: str) -> str:
    return " ".join(name.casefold().split())


def authors_f1(gold: Iterable[str], pred: Iterable[str]) -> float:
    """Set F1 of author names, compared case- and whitespace-insensitively.

    >>> authors_f1(["Ann Lee", "Bo Li"], ["ann  lee"])
    0.666667
    """
    g = {_norm_name(a) for a in gold if a.strip()}
    p = {_norm_name(a) for a in pred if a.strip()}
    if not g and not p:
        return 1.0
    tp = len(g & p)
    return prf(tp, len(p) - tp, len(g) - tp)[2]


def _norm_title(title: str | None) -> str:
    return " ".join((title or "").split())


def load_gold(data: Path) -> tuple[Path, list[dict[str, Any]]]:
    """The folder holding ``html/`` and the gold records of ``data`` (a folder or a ``gold.jsonl``).

    Raises:
        ConfigError: When no gold file is found.
    """
    gold_path = data / "gold.jsonl" if data.is_dir() else data
    if not gold_path.is_file():
        raise ConfigError(f"no gold.jsonl in {data}")
    with gold_path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return gold_path.parent, rows


def read_page(root: Path, name: str) -> bytes:
    """The bytes of page ``name`` under ``root/html`` (gunzipped when it ends in ``.gz``)."""
    data = (root / "html" / name).read_bytes()
    return gzip.decompress(data) if name.endswith(".gz") else data


def _predict(extractor: Extractor, html: bytes, url: str | None) -> dict[str, Any]:
    try:
        ex = extractor(html, url=url)
    except InputError as e:
        return {"title": None, "body": "", "authors": [], "published": None, "error": e.code}
    return {"title": ex.title, "body": ex.text, "authors": list(ex.authors), "published": ex.published}


def _iter_predictions(root: Path, rows: list[dict[str, Any]], settings: Settings) -> Iterator[tuple[dict, dict]]:
    extractor = Extractor(settings.extract)
    for row in rows:
        yield row, _predict(extractor, read_page(root, row["html"]), row.get("url"))


def score(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]], predictions: TextIO | None = None) -> dict[str, Any]:
    """Score (gold, prediction) pairs; writes one JSON line per page to ``predictions`` when given."""
    tp = fp = fn = 0.0
    pages = failed = 0
    titles = [0, 0]
    dates = [0, 0]
    authors: list[float] = []
    for gold, pred in pairs:
        pages += 1
        failed += "error" in pred
        a, b, c = shingle_counts(gold.get("body") or "", pred["body"])
        tp, fp, fn = tp + a, fp + b, fn + c
        if gold.get("title"):
            titles[0] += _norm_title(gold["title"]) == _norm_title(pred["title"])
            titles[1] += 1
        if gold.get("published"):
            dates[0] += same_day(gold["published"], pred["published"])
            dates[1] += 1
        if gold.get("authors"):
            authors.append(authors_f1(gold["authors"], pred["authors"]))
        fields = {k: pred[k] for k in ("title", "body", "authors", "published")}
        write_prediction(predictions, {"id": gold["id"], **fields})
    p, r, f = prf(tp, fp, fn)
    return {
        "pages": pages,
        "failed": failed,
        "body_precision": p,
        "body_recall": r,
        "body_f1": f,
        "title_exact": round(titles[0] / titles[1], 6) if titles[1] else 0.0,
        "title_pages": titles[1],
        "date_same_day": round(dates[0] / dates[1], 6) if dates[1] else 0.0,
        "date_pages": dates[1],
        "authors_f1": round(sum(authors) / len(authors), 6) if authors else 0.0,
        "authors_pages": len(authors),
    }


def evaluate(data: Path, settings: Settings, predictions: TextIO | None = None) -> dict[str, Any]:
    """Run the extractor on every page of ``data`` and score it against the gold.

    Args:
        data: A folder with ``gold.jsonl`` and ``html/``, or a gold JSONL file beside such an ``html/``.
        settings: newsprism settings (``settings.extract`` configures the extractor).
        predictions: Where to write one ``{id, title, body, authors, published}`` line per page.

    Returns:
        The metrics named in the module docstring, plus page counts.
    """
    root, rows = load_gold(Path(data))
    return score(_iter_predictions(root, rows, settings), predictions)
