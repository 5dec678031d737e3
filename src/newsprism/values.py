"""Value slots: every number, calendar date and title of a report, with the words that say what it is.

Independent reports of one event write their own sentences, but a fact both state sits in a parallel
context: "Over 2.5 million Turkmens are eligible to vote" / "Over 4.5 million people were eligible to
vote"; "he pointed a .357 caliber revolver"; "tied Ford with 14:05 left". So every number token of the
text is a *slot* — clock times, scores, model numbers and numbers glued to punctuation ("4, 051") as much
as counted quantities — and so is every calendar day the time tagger resolves and every title written
before a name. A slot keeps its local context (the words on each side, nearest first), the content words
and entities of its sentence, the person named nearest to it, and its normalized value.

Numbers are normalized before they are compared (:class:`Amount`): a scale word ("4.1 million"), a unit
(converted to one base unit per dimension), a qualifier ("about", "at least", "up to") and the precision
the number is written with, so "4 million" and "4.1 million" can both be right while "4,051" and "4,102"
cannot. Numbers of a publication line ("Published: August 7, 2012 - 5:46 pm") are not event facts and
make no slots.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from .analyze.canon import ResolvedEntities
from .analyze.quantities import noun_key
from .analyze.roles import parse_title
from .fingerprint import words
from .model import Analysis, Quantity, Span
from .settings import CompareSettings

__all__ = [
    "Amount",
    "SlotMatch",
    "ValueSlot",
    "amounts_agree",
    "context_similarity",
    "dates_agree",
    "parse_amount",
    "publication_lines",
    "slot_match",
    "source_label",
    "story_idf",
    "value_slots",
]

STOP = frozenset("""the a an of and or in on at to for from by with as is are was were be been being has have
    had that this these those it its he she they his her their them him we our you your i not no but than
    which who whom whose will would could should can may might must do does did said says say also so if
    then there here about after before over under into out up down more most some any all such only just
    de la le les des du et en el los las y del un una der die das und im am ein eine""".split())

# Units converted to one base unit per dimension before values are compared.
_BASE_UNITS: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0), "m": ("length", 1.0), "mi": ("length", 1609.344), "ft": ("length", 0.3048),
    "kg": ("mass", 1.0), "t": ("mass", 1000.0), "lb": ("mass", 0.45359237),
    "%": ("percent", 1.0), "bbl": ("barrels", 1.0),
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6, "m": 1e6,
           "millionen": 1e6, "milliarden": 1e9, "millions": 1e6, "milliards": 1e9, "millones": 1e6}
# One number token: a clock time ("14:05", "13: 41"), a number with thousands separators (tokenized text
# may put a space after the comma: "4, 051"), a decimal (tokenized: "7. 6 magnitude") or a plain number,
# maybe with a unit glued to it ("55km", "2, 000ft"), or a caliber (".357"). Ordinals ("4th") and codes
# glued to letters are not values.
_NUMBER = re.compile(
    r"(?<![\w,:])(?<!\w\.)(?:(?P<clock>\d{1,2}\s?:\s?\d{1,2})(?!\d)"
    r"|(?P<num>\d{1,3}(?:,\s?\d{3})+(?!\d)(?:\.\d+)?|\d{1,2}\.\s\d{1,2}(?![\d,])|\d+(?:\.\d+)?)"
    r"(?P<glued>km|mi|ft|kg|lbs?|mph|bn)?(?![^\W\d_]|\d))"
)
_GLUED_UNITS = {"km": "km", "mi": "mi", "ft": "ft", "kg": "kg", "lb": "lb", "lbs": "lb", "mph": "mph"}
_YEAR = re.compile(r"(1[89]|20)\d\d")
_LOWER = re.compile(r"(?:at least|more than|over|above|in excess of|upwards of|no fewer than|mehr als|über|"
                    r"plus de|au moins|más de|al menos)\s*(?:US\s?)?[$€£]?\s*$", re.I)
_UPPER = re.compile(r"(?:up to|less than|fewer than|under|below|no more than|bis zu|weniger als|moins de|"
                    r"menos de|hasta)\s*(?:US\s?)?[$€£]?\s*$", re.I)
_ABOUT = re.compile(r"(?:about|around|roughly|approximately|some|nearly|almost|close to|estimated|est\.|"
                    r"rund|etwa|fast|knapp|environ|près de|presque|unos|unas|casi|cerca de|alrededor de)"
                    r"\s*(?:US\s?)?[$€£]?\s*$", re.I)
# Words a publication line is made of besides its date and time ("Published on: 14 November 2011 - 11:25am").
_PUBLICATION_VERBS = frozenset("""published updated posted modified edited released release publié publiée
    veröffentlicht aktualisiert publicado actualizado""".split())
_PUBLICATION_WORDS = _PUBLICATION_VERBS | frozenset("""first last time date on at by am pm a.m p.m et local
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    mis à jour le am um el""".split())


# ------------------------------------------------------------------------------------------ amounts


@dataclass(frozen=True)
class Amount:
    """A number as a range in base units, with how it was written.

    ``low``/``high`` bound it (equal for an exact value; see :func:`amounts_agree` for bounds);
    ``precision`` is the unit of its last written digit in base units ("4.1 million" → 100,000), so
    rounding explains differences below half of it; ``bound`` is ``lower``, ``upper`` or ``None``;
    ``dimension`` is the unit's dimension (``length``, ``USD``, ``clock``) or ``None`` for a bare count.
    """

    value: float
    precision: float = 1.0
    dimension: str | None = None
    unit: str | None = None
    approximate: bool = False
    bound: Literal["lower", "upper"] | None = None
    high: float | None = None  # the top of a written range ("200-999" for "hundreds")
    scale: float = 1.0  # the scale word it was written with ("million": 1e6)


def parse_amount(text: str, start: int, end: int, quantity: Quantity | None = None, clock_slack: float = 5.0) -> Amount:
    """The amount of the number token ``text[start:end]``, with the quantity the extractor read around it.

    A clock time is counted in minutes; one on a quarter hour is read as rounded, ``clock_slack`` minutes
    either way.

    >>> t = "killed more than 1, 000 people and some $4.1 million"
    >>> a = parse_amount(t, 17, 23); (a.value, a.bound)
    (1000.0, 'lower')
    >>> parse_amount(t, 41, 44, Quantity(None, 4.1e6, "$4.1 million", unit="USD")).precision
    100000.0
    """
    token = text[start:end]
    clock = re.fullmatch(r"(\d{1,2})\s?:\s?(\d{1,2})", token)
    if clock:
        minutes = int(clock.group(2))
        # A quarter hour ("3:30 a.m.") is often a rounded time; "14:05 left" on a game clock is not.
        precision = 2.0 * clock_slack if minutes % 15 == 0 else 1.0
        return Amount(int(clock.group(1)) * 60 + minutes, precision, "clock")
    glued = re.match(r"[a-z]+", text[end : end + 4])
    raw = token.replace(" ", "")
    digits = raw.replace(",", "")
    value = float(digits)
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    scale = 1.0
    if glued and glued.group() == "bn":
        scale = 1e9
    if quantity is not None and quantity.value and value:
        ratio = quantity.value / value
        for s in _SCALES.values():
            if math.isclose(ratio, s, rel_tol=1e-6):
                scale = s
    precision = scale * 10.0 ** -decimals
    unit = quantity.unit if quantity is not None else None
    if glued and glued.group() in _GLUED_UNITS:
        unit = _GLUED_UNITS[glued.group()]
    dimension, factor = _BASE_UNITS.get(unit or "", (unit, 1.0))
    before = text[max(0, start - 30) : start]
    bound: Literal["lower", "upper"] | None = None
    approximate = False
    if _LOWER.search(before):
        bound = "lower"
    elif _UPPER.search(before):
        bound = "upper"
    elif _ABOUT.search(before):
        approximate = True
    high = None
    if quantity is not None and quantity.high is not None and quantity.value:
        high = quantity.high / quantity.value * value * scale * factor
    return Amount(value * scale * factor, precision * factor, dimension, unit, approximate, bound, high, scale)


def amounts_agree(a: Amount, b: Amount, settings: CompareSettings) -> bool:
    """Whether two amounts of one dimension can both be right.

    Exact numbers agree when rounding the finer one to the coarser precision explains the difference
    ("4.1 million" / "4 million"); values in different units within ``number_tolerance`` (conversions
    are rounded: "22 miles" / "35 kilometers"); approximate ones within ``approximate_tolerance``. A
    bound agrees with any value on its side ("at least two" / "three"); two bounds of the same
    direction are compared as values ("at least 70" / "at least 105" differ).

    >>> s = CompareSettings()
    >>> amounts_agree(Amount(4.1e6, 1e5), Amount(4e6, 1e6), s), amounts_agree(Amount(4051), Amount(4102), s)
    (True, False)
    >>> amounts_agree(Amount(2, bound="lower"), Amount(3), s), amounts_agree(Amount(100, approximate=True), Amount(130, bound="lower"), s)
    (True, False)
    """
    tol = settings.approximate_tolerance if (a.approximate or b.approximate) else 0.0
    if a.unit != b.unit:
        tol = max(tol, settings.number_tolerance)
    if a.bound != b.bound and (a.bound or b.bound):
        lo_a, hi_a = _interval(a, settings.bound_span)
        lo_b, hi_b = _interval(b, settings.bound_span)
        return lo_a <= hi_b * (1 + tol) + 1e-9 and lo_b <= hi_a * (1 + tol) + 1e-9
    lo_a, hi_a = a.value, a.high if a.high is not None else a.value
    lo_b, hi_b = b.value, b.high if b.high is not None else b.value
    slack = max(a.precision, b.precision) / 2
    if lo_a <= hi_b + slack + 1e-9 and lo_b <= hi_a + slack + 1e-9:
        return True
    return lo_a <= hi_b * (1 + tol) + 1e-9 and lo_b <= hi_a * (1 + tol) + 1e-9


def _interval(a: Amount, span: float) -> tuple[float, float]:
    """The values a bound leaves open: "more than 28,000" is read as 28,000 to 28,000 × (1 + ``span``)."""
    top = a.high if a.high is not None else a.value
    if a.bound == "lower":
        return a.value, top * (1 + span)
    if a.bound == "upper":
        return a.value / (1 + span), top
    return a.value, top


def calendar_day(value: str | None) -> tuple[int | None, int, int] | None:
    """``(year or None, month, day)`` of a TIMEX3 day value (``2022-07-19`` or ``XXXX-07-19``)."""
    m = re.match(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})", value or "")
    if not m:
        return None
    return (int(m.group(1)) if m.group(1).isdigit() else None, int(m.group(2)), int(m.group(3)))


def dates_agree(a: tuple[int | None, int, int], b: tuple[int | None, int, int], tolerance_days: int) -> bool:
    """Whether two (possibly year-less) calendar days can be the same day, within ``tolerance_days``.

    >>> dates_agree((None, 12, 15), (2013, 12, 15), 0), dates_agree((2013, 12, 15), (2013, 12, 20), 0)
    (True, False)
    """
    year = a[0] or b[0] or 2000
    if a[0] and b[0] and a[0] != b[0] and not tolerance_days:
        return False
    try:
        da, db = date(a[0] or year, a[1], a[2]), date(b[0] or year, b[1], b[2])
    except ValueError:
        return False
    return abs((da - db).days) <= tolerance_days


# ------------------------------------------------------------------------------------------ slots


@dataclass(frozen=True)
class ValueSlot:
    """One value in one source's sentence, with the context that says what it is about.

    ``left`` and ``right`` are the words (and numbers) next to the value, nearest first; ``keys`` what it
    counts (the noun or word right after it, its unit's dimension; for a title, the person's entity id);
    ``subject`` the person named nearest to it in the sentence; ``unique`` marks the only value of its
    source with one of its keys.
    """

    kind: Literal["number", "date", "title"]
    analysis: Analysis
    group: str
    span: Span
    sentence: Span
    value: Any
    shown: str
    keys: frozenset[str]
    left: tuple[str, ...]
    right: tuple[str, ...]
    content: frozenset[str]
    entities: frozenset[str]
    idf: Mapping[str, float] = field(default_factory=dict, repr=False)
    subject: str | None = None
    unique: bool = False

    @property
    def source(self) -> str:
        return source_label(self.analysis)

    @property
    def token(self) -> str:
        """The value as written, normalized (``"4, 051"`` → ``"4051"``)."""
        return re.sub(r"[\s,]", "", self.analysis.article.quote(self.span))


def source_label(analysis: Analysis) -> str:
    """How a finding names a source: its outlet, else its URL, else the file it came from."""
    a = analysis.article
    return a.source or a.url or (a.origin.rsplit("/", 1)[-1] if a.origin else "") or a.id


def story_idf(analyses: Sequence[Analysis]) -> dict[str, float]:
    """Inverse sentence frequency of each word over a story's sentences."""
    df: dict[str, int] = defaultdict(int)
    n = 0
    for a in analyses:
        for sent in a.sentences:
            n += 1
            for w in set(_content_words(a.article.quote(sent))):
                df[w] += 1
    return {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if w not in STOP and (len(w) > 2 or w.isdigit()))


