"""English: words and patterns of time expressions, with TimeBank's span conventions.

Spans follow TempEval-3 English annotation: a leading "the" and quantity modifiers ("nearly two
months", "more than four hours") are part of the expression; prepositions ("on", "in", "since") are not.
"""

from __future__ import annotations

from types import MappingProxyType

from .grammar import Rule, anaphor, block, length, lookup, point, recur, ref, shift
from .lexicon import Lexicon, frozen

__all__ = ["LEXICON", "MACROS", "RULES"]

_UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
          "weekend": "weekend", "fortnight": "week", "month": "month", "quarter": "quarter",
          "year": "year", "decade": "decade", "century": "century", "millennium": "millennium"}
_PLURALS = {"century": "centuries", "millennium": "millennia"}

_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_ORD_ONES = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9}
_ORD_TEENS = {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
              "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19}
_ORD_TENS = {"twentieth": 20, "thirtieth": 30}


def _ordinals() -> dict[str, int]:
    out = {**_ORD_ONES, **_ORD_TEENS, **_ORD_TENS, "final": 4}  # "the final quarter"
    for tens_word, tens in (("twenty", 20), ("thirty", 30)):
        for w, v in _ORD_ONES.items():
            if tens + v <= 31:
                out[f"{tens_word} {w}"] = out[f"{tens_word}-{w}"] = tens + v
    return out


def _year_words(text: str) -> int | None:
    """ "nineteen ninety-six" → 1996, "two thousand eight" → 2008."""
    words = text.replace("-", " ").split()
    numbers = {**_ONES, **_TEENS, **_TENS}
    if len(words) >= 2 and words[0] in ("nineteen", "eighteen", "twenty") and words[1] != "thousand":
        century = numbers[words[0]] * 100
        rest = sum(numbers.get(w, 0) for w in words[1:] if w != "hundred")
        return century + rest
    if len(words) >= 2 and words[0] == "two" and words[1] == "thousand":
        return 2000 + sum(numbers.get(w, 0) for w in words[2:] if w != "and")
    return None


LEXICON = Lexicon(
    code="en",
    months=frozen({
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    }),
    weekdays=frozen({
        "monday": 1, "tuesday": 2, "tues": 2, "wednesday": 3, "thursday": 4, "thurs": 4, "friday": 5,
        "saturday": 6, "sunday": 7,
    }),
    numbers=frozen({**_ONES, **_TEENS, **_TENS, "zero": 0}),
    multipliers=frozen({"hundred": 100, "thousand": 1000}),
    ordinals=frozen(_ordinals()),
    units=frozen({**_UNITS, **{_PLURALS.get(k, k + "s"): v for k, v in _UNITS.items()}}),
    day_words=frozen({"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0,
                      "the day before yesterday": -2, "the day after tomorrow": 2}),
    parts_of_day=frozen({"morning": "MO", "afternoon": "AF", "mid-afternoon": "AF", "mid afternoon": "AF",
                         "evening": "EV", "night": "NI", "overnight": "NI", "midday": "MI"}),
    seasons=frozen({"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}),
    relatives=frozen({"last": -1, "past": -1, "previous": -1, "preceding": -1, "this past": -1, "next": 1,
                      "coming": 1, "this coming": 1, "following": 1, "upcoming": 1, "this": 0, "current": 0}),
    vague=frozen({"several": None, "a few": None, "few": None, "some": None, "many": None, "a couple of": 2,
                  "couple of": 2, "a number of": None}),
    holidays=frozen({"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                     "new year's day": (1, 1), "new year 's day": (1, 1), "new year's eve": (12, 31),
                     "new year 's eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31),
                     "valentine's day": (2, 14), "valentine 's day": (2, 14)}),
    indefinite=("a", "an", "one"),
    connectors=("and",),
    capitalized=("may", "march", "mar", "jan", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec", "feb",
                 "apr", "tues", "thurs", "christmas", "halloween", "independence day"),
    # "had been scheduled", "had been due": a plan told in the past perfect is no cue for the future
    future_cues=(r"\b(?:will|'ll|wo|shall|would|may|might|should|going\s+to|plans?\s+to|planned\s+to|planning|"
                 r"intends?|hopes?|aims?|expects?|(?<!been\s)(?<!had\s)(?:expected|scheduled|set\s+to|due)|is\s+to|"
                 r"are\s+to|to\s+be\s+held|upcoming|next|coming|tomorrow|effective|payable|expires?)\b"),
    past_cues=(r"\b(?:was|were|had|did|ago|last|yesterday|earlier|previously|fell|rose|took|came|went|made|met|told|"
               r"left|began|became|gave|got|held|lost|sold|won|wrote|saw|ran|brought|bought|found|kept|led|spent|"
               r"sent|struck|stood|broke|chose|drove|flew|grew|knew|spoke|threw|sank|"
               r"(?<!\bbe\s)(?<!\bbeing\s)(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bstill\s)(?<!\bis\s)(?<!\bare\s)"
               r"(?!un)(?!(?:need|schedul|expect|plann|propos|intend|us|bas|link|relat|call|nam|entitl)ed\b)"
               r"(?!(?:succ|proc|exc|ind|n|sp|f|s|br|bl|h|d|w|gr)eed\b)[a-z]{2,}ed)\b"),
    future_before=(r"\b(?:until|till|by|ahead\s+of|starting|beginning|effective|due|payable|expires?|"
                   r"scheduled\s+(?:for|on)|set\s+for|planned\s+for|will\s+\w+\s+(?:on|in))"),
    past_before=r"\b(?:since|as\s+of|ended|ago|last|said|announced|reported|disclosed|told\s+\w+)",
    extra=frozen({
        "year_words": _year_words,
        "offset_words": frozen({"ago": -1, "earlier": -1, "before": -1, "later": 1, "after": 1, "from now": 1,
                                "hence": 1}),
        "clock_words": frozen({"noon": 12, "midday": 12, "midnight": 24}),
    }),
)

# Language macros: the building blocks the rules below share.
MACROS = MappingProxyType({
    "THE": r"(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)",
    "TH": r"(?:st|nd|rd|th)",
    "APPROX": (r"(?:about|around|almost|nearly|roughly|approximately|some|barely|at\s+least|"
               r"at\s+most|more\s+than|less\s+than|fewer\s+than|no\s+more\s+than|up\s+to|over(?!\s+the\b)|under|"
               r"just\s+over|just\s+under|well\s+over|a\s+full|a\s+mere|the\s+better\s+part\s+of)"),
    "EDGE": r"(?:early|late|mid|middle|earlier|later)",
    "EDGEOF": r"(?:the\s+)?(?:end|beginning|start|middle|close|turn|rest|remainder|balance)\s+of",
    "AMPM": r"(?:[ap]\.?\s?m\.?(?:\s?\.)?)",
    "ZONE": r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST)",
    "YEARW": (r"(?:(?:nineteen|eighteen|twenty)\s+(?:hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|"
              r"ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|"
              r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|o[\s-](?:one|two|three|four|five|six|"
              r"seven|eight|nine))|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|"
              r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?)"),
    "YEARX": (r"(?:(?<![\d.,$])(?P<year>{YEAR})(?![.,]?\d|\s*%|\s+(?:million|billion|thousand|percent|people|shares|"
              r"units|tons|barrels))|(?P<yearw>{YEARW}))"),
    "MDAY": r"(?:(?P<day>{DAY}){TH}?|(?P<dayw>{ORD}))",
    "Q": r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest)",
    "FISCAL": r"(?:fiscal\s+|calendar\s+)",
    "SMALLUNIT": r"(?:year|month|week|day|quarter)",
    "CLOCK": (r"(?:(?P<hour>{HOUR})(?:[:.](?P<minute>{MIN}))?\s*(?P<ampm>{AMPM})|(?P<hour2>{HOUR}):(?P<minute2>{MIN})"
              r"|(?P<noon>noon|midnight|midday))"),
})


def _clock_groups(build):
    """Let "16:08" fill the same hour/minute groups as "4:08 p.m."."""

    def wrapped(g, lex):
        if "hour2" in g:
            g = {**g, "hour": g["hour2"], "minute": g["minute2"]}
        return build(g, lex)

    return wrapped


def _quarter_ended(g, lex):
    """ "the quarter ended Sept. 30": the quarter holding most of the three months up to that day."""
    month = lookup(lex.months, g["month"])
    day = int(g["day"])
    mid = month - 1 if day < 15 else month  # the quarter's middle month lies a month and a half before its end
    return point(sub=f"Q{(mid - 2) % 12 // 3 + 1}", month=None, day=None)(g, lex)


_AS_DATE = length(relation=-1, unit="year", amount=1.0, as_date=True)
_OFFSET = r"(?:(?:\s+or\s+so)?\s+(?P<ago>ago|from\s+now|hence)|\s+(?:earlier|later))?"

RULES: tuple[Rule, ...] = (
    # ------------------------------------------------------------------- things that only look like time
    Rule("age", r"{NUM}[\s-]+years?[\s-]+old|aged\s+{NUM}", block, needs='old|aged'),
    Rule("fraction", r"(?:a|one|two|three)[\s-]+quarters?\s+of|(?:two|three)-quarters|quarter[\s-]+century|"
                     r"(?<!and\s)(?:a|one)\s+(?:half|third|quarter)\b(?!-)(?!\s+(?:{UNIT}|ago|earlier|later)\b)", block,
         needs='quarter|half|third'),
    Rule("as_soon_as", r"as\s+soon\s+as(?!\s+possible)", block, needs='soon'),
    Rule("ordinal_second", r"a\s+second(?!\s+(?:ago|later|earlier))", block, needs='second'),
    # ---------------------------------------------------------------------- full and partial dates
    Rule("iso_date", r"(?P<year>{YEAR})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>{DAY})(?!-)", point(), needs='\\d-\\d'),
    Rule("us_numeric_date", r"(?P<mnum>1[0-2]|0?[1-9])/(?P<day>{DAY})/(?P<year>{YEAR})", point(), needs='\\d/\\d'),
    Rule("month_day_year",
         r"(?:(?:(?P<rel>{REL})\s+)?(?P<wd>{WEEKDAY})\.?\s*,?\s*)?(?P<month>{MONTH})\.?\s+{MDAY}(?:\s*,\s*|\s+)(?:{YEARX})",
         point(), needs='{MONTH}'),
    Rule("day_month_year",
         r"(?:(?P<wd>{WEEKDAY})\.?\s*,?\s*)?(?:the\s+)?{MDAY}\s+(?:of\s+)?(?P<month>{MONTH})\.?\s*,?\s+(?:{YEARX})",
         point(), needs='{MONTH}'),
    Rule("coordinated_month_day",
         r"(?P<x>(?P<month>{MONTH})\.?\s+{MDAY})\s*(?:,|and|or|to|-|through)\s*(?:{MONTH}\.?\s+)?{DAY}(?:st|nd|rd|th)?"
         r"\s*,?\s+(?:{YEARX})",
         point(), needs='{MONTH}'),
    Rule("coordinated_month",
         r"(?P<x>(?P<month>{MONTH}))\s*(?:,|and|or|to|-|through)\s*{MONTH}\.?\s*,?\s+(?:{YEARX})", point(),
         needs='{MONTH}'),
    Rule("month_day",
         r"(?:(?:{THE}|(?P<rel>{REL})\s+)?(?P<wd>{WEEKDAY})\.?\s*(?:,\s*|\(\s*)?)?(?P<month>{MONTH})\.?\s+{MDAY}"
         r"(?(wd)(?:\s*\))?)(?!\s*(?:%|\d|million|billion))",
         point(), needs='{MONTH}'),
    Rule("day_month",
         r"(?:(?P<wd>{WEEKDAY})\.?\s*,?\s*)?(?:the\s+)?{MDAY}\s+(?:of\s+)?(?P<month>{MONTH})(?!\.?\s*,?\s*\d)",
         point(), needs='{MONTH}'),
    Rule("month_year", r"(?:{EDGE}[\s-]+|{EDGEOF}\s+)?(?P<month>{MONTH})\.?\s*,?\s+(?:of\s+)?(?:{YEARX})", point(),
         needs='{MONTH}'),
    Rule("month_rel_year",
         r"(?:{EDGE}[\s-]+|{EDGEOF}\s+)?(?P<month>{MONTH})\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year", point(),
         needs='{MONTH}'),
    Rule("month",
         r"(?:(?P<rel>this\s+past|this\s+coming|last|next|this|past|coming)\s+|{EDGE}[\s-]+|{EDGEOF}\s+)?"
         r"(?P<month>{MONTH})(?!\s*\.?\s*\d)",
         point(), needs='{MONTH}'),
    Rule("year",
         r"(?:{EDGEOF}\s+|{EDGE}[\s-]+|{FISCAL}|the\s+year\s+)?(?:{YEARX})(?:\s+and\s+beyond)?",
         point(), needs='\\d{4}|nineteen|eighteen|thousand'),
    Rule("year_period", r"the\s+(?:{YEARX})\s+(?:period|quarter|fiscal\s+quarter)", anaphor("quarter"),
         needs='\\d{4}|nineteen|eighteen|thousand'),
    Rule("decade",
         r"(?:{EDGEOF}\s+|the\s+)?(?:(?:early|late|mid)[\s-]+|last\s+half\s+of\s+the\s+|first\s+half\s+of\s+the\s+)?"
         r"(?P<decade>(?:1[5-9]|20)\d0)'?s",
         point(), needs="\\d0'?s"),
    Rule("decade_apostrophe",
         r"(?:{EDGEOF}\s+)?(?:the\s+)?(?:(?:early|late|mid)[\s-]+|last\s+half\s+of\s+the\s+)?'(?P<decade>[1-9]0)s",
         point(), needs="'\\d0s"),
    Rule("decade_words",
         r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:nineteen[\s-]+)?(?P<dw>twenties|thirties|forties|fifties|sixties|"
         r"seventies|eighties|nineties)",
         lambda g, lex: point(decade=190 + {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                                            "seventies": 7, "eighties": 8, "nineties": 9}[g["dw"].lower()])(g, lex),
         needs='ties'),
    Rule("short_year", r"(?:(?<=since\s)|(?<=\bin\s))'(?P<yy>\d\d)(?!\w)", point(), needs="'\\d\\d"),
    Rule("century",
         r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<century>\d{1,2}(?:st|nd|rd|th)|{ORD})[\s-]+century",
         point(), needs='century'),
    Rule("holiday", r"(?:(?P<rel>last|next|this)\s+)?(?P<holiday>{HOLIDAY})", point(), needs='{HOLIDAY}'),
    Rule("year_words", r"(?:the\s+year\s+)?(?P<yearw>{YEARW})", point(), needs='nineteen|eighteen|thousand|twenty'),
    # ------------------------------------------------------------------------- weekdays and times
    Rule("weekday",
         r"(?:(?P<rel>this\s+past|this\s+coming|last|next|this|coming|past|the\s+previous|the\s+following|"
         r"previous|following)\s+|earlier\s+|later\s+|late\s+|early\s+)?(?P<wd>{WEEKDAY})(?!\s*\.?\s*,?\s*(?:{MONTH}|\())",
         point(), needs='{WEEKDAY}'),
    Rule("weekday_part", r"(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<wd>{WEEKDAY})\s+(?P<part>{PART})", point(),
         needs='{WEEKDAY}'),
    Rule("part_weekday", r"(?P<part>{PART})\s+(?:on\s+)?(?P<wd>{WEEKDAY})", point(), needs='{WEEKDAY}'),
    Rule("clock_weekday",
         r"(?:(?:around|about)\s+)?{CLOCK}(?:\s+(?P<zone>{ZONE}))?\s*,?\s*(?:on\s+)?"
         r"(?:(?P<wd>{WEEKDAY})|(?P<month>{MONTH})\.?\s+{MDAY})",
         _clock_groups(point()), needs='\\d\\s*[ap]\\.?\\s?m|\\d[:.]\\d\\d|noon|midnight|midday'),
    Rule("weekday_clock", r"(?P<wd>{WEEKDAY})\s*,?\s+(?:at\s+)?{CLOCK}(?:\s+(?P<zone>{ZONE}))?", _clock_groups(point()),
         needs='{WEEKDAY}'),
    Rule("clock_dayword",
         r"{CLOCK}(?:\s+(?P<zone>{ZONE}))?\s*,?\s+(?P<dword>today|yesterday|tomorrow|tonight)",
         _clock_groups(shift(unit="day")), needs='\\d\\s*[ap]\\.?\\s?m|\\d[:.]\\d\\d|noon|midnight|midday'),
    Rule("clock", r"(?:(?:around|about)\s+)?{CLOCK}(?:\s*\(?\s*(?P<zone>{ZONE})(?:\s*[+-]\d+)?\s*\)?)?",
         _clock_groups(shift(unit="day", offset=0)), needs='\\d\\s*[ap]\\.?\\s?m|\\d[:.]\\d\\d|noon|midnight|midday'),
    Rule("clock_24", r"(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s+(?P<zone>GMT|UTC)", shift(unit="day", offset=0),
         needs='\\d{4}\\s+(?:gmt|utc)'),
    # ------------------------------------------------------------------------------- day words
    Rule("dayword",
         r"(?:(?:early|late|earlier|later)\s+)?(?P<dword>{DAYWORD})(?:\s+(?P<part>morning|afternoon|evening|night))?",
         shift(unit="day"), needs='{DAYWORD}'),
    Rule("tonight", r"(?:(?:early|late|later)\s+)?tonight", shift(unit="day", offset=0, part="NI", anaphoric=False),
         needs='tonight'),
    Rule("part_dayword", r"(?:(?:early|late|later)\s+)?(?P<part>{PART})\s+(?P<dword>today|yesterday|tomorrow)",
         shift(unit="day"), needs='{DAYWORD}'),
    Rule("this_part", r"(?:(?:early|late|earlier|later)\s+)?this\s+(?P<part>morning|afternoon|evening)",
         shift(unit="day", offset=0, anaphoric=False), needs='morning|afternoon|evening'),
    Rule("last_night", r"(?:late\s+)?last\s+night", shift(unit="day", offset=-1, part="NI"), needs='night'),
    Rule("overnight", r"overnight", shift(unit="day", offset=-1, part="NI"), needs='overnight'),
    Rule("one_day", r"(?:will|would|could|may|might|can)\s+(?P<x>one\s+day|some\s+day|someday)", ref("FUTURE_REF"),
         needs='day'),
    # --------------------------------------------------------------------------- relative periods
    Rule("rel_unit",
         r"(?:(?:early|late|mid|earlier|later)[\s-]+|{EDGEOF}\s+)?(?:the\s+)?(?P<rel>this\s+past|last|next|this|"
         r"coming|current|past|previous)\s+(?:fiscal\s+|calendar\s+)?(?P<unit>week|weekend|month|quarter|year|decade|century)"
         r"(?!\s*'s)",
         shift(), needs='{UNIT}'),
    Rule("rel_unit_possessive", r"(?P<x>(?P<rel>last|next|this)\s+(?P<unit>week|month|year))\s*'s", shift(),
         needs='{UNIT}'),
    Rule("rel_year_quarter",
         r"(?P<yrel>last|next|this)\s+year\s*'s\s+(?:fiscal\s+)?{Q}[\s-]+quarter", point(), needs='quarter'),
    Rule("latest_fiscal_year", r"the\s+(?:latest|last|most\s+recent|previous|past)\s+fiscal\s+year",
         shift(unit="year", offset=-1), needs='year'),
    Rule("edge_of_unit", r"{EDGEOF}\s+the\s+(?P<unit>week|month|quarter|decade|century)", shift(offset=0),
         needs='{UNIT}'),
    Rule("year_end", r"(?:around\s+)?(?:year[\s-]*end|year\s*'s\s+end|the\s+end\s+of\s+the\s+year)",
         point(month=12, day=31), needs='year'),
    Rule("season",
         r"(?:(?P<rel>this\s+past|this\s+coming|last|next|this|past|coming)\s+|the\s+)(?:(?:early|late|mid)[\s-]+)?"
         r"(?P<season>{SEASON})(?:\s+of\s+(?:{YEARX}))?(?!\s+(?:in|of)\b)",
         point(), needs='{SEASON}'),
    Rule("season_edge", r"(?:early|late|mid)[\s-]+(?P<season>{SEASON})(?!\s+(?:in|of)\b)", point(), needs='{SEASON}'),
    Rule("season_year", r"(?:(?:early|late|mid)[\s-]+)?(?P<season>{SEASON})\s+(?:of\s+)?(?:{YEARX})", point(),
         needs='{SEASON}'),
    Rule("quarter",
         r"(?:(?:{THE}|this\s+year\s*'s\s+)(?=(?:fiscal\s+)?[a-z0-9]+\s+(?:fiscal\s+)?quarter))?(?:{FISCAL})?{Q}[\s-]+(?:fiscal\s+)?quarter"
         r"(?:\s+of\s+(?:{FISCAL})?(?:{YEARX}))?(?!\s*-\s*century)",
         point(), needs='quarter'),
    Rule("quarter_rel_year", r"{THE}?{Q}[\s-]+quarter\s+of\s+(?P<yrel>this|last|next)\s+year", point(),
         needs='quarter'),
    Rule("year_quarter", r"(?:{THE})?(?:{FISCAL})?(?:{YEARX})\s*'?s?\s+(?:fiscal\s+)?{Q}[\s-]+quarter", point(),
         needs='quarter'),
    Rule("half",
         r"(?:{THE})?(?P<h>first|second|last|latter|1st|2nd)\s+half(?:\s+of\s+(?:{FISCAL})?(?:{YEARX}|"
         r"(?P<yrel>this|last|next)\s+year))?",
         lambda g, lex: point()({**g, "h": {"last": "2", "latter": "2"}.get(g["h"].lower(), g["h"])}, lex),
         needs='half'),
    Rule("quarter_ended",
         r"(?P<x>the\s+(?:fiscal\s+)?quarter)\s+(?:ended|ending|that\s+ended)\s+(?P<month>{MONTH})\.?\s+(?P<day>{DAY})",
         _quarter_ended, needs="quarter"),
    Rule("same_period_last_year",
         r"the\s+(?:corresponding|comparable|same|year-ago)\s+(?:period|quarter)\s+(?:of\s+|in\s+)?(?:a\s+year\s+(?:ago|earlier)|"
         r"(?:the\s+)?(?:last|previous|prior)\s+year)|last\s+year\s*'s\s+(?:quarter|period)",
         _AS_DATE, needs="year"),
    Rule("compared_last_year",
         r"(?:million|billion|cents|share|%)\s+(?P<x>last\s+year)(?!\s*'s)", _AS_DATE, needs="last"),
    Rule("current_quarter", r"the\s+(?:current|latest|most\s+recent)\s+quarter", anaphor("quarter"), needs='quarter'),
    Rule("the_quarter", r"(?:{THE}|that\s+|this\s+)(?:fiscal\s+)?quarter(?!\s*'s)(?!-)",
         anaphor("quarter"), needs='quarter'),
    Rule("latest_period", r"the\s+latest\s+(?:period|three\s+months)", anaphor("quarter"), needs='latest'),
    Rule("year_ago_period",
         r"(?:the\s+)?(?:comparable\s+|same\s+)?(?:year[\s-]+(?:ago|earlier)|prior[\s-]+year|previous[\s-]+year)\s+"
         r"(?:(?:first|second|third|fourth)\s+)?(?:quarter|period)",
         _AS_DATE, needs='year'),
    Rule("period_year_ago",
         r"the\s+(?:same\s+)?(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|of\s+(?:the\s+)?last\s+year)",
         _AS_DATE, needs='year'),
    Rule("month_year_ago",
         r"the\s+same\s+(?P<unit>month|week|day)\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)",
         lambda g, lex: anaphor(offset={"month": -12, "week": -52, "day": -365}[g["unit"].lower()])(g, lex),
         needs='year'),
    Rule("year_ago_adj", r"year[\s-]+(?:ago|earlier)", _AS_DATE, needs='year'),
    Rule("a_year_ago", r"a\s+year\s+(?:ago|earlier)", _AS_DATE, needs='year'),
    Rule("year_ended", r"the\s+(?:fiscal\s+)?year(?=\s+(?:ended|ending))", length(amount=1.0, unit="year"),
         needs='year'),
    Rule("the_unit",
         r"the\s+(?:same\s+|full\s+|entire\s+|whole\s+)?(?P<unit>day|week|year)(?!\s+(?:ended|ending|ends|to|before|"
         r"after|earlier|ago|later|of\s+the)\b)(?!\s*-)",
         anaphor(), needs='{UNIT}'),
    Rule("the_weekend", r"the\s+weekend", point(sub="WE"), needs='weekend'),
    Rule("unit_before", r"the\s+(?P<unit>day|week|month|year)\s+(?:before|previous|earlier|prior)(?!\s+(?:the|a|an|his|her|its|their)\b)",
         anaphor(offset=-1, explicit=True), needs="{UNIT}"),
    Rule("that_unit", r"(?:that|the\s+same)\s+(?P<unit>day|week|month|year)", anaphor(explicit=True), needs='{UNIT}'),
    Rule("following_unit",
         r"the\s+(?P<rel>following|previous|preceding|prior|next)\s+(?P<unit>day|week|month|year)(?!\s+or\b)",
         lambda g, lex: anaphor()({**g, "rel": "previous" if g["rel"].lower() in ("preceding", "prior") else g["rel"]}, lex),
         needs='{UNIT}'),
    # ----------------------------------------------------------------------------- durations
    Rule("duration",
         r"(?:{APPROX}\s+)?(?:the\s+(?:(?:past|last|next|first|previous|coming|final|latest|"
         r"remaining|following|initial|additional|same)\s+)?(?:(?:few|several|couple\s+of)\s+)?)?"
         r"(?:(?P<num>{NUM})|(?P<vague>{VAGUE}))(?P<half>\s+and\s+a\s+half)?(?:\s+(?:to|or|-)\s+{NUM})?"
         r"\s+(?:(?:more|additional|trading|business|working|calendar|straight|consecutive|full|long)\s+)?"
         r"(?P<unit>{UNIT})(?P<half2>\s+and\s+a\s+half)?" + _OFFSET,
         lambda g, lex: length()(_half(g), lex), needs='{UNIT}'),
    Rule("duration_indef",
         r"(?:{APPROX}\s+)?(?P<num>{INDEF})[\s-]+(?:(?:full|whole|long|additional|extra)\s+)?(?P<unit>{UNIT})"
         r"(?P<half2>\s+and\s+a\s+half)?" + _OFFSET,
         lambda g, lex: length()(_half(g), lex), needs='{UNIT}'),
    Rule("half_unit", r"(?:{APPROX}\s+)?(?:a\s+)?half[\s-]+(?:an?\s+)?(?P<unit>hour|day|year|century|decade)",
         length(amount=0.5), needs='half'),
    Rule("duration_adj", r"(?P<num>{NUM}|several|multi)-(?P<unit>{UNIT})(?:-long|-old)?",
         lambda g, lex: length()(g if g["num"].lower() not in ("several", "multi") else {"unit": g["unit"]}, lex),
         needs='{UNIT}'),
    Rule("plural_units",
         r"(?:the\s+(?:(?:past|last|next|coming|previous|following|early|first)\s+)?(?:few\s+|several\s+)?|"
         r"coming\s+(?:few\s+|several\s+)?)?"
         r"(?P<unit>years|months|weeks|days|hours|minutes|decades|centuries)"
         r"(?:\s+(?:or|and)\s+(?:years|months|weeks|days|hours))?(?P<ago>\s+ago)?"
         r"(?:\s+(?:ahead|to\s+come))?",
         length(), needs='{UNIT}'),
    Rule("recent_years", r"recent\s+years", ref("PAST_REF"), needs="recent"),  # "in recent years" = recently
    Rule("recent_units", r"recent\s+(?P<unit>years|months|weeks|days|quarters)(?:\s+(?:or|and)\s+(?:years|months|weeks|days))?",
         length(), needs='{UNIT}'),
    Rule("some_time", r"(?:some|a\s+long|a\s+short)\s+time", length(unit="month"), needs='time'),
    Rule("a_while", r"a\s+while|a\s+(?:fairly\s+|very\s+)?(?:long|lengthy|short|brief)\s+(?:period|time)",
         length(unit="period"), needs='while|period|time'),
    Rule("unit_period", r"an?\s+(?P<num>{NUM})[\s-]+(?P<unit>year|month|week|day)\s+period", length(), needs='period'),
    # -------------------------------------------------------------------------------- references
    Rule("present", r"now|currently|nowadays|these\s+days|at\s+the\s+moment|at\s+present|"
                    r"at\s+this\s+(?:time|point)|for\s+now|the\s+present|presently|current(?:ly)?", ref("PRESENT_REF"),
         needs='now|current|these|moment|present|time|point'),
    Rule("past", r"then[\s-]+current|recent(?:ly)?|the\s+past|lately|formerly|once\s+upon\s+a\s+time|past\s+years|more\s+recently",
         ref("PAST_REF"), needs='recent|past|lately|formerly|once|then'),
    Rule("future", r"soon(?!-)|the\s+(?:near\s+|distant\s+)?future|future\s+(?:years|quarters|months)|"
                   r"the\s+(?:near|short|long)\s+term|"
                   r"as\s+soon\s+as\s+possible|in\s+the\s+coming\s+(?:days|weeks|months|years)|later\s+on|"
                   r"a\s+later\s+date", ref("FUTURE_REF"), needs='soon|future|term|later|eventually|coming'),
    # ---------------------------------------------------------------------------------- sets
    Rule("every_weekday", r"(?:every|each)\s+(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?", recur(), needs='{WEEKDAY}'),
    Rule("weekdays_plural", r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s", recur(),
         needs='{WEEKDAY}'),
    Rule("every_month", r"(?:every|each)\s+(?P<month>{MONTH})", recur(), needs='{MONTH}'),
    Rule("every_unit", r"(?:every|each)\s+(?:(?P<num>{NUM})\s+)?(?:other\s+)?(?P<unit>{UNIT})", recur(),
         needs='{UNIT}'),
    Rule("every_part", r"(?:every|each)\s+(?P<part>morning|afternoon|evening|night)", recur(),
         needs='morning|afternoon|evening|night'),
    # "$500 million a year", "358,000 a month": a rate, which TimeBank marks as a set only one time in three
    Rule("rate",
         r"(?:\d|million|billion|thousand|hundred|dozen)\S*\s+(?:\S+\s+){0,2}?(?P<x>(?:a|per)\s+(?:year|month|week|day|hour))"
         r"(?!\s+(?:ago|earlier|later|before|after|or)\b)",
         block, needs='{UNIT}'),
    # TimeBank marks "daily" and "annually" in one case out of five: left out; "annual" in one of two
    Rule("adverb_sets", r"(?P<w>weekly|monthly|yearly|hourly|nightly|annual)",
         lambda g, lex: recur({"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
                               "hourly": "PT1H", "nightly": "TNI", "annual": "P1Y"}[g["w"].lower()])(g, lex),
         needs='ly\\b|annual'),
)


def _half(g):
    if "half2" in g:
        return {**g, "half": g["half2"]}
    return g
