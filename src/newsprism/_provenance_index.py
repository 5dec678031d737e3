"""Candidate retrieval for provenance: MinHash LSH keys stored in the database.

Two sketches per article, each banded into integer bucket keys (one row per key in ``lsh_keys``):

* **words** — the set of content-word stems. Robust to reordered sentences, inserted promo blocks and
  captions, and to a good share of substituted words, which break the 5-word shingles of near-duplicate
  detectors long before they change the vocabulary of a text.
* **anchors** — numbers, calendar names and capitalized names. They survive synonym spinning (names and
  figures are the words a spinner cannot touch) and translation, so the same index finds spun copies and
  candidates in other languages without comparing embeddings against the whole store.

A stored article is a candidate when it shares at least one bucket with the new one; candidates are ranked
by the number of shared buckets, so the cost per article stays bounded however large the store grows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from ._provenance_text import Unit

__all__ = ["LSHBands", "SketchIndex"]


class LSHBands:
    """Band a MinHash signature into ``bands`` keys of ``rows`` values each, as signed 64-bit integers.

    Two sets share a key with probability ``1 - (1 - J**rows) ** bands`` for Jaccard similarity ``J``.
    ``tag`` keeps the keys of different sketches apart in one table.

    >>> bands = LSHBands("w", bands=4, rows=2)
    >>> keys = bands.keys(np.arange(8, dtype=np.uint64))
    >>> len(keys), keys == bands.keys(np.arange(8, dtype=np.uint64)), keys == LSHBands("a", 4, 2).keys(np.arange(8, dtype=np.uint64))
    (4, True, False)
    """

    def __init__(self, tag: str, bands: int, rows: int) -> None:
        self.tag = tag
        self.bands = bands
        self.rows = rows

    @property
    def num_perm(self) -> int:
        return self.bands * self.rows

    def keys(self, signature: np.ndarray) -> list[int]:
        sig = np.asarray(signature, dtype=np.uint64)
        out = []
        for i in range(self.bands):
            h = hashlib.blake2b(digest_size=8)
            h.update(f"{self.tag}{i}:".encode())
            h.update(sig[i * self.rows : (i + 1) * self.rows].tobytes())
            out.append(int.from_bytes(h.digest(), "big", signed=True))
        return out

    def probability(self, jaccard: float) -> float:
        """Probability that two sets with this Jaccard similarity share at least one key.

        >>> round(LSHBands("w", 20, 3).probability(0.5), 2)
        0.93
        """
        return 1.0 - (1.0 - jaccard**self.rows) ** self.bands


class _Sketch:
    """A seeded MinHash over a set of strings, with the permutations kept on the object."""

    def __init__(self, num_perm: int, seed: int) -> None:
        self.num_perm = num_perm
        self.seed = seed
        self._permutations: Any = None

    def __call__(self, items: Iterable[str]) -> np.ndarray:
        from datasketch import MinHash

        if self._permutations is None:
            self._permutations = MinHash(num_perm=self.num_perm, seed=self.seed, scheme="affine32").permutations
        mh = MinHash(num_perm=self.num_perm, seed=self.seed, permutations=self._permutations, scheme="affine32")
        mh.update_batch([s.encode("utf-8") for s in items])
        return mh.hashvalues


class SketchIndex:
    """Compute the LSH keys of an article from its units (words and anchors sketches).

    Args:
        words: banding of the content-word sketch.
        anchors: banding of the anchors sketch.
        min_items: sets smaller than this are not indexed (too few items to say anything).
        seed: seed of the MinHash permutations; keys are comparable only with the same seed.

    >>> from newsprism.model import Article, Analysis
    >>> from newsprism.analyze.sentences import SentenceSplitter
    >>> from newsprism._provenance_text import units_of
    >>> a = SentenceSplitter()(Analysis(Article.build(text="Apple Inc. said on Friday that Steve Jobs will give 4 free cases to 17 iPhone owners in Cupertino.")))
    >>> index = SketchIndex(LSHBands("w", 8, 2), LSHBands("a", 8, 2), min_items=3)
    >>> len(index.keys(units_of(a)))
    16
    """

    def __init__(self, words: LSHBands, anchors: LSHBands, min_items: int = 5, seed: int = 1) -> None:
        self.words = words
        self.anchors = anchors
        self.min_items = min_items
        self._words_sketch = _Sketch(words.num_perm, seed)
        self._anchors_sketch = _Sketch(anchors.num_perm, seed + 1)

    @staticmethod
    def word_set(units: Sequence[Unit]) -> set[str]:
        return {t for u in units for t in u.stems}

    @staticmethod
    def anchor_set(units: Sequence[Unit]) -> set[str]:
        return {a for u in units for a in u.anchors}

    def keys(self, units: Sequence[Unit]) -> list[int]:
        out: list[int] = []
        words = self.word_set(units)
        if len(words) >= self.min_items:
            out += self.words.keys(self._words_sketch(sorted(words)))
        anchors = self.anchor_set(units)
        if len(anchors) >= self.min_items:
            out += self.anchors.keys(self._anchors_sketch(sorted(anchors)))
        return out
