"""The conflicts suite: does newsprism find a fact that one report changed, without crying wolf?

Each item is a pair of independent real reports of one event (``a`` and ``b``, title on the first line).
In some pairs one number, month-day date or title was changed in ``b``. Both texts go through the real
per-article analysis stages, story-level entity resolution and the :class:`~newsprism.compare.Comparer`;
its contradiction findings are mapped back to offsets in the given texts. Gold is read only to score.

Metrics (bench README): recall of changed facts per kind — a contradiction finding whose ``b`` span
overlaps the changed span and whose ``a`` span overlaps the original (any finding kind: the stub time
tagger leaves "Oct. 19" to the number stage, for example) — and contradiction findings per unchanged pair.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ..analyze.canon import EntityResolver
from ..compare import Comparer
from ..model import Analysis, Article, Finding, FindingLabel
from ..settings import Settings
from .metrics import write_prediction

__all__ = ["PairText", "evaluate", "load_rows", "pair_article", "pair_texts", "predict_pair", "predict_rows", "score", "topic"]

KINDS = ("number", "date", "title")


@dataclass(frozen=True)
class PairText:
    """One side of a pair as an article, with the map from article offsets back to the given text."""

    article: Article
    title_at: int
    body_at: int

    def to_given(self, offset: int) -> int:
        """The offset in the given text (title line, newline, body) of an article offset."""
        a = self.article
        if offset >= a.body_start:
            return self.body_at + offset - a.body_start
        return self.title_at + min(offset, len(a.title or ""))


def pair_article(doc: dict[str, Any]) -> PairText:
    """Build the article of one side (``{id, source, text}``): the first line is its title.

    >>> p = pair_article({"id": "x", "source": None, "text": "Fire downs barn\\n  Two barns burned."})
    >>> p.article.quote(p.article.span(p.article.body_start, p.article.body_start + 3, "t")), p.to_given(p.article.body_start)
    ('Two', 18)
    """
    text = doc["text"]
    title, _, rest = text.partition("\n")
    title_at = len(title) - len(title.lstrip())
    body_at = len(title) + 1 + len(rest) - len(rest.lstrip())
    article = Article.build(text=rest, title=title, source=doc.get("source") or doc["id"], id=doc["id"])
    if not article.title:  # no title line: the body is all there is
        body_at = len(text) - len(text.lstrip())
    return PairText(article, title_at, body_at)


def predict_pair(a: Analysis, b: Analysis, resolver: EntityResolver, comparer: Comparer) -> list[Finding]:
    """Contradiction findings of one pair, through entity resolution and the comparer."""
    entities = resolver.resolve([a, b])
    return [f for f in comparer([a, b], entities) if f.label is FindingLabel.CONTRADICTED]


def _offsets(findings: Iterable[Finding], pa: PairText, pb: PairText) -> list[dict[str, Any]]:
    """One row per pair of an ``a`` span and a ``b`` span a finding cites (a report stating the value
    twice is cited twice; each row counts as a finding when the pair is unchanged)."""
    out = []
    for f in findings:
        sa = [e.span for e in f.evidence if e.span.doc_id == pa.article.id]
        sb = [e.span for e in f.evidence if e.span.doc_id == pb.article.id]
        for x in sa:
            for y in sb:
                out.append({"kind": f.kind, "a_start": pa.to_given(x.start), "a_end": pa.to_given(x.end),
                            "b_start": pb.to_given(y.start), "b_end": pb.to_given(y.end)})
    return out


def score(rows: Sequence[dict[str, Any]], predicted: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Per-kind recall of changed facts and false findings per unchanged pair.

    >>> rows = [{"id": "1", "conflicts": [{"kind": "date", "a_start": 5, "a_end": 7, "b_start": 9, "b_end": 11}]},
    ...         {"id": "2", "conflicts": []}]
    >>> m = score(rows, {"1": [{"kind": "number", "a_start": 0, "a_end": 7, "b_start": 10, "b_end": 12}],
    ...                  "2": [{"kind": "title", "a_start": 0, "a_end": 1, "b_start": 0, "b_end": 1}]})
    >>> m["recall_date"], m["false_findings_per_unchanged_pair"]
    (1.0, 1.0)
    """
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    unchanged = false = 0
    for row in rows:
        preds = predicted.get(row["id"], [])
        if not row["conflicts"]:
            unchanged += 1
            false += len(preds)
            continue
        for c in row["conflicts"]:
            total[c["kind"]] += 1
            if any(p["b_start"] < c["b_end"] and c["b_start"] < p["b_end"]
                   and p["a_start"] < c["a_end"] and c["a_start"] < p["a_end"] for p in preds):
                found[c["kind"]] += 1
    metrics: dict[str, Any] = {}
    for kind in KINDS:
        metrics[f"recall_{kind}"] = round(found[kind] / total[kind], 4) if total[kind] else 0.0
    metrics["false_findings_per_unchanged_pair"] = round(false / unchanged, 4) if unchanged else 0.0
    for kind in KINDS:
        metrics[f"found_{kind}"] = found[kind]
        metrics[f"changed_{kind}"] = total[kind]
    metrics["unchanged_pairs"] = unchanged
    metrics["false_findings"] = false
    metrics["pairs"] = len(rows)
    return metrics


