"""Find time expressions with a language's patterns and read each one into a :mod:`.semantics` record.

A :class:`Rule` is a regular expression written with macros (``{MONTH}``, ``{NUM}``, ``{UNIT}``...)
that :class:`Grammar` expands from the language's :class:`~.lexicon.Lexicon`, and a builder that reads
the named groups into a meaning. Groups share one vocabulary across languages (``year``, ``month``,
``day``, ``wd``, ``num``, ``unit``, ``rel``...), so builders are shared too; a group named ``x``, when
present, marks the part of the match that is the expression (the rest is context), and ``name__2``
fills ``name`` (Python patterns cannot repeat a group name).

All rules run over the text; where candidates overlap the longest wins, then the earlier rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ...errors import ConfigError
from .lexicon import Lexicon, parse_number
from .semantics import Anaphor, Length, Meaning, Point, Recur, Ref, Shift

__all__ = [
    "BLOCK",
    "Block",
    "Candidate",
    "Grammar",
    "Rule",
    "anaphor",
    "block",
    "compound_length",
    "length",
    "lookup",
    "point",
    "recur",
    "ref",
    "shift",
]

Groups = Mapping[str, str]
Builder = Callable[[Groups, Lexicon], "Meaning | Block | None"]

_MACRO = re.compile(r"\{([A-Z_]+)\}")
#: Characters searched around a rule's anchor word: longer than any modifier run before it or after it
#: ("at least the past several" + "quarters"). A window ends where the text may continue, so a match is
#: only trusted when it ends before the window does (see :meth:`Grammar.candidates`).
WINDOW = 60
_SPACE = re.compile(r"\s+")

#: Macros that do not depend on the language.
BASE_MACROS: Mapping[str, str] = MappingProxyType({
    "YEAR": r"(?:1[5-9]\d\d|20\d\d)",
    "DAY": r"(?:3[01]|[12]\d|0?[1-9])",
    "HOUR": r"(?:2[0-4]|[01]?\d)",
    "MIN": r"(?:[0-5]\d)",
    "DIGITS": r"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?)",
})


# Expressions start and end at word boundaries, or where scraping glued two sentences ("agoVladimir").
_START = r"(?:(?<!\w)|(?-i:(?<=[a-z])(?=[A-Z])))"
_END = r"(?:(?!\w)|(?-i:(?<=[a-z])(?=[A-Z])))"


@dataclass(frozen=True)
class Rule:
    """One pattern and the builder that reads its match.

    ``needs``, when given, is a cheap pattern that every match contains (its anchor word: a month name, a
    unit...); the rule then only runs near occurrences of it, which is what makes tagging fast.
    """

    name: str
    pattern: str
    build: Builder
    needs: str | None = None


class Block:
    """The meaning of a blocking rule: words that look like a time expression but are not
    ("52 years old", "a quarter of the market"). A block vetoes every candidate it overlaps."""

    def __repr__(self) -> str:
        return "Block()"


BLOCK = Block()


def block(groups: Groups, lex: Lexicon) -> Block:
    """The builder of blocking rules."""
    return BLOCK


@dataclass(frozen=True, slots=True)
class Candidate:
    """A match: the character span of the expression, what it means and the rule that found it."""

    start: int
    end: int
    meaning: Meaning | Block
    rule: str


def lookup(table: Mapping[str, Any], word: str) -> Any:
    """Find ``word`` in a lexicon table, ignoring case, repeated spaces, hyphens and a final period."""
    key = _SPACE.sub(" ", word.strip().lower()).rstrip(".")
    if key in table:
        return table[key]
    key = key.replace("-", " ")
    if key in table:
        return table[key]
    return table.get(key.replace(" ", ""))


def _trie(words: Sequence[str]) -> str:
    """One regular expression matching any of ``words``, longest first, written as a trie: Python's
    ``re`` tries alternatives one by one, so sharing prefixes makes large word lists much cheaper."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(root) + ")"


