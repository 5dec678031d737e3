"""Provenance: which articles are duplicates, rewrites or translations of which, and which is the original.

Candidates come from a persistent MinHash LSH index in the store (content words and language-independent
anchors, see :mod:`newsprism._provenance_index`). Each candidate pair is then verified by aligning
sentences — by word overlap in one language, by multilingual sentence embeddings across languages — and a
link records the aligned pairs as evidence, so a reader can see why two "sources" are one. Independent
reports of one event share names, numbers and a few quotations, but not sentence after sentence, so they
are not linked.

The direction of a link (which article copies which) comes from publication dates, else from what the
texts add to each other (:mod:`newsprism._provenance_direction`); :func:`find_originals` names the likely
original of each group of linked articles, with the reason.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ._provenance_align import align_lexical, align_vectors, in_order_share, sequence_similarity
from ._provenance_direction import Direction, decide_direction
from ._provenance_index import LSHBands, SketchIndex
from ._provenance_text import Unit, units_of
from .model import AlignedPair, Analysis, Fingerprint, Link, LinkKind, Provenance
from .settings import ProvenanceSettings

__all__ = ["LSHBands", "ProvenanceDetector", "Verdict", "find_originals"]

# Characters of a sentence given to the embedding model (longer sentences are cut: the budget is time).
_EMBED_CHARS = 400

VectorSource = Callable[[Analysis], np.ndarray]


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one candidate pair: a link, or ``link=None`` with the reason it was refused.

    ``features`` holds the measured quantities (coverage, similarities, counts) for inspection and tuning.

    >>> Verdict(None, "only 1 sentences shared, covering 12%", {"pairs": 1}).link is None
    True
    """

    link: Link | None
    reason: str
    features: dict[str, float] = field(default_factory=dict)


def _tokens(units: Sequence[Unit]) -> int:
    return sum(len(u.tokens) for u in units)


def _covered(units: Sequence[Unit], scores: dict[int, float]) -> float:
    """Share of the text's tokens in aligned sentences, each weighted by its alignment score."""
    total = sum(len(u.tokens) for u in units)
    return sum(len(units[i].tokens) * sc for i, sc in scores.items()) / total if total else 0.0


