"""Cross-source comparison: line up what each source claims, then label agreement and conflict.

Two levels are aligned across a story's independent sources (duplicates, rewrites and translations of
one original count as one source):

* **Values** — numbers, calendar dates and people's titles. Each value is a *slot* in its sentence: what
  it counts (the noun and unit, or the person titled) and the words around it. Two values of different
  sources fill the same slot when they count the same thing in similar words; a value contradicts
  another only when each is the other's best-aligned counterpart (no equal value elsewhere fits better)
  and the two cannot both be true after normalization (units converted, ranges and "about" allowed,
  vague amounts like "hundreds" read as ranges). Differences the tolerances explain are reported as
  agreement, so a reader sees why "22 miles" and "35 kilometers" do not conflict; a changed toll in a
  later report is an update, not a contradiction.
* **Claims** — sentences (attributed statements, facts, events). Claims are aligned when they share
  entities or values *and* enough content words (or a close multilingual embedding, when enabled), then
  labelled corroborated (with the number of independent sources) or single-source; a claim reported
  with different speakers or opposite polarity is contradicted, and a statement denied by another party
  ("Iran has denied Sullivan's statements") is disputed.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .analyze.canon import ResolvedEntities
from .analyze.quantities import noun_key
from .analyze.roles import RoleTitle, parse_title, titles_conflict
from .fingerprint import words
from .model import Analysis, Claim, Evidence, Finding, FindingLabel, Provenance, Quantity, Span
from .settings import CompareSettings

__all__ = ["Comparer", "context_similarity"]

_STOP = frozenset("""the a an of and or in on at to for from by with as is are was were be been being has have
    had that this these those it its he she they his her their them him we our you your i not no but than
    which who whom whose will would could should can may might must do does did said says say also so if
    then there here about after before over under into out up down more most some any all such only just
    de la le les des du et en el los las y del un una der die das und im am ein eine""".split())
# Units converted to one base unit per dimension before values are compared.
_BASE_UNITS: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0), "m": ("length", 1.0), "mi": ("length", 1609.344),
    "kg": ("mass", 1.0), "t": ("mass", 1000.0),
    "%": ("percent", 1.0), "bbl": ("barrels", 1.0),
}
_TIME_UNITS = frozenset("second minute hour day week month year decade century".split())
# Counts that grow as a story develops: a later, different figure is an update, not a contradiction.
_EVOLVING = frozenset("""killed dead died deaths death toll injured wounded hurt missing arrested detained
    evacuated displaced victims casualties cases infected rescued survivors""".split())
# A number followed by these is a time of day, left to the time tagger ("7 p. m.", "4:43 a.m. local").
_CLOCK = re.compile(r"\s*(?::\s?\d\d\s*)?(?:[ap]\.?\s?m\b\.?|GMT\b|UTC\b|BST\b|[A-Z]ST\b|[A-Z]DT\b|h\b|Uhr\b)", re.I)


# ------------------------------------------------------------------------------------------ slots


@dataclass(frozen=True)
class _Slot:
    """One value in one source's sentence, with the context that says what it is about."""

    kind: str  # number | date | title
    analysis: Analysis
    group: str
    span: Span
    sentence: Span
    value: Any
    shown: str
    keys: frozenset[str]
    left: tuple[str, ...]
    right: tuple[str, ...]
    content: frozenset[str]
    entities: frozenset[str]
    idf: Mapping[str, float] = dataclasses.field(default_factory=dict, repr=False)  # story word weights
    subject: str | None = None  # the person named nearest to the value in its sentence
    unique: bool = False  # the only value of its source with this key (or, for dates, this month)

    @property
    def source(self) -> str:
        return source_label(self.analysis)


def source_label(analysis: Analysis) -> str:
    """How a finding names a source: its outlet, else its URL, else the file it came from."""
    a = analysis.article
    return a.source or a.url or (a.origin.rsplit("/", 1)[-1] if a.origin else "") or a.id


def _tokens(text: str) -> list[str]:
    return [w for w in words(text) if not w.isdigit()]


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in _tokens(text) if w not in _STOP and len(w) > 2)


