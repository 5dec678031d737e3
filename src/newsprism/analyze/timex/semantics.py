"""What a time expression means, before it is placed on the calendar.

A grammar turns words into one of these small records; the resolver (:mod:`.resolve`) turns the record
and a reference date into a TIMEX3 value. Keeping the two apart means every language shares one
resolver, and a grammar never does calendar arithmetic.

>>> p = Point(month=7, day=19, weekday=2, direction=1)  # "next Tuesday (July 19)"
>>> (p.year, p.month, p.day, p.weekday, p.direction)
(None, 7, 19, 2, 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Anaphor", "Length", "Meaning", "Point", "Recur", "Ref", "Shift", "Unit"]

#: Calendar units, from the smallest to the largest.
Unit = Literal[
    "second", "minute", "hour", "part", "day", "weekend", "week", "month", "season", "quarter", "half",
    "year", "decade", "century", "millennium", "period",
]


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar point, possibly underspecified ("July 19", "Tuesday", "the third quarter", "1990s").

    ``year_offset`` places the year relative to the reference year ("June last year" → -1).
    ``direction`` says where an underspecified point lies relative to the reference: -1 the latest one
    before it ("last June"), +1 the next one after it ("next Tuesday"), 0 the one in the same period
    ("this Friday"), ``None`` unknown (the resolver decides from the tense around the expression).
    ``sub`` is a part of the year: ``Q1``-``Q4``, ``H1``/``H2``, ``SP``/``SU``/``FA``/``WI``.
    ``part`` is a part of the day: ``MO``, ``AF``, ``EV``, ``NI``, ``MI`` (midday).
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    sub: str | None = None
    year_offset: int | None = None
    decade: int | None = None
    century: int | None = None
    hour: int | None = None
    minute: int | None = None
    part: str | None = None
    zone: str | None = None
    direction: int | None = None


@dataclass(frozen=True, slots=True)
class Shift:
    """A period counted from the reference: "yesterday" (day, -1), "next week" (week, +1), "this year".

    ``part`` adds a part of the day ("last night" → day -1, ``NI``); ``hour``/``minute`` a clock time.
    ``anaphoric`` marks a bare time ("at 5 p.m.", "por la tarde"): it belongs to a day named just
    before, when there is one, else to the reference day.
    """

    unit: Unit
    offset: int
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    zone: str | None = None
    anaphoric: bool = False


@dataclass(frozen=True, slots=True)
class Length:
    """An amount of time ("five months", "several years"); ``amount`` ``None`` means unspecified (X).

    ``relation`` -1 or +1 makes it an offset from the reference ("five months ago", "in two weeks"):
    the value stays the duration and the resolver also computes the date it points to.
    ``as_date`` marks expressions that TimeBank-style annotation treats as the dated period itself
    ("a year earlier" in a report comparing results).
    """

    amount: float | None
    unit: Unit
    relation: int = 0
    as_date: bool = False


@dataclass(frozen=True, slots=True)
class Ref:
    """A vague reference to the present, the past or the future ("now", "recently", "soon")."""

    kind: Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"]


@dataclass(frozen=True, slots=True)
class Recur:
    """A set of times ("every Tuesday" → ``XXXX-WXX-2``, "annually" → ``P1Y``); ``value`` is final."""

    value: str


@dataclass(frozen=True, slots=True)
class Anaphor:
    """A period named by reference to an earlier date of the text ("the day", "that week", "the 1988 quarter").

    ``offset`` counts units from it ("the following month" → +1); ``year`` fixes the year ("the 1988 quarter").
    ``explicit`` marks a demonstrative ("that year": the year just named) as opposed to "the year" (the
    reference's).
    """

    unit: Unit
    offset: int = 0
    year: int | None = None
    explicit: bool = False


Meaning = Point | Shift | Length | Ref | Recur | Anaphor
