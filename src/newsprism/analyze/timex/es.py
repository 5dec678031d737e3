"""Spanish: words and patterns of time expressions, with the span conventions of TimeBank Spanish.

Articles and contracted prepositions are part of the expression ("el próximo lunes", "del pasado
sábado", "al año"), as is "hace" in "hace dos años"; plain prepositions ("en", "desde") are not.
"""

from __future__ import annotations

from types import MappingProxyType

from .grammar import Rule, anaphor, compound_length, length, point, recur, ref, shift
from .lexicon import Lexicon, frozen

__all__ = ["LEXICON", "MACROS", "RULES"]

_ONES = {"uno": 1, "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
         "ocho": 8, "nueve": 9}
_TEENS = {"diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16,
          "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21,
          "veintiún": 21, "veintiuna": 21, "veintidós": 22, "veintidos": 22, "veintitrés": 23, "veintitres": 23,
          "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintiseis": 26, "veintisiete": 27,
          "veintiocho": 28, "veintinueve": 29}
_TENS = {"treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
         "noventa": 90}
_HUNDREDS = {"cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
             "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600, "setecientos": 700,
             "ochocientos": 800, "novecientos": 900}
_UNITS = {"segundos": "second", "minuto": "minute", "minutos": "minute", "hora": "hour", "horas": "hour",
          "día": "day", "días": "day", "dia": "day", "dias": "day",
          "semana": "week", "semanas": "week", "quincena": "week", "fin de semana": "weekend",
          "fines de semana": "weekend", "mes": "month", "meses": "month",
          "trimestre": "quarter", "trimestres": "quarter", "semestre": "half", "semestres": "half",
          "año": "year", "años": "year", "década": "decade", "décadas": "decade", "decenio": "decade",
          "siglo": "century", "siglos": "century", "milenio": "millennium", "milenios": "millennium"}


def _year_words(text: str) -> int | None:
    """ "mil novecientos noventa y seis" → 1996, "dos mil ocho" → 2008."""
    words = [w for w in text.split() if w != "y"]
    total = 0
    if words[:1] == ["mil"]:
        total, words = 1000, words[1:]
    elif words[:2] == ["dos", "mil"]:
        total, words = 2000, words[2:]
    else:
        return None
    for w in words:
        total += {**_ONES, **_TEENS, **_TENS, **_HUNDREDS}.get(w, 0)
    return total


