"""French: words and patterns of time expressions.

Spans follow the TimeML habit of the other grammars: articles and "il y a" in "il y a deux semaines"
are part of the expression, plain prepositions ("en", "depuis") are not.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from .grammar import Rule, anaphor, compound_length, length, point, recur, ref, shift
from .lexicon import Lexicon, frozen

__all__ = ["LEXICON", "MACROS", "RULES"]

_NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
            "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
            "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100}
_EIGHTY = re.compile(r"quatre[\s-]vingts?")


def _compound_number(text: str) -> int | None:
    """ "quatre-vingt-dix" → 90: "quatre-vingt" is one number, not four and twenty."""
    if not _EIGHTY.search(text):
        return None
    rest = _EIGHTY.sub("", text).strip(" -")
    tail = sum(_NUMBERS.get(w, 0) for w in re.split(r"[\s-]+", rest) if w and w != "et")
    return 80 + tail


_UNITS = {"seconde": "second", "secondes": "second", "minute": "minute", "minutes": "minute", "heure": "hour",
          "heures": "hour", "jour": "day", "jours": "day", "journée": "day", "journées": "day", "semaine": "week",
          "semaines": "week", "quinzaine": "week", "mois": "month", "trimestre": "quarter", "trimestres": "quarter",
          "semestre": "half", "semestres": "half", "an": "year", "ans": "year", "année": "year", "années": "year",
          "décennie": "decade", "décennies": "decade", "siècle": "century", "siècles": "century",
          "week-end": "weekend", "week-ends": "weekend"}

LEXICON = Lexicon(
    code="fr",
    months=frozen({"janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4,
                   "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "sept": 9,
                   "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "déc": 12}),
    weekdays=frozen({"lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6, "dimanche": 7}),
    numbers=frozen(_NUMBERS),
    multipliers=frozen({"mille": 1000}),
    ordinals=frozen({"premier": 1, "première": 1, "1er": 1, "deuxième": 2, "second": 2, "seconde": 2,
                     "troisième": 3, "quatrième": 4, "dernier": 4}),
    units=frozen(_UNITS),
    day_words=frozen({"aujourd'hui": 0, "aujourd’hui": 0, "hier": -1, "demain": 1, "avant-hier": -2,
                      "après-demain": 2}),
    parts_of_day=frozen({"matin": "MO", "matinée": "MO", "midi": "MI", "après-midi": "AF", "soir": "EV",
                         "soirée": "EV", "nuit": "NI"}),
    seasons=frozen({"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"}),
    relatives=frozen({"dernier": -1, "dernière": -1, "passé": -1, "passée": -1, "précédent": -1, "précédente": -1,
                      "prochain": 1, "prochaine": 1, "suivant": 1, "suivante": 1, "ce": 0, "cet": 0, "cette": 0,
                      "en cours": 0}),
    vague=frozen({"plusieurs": None, "quelques": None, "de nombreux": None, "de nombreuses": None,
                  "une dizaine de": 10, "une quinzaine de": 15, "une vingtaine de": 20, "une centaine de": 100}),
    holidays=frozen({"noël": (12, 25), "noel": (12, 25), "nouvel an": (1, 1), "jour de l'an": (1, 1),
                     "fête nationale": (7, 14), "toussaint": (11, 1)}),
    indefinite=("un", "une"),
    connectors=("et",),
    future_cues=(r"\b(?:va|vont|allons|devra|devront|\w+ra|\w+ront|\w+rai|\w+rons|prévu\w*|prochain\w*|demain|"
                 r"compte|doit|doivent)\b"),
    past_cues=(r"\b(?:était|étaient|fut|furent|hier|dernier|dernière|passé\w*|"
               r"(?:a|ont|avait|avaient|est|sont|était|étaient)\s+(?:\w+\s+)?\w+(?:é|ée|és|ées|i|is|u|us|it|te))\b"),
    future_before=r"\b(?:jusqu['’]\s*(?:au|à)|d['’]ici|à\s+partir\s+d[eu]|avant\s+l[ea]|dès)",
    past_before=r"\b(?:depuis|il\s+y\s+a)",
    extra=frozen({
        "compound_number": _compound_number,
        "offset_words": frozen({"il y a": -1, "dans": 1}),
    }),
)

MACROS = MappingProxyType({
    "ART": r"(?:le|la|les|l['’]|du|au|aux|ce|cet|cette|ces)",
    "MDAY": r"(?:(?P<day>{DAY})(?:er)?|(?P<dayw>premier|1er))",
    "YEARX": r"(?:(?<![\d.,$])(?P<year>{YEAR})(?![.,]?\d|\s*%|\s+(?:millions|milliards|euros|dollars|personnes)))",
    "EDGE": r"(?:(?:au\s+|en\s+)?(?:début|fin|milieu)\s+(?:d['’]|de\s+|du\s+)?|mi-)",
    "REL": r"(?:dernier|dernière|passé|passée|précédent|précédente|prochain|prochaine|suivant|suivante)",
})

RULES: tuple[Rule, ...] = (
    Rule("iso_date", r"(?P<year>{YEAR})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>{DAY})(?!-)", point(), needs='\\d-\\d'),
    Rule("numeric_date", r"(?P<day>{DAY})/(?P<mnum>1[0-2]|0?[1-9])/(?P<year>{YEAR})", point(), needs='\\d/\\d'),
    Rule("date",
         r"(?:(?:le|du|au)\s+)?(?:(?P<wd>{WEEKDAY})\s+)?{MDAY}\s+(?P<month>{MONTH})\.?(?:\s+(?:{YEARX}))?"
         r"(?:\s+(?P<rel>prochain|dernier))?",
         point(), needs='{MONTH}'),
    Rule("weekday_paren_date",
         r"(?:(?:le|ce)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<rel>{REL}))?\s*\(\s*{MDAY}\s+(?P<month>{MONTH})\.?"
         r"(?:\s+(?:{YEARX}))?\s*\)",
         point(), needs='{MONTH}'),
    Rule("month_year", r"(?:{EDGE})?(?P<month>{MONTH})\.?\s+(?:{YEARX})", point(), needs='{MONTH}'),
    Rule("month", r"(?:{EDGE})?(?:(?:le\s+)?mois\s+d['’]\s*|de\s+)?(?P<month>{MONTH})(?:\s+(?P<rel>dernier|prochain))?"
                  r"(?!\s*\d)", point(), needs='{MONTH}'),
    Rule("year", r"(?:{EDGE}|(?:l['’])?(?:année|an)\s+)?(?:{YEARX})", point(), needs='\\d{4}'),
    Rule("decade", r"(?:les\s+)?années\s+(?P<decade>(?:19|20)?\d0)", point(), needs='années'),
    Rule("holiday", r"(?P<holiday>{HOLIDAY})", point(), needs='{HOLIDAY}'),
    Rule("weekday",
         r"(?:(?:le|ce)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>matin|après-midi|soir|midi))?(?:\s+(?P<rel>{REL}))?"
         r"(?!\s+\d)",
         point(), needs='{WEEKDAY}'),
    Rule("weekdays_set", r"(?:chaque\s+(?P<wd>{WEEKDAY})|tous\s+les\s+(?P<wd__2>lundi|mardi|mercredi|jeudi|vendredi|"
                         r"samedi|dimanche)s)", recur(), needs='{WEEKDAY}'),
    Rule("dayword", r"(?P<dword>aujourd['’]hui|hier|demain|avant-hier|après-demain)(?:\s+(?P<part>matin|après-midi|soir))?",
         shift(unit="day"), needs='{DAYWORD}'),
    Rule("this_part", r"(?:ce|cet|cette)\s+(?P<part>matin|après-midi|soir|nuit|matinée|soirée)",
         shift(unit="day", offset=0, anaphoric=False), needs='{PART}'),
    Rule("clock", r"(?:vers\s+)?(?P<hour>{HOUR})\s*(?:h|heures?)\s*(?P<minute>{MIN})?(?:\s+(?P<zone>GMT|UTC))?",
         shift(unit="day", offset=0), needs='\\d\\s*h'),
    Rule("rel_unit",
         r"(?:{ART}\s*)(?P<unit>semaine|mois|année|an|trimestre|week-end|décennie|siècle)\s+(?P<rel>{REL}|en\s+cours)",
         shift(), needs='{UNIT}'),
    Rule("this_unit", r"(?P<rel>ce|cet|cette)\s+(?P<unit>semaine|mois|année|an|trimestre|week-end|siècle)(?:-ci)?",
         shift(), needs='{UNIT}'),
    Rule("edge_unit", r"(?:{EDGE})(?:l['’]|la\s+)?(?P<unit>année|semaine|mois)(?:\s+(?P<rel>{REL}))?",
         lambda g, lex: shift(offset=0)(g, lex), needs='{UNIT}'),
    Rule("quarter",
         r"(?:(?:le|au|du)\s+)?(?P<q>premier|deuxième|second|troisième|quatrième|dernier)\s+trimestre"
         r"(?:\s+(?:{YEARX}))?", point(), needs='trimestre'),
    Rule("season", r"(?:(?:l['’]|le|cet|ce)\s*)(?P<season>{SEASON})(?:\s+(?P<rel>{REL}))?(?:\s+(?:{YEARX}))?", point(),
         needs='{SEASON}'),
    Rule("ago",
         r"(?P<ago>il\s+y\s+a)\s+(?:(?:près\s+de|presque|environ|plus\s+de)\s+)?(?:(?P<num>{NUM})|(?P<vague>{VAGUE}))"
         r"\s+(?P<unit>{UNIT})(?:\s+et\s+(?P<half>demie?))?",
         length(), needs='{UNIT}'),
    Rule("in_future",
         r"(?P<ago>dans)\s+(?:(?P<num>{NUM})|(?P<vague>{VAGUE}))\s+(?P<unit>{UNIT})(?:\s+et\s+(?P<half>demie?))?",
         length(), needs='{UNIT}'),
    Rule("duration",
         r"(?:(?:près\s+de|presque|environ|plus\s+de|moins\s+de|au\s+moins)\s+)?"
         r"(?:(?:les|ces)\s+(?:(?:derniers|dernières|prochains|prochaines|premiers|premières)\s+)?)?"
         r"(?:(?P<num>{NUM})|(?P<vague>{VAGUE}))\s+(?:(?:derniers|dernières|prochains|prochaines)\s+)?"
         r"(?P<unit>{UNIT})(?:\s+et\s+(?P<half>demie?))?",
         length(), needs='{UNIT}'),
    Rule("compound_duration", r"(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+et\s+(?P<num2>{NUM})\s+(?P<unit2>{UNIT})",
         compound_length, needs='{UNIT}'),
    Rule("same_day", r"(?:le\s+même|ce)\s+(?P<unit>jour)(?:-là)?", anaphor(unit="day"), needs='jour'),
    Rule("present", r"maintenant|actuellement|à\s+présent|en\s+ce\s+moment|de\s+nos\s+jours|aujourd['’]hui\s+encore",
         ref("PRESENT_REF"), needs='maintenant|actuellement|présent|moment|jours|aujourd'),
    Rule("past", r"récemment|naguère|autrefois|jadis|dernièrement|il\s+y\s+a\s+peu", ref("PAST_REF"),
         needs='récemment|naguère|autrefois|jadis|dernièrement|peu'),
    Rule("future", r"bientôt|prochainement|à\s+l['’]avenir|dans\s+le\s+futur|plus\s+tard", ref("FUTURE_REF"),
         needs='bientôt|prochainement|avenir|futur|tard'),
    Rule("every_unit", r"(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})", recur(),
         needs='{UNIT}'),
    Rule("adjective_sets", r"(?P<w>quotidien(?:ne)?s?|hebdomadaires?|mensuel(?:le)?s?|annuel(?:le)?s?|"
                           r"quotidiennement|annuellement|mensuellement)",
         lambda g, lex: recur({"qu": "P1D", "he": "P1W", "me": "P1M", "an": "P1Y"}[g["w"][:2].lower()])(g, lex),
         needs='quotidien|hebdomadaire|mensuel|annuel'),
)
