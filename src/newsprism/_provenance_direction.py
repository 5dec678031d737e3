"""Which of two linked articles derives from the other, and why.

Publication dates decide when both are known and differ. Without them, the texts testify: a copy tends to
*add* what the original lacks — promotion blocks, photo captions, loaded adjectives in the same sentences —
and an excerpt is a *subset* of the original (every sentence of it is found in the other, which has more).
Each signal that points one way is written down as a phrase, so the reader sees why one article is
taken for the source.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ._provenance_text import Unit
from .model import Analysis, Span

__all__ = ["Direction", "decide_direction", "is_promo"]

# Promotion, navigation and credit lines that republishers add (several languages).
_PROMO = re.compile(
    r"subscri|newsletter|sign up|signup|click here|read more|read also|follow us|download (?:our|the) app|"
    r"advertis|sponsored|all rights reserved|©|copyright|share this|share on|related:|watch:|"
    r"photo:|image:|credit:|getty images|ap photo|reuters/|top jobs|find the best jobs|notified by email|"
    r"abonn|suscr|publicidad|werbung|anzeige|lesen sie auch|lea tambi|lire aussi|leggi anche|"
    r"\(photo|\(foto|\(bild|\(imagen",
    re.IGNORECASE,
)
# An unaligned line counts as added when no line of the other text shares more than this Dice overlap
# with it (a sentence with a third of its words replaced still shares ~0.6 with its counterpart).
_NOVEL = 0.35
_END_PUNCT = re.compile(r"[.!?…:;\"'”’»)\]]\s*$")


def is_promo(text: str) -> bool:
    """A promotion, navigation or credit line.

    >>> is_promo("Subscribe to our newsletter for the best deals"), is_promo("The talks ended on Monday.")
    (True, False)
    """
    return bool(_PROMO.search(text))


def _is_caption(analysis: Analysis, unit: Unit) -> bool:
    """A body line that reads like a photo caption (or a heading): words, but no sentence-ending punctuation."""
    if not unit.body or unit.words < 3:
        return False
    return not _END_PUNCT.search(analysis.article.quote(unit.span))


@dataclass(frozen=True, slots=True)
class _Extras:
    promo: int
    captions: int
    substantive: int
    loaded: int


def _best_dice(unit: Unit, where: dict[str, list[int]], others: Sequence[Unit]) -> float:
    shared: dict[int, int] = defaultdict(int)
    for t in unit.stems:
        for j in where.get(t, ()):
            shared[j] += 1
    return max((2.0 * n / (len(unit.stems) + len(others[j].stems)) for j, n in shared.items()), default=0.0)


def _extras(analysis: Analysis, units: Sequence[Unit], aligned: set[Span], others: Sequence[Unit], min_tokens: int) -> _Extras:
    """What ``analysis`` has that ``other`` lacks: unaligned body lines with no close counterpart in the
    other text (a line reworded past the alignment threshold, or split differently, is not an addition)."""
    where: dict[str, list[int]] = defaultdict(list)
    for j, v in enumerate(others):
        for t in v.stems:
            where[t].append(j)
    promo = captions = substantive = 0
    for u in units:
        if u.span in aligned or not u.body:
            continue
        if u.stems and _best_dice(u, where, others) > _NOVEL:
            continue
        text = analysis.article.quote(u.span)
        if is_promo(text):
            promo += 1
        elif _is_caption(analysis, u):
            captions += 1
        elif len(u.tokens) >= min_tokens:
            substantive += 1
    loaded = sum(1 for f in analysis.framing if any(s.start <= f.start < s.end for s in aligned))
    return _Extras(promo, captions, substantive, loaded)


@dataclass(frozen=True, slots=True)
class Direction:
    """The verdict: ``copy_is_a`` is ``True`` when ``a`` derives from ``b``, ``False`` for the reverse,
    ``None`` when nothing tells them apart; ``reason`` says why in words."""

    copy_is_a: bool | None
    reason: str
    by_date: bool = False


def _day(analysis: Analysis) -> str | None:
    p = analysis.published
    day = (p.value or p.latest or "")[:10]
    return day or None


def decide_direction(
    a: Analysis, ua: Sequence[Unit], b: Analysis, ub: Sequence[Unit], pairs: Sequence[tuple[Span, Span]], min_tokens: int = 5
) -> Direction:
    """Decide which of ``a`` and ``b`` is the copy, from dates first, then from what each text adds.

    ``ua``/``ub`` are all the sentences of each (:func:`units_of`); ``pairs`` are the aligned sentences
    ``(span in a, span in b)``; ``min_tokens`` is the length from which an unaligned sentence counts as
    substantive content (not a stray line).
    """
    da, db = _day(a), _day(b)
    if da and db and da != db:
        later_a = da > db
        return Direction(later_a, f"published later ({max(da, db)} vs {min(da, db)})", by_date=True)
    ea = _extras(a, ua, {x for x, _ in pairs}, ub, min_tokens)
    eb = _extras(b, ub, {y for _, y in pairs}, ua, min_tokens)
    votes: list[tuple[int, str]] = []  # +1: a is the copy; -1: b is the copy
    for side, mine, other in ((1, ea, eb), (-1, eb, ea)):
        # A copy adds promotion lines and captions, not text of substance (that would make it the fuller
        # report); an excerpt adds nothing while the other has sentences of its own.
        # One stray line without a full stop is weak evidence (cleaning keeps or drops such lines
        # depending on where they sit), so captions count from two more than the other has.
        added = []
        if mine.promo > other.promo and mine.substantive <= other.substantive:
            added.append(f"{mine.promo} promotion line{'s' * (mine.promo > 1)}")
        if mine.captions >= other.captions + 2 and mine.substantive <= other.substantive:
            added.append(f"{mine.captions} captions")
        if mine.loaded > other.loaded:
            added.append(f"{mine.loaded - other.loaded} loaded word{'s' * (mine.loaded - other.loaded > 1)} in the shared sentences")
        if added:
            votes.append((side, "{} adds " + ", ".join(added) + " the other lacks"))
        if mine.promo + mine.captions + mine.substantive == 0 and other.substantive >= 2:
            votes.append((side, "{} is a subset: every sentence of it is in the other, which has %d more" % other.substantive))
    total = sum(v for v, _ in votes)
    if total == 0:
        return Direction(None, "no dates, and neither text adds to the other in a telling way")
    copy_is_a = total > 0
    mine = [r.format("the copy") for v, r in votes if (v > 0) == copy_is_a]
    return Direction(copy_is_a, "; ".join(mine))