def load_rows(data: Path) -> list[dict[str, Any]]:
    """The pairs of a ``conflicts-*.jsonl`` file (or of the first such file in a folder)."""
    path = Path(data)
    if path.is_dir():
        path = next(iter(sorted(path.glob("conflicts-*.jsonl"))))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def pair_texts(row: dict[str, Any]) -> tuple[PairText, PairText]:
    """The two sides of a pair as articles (kept apart when both sides carry the same document id)."""
    pa, pb = pair_article(row["a"]), pair_article(row["b"])
    if pa.article.id == pb.article.id:
        pb = PairText(Article.build(text=pb.article.body, title=pb.article.title, source=pb.article.source,
                                    id=pb.article.id + "#b"), pb.title_at, pb.body_at)
    return pa, pb


def topic(row: dict[str, Any]) -> int:
    """The ECB+ topic number of a pair (``"37ecbplus"`` → 37): its two events share a topic.

    >>> topic({"story": "37ecbplus"})
    37
    """
    return int(re.match(r"\d+", row["story"]).group())


def predict_rows(
    rows: Sequence[dict[str, Any]],
    settings: Settings,
    analyze: Callable[[Article], Analysis],
    predictions: TextIO | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Contradiction findings of every pair as offsets into the given texts, by pair id."""
    resolver = EntityResolver(tuple(settings.analyze.spacy_models))
    comparer = Comparer(settings.compare)
    predicted: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        pa, pb = pair_texts(row)
        findings = predict_pair(analyze(pa.article), analyze(pb.article), resolver, comparer)
        predicted[row["id"]] = _offsets(findings, pa, pb)
        write_prediction(predictions, {"id": row["id"], "findings": predicted[row["id"]]})
    return predicted


def evaluate(
    data: Path,
    settings: Settings,
    predictions: TextIO | None = None,
    analyze: Callable[[Article], Analysis] | None = None,
) -> dict[str, Any]:
    """Run the comparison on every pair of ``data`` (a ``conflicts-*.jsonl`` file) and score it.

    ``analyze`` runs the per-article stages (default: a fresh :class:`~newsprism.pipeline.ArticleWorker`);
    it may be replaced to reuse analyses, e.g. when sweeping comparison settings.
    """
    if analyze is None:
        from ..pipeline import ArticleWorker

        worker = ArticleWorker(settings)
        analyze = lambda article: worker.analyze(Analysis(article))  # noqa: E731
    rows = load_rows(data)
    return score(rows, predict_rows(rows, settings, analyze, predictions))
