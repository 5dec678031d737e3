"""Cross-source comparison: line up what each source claims, then label agreement and conflict.

Claims of different sources are aligned when they speak about the same entities with overlapping words.
Within an aligned pair, values of the same kind are compared: numbers counting the same noun, dates of
the same event, titles given to the same person. A difference beyond the tolerances is a contradiction;
a difference the tolerances explain ("four and a half months ago" vs "five months ago", both the same
week) is recorded as agreement, so the reader sees why it is not a conflict. Duplicates, rewrites and
translations of one original count as one source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .analyze.canon import ResolvedEntities
from .analyze.quantities import noun_key
from .analyze.roles import titles_conflict
from .fingerprint import words
from .model import Analysis, Claim, Evidence, Finding, FindingLabel, Provenance, Quantity, Span
from .settings import CompareSettings

__all__ = ["Comparer"]

_STOP = frozenset("the a an of and or in on at to for from by with as is are was were be been has have had that this "
                  "it its he she they his her their will would said says also not but than which who".split())


def _content(text: str) -> set[str]:
    return {w for w in words(text) if w not in _STOP and len(w) > 2}


@dataclass(frozen=True)
class _ClaimRef:
    analysis: Analysis
    claim: Claim
    group: str
    entities: frozenset[str]
    content: frozenset[str]


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10 or not value[:4].isdigit():
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class Comparer:
    """Compute a story's findings from its analysed articles, entities and provenance groups."""

    name = "newsprism.compare.v1"

    def __init__(self, settings: CompareSettings | None = None) -> None:
        self.settings = settings or CompareSettings()

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
        findings = self.title_findings(analyses, entities, group_of)
        refs = self._claim_refs(analyses, entities, group_of)
        aligned = self._align(refs)
        findings += self.value_findings(aligned)
        findings += self.support_findings(refs, aligned)
        findings += self.dispute_findings(refs, entities)
        return findings

    # ------------------------------------------------------------------------------- helpers

    @staticmethod
    def _evidence(analysis: Analysis, span: Span, value: str | None = None) -> Evidence:
        return Evidence(span, analysis.article.quote(span), value, analysis.article.source)

    def _claim_refs(self, analyses: Sequence[Analysis], entities: ResolvedEntities, group_of: dict[str, str]) -> list[_ClaimRef]:
        refs = []
        for a in analyses:
            for c in a.claims:
                ents = frozenset(
                    entities.entity_of[(m.span.doc_id, m.span.start)]
                    for m in a.mentions
                    if c.span.contains(m.span) and (m.span.doc_id, m.span.start) in entities.entity_of
                )
                refs.append(_ClaimRef(a, c, group_of[a.article.id], ents, frozenset(_content(c.text))))
        return refs

    @staticmethod
    def _similarity(x: _ClaimRef, y: _ClaimRef) -> float:
        words_sim = len(x.content & y.content) / len(x.content | y.content) if x.content | y.content else 0.0
        ent_sim = len(x.entities & y.entities) / len(x.entities | y.entities) if x.entities | y.entities else 0.0
        return 0.6 * words_sim + 0.4 * ent_sim

    def _align(self, refs: list[_ClaimRef]) -> list[tuple[_ClaimRef, _ClaimRef, float]]:
        """Best-matching claim pairs across independent sources (each claim matched at most once per source)."""
        by_group: dict[str, list[_ClaimRef]] = defaultdict(list)
        for r in refs:
            by_group[r.group].append(r)
        groups = sorted(by_group)
        pairs = []
        for i, ga in enumerate(groups):
            for gb in groups[i + 1 :]:
                candidates = []
                for x in by_group[ga]:
                    for y in by_group[gb]:
                        s = self._similarity(x, y)
                        if s >= 0.25:
                            candidates.append((s, x, y))
                used_x: set[int] = set()
                used_y: set[int] = set()
                for s, x, y in sorted(candidates, key=lambda t: -t[0]):
                    if id(x) in used_x or id(y) in used_y:
                        continue
                    used_x.add(id(x))
                    used_y.add(id(y))
                    pairs.append((x, y, s))
        return pairs

    # ------------------------------------------------------------------------------- findings

    def title_findings(self, analyses: Sequence[Analysis], entities: ResolvedEntities, group_of: dict[str, str]) -> list[Finding]:
        """A person given incompatible titles by different sources ("US President" vs "US Vice President")."""
        titled: dict[str, list[tuple[Analysis, object]]] = defaultdict(list)
        for a in analyses:
            for m in a.mentions:
                key = (m.span.doc_id, m.span.start)
                if m.title and key in entities.entity_of:
                    titled[entities.entity_of[key]].append((a, m))
        names = entities.by_id()
        out = []
        for eid, items in titled.items():
            seen: set[tuple[str, str]] = set()
            for i, (a, m) in enumerate(items):
                for b, n in items[i + 1 :]:
                    if group_of[a.article.id] == group_of[b.article.id]:
                        continue
                    why = titles_conflict(m.title, n.title)
                    key = tuple(sorted((m.title.lower(), n.title.lower())))
                    if not why or key in seen:
                        continue
                    seen.add(key)
                    out.append(
                        Finding(
                            kind="title",
                            label=FindingLabel.CONTRADICTED,
                            subject=f"{names[eid].name}'s title",
                            explanation=f"{a.article.source or a.article.id} calls {names[eid].name} "
                            f"\u201c{m.title}\u201d, {b.article.source or b.article.id} \u201c{n.title}\u201d: {why}",
                            evidence=(self._evidence(a, m.title_span, m.title), self._evidence(b, n.title_span, n.title)),
                            independent_sources=2,
                        )
                    )
        return out

    def value_findings(self, aligned: list[tuple[_ClaimRef, _ClaimRef, float]]) -> list[Finding]:
        out = []
        for x, y, _ in aligned:
            out += self._number_findings(x, y)
            out += self._date_findings(x, y)
        return out

    def _quantities(self, r: _ClaimRef) -> list[Quantity]:
        return [q for q in r.analysis.quantities if r.claim.span.contains(q.span)]

    def _number_findings(self, x: _ClaimRef, y: _ClaimRef) -> list[Finding]:
        out = []
        qx = [q for q in self._quantities(x) if q.noun]
        qy = [q for q in self._quantities(y) if q.noun]
        for a in qx:
            same = [b for b in qy if noun_key(b.noun) == noun_key(a.noun) and b.unit == a.unit]
            if len(same) != 1 or sum(1 for q in qx if noun_key(q.noun) == noun_key(a.noun)) != 1:
                continue  # ambiguous: several numbers of the same noun
            b = same[0]
            agree, why = self._numbers_agree(a, b)
            label = FindingLabel.AGREEMENT if agree else FindingLabel.CONTRADICTED
            out.append(
                Finding(
                    kind="number",
                    label=label,
                    subject=f"number of {noun_key(a.noun)}",
                    explanation=why,
                    evidence=(self._evidence(x.analysis, a.span, _fmt(a)), self._evidence(y.analysis, b.span, _fmt(b))),
                    independent_sources=2,
                )
            )
        return out

    def _numbers_agree(self, a: Quantity, b: Quantity) -> tuple[bool, str]:
        lo_a, hi_a = a.value, a.high if a.high is not None else a.value
        lo_b, hi_b = b.value, b.high if b.high is not None else b.value
        tol = self.settings.number_tolerance
        if (a.approximate or b.approximate) and lo_a <= hi_b * (1 + tol) and lo_b <= hi_a * (1 + tol):
            return True, f"\u201c{a.text}\u201d and \u201c{b.text}\u201d are compatible ({_fmt(a)} vs {_fmt(b)})"
        if abs(lo_a - lo_b) <= tol * max(abs(lo_a), abs(lo_b)):
            return True, f"{_fmt(a)} and {_fmt(b)} agree within rounding"
        return False, f"{_fmt(a)} vs {_fmt(b)} {a.noun}: the sources give different figures"

    def _date_findings(self, x: _ClaimRef, y: _ClaimRef) -> list[Finding]:
        tx = [t for t in x.analysis.timex if x.claim.span.contains(t.span) and _day(t.refers_to or t.value)]
        ty = [t for t in y.analysis.timex if y.claim.span.contains(t.span) and _day(t.refers_to or t.value)]
        if len(tx) != 1 or len(ty) != 1:
            return []
        a, b = tx[0], ty[0]
        da, db = _day(a.refers_to or a.value), _day(b.refers_to or b.value)
        gap = abs((da - db).days)
        same_kind = (a.refers_to is not None) == (b.refers_to is not None)
        if not same_kind:
            return []
        agree = gap <= self.settings.date_tolerance_days if a.refers_to else gap == 0
        why = (
            f"\u201c{a.text}\u201d ({da}) and \u201c{b.text}\u201d ({db}) point to the same time"
            if agree
            else f"\u201c{a.text}\u201d is {da}, \u201c{b.text}\u201d is {db}: {gap} days apart"
        )
        return [
            Finding(
                kind="date",
                label=FindingLabel.AGREEMENT if agree else FindingLabel.CONTRADICTED,
                subject="date of the event",
                explanation=why,
                evidence=(self._evidence(x.analysis, a.span, str(da)), self._evidence(y.analysis, b.span, str(db))),
                independent_sources=2,
            )
        ]

    def support_findings(self, refs: list[_ClaimRef], aligned: list[tuple[_ClaimRef, _ClaimRef, float]]) -> list[Finding]:
        """Attributed statements and facts: corroborated by other sources, or reported by one only."""
        partners: dict[int, list[_ClaimRef]] = defaultdict(list)
        for x, y, _ in aligned:
            partners[id(x)].append(y)
            partners[id(y)].append(x)
        out, done = [], set()
        for r in refs:
            if id(r) in done or r.claim.kind == "event":
                continue
            group = [r, *partners.get(id(r), [])]
            done.update(id(g) for g in group)
            sources = {g.group for g in group}
            label = FindingLabel.CORROBORATED if len(sources) > 1 else FindingLabel.SINGLE_SOURCE
            subject = (f"{r.claim.speaker} {r.claim.predicate}" if r.claim.speaker else r.claim.text[:80])
            out.append(
                Finding(
                    kind="claim",
                    label=label,
                    subject=subject,
                    explanation=(f"reported by {len(sources)} independent sources" if len(sources) > 1
                                 else "reported by one source only"),
                    evidence=tuple(self._evidence(g.analysis, g.claim.span) for g in group),
                    independent_sources=len(sources),
                )
            )
        return out

    def dispute_findings(self, refs: list[_ClaimRef], entities: ResolvedEntities) -> list[Finding]:
        """A statement denied by another party: "Iran has denied Sullivan's statements"."""
        out = []
        for d in refs:
            if d.claim.polarity != "denied":
                continue
            targets = [
                r for r in refs
                if r is not d and r.claim.kind == "statement" and r.claim.polarity == "asserted"
                and r.entities & d.entities - {entities.entity_of.get((d.claim.speaker_span.doc_id, d.claim.speaker_span.start))}
                if d.claim.speaker_span is not None
            ]
            if not targets:
                continue
            target = max(targets, key=lambda r: len(r.entities & d.entities))
            out.append(
                Finding(
                    kind="claim",
                    label=FindingLabel.DISPUTED,
                    subject=f"{target.claim.speaker}'s statement",
                    explanation=f"{d.claim.speaker} {d.claim.predicate} what {target.claim.speaker} said",
                    evidence=(self._evidence(target.analysis, target.claim.span), self._evidence(d.analysis, d.claim.span)),
                    independent_sources=len({target.group, d.group}),
                )
            )
        return out


def _fmt(q: Quantity) -> str:
    value = f"{q.value:g}" if q.high is None else f"{q.value:g}\u2013{q.high:g}"
    return f"{value} {q.unit}" if q.unit else value
