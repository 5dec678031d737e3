"""Place meanings on the calendar: a :mod:`.semantics` record + a reference date → a TIMEX3 value.

The reference is the publication date (TimeML's document creation time). Underspecified points
("July 19", "Friday", "the fourth quarter") take the occurrence the tense points to: the latest one
up to the reference in a past-tense sentence, the next one in a future-tense sentence, the nearest
otherwise (a bare weekday defaults to the past, as news mostly reports what happened). Anaphora ("the
day", "a year earlier") resolve against the *focus*, the last date the text named.

>>> import datetime as dt
>>> r = Resolver(dt.date(2022, 7, 12))
>>> r.resolve(Point(month=7, day=19, weekday=2, direction=1), None, None).value
'2022-07-19'
>>> r.resolve(Length(4.5, "month", relation=-1), None, None).refers_to
'2022-02-25'
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .grammar import duration_value
from .semantics import Anaphor, Length, Meaning, Point, Recur, Ref, Shift

__all__ = ["Discourse", "Focus", "Resolved", "Resolver", "add_months", "format_period", "move", "period_start"]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Anchor = Literal["absolute", "publication", "none"]

_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class Focus:
    """The last period the text named: its first day and its unit (``day``, ``month``, ``quarter``...)."""

    start: dt.date
    unit: str
    sub: str | None = None


class Discourse:
    """What the text has named so far: the last day, the last quarter (or half) and the last period.

    Anaphora read from it: "the day" is the last day named, "the quarter" the last quarter named,
    "a year earlier" a year before the last quarter when a report is about one.
    """

    __slots__ = ("day", "day_at", "part_of_year", "last", "month", "reference")

    #: How close (characters) a named day must be for a bare clock time or "la tarde" to belong to it.
    NEAR = 200

    def __init__(self, reference: dt.date | None = None) -> None:
        self.reference = reference
        self.day: dt.date | None = None
        self.day_at = -1
        self.month: dt.date | None = None
        self.part_of_year: tuple[int, str] | None = None
        self.last: Focus | None = None

    def note(self, focus: Focus | None, at: int = -1) -> None:
        """Remember a resolved period named at character ``at`` (absolute or publication-anchored only)."""
        if focus is None:
            return
        self.last = focus
        if focus.unit == "day":
            self.day, self.day_at = focus.start, at
        if focus.unit in ("day", "month"):
            self.month = focus.start.replace(day=1)
        # a report compares results of a quarter that has ended, not of a forecast one ("the fourth quarter")
        if focus.sub and focus.sub[0] in "QH" and (
            self.reference is None or period_start(focus.start.year, None, focus.sub)[1] <= self.reference
        ):
            self.part_of_year = (focus.start.year, focus.sub)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A TIMEX3 type and value, what it was resolved against, and for offsets the date it points to."""

    type: TimexType
    value: str
    anchor: Anchor
    refers_to: str | None = None
    focus: Focus | None = None


def add_months(d: dt.date, months: int) -> dt.date:
    """``d`` moved by whole months, the day clipped to the month's length.

    >>> add_months(dt.date(2022, 3, 31), -1)
    datetime.date(2022, 2, 28)
    """
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def period_start(year: int, month: int | None, sub: str | None) -> tuple[dt.date, dt.date]:
    """First and last day of a month, or of a part of the year (``Q3``, ``H1``, ``SU``), or of the year."""
    if month is not None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if sub and sub[0] == "Q":
        m = 3 * int(sub[1]) - 2
        return dt.date(year, m, 1), add_months(dt.date(year, m, 1), 3) - dt.timedelta(days=1)
    if sub and sub[0] == "H":
        m = 6 * int(sub[1]) - 5
        return dt.date(year, m, 1), add_months(dt.date(year, m, 1), 6) - dt.timedelta(days=1)
    if sub in _SEASON_MONTH:
        m = _SEASON_MONTH[sub]
        return dt.date(year, m, 1), add_months(dt.date(year, m, 1), 3) - dt.timedelta(days=1)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: dt.date) -> str:
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def _clock(hour: int | None, minute: int | None, part: str | None, zone: str | None) -> str:
    if hour is not None:
        return f"T{hour:02d}:{minute or 0:02d}" + (zone or "")
    return f"T{part}" if part else ""


