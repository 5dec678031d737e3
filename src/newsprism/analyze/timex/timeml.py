"""Read a tagged expression the way TimeML / TempEval-3 annotation values it.

newsprism keeps "five months ago" as the duration ``P5M`` with the date it points to in ``refers_to``
(so "four and a half months ago" and "five months ago" can be compared as amounts of time). TimeML
annotates the whole phrase as the DATE it points to, at the precision of its unit ("1997-10"); vague
offsets ("months ago", "hace meses") stay durations (``PXM``), as TimeBank mostly annotates them.
Only the reading differs, not the tagging.
"""

from __future__ import annotations

import datetime as dt

from .resolve import format_period
from .semantics import Length
from .tag import Timex

__all__ = ["timeml_reading"]

# The precision TimeBank gives an offset date: weeks are usually written as days ("two weeks ago").
_PRECISION = {"second": "day", "minute": "day", "hour": "day", "part": "day", "day": "day", "weekend": "day",
              "week": "day", "month": "month", "season": "month", "quarter": "quarter", "half": "half",
              "year": "year", "decade": "decade", "century": "century", "millennium": "millennium"}


def timeml_reading(t: Timex) -> tuple[str, str]:
    """The TIMEX3 ``(type, value)`` TempEval-3 annotation would give ``t``."""
    m = t.meaning
    if isinstance(m, Length) and m.relation and not m.as_date and t.type == "DURATION":
        if t.refers_to:
            return "DATE", format_period(dt.date.fromisoformat(t.refers_to), _PRECISION[m.unit])
    return t.type, t.value