def _alternation(words: Sequence[str], capitalized: Sequence[str] = ()) -> str:
    caps = {c.lower() for c in capitalized}
    plain = [w for w in set(words) if w not in caps]
    parts = [_trie(plain)] if plain else []
    for w in sorted(set(words) & caps, key=len, reverse=True):
        body = r"\s+".join(re.escape(p) for p in w.split(" "))
        parts.append(f"(?-i:{body[0].upper()}{body[1:]})")
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def lexicon_macros(lex: Lexicon, caseless: bool = False) -> dict[str, str]:
    """The macros a lexicon defines: one alternation per word class (``caseless``: ignore ``capitalized``)."""
    numwords = _alternation([*lex.numbers, *lex.multipliers])
    conn = _alternation(lex.connectors)
    caps = () if caseless else lex.capitalized
    return {
        "MONTH": _alternation(list(lex.months), caps),
        "WEEKDAY": _alternation(list(lex.weekdays), caps),
        "NUMWORD": numwords,
        "NUM": rf"(?:{BASE_MACROS['DIGITS']}|{numwords}(?:(?:[\s-]+|[\s-]*{conn}[\s-]*){numwords})*)",
        "INDEF": _alternation(lex.indefinite),
        "ORD": _alternation(list(lex.ordinals)),
        "UNIT": _alternation(list(lex.units)),
        "DAYWORD": _alternation(list(lex.day_words)),
        "PART": _alternation(list(lex.parts_of_day)),
        "SEASON": _alternation(list(lex.seasons), caps),
        "REL": _alternation(list(lex.relatives)),
        "VAGUE": _alternation(list(lex.vague)),
        "HOLIDAY": _alternation(list(lex.holidays), caps),
    }


class Grammar:
    """The compiled rules of one language.

    Args:
        lex: the language's words.
        rules: its patterns, in priority order.
        macros: extra macros of the language (articles, prepositions...), expanded before the lexicon's.
    """

    def __init__(self, lex: Lexicon, rules: Sequence[Rule], macros: Mapping[str, str] | None = None) -> None:
        self.lex = lex
        table = {**BASE_MACROS, **lexicon_macros(lex), **(macros or {})}
        self.rules = tuple(rules)
        self._compiled = tuple(self._compile(r, table) for r in self.rules)
        # anchors are searched in the lower-cased text, case-sensitively: several times faster than re.I
        lower = {**table, **lexicon_macros(lex, caseless=True)}
        needs = {r.needs for r in self.rules if r.needs}
        self._needs = {n: re.compile(self._expand(n, lower)) for n in needs}

    def _compile(self, rule: Rule, table: Mapping[str, str]) -> re.Pattern[str]:
        try:
            return re.compile(rf"{_START}(?:{self._expand(rule.pattern, table)}){_END}", re.I)
        except re.error as e:
            raise ConfigError(f"rule {rule.name!r} of language {self.lex.code!r} does not compile: {e}") from None

    @staticmethod
    def _expand(pattern: str, table: Mapping[str, str]) -> str:
        for _ in range(5):  # macros may use macros
            expanded = _MACRO.sub(lambda m: table.get(m.group(1), m.group(0)), pattern)
            if expanded == pattern:
                break
            pattern = expanded
        return pattern

    def _windows(self, text: str, needs: str) -> list[tuple[int, int]]:
        """Stretches of ``text`` around the anchors of a rule, merged and in order."""
        out: list[list[int]] = []
        for m in self._needs[needs].finditer(text):  # text is lower-cased (same length) by the caller
            start, end = max(0, m.start() - WINDOW), min(len(text), m.end() + WINDOW)
            if out and start <= out[-1][1]:
                out[-1][1] = end
            else:
                out.append([start, end])
        return [(a, b) for a, b in out]

    def candidates(self, text: str) -> list[Candidate]:
        """Every match of every rule (overlapping), each read into a meaning."""
        found = []
        windows: dict[str, list[tuple[int, int]]] = {}
        whole = [(0, len(text))]
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters change length when lower-cased; keep offsets exact
            lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
        for rule, rx in zip(self.rules, self._compiled, strict=True):
            if rule.needs:
                if rule.needs not in windows:
                    windows[rule.needs] = self._windows(lowered, rule.needs)
                spans = windows[rule.needs]
            else:
                spans = whole
            for lo, hi in spans:
                for m in rx.finditer(text, lo, hi):
                    if m.end() == hi < len(text):  # cut by the window: match again on the whole text
                        m = rx.match(text, m.start()) or m
                    found.extend(self._read(rule, m, text))
        return found

    def _read(self, rule: Rule, m: re.Match[str], text: str) -> list[Candidate]:
        """The match as a candidate (none when the builder rejects it)."""
        # "rel__2" fills "rel": a pattern may offer one group in two places (before or after a noun)
        groups = {k.split("__")[0]: v for k, v in m.groupdict().items() if v is not None}
        meaning = rule.build(groups, self.lex)
        if meaning is None:
            return []
        start, end = m.span("x") if "x" in groups else m.span()
        while end > start and text[end - 1].isspace():
            end -= 1
        return [Candidate(start, end, meaning, rule.name)] if end > start else []

    def find(self, text: str) -> list[Candidate]:
        """Non-overlapping expressions in text order: longest first, then rule order."""
        order = {r.name: i for i, r in enumerate(self.rules)}
        found = self.candidates(text)
        blocks = [(c.start, c.end) for c in found if isinstance(c.meaning, Block)]
        chosen: list[Candidate] = []
        taken: list[tuple[int, int]] = list(blocks)  # a block vetoes everything it overlaps
        for c in sorted(found, key=lambda c: (c.start - c.end, order[c.rule], c.start)):
            if isinstance(c.meaning, Block):
                continue
            if all(c.end <= s or e <= c.start for s, e in taken):
                chosen.append(c)
                taken.append((c.start, c.end))
        return sorted((c for c in chosen if not isinstance(c.meaning, Block)), key=lambda c: c.start)