def publication_lines(analysis: Analysis) -> list[tuple[int, int]]:
    """Spans of the lines that only say when the report was published or updated.

    A publication line holds a date the time tagger resolved (or numbers after a publication verb:
    "First Posted: 10/25/11 06:44 PM ET") and otherwise only times, numbers, punctuation, publication
    words ("Published", "Last updated at") and short upper-case codes ("BST", "UK").

    >>> from newsprism.model import Article, TimeExpr
    >>> a = Analysis(Article.build(text="Published: August 7, 2012 - 5: 46 pm\\nThe fire began on August 7."))
    >>> a.timex = [TimeExpr(a.article.span(11, 25, "timex"), "DATE", "2012-08-07", "August 7, 2012"),
    ...            TimeExpr(a.article.span(55, 63, "timex"), "DATE", "2012-08-07", "August 7")]
    >>> [a.article.text[s:e] for s, e in publication_lines(a)]
    ['Published: August 7, 2012 - 5: 46 pm']
    """
    text = analysis.article.text
    out = []
    for line in re.finditer(r"[^\n]+", text):
        s, e = line.span()
        dates = [t for t in analysis.timex if t.type == "DATE" and s <= t.span.start and t.span.end <= e]
        rest = text[s:e]
        for t in sorted(dates, key=lambda t: -t.span.start):
            rest = rest[: t.span.start - s] + " " + rest[t.span.end - s :]
        tokens = re.findall(r"[^\W\d_][\w.]*", rest)
        # A date the tagger resolved, or numbers after a publication verb ("First Posted: 10/25/11 06:44").
        if not (dates or (re.search(r"\d", rest) and any(w.lower() in _PUBLICATION_VERBS for w in tokens))):
            continue
        if all(w.lower().rstrip(".") in _PUBLICATION_WORDS or (w.isupper() and len(w) <= 4)
               or re.fullmatch(r"\d*(am|pm)", w.lower()) for w in tokens):
            out.append((s, e))
    return out


