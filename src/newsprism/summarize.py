"""Story-level outputs for readers: an attributed summary, a timeline, an entity graph, framing scores.

The summary is extractive: each sentence is a source's own sentence, chosen from the claims most
sources corroborate and taken from the least loaded source, and it cites every source's span for it.
The timeline lists sentences with a resolved calendar date, merged across sources when they tell the
same event on the same date.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from .analyze.canon import ResolvedEntities
from .analyze.framing import loaded_score
from .fingerprint import words
from .model import (
    Analysis,
    EntityEdge,
    Evidence,
    Finding,
    FindingLabel,
    FramingContrast,
    FramingScore,
    Span,
    SummarySentence,
    TimelineEvent,
)

__all__ = ["Summarizer"]


class Summarizer:
    """Build summary, timeline, entity graph and framing scores for one story."""

    name = "newsprism.summarize.v1"

    def __init__(self, max_sentences: int = 6) -> None:
        self.max_sentences = max_sentences

    def framing(self, analyses: Sequence[Analysis], findings: Sequence[Finding] = ()) -> list[FramingScore]:
        """Loaded words per 100 words of each article, each loaded word set against the neutral wording of
        the same claim in other sources (claims the comparison aligned and that carry no loaded word).

        >>> from newsprism.model import Article
        >>> a = Analysis(Article.build(text="Putin began his bloody invasion.", id="a"))
        >>> b = Analysis(Article.build(text="Putin started the war.", id="b"))
        >>> a.framing = [a.article.span(16, 22, "framing", "intensifier")]
        >>> f = Finding("claim", FindingLabel.CORROBORATED, "war", "", (Evidence(a.article.span(0, 32, "claims"), a.article.text),
        ...             Evidence(b.article.span(0, 22, "claims"), b.article.text)), 2)
        >>> [(c.loaded.quote, c.neutral.quote) for c in Summarizer().framing([a, b], [f])[0].contrasts]
        [('bloody', 'Putin started the war.')]
        """
        loaded_spans = [s for a in analyses for s in a.framing]
        aligned = [f for f in findings if f.kind in ("claim", "statement") and len({e.span.doc_id for e in f.evidence}) > 1]
        out = []
        for a in analyses:
            body = a.article.body
            loaded = tuple(Evidence(s, a.article.quote(s), s.label, a.article.source) for s in a.framing)
            contrasts = []
            for ev in loaded:
                for f in aligned:
                    if not any(e.span.contains(ev.span) for e in f.evidence):
                        continue
                    for other in f.evidence:
                        if other.span.doc_id != a.article.id and not any(other.span.contains(s) for s in loaded_spans):
                            contrasts.append(FramingContrast(ev, other))
                            break
            out.append(FramingScore(a.article.id, a.article.source, round(loaded_score(list(a.framing), body), 3), loaded,
                                    tuple(contrasts)))
        return out

    def summary(self, analyses: Sequence[Analysis], findings: Sequence[Finding], framing: Sequence[FramingScore]) -> list[SummarySentence]:
        loadedness = {f.article_id: f.score for f in framing}
        claims = [f for f in findings if f.kind == "claim" and f.label in (FindingLabel.CORROBORATED, FindingLabel.SINGLE_SOURCE)]
        claims.sort(key=lambda f: (-f.independent_sources, min(e.span.start for e in f.evidence)))
        out: list[SummarySentence] = []
        used: set[tuple[str, int]] = set()
        for f in claims:
            if len(out) >= self.max_sentences:
                break
            best = min(f.evidence, key=lambda e: (loadedness.get(e.span.doc_id, 0.0), e.span.start))
            key = (best.span.doc_id, best.span.start)
            if key in used:
                continue
            used.add(key)
            out.append(SummarySentence(best.quote, tuple(e.span for e in f.evidence)))
        if not out and analyses:
            lead = analyses[0]
            first = next((s for s in lead.sentences if s.start >= lead.article.body_start), None)
            if first is not None:
                out.append(SummarySentence(lead.article.quote(first), (first,)))
        # Keep reading order of the lead source where possible.
        order = {a.article.id: i for i, a in enumerate(analyses)}
        out.sort(key=lambda s: (order.get(s.citations[0].doc_id, 0), s.citations[0].start))
        return out

    def timeline(self, analyses: Sequence[Analysis]) -> list[TimelineEvent]:
        events: dict[str, list[tuple[Analysis, Span, set[str]]]] = defaultdict(list)
        for a in analyses:
            for t in a.timex:
                value = t.refers_to or t.value
                if t.type not in ("DATE", "TIME") or not value[:4].isdigit() or len(value) < 7:
                    continue
                sent = a.sentence_of(t.span)
                if sent is None or sent.start < a.article.body_start:
                    continue
                events[value[:10]].append((a, sent, set(words(a.article.quote(sent)))))
        out = []
        for day, items in sorted(events.items()):
            merged: list[list[tuple[Analysis, Span, set[str]]]] = []
            for item in items:
                for group in merged:
                    ref = group[0][2]
                    if len(ref & item[2]) / max(1, len(ref | item[2])) >= 0.2:
                        group.append(item)
                        break
                else:
                    merged.append([item])
            for group in merged:
                evidence = tuple(
                    dict.fromkeys(Evidence(s, a.article.quote(s), day, a.article.source) for a, s, _ in group)
                )
                out.append(TimelineEvent(day, evidence[0].quote, evidence))
        return out

    def graph(self, analyses: Sequence[Analysis], entities: ResolvedEntities) -> list[EntityEdge]:
        weights: Counter[tuple[str, str]] = Counter()
        evidence: dict[tuple[str, str], list[Span]] = defaultdict(list)
        for a in analyses:
            for sent in a.sentences:
                ids = sorted({
                    entities.entity_of[(m.span.doc_id, m.span.start)]
                    for m in a.mentions
                    if sent.contains(m.span) and (m.span.doc_id, m.span.start) in entities.entity_of
                })
                for i, x in enumerate(ids):
                    for y in ids[i + 1 :]:
                        weights[(x, y)] += 1
                        if len(evidence[(x, y)]) < 3:
                            evidence[(x, y)].append(sent)
        return [EntityEdge(x, y, w, tuple(evidence[(x, y)])) for (x, y), w in weights.most_common()]