class ProvenanceDetector:
    """Index articles for candidate retrieval and verify candidate pairs into :class:`Link` records.

    Args:
        settings: thresholds and index parameters.
        embedder: a callable from a list of texts to L2-normalized multilingual embeddings, used for the
            sentences of cross-language candidates only; without one, no translation is linked (numbers
            and names alone cannot tell a translation from an independent report of the same event).

    >>> from newsprism.model import Article
    >>> from newsprism.analyze.sentences import SentenceSplitter
    >>> def doc(text): return SentenceSplitter()(Analysis(Article.build(text=text), lang="en"))
    >>> a = doc("Storm Ida hit the coast of Louisiana on Monday. Officials in New Orleans ordered an evacuation of "
    ...         "the low districts. The National Guard was deployed to help residents leave their homes.")
    >>> b = doc("On Monday storm Ida struck the Louisiana coast. New Orleans officials ordered the evacuation "
    ...         "of the low-lying districts. The National Guard was sent to help residents leave homes. Subscribe now!")
    >>> det = ProvenanceDetector()
    >>> link = det.verify(b, Fingerprint(b.article.id, np.zeros(1)), a, Fingerprint(a.article.id, np.zeros(1)))
    >>> (link.kind.value, link.article_id == b.article.id, len(link.evidence))
    ('rewrite', True, 3)
    """

    name = "newsprism.provenance.v2"

    def __init__(self, settings: ProvenanceSettings | None = None, embedder: Callable[[list[str]], Any] | None = None) -> None:
        self.settings = settings or ProvenanceSettings()
        s = self.settings
        self.embedder = embedder
        self.index = SketchIndex(
            LSHBands("w", s.words_bands, s.words_rows),
            LSHBands("a", s.anchors_bands, s.anchors_rows),
            min_items=s.index_min_items,
            seed=s.seed,
        )

    # ------------------------------------------------------------------------------------ index

    def index_keys(self, analysis: Analysis) -> list[int]:
        """The LSH bucket keys under which the article is stored and looked up."""
        return self.index.keys(units_of(analysis))

    def worth_checking(self, new: Fingerprint, new_lang: str | None, old: Fingerprint, old_lang: str | None, shared_keys: int) -> bool:
        """A cheap pre-check of a candidate from its fingerprint, before its text is read.

        A copy shares many LSH keys (both sketches); with a large store, one shared key is mostly chance,
        so such a candidate is read only when its key terms overlap the new article's (a copy keeps its
        names and title words) or, in another language, when its lead embedding is close.

        >>> det = ProvenanceDetector()
        >>> def fp(terms, lead=None): return Fingerprint("x", np.zeros(1), None if lead is None else np.array(lead), terms)
        >>> det.worth_checking(fp(("e:ida",)), "en", fp(("e:ida",)), "en", 5)
        True
        >>> det.worth_checking(fp(("e:ida", "w:storm")), "en", fp(("e:ida", "w:storm")), "en", 1)
        True
        >>> det.worth_checking(fp(("e:ida", "w:storm")), "en", fp(("e:gm", "w:sales")), "en", 1)
        False
        >>> det.worth_checking(fp((), [1.0, 0.0]), "en", fp((), [0.99, 0.14]), "es", 1)
        True
        """
        s = self.settings
        if shared_keys >= s.candidate_min_keys:
            return True
        if new_lang and old_lang and new_lang != old_lang:
            if new.embedding is None or old.embedding is None:
                return False
            return float(np.dot(new.embedding, old.embedding)) >= s.translation_candidate_cosine
        a, b = set(new.terms), set(old.terms)
        return bool(a | b) and len(a & b) / len(a | b) >= s.candidate_terms_jaccard

    # ----------------------------------------------------------------------------------- verify

    def units(self, analysis: Analysis, all_units: Sequence[Unit] | None = None) -> list[Unit]:
        """The sentences compared across languages: enough content tokens (title and datelines included,
        a translation keeps them), at most ``max_sentences`` of them."""
        s = self.settings
        units = units_of(analysis) if all_units is None else all_units
        return [u for u in units if len(u.tokens) >= s.min_sentence_tokens][: s.max_sentences]

    def body_units(self, analysis: Analysis, all_units: Sequence[Unit] | None = None) -> list[Unit]:
        """The sentences compared within a language: body sentences with enough words (all of them: the
        lexical aligner is cheap). Headlines and datelines of independent reports of one event are alike
        by nature, so they are no evidence."""
        units = units_of(analysis) if all_units is None else all_units
        return [u for u in units if u.body and u.words >= self.settings.rewrite_min_words]

    def embed(self, analysis: Analysis) -> np.ndarray:
        """Embeddings of :meth:`units` (one row each); the costly step, so callers cache the result."""
        units = self.units(analysis)
        if self.embedder is None or not units:
            return np.zeros((len(units), 0), dtype=np.float32)
        texts = [analysis.article.quote(u.span)[:_EMBED_CHARS] for u in units]
        return np.asarray(self.embedder(texts), dtype=np.float32).reshape(len(units), -1)

    def verify(
        self, new: Analysis, new_fp: Fingerprint, old: Analysis, old_fp: Fingerprint, vectors: VectorSource | None = None
    ) -> Link | None:
        """A link between ``new`` and ``old`` if one derives from the other, else ``None``; see :meth:`assess`."""
        return self.assess(new, new_fp, old, old_fp, vectors).link

    def assess(
        self, new: Analysis, new_fp: Fingerprint, old: Analysis, old_fp: Fingerprint, vectors: VectorSource | None = None
    ) -> Verdict:
        """Check a candidate pair. ``vectors`` returns the sentence embeddings of an analysis (default:
        :meth:`embed`, uncached); it is called only for cross-language pairs that pass the lead check.
        The link points from the copy to its source (see :func:`decide_direction`)."""
        return self._assess(self._doc(new, new_fp), self._doc(old, old_fp), vectors or self.embed)

    def assess_many(
        self, new: Analysis, new_fp: Fingerprint, stored: Sequence[tuple[Analysis, Fingerprint]], vectors: VectorSource | None = None
    ) -> list[Verdict]:
        """:meth:`assess` of one new article against several stored ones (its sentences are read once)."""
        doc = self._doc(new, new_fp)
        return [self._assess(doc, self._doc(a, fp), vectors or self.embed) for a, fp in stored]

    def _doc(self, analysis: Analysis, fp: Fingerprint) -> _Doc:
        units = units_of(analysis)
        return _Doc(analysis, fp, units, self.body_units(analysis, units), self.units(analysis, units))

    def _assess(self, new: _Doc, old: _Doc, vectors: VectorSource) -> Verdict:
        # Same words first, whatever the detected languages: a copy with an English promotion block can
        # be detected as English while its source is not.
        verdict = self._same_language(new, old) if new.body and old.body else None
        ln, lo = new.analysis.lang or "", old.analysis.lang or ""
        if (verdict is None or verdict.link is None) and ln and lo and ln != lo and new.cross and old.cross:
            return self._translation(new, old, vectors)
        return verdict or Verdict(None, "an article has no sentence long enough to compare")

    def _same_language(self, new: _Doc, old: _Doc) -> Verdict:
        s = self.settings
        un, uo = new.body, old.body
        pairs = align_lexical(un, uo, s.rewrite_sentence_dice, s.rewrite_min_shared)
        # Coverage of each text by aligned sentences, each weighted by its length and by how close its
        # match is: a copy with a fifth of its words replaced covers ~0.8 of the original, two
        # independent reports sharing a few near-quotes ~0.3.
        cov_new = _covered(un, {i: sc for i, _, sc in pairs})
        cov_old = _covered(uo, {j: sc for _, j, sc in pairs})
        seq = sequence_similarity(un, uo)
        # Shared text in absolute terms: tokens of the aligned sentences, weighted by their overlap.
        shared = sum(min(len(un[i].tokens), len(uo[j].tokens)) * sc for i, j, sc in pairs)
        features = {
            "pairs": len(pairs), "shared_tokens": round(shared, 1), "coverage_new": round(cov_new, 3), "coverage_old": round(cov_old, 3),
            "sequence": round(seq, 3), "in_order": round(in_order_share(pairs), 3),
        }
        mean = float(np.mean([p[2] for p in pairs])) if pairs else 0.0
        if seq >= s.duplicate_similarity and pairs:
            kind, score = LinkKind.DUPLICATE, seq
            what = f"near-identical text: {seq:.0%} of the words the same and in the same order"
        elif (
            len(pairs) >= s.rewrite_min_pairs
            and max(cov_new, cov_old) >= s.rewrite_coverage
            and shared >= min(s.rewrite_min_tokens, 0.5 * min(_tokens(un), _tokens(uo)))
        ):
            kind, score = LinkKind.REWRITE, max(cov_new, cov_old)
            moved = len(pairs) - round(features["in_order"] * len(pairs))
            what = (f"{len(pairs)} sentences reworded from one to the other (word overlap {mean:.2f} on average"
                    + (f", {moved} moved" if moved else "") + f"), covering {cov_new:.0%} and {cov_old:.0%} of the two texts")
        else:
            return Verdict(None, f"only {len(pairs)} sentences shared, covering {max(cov_new, cov_old):.0%}", features)
        return Verdict(self._link(new, un, old, uo, pairs, kind, score, what), what, features)

    def _translation(self, new: _Doc, old: _Doc, vectors: VectorSource) -> Verdict:
        s = self.settings
        un, uo = new.cross, old.cross
        features: dict[str, float] = {}
        if new.fp.embedding is not None and old.fp.embedding is not None:
            lead = float(np.dot(new.fp.embedding, old.fp.embedding))
            features["lead_cosine"] = round(lead, 3)
            if lead < s.translation_candidate_cosine:
                return Verdict(None, f"leads too far apart (cosine {lead:.2f})", features)
        vn, vo = vectors(new.analysis), vectors(old.analysis)
        if not (vn.ndim == vo.ndim == 2 and vn.shape[1] and vn.shape[1] == vo.shape[1]):
            # Numbers and names alone cannot tell a translation from an independent report of the event.
            return Verdict(None, "no sentence embedding model: a translation cannot be verified", features)
        if vn.shape[0] != len(un) or vo.shape[0] != len(uo):
            return Verdict(None, "sentence embeddings do not match the sentences (stale cache)", features)
        pairs = align_vectors(un, uo, vn, vo, s.translation_sentence_cosine)
        coverage = len(pairs) / min(len(un), len(uo))
        mean = float(np.mean([p[2] for p in pairs])) if pairs else 0.0
        features.update(pairs=len(pairs), coverage=round(coverage, 3), mean=round(mean, 3), in_order=round(in_order_share(pairs), 3))
        if len(pairs) < min(s.translation_min_pairs, len(un), len(uo)) or coverage < s.translation_coverage:
            return Verdict(None, f"only {len(pairs)} sentences align across languages ({coverage:.0%})", features)
        what = (f"{new.analysis.lang} and {old.analysis.lang} texts align sentence by sentence: {len(pairs)} of "
                f"{min(len(un), len(uo))} sentences (embedding cosine {mean:.2f} on average)")
        return Verdict(self._link(new, un, old, uo, pairs, LinkKind.TRANSLATION, coverage * mean, what), what, features)

    def _link(
        self, new: _Doc, un: list[Unit], old: _Doc, uo: list[Unit], pairs: list[tuple[int, int, float]],
        kind: LinkKind, score: float, what: str,
    ) -> Link:
        spans = [(un[i].span, uo[j].span) for i, j, _ in pairs]
        d: Direction = decide_direction(new.analysis, new.units, old.analysis, old.units, spans, self.settings.substantive_tokens)
        copy_is_new = True if d.copy_is_a is None else d.copy_is_a
        direction = d.reason if d.copy_is_a is not None else f"{d.reason}; taken in the order received"
        if copy_is_new:
            copy, source = new.analysis, old.analysis
            evidence = tuple(AlignedPair(un[i].span, uo[j].span, sc) for i, j, sc in pairs)
        else:
            copy, source = old.analysis, new.analysis
            evidence = tuple(AlignedPair(uo[j].span, un[i].span, sc) for i, j, sc in pairs)
        return Link(copy.article.id, source.article.id, kind, round(score, 3), f"{what}; {direction}", evidence, direction)