def _overlap(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of the shorter window found in the other one."""
    if not a or not b:
        return 0.0
    return len(set(a) & set(b)) / min(len(set(a)), len(set(b)))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _weighted_jaccard(a: frozenset[str], b: frozenset[str], idf: Mapping[str, float]) -> float:
    """Jaccard similarity where each word counts by its rarity in the story (words of every sentence
    count little, a figure or name shared by two sentences counts much)."""
    union = a | b
    if not union:
        return 0.0
    top = max(idf.values(), default=1.0)
    return sum(idf.get(w, top) for w in a & b) / sum(idf.get(w, top) for w in union)


def story_idf(analyses: Sequence[Analysis]) -> dict[str, float]:
    """Inverse sentence frequency of each content word over a story's sentences."""
    df: dict[str, int] = defaultdict(int)
    n = 0
    for a in analyses:
        for sent in a.sentences:
            n += 1
            for w in set(_words_with_numbers(a.article.quote(sent))):
                df[w] += 1
    return {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}


def _words_with_numbers(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if w not in _STOP and (len(w) > 2 or w.isdigit()))


def context_similarity(x: _Slot, y: _Slot, settings: CompareSettings) -> float:
    """How surely two values fill the same slot: words right around them, their sentences, entities.

    A weighted mean of the overlap of the words next to each value (``context_window`` words on each
    side), the Jaccard similarity of the two sentences' content words and that of their entities.
    """
    near = (_overlap(x.left, y.left) + _overlap(x.right, y.right)) / 2
    sentence = _weighted_jaccard(x.content, y.content, x.idf)
    ents = _jaccard(x.entities, y.entities)
    w = settings
    total = w.weight_near + w.weight_sentence + w.weight_entities
    score = (w.weight_near * near + w.weight_sentence * sentence + w.weight_entities * ents) / total
    if x.unique and y.unique:
        score += w.unique_bonus
    return min(1.0, score)


# ------------------------------------------------------------------------------------- normalizing


@dataclass(frozen=True)
class _Amount:
    low: float
    high: float
    dimension: str | None
    approximate: bool


def _amount(q: Quantity) -> _Amount:
    dimension, factor = _BASE_UNITS.get(q.unit or "", (q.unit, 1.0))
    high = q.high if q.high is not None else q.value
    return _Amount(q.value * factor, high * factor, dimension, q.approximate)


def amounts_agree(a: _Amount, b: _Amount, tolerance: float, approx_tolerance: float) -> bool:
    """Whether two normalized amounts can both be right: overlapping ranges within the tolerances.

    >>> amounts_agree(_Amount(35405.6, 35405.6, "length", False), _Amount(35000, 35000, "length", False), 0.05, 0.15)
    True
    >>> amounts_agree(_Amount(4.5, 4.5, None, False), _Amount(5, 5, None, False), 0.05, 0.15)
    False
    """
    tol = approx_tolerance if (a.approximate or b.approximate) else tolerance
    return a.low <= b.high * (1 + tol) and b.low <= a.high * (1 + tol)


def _calendar(value: str | None) -> tuple[int | None, int, int] | None:
    """``(year or None, month, day)`` of a TIMEX3 day value (``2022-07-19`` or ``XXXX-07-19``)."""
    m = re.match(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})", value or "")
    if not m:
        return None
    return (int(m.group(1)) if m.group(1).isdigit() else None, int(m.group(2)), int(m.group(3)))


def dates_agree(a: tuple[int | None, int, int], b: tuple[int | None, int, int], tolerance_days: int) -> bool:
    """Whether two (possibly year-less) calendar days can be the same day, within ``tolerance_days``.

    >>> dates_agree((None, 12, 15), (2013, 12, 15), 0), dates_agree((2013, 12, 15), (2013, 12, 20), 0)
    (True, False)
    """
    from datetime import date

    year = a[0] or b[0] or 2000
    if a[0] and b[0] and a[0] != b[0] and not tolerance_days:
        return False
    try:
        da, db = date(a[0] or year, a[1], a[2]), date(b[0] or year, b[1], b[2])
    except ValueError:
        return False
    return abs((da - db).days) <= tolerance_days