def value_slots(
    analyses: Sequence[Analysis],
    entities: ResolvedEntities,
    group_of: Mapping[str, str],
    settings: CompareSettings,
) -> list[ValueSlot]:
    """Every number token, calendar date and titled name of every article, as comparable slots.

    Numbers that are years or part of a resolved date, and everything on a publication line, are left
    out; "five months ago" is a date slot (the day it refers to), not a number.
    """
    out: list[ValueSlot] = []
    idf = story_idf(analyses)
    for a in analyses:
        group = group_of[a.article.id]
        text = a.article.text
        skip = publication_lines(a)
        dated = [t for t in a.timex if re.match(r"^(\d{4}|XXXX)", t.value or "")]
        relative = [t for t in a.timex if t.refers_to]
        for t in a.timex:
            day = calendar_day(t.refers_to or t.value)
            if t.type == "SET" or day is None or _inside(t.span, skip):
                continue
            if not (t.refers_to or re.search(rf"(?<![\d:])0?{day[2]}(?![\d:]|\s*[ap]\.?\s?m\b)", t.text)):
                continue  # "on Friday", "by 7 a.m.": a day read from the publication date, which may be wrong
            shown = t.refers_to or t.value
            out.append(_slot("date", a, group, t.span, (day, _date_tolerance(t, settings)), shown, set(), entities,
                             idf, settings))
        for m in _NUMBER.finditer(text):
            s, e = m.span("clock") if m.group("clock") else m.span("num")
            if _inside_range(s, e, skip) or any(t.span.start <= s and e <= t.span.end for t in dated + relative):
                continue
            if m.group("num") and _YEAR.fullmatch(m.group("num")):
                continue  # a year: the time stage owns it
            q = next((q for q in a.quantities if q.span.start <= s and e <= q.span.end), None)
            if q is not None and len(_NUMBER.findall(q.text)) > 1:
                q = None  # "91-73" or "1, 1": the extractor's reading spans several tokens
            amount = parse_amount(text, s, e, q, settings.clock_slack_minutes)
            after = _word_after(text, e)
            keys = {k for k in (noun_key(q.noun) if q else None, noun_key(after)) if k}
            if _AGE.match(text, e):
                keys = {"age"}  # "the 40-year-old Thompson": an attribute of whoever it describes
            if amount.dimension:
                keys.add("unit:" + amount.dimension)
            if amount.scale > 1:
                keys.add(f"scale:{amount.scale:g}")  # "2.5 million Turkmens" / "4.5 million people"
            out.append(_slot("number", a, group, a.article.span(s, e, "values", "number"), amount,
                             _fmt(amount, text[s:e]), keys, entities, idf, settings))
        for mention in a.mentions:
            eid = entities.entity_of.get((mention.span.doc_id, mention.span.start))
            if mention.title and mention.title_span is not None and eid:
                out.append(_slot("title", a, group, mention.title_span, parse_title(mention.title), mention.title,
                                 {eid}, entities, idf, settings))
    return _mark_unique(out)


