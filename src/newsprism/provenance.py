"""Provenance: which articles are duplicates, rewrites or translations of which, and which is the original.

Candidates come from a persistent MinHash LSH index (same-language copies) and from embedding neighbours
in other languages (translations). Each candidate pair is then verified by aligning sentences, and a link
records the aligned pairs as evidence, so a reader can see why two "sources" are one.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from .fingerprint import words
from .model import AlignedPair, Analysis, Fingerprint, Link, LinkKind, Provenance
from .settings import ProvenanceSettings

__all__ = ["LSHBands", "ProvenanceDetector", "find_originals"]

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


class LSHBands:
    """Band a MinHash signature into LSH bucket keys (``b`` bands of ``r`` rows, chosen for a threshold).

    >>> bands = LSHBands(threshold=0.5, num_perm=128)
    >>> len(bands.keys(np.arange(128, dtype=np.uint64))) == bands.b
    True
    """

    def __init__(self, threshold: float, num_perm: int) -> None:
        from datasketch.lsh import _optimal_param

        self.b, self.r = _optimal_param(threshold, num_perm, 0.5, 0.5)

    def keys(self, minhash: np.ndarray) -> list[tuple[int, str]]:
        sig = np.asarray(minhash, dtype=np.uint64)
        return [
            (i, hashlib.blake2b(sig[i * self.r : (i + 1) * self.r].tobytes(), digest_size=10).hexdigest())
            for i in range(self.b)
        ]


def _content(tokens: list[str]) -> set[str]:
    return {w for w in tokens if len(w) > 2}


def _anchors(text: str) -> set[str]:
    """Language-independent anchors of a sentence: numbers and capitalized names."""
    nums = set(_NUMBER.findall(text))
    names = {w.casefold() for w in re.findall(r"\b[A-ZÀ-Þ][\w-]{2,}", text)}
    return nums | names


class ProvenanceDetector:
    """Verify candidate pairs and produce :class:`Link` records with aligned sentence evidence."""

    name = "newsprism.provenance.v1"

    def __init__(self, settings: ProvenanceSettings | None = None, num_perm: int = 128) -> None:
        self.settings = settings or ProvenanceSettings()
        self.bands = LSHBands(self.settings.lsh_threshold, num_perm)

    @staticmethod
    def jaccard(a: Fingerprint, b: Fingerprint) -> float:
        return float(np.mean(np.asarray(a.minhash) == np.asarray(b.minhash)))

    def align_same_language(self, new: Analysis, old: Analysis) -> list[AlignedPair]:
        """Each body sentence of ``new`` with its best match in ``old`` (word-set overlap ≥ 0.5)."""
        old_sents = [(s, _content(words(old.article.quote(s)))) for s in old.sentences if s.start >= old.article.body_start]
        pairs = []
        for s in new.sentences:
            if s.start < new.article.body_start:
                continue
            toks = _content(words(new.article.quote(s)))
            if len(toks) < 4:
                continue
            best, best_score = None, 0.0
            for o, otoks in old_sents:
                if not otoks:
                    continue
                score = len(toks & otoks) / len(toks | otoks)
                if score > best_score:
                    best, best_score = o, score
            if best is not None and best_score >= 0.5:
                pairs.append(AlignedPair(s, best, round(best_score, 3)))
        return pairs

    def align_across_languages(self, new: Analysis, old: Analysis) -> list[AlignedPair]:
        """Align sentences by relative position, confirmed by shared numbers and names."""
        ns = [s for s in new.sentences if s.start >= new.article.body_start]
        os_ = [s for s in old.sentences if s.start >= old.article.body_start]
        if not ns or not os_:
            return []
        pairs = []
        for i, s in enumerate(ns):
            a = _anchors(new.article.quote(s))
            if not a:
                continue
            centre = round(i * len(os_) / len(ns))
            best, best_score = None, 0.0
            for j in range(max(0, centre - 3), min(len(os_), centre + 4)):
                b = _anchors(old.article.quote(os_[j]))
                score = len(a & b) / len(a | b) if a | b else 0.0
                if score > best_score:
                    best, best_score = os_[j], score
            if best is not None and best_score >= 0.5:
                pairs.append(AlignedPair(s, best, round(best_score, 3)))
        return pairs

    def verify(self, new: Analysis, new_fp: Fingerprint, old: Analysis, old_fp: Fingerprint) -> Link | None:
        """A link from ``new`` to ``old`` if one derives from the other, else ``None``."""
        s = self.settings
        n_body = max(1, sum(1 for x in new.sentences if x.start >= new.article.body_start))
        if (new.lang or "") == (old.lang or "") or new_fp.embedding is None or old_fp.embedding is None:
            jac = self.jaccard(new_fp, old_fp)
            pairs = self.align_same_language(new, old)
            coverage = len(pairs) / n_body
            if jac >= s.duplicate_jaccard:
                return Link(new.article.id, old.article.id, LinkKind.DUPLICATE, round(jac, 3),
                            f"near-identical text: {jac:.0%} of 5-word shingles shared", tuple(pairs))
            if coverage >= s.rewrite_coverage:
                return Link(new.article.id, old.article.id, LinkKind.REWRITE, round(coverage, 3),
                            f"{len(pairs)} of {n_body} sentences reworded from the other article", tuple(pairs))
            return None
        cosine = float(np.dot(new_fp.embedding, old_fp.embedding))
        if cosine < s.translation_candidate_cosine:
            return None
        pairs = self.align_across_languages(new, old)
        coverage = len(pairs) / n_body
        if coverage >= s.translation_coverage:
            return Link(new.article.id, old.article.id, LinkKind.TRANSLATION, round(coverage, 3),
                        f"{new.lang} text aligns with {old.lang}: {len(pairs)} of {n_body} sentences share "
                        f"numbers and names in order (lead similarity {cosine:.2f})", tuple(pairs))
        return None


def find_originals(published: dict[str, str | None], links: Sequence[Link], order: Sequence[str]) -> list[Provenance]:
    """Group linked articles and name each group's likely original, with the reason.

    ``published`` maps article ids to ISO dates (or ``None``); ``order`` is the ingest order, the last
    resort. The original is the earliest published member; without dates, the member the others link to.
    """
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for link in links:
        ra, rb = root(link.article_id), root(link.target_id)
        if ra != rb:
            parent[ra] = rb
    groups: dict[str, list[str]] = defaultdict(list)
    for x in {i for link in links for i in (link.article_id, link.target_id)}:
        groups[root(x)].append(x)
    inbound: dict[str, int] = defaultdict(int)
    for link in links:
        inbound[link.target_id] += 1
    rank = {a: i for i, a in enumerate(order)}
    out = []
    for members in groups.values():
        dated = [m for m in members if published.get(m)]
        if dated:
            original = min(dated, key=lambda m: (published[m], rank.get(m, 0)))
            reason = f"earliest published ({published[original]})"
        else:
            original = max(members, key=lambda m: (inbound[m], -rank.get(m, 0)))
            reason = (f"no publication dates; the others derive from it ({inbound[original]} links point to it)"
                      if inbound[original] else "no publication dates; first one seen")
        out.append(Provenance(original, tuple(sorted(members, key=lambda m: rank.get(m, 0))), reason))
    return sorted(out, key=lambda p: rank.get(p.original_id, 0))