LEXICON = Lexicon(
    code="es",
    months=frozen({
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
        "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    }),
    weekdays=frozen({"lunes": 1, "martes": 2, "miércoles": 3, "miercoles": 3, "jueves": 4, "viernes": 5,
                     "sábado": 6, "sabado": 6, "domingo": 7}),
    numbers=frozen({**_ONES, **_TEENS, **_TENS, **_HUNDREDS}),
    multipliers=frozen({"mil": 1000}),
    ordinals=frozen({"primero": 1, "primer": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercero": 3, "tercer": 3,
                     "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "sexto": 6, "séptimo": 7, "octavo": 8,
                     "noveno": 9, "décimo": 10, "último": 4, "última": 4, "uno": 1}),
    units=frozen(_UNITS),
    day_words=frozen({"hoy": 0, "ayer": -1, "mañana": 1, "anteayer": -2, "antier": -2, "antes de ayer": -2,
                      "pasado mañana": 2}),
    parts_of_day=frozen({"mañana": "MO", "madrugada": "MO", "tarde": "AF", "noche": "NI", "mediodía": "MI",
                         "mediodia": "MI", "medianoche": "NI"}),
    seasons=frozen({"primavera": "SP", "verano": "SU", "otoño": "FA", "invierno": "WI"}),
    relatives=frozen({"pasado": -1, "pasada": -1, "último": -1, "última": -1, "anterior": -1, "próximo": 1,
                      "próxima": 1, "proximo": 1, "proxima": 1, "que viene": 1, "venidero": 1, "venidera": 1,
                      "entrante": 1, "siguiente": 1, "este": 0, "esta": 0, "actual": 0, "en curso": 0}),
    vague=frozen({"varios": None, "varias": None, "unos": None, "unas": None, "algunos": None, "algunas": None,
                  "pocos": None, "pocas": None, "muchos": None, "muchas": None, "un par de": 2, "unos pocos": None,
                  "unas pocas": None}),
    holidays=frozen({"navidad": (12, 25), "navidades": (12, 25), "nochebuena": (12, 24), "nochevieja": (12, 31),
                     "año nuevo": (1, 1), "día de reyes": (1, 6), "primero de mayo": (5, 1),
                     "día del trabajo": (5, 1)}),
    indefinite=("un", "una", "uno"),
    connectors=("y",),
    future_cues=(r"\b(?:\w+(?:rá|rán|ré|rás|remos|réis|ría|rían)|va\s+a|van\s+a|vamos\s+a|próxim\w+|previst\w+|"
                 r"prevé|prevén|planea\w*|espera\w*|pretende\w*|mañana|viene|venidero)\b"),
    past_cues=(r"\b(?:fue|fueron|era|eran|había|habían|hubo|hizo|dijo|ayer|pasad[oa]|"
               r"(?:ha|han|he|has|hemos|había|habían|hubo|haya)\s+\w+(?:ado|ido|to|cho)|\w+(?:ó|aron|ieron|ió|aba|aban))\b"),
    future_before=r"\b(?:a\s+partir\s+del?|para|antes\s+del?|dentro\s+de)",
    past_before=r"\b(?:desde|hace|tras)",
    extra=frozen({
        "year_words": _year_words,
        "offset_words": frozen({"hace": -1, "dentro de": 1}),
        "clock_words": frozen({"mediodía": 12, "mediodia": 12, "medianoche": 24}),
    }),
)

MACROS = MappingProxyType({
    "ART": r"(?:el|la|los|las|del|al)",
    "DET": r"(?:el|la|los|las|del|al|este|esta|estos|estas|ese|esa|aquel|aquella)",
    "YEARX": (r"(?:(?<![\d.,$'’-])(?P<year>{YEAR})(?![.,]?\d|\s*%|\s+(?:millones|euros|dólares|pesetas|personas|kilos))"
              r"|(?P<yearw>(?:dos\s+mil|mil\s+(?:novecientos|ochocientos))(?:\s+{NUMWORD}(?:\s+y\s+{NUMWORD})?)?))"),
    "MDAY": r"(?:(?P<day>{DAY})|(?P<dayw>primero|uno))",
    "EDGE": (r"(?:(?:al|a\s+la|el|del)\s+(?:final|fin|principio|comienzo|inicio|mitad)|principios|finales|mediados|"
             r"comienzos|fines|inicios|(?:los\s+)?(?:primeros|últimos)\s+días)\s+(?:de|del)\s+(?:(?:la|el)\s+)?"),
    "APPROX": (r"(?:más\s+de|menos\s+de|cerca\s+de|casi|unos|unas|al\s+menos|por\s+lo\s+menos|apenas|alrededor\s+de|"
               r"aproximadamente|hasta|sólo|solo|solamente)"),
    "PREV": r"(?:pasad[oa]|próxim[oa]|proxim[oa]|últim[oa])",
    "POST": r"(?:pasad[oa]|próxim[oa]|proxim[oa]|que\s+viene|venider[oa]|entrante|anterior|siguiente)",
    "CLOCK": r"(?P<hour>{HOUR})",
    "HOURWORD": r"(?:una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)",
    # a bare hour ("las dos") is only a time when something says so: "horas", "de la tarde", "en punto"
    "CLOCKNEED": (r"(?=\s+(?:horas|hrs|h\b|en\s+punto|y\s+media|y\s+cuarto|de\s+la\s+(?:mañana|tarde|noche|madrugada)|"
                  r"hora\s+local|gmt|utc))"),
    "CLOCKTAIL": (r"(?:\s+(?:horas|hrs|h))?(?:\s+(?:en\s+punto|y\s+media|y\s+cuarto))?"
                  r"(?:\s+de\s+la\s+(?P<pm_part>mañana|tarde|noche|madrugada))?"
                  r"(?:\s+(?:hora\s+local|\(?(?P<zone>gmt|utc)\)?))?"
                  r"(?:\s+(?:de|del)\s+(?P<dword>hoy|ayer|mañana))?"),
})

_PLURAL_UNITS = r"(?:años|meses|semanas|días|horas|minutos|décadas|siglos)"

RULES: tuple[Rule, ...] = (
    # ---------------------------------------------------------------------- full and partial dates
    Rule("iso_date", r"(?P<year>{YEAR})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>{DAY})(?!-)", point(), needs='\\d-\\d'),
    Rule("numeric_date", r"(?P<day>{DAY})/(?P<mnum>1[0-2]|0?[1-9])/(?P<year>{YEAR})", point(), needs='\\d/\\d'),
    Rule("date",
         r"(?:{ART}\s+)?(?:(?P<rel>{PREV})\s+)?(?:(?P<wd>{WEEKDAY})\s*,?\s*)?(?:día\s+)?{MDAY}\s+de\s+"
         r"(?P<month>{MONTH})(?:\s+(?:de|del)\s+(?:{YEARX}))?(?:\s+(?P<rel__2>{POST}))?",
         point(), needs='{MONTH}'),
    Rule("weekday_paren_date",
         r"(?:{ART}\s+)?(?:(?P<rel>{PREV})\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<rel__2>{POST}))?\s*\(\s*(?:día\s+)?{MDAY}"
         r"\s+de\s+(?P<month>{MONTH})(?:\s+(?:de|del)\s+(?:{YEARX}))?\s*\)",
         point(), needs='{MONTH}'),
    Rule("day_range_first",
         r"(?P<x>(?:el|del|entre\s+el|los\s+días)\s+(?:día\s+)?(?P<day>{DAY}))\s+(?:y|al|a)\s+(?:el\s+)?(?:día\s+)?{DAY}\s+de\s+"
         r"(?P<month>{MONTH})",
         point(), needs='{MONTH}'),
    Rule("day_only",
         r"(?:{ART}\s+)?(?:(?P<rel>{PREV})\s+)?día\s+(?P<day>{DAY})(?!\s*(?:de\s+{MONTH}|%|\d))", point(),
         needs='día\\s+\\d'),
    Rule("day_only_range", r"(?:al|a)\s+(?:día\s+)?(?P<day>{DAY})(?=\s+(?:en|de\s+(?!{MONTH})))", point(),
         needs='\\b(?:al|a)\\s+(?:día\\s+)?\\d'),
    Rule("coordinated_month",
         r"(?P<x>(?P<month>{MONTH}))\s+(?:y|a|al|o)\s+(?:{MONTH})\s+(?:de|del)\s+(?:{YEARX})", point(),
         needs='{MONTH}'),
    Rule("coordinated_date",
         r"(?P<x>(?:{ART}\s+)?{MDAY}\s+de\s+(?P<month>{MONTH}))\s+(?:y|al|a|o)\s+(?:el\s+)?{DAY}\s+de\s+{MONTH}"
         r"\s+(?:de|del)\s+(?:{YEARX})",
         point(), needs='{MONTH}'),
    Rule("month_year",
         r"(?:{EDGE})?(?:(?:el\s+)?mes\s+de\s+)?(?P<month>{MONTH})\s+(?:de|del)\s+(?:{YEARX})", point(),
         needs='{MONTH}'),
    Rule("month_rel_year",
         r"(?:{EDGE})?(?P<month>{MONTH})\s+(?:de|del)\s+(?:(?P<yrel>este|pasado|próximo)\s+año|año\s+(?P<yrel__2>pasado|próximo))",
         point(), needs='{MONTH}'),
    Rule("month",
         r"(?:{EDGE})?(?:(?:el\s+)?(?P<rel>{PREV})\s+)?(?:(?:el\s+)?mes\s+de\s+)?(?P<month>{MONTH})"
         r"(?:\s+(?P<rel__2>{POST}))?",
         point(), needs='{MONTH}'),
    Rule("year", r"(?:{EDGE})?(?:{ART}\s+)?(?:años?\s+)?(?:{YEARX})(?:\s*-\s*{YEAR})?", point(), needs='\\d{4}|mil'),
    Rule("decade",
         r"(?:(?:la\s+)?década\s+de\s+los|los\s+años)\s+(?P<dw>veinte|treinta|cuarenta|cincuenta|sesenta|setenta|"
         r"ochenta|noventa)",
         lambda g, lex: point(decade=190 + {"veinte": 2, "treinta": 3, "cuarenta": 4, "cincuenta": 5, "sesenta": 6,
                                            "setenta": 7, "ochenta": 8, "noventa": 9}[g["dw"].lower()])(g, lex),
         needs='década|años'),
    Rule("decade_digits", r"(?:(?:la\s+)?década\s+de\s+los|los\s+años)\s+(?P<decade>(?:19|20)?[0-9]0)(?!\d)", point(),
         needs='década|años'),
    Rule("century",
         r"(?:{ART}\s+|este\s+|(?P<rel>{PREV})\s+)?siglo\s+(?P<century>[XVI]+|\d{1,2})\b(?!\s+de)", point(),
         needs='siglo'),
    Rule("this_century", r"(?P<rel>este|el\s+próximo|el\s+pasado)\s+siglo",
         lambda g, lex: shift(unit="century")({"rel": g["rel"].split()[-1]}, lex), needs='siglo'),
    Rule("holiday", r"(?:{ART}\s+)?(?P<holiday>{HOLIDAY})", point(), needs='{HOLIDAY}'),
    # ------------------------------------------------------------------------- weekdays and days
    Rule("dayword_weekday", r"(?P<dword>hoy|ayer|mañana)\s*,?\s*(?:{WEEKDAY})", shift(unit="day"), needs='{DAYWORD}'),
    Rule("weekday",
         r"(?:{ART}\s+)?(?:(?P<rel>pasado|próximo|proximo|último)\s+|este\s+)?(?P<wd>{WEEKDAY})"
         r"(?:\s+(?P<rel__2>pasado|próximo|que\s+viene|venidero|siguiente|anterior))?(?!\s*,?\s*(?:día\s+)?\d)",
         point(), needs='{WEEKDAY}'),
    Rule("weekday_part",
         r"(?:{ART}\s+)?(?P<wd>{WEEKDAY})\s+(?:por\s+la\s+|en\s+la\s+|a\s+la\s+)?(?P<part>mañana|tarde|noche|madrugada)",
         point(), needs='{WEEKDAY}'),
    Rule("dayword", r"(?P<dword>hoy|ayer|anteayer|antier|pasado\s+mañana)", shift(unit="day"), needs='{DAYWORD}'),
    Rule("tomorrow", r"(?<!la\s)(?<!esta\s)(?<!por\s)(?P<dword>mañana)(?!\s+(?:de|del)\s+(?:hoy|ayer))",
         shift(unit="day"), needs='mañana'),
    Rule("dayword_part",
         r"(?P<dword>hoy|ayer|mañana)\s+(?:por\s+la|a\s+la|en\s+la)\s+(?P<part>mañana|tarde|noche|madrugada)",
         shift(unit="day"), needs='{DAYWORD}'),
    Rule("the_day_of", r"(?:el|al)\s+día\s+de\s+(?P<dword>hoy|ayer|mañana)", shift(unit="day"), needs='día\\s+de'),
    Rule("tonight", r"(?P<part>esta\s+(?:mañana|tarde|noche|madrugada))",
         lambda g, lex: shift(unit="day", offset=0, anaphoric=False)({"part": g["part"].split()[-1]}, lex),
         needs='esta\\s'),
    Rule("last_night", r"anoche", shift(unit="day", offset=-1, part="NI"), needs='anoche'),
    Rule("part_of_day_of",
         r"(?:la|esta)\s+(?P<part>mañana|tarde|noche|madrugada)\s+(?:de|del)\s+(?:(?P<dword>hoy|ayer|mañana)"
         r"(?:\s*,?\s*{WEEKDAY})?|(?:(?P<rel>{PREV})\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<rel__2>{POST}))?)",
         lambda g, lex: (shift(unit="day") if "dword" in g else point())(g, lex), needs='{PART}'),
    Rule("part_of_that_day", r"(?:la|esa)\s+(?P<part>mañana|tarde|noche|madrugada)(?!\s+(?:de|del)\s)",
         lambda g, lex: shift(unit="day", offset=0)(g, lex), needs='{PART}'),
    Rule("clock",
         r"las?\s+(?:{CLOCK}[.:](?P<minute>{MIN})|(?:(?P<hour__2>{HOUR})|(?P<hourw>{HOURWORD})){CLOCKNEED})(?:{CLOCKTAIL})?",
         shift(unit="day", offset=0), needs='\\blas?\\s'),
    Rule("clock_bare", r"{CLOCK}[.:](?P<minute>{MIN})(?=\s*(?:horas|h\b|gmt|utc))(?:{CLOCKTAIL})?", shift(unit="day", offset=0),
         needs='\\d[.:]\\d\\d'),
    Rule("clock_zone", r"{CLOCK}\s+(?P<zone>gmt|utc)", shift(unit="day", offset=0), needs='gmt|utc'),
    Rule("noon", r"(?:el\s+|del\s+|al\s+)?(?P<part>mediodía|mediodia|medianoche)", shift(unit="day", offset=0),
         needs='medi[ao]'),
    # --------------------------------------------------------------------------- relative periods
    Rule("rel_unit",
         r"(?:{EDGE})?(?:{ART}\s+)?(?P<rel>{PREV}|este|esta)\s+(?P<unit>semana|mes|año|trimestre|semestre|década|"
         r"fin\s+de\s+semana)",
         shift(), needs='{UNIT}'),
    Rule("unit_rel",
         r"(?:{EDGE})?(?:{ART}\s+)?(?P<unit>semana|mes|año|trimestre|semestre|década|fin\s+de\s+semana)\s+"
         r"(?P<rel>{POST}|en\s+curso)"
         r"(?!\s+de\s+{MONTH})",
         shift(), needs='{UNIT}'),
    Rule("ordinal_quarter",
         r"(?:{ART}\s+)?(?P<q>primer|segundo|tercer|cuarto|último)\s+trimestre(?:\s+(?:de|del)\s+(?:{YEARX}|"
         r"(?P<yrel>este|pasado|próximo)\s+año|año\s+(?P<yrel__2>pasado|próximo)))?",
         point(), needs='trimestre'),
    Rule("ordinal_half",
         r"(?:{ART}\s+)?(?P<h>primer|segundo)\s+semestre(?:\s+(?:de|del)\s+(?:{YEARX}|(?P<yrel>este)\s+año))?",
         point(), needs='semestre'),
    Rule("season",
         r"(?:{ART}\s+|(?P<rel>{PREV})\s+|est[ae]\s+)?(?P<season>{SEASON})(?:\s+(?P<rel__2>{POST}))?"
         r"(?:\s+(?:de|del)\s+(?:{YEARX}))?",
         point(), needs='{SEASON}'),
    Rule("same_day", r"(?:el\s+mismo|ese(?:\s+mismo)?|esa(?:\s+misma)?|aquel|aquella|dicho|dicha)\s+"
                     r"(?P<unit>día|mes|año|semana|fecha)",
         lambda g, lex: anaphor()({**g, "unit": "día" if g["unit"].lower() == "fecha" else g["unit"]}, lex),
         needs='{UNIT}|fecha'),
    Rule("whole_year", r"todo\s+el\s+(?P<unit>año|mes)|tod[ao]\s+la\s+(?P<unit__2>semana)", shift(offset=0),
         needs='tod[oa]'),
    Rule("edge_of_unit", r"{EDGE}(?P<unit>año|mes|semana|día)(?!\s+(?:pasado|próximo|que|de|del)\b)", shift(offset=0),
         needs='{UNIT}'),
    Rule("to_date", r"(?<=hasta\s)la\s+fecha", shift(unit="day", offset=0, anaphoric=False), needs='fecha'),
    Rule("the_day", r"(?:el|la)\s+(?P<unit>día|fecha)(?!\s+(?:de|del|en\s+que|que|\d))(?!\s+(?:siguiente|anterior))",
         anaphor(unit="day"), needs='jornada|día|fecha'),
    Rule("day_after", r"(?:el|al)\s+(?P<unit>día|año|mes)\s+(?P<rel>siguiente|anterior)", anaphor(),
         needs='siguiente|anterior'),
    # ----------------------------------------------------------------------------- durations
    Rule("compound_duration",
         r"(?P<num>{NUM})\s+(?P<unit>{UNIT})\s*,?\s+y\s+(?P<num2>{NUM})\s+(?P<unit2>{UNIT})", compound_length,
         needs='{UNIT}'),
    Rule("duration",
         r"(?:{APPROX}\s+)?(?:(?:los|las|sus?)\s+(?:(?:últimos|últimas|próximos|próximas|primeros|primeras|"
         r"siguientes)\s+)?)?(?:(?P<num>{NUM})|(?P<vague>{VAGUE}))\s+(?:(?:últimos|últimas|próximos|próximas|"
         r"primeros|primeras)\s+)?(?P<unit>{UNIT})(?:\s+y\s+(?P<half>medio|media))?"
         r"(?:\s+(?:después|antes|más|atrás)(?!\s+(?:de|del|que)\b))?",
         length(), needs='{UNIT}'),
    Rule("duration_indef",
         r"(?:{APPROX}\s+)?(?P<num>un|una)\s+(?:(?:solo|sólo|largo|breve)\s+)?(?P<unit>{UNIT})(?:\s+y\s+(?P<half>medio|media))?"
         r"(?:\s+(?:después|antes|más|atrás)(?!\s+(?:de|del|que)\b))?",
         length(), needs='{UNIT}'),
    Rule("last_units",
         r"(?:{ART}\s+)?(?:últimos|últimas|próximos|próximas|primeros|primeras)\s+(?P<unit>{UNIT})", length(),
         needs='{UNIT}'),
    Rule("ago",
         r"(?:desde\s+)?(?P<ago>hace)\s+(?:{APPROX}\s+)?(?:(?P<num>{NUM})|(?P<vague>{VAGUE}))\s+(?P<unit>{UNIT})"
         r"(?:\s+y\s+(?P<half>medio|media))?",
         length(), needs='hace'),
    Rule("ago_vague", r"(?P<ago>hac[eí]a?)\s+(?:(?P<unit>" + _PLURAL_UNITS + r")|tiempo|mucho(?:\s+tiempo)?|poco)",
         length(unit="month"),
         needs='hace'),
    Rule("within", r"dentro\s+de\s+(?P<x>(?:{APPROX}\s+)?(?:(?P<num>{NUM})|(?P<vague>{VAGUE}))\s+(?P<unit>{UNIT}))",
         length(relation=1), needs='dentro'),
    Rule("bare_units",
         r"(?:durante|tras|lleva\w*|en|después\s+de|antes\s+de|sin|de)\s+(?P<x>(?P<unit>" + _PLURAL_UNITS + r"))"
         r"(?!\s+(?:de|del|y|o)\b)",
         length(), needs='{UNIT}'),
    Rule("units_before_after", r"(?P<unit>" + _PLURAL_UNITS + r")\s+(?:antes|después|más\s+tarde)(?!\s+(?:de|del|que)\b)",
         length(), needs='{UNIT}'),
    Rule("last_year_length", r"(?:{ART}\s+)?(?:último|última)\s+(?P<unit>año|década|siglo)", length(amount=1.0),
         needs='últim'),
    Rule("range_first", r"(?P<x>(?P<num>{NUM}))\s+(?:o|a)\s+{NUM}\s+(?P<unit>{UNIT})", length(), needs='{UNIT}'),
    Rule("some_time", r"(?:un|mucho|poco|algún)\s+tiempo|un\s+(?:largo|corto|breve)\s+(?:periodo|período|plazo)",
         length(unit="period"), needs='tiempo|periodo|período|plazo'),
    Rule("little_while", r"un\s+rat(?:ito|o)", length(unit="minute"), needs='rat[oi]'),
    Rule("half_unit", r"(?:{APPROX}\s+)?(?:medio|media)\s+(?P<unit>hora|día|año|siglo|mes)", length(amount=0.5),
         needs="medi"),
    Rule("the_year", r"(?:el|del)\s+año(?!\s+(?:pasado|próximo|que|anterior|siguiente|en\s+curso|\d)\b)(?!\s+\d)",
         anaphor(unit="year"), needs="año"),
    # -------------------------------------------------------------------------------- references
    Rule("present",
         r"ahora(?:\s+mismo)?|actualmente|actual(?:es)?|(?:la|en\s+la)\s+actualidad|hoy\s+(?:en\s+)?día|hoy\s+por\s+hoy|"
         r"(?:en\s+)?(?:estos|este)\s+moment(?:o|os)|el\s+momento(?!\s+(?:de|del|en|que|en\s+que)\b)|estos\s+días|"
         r"hoy\s+en\s+día|momentáne[oa]|en\s+curso",
         ref("PRESENT_REF"), needs='ahora|actual|hoy|moment|días|curso'),
    Rule("past_moment", r"(?:esos|aquellos)\s+momentos|(?:en\s+)?(?:su|aquel|ese)\s+momento", ref("PAST_REF"),
         needs='moment'),
    Rule("any_moment", r"cualquier\s+momento", ref("FUTURE_REF"), needs='moment'),
    Rule("past",
         r"recientemente|recientes?|recién|[úu]ltimamente|(?:aquel\s+|desde\s+)?entonces|antaño|antiguamente|"
         r"(?:del|el)\s+pasado"
         r"(?=\s*[,.;:)]|\s+(?:y|que|no|es|fue)\b)|pasad[oa]s?(?=\s+[A-ZÁÉÍÓÚ])",
         ref("PAST_REF"), needs='recien|recién|ltimamente|entonces|antaño|antiguamente|pasad'),
    Rule("future",
         r"(?:el\s+)?futur[oa]s?|próximamente|en\s+breve|(?:a\s+)?(?:corto|medio|largo)\s+plazo|"
         r"próxim[oa]s?(?!\s+(?:{WEEKDAY}|{MONTH}|{UNIT}|\d|día|mes|semana|año))|algún\s+día",
         ref("FUTURE_REF"), needs='futur|pronto|próxim|breve|plazo|algún'),
    # ---------------------------------------------------------------------------------- sets
    Rule("every_weekday", r"(?:cada|todos\s+los)\s+(?P<wd>{WEEKDAY})", recur(), needs='{WEEKDAY}'),
    Rule("every_unit", r"cada\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})", recur(), needs='cada'),
    Rule("every_part", r"cada\s+(?P<part>mañana|tarde|noche)", recur(), needs='cada'),
    Rule("weekends", r"(?:los\s+|cada\s+)fines?\s+de\s+semana", recur("XXXX-WXX-WE"), needs='fines?\\s+de\\s+semana'),
    Rule("all_units", r"tod(?:os|as)\s+(?:los|las)\s+(?P<unit>días|semanas|meses|años|noches|mañanas)",
         lambda g, lex: recur()({"unit": g["unit"][:-1] if g["unit"].endswith("s") and g["unit"][:-1] in lex.units else g["unit"]}, lex)
         if g["unit"] not in ("noches", "mañanas") else recur({"noches": "TNI", "mañanas": "TMO"}[g["unit"]])(g, lex),
         needs='tod[oa]s'),
    Rule("per_unit", r"(?:al|por|a\s+la)\s+(?P<unit>año|mes|día|semana|hora)(?!\s+(?:siguiente|anterior|de|del|que|en)\b)",
         recur(), needs='\\b(?:al|por|a\\s+la)\\s'),
    Rule("adjective_sets", r"(?P<w>anual(?:es|mente)?|mensual(?:es|mente)?|semanal(?:es|mente)?|diari(?:a|os|as|amente)|"
                           r"trimestral(?:es)?)",
         lambda g, lex: recur({"an": "P1Y", "me": "P1M", "se": "P1W", "di": "P1D", "tr": "P3M"}[g["w"][:2].lower()])(g, lex),
         needs='anual|mensual|semanal|diari|trimestral'),
)