_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)([DWMY])$")
_DURATION_DAYS = {"D": 1.0, "W": 7.0, "M": 30.44, "Y": 365.25}


def _date_tolerance(t: Any, settings: CompareSettings) -> int:
    """Days a date may be off and still be the same day as another: none for a written date; for "five
    months ago", ``relative_date_tolerance`` of the five months (people round such durations), else
    ``date_tolerance_days``.

    >>> from newsprism.model import TimeExpr
    >>> ago = TimeExpr(None, "DURATION", "P5M", "five months ago", "publication", "2022-02-19")
    >>> _date_tolerance(ago, CompareSettings()), _date_tolerance(TimeExpr(None, "DATE", "2022-07-19", "July 19"), CompareSettings())
    (23, 0)
    """
    if not t.refers_to:
        return 0
    m = _DURATION.match(t.value or "")
    if not m:
        return settings.date_tolerance_days
    return round(float(m.group(1)) * _DURATION_DAYS[m.group(2)] * settings.relative_date_tolerance)


def _inside(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return _inside_range(span.start, span.end, ranges)


def _inside_range(s: int, e: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= s and e <= b for a, b in ranges)


def _word_after(text: str, end: int) -> str | None:
    """The word right after a number, past a scale word ("$5.4 billion deal" → "deal")."""
    m = re.match(r"[ \t-]*(?:(?:thousand|million|billion|trillion|bn|mn)\b[ \t-]*)?([^\W\d_][\w-]*)",
                 text[end : end + 50], re.I)
    return m.group(1) if m else None


def _fmt(a: Amount, written: str) -> str:
    """The value as a reader should see it, in the unit it was written in ("about 150 m", "$5.4bn" →
    "5,400,000,000 USD")."""
    if a.dimension == "clock":
        return written.replace(" ", "")
    factor = _BASE_UNITS.get(a.unit or "", ("", 1.0))[1]
    value = f"{a.value / factor:,.10g}"
    if a.high is not None:
        value += f"\u2013{a.high / factor:,.10g}"
    prefix = {"lower": "more than ", "upper": "up to ", None: "about " if a.approximate else ""}[a.bound]
    unit = f" {a.unit}" if a.unit else ""
    return prefix + value + unit


def _mark_unique(slots: list[ValueSlot]) -> list[ValueSlot]:
    """Flag values that are the only ones of their kind and key in their article."""
    def keys(s: ValueSlot) -> set[str]:
        if s.kind == "date":
            (_y, m, _d), _tolerance = s.value
            return {f"month:{m}"}
        return {k for k in s.keys if not k.startswith("unit:")} or set(s.keys)

    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for s in slots:
        for k in keys(s):
            counts[(s.analysis.article.id, s.kind, k)] += 1
    return [
        dataclasses.replace(s, unique=True)
        if s.kind != "title" and any(counts[(s.analysis.article.id, s.kind, k)] == 1 for k in keys(s)) else s
        for s in slots
    ]


def _slot(kind: Any, a: Analysis, group: str, span: Span, value: Any, shown: str, keys: set[str],
          entities: ResolvedEntities, idf: Mapping[str, float], settings: CompareSettings) -> ValueSlot:
    sent = a.sentence_of(span) or span
    sent = a.article.span(min(sent.start, span.start), max(sent.end, span.end), "sentences")
    text = a.article.text
    k = settings.context_window
    left = tuple(reversed(words(text[sent.start : span.start])))[:k]
    right = tuple(words(text[span.end : sent.end]))[:k]
    inside = [m for m in a.mentions if sent.contains(m.span) and not m.span.overlaps(span)
              and (m.span.doc_id, m.span.start) in entities.entity_of]
    ents = frozenset(entities.entity_of[(m.span.doc_id, m.span.start)] for m in inside)
    subject = _subject(a, span, inside, entities, settings) if kind == "number" else None
    content = _content_words(text[sent.start : span.start] + " " + text[span.end : sent.end])
    return ValueSlot(kind, a, group, span, sent, value, shown, frozenset(keys), left, right, content, ents, idf,
                     subject)


_AGE = re.compile(r"[\s-]*years?[\s-]*old\b[\s-]*", re.I)


def _subject(a: Analysis, span: Span, inside: Sequence[Any], entities: ResolvedEntities,
             settings: CompareSettings) -> str | None:
    """Who a number is about: the person named right before it ("Hillis rushed for 101 yards"); for an
    age, whoever it describes right after it ("the 40-year-old Thompson", "a 36-year-old driver").

    Returns an entity id, or for an age describing no named person the described noun (``"noun:driver"``).
    """
    text = a.article.text
    age = _AGE.match(text, span.end)
    people = [m for m in inside if m.kind == "PERSON"]
    if age:
        after = [m for m in people if m.span.start >= age.end()
                 and len(words(text[age.end() : m.span.start])) <= settings.subject_words]
        if after:
            m = min(after, key=lambda m: m.span.start)
            return entities.entity_of[(m.span.doc_id, m.span.start)]
        noun = re.match(r"([^\W\d_][\w-]*)", text[age.end() : age.end() + 40])
        return f"noun:{noun.group(1).lower()}" if noun and noun.group(1).lower() not in STOP else None
    before = [m for m in people if m.span.end <= span.start
              and len(words(text[m.span.end : span.start])) <= settings.subject_words]
    if before:
        m = max(before, key=lambda m: m.span.end)
        return entities.entity_of[(m.span.doc_id, m.span.start)]
    return None


# ------------------------------------------------------------------------------------------ context


def _side(xs: tuple[str, ...], ys: tuple[str, ...], settings: CompareSettings) -> float:
    """Position-weighted share of ``xs`` (nearest first) found at about the same distance in ``ys``."""
    num = den = 0.0
    shift = settings.context_shift
    for i, w in enumerate(xs):
        weight = settings.context_decay**i * (settings.stopword_weight if w in STOP else 1.0)
        den += weight
        if w in ys[max(0, i - shift) : i + shift + 1]:
            num += weight
    return num / den if den else 0.0


def _side_similarity(xs: tuple[str, ...], ys: tuple[str, ...], settings: CompareSettings) -> float:
    """Both ways; a side empty in both (a value ending its sentence in both reports) counts as alike."""
    if not xs and not ys:
        return 1.0
    return (_side(xs, ys, settings) + _side(ys, xs, settings)) / 2


def _weighted_jaccard(a: frozenset[str], b: frozenset[str], idf: Mapping[str, float]) -> float:
    union = a | b
    if not union:
        return 0.0
    top = max(idf.values(), default=1.0)
    return sum(idf.get(w, top) for w in a & b) / sum(idf.get(w, top) for w in union)


@dataclass(frozen=True)
class SlotMatch:
    """The evidence that two values of different reports fill the same slot, each field in [0, 1].

    Each field has a weight in the settings (``weight_<field>``); :meth:`logit` adds them up.

    * ``left``, ``right``: position-weighted overlap of the words on each side of the values;
    * ``sentence``: rarity-weighted Jaccard similarity of the two sentences' words;
    * ``parallel``: share of all words the sentences have in common (one sentence copied and edited);
    * ``entities``: Jaccard similarity of the sentences' entities;
    * ``unique``: both are the only values of a key they share (still unpaired) in their reports;
    * ``crowd``: how many values of that key are still unpaired around them (a box score lists dozens of
      "yards"), ``crowd_size`` or more counting as 1;
    * ``distance``: how far apart the values are (log ratio of numbers, days between dates);
    * ``subject``: both are about the same person;
    * ``anchors``: share of the other numbers of the two sentences that both state ("29 of 34 passes for
      364 yards" / "29-of-68 passes for 364 yards").
    """

    left: float
    right: float
    sentence: float
    parallel: float
    entities: float
    unique: float
    distance: float
    subject: float = 0.0
    crowd: float = 0.0
    anchors: float = 0.0

    def logit(self, settings: CompareSettings) -> float:
        """The weighted evidence (log-odds) that the two values fill the same slot."""
        return settings.match_bias + sum(
            getattr(settings, f"weight_{f.name}") * getattr(self, f.name) for f in dataclasses.fields(self)
        )

    def score(self, settings: CompareSettings) -> float:
        """The match as a probability-like score: the logistic function of :meth:`logit`."""
        return 1.0 / (1.0 + math.exp(-self.logit(settings)))


def slot_match(x: ValueSlot, y: ValueSlot, settings: CompareSettings) -> SlotMatch:
    """The evidence that ``x`` and ``y`` fill the same slot (see :class:`SlotMatch`)."""
    wx = set(words(x.analysis.article.quote(x.sentence)))
    wy = set(words(y.analysis.article.quote(y.sentence)))
    parallel = len(wx & wy) / len(wx | wy) if wx | wy else 0.0
    ents = len(x.entities & y.entities) / len(x.entities | y.entities) if x.entities | y.entities else 0.0
    return SlotMatch(
        left=_side_similarity(x.left, y.left, settings),
        right=_side_similarity(x.right, y.right, settings),
        sentence=_weighted_jaccard(x.content, y.content, x.idf),
        parallel=parallel,
        entities=ents,
        unique=float(x.unique and y.unique),
        distance=_distance(x, y),
        subject=float(x.subject is not None and x.subject == y.subject),
        anchors=_anchors(x, y),
    )


def _anchors(x: ValueSlot, y: ValueSlot) -> float:
    """Share of the other numbers of the two sentences found in both (Jaccard)."""
    nx, ny = _sentence_numbers(x), _sentence_numbers(y)
    return len(nx & ny) / len(nx | ny) if nx | ny else 0.0


def _sentence_numbers(v: ValueSlot) -> set[str]:
    text = v.analysis.article.text
    found = _NUMBER.finditer(text, v.sentence.start, v.sentence.end)
    return {re.sub(r"[\s,]", "", m.group()) for m in found if not (m.start() <= v.span.start < m.end())}


def _distance(x: ValueSlot, y: ValueSlot) -> float:
    """How far apart two values are, in [0, 1]: a factor of e³ (≈20) or a month apart counts as 1."""
    if x.kind == "number":
        a, b = x.value.value, y.value.value
        if a <= 0 or b <= 0:
            return 1.0 if a != b else 0.0
        return min(abs(math.log(a / b)) / 3.0, 1.0)
    if x.kind == "date":
        (dx, _), (dy, _) = x.value, y.value
        year = dx[0] or dy[0] or 2000
        try:
            days = abs((date(dx[0] or year, dx[1], dx[2]) - date(dy[0] or year, dy[1], dy[2])).days)
        except ValueError:
            return 1.0
        return min(days / 30.0, 1.0)
    return 0.0


def context_similarity(x: ValueSlot, y: ValueSlot, settings: CompareSettings) -> float:
    """How surely two values fill the same slot: :meth:`SlotMatch.score` of :func:`slot_match`."""
    return slot_match(x, y, settings).score(settings)