def _fmt_amount(q: Quantity) -> str:
    value = f"{q.value:g}" if q.high is None else f"{q.value:g}\u2013{q.high:g}"
    return f"{value} {q.unit}" if q.unit else value


# ------------------------------------------------------------------------------------------ claims


@dataclass(frozen=True)
class _ClaimRef:
    analysis: Analysis
    claim: Claim
    group: str
    entities: frozenset[str]
    speaker: str | None  # canonical entity id of the speaker
    content: frozenset[str]
    values: frozenset[str]

    @property
    def source(self) -> str:
        return source_label(self.analysis)


Embed = Callable[[list[str]], np.ndarray]


class Comparer:
    """Compute a story's findings from its analysed articles, entities and provenance groups.

    >>> from newsprism.analyze.canon import EntityResolver
    >>> from newsprism.model import Article, Analysis, Quantity
    >>> def one(text, src):
    ...     a = Analysis(Article.build(text=text, source=src), sentences=[])
    ...     a.sentences = [a.article.span(0, len(text), "sentences")]
    ...     s = text.index("2")
    ...     a.quantities = [Quantity(a.article.span(s, s + 2, "quantities"), float(text[s:s+2]), text[s:s+2],
    ...                              noun="people")]
    ...     return a
    >>> a, b = one("The quake killed 25 people in the city.", "x"), one("The quake killed 29 people in the city.", "y")
    >>> [(f.kind, f.label.value) for f in Comparer()([a, b], EntityResolver().resolve([a, b]))]
    [('number', 'contradicted')]
    """

    name = "newsprism.compare.v2"

    def __init__(self, settings: CompareSettings | None = None, embed: Embed | None = None) -> None:
        self.settings = settings or CompareSettings()
        # Optional multilingual sentence embedder (texts -> L2-normalized rows) for claim alignment.
        self.embed = embed

    def __call__(
        self,
        analyses: Sequence[Analysis],
        entities: ResolvedEntities,
        provenance: Sequence[Provenance] = (),
    ) -> list[Finding]:
        group_of = {a.article.id: a.article.id for a in analyses}
        for p in provenance:
            for m in p.member_ids:
                group_of[m] = p.original_id
        slots = self.slots(analyses, entities, group_of)
        findings = self.title_findings([s for s in slots if s.kind == "title"], entities)
        findings += self.value_findings([s for s in slots if s.kind in ("number", "date")])
        refs = self.claim_refs(analyses, entities, group_of)
        aligned = self.align_claims(refs)
        findings += self.support_findings(refs, aligned)
        findings += self.speaker_findings(aligned, entities)
        findings += self.dispute_findings(refs, entities)
        return findings

    # ----------------------------------------------------------------------------- value slots

    def slots(self, analyses: Sequence[Analysis], entities: ResolvedEntities, group_of: dict[str, str]) -> list[_Slot]:
        """Every number, calendar date and titled name of every article, as comparable slots."""
        out: list[_Slot] = []
        idf = story_idf(analyses)
        for a in analyses:
            group = group_of[a.article.id]
            for q in a.quantities:
                if self._is_relative_duration(a, q) or _CLOCK.match(a.article.text, q.span.end):
                    continue  # "five months ago" is a date, compared through the time tagger's refers_to
                amount = _amount(q)
                keys = {k for k in (noun_key(q.noun), noun_key(self._first_word_after(a, q.span))) if k}
                if amount.dimension:
                    keys.add("unit:" + amount.dimension)
                out.append(self._slot("number", a, group, q.span, amount, _fmt_amount(q), keys, entities, idf))
            for t in a.timex:
                day = _calendar(t.refers_to or t.value)
                if t.type != "DATE" or day is None:
                    continue
                shown = t.refers_to or t.value
                out.append(self._slot("date", a, group, t.span, (day, t.refers_to is not None), shown, set(), entities, idf))
            for m in a.mentions:
                eid = entities.entity_of.get((m.span.doc_id, m.span.start))
                if m.title and m.title_span is not None and eid:
                    out.append(self._slot("title", a, group, m.title_span, parse_title(m.title), m.title, {eid}, entities, idf))
        return self._mark_unique(out)

    @staticmethod
    def _mark_unique(slots: list[_Slot]) -> list[_Slot]:
        """Flag values that are the only ones of their kind and key in their article."""
        def keys(s: _Slot) -> set[str]:
            if s.kind == "date":
                (y, m, _), _rel = s.value
                return {f"month:{m}"}
            return {k for k in s.keys if not k.startswith("unit:")} or set(s.keys)

        counts: dict[tuple[str, str, str], int] = defaultdict(int)
        for s in slots:
            for k in keys(s):
                counts[(s.analysis.article.id, s.kind, k)] += 1
        out = []
        for s in slots:
            unique = s.kind != "title" and any(counts[(s.analysis.article.id, s.kind, k)] == 1 for k in keys(s))
            out.append(dataclasses.replace(s, unique=unique) if unique else s)
        return out

    def _slot(self, kind: str, a: Analysis, group: str, span: Span, value: Any, shown: str, keys: set[str],
              entities: ResolvedEntities, idf: Mapping[str, float]) -> _Slot:
        sent = a.sentence_of(span) or span
        text = a.article.text
        k = self.settings.context_window
        left = tuple(_tokens(text[sent.start : span.start]))[-k:]
        right = tuple(_tokens(text[span.end : max(span.end, sent.end)]))[:k]
        inside = [m for m in a.mentions if sent.contains(m.span) and not m.span.overlaps(span)
                  and (m.span.doc_id, m.span.start) in entities.entity_of]
        ents = frozenset(entities.entity_of[(m.span.doc_id, m.span.start)] for m in inside)
        people = [m for m in inside if m.kind == "PERSON"]
        subject = None
        if people and kind != "title":
            near = min(people, key=lambda m: min(abs(m.span.end - span.start), abs(span.end - m.span.start)))
            subject = entities.entity_of[(near.span.doc_id, near.span.start)]
        content = _words_with_numbers(text[sent.start : span.start] + " " + text[span.end : sent.end])
        return _Slot(kind, a, group, span, sent, value, shown, frozenset(keys), left, right, content, ents, idf, subject)

    @staticmethod
    def _first_word_after(a: Analysis, span: Span) -> str | None:
        m = re.match(r"[ \t-]*([^\W\d_][\w-]*)", a.article.text[span.end : span.end + 40])
        return m.group(1) if m else None

    @staticmethod
    def _is_relative_duration(a: Analysis, q: Quantity) -> bool:
        key = noun_key(q.noun)
        if key not in _TIME_UNITS:
            return False
        after = a.article.text[q.span.end : q.span.end + 40].lower()
        return bool(re.match(r"[\s\w-]*?\b(ago|earlier|later|before|since)\b", after))

    # ----------------------------------------------------------------------------- value findings

    def _agree(self, x: _Slot, y: _Slot) -> bool:
        s = self.settings
        if x.kind == "number":
            return amounts_agree(x.value, y.value, s.number_tolerance, s.approximate_tolerance)
        (dx, rel_x), (dy, rel_y) = x.value, y.value
        return dates_agree(dx, dy, s.date_tolerance_days if (rel_x or rel_y) else 0)

    @staticmethod
    def _comparable(x: _Slot, y: _Slot) -> bool:
        if x.kind != y.kind or x.group == y.group:
            return False
        if x.subject and y.subject and x.subject != y.subject:
            return False  # "Carter scored 14 points" and "VanDeest scored 13 points" are two facts
        if x.kind == "number":
            dims = (x.value.dimension, y.value.dimension)
            if dims[0] != dims[1]:
                return False
            return bool(x.keys & y.keys)
        return True

    def value_findings(self, slots: list[_Slot]) -> list[Finding]:
        """Numbers and dates: contradictions, updates, and apparent differences that agree.

        A pair of values contradicts only if the pair is the best-aligned counterpart of both values
        (no agreeing value of the other source fits either better) and its context similarity reaches
        ``conflict_similarity``.
        """
        by_group: dict[str, list[_Slot]] = defaultdict(list)
        for s in slots:
            by_group[s.group].append(s)
        groups = sorted(by_group)
        out: list[Finding] = []
        for i, ga in enumerate(groups):
            for gb in groups[i + 1 :]:
                out += self._pair_values(by_group[ga], by_group[gb])
        return out

    def _pair_values(self, xs: list[_Slot], ys: list[_Slot]) -> list[Finding]:
        s = self.settings
        scored = []
        best_agree: dict[int, float] = defaultdict(float)
        for x in xs:
            for y in ys:
                if not self._comparable(x, y):
                    continue
                score = context_similarity(x, y, s)
                agree = self._agree(x, y)
                scored.append((score, agree, x, y))
                if agree:
                    best_agree[id(x)] = max(best_agree[id(x)], score)
                    best_agree[id(y)] = max(best_agree[id(y)], score)
        out: list[Finding] = []
        used: set[int] = set()
        for score, agree, x, y in sorted(scored, key=lambda t: -t[0]):
            if id(x) in used or id(y) in used:
                continue
            if agree:
                if score >= s.agree_similarity:
                    used.update((id(x), id(y)))
                    if self._differently_worded(x, y):
                        out.append(self._finding(x, y, FindingLabel.AGREEMENT, score))
                continue
            if score < s.conflict_similarity or score <= best_agree[id(x)] or score <= best_agree[id(y)]:
                continue
            used.update((id(x), id(y)))
            out.append(self._finding(x, y, self._conflict_label(x, y), score))
        return out

    @staticmethod
    def _differently_worded(x: _Slot, y: _Slot) -> bool:
        qx = x.analysis.article.quote(x.span)
        qy = y.analysis.article.quote(y.span)
        return " ".join(words(qx)) != " ".join(words(qy))

    @staticmethod
    def _published(a: Analysis) -> str | None:
        day = a.published.value or a.published.latest
        return day[:10] if day else None

    def _conflict_label(self, x: _Slot, y: _Slot) -> FindingLabel:
        if x.kind != "number":
            return FindingLabel.CONTRADICTED
        dx, dy = self._published(x.analysis), self._published(y.analysis)
        evolving = (x.content | y.content | set(x.right) | set(y.right)) & _EVOLVING
        if dx and dy and dx != dy and evolving:
            return FindingLabel.UPDATED
        return FindingLabel.CONTRADICTED

    def _finding(self, x: _Slot, y: _Slot, label: FindingLabel, score: float) -> Finding:
        if self._published(x.analysis) and self._published(y.analysis) and self._published(y.analysis) < self._published(x.analysis):
            x, y = y, x  # older report first
        qx, qy = x.analysis.article.quote(x.span), y.analysis.article.quote(y.span)
        if x.kind == "number":
            what = sorted(x.keys & y.keys, key=lambda k: (k.startswith("unit:"), k))
            subject = f"number of {what[0]}" if what and not what[0].startswith("unit:") else "amount"
            if label is FindingLabel.AGREEMENT:
                why = f"\u201c{qx}\u201d ({x.shown}) and \u201c{qy}\u201d ({y.shown}) agree once units, ranges and rounding are taken into account"
            elif label is FindingLabel.UPDATED:
                why = (f"the later report ({self._published(y.analysis)}) gives {y.shown} where the earlier one "
                       f"({self._published(x.analysis)}) gave {x.shown}: a developing figure")
            else:
                why = f"{x.source} gives {x.shown}, {y.source} gives {y.shown} for the same {subject.removeprefix('number of ')}"
        else:
            subject = "date of " + (" ".join(w for w in x.left[-3:] if w not in _STOP) or "the event")
            if label is FindingLabel.AGREEMENT:
                why = f"\u201c{qx}\u201d and \u201c{qy}\u201d point to the same day ({x.shown} / {y.shown})"
            else:
                why = f"{x.source} dates it {x.shown} (\u201c{qx}\u201d), {y.source} {y.shown} (\u201c{qy}\u201d)"
        return Finding(
            kind=x.kind,
            label=label,
            subject=subject,
            explanation=why + f" (context match {score:.2f})",
            evidence=(self._evidence(x.analysis, x.span, x.shown), self._evidence(y.analysis, y.span, y.shown)),
            independent_sources=2,
        )

    # ----------------------------------------------------------------------------- titles

    def title_findings(self, slots: list[_Slot], entities: ResolvedEntities) -> list[Finding]:
        """A person given incompatible titles by different sources ("US President" vs "US Vice President").

        For each person and each incompatible pair of titles, the two mentions whose sentences match
        best are cited.
        """
        names = entities.by_id()
        best: dict[tuple[str, str, str], tuple[float, _Slot, _Slot, str]] = {}
        for i, x in enumerate(slots):
            for y in slots[i + 1 :]:
                if x.group == y.group or not (x.keys & y.keys):
                    continue
                why = titles_conflict(x.shown, y.shown)
                if not why:
                    continue
                eid = next(iter(x.keys & y.keys))
                tx, ty = _title_key(x.value), _title_key(y.value)
                key = (eid, *sorted((tx, ty)))
                score = context_similarity(x, y, self.settings)
                if key not in best or score > best[key][0]:
                    best[key] = (score, x, y, why)
        out = []
        for (eid, _, _), (score, x, y, why) in best.items():
            name = names[eid].name if eid in names else eid
            out.append(
                Finding(
                    kind="title",
                    label=FindingLabel.CONTRADICTED,
                    subject=f"{name}'s title",
                    explanation=f"{x.source} calls {name} \u201c{x.shown}\u201d, {y.source} \u201c{y.shown}\u201d: {why}",
                    evidence=(self._evidence(x.analysis, x.span, x.shown), self._evidence(y.analysis, y.span, y.shown)),
                    independent_sources=2,
                )
            )
        return out

    # ----------------------------------------------------------------------------- claims

    @staticmethod
    def _evidence(analysis: Analysis, span: Span, value: str | None = None) -> Evidence:
        return Evidence(span, analysis.article.quote(span), value, analysis.article.source)

    def claim_refs(self, analyses: Sequence[Analysis], entities: ResolvedEntities, group_of: dict[str, str]) -> list[_ClaimRef]:
        refs = []
        for a in analyses:
            for c in a.claims:
                ents = frozenset(
                    eid for m in a.mentions
                    if c.span.contains(m.span) and (eid := entities.entity_of.get((m.span.doc_id, m.span.start)))
                )
                speaker = entities.entity_of.get((c.speaker_span.doc_id, c.speaker_span.start)) if c.speaker_span else None
                values = frozenset(self._value_keys(a, c))
                refs.append(_ClaimRef(a, c, group_of[a.article.id], ents, speaker, _content(c.text), values))
        return refs

    @staticmethod
    def _value_keys(a: Analysis, c: Claim) -> list[str]:
        out = []
        for q in a.quantities:
            if c.span.contains(q.span):
                amount = _amount(q)
                out.append(f"n:{amount.low:g}:{amount.dimension}")
        for t in a.timex:
            if c.span.contains(t.span) and (t.refers_to or t.value):
                out.append(f"d:{(t.refers_to or t.value)[:10]}")
        return out

    def claim_similarity(self, x: _ClaimRef, y: _ClaimRef, cosine: float | None = None) -> float:
        """Similarity of two claims: content words, entities and values (and embeddings when given).

        Claims sharing neither an entity nor a value are never aligned.
        """
        if not (x.entities & y.entities or x.values & y.values):
            return 0.0
        s = self.settings
        lexical = _jaccard(x.content, y.content)
        ents = _jaccard(x.entities, y.entities)
        vals = _jaccard(x.values, y.values)
        score = (s.weight_claim_words * lexical + s.weight_claim_entities * ents + s.weight_claim_values * vals) / (
            s.weight_claim_words + s.weight_claim_entities + s.weight_claim_values
        )
        if x.speaker is not None and x.speaker == y.speaker and x.claim.kind == y.claim.kind == "statement":
            score += s.same_speaker_bonus  # two reports of what one person said
        if cosine is not None and cosine >= s.claim_embedding_cosine:
            score = max(score, s.claim_similarity)  # a paraphrase or translation sharing entities
        return score

    def align_claims(self, refs: list[_ClaimRef]) -> list[tuple[_ClaimRef, _ClaimRef, float]]:
        """Mutually best-matching claim pairs across independent sources, above ``claim_similarity``."""
        by_group: dict[str, list[_ClaimRef]] = defaultdict(list)
        for r in refs:
            by_group[r.group].append(r)
        groups = sorted(by_group)
        cosines = self._cosines(refs)
        pairs = []
        for i, ga in enumerate(groups):
            for gb in groups[i + 1 :]:
                candidates = []
                for x in by_group[ga]:
                    for y in by_group[gb]:
                        cos = cosines.get((id(x), id(y))) if cosines else None
                        score = self.claim_similarity(x, y, cos)
                        if score >= self.settings.claim_similarity:
                            candidates.append((score, x, y))
                used: set[int] = set()
                for score, x, y in sorted(candidates, key=lambda t: -t[0]):
                    if id(x) in used or id(y) in used:
                        continue
                    used.update((id(x), id(y)))
                    pairs.append((x, y, score))
        return pairs

    def _cosines(self, refs: list[_ClaimRef]) -> dict[tuple[int, int], float]:
        """Embedding cosines, computed only for candidate pairs sharing an entity or a value."""
        if self.embed is None:
            return {}
        pairs = [
            (x, y) for i, x in enumerate(refs) for y in refs[i + 1 :]
            if x.group != y.group and (x.entities & y.entities or x.values & y.values)
        ]
        needed = list({id(r): r for p in pairs for r in p}.values())
        if not needed:
            return {}
        rows = self.embed([r.claim.text for r in needed])
        index = {id(r): k for k, r in enumerate(needed)}
        out = {}
        for x, y in pairs:
            cos = float(rows[index[id(x)]] @ rows[index[id(y)]])
            out[(id(x), id(y))] = out[(id(y), id(x))] = cos
        return out

    def support_findings(self, refs: list[_ClaimRef], aligned: list[tuple[_ClaimRef, _ClaimRef, float]]) -> list[Finding]:
        """Statements and facts: corroborated by other independent sources, or reported by one only.

        Attributed statements keep their speaker in the subject ("Jake Sullivan said: ..."), and are
        corroborated as attributed claims only when the sources name the same speaker.
        """
        partners: dict[int, list[_ClaimRef]] = defaultdict(list)
        for x, y, _ in aligned:
            if x.claim.kind == "statement" and y.claim.kind == "statement" and x.speaker != y.speaker:
                continue  # same words, different speakers: a speaker finding, not corroboration
            partners[id(x)].append(y)
            partners[id(y)].append(x)
        out, done = [], set()
        for r in refs:
            if id(r) in done or r.claim.kind == "event":
                continue
            group = [r]
            frontier = [r]
            while frontier:  # claims aligned transitively across several sources
                for p in partners.get(id(frontier.pop()), []):
                    if p not in group:
                        group.append(p)
                        frontier.append(p)
            done.update(id(g) for g in group)
            sources = sorted({g.group for g in group})
            label = FindingLabel.CORROBORATED if len(sources) > 1 else FindingLabel.SINGLE_SOURCE
            c = r.claim
            subject = f"{c.speaker} {c.predicate}: {_short(c.text)}" if c.speaker else _short(c.text)
            out.append(
                Finding(
                    kind="statement" if c.kind == "statement" else "claim",
                    label=label,
                    subject=subject,
                    explanation=(f"reported by {len(sources)} independent sources" if len(sources) > 1
                                 else f"reported only by {r.source}")
                    + (f", attributed to {c.speaker}" if c.speaker else ""),
                    evidence=tuple(self._evidence(g.analysis, g.claim.span, g.claim.speaker) for g in group),
                    independent_sources=len(sources),
                )
            )
        return out

    def speaker_findings(self, aligned: list[tuple[_ClaimRef, _ClaimRef, float]], entities: ResolvedEntities) -> list[Finding]:
        """The same statement attributed to different people, or asserted by one source and denied by another."""
        names = entities.by_id()
        out = []
        for x, y, score in aligned:
            if score < self.settings.speaker_conflict_similarity:
                continue
            cx, cy = x.claim, y.claim
            if cx.kind == cy.kind == "statement" and x.speaker and y.speaker and x.speaker != y.speaker:
                nx = names[x.speaker].name if x.speaker in names else cx.speaker
                ny = names[y.speaker].name if y.speaker in names else cy.speaker
                out.append(Finding(
                    kind="speaker", label=FindingLabel.CONTRADICTED, subject=f"who said: {_short(cx.text)}",
                    explanation=f"{x.source} attributes it to {nx}, {y.source} to {ny}",
                    evidence=(self._evidence(x.analysis, cx.speaker_span, nx), self._evidence(y.analysis, cy.speaker_span, ny)),
                    independent_sources=2,
                ))
            elif cx.speaker_span and cy.speaker_span and x.speaker == y.speaker and cx.polarity != cy.polarity:
                out.append(Finding(
                    kind="polarity", label=FindingLabel.CONTRADICTED, subject=f"{cx.speaker}: {_short(cx.text)}",
                    explanation=f"{x.source} reports it as {cx.polarity}, {y.source} as {cy.polarity}",
                    evidence=(self._evidence(x.analysis, cx.span, cx.polarity), self._evidence(y.analysis, cy.span, cy.polarity)),
                    independent_sources=2,
                ))
        return out

    def dispute_findings(self, refs: list[_ClaimRef], entities: ResolvedEntities) -> list[Finding]:
        """A statement denied by another party: "Iran has denied Sullivan's statements".

        The denied statement is the target's statement (its speaker named in the denial, often as a
        possessive) in the same article, else the one sharing most entities with the denial.
        """
        out = []
        for d in refs:
            if d.claim.polarity != "denied" or d.speaker is None:
                continue
            named = d.entities - {d.speaker}
            targets = [
                r for r in refs
                if r is not d and r.claim.kind == "statement" and r.claim.polarity == "asserted"
                and r.speaker is not None and r.speaker != d.speaker
                and (r.speaker in named or r.entities & named)
            ]
            if not targets:
                continue
            target = max(targets, key=lambda r: (r.speaker in named, r.analysis is d.analysis,
                                                 len(r.entities & d.entities), -abs(r.claim.span.start - d.claim.span.start)))
            # "Sullivan's statements": every statement of the target made before the denial in that report,
            # with the same statements as other sources report them.
            denied = [r for r in targets if r.speaker == target.speaker and r.analysis is target.analysis
                      and (r.analysis is not d.analysis or r.claim.span.start < d.claim.span.start)] or [target]
            related = denied + [
                r for r in refs
                if r.speaker == target.speaker and r.group != target.group and r.claim.kind == "statement"
                and any(self.claim_similarity(r, t) >= self.settings.claim_similarity for t in denied)
            ]
            target = max(denied, key=lambda r: (len(r.values), len(r.claim.text)))
            who = target.claim.speaker
            out.append(
                Finding(
                    kind="statement",
                    label=FindingLabel.DISPUTED,
                    subject=f"{who}'s statement: {_short(target.claim.text)}",
                    explanation=f"{d.claim.speaker} {d.claim.predicate} what {who} said",
                    evidence=tuple(self._evidence(r.analysis, r.claim.span, r.claim.speaker) for r in related)
                    + (self._evidence(d.analysis, d.claim.span, d.claim.speaker),),
                    independent_sources=len({r.group for r in related} | {d.group}),
                )
            )
        return out


def _title_key(t: RoleTitle) -> str:
    return " ".join(sorted(t.qualifiers) + [t.head])


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "\u2026"
