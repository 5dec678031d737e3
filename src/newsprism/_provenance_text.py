"""Text units for provenance: an article's sentences as token sets, numbers and names.

Everything provenance compares is derived here from the ``sentences`` layer, so every aligned pair it
reports is a pair of sentence spans. Tokens are accent-folded and lower-cased; *content* tokens drop
function words of the languages newsprism reads and are cut to a short stem, so "announced" and
"announces" meet. *Anchors* are the language-independent part of a text: numbers written as their digits
only, without leading or trailing zeros (``4,907.20`` and ``4.907,2`` both become ``49072``), month and weekday names mapped to a shared
code (``July`` and ``julio`` both become ``@m7``), and capitalized names inside a sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .model import Analysis, Span

__all__ = ["Unit", "anchors_of", "content_tokens", "fold", "significant", "units_of"]

# Combining marks left by NFKD decomposition (the accents of Latin, Greek and Cyrillic letters).
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NUMBER = re.compile(r"\d(?:[\d.,]*\d)?")
_TOKEN = re.compile(r"\d(?:[\d.,]*\d)?|[^\W\d_]\w*", re.UNICODE)
# A capitalized word (letters, inner apostrophes and hyphens), candidate name.
_CAPITAL = re.compile(r"(?<![\w])[^\W\d_][\w'’-]*", re.UNICODE)

# Function words of the languages newsprism reads (en, es, de, fr, it, pt, nl): never content, never names.
_STOP = frozenset(
    """the a an of and or in on at to for from by with as is are was were be been being has have had that this
    these those which who whom whose it its they them their he him his she her we our you your i not no but if so
    than then there here also will would could should may might can must do does did said says about after before
    over under more most into out up down all some any such only just what when where while how why yet both each
    other own same very too per via its one two three
    el la los las lo un una unos unas del al y e o u en es son fue fueron ser ha han habia por para con sin que se
    su sus como mas pero sobre entre desde hasta tras este esta estos estas ese esa esos esas le les ya muy tambien
    segun sido hay cuando donde quien cual
    der die das den dem des ein eine einer eines einem einen und oder im am zu zum zur mit von auf fur ist sind war
    waren wurde wurden hat haben nicht auch sich bei nach aus als wie noch nur uber vor dass es er sie wir
    le les une des du de et au aux est sont ete pour par sur dans qui ne pas plus ce cette ces son sa ses leur il
    elle ils elles on avec mais ou
    il lo gli della delle dei degli nel nella che non per con sono era
    o os as um uma do da dos das no na nos nas em ao pelo pela que nao com
    het een van en op te voor met zijn niet ook""".split()
)

# Month and weekday names in the supported languages, mapped to one code per month or day, so a date
# written "July 17" in one language and "17 de julio" in another shares its anchors.
_CALENDAR_NAMES = {
    "m1": "january jan enero janvier januar gennaio janeiro januari",
    "m2": "february feb febrero fevrier februar febbraio fevereiro februari",
    "m3": "march mar marzo mars marz marco maart",
    "m4": "april apr abril avril aprile",
    "m5": "may mayo mai maggio maio mei",
    "m6": "june jun junio juin juni giugno junho",
    "m7": "july jul julio juillet juli luglio julho",
    "m8": "august aug agosto aout augustus",
    "m9": "september sep sept septiembre setiembre septembre settembre setembro",
    "m10": "october oct octubre octobre oktober ottobre outubro",
    "m11": "november nov noviembre novembre novembro",
    "m12": "december dec diciembre decembre dezember dicembre dezembro",
    "d1": "monday lunes lundi montag lunedi segunda maandag",
    "d2": "tuesday martes mardi dienstag martedi terca dinsdag",
    "d3": "wednesday miercoles mercredi mittwoch mercoledi quarta woensdag",
    "d4": "thursday jueves jeudi donnerstag giovedi quinta donderdag",
    "d5": "friday viernes vendredi freitag venerdi sexta vrijdag",
    "d6": "saturday sabado samedi samstag sabato zaterdag",
    "d7": "sunday domingo dimanche sonntag domenica zondag",
}
_CALENDAR = {name: "@" + code for code, names in _CALENDAR_NAMES.items() for name in names.split()}

# Stems are cut to this many characters: long enough to keep words apart, short enough to meet inflections.
_STEM = 7


def fold(text: str) -> str:
    """Lower-case and strip accents.

    >>> fold("Peskow sagte, Erdoğan kommt")
    'peskow sagte, erdogan kommt'
    """
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


def content_tokens(text: str) -> list[str]:
    """Content-word stems and numbers (significant digits) of ``text``, in order.

    >>> content_tokens("The ministry announced 4,907.20 points on Friday")
    ['ministr', 'announc', '49072', 'points', 'friday']
    """
    return _tokens(fold(text))[0]


def _tokens(folded: str) -> tuple[list[str], int]:
    """Content tokens of folded text, and how many are words (not numbers, month or day names)."""
    out = []
    words = 0
    for w in _TOKEN.findall(folded):
        if w[0].isdigit():
            out.append(significant(w))
        elif len(w) > 2 and w not in _STOP:
            out.append(w[:_STEM])
            words += w not in _CALENDAR
    return out, words


def significant(number: str) -> str:
    """A number reduced to its significant digits, so that its spellings in different languages and
    scales meet: "$15 billion" and "15.000 millones", "4,907.20" and "4.907,2".

    >>> [significant(n) for n in ("15.000", "15", "4,907.20", "4.907,2", "0.5", "2010", "07")]
    ['15', '15', '49072', '49072', '5', '201', '7']
    """
    return re.sub(r"\D", "", number).strip("0") or "0"


def _numbers(text: str) -> frozenset[str]:
    return frozenset(significant(m.group()) for m in _NUMBER.finditer(text))


def anchors_of(text: str) -> set[str]:
    """Language-independent anchors of a sentence: numbers, calendar names and capitalized names.

    >>> sorted(anchors_of("Apple Inc. anunció el viernes 17 de julio que regalará carcasas del iPhone 4"))
    ['#17', '#4', '@d5', '@m7', 'inc', 'iphone']
    >>> sorted(anchors_of("Cerrado el miércoles"))
    ['@d3']
    """
    out = {"#" + n for n in _numbers(text)}
    for i, m in enumerate(_CAPITAL.finditer(text)):
        raw = m.group()
        if raw.islower() and raw.isascii() and raw not in _CALENDAR:  # most words: no name, no calendar word
            continue
        word = fold(raw)
        if word in _CALENDAR:
            out.add(_CALENDAR[word])
        elif i > 0 and not raw.islower() and len(word) > 1 and word not in _STOP:
            out.add(word)
    return out


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence of an article with what provenance compares: its stems, numbers and anchors."""

    span: Span
    tokens: tuple[str, ...]
    stems: frozenset[str]
    numbers: frozenset[str]
    anchors: frozenset[str]
    body: bool
    # Content words that are neither numbers nor month or day names: datelines and bylines have few.
    words: int


def units_of(analysis: Analysis) -> list[Unit]:
    """The article's sentences (title included) as :class:`Unit` records, in text order.

    >>> from newsprism.model import Article
    >>> from newsprism.analyze.sentences import SentenceSplitter
    >>> a = SentenceSplitter()(Analysis(Article.build(title="Storm hits", text="A storm hit the coast. It rained.")))
    >>> [(u.tokens, u.body, u.words) for u in units_of(a)]
    [(('storm', 'hits'), False, 2), (('storm', 'hit', 'coast'), True, 3), (('rained',), True, 1)]
    """
    article = analysis.article
    out = []
    for s in analysis.sentences:
        text = article.quote(s)
        toks_list, words = _tokens(fold(text))
        toks = tuple(toks_list)
        out.append(Unit(s, toks, frozenset(toks), _numbers(text), frozenset(anchors_of(text)), s.start >= article.body_start, words))
    return out