@dataclass(frozen=True)
class _Doc:
    """One side of a comparison: the analysis, its fingerprint and its sentences, read once."""

    analysis: Analysis
    fp: Fingerprint
    units: list[Unit]
    body: list[Unit]
    cross: list[Unit]


def find_originals(published: dict[str, str | None], links: Sequence[Link], order: Sequence[str]) -> list[Provenance]:
    """Group linked articles and name each group's likely original, with the reason.

    ``published`` maps article ids to ISO dates (or ``None``); ``order`` is the ingest order. The original
    is the earliest published member; without dates, the member the others derive from (each link points
    from a copy to its source, with the reason in ``Link.direction``); the ingest order breaks ties.

    >>> links = [Link("b", "a", LinkKind.REWRITE, 0.9, "", (), "the copy adds 2 captions the other lacks"),
    ...          Link("c", "a", LinkKind.DUPLICATE, 1.0, "", (), "the copy is a subset")]
    >>> [(p.original_id, p.member_ids) for p in find_originals({}, links, ["c", "a", "b"])]
    [('a', ('c', 'a', 'b'))]
    >>> find_originals({"b": "2022-07-18", "a": "2022-07-19"}, links, ["a", "b", "c"])[0].original_id
    'b'
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
    inbound: dict[str, list[Link]] = defaultdict(list)
    outbound: dict[str, int] = defaultdict(int)
    for link in links:
        inbound[link.target_id].append(link)
        outbound[link.article_id] += 1
    rank = {a: i for i, a in enumerate(order)}
    out = []
    for members in groups.values():
        members.sort(key=lambda m: rank.get(m, len(rank)))
        dated = [m for m in members if published.get(m)]
        if dated:
            original = min(dated, key=lambda m: (published[m], rank.get(m, len(rank))))
            reason = f"earliest published ({published[original]})"
            if len(dated) < len(members):
                reason += f"; {len(members) - len(dated)} undated member(s) not considered"
        else:
            # The source of the derivation graph: derives from nothing, others derive from it.
            original = min(members, key=lambda m: (outbound[m] > 0, -len(inbound[m]), rank.get(m, len(rank))))
            evidence = list(dict.fromkeys(link.direction for link in inbound[original] if link.direction))
            if inbound[original]:
                reason = (f"no publication dates; {len(inbound[original])} article(s) derive from it"
                          + (": " + "; ".join(evidence) if evidence else ""))
            else:
                reason = "no publication dates; first one seen"
        out.append(Provenance(original, tuple(members), reason))
    return sorted(out, key=lambda p: rank.get(p.original_id, len(rank)))
