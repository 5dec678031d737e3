"""Quantities: numbers in digits or words, normalized, with the unit and the noun they count.

"several hundred unmanned aerial vehicles" → 200–999 vehicles (approximate); "4.1 million people" →
4,100,000 people; "93.87 percent" → 93.87 %; "22 million tons of grain" → 22,000,000 t of grain. Numbers
inside time expressions (years, days of the month, clock times) are left to the time stage.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..model import Analysis, Quantity
from .base import AnalysisStage

__all__ = ["QuantityExtractor", "find_quantities", "noun_key"]

_UNITS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
          "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12,
          # German, French, Spanish
          "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
          "zwölf": 12, "zwanzig": 20, "dreißig": 30, "hundert": 100, "tausend": 1000,
          "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
          "vingt": 20, "trente": 30, "cent": 100, "mille": 1000,
          "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
          "diez": 10, "veinte": 20, "treinta": 30, "cien": 100, "mil": 1000,
}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6,
           "bn": 1e9, "mn": 1e6, "millionen": 1e6, "milliarden": 1e9, "milliarde": 1e9,
           "millions": 1e6, "milliards": 1e9, "milliard": 1e9, "millones": 1e6, "millón": 1e6,
           "mil millones": 1e9, "tausend": 1e3, "mille": 1e3}
# Vague amounts: a range, always approximate.
_VAGUE = {"several hundred": (200, 999), "hundreds": (200, 999), "dozens": (24, 99), "several dozen": (24, 99),
          "thousands": (2000, 9999), "several thousand": (2000, 9999), "tens of thousands": (20000, 99999),
          "hundreds of thousands": (200000, 999999), "millions": (2e6, 9.99e6), "scores": (40, 99),
          "a few": (2, 5), "several": (3, 9), "a handful": (3, 6), "a couple": (2, 3)}
_APPROX = r"(?:about|around|nearly|almost|roughly|approximately|some|more than|over|up to|at least|less than|fewer than|under|close to|rund|etwa|fast|mehr als|über|environ|près de|plus de|unos|unas|casi|más de|cerca de)"
_UNIT_WORDS = {"percent": "%", "per cent": "%", "%": "%", "prozent": "%", "pour cent": "%", "por ciento": "%",
               "dollars": "USD", "$": "USD", "us$": "USD", "euros": "EUR", "euro": "EUR", "€": "EUR",
               "pounds": "GBP", "£": "GBP", "tons": "t", "tonnes": "t", "tonnen": "t", "toneladas": "t",
               "kilometers": "km", "kilometres": "km", "km": "km", "miles": "mi", "meters": "m", "metres": "m",
               "kilograms": "kg", "kg": "kg", "barrels": "bbl", "yuan": "CNY", "rubles": "RUB", "roubles": "RUB"}
_STOP = frozenset("""the a an of and or in on at to for from by with as is are was were be been has have had
    that this these those which who whom whose than then per each its their his her our your it they he she we
    will would could should may might can must not no more less most least about over under after before
    during since until into onto upon de la le les des du et en el los las y del un una der die das und im am
    ago later earlier rather now today yesterday tomorrow here there also only just still already again ever""".split())

# Thousands separators may be followed by a space in tokenized text ("4, 051 yards").
_NUM = r"\d{1,3}(?:, ?\d{3}(?!\d))+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_WORD = "|".join(sorted((re.escape(w) for w in _UNITS), key=len, reverse=True))
_SCALE = "|".join(sorted(_SCALES, key=len, reverse=True))
_VAGUE_RE = "|".join(sorted((re.escape(w) for w in _VAGUE), key=len, reverse=True))
_PATTERN = re.compile(
    rf"(?<![\w.,])(?:(?P<approx>{_APPROX})\s+)?(?P<cur>[$€£]|US\$)?\s?"
    rf"(?:(?P<vague>{_VAGUE_RE})|(?P<num>{_NUM})|(?P<word>{_WORD}))"
    rf"(?P<half>\s+and\s+a\s+half)?(?:\s*(?P<scale>{_SCALE})\b)?"
    rf"(?:\s*(?P<unit>%|per cent|percent|prozent|pour cent|por ciento|dollars|euros?|pounds|tons|tonnes|tonnen|"
    rf"toneladas|kilometers|kilometres|km|miles|meters|metres|kilograms|kg|barrels|yuan|rubles|roubles)\b)?"
    rf"(?![\w])",
    re.IGNORECASE,
)
_TIME_UNITS = frozenset(
    "second minute hour day night week weekend month year decade century fortnight quarter "
    "sekunde minute stunde tag woche monat jahr jahrzehnt seconde heure jour semaine moi an année "
    "segundo minuto hora día semana mes año".split()
)
_RELATIVE = re.compile(r"[\s\w-]{0,20}?\b(?:ago|earlier|later|before|hence|zuvor|her|auparavant|atrás)\b", re.I)
_NOUN_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def noun_key(noun: str | None) -> str | None:
    """A crude singular, lower-case key to compare counted nouns across sources ("drones" = "drone")."""
    if not noun:
        return None
    word = noun.lower().split()[-1]
    for suffix, repl in (("ies", "y"), ("ves", "f"), ("ses", "s"), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    return word


def _parse_number(raw: str) -> float:
    raw = raw.strip()
    if re.fullmatch(r"\d{1,3}(, ?\d{3})+(\.\d+)?", raw):
        return float(raw.replace(",", "").replace(" ", ""))
    if re.fullmatch(r"\d+,\d{1,2}", raw):  # decimal comma: 4,5
        return float(raw.replace(",", "."))
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", raw):  # thousands dot: 1.234.567
        return float(raw.replace(".", ""))
    return float(raw.replace(",", ""))


_IRREGULAR_PLURALS = frozenset("people children men women police personnel staff troops cattle".split())
_RELATIONS = frozenset("""against across among between into onto off out toward towards while within without
    per via plus minus apart ago later earlier when where whom""".split())


def _ends_phrase(word: str) -> bool:
    """A counted noun phrase usually ends at its first plural ("combat drones", "people")."""
    low = word.lower()
    return low in _IRREGULAR_PLURALS or (low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3)


def _noun_after(text: str, pos: int) -> str | None:
    """The noun a number counts: the head of the words written right after it.

    The phrase starts directly after the number (only spaces or a hyphen between), never crosses
    punctuation, and ends at its first plural, a function word or a capitalized word.

    >>> _noun_after("288 candidates running for", 3), _noun_after("several hundred unmanned aerial vehicles.", 15)
    ('candidates', 'vehicles')
    >>> _noun_after("hundreds\u2019 of combat drones", 8)
    'drones'
    >>> _noun_after("125.\\nI attach hopes", 3) is None
    True
    """
    words: list[str] = []
    rest = text[pos : pos + 80]
    last_end = 0
    for m in _NOUN_WORD.finditer(rest):
        gap = rest[last_end : m.start()]
        if gap.strip(" -\t\u2019\u201d'\"") or "\n" in gap:  # closing quotes: "'hundreds' of drones"
            break
        w = m.group()
        low = w.lower()
        if words and w[0].isupper():
            break
        if low in _STOP or low in _RELATIONS:
            if low == "of" and not words:
                last_end = m.end()
                continue
            break
        if words and low.endswith(("ing", "ed")):
            break
        words.append(w)
        last_end = m.end()
        if len(words) == 3 or _ends_phrase(w):
            break
    # Without part-of-speech tags: the first plural-looking word is the counted noun ("booths opened"),
    # else the last word of the phrase ("unmanned aerial vehicle", "people").
    plural = [w for w in words if len(w) > 3 and w.lower().endswith("s") and not w.lower().endswith("ss")]
    return plural[0] if plural else (words[-1] if words else None)


def find_quantities(text: str, skip: list[tuple[int, int]] | None = None) -> list[tuple[int, int, dict]]:
    """Quantities in ``text`` as ``(start, end, fields)``; spans overlapping ``skip`` are left out.

    >>> [(text, f["value"], f["noun"]) for s, e, f in find_quantities("some 4.1 million people and 288 candidates")
    ...  for text in ["some 4.1 million people and 288 candidates"[s:e]]]
    [('some 4.1 million', 4100000.0, 'people'), ('288', 288.0, 'candidates')]
    """
    skip = skip or []
    out = []
    for m in _PATTERN.finditer(text):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in skip):
            continue
        if m.group("num") and re.fullmatch(r"(1[5-9]|20)\d\d", m.group("num")) and not m.group("scale"):
            continue  # a year; the time stage owns it
        approx = bool(m.group("approx"))
        high = None
        if m.group("vague"):
            low, high = _VAGUE[m.group("vague").lower()]
            value, approx = float(low), True
        elif m.group("num"):
            value = _parse_number(m.group("num"))
        else:
            value = float(_UNITS[m.group("word").lower()])
        if m.group("half"):
            value += 0.5
        if m.group("scale"):
            factor = _SCALES.get(m.group("scale").lower(), 1)
            value *= factor
            high = high * factor if high else None
        unit = None
        if m.group("unit") or m.group("cur"):
            unit = _UNIT_WORDS.get((m.group("unit") or m.group("cur")).lower())
        noun = _noun_after(text, e)
        if noun and noun_key(noun) in _TIME_UNITS and _RELATIVE.match(text, e):
            continue  # "five months ago" points to a date: the time stage resolves it ("90 days" stays a number)
        if unit is None and noun is None and not m.group("num"):
            continue  # "one" or "several" on its own is rarely a checkable quantity
        value = float(f"{value:.6g}")
        out.append((s, e, {"value": value, "high": high, "unit": unit, "noun": noun, "approximate": approx}))
    return out


class QuantityExtractor(AnalysisStage):
    """Fill ``quantities``; numbers inside time expressions are skipped."""

    name: ClassVar[str] = "newsprism.quantities.v1"
    requires: ClassVar[tuple[str, ...]] = ("timex",)
    produces: ClassVar[tuple[str, ...]] = ("quantities",)

    def predict(self, analysis: Analysis) -> list[Quantity]:
        article = analysis.article
        skip = [(t.span.start, t.span.end) for t in analysis.timex]
        out = []
        for s, e, f in find_quantities(article.text, skip):
            out.append(Quantity(article.span(s, e, "quantities", "quantity"), f["value"], article.text[s:e],
                                f["high"], f["unit"], f["noun"], f["approximate"]))
        return out

    def annotate(self, analysis: Analysis, result: list[Quantity]) -> None:
        analysis.quantities = result