# ------------------------------------------------------------------------------------- builders


def _int(groups: Groups, name: str) -> int | None:
    v = groups.get(name)
    return int(v) if v is not None and v.isdigit() else None


def _ordinal(word: str | None, lex: Lexicon) -> int | None:
    if word is None:
        return None
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group())
    return lookup(lex.ordinals, word)


def _year(groups: Groups, lex: Lexicon) -> int | None:
    if "year" in groups:
        return int(re.sub(r"\D", "", groups["year"]) or 0) or None
    if "yy" in groups:  # '89, '05: the nearer century (news years)
        yy = int(groups["yy"])
        return 2000 + yy if yy < 30 else 1900 + yy
    if "yearw" in groups and "year_words" in lex.extra:
        return lex.extra["year_words"](groups["yearw"].lower())
    return None


def _hour(groups: Groups, lex: Lexicon) -> tuple[int | None, int | None]:
    if "noon" in groups:
        return lookup(lex.extra.get("clock_words", {}), groups["noon"]), 0
    hour = _int(groups, "hour")
    if hour is None and "hourw" in groups:
        n = parse_number(groups["hourw"], lex)
        hour = int(n) if n is not None else None
    if hour is None:
        return None, None
    minute = _int(groups, "minute") or 0
    ampm = groups.get("ampm", "").lower().replace(" ", "").replace(".", "")
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if "pm_part" in groups:  # "las seis de la tarde"
        if lookup(lex.parts_of_day, groups["pm_part"]) in ("AF", "EV", "NI") and hour < 12:
            hour += 12
    if hour > 24 or minute > 59:
        return None, None
    return hour, minute


def _zone(groups: Groups) -> str | None:
    z = groups.get("zone", "").upper()
    return "Z" if z in ("UTC", "GMT", "Z") else None


def _part(groups: Groups, lex: Lexicon) -> str | None:
    return lookup(lex.parts_of_day, groups["part"]) if "part" in groups else None


def _days_in_month(month: int, year: int | None) -> int:
    if month == 2:
        y = year if year is not None else 2000
        return 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28
    return 30 if month in (4, 6, 9, 11) else 31


