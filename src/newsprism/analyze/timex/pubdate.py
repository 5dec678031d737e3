"""Infer when an article was published from its own time expressions, when metadata does not say.

The evidence, strongest first:

0. A dateline: a full date near the top of the text, in no sentence with a verb, is the day itself.
1. A date written with its weekday ("next Tuesday (July 19)") fixes the year: July 19 is a Tuesday only
   in some years, and the article cannot be older than the latest year it mentions in the past tense,
   so the first matching year from that one on is taken.
2. The way that date is named places the publication around it: "next Tuesday (July 19)" was written in
   the week before July 19, "last Tuesday (July 12)" in the week after.
3. A relative expression next to the date it names pins the publication: "yesterday (July 11, 2022)"
   means July 12, "last week, on July 5" the week after July 5's.
4. A full date in a past-tense sentence ("traveled to Iran on July 5, 2022") is a lower bound, as is
   the latest year mentioned.

Evidence that contradicts what stronger evidence already fixed is left out.

The result is a day, a range (earliest/latest) or only a lower bound, with the spans that gave it.

>>> from newsprism.analyze.timex import load_language
>>> text = "Putin will travel to Iran next Tuesday (July 19). Since 2018 ties grew."
>>> e = infer_publication(text, load_language("en"))
>>> (e.earliest, e.latest)
('2022-07-12', '2022-07-18')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .grammar import Candidate
from .semantics import Length, Point, Shift
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


@dataclass
class _Bounds:
    """The publication window as evidence narrows it, with the spans and reasons that did."""

    earliest: dt.date | None = None
    latest: dt.date | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def narrow(self, lo: dt.date | None, hi: dt.date | None, spans: Sequence[Candidate], reason: str) -> bool:
        """Intersect with ``[lo, hi]``; evidence that contradicts what is already known is ignored."""
        earliest = max(self.earliest, lo) if self.earliest and lo else (self.earliest or lo)
        latest = min(self.latest, hi) if self.latest and hi else (self.latest or hi)
        if earliest and latest and earliest > latest:
            return False
        self.earliest, self.latest = earliest, latest
        self.evidence.extend((c.start, c.end) for c in spans)
        self.reasons.append(reason)
        return True


_SENTENCE_END = re.compile(r"[.!?]\s")


def _pinned_by_relative(rel: Candidate, day: dt.date) -> tuple[dt.date, dt.date, str] | None:
    """The publication window implied by a relative expression naming ``day`` ("yesterday (July 11)")."""
    m = rel.meaning
    if isinstance(m, Shift) and m.unit == "day":
        pub = day - dt.timedelta(days=m.offset)
        return pub, pub, "on"
    if isinstance(m, Shift) and m.unit == "week":
        monday = day - dt.timedelta(days=day.isoweekday() - 1) - dt.timedelta(weeks=m.offset)
        return monday, monday + dt.timedelta(days=6), "in the week of"
    if isinstance(m, Length) and m.relation == -1 and m.amount and m.unit in ("day", "week"):
        days = round(m.amount * (7 if m.unit == "week" else 1))
        slack = 0 if m.unit == "day" else 3
        return day + dt.timedelta(days=days - slack), day + dt.timedelta(days=days + slack), "around"
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
    matches = list(language.grammar.find(text) if found is None else found)
    points = [(c, language.cues.tense(text, c.start, c.end)) for c in matches if isinstance(c.meaning, Point)]
    # 0. a dateline: a full date near the top, outside any sentence with a verb, is the publication date
    for c, tense in points:
        p = c.meaning
        if c.start > DATELINE_CHARS:
            break
        if tense is None and p.year is not None and p.month is not None and p.day is not None:
            day = dt.date(p.year, p.month, p.day).isoformat()
            reason = f"the dateline {text[c.start:c.end]!r} at the top of the text gives the day."
            return Estimate(day, day, day, reason, ((c.start, c.end),))
    bounds = _Bounds()
    # the latest year the text mentions in the past tense bounds the publication from below
    years = [(c.meaning.year, c) for c, tense in points if c.meaning.year is not None and tense == -1]
    latest_year = None
    if years:
        latest_year, c = max(years, key=lambda y: y[0])
        bounds.narrow(dt.date(latest_year, 1, 1), None, [c], f"it mentions {latest_year} in the past tense")
    # 1-2. a date written with its weekday fixes the year, and how it is named places the publication
    year = None
    for c, tense in points:
        p = c.meaning
        if p.weekday is None or p.month is None or p.day is None:
            continue
        y = p.year if p.year is not None else (
            _weekday_years(p, latest_year, weekday_year_span) if latest_year is not None else None)
        if y is None:
            continue
        d = dt.date(y, p.month, p.day)
        direction = p.direction if p.direction is not None else tense
        if direction == 1:
            lo, hi, how = d - dt.timedelta(days=7), d - dt.timedelta(days=1), "in the week before"
        elif direction == -1:
            lo, hi, how = d + dt.timedelta(days=1), d + dt.timedelta(days=7), "in the week after"
        else:
            lo, hi, how = d - dt.timedelta(days=6), d + dt.timedelta(days=6), "within a week of"
        reason = f"{text[c.start:c.end]!r} is a date of {y} (the weekday matches), so it was written {how} {d}"
        if bounds.narrow(lo, hi, [c], reason):
            year = year or y
    # 3. a relative expression next to the date it names ("yesterday (July 11, 2022)", "last week, on July 5")
    dated = [(c, c.meaning.year or year) for c, _ in points if c.meaning.month and c.meaning.day]
    for rel in matches:
        for c, y in dated:
            gap = text[min(rel.end, c.end) : max(rel.start, c.start)]
            if y is None or len(gap) > 60 or _SENTENCE_END.search(gap) or c is rel:
                continue
            try:
                day = dt.date(y, c.meaning.month, c.meaning.day)
            except ValueError:
                continue
            pinned = _pinned_by_relative(rel, day)
            if pinned is not None:
                lo, hi, what = pinned
                span = f"{lo}" if lo == hi or what == "in the week of" else f"{lo} to {hi}"
                reason = f"{text[rel.start:rel.end]!r} is {text[c.start:c.end]!r}, so it was written {what} {span}"
                bounds.narrow(lo, hi, [rel, c], reason)
                break
    # 4. full dates (or dates of the year just found) told in the past tense are lower bounds
    for c, tense in points:
        p = c.meaning
        if tense != -1 or p.month is None or p.day is None or p.weekday is not None or p.direction is not None:
            continue
        y = p.year if p.year is not None else (year or latest_year)
        try:
            d = dt.date(y, p.month, p.day) if y is not None else None
        except ValueError:
            d = None
        if d is not None and (bounds.earliest is None or d > bounds.earliest):
            # a reported past date cannot follow publication: narrow() ignores it if it would
            bounds.narrow(d, None, [c], f"it reports {text[c.start:c.end]!r} in the past tense")
    if bounds.earliest is None and bounds.latest is None:
        return _NOTHING
    e, lt = bounds.earliest, bounds.latest
    return Estimate(
        e.isoformat() if e is not None and e == lt else None,
        e.isoformat() if e else None,
        lt.isoformat() if lt else None,
        "; ".join(bounds.reasons) + ".",
        tuple(sorted(set(bounds.evidence))),
    )
