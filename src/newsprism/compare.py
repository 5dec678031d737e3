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
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .analyze.canon import ResolvedEntities
from .analyze.quantities import noun_key
from .analyze.roles import RoleTitle, titles_conflict
from .fingerprint import words
from .model import Analysis, Claim, Evidence, Finding, FindingLabel, Provenance, Span
from .analyze.time import TimeTagger
from .settings import CompareSettings, TimeSettings
from .values import (
    STOP,
    SlotMatch,
    ValueSlot,
    amounts_agree,
    context_similarity,
    dates_agree,
    slot_match,
    source_label,
    value_slots,
)

__all__ = ["Comparer", "context_similarity"]

# Counts that grow as a story develops: a later, different figure is an update, not a contradiction.
_EVOLVING = frozenset("""killed dead died deaths death toll injured wounded hurt missing arrested detained
    evacuated displaced victims casualties cases infected rescued survivors""".split())


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if not w.isdigit() and w not in STOP and len(w) > 2)


@dataclass(frozen=True)
class ValueAlignment:
    """Two values of different sources taken to fill the same slot, and how well their contexts match."""

    x: ValueSlot
    y: ValueSlot
    agree: bool
    match: SlotMatch
    score: float
    second: bool = False  # one of the two was already paired with an equal value


# Words on each side of a value that say what it is, for telling a restatement from another figure.
NEAR = 3


def _near_words(v: ValueSlot) -> set[str]:
    """Content words right around a value, its key words aside: "a .357 caliber revolver" and "a .357
    revolver" share "revolver"; "a 90-yard run" and "90 yards to go" share nothing."""
    near = {w for w in v.left[:NEAR] + v.right[:NEAR] if w not in STOP and not w.isdigit()}
    return {w for w in near if noun_key(w) not in v.keys}


def _same_near(v: ValueSlot, w: ValueSlot) -> bool:
    """Whether the words around two values allow them to be one fact: shared, or missing on one side."""
    nv, nw = _near_words(v), _near_words(w)
    return not (nv and nw) or bool(nv & nw)


def _unique_keys(s: ValueSlot) -> set[str]:
    if s.kind == "date":
        (_y, month, _d), _tolerance = s.value
        return {f"month:{month}"}
    return {k for k in s.keys if not k.startswith("unit:")} or set(s.keys)


def _key_counts(slots: list[ValueSlot]) -> Counter[str]:
    return Counter(k for s in slots for k in _unique_keys(s))


def _ratio(a: Any, b: Any) -> float:
    """How many times the larger of two amounts is the smaller (infinite when one is zero)."""
    lo, hi = sorted((abs(a.value), abs(b.value)))
    return hi / lo if lo else math.inf


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


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
    days: tuple[tuple[str, tuple[int | None, int, int], int], ...] = ()  # (key, day, tolerance) of its dates

    def shared_values(self, other: _ClaimRef) -> int:
        """Values both claims state: equal keys, and dates equal within their tolerance ("four and a half
        months ago" / "five months ago")."""
        near = sum(1 for k, d, t in self.days if k not in other.values
                   and any(dates_agree(d, e, max(t, u)) for _, e, u in other.days))
        return len(self.values & other.values) + near

    @property
    def source(self) -> str:
        return source_label(self.analysis)


Embed = Callable[[list[str]], np.ndarray]