def point(**fixed: Any) -> Builder:
    """A builder for :class:`Point`; ``fixed`` fields override what the groups say."""

    def build(g: Groups, lex: Lexicon) -> Meaning | None:
        month = lookup(lex.months, g["month"]) if "month" in g else _int(g, "mnum")
        day = _int(g, "day") if "day" in g else _ordinal(g.get("dayw"), lex)
        year = _year(g, lex)
        sub = None
        if "q" in g:
            q = _ordinal(g["q"], lex)
            sub = f"Q{q}" if q and 1 <= q <= 4 else None
            if sub is None:
                return None
        if "h" in g:
            h = _ordinal(g["h"], lex)
            sub = f"H{h}" if h in (1, 2) else None
            if sub is None:
                return None
        if "season" in g:
            sub = lookup(lex.seasons, g["season"])
        decade = century = None
        if "decade" in g:
            digits = re.sub(r"\D", "", g["decade"])
            decade = int(digits[:3]) if len(digits) == 4 else (190 + int(digits[0]) if len(digits) == 2 else None)
            if decade is None:
                return None
        if "century" in g:
            c = _ordinal(g["century"], lex) or _roman(g["century"])
            century = c - 1 if c else None
        hour, minute = _hour(g, lex)
        fields: dict[str, Any] = {
            "year": year,
            "month": month,
            "day": day,
            "weekday": lookup(lex.weekdays, g["wd"]) if "wd" in g else None,
            "sub": sub,
            "year_offset": lookup(lex.relatives, g["yrel"]) if "yrel" in g else None,
            "decade": decade,
            "century": century,
            "hour": hour,
            "minute": minute,
            "part": _part(g, lex),
            "zone": _zone(g),
            "direction": lookup(lex.relatives, g["rel"]) if "rel" in g else None,
        }
        if "holiday" in g:
            fields["month"], fields["day"] = lookup(lex.holidays, g["holiday"])
        fields.update(fixed)
        if fields["month"] is not None and not 1 <= fields["month"] <= 12:
            return None
        if fields["day"] is not None:  # a day without a month ("el día 8") takes the month from the reference
            if not 1 <= fields["day"] <= (_days_in_month(fields["month"], fields["year"]) if fields["month"] else 31):
                return None
        return Point(**fields)

    return build


def _roman(text: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    t = text.lower()
    if not t or any(ch not in values for ch in t):
        return None
    total = 0
    for a, b in zip(t, t[1:] + " ", strict=True):
        v = values[a]
        total += -v if b != " " and values[b] > v else v
    return total


def shift(**fixed: Any) -> Builder:
    """A builder for :class:`Shift`: unit from ``unit`` (or fixed), offset from ``rel`` or ``dword``."""

    def build(g: Groups, lex: Lexicon) -> Meaning | None:
        unit = fixed.get("unit") or (lookup(lex.units, g["unit"]) if "unit" in g else None)
        if "dword" in g:
            offset, unit = lookup(lex.day_words, g["dword"]), unit or "day"
        elif "rel" in g:
            offset = lookup(lex.relatives, g["rel"])
        else:
            offset = fixed.get("offset", 0)
        if unit is None or offset is None:
            return None
        hour, minute = _hour(g, lex)
        bare = "dword" not in g and "rel" not in g and fixed.get("offset", None) == 0 and unit == "day"
        return Shift(unit, offset, part=fixed.get("part") or _part(g, lex), hour=hour, minute=minute, zone=_zone(g),
                     anaphoric=bare and fixed.get("anaphoric", True))

    return build


def length(relation: int = 0, **fixed: Any) -> Builder:
    """A builder for :class:`Length`: amount from ``num``/``vague`` (+ ``half``), unit from ``unit``."""

    def build(g: Groups, lex: Lexicon) -> Meaning | None:
        unit = fixed.get("unit") or (lookup(lex.units, g["unit"]) if "unit" in g else None)
        if unit is None:
            return None
        if "amount" in fixed:
            amount = fixed["amount"]
        elif "num" in g:
            amount = parse_number(g["num"], lex)
            if amount is None:
                return None
        elif "vague" in g:
            amount = lookup(lex.vague, g["vague"])
        else:
            amount = None
        if amount is not None and "half" in g:
            amount += 0.5
        rel = relation
        if "ago" in g:
            rel = lookup(lex.extra.get("offset_words", {}), g["ago"]) or relation
        return Length(amount, unit, rel, fixed.get("as_date", False))

    return build


_PER = {("year", "month"): 12, ("month", "day"): 30, ("week", "day"): 7, ("day", "hour"): 24, ("hour", "minute"): 60,
        ("minute", "second"): 60}


def compound_length(g: Groups, lex: Lexicon) -> Meaning | None:
    """ "two years and three months": ``num``/``unit`` plus ``num2``/``unit2`` as one amount of the first unit."""
    unit, unit2 = lookup(lex.units, g["unit"]), lookup(lex.units, g["unit2"])
    a = parse_number(g["num"], lex)
    b = parse_number(g["num2"], lex)
    per = _PER.get((unit, unit2))
    if a is None or b is None or per is None:
        return None
    return Length(a + b / per, unit)


def ref(kind: str) -> Builder:
    """A builder that always means the vague reference ``kind``."""
    meaning = Ref(kind)  # type: ignore[arg-type]
    return lambda g, lex: meaning


def recur(value: str | None = None) -> Builder:
    """A builder for sets: a fixed value, or built from ``unit``/``wd``/``month``/``part`` groups."""

    def build(g: Groups, lex: Lexicon) -> Meaning | None:
        if value is not None:
            return Recur(value)
        if "wd" in g:
            wd = lookup(lex.weekdays, g["wd"])
            part = _part(g, lex)
            return Recur(f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""))
        if "month" in g:
            return Recur(f"XXXX-{lookup(lex.months, g['month']):02d}")
        if "part" in g:
            return Recur(f"TXX{_part(g, lex)}")
        unit = lookup(lex.units, g["unit"]) if "unit" in g else None
        if unit is None:
            return None
        n = parse_number(g["num"], lex) if "num" in g else 1.0
        return Recur(duration_value(n, unit))

    return build


