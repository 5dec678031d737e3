"""German: words and patterns of time expressions.

Spans follow the TimeML habit of the other grammars: determiners and "vor" in "vor zwei Wochen" are part
of the expression, plain prepositions ("am", "im", "seit") are not. "morgen" (tomorrow) and "Morgen"
(morning) are told apart by their capital.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from .grammar import Rule, anaphor, compound_length, length, point, recur, ref, shift
from .lexicon import Lexicon, frozen

__all__ = ["LEXICON", "MACROS", "RULES"]

_ONES = {"ein": 1, "eins": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4,
         "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9}
_TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
          "siebzehn": 17, "achtzehn": 18, "neunzehn": 19}
_TENS = {"zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
         "siebzig": 70, "achtzig": 80, "neunzig": 90}
_UNIT_WORDS = {"sekunde": "second", "minute": "minute", "stunde": "hour", "tag": "day", "woche": "week",
               "monat": "month", "quartal": "quarter", "halbjahr": "half", "jahr": "year", "jahrzehnt": "decade",
               "jahrhundert": "century", "jahrtausend": "millennium", "wochenende": "weekend"}
_INFLECTIONS = ("", "e", "n", "en", "es", "s")
_COMPOUND = re.compile(r"^(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und(zwanzig|dreißig|dreissig|vierzig|"
                       r"fünfzig|sechzig|siebzig|achtzig|neunzig)$")


def _compound_number(text: str) -> int | None:
    """ "einundzwanzig" → 21 (German writes tens and ones as one word)."""
    m = _COMPOUND.match(text)
    return _ONES[m.group(1)] + _TENS[m.group(2)] if m else None


def _units() -> dict[str, str]:
    out = {}
    for word, unit in _UNIT_WORDS.items():
        for ending in _INFLECTIONS:
            out[word + ending] = unit
    return out


_NUMBER_WORDS = {**_ONES, **_TEENS, **_TENS}

LEXICON = Lexicon(
    code="de",
    months=frozen({"januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3, "april": 4,
                   "apr": 4, "mai": 5, "juni": 6, "juli": 7, "august": 8, "aug": 8, "september": 9, "sept": 9,
                   "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12}),
    weekdays=frozen({"montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5, "samstag": 6,
                     "sonnabend": 6, "sonntag": 7}),
    numbers=frozen(_NUMBER_WORDS),
    multipliers=frozen({"hundert": 100, "tausend": 1000}),
    ordinals=frozen({"erste": 1, "ersten": 1, "erster": 1, "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3,
                     "vierte": 4, "vierten": 4, "letzte": 4, "letzten": 4}),
    units=frozen(_units()),
    day_words=frozen({"heute": 0, "gestern": -1, "morgen": 1, "vorgestern": -2, "übermorgen": 2}),
    parts_of_day=frozen({"morgen": "MO", "früh": "MO", "vormittag": "MO", "mittag": "MI", "nachmittag": "AF",
                         "abend": "EV", "nacht": "NI"}),
    seasons=frozen({"frühling": "SP", "frühjahr": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI"}),
    relatives=frozen({**{f"letzte{e}": -1 for e in ("", "n", "r", "s", "m")},
                      **{f"vergangene{e}": -1 for e in ("", "n", "r", "s", "m")},
                      **{f"vorige{e}": -1 for e in ("", "n", "r", "s", "m")},
                      **{f"nächste{e}": 1 for e in ("", "n", "r", "s", "m")},
                      **{f"kommende{e}": 1 for e in ("", "n", "r", "s", "m")},
                      **{f"diese{e}": 0 for e in ("", "n", "r", "s", "m")},
                      **{f"laufende{e}": 0 for e in ("", "n", "r", "s", "m")}}),
    vague=frozen({"einige": None, "einigen": None, "mehrere": None, "mehreren": None, "wenige": None,
                  "wenigen": None, "ein paar": None, "viele": None, "vielen": None}),
    holidays=frozen({"weihnachten": (12, 25), "heiligabend": (12, 24), "silvester": (12, 31),
                     "neujahr": (1, 1), "tag der arbeit": (5, 1), "tag der deutschen einheit": (10, 3)}),
    indefinite=("ein", "eine", "einen", "einem", "einer"),
    connectors=("und",),
    future_cues=(r"\b(?:wird|werden|wirst|will|wollen|soll|sollen|plant|planen|geplant|voraussichtlich|"
                 r"kommend\w*|nächst\w*|künftig|(?-i:morgen))\b"),
    past_cues=(r"\b(?:war|waren|hatte|hatten|wurde|wurden|sagte|erklärte|teilte|meldete|berichtete|gestern|"
               r"vergangen\w*|letzt\w*|(?:hat|haben|hatte|ist|sind)\s+(?:\w+\s+){0,4}?ge\w+(?:t|en))\b"),
    future_before=r"\b(?:bis|ab|ab\s+dem|bis\s+zum|bis\s+Ende)",
    past_before=r"\b(?:seit|vor)",
    extra=frozen({
        "compound_number": _compound_number,
        "offset_words": frozen({"vor": -1, "in": 1}),
    }),
)

MACROS = MappingProxyType({
    "DET": r"(?:der|die|das|den|dem|des)",
    "MDAY": r"(?P<day>{DAY})\.",
    "YEARX": r"(?:(?<![\d.,$])(?P<year>{YEAR})(?![.,]?\d|\s*%|\s+(?:Millionen|Milliarden|Euro|Dollar|Menschen)))",
    "EDGE": r"(?:Anfang|Mitte|Ende|Beginn|Spätsommer|Frühsommer)\s+",
    "NUMX": r"(?:{NUM}|(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und(?:zwanzig|dreißig|vierzig|fünfzig))",
    "HALF": r"(?P<half>einhalb)",
    "REL": r"(?:letzte[nrsm]?|vergangene[nrsm]?|vorige[nrsm]?|nächste[nrsm]?|kommende[nrsm]?|diese[nrsm]?|laufende[nrsm]?)",
})

RULES: tuple[Rule, ...] = (
    Rule("iso_date", r"(?P<year>{YEAR})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>{DAY})(?!-)", point(), needs='\\d-\\d'),
    Rule("numeric_date", r"(?P<day>{DAY})\.(?P<mnum>1[0-2]|0?[1-9])\.(?P<year>{YEAR})", point(), needs='\\d\\.\\d'),
    Rule("date",
         r"(?:(?:(?P<rel>{REL})\s+)?(?P<wd>{WEEKDAY})\s*,?\s*(?:den\s+|dem\s+)?|(?:der|den|dem)\s+)?{MDAY}\s*"
         r"(?P<month>{MONTH})\.?(?:\s+(?:{YEARX}))?",
         point(), needs='{MONTH}'),
    Rule("weekday_paren_date",
         r"(?:(?P<rel>{REL})\s+)?(?P<wd>{WEEKDAY})\s*\(\s*{MDAY}\s*(?P<month>{MONTH})\.?(?:\s+(?:{YEARX}))?\s*\)",
         point(), needs='{MONTH}'),
    Rule("month_year", r"(?:{EDGE})?(?P<month>{MONTH})\.?\s+(?:{YEARX})", point(), needs='{MONTH}'),
    Rule("month", r"(?:{EDGE}|(?P<rel>{REL})\s+)?(?P<month>{MONTH})(?!\s*\d)", point(), needs='{MONTH}'),
    Rule("year", r"(?:{EDGE}|(?:im\s+)?Jahr(?:e)?\s+)?(?:{YEARX})", point(), needs='\\d{4}'),
    Rule("decade", r"(?:den\s+|die\s+)?(?P<decade>(?:19|20)\d0)er(?:\s+Jahren?)?", point(), needs='\\d0er'),
    Rule("holiday", r"(?P<holiday>{HOLIDAY})", point(), needs='{HOLIDAY}'),
    Rule("weekday", r"(?:(?P<rel>{REL})\s+)?(?P<wd>{WEEKDAY})(?:\s*(?P<part>(?-i:Morgen)|Vormittag|Mittag|"
                    r"Nachmittag|Abend|Nacht))?(?!\s*,?\s*(?:den\s+)?\d{1,2}\.)",
         point(), needs='{WEEKDAY}'),
    Rule("weekdays_set", r"(?:jeden\s+(?P<wd>{WEEKDAY})|(?P<wd__2>montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
                         r"sonntag)s)", recur(), needs='{WEEKDAY}'),
    Rule("dayword", r"(?P<dword>heute|gestern|(?-i:morgen)|vorgestern|übermorgen)(?:\s+(?P<part>(?-i:Morgen)|früh|"
                    r"Vormittag|Mittag|Nachmittag|Abend|Nacht))?",
         shift(unit="day"), needs='{DAYWORD}'),
    Rule("clock",
         r"(?:gegen\s+)?(?P<hour>{HOUR})(?:[.:](?P<minute>{MIN}))?\s*Uhr(?:\s+(?P<zone>MEZ|MESZ|UTC|GMT))?",
         shift(unit="day", offset=0), needs='uhr'),
    Rule("rel_unit",
         r"(?:{DET}\s+|(?:{EDGE}))?(?P<rel>{REL})\s+(?P<unit>Woche|Wochenende|Monats?|Quartals?|Jahr(?:es|s)?|"
         r"Jahrzehnts?|Jahrhunderts?)",
         shift(), needs='{UNIT}'),
    Rule("edge_unit", r"(?:{EDGE})(?:des\s+|der\s+)?(?P<rel>{REL})?\s*(?P<unit>Woche|Monats|Jahres)",
         lambda g, lex: shift(offset=0)(g, lex), needs='{UNIT}'),
    Rule("quarter",
         r"(?:(?:im|das|dem)\s+)?(?P<q>ersten|zweiten|dritten|vierten|1\.|2\.|3\.|4\.)\s+Quartal(?:\s+(?:{YEARX}))?", point(),
         needs='quartal'),
    Rule("season", r"(?:(?P<rel>{REL})\s+|(?:im|der|den)\s+)(?P<season>{SEASON})(?:\s+(?:{YEARX}))?", point(),
         needs='{SEASON}'),
    Rule("ago",
         r"(?P<ago>vor)\s+(?:(?:gut|knapp|etwa|fast|rund|mehr\s+als|über)\s+)?(?:(?P<num>{NUMX})(?:{HALF})?|"
         r"(?P<vague>{VAGUE}))\s+(?P<unit>{UNIT})",
         length(), needs='{UNIT}'),
    Rule("in_future",
         r"(?P<ago>in)\s+(?:(?:gut|knapp|etwa|rund)\s+)?(?:(?P<num>{NUMX})(?:{HALF})?|(?P<vague>{VAGUE}))\s+(?P<unit>{UNIT})",
         length(), needs='{UNIT}'),
    Rule("duration",
         r"(?:(?:gut|knapp|etwa|fast|rund|mehr\s+als|weniger\s+als|über|mindestens|bis\s+zu)\s+)?"
         r"(?:(?:die|den)\s+(?:letzten|vergangenen|nächsten|kommenden|ersten)\s+)?"
         r"(?:(?P<num>{NUMX})(?:{HALF})?|(?P<vague>{VAGUE}))\s+(?P<unit>{UNIT})",
         length(), needs='{UNIT}'),
    Rule("compound_duration", r"(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+und\s+(?P<num2>{NUM})\s+(?P<unit2>{UNIT})",
         compound_length, needs='{UNIT}'),
    Rule("plural_units", r"(?:seit\s+)?(?P<unit>Jahren|Monaten|Wochen|Tagen|Stunden|Jahrzehnten)(?=\s)", length(),
         needs='{UNIT}'),
    Rule("same_day", r"(?:am\s+selben|am\s+gleichen|an\s+diesem|an\s+jenem)\s+(?P<unit>Tag)", anaphor(unit="day"),
         needs='tag'),
    Rule("present", r"jetzt|derzeit|zurzeit|zur\s+Zeit|gegenwärtig|aktuell|momentan|heutzutage|inzwischen|mittlerweile",
         ref("PRESENT_REF"), needs='jetzt|zeit|gegenwärtig|aktuell|momentan|heutzutage|inzwischen|mittlerweile'),
    Rule("past", r"kürzlich|vor\s+kurzem|jüngst|neulich|früher|damals|einst", ref("PAST_REF"),
         needs='kürzlich|kurzem|jüngst|neulich|früher|damals|einst'),
    Rule("future", r"bald|künftig|zukünftig|in\s+Zukunft|demnächst|später", ref("FUTURE_REF"),
         needs='bald|künftig|zukunft|demnächst|später'),
    Rule("every_unit", r"(?:jede[nrsm]?|alle)\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})", recur(), needs='{UNIT}'),
    Rule("adverb_sets", r"(?P<w>täglich|wöchentlich|monatlich|jährlich|stündlich|alljährlich)",
         lambda g, lex: recur({"tä": "P1D", "wö": "P1W", "mo": "P1M", "jä": "P1Y", "st": "PT1H", "al": "P1Y"}[
             g["w"][:2].lower()])(g, lex), needs='lich'),
)