class Comparer:
    """Compute a story's findings from its analysed articles, entities and provenance groups.

    >>> from newsprism.analyze.canon import EntityResolver
    >>> from newsprism.model import Article, Analysis
    >>> def one(text, src):
    ...     a = Analysis(Article.build(text=text, source=src), sentences=[])
    ...     a.sentences = [a.article.span(0, len(text), "sentences")]
    ...     return a
    >>> a, b = one("The quake killed 25 people in the city.", "x"), one("The quake killed 29 people in the city.", "y")
    >>> [(f.kind, f.label.value) for f in Comparer()([a, b], EntityResolver().resolve([a, b]))]
    [('number', 'contradicted')]
    """

    name = "newsprism.compare.v3"

    def __init__(self, settings: CompareSettings | None = None, embed: Embed | None = None,
                 time: TimeSettings | None = None) -> None:
        self.settings = settings or CompareSettings()
        # Optional multilingual sentence embedder (texts -> L2-normalized rows) for claim alignment.
        self.embed = embed
        # Settings of the time tagger that reads an undated report's "five months ago" against the story.
        self.time = time or TimeSettings()

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
        analyses = self.date_by_story(analyses)
        slots = value_slots(analyses, entities, group_of, self.settings)
        findings = self.title_findings([s for s in slots if s.kind == "title"], entities)
        findings += self.value_findings([s for s in slots if s.kind in ("number", "date")])
        refs = self.claim_refs(analyses, entities, group_of, slots)
        aligned = self.align_claims(refs)
        findings += self.support_findings(refs, aligned)
        findings += self.speaker_findings(aligned, entities)
        findings += self.dispute_findings(refs, entities)
        return findings

    def date_by_story(self, analyses: Sequence[Analysis]) -> list[Analysis]:
        """Read the "ago" expressions of a report its own text cannot date against the story's date.

        A report that only says it came after July 5, 2015 leaves "five months ago" unresolved. Reports
        of one story appear within days of each other, so such a report is read as published on the
        latest day the other reports are dated to, when that day lies within the report's own bounds.
        The time tagger tags its text again against that day; only the ``refers_to`` of expressions it
        had left unresolved change. Returns new analyses; the given ones are not modified.
        """
        tagger = TimeTagger(self.time)
        references = [tagger.reference_for(a.published) for a in analyses]
        known = [r[:10] for r in references if r]
        if not known:
            return list(analyses)
        day = max(known)
        out = []
        for a, reference in zip(analyses, references):
            pending = [t for t in a.timex if t.type == "DURATION" and t.refers_to is None and t.anchor == "none"]
            lo, hi = a.published.earliest, a.published.latest
            if reference or not pending or (lo and day < lo[:10]) or (hi and day > hi[:10]):
                out.append(a)
                continue
            again = {(t.start, t.end): t for t in tagger.tag(a.article.text, a.lang or a.article.lang, day)}
            timex = []
            for t in a.timex:
                new = again.get((t.span.start, t.span.end))
                if t in pending and new is not None and new.refers_to:
                    t = dataclasses.replace(t, refers_to=new.refers_to, anchor="publication")
                timex.append(t)
            out.append(dataclasses.replace(a, timex=timex))
        return out

    # ----------------------------------------------------------------------------- value findings

    def _agree(self, x: ValueSlot, y: ValueSlot) -> bool:
        s = self.settings
        if x.kind == "number":
            return amounts_agree(x.value, y.value, s)
        (dx, tol_x), (dy, tol_y) = x.value, y.value
        return dates_agree(dx, dy, max(tol_x, tol_y))

    @staticmethod
    def _comparable(x: ValueSlot, y: ValueSlot) -> bool:
        if x.kind != y.kind or x.group == y.group:
            return False
        if x.subject and y.subject and x.subject != y.subject:
            return False  # "Carter scored 14 points" and "VanDeest scored 13 points" are two facts
        if "age" in x.keys and (x.subject is None or y.subject is None):
            return False  # an age of someone unnamed may be anyone's
        if x.kind == "number":
            # Same dimension, and something counted in common: the noun or word after, or the unit.
            return x.value.dimension == y.value.dimension and bool(x.keys & y.keys)
        return True

    def value_findings(self, slots: list[ValueSlot]) -> list[Finding]:
        """Numbers and dates: contradictions, updates, and apparent differences that agree.

        A pair of values contradicts only if the pair is the best-aligned counterpart of both values
        (no agreeing value of the other source fits either better) and its context similarity reaches
        ``conflict_similarity``.
        """
        by_group: dict[str, list[ValueSlot]] = defaultdict(list)
        for s in slots:
            by_group[s.group].append(s)
        groups = sorted(by_group)
        out: list[Finding] = []
        for i, ga in enumerate(groups):
            for gb in groups[i + 1 :]:
                out += self._pair_values(by_group[ga], by_group[gb])
        return out

    def _pair_values(self, xs: list[ValueSlot], ys: list[ValueSlot]) -> list[Finding]:
        out = []
        for m in self.align_values(xs, ys):
            # A story tells many dates (arrest, hearing, trial), so two dates must match better than two
            # numbers to be one fact. An agreement is reported when worded differently and as sure to
            # be one fact as a contradiction must be.
            bar = self.settings.date_conflict_similarity if m.x.kind == "date" else self.settings.conflict_similarity
            if m.score < bar:
                continue
            if not m.agree:
                again = self._restatements(m.x, xs) + self._restatements(m.y, ys)
                out.append(self._finding(m.x, m.y, self._conflict_label(m.x, m.y), m.score, again))
            elif self._differently_worded(m.x, m.y):
                out.append(self._finding(m.x, m.y, FindingLabel.AGREEMENT, m.score))
        return out

    @staticmethod
    def _restatements(v: ValueSlot, slots: list[ValueSlot]) -> list[ValueSlot]:
        """Other places where the report of ``v`` states the same value for the same thing ("AMD will pay
        $334 million" and "the $334 million deal"): a contradiction cites them all."""
        return [w for w in slots if w is not v and w.kind == v.kind and w.analysis is v.analysis
                and w.shown == v.shown and {k for k in w.keys & v.keys if not k.startswith("unit:")}
                and not (w.subject and v.subject and w.subject != v.subject) and _same_near(v, w)]

    def align_values(self, xs: list[ValueSlot], ys: list[ValueSlot]) -> list[ValueAlignment]:
        """Pair the values of two sources that fill the same slots, agreeing or not.

        The agreeing pairs and the differing candidates come from :meth:`value_candidates`; differing
        pairs are then taken best first, each value once (a value already paired with an equal one only
        when the pair reaches ``reuse_similarity``). Differing pairs are returned whatever their score;
        callers compare it with ``conflict_similarity``.
        """
        agreements, candidates = self.value_candidates(xs, ys)
        out = list(agreements)
        used: set[int] = set()
        for c in sorted(candidates, key=lambda c: -c.score):
            if id(c.x) in used or id(c.y) in used or (c.second and c.score < self.settings.reuse_similarity):
                continue
            used.update((id(c.x), id(c.y)))
            out.append(c)
        return out

    def value_candidates(
        self, xs: list[ValueSlot], ys: list[ValueSlot]
    ) -> tuple[list[ValueAlignment], list[ValueAlignment]]:
        """The agreeing pairs of two sources' values, and the differing pairs that may fill one slot.

        1. All comparable pairs are taken best first, each value once; equal values get ``agree_bonus``
           (the same figure with the same key is rarely a coincidence). The agreeing pairs taken are kept:
           "125 seats" in one report takes "raised seats from 65 to 125" in the other.
        2. Differing pairs of values left unpaired are scored again: a pair is *unique* when both are the
           only values of a key they share still unpaired in their reports (the other yards figures of a
           game were paired in step 1), *crowded* when many are.
        3. A value paired in step 1 may take one more, differing counterpart that has no equal value
           anywhere (``second``): one report saying both ".357" and ".714 caliber revolver" where the
           other says ".357".

        Two differing numbers are candidates only when they share more than a unit ("75 kilometers west"
        and "a depth of 22 miles" are two distances; "22 miles" and "35 kilometers" may still agree) and
        differ by at most a factor ``max_ratio`` ("14 people were arrested", "90,000 people watched"), and
        never when the other report states the value in the very sentence it is set against: "raised the
        seats from 65 to 125" / "125 seats".
        """
        s = self.settings
        stated = self._stated_in_sentence(xs + ys)
        pairs = []
        for x in xs:
            for y in ys:
                if not self._comparable(x, y):
                    continue
                agree = self._agree(x, y)
                if agree:
                    pairs.append((x, y, agree, slot_match(x, y, s)))
                elif x.kind != "number" or (
                    any(not k.startswith("unit:") for k in x.keys & y.keys)
                    and _ratio(x.value, y.value) <= s.max_ratio
                    and not (self._states(stated, x, y) or self._states(stated, y, x))
                ):
                    pairs.append((x, y, agree, slot_match(x, y, s)))
        agreements: list[ValueAlignment] = []
        taken: set[int] = set()
        for x, y, agree, m in sorted(pairs, key=lambda c: -(c[3].logit(s) + self._bonus(c[0], c[1], c[2]))):
            if id(x) in taken or id(y) in taken:
                continue
            taken.update((id(x), id(y)))
            if agree and m.score(s) >= s.agree_similarity:
                agreements.append(ValueAlignment(x, y, True, m, m.score(s)))
        agreed = {id(v) for a in agreements for v in (a.x, a.y)}
        left_x = _key_counts([x for x in xs if id(x) not in agreed])
        left_y = _key_counts([y for y in ys if id(y) not in agreed])
        has_equal = {id(v) for x, y, agree, _ in pairs if agree for v in (x, y)}
        candidates = []
        for x, y, agree, m in pairs:
            second = id(x) in agreed or id(y) in agreed
            if agree or (id(x) in agreed and id(y) in agreed) or (second and id(y if id(x) in agreed else x) in has_equal):
                continue
            shared = _unique_keys(x) & _unique_keys(y)
            # Counts of unpaired values per key, the value paired in step 1 counting itself.
            nx = {k: left_x[k] + (id(x) in agreed) for k in shared}
            ny = {k: left_y[k] + (id(y) in agreed) for k in shared}
            unique = any(nx[k] == 1 and ny[k] == 1 for k in shared)
            crowd = min((max(nx[k], ny[k]) for k in shared), default=1)
            m = dataclasses.replace(m, unique=float(unique), crowd=min(1.0, (crowd - 1) / s.crowd_size))
            candidates.append(ValueAlignment(x, y, False, m, m.score(s), second))
        return agreements, candidates

    def _bonus(self, x: ValueSlot, y: ValueSlot, agree: bool) -> float:
        """``agree_bonus`` for two equal values; none when one is only a bound ("more than 100 yards"
        holds for any larger figure, so it says little about which figure it is)."""
        if not agree or (x.kind == "number" and (x.value.bound or y.value.bound)):
            return 0.0
        return self.settings.agree_bonus

    @staticmethod
    def _stated_in_sentence(slots: list[ValueSlot]) -> dict[tuple[str, int], list[ValueSlot]]:
        out: dict[tuple[str, int], list[ValueSlot]] = defaultdict(list)
        for v in slots:
            out[(v.span.doc_id, v.sentence.start)].append(v)
        return out

    def _states(self, stated: dict[tuple[str, int], list[ValueSlot]], where: ValueSlot, value: ValueSlot) -> bool:
        """Whether the sentence of ``where`` states ``value``: another value there of the same key agrees."""
        return any(v is not where and v.kind == value.kind and v.value.dimension == value.value.dimension
                   and v.keys & value.keys and self._agree(v, value)
                   for v in stated[(where.span.doc_id, where.sentence.start)]) if value.kind == "number" else False

    @staticmethod
    def _differently_worded(x: ValueSlot, y: ValueSlot) -> bool:
        qx = x.analysis.article.quote(x.span)
        qy = y.analysis.article.quote(y.span)
        return " ".join(words(qx)) != " ".join(words(qy))

    @staticmethod
    def _published(a: Analysis) -> str | None:
        day = a.published.value or a.published.latest
        return day[:10] if day else None

    def _conflict_label(self, x: ValueSlot, y: ValueSlot) -> FindingLabel:
        """``updated`` for a count that grows as a story develops (dead, injured, arrested) given higher
        by the later report; otherwise ``contradicted``."""
        if x.kind != "number":
            return FindingLabel.CONTRADICTED
        dx, dy = self._published(x.analysis), self._published(y.analysis)
        evolving = (x.content | y.content | set(x.right) | set(y.right)) & _EVOLVING
        if dx and dy and dx != dy and evolving:
            older, newer = (x, y) if dx < dy else (y, x)
            if newer.value.value > older.value.value:
                return FindingLabel.UPDATED
        return FindingLabel.CONTRADICTED

    def _finding(self, x: ValueSlot, y: ValueSlot, label: FindingLabel, score: float,
                 again: Sequence[ValueSlot] = ()) -> Finding:
        """A finding on two values; ``again`` are the other places the two reports state them, cited after
        the two values themselves."""
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
            context = " ".join(reversed(x.left[:4]))
            subject = f"date (\u2026{context})" if context else "date"
            tolerance = max(x.value[1], y.value[1])
            if label is FindingLabel.AGREEMENT and x.value[0] == y.value[0]:
                why = f"\u201c{qx}\u201d and \u201c{qy}\u201d point to the same day ({x.shown} / {y.shown})"
            elif label is FindingLabel.AGREEMENT:
                why = (f"\u201c{qx}\u201d ({x.shown}) and \u201c{qy}\u201d ({y.shown}) agree within the "
                       f"{tolerance} days such a rounded \u201cago\u201d allows")
            else:
                why = f"{x.source} dates it {x.shown} (\u201c{qx}\u201d), {y.source} {y.shown} (\u201c{qy}\u201d)"
        return Finding(
            kind=x.kind,
            label=label,
            subject=subject,
            explanation=why + f" (context match {score:.2f})",
            evidence=tuple(self._evidence(v.analysis, v.span, v.shown) for v in (x, y, *again)),
            independent_sources=2,
            score=round(score, 4),
        )

    # ----------------------------------------------------------------------------- titles

    def title_findings(self, slots: list[ValueSlot], entities: ResolvedEntities) -> list[Finding]:
        """A person given incompatible titles by different sources ("US President" vs "US Vice President").

        For each person and each incompatible pair of titles, the two mentions whose sentences match
        best are cited.
        """
        names = entities.by_id()
        best: dict[tuple[str, str, str], tuple[float, ValueSlot, ValueSlot, str]] = {}
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

    def claim_refs(self, analyses: Sequence[Analysis], entities: ResolvedEntities, group_of: dict[str, str],
                   slots: Sequence[ValueSlot] = ()) -> list[_ClaimRef]:
        """Each claim with its entities, speaker, content words and values (``slots``: the date slots)."""
        date_slots: dict[str, list[ValueSlot]] = defaultdict(list)
        for v in slots:
            if v.kind == "date":
                date_slots[v.span.doc_id].append(v)
        refs = []
        for a in analyses:
            for c in a.claims:
                ents = frozenset(
                    eid for m in a.mentions
                    if c.span.contains(m.span) and (eid := entities.entity_of.get((m.span.doc_id, m.span.start)))
                )
                speaker = entities.entity_of.get((c.speaker_span.doc_id, c.speaker_span.start)) if c.speaker_span else None
                values = frozenset(self._value_keys(a, c))
                days = tuple((f"d:{v.shown[:10]}", *v.value) for v in date_slots.get(a.article.id, ())
                             if c.span.contains(v.span))
                refs.append(_ClaimRef(a, c, group_of[a.article.id], ents, speaker, _content(c.text), values, days))
        return refs

    @staticmethod
    def _value_keys(a: Analysis, c: Claim) -> list[str]:
        out = []
        for q in a.quantities:
            if c.span.contains(q.span):
                out.append(f"n:{q.value:g}:{q.unit}")
        for t in a.timex:
            if c.span.contains(t.span) and (t.refers_to or t.value):
                out.append(f"d:{(t.refers_to or t.value)[:10]}")
        return out

    def claim_similarity(self, x: _ClaimRef, y: _ClaimRef, cosine: float | None = None) -> float:
        """Similarity of two claims: content words, entities and values (and embeddings when given).

        Claims sharing neither an entity nor a value are never aligned.
        """
        shared = x.shared_values(y)
        if not (x.entities & y.entities or shared):
            return 0.0
        s = self.settings
        lexical = _jaccard(x.content, y.content)
        ents = _jaccard(x.entities, y.entities)
        union = len(x.values) + len(y.values) - shared
        vals = shared / union if union > 0 else 0.0
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
            if x.group != y.group and (x.entities & y.entities or x.shared_values(y))
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
