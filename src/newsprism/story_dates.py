"""Publication dates from the rest of the story, for articles whose own text does not fix one.

An article that reports as happening now ("Putin arrives in Iran", "Today, Putin will meet Erdogan")
an event that another article of the story announced for a given day ("Putin plans to travel to Iran
next Tuesday (July 19)") was published on that day, or just before it. The match needs the same
canonical entities in both sentences, so only the story's own evidence is used; the result must also
fit the bounds the article's own text gives (e.g. "after July 5").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .analyze.canon import ResolvedEntities
from .analyze.time import TimeTagger, calendar_day
from .fingerprint import words
from .model import Analysis, DateInference, Span

__all__ = ["StoryDater"]

# A probe day for finding deictic "today" expressions: any date works, it only has to be unambiguous.
_PROBE = dt.date(2001, 1, 17)
_STOP = frozenset("the a an of and or in on at to for from by with as is are was were be will would has have had "
                  "that this it its he she they his her their also said says".split())


@dataclass(frozen=True)
class _Event:
    day: str
    analysis: Analysis
    sentence: Span
    timex: Span
    entities: frozenset[str]
    words: frozenset[str]


def _entities_in(analysis: Analysis, span: Span, entities: ResolvedEntities) -> frozenset[str]:
    return frozenset(
        entities.entity_of[(m.span.doc_id, m.span.start)]
        for m in analysis.mentions
        if span.contains(m.span) and (m.span.doc_id, m.span.start) in entities.entity_of
    )


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if w not in _STOP and len(w) > 2)


def _exact_or_narrow(published: DateInference, max_days: int) -> bool:
    if published.value:
        return True
    width = published.width_days
    return width is not None and width <= max_days


class StoryDater:
    """Infer publication dates of a story's undated articles from its dated ones.

    Args:
        tagger: the time stage, used to find each article's "today" expressions in its own language.
        min_shared_entities: canonical entities an article's sentence must share with the dated event.
        max_range_days: an inferred range at most this wide counts as dated (and can date others).
    """

    name = "newsprism.story_dates.v1"

    def __init__(self, tagger: TimeTagger, min_shared_entities: int = 2, max_range_days: int = 7) -> None:
        self.tagger = tagger
        self.min_shared_entities = min_shared_entities
        self.max_range_days = max_range_days

    def events(self, analyses: Sequence[Analysis], entities: ResolvedEntities) -> list[_Event]:
        """Day-precise events that dated articles announce for their publication day or later."""
        out = []
        for a in analyses:
            if not _exact_or_narrow(a.published, self.max_range_days):
                continue
            start = (a.published.value or a.published.earliest)[:10]
            for t in a.timex:
                if t.type != "DATE" or calendar_day(t.value) != t.value or t.value < start:
                    continue
                sentence = a.sentence_of(t.span)
                if sentence is None:
                    continue
                out.append(_Event(t.value, a, sentence, t.span, _entities_in(a, sentence, entities),
                                  _content(a.article.quote(sentence))))
        return out

    def anchors(self, analysis: Analysis) -> list[tuple[Span, bool]]:
        """The sentences that speak of the publication day: the headline (present tense, so the day or
        the day before) and sentences with a "today" expression (exactly the day)."""
        article = analysis.article
        out: list[tuple[Span, bool]] = []
        if analysis.sentences and article.body_start:
            out.append((analysis.sentences[0], False))
        probe = _PROBE.isoformat()
        for t in self.tagger.tag(article.text, analysis.lang, probe):
            if t.value == probe:
                s = analysis.sentence_of(article.span(t.start, t.end, "timex"))
                if s is not None:
                    out.append((s, True))
        return out

    def infer(self, analyses: Sequence[Analysis], entities: ResolvedEntities) -> dict[str, DateInference]:
        """New publication dates for the articles that had none, keyed by article id."""
        events = self.events(analyses, entities)
        if not events:
            return {}
        found: dict[str, DateInference] = {}
        for u in analyses:
            if u.published.value or u.published.method == "metadata" or _exact_or_narrow(u.published, self.max_range_days):
                continue
            best = None
            for sentence, today in self.anchors(u):
                ents = _entities_in(u, sentence, entities)
                content = _content(u.article.quote(sentence))
                for e in events:
                    if e.analysis is u:
                        continue
                    shared = len(ents & e.entities)
                    if shared < self.min_shared_entities:
                        continue
                    overlap = len(content & e.words) / max(1, len(content | e.words))
                    key = (today, shared, overlap)
                    if best is None or key > best[0]:
                        best = (key, sentence, today, e)
            if best is None:
                continue
            _, sentence, today, e = best
            day = dt.date.fromisoformat(e.day)
            earliest = day if today else day - dt.timedelta(days=1)
            lo, hi = u.published.earliest, u.published.latest
            if (lo and lo[:10] > e.day) or (hi and hi[:10] < earliest.isoformat()):
                continue  # contradicts what the article's own text says
            source = e.analysis.article.source or e.analysis.article.title or e.analysis.article.id
            how = "as happening today" if today else "in its headline as happening now"
            reason = (f"it reports {how} the event that {source} dates to {e.day} "
                      f"(\u201c{e.analysis.article.quote(e.timex)}\u201d)")
            found[u.article.id] = DateInference(
                e.day if today else None, earliest.isoformat(), e.day, "text", reason, (sentence, e.timex)
            )
        return found