def format_period(d: dt.date, unit: str) -> str:
    """The TIMEX3 value of the ``unit``-long period containing ``d``.

    >>> format_period(dt.date(1989, 10, 26), "quarter"), format_period(dt.date(1998, 3, 22), "week")
    ('1989-Q4', '1998-W12')
    """
    if unit in ("day", "part", "hour", "minute", "second"):
        return d.isoformat()
    if unit == "week":
        return _week(d)
    if unit == "weekend":
        return _week(d) + "-WE"
    if unit == "month":
        return f"{d.year}-{d.month:02d}"
    if unit == "quarter":
        return _quarter(d)
    if unit == "half":
        return f"{d.year}-H{1 if d.month <= 6 else 2}"
    if unit == "decade":
        return str(d.year // 10)
    if unit == "century":
        return f"{d.year // 100:02d}"
    if unit == "millennium":
        return str(d.year // 1000)
    return str(d.year)


def move(d: dt.date, unit: str, amount: float) -> dt.date:
    """``d`` moved by ``amount`` units (fractions of months become days: 4.5 months = 4 months + 15 days)."""
    whole = int(amount)
    frac = amount - whole
    if unit in ("second", "minute", "hour", "part"):
        hours = {"second": 1 / 3600, "minute": 1 / 60, "hour": 1, "part": 6}[unit] * amount
        return d + dt.timedelta(days=int(hours // 24))
    if unit in ("day", "weekend"):
        return d + dt.timedelta(days=round(amount))
    if unit == "week":
        return d + dt.timedelta(days=round(7 * amount))
    months = {"month": 1, "season": 3, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200,
              "millennium": 12000}[unit]
    moved = add_months(d, whole * months)
    return moved + dt.timedelta(days=round(frac * months * 30.4375))


class Resolver:
    """Turns meanings into TIMEX3 values against one reference date (or none).

    Args:
        reference: the publication date; ``None`` leaves relative expressions unresolved.
        slack_days: how far the same-year reading of a bare date or quarter may lie on the wrong side of
            the reference before the tense moves it to the year before (past) or after (future).
        month_slack_days: the same for months and seasons.
    """

    def __init__(self, reference: dt.date | None, slack_days: int = 60, month_slack_days: int = 7) -> None:
        self.reference = reference
        self.slack = dt.timedelta(days=slack_days)
        self.month_slack = dt.timedelta(days=month_slack_days)

    def resolve(
        self, meaning: Meaning, tense: int | None, discourse: Discourse | None = None, at: int = -1
    ) -> Resolved:
        """The TIMEX3 reading of ``meaning`` found at character ``at``; ``tense`` is -1 (past), +1 (future) or
        ``None``; ``discourse`` holds what the text named before.

        A value beyond the calendar's range ("vor 2900 Jahren": year -875) is read as without a reference.
        """
        discourse = discourse or Discourse()
        try:
            return self._resolve(meaning, tense, discourse, at)
        except (ValueError, OverflowError):
            if self.reference is None:
                raise
            return Resolver(None, self.slack.days, self.month_slack.days).resolve(meaning, tense, Discourse(), at)

    def _resolve(self, meaning: Meaning, tense: int | None, discourse: Discourse, at: int) -> Resolved:
        if isinstance(meaning, Point):
            return self._point(meaning, tense, discourse)
        if isinstance(meaning, Shift):
            near = discourse.day if discourse.day is not None and 0 <= at - discourse.day_at <= discourse.NEAR else None
            return self._shift(meaning, near if meaning.anaphoric else None)
        if isinstance(meaning, Length):
            return self._length(meaning, discourse)
        if isinstance(meaning, Ref):
            return Resolved("DATE", meaning.kind, "publication")
        if isinstance(meaning, Recur):
            return Resolved("SET", meaning.value, "absolute")
        if isinstance(meaning, Anaphor):
            return self._anaphor(meaning, discourse)
        raise TypeError(f"not a time meaning: {meaning!r}")

    # ----------------------------------------------------------------------------------- points

    def _point(self, p: Point, tense: int | None, discourse: Discourse) -> Resolved:
        r = self.reference
        kind: TimexType = "TIME" if (p.hour is not None or p.part) else "DATE"
        clock = _clock(p.hour, p.minute, p.part, p.zone)
        if p.century is not None:
            return Resolved("DATE", f"{p.century:02d}", "absolute")
        if p.decade is not None:
            return Resolved("DATE", f"{p.decade:03d}", "absolute")
        if p.sub == "WE" and p.year is None:  # "the weekend": the one the tense points to
            if r is None:
                return Resolved("DATE", "XXXX-WXX-WE", "none")
            d = self._weekday(6, p.direction, tense)
            return Resolved("DATE", _week(d) + "-WE", "publication", focus=Focus(d, "weekend"))
        year, anchor = p.year, "absolute"
        if year is None and p.year_offset is not None:
            if r is None:
                return Resolved(kind, "", "none")
            year, anchor = r.year + p.year_offset, "publication"
        if p.day is not None and p.month is None:  # "el día 8": the month of the reference, or the tense's
            if r is None:
                return Resolved(kind, f"XXXX-XX-{p.day:02d}" + clock, "none")
            if discourse.month is not None and p.direction is None:  # "el día 12" after "el 11 de septiembre"
                month = discourse.month
                day = min(p.day, calendar.monthrange(month.year, month.month)[1])
                return self._dated(month.replace(day=day), "day", kind, clock, "absolute")
            return self._dated(self._day_of_month(p, r, tense), "day", kind, clock, "publication")
        if year is None and p.month is None and p.sub is None:
            if p.weekday is None:  # a bare clock time: the reference day
                if r is None:
                    return Resolved(kind, "XXXX-XX-XX" + clock, "none")
                return self._dated(r, "day", kind, clock, "publication")
            if r is None:
                return Resolved(kind, f"XXXX-WXX-{p.weekday}" + clock, "none")
            return self._dated(self._weekday(p.weekday, p.direction, tense), "day", kind, clock, "publication")
        if year is None:
            if r is None:
                return Resolved(kind, self._unresolved(p) + clock, "none")
            year, anchor = self._choose_year(p, r, tense), "publication"
        if p.month is not None and p.day is not None:
            try:
                d = dt.date(year, p.month, p.day)
            except ValueError:
                return Resolved(kind, "", "none")
            return self._dated(d, "day", kind, clock, anchor)
        if p.month is not None:
            return self._dated(dt.date(year, p.month, 1), "month", kind, clock if kind == "TIME" else "", anchor)
        if p.sub is not None:
            start, _ = period_start(year, None, p.sub)
            unit = {"Q": "quarter", "H": "half"}.get(p.sub[0], "season")
            return Resolved(kind, f"{year}-{p.sub}", anchor, focus=Focus(start, unit, p.sub))
        return Resolved(kind, str(year), anchor, focus=Focus(dt.date(year, 1, 1), "year"))

    @staticmethod
    def _dated(d: dt.date, unit: str, kind: TimexType, clock: str, anchor: Anchor) -> Resolved:
        return Resolved(kind, format_period(d, unit) + clock, anchor, focus=Focus(d, unit))

    @staticmethod
    def _unresolved(p: Point) -> str:
        if p.month is not None:
            return f"XXXX-{p.month:02d}" + (f"-{p.day:02d}" if p.day is not None else "")
        return f"XXXX-{p.sub}" if p.sub else "XXXX"

    def _weekday(self, weekday: int, direction: int | None, tense: int | None) -> dt.date:
        r = self.reference
        assert r is not None
        delta = (weekday - r.isoweekday()) % 7  # days forward to the next such weekday (0 = today)
        if direction == 1:
            return r + dt.timedelta(days=delta or 7)
        if direction == -1:
            return r - dt.timedelta(days=(7 - delta) % 7 or 7)
        if direction == 0:
            return r + dt.timedelta(days=weekday - r.isoweekday())
        if tense == 1:
            return r + dt.timedelta(days=delta)
        return r - dt.timedelta(days=(7 - delta) % 7)

    @staticmethod
    def _day_of_month(p: Point, r: dt.date, tense: int | None) -> dt.date:
        assert p.day is not None
        year, month = p.year or r.year, r.month
        direction = p.direction if p.direction is not None else tense
        if direction == -1 and p.day > r.day:
            month -= 1
        elif direction == 1 and p.day < r.day:
            month += 1
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        return dt.date(year, month, min(p.day, calendar.monthrange(year, month)[1]))

    def _choose_year(self, p: Point, r: dt.date, tense: int | None) -> int:
        """The year of an underspecified month, day or part of a year.

        "last"/"next" take the latest occurrence wholly before the reference / the first wholly after
        it. Otherwise the reference's year, unless the tense contradicts it by more than the slack:
        a past (or unknown: news mostly reports the past) sentence moves a date lying ahead to the
        year before, a future sentence moves a date well behind to the year after. A written weekday
        ("Tuesday, July 19") picks the nearby year where it matches.
        """

        def span(y: int) -> tuple[dt.date, dt.date] | None:
            try:
                if p.day is not None and p.month is not None:
                    d = dt.date(y, p.month, p.day)
                    return d, d
                return period_start(y, p.month, p.sub)
            except ValueError:
                return None

        if p.weekday is not None and p.day is not None:
            years = [y for y in (r.year, r.year - 1, r.year + 1) if (s := span(y)) and s[0].isoweekday() == p.weekday]
            if years:
                return years[0]
        same = span(r.year)
        if same is None:
            return r.year
        start, end = same
        if p.direction == -1:
            return r.year if end < r else r.year - 1
        if p.direction == 1:
            return r.year if start > r else r.year + 1
        if p.direction == 0:
            return r.year
        # a named day may be a scheduled one inside a past-tense sentence ("declared a dividend payable
        # Dec. 15"), and a quarter is reported on after it ends ("expects to report third-quarter
        # results"), so days and quarters get slack; months and seasons follow the tense at once
        if p.day is not None or (p.sub or "").startswith(("Q", "H")):
            slack = self.slack
        else:  # a month about to begin ("trading for November", written Oct. 30) is still this year's
            slack = self.month_slack
        if tense == 1:
            return r.year + 1 if end < r - slack else r.year
        return r.year - 1 if start > r + slack else r.year

    # ------------------------------------------------------------------------------ the rest

    def _shift(self, s: Shift, near: dt.date | None = None) -> Resolved:
        r = self.reference
        kind: TimexType = "TIME" if (s.hour is not None or s.part) else "DATE"
        clock = _clock(s.hour, s.minute, s.part, s.zone)
        if near is not None:  # a bare time of the day just named
            return self._dated(near, "day", kind, clock, "absolute")
        if r is None:
            return Resolved(kind, "", "none")
        if s.unit in ("part", "hour", "minute", "second"):
            return self._dated(r, "day", kind, clock, "publication")
        unit = "year" if s.unit == "season" else s.unit
        d = move(r, "week" if unit == "weekend" else unit, s.offset)
        return self._dated(d, unit, kind, clock, "publication")

    def _length(self, n: Length, discourse: Discourse) -> Resolved:
        value = duration_value(n.amount, n.unit)
        r = self.reference
        if n.as_date:
            return self._period_ago(n, discourse)
        if n.relation and n.amount is not None and r is not None:
            refers = move(r, n.unit, n.relation * n.amount)
            return Resolved("DURATION", value, "publication", refers_to=refers.isoformat())
        return Resolved("DURATION", value, "absolute" if not n.relation else "none")

    def _period_ago(self, n: Length, discourse: Discourse) -> Resolved:
        """ "a year earlier" in a report: the period the report is about, a year before."""
        r = self.reference
        if n.amount is None:
            return Resolved("DATE", "", "none")
        shift = int(n.relation * n.amount) if n.unit == "year" else 0
        if discourse.part_of_year is not None and n.unit == "year":
            year, sub = discourse.part_of_year
            return Resolved("DATE", f"{year + shift}-{sub}", "absolute")
        if r is None:
            return Resolved("DATE", "", "none")
        return Resolved("DATE", format_period(move(r, n.unit, n.relation * n.amount), n.unit), "publication")

    def _anaphor(self, a: Anaphor, discourse: Discourse) -> Resolved:
        r = self.reference
        if a.unit in ("quarter", "half"):
            if discourse.part_of_year is not None and discourse.part_of_year[1][0] == a.unit[0].upper():
                year, sub = discourse.part_of_year
                return Resolved("DATE", f"{a.year or year}-{sub}", "absolute")
            if a.year is not None:
                return Resolved("DATE", str(a.year), "absolute")
            if r is None:
                return Resolved("DATE", "", "none")
            # no quarter named yet: a report's "the quarter" is the last one completed
            return Resolved("DATE", format_period(move(r, a.unit, -1), a.unit), "publication")
        if a.unit == "year":  # "the year" is the reference's; "that year", "the following year" the last one named
            last = discourse.last.start if (a.offset or a.explicit) and discourse.last is not None else None
            base, anchor = (last, "absolute") if last is not None else (r, "publication")
        elif a.unit == "month" and discourse.month is not None:
            base, anchor = discourse.month, "absolute"
        else:
            base, anchor = (discourse.day, "absolute") if discourse.day is not None else (r, "publication")
        if base is None:
            return Resolved("DATE", "", "none")
        d = move(base, "week" if a.unit == "weekend" else a.unit, a.offset) if a.offset else base
        return Resolved("DATE", format_period(d, a.unit), anchor, focus=Focus(d, a.unit) if a.unit == "day" else None)