def anaphor(unit: str | None = None, offset: int = 0, explicit: bool = False) -> Builder:
    """A builder for a period named relative to the text's last date ("the day", "that week").

    Without a fixed ``unit`` the ``unit`` group names it; a ``year`` group fixes the year, a ``rel``
    group the offset ("the following month"); ``explicit`` marks a demonstrative ("that year").
    """

    def build(g: Groups, lex: Lexicon) -> Meaning | None:
        u = unit or (lookup(lex.units, g["unit"]) if "unit" in g else None)
        off = lookup(lex.relatives, g["rel"]) if "rel" in g else offset
        if u is None or off is None:
            return None
        return Anaphor(u, off, _year(g, lex), explicit)

    return build


_DURATION_CODES = {
    "second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1), "part": ("T", "H", 6),
    "day": ("", "D", 1), "weekend": ("", "D", 2), "week": ("", "W", 1), "month": ("", "M", 1),
    "season": ("", "M", 3), "quarter": ("", "Q", 1), "half": ("", "M", 6), "year": ("", "Y", 1),
    "decade": ("", "DE", 1), "century": ("", "CE", 1), "millennium": ("", "L", 1), "period": ("", "X", 1),
}
# Where a fraction has an exact smaller unit, TimeML writes it with that unit ("2 1/2 years" → P2Y6M).
_SMALLER = {"year": ("M", 12), "day": ("TH", 24), "hour": ("M", 60), "minute": ("S", 60)}


def duration_value(amount: float | None, unit: str) -> str:
    """The TIMEX3 duration for an amount of a unit: ``P5M``, ``P4.5M``, ``PT2H``, ``PXY``.

    >>> duration_value(4.5, "month"), duration_value(None, "year"), duration_value(2, "decade")
    ('P4.5M', 'PXY', 'P20Y')
    >>> duration_value(2.5, "year"), duration_value(1.5, "minute")
    ('P2Y6M', 'PT1M30S')
    """
    t, code, factor = _DURATION_CODES[unit]
    if amount is None:
        return f"P{t}X{code}"
    whole = int(amount)
    if amount != whole and unit in _SMALLER:
        small_code, per = _SMALLER[unit]
        small = (amount - whole) * per
        if small == int(small):
            head = f"P{t}{whole}{code}" if whole else f"P{t}"
            if small_code == "TH":
                return f"{head}T{int(small)}H"
            return f"{head}{int(small)}{small_code}"
    if code in ("DE", "CE"):  # written as years, the way TimeBank annotates "two decades" (P20Y)
        amount, code = amount * (10 if code == "DE" else 100), "Y"
    amount *= factor
    number = f"{amount:g}" if amount != int(amount) else str(int(amount))
    return f"P{t}{number}{code}"
