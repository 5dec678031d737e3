"""The words of one language that time expressions are made of, and how to read numbers with them.

A :class:`Lexicon` is data only: month and weekday names, number words, units, relative words ("last",
"próximo"), parts of the day, seasons, holidays and the cues that tell past from future. A language
module (``en``, ``es``, ``de``, ``fr``) fills one in and writes its word order as patterns over it.

>>> from newsprism.analyze.timex import en
>>> parse_number("four", en.LEXICON), parse_number("twenty-one", en.LEXICON), parse_number("2 1/2", en.LEXICON)
(4.0, 21.0, 2.5)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = ["Lexicon", "frozen", "parse_number"]


def frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only view of ``mapping`` with lower-cased keys (lexicons are module constants)."""
    return MappingProxyType({k.lower(): v for k, v in mapping.items()})


@dataclass(frozen=True)
class Lexicon:
    """The vocabulary of time expressions in one language.

    Keys are lower case; a space in a key matches any run of whitespace. Words listed in
    ``capitalized`` only count when written with a capital (English "May" the month, not "may").
    """

    code: str
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    #: Cardinal number words, "one" to "ninety"; ``multipliers`` are "hundred", "thousand".
    numbers: Mapping[str, int]
    multipliers: Mapping[str, int]
    ordinals: Mapping[str, int]
    #: Unit words in every inflection → unit name ("months" → "month").
    units: Mapping[str, str]
    #: "today" 0, "yesterday" -1, "tomorrow" +1.
    day_words: Mapping[str, int]
    #: Part of the day → TIMEX3 code (MO, AF, EV, NI, MI).
    parts_of_day: Mapping[str, str]
    seasons: Mapping[str, str]
    #: "last" -1, "next" +1, "this" 0.
    relatives: Mapping[str, int]
    #: Vague amounts ("several", "a few") → None, or a number ("a couple of" → 2).
    vague: Mapping[str, int | None]
    holidays: Mapping[str, tuple[int, int]]
    #: Words read as the number one before a unit ("a year", "un año").
    indefinite: tuple[str, ...] = ()
    #: Words joining number words ("and" in "two hundred and five", "y" in "treinta y dos").
    connectors: tuple[str, ...] = ()
    capitalized: tuple[str, ...] = ()
    #: Regular expressions: words that mark the future or the past near an expression.
    future_cues: str = r"(?!)"
    past_cues: str = r"(?!)"
    #: Regular expressions for words right before an expression that settle its direction ("until", "since").
    future_before: str = r"(?!)"
    past_before: str = r"(?!)"
    extra: Mapping[str, Any] = field(default_factory=dict)


_FRACTION = re.compile(r"^(?:(\d+)\s+)?(\d+)\s*/\s*(\d+)$")
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)?$")
_SPLIT = re.compile(r"[\s\-]+")


def parse_number(text: str, lex: Lexicon) -> float | None:
    """The value of a number written in digits ("18", "2.5", "2 1/2") or words ("twenty-one").

    Returns ``None`` when the text is not a number this lexicon can read.
    """
    t = text.strip().lower()
    if _DIGITS.match(t):
        return float(t.replace(",", "."))
    frac = _FRACTION.match(t)
    if frac:
        whole = float(frac.group(1) or 0)
        return whole + int(frac.group(2)) / int(frac.group(3)) if int(frac.group(3)) else None
    if t in lex.indefinite:
        return 1.0
    if t in lex.numbers:
        return float(lex.numbers[t])
    compound = lex.extra.get("compound_number")
    if compound is not None:
        value = compound(t)
        if value is not None:
            return float(value)
    total, current, seen = 0, 0, False
    for token in _SPLIT.split(t):
        if not token or token in lex.connectors:
            continue
        if token in lex.numbers:
            current += lex.numbers[token]
        elif token in lex.multipliers:
            mult = lex.multipliers[token]
            if mult >= 1000:
                total += max(current, 1) * mult
                current = 0
            else:
                current = max(current, 1) * mult
        elif token in lex.indefinite and not seen:
            current += 1
        else:
            return None
        seen = True
    return float(total + current) if seen else None
