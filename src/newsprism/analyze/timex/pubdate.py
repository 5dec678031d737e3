"""Infer when an article was published from its own time expressions, when metadata does not say.

The evidence, strongest first:

0. A dateline: a full date near the top of the text, in no sentence with a verb, is the day itself.
1. A date written with its weekday ("next Tuesday (July 19)") fixes the year: July 19 is a Tuesday only
   in some years, and the article cannot be older than the latest year it mentions in the past tense,
   so the first matching year from that one on is taken.
2. The way that date is named places the publication around it: "next Tuesday (July 19)" was written in
   the week before July 19, "last Tuesday (July 12)" in the week after.
3. A full date in a past-tense sentence ("traveled to Iran on July 5, 2022") is a lower bound, as is
   the latest year mentioned.

The result is a day, a range (earliest/latest) or only a lower bound, with the spans that gave it.

>>> from newsprism.analyze.timex import load_language
>>> text = "Putin will travel to Iran next Tuesday (July 19). Since 2018 ties grew."
>>> e = infer_publication(text, load_language("en"))
>>> (e.earliest, e.latest)
('2022-07-12', '2022-07-18')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .grammar import Candidate
from .semantics import Point
from .tag import Language

__all__ = ["Estimate", "infer_publication"]


@dataclass(frozen=True, slots=True)
class Estimate:
    """An inferred publication date: ``value`` when one day is certain, else ``earliest``/``latest`` bounds
    (either may be ``None``), why, and the character spans ``(start, end)`` that support it."""

    value: str | None
    earliest: str | None
    latest: str | None
    reason: str
    evidence: tuple[tuple[int, int], ...]

    @property
    def found(self) -> bool:
        return self.earliest is not None or self.latest is not None


#: How far into the text (characters) a date still counts as the article's dateline.
DATELINE_CHARS = 300

_NOTHING = Estimate(None, None, None, "the text names no date that places its publication", ())


def _weekday_years(p: Point, start_year: int, span: int) -> int | None:
    assert p.month is not None and p.day is not None and p.weekday is not None
    for year in range(start_year, start_year + span + 1):
        try:
            if dt.date(year, p.month, p.day).isoweekday() == p.weekday:
                return year
        except ValueError:
            continue
    return None


def infer_publication(
    text: str, language: Language, weekday_year_span: int = 11, found: Sequence[Candidate] | None = None
) -> Estimate:
    """Estimate the publication date of ``text`` (see the module docstring for the reasoning).

    Args:
        text: the article text.
        language: the compiled grammar of its language.
        weekday_year_span: years searched from the latest year mentioned for one where a written
            weekday matches its date.
        found: the grammar's matches when the caller already has them.
    """
    found_points = [
        (c, language.cues.tense(text, c.start, c.end))
        for c in (language.grammar.find(text) if found is None else found)
        if isinstance(c.meaning, Point)
    ]
    # a dateline: a full date near the top, outside any sentence with a verb, is the publication date
    for c, tense in found_points:
        p = c.meaning
        if c.start > DATELINE_CHARS:
            break
        if tense is None and p.year is not None and p.month is not None and p.day is not None:
            day = dt.date(p.year, p.month, p.day).isoformat()
            reason = f"the dateline {text[c.start:c.end]!r} at the top of the text gives the day."
            return Estimate(day, day, day, reason, ((c.start, c.end),))
    # the latest year the text mentions outside future-tense sentences bounds the publication from below
    years = [(c.meaning.year, c) for c, tense in found_points if c.meaning.year is not None and tense == -1]
    latest_year, year_span = max(years, key=lambda y: y[0]) if years else (None, None)
    earliest: dt.date | None = dt.date(latest_year, 1, 1) if latest_year else None
    latest: dt.date | None = None
    evidence = [(year_span.start, year_span.end)] if year_span is not None else []
    reasons = [f"it mentions {latest_year} in the past tense"] if latest_year else []

    anchored = [(c, t) for c, t in found_points if c.meaning.weekday is not None and c.meaning.month is not None
                and c.meaning.day is not None]
    year = None
    for c, tense in anchored:
        p = c.meaning
        y = p.year
        if y is None and latest_year is not None:
            y = _weekday_years(p, latest_year, weekday_year_span)
        if y is None:
            continue
        year = year or y
        d = dt.date(y, p.month, p.day)
        direction = p.direction if p.direction is not None else tense
        if direction == 1:
            lo, hi, how = d - dt.timedelta(days=7), d - dt.timedelta(days=1), "in the week before"
        elif direction == -1:
            lo, hi, how = d + dt.timedelta(days=1), d + dt.timedelta(days=7), "in the week after"
        else:
            lo, hi, how = d - dt.timedelta(days=6), d + dt.timedelta(days=6), "within a week of"
        earliest = max(earliest, lo) if earliest else lo
        latest = min(latest, hi) if latest else hi
        evidence.append((c.start, c.end))
        reasons.append(f"{text[c.start:c.end]!r} is a date of {y} (the weekday matches), so it was written {how} {d}")
    # full dates (or dates of the year just found) told in the past tense are lower bounds
    for c, tense in found_points:
        p = c.meaning
        if tense != -1 or p.month is None or p.day is None or p.weekday is not None or p.direction is not None:
            continue
        y = p.year if p.year is not None else (year or latest_year)
        if y is None:
            continue
        try:
            d = dt.date(y, p.month, p.day)
        except ValueError:
            continue
        if earliest is None or d > earliest:
            if latest is not None and d > latest:
                continue  # contradicts stronger evidence: a reported past date cannot follow publication
            earliest = d
            evidence.append((c.start, c.end))
            reasons.append(f"it reports {text[c.start:c.end]!r} in the past tense")
    if earliest is None and latest is None:
        return _NOTHING
    value = earliest.isoformat() if earliest is not None and earliest == latest else None
    return Estimate(
        value,
        earliest.isoformat() if earliest else None,
        latest.isoformat() if latest else None,
        "; ".join(reasons) + ".",
        tuple(sorted(set(evidence))),
    )
