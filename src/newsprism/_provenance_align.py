"""Sentence alignment between two articles: lexical (same language) and by embeddings (across languages).

Both aligners return one-to-one pairs ``(i, j, score)`` of unit indices, chosen greedily from the best
score down, so a sentence copied twice is not counted twice and the evidence a link cites is a set of
distinct sentence pairs.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from ._provenance_text import Unit

__all__ = ["align_lexical", "align_vectors", "in_order_share", "sequence_similarity"]

Pair = tuple[int, int, float]


def _greedy(scored: list[Pair]) -> list[Pair]:
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for i, j, s in sorted(scored, key=lambda p: (-p[2], p[0], p[1])):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j, s))
    return sorted(out)


def align_lexical(a: Sequence[Unit], b: Sequence[Unit], floor: float, min_shared: int) -> list[Pair]:
    """Pairs of sentences whose content stems overlap: Dice coefficient ≥ ``floor`` and at least
    ``min_shared`` stems in common.

    Dice keeps a sentence with a third of its words swapped for synonyms at about 0.67, while sentences
    of independent reports of one event rarely pass 0.4 outside shared quotations.
    """
    where: dict[str, list[int]] = defaultdict(list)
    for j, u in enumerate(b):
        for t in u.stems:
            where[t].append(j)
    scored = []
    for i, u in enumerate(a):
        if len(u.stems) < min_shared:
            continue
        shared: dict[int, int] = defaultdict(int)
        for t in u.stems:
            for j in where.get(t, ()):
                shared[j] += 1
        for j, n in shared.items():
            if n < min_shared:
                continue
            dice = 2.0 * n / (len(u.stems) + len(b[j].stems))
            if dice >= floor:
                scored.append((i, j, round(dice, 3)))
    return _greedy(scored)


def align_vectors(
    a: Sequence[Unit], b: Sequence[Unit], va: np.ndarray, vb: np.ndarray, floor: float
) -> list[Pair]:
    """Pairs of sentences whose embeddings have cosine ≥ ``floor`` (rows of ``va``/``vb`` are the units'
    L2-normalized embeddings). A pair whose sentences both hold numbers but share none is not aligned:
    a translation keeps its figures.
    """
    if not len(va) or not len(vb):
        return []
    sims = np.asarray(va, np.float32) @ np.asarray(vb, np.float32).T
    scored = []
    for i, j in zip(*np.nonzero(sims >= floor)):
        na, nb = a[i].numbers, b[j].numbers
        if na and nb and not (na & nb):
            continue
        scored.append((int(i), int(j), round(float(sims[i, j]), 3)))
    return _greedy(scored)


def in_order_share(pairs: Sequence[Pair]) -> float:
    """Share of aligned pairs that keep their relative order (longest increasing run of targets).

    >>> in_order_share([(0, 0, 1.0), (1, 2, 1.0), (2, 1, 1.0), (3, 3, 1.0)])
    0.75
    """
    if not pairs:
        return 0.0
    tails: list[int] = []
    for _, j, _ in sorted(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
        else:
            tails[k] = j
    return len(tails) / len(pairs)


def sequence_similarity(a: Sequence[Unit], b: Sequence[Unit]) -> float:
    """Similarity of the two token sequences, ``2 * LCS / (len_a + len_b)``: 1.0 for the same words in
    the same order, lower for every word changed, moved, added or dropped.
    """
    from rapidfuzz.distance import Indel

    ta = [t for u in a for t in u.tokens]
    tb = [t for u in b for t in u.tokens]
    if not ta or not tb:
        return 0.0
    return float(Indel.normalized_similarity(ta, tb))
