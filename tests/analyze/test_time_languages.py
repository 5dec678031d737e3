"""Spanish, German and French grammars on hand-written news sentences (the seed story, retold)."""

from __future__ import annotations

import pytest

from newsprism.analyze.time import TimeTagger

pytestmark = pytest.mark.issue(6)

REF = "2022-07-12"  # a Tuesday


@pytest.fixture(scope="module")
def tagger():
    return TimeTagger()


def _tags(tagger, text, lang, ref=REF):
    return [(t.text, t.type, t.value) for t in tagger.tag(text, lang, ref)]


SEED_STORY = {
    "es": ("Putin viajará a Irán el próximo martes (19 de julio). La guerra empezó hace cuatro meses y medio. "
           "Hace dos semanas estuvo en Tayikistán. El pasado martes habló Peskov.",
           [("el próximo martes (19 de julio)", "DATE", "2022-07-19"),
            ("hace cuatro meses y medio", "DURATION", "P4.5M"),
            ("Hace dos semanas", "DURATION", "P2W"),
            ("El pasado martes", "DATE", "2022-07-05")]),
    "de": ("Putin will am nächsten Dienstag (19. Juli) in den Iran reisen. Der Krieg begann vor viereinhalb Monaten. "
           "Vor zwei Wochen war er in Tadschikistan. Mitte Juli soll die Ausbildung beginnen.",
           [("nächsten Dienstag (19. Juli)", "DATE", "2022-07-19"),
            ("vor viereinhalb Monaten", "DURATION", "P4.5M"),
            ("Vor zwei Wochen", "DURATION", "P2W"),
            ("Mitte Juli", "DATE", "2022-07")]),
    "fr": ("Poutine se rendra en Iran mardi prochain (19 juillet). La guerre a commencé il y a quatre mois et demi. "
           "Il y a deux semaines, il était au Tadjikistan. La formation commencera mi-juillet.",
           [("mardi prochain (19 juillet)", "DATE", "2022-07-19"),
            ("il y a quatre mois et demi", "DURATION", "P4.5M"),
            ("Il y a deux semaines", "DURATION", "P2W"),
            ("mi-juillet", "DATE", "2022-07")]),
}


@pytest.mark.parametrize("lang", sorted(SEED_STORY))
def test_seed_story_in_each_language(tagger, lang):
    text, expected = SEED_STORY[lang]
    assert _tags(tagger, text, lang) == expected


@pytest.mark.parametrize("lang", sorted(SEED_STORY))
def test_ago_points_to_the_invasion_month(tagger, lang):
    text, _ = SEED_STORY[lang]
    (ago,) = [t for t in tagger.tag(text, lang, REF) if t.value == "P4.5M"]
    assert ago.refers_to == "2022-02-25"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("es", "Ayer , miércoles , el Gobierno aprobó el plan.", [("Ayer , miércoles", "DATE", "2022-07-11")]),
        ("es", "La reunión será la semana próxima.", [("la semana próxima", "DATE", "2022-W29")]),
        ("es", "Lo firmó el 20 de mayo del 2021.", [("el 20 de mayo del 2021", "DATE", "2021-05-20")]),
        ("es", "El consumo es de 6 kilos por persona al año.", [("al año", "SET", "P1Y")]),
        ("es", "El índice cayó el año pasado y ahora sube.",
         [("el año pasado", "DATE", "2021"), ("ahora", "DATE", "PRESENT_REF")]),
        ("es", "Aterrizó a las 8.15 hora local.", [("las 8.15 hora local", "TIME", "2022-07-12T08:15")]),
        ("es", "Fue condenado a dos años y tres meses de cárcel.", [("dos años y tres meses", "DURATION", "P2Y3M")]),
        ("de", "Das Treffen fand gestern Abend statt.", [("gestern Abend", "TIME", "2022-07-11TEV")]),
        ("de", "Im vergangenen Jahr stiegen die Preise.", [("vergangenen Jahr", "DATE", "2021")]),
        ("de", "Die Sitzung beginnt um 15.30 Uhr.", [("15.30 Uhr", "TIME", "2022-07-12T15:30")]),
        ("de", "Der Vertrag läuft seit einundzwanzig Tagen.", [("einundzwanzig Tagen", "DURATION", "P21D")]),
        ("de", "Er kommt jeden Dienstag.", [("jeden Dienstag", "SET", "XXXX-WXX-2")]),
        ("de", "Am 3. Oktober 1990 wurde Deutschland vereinigt.", [("3. Oktober 1990", "DATE", "1990-10-03")]),
        ("fr", "La semaine dernière, le ministre a démissionné.", [("La semaine dernière", "DATE", "2022-W27")]),
        ("fr", "Le sommet aura lieu le 14 juillet 2022.", [("le 14 juillet 2022", "DATE", "2022-07-14")]),
        ("fr", "Il attend depuis quatre-vingt-dix jours.", [("quatre-vingt-dix jours", "DURATION", "P90D")]),
        ("fr", "Les vols partent tous les mardis.", [("tous les mardis", "SET", "XXXX-WXX-2")]),
        ("fr", "Hier soir, il a parlé.", [("Hier soir", "TIME", "2022-07-11TEV")]),
        ("fr", "L'année dernière, les prix ont augmenté.", [("L'année dernière", "DATE", "2021")]),
    ],
)
def test_expressions(tagger, lang, text, expected):
    assert _tags(tagger, text, lang) == expected


def test_unsupported_language_gives_nothing(tagger):
    assert tagger.tag("Wczoraj prezydent przyjechał.", "pl", REF) == []


def test_a_date_before_the_calendar_stays_a_duration(tagger):
    # "2900 years ago" lies before year 1: no calendar date, but the expression is kept (and nothing crashes).
    assert _tags(tagger, "Die Maya bauten schon vor 2900 Jahren Tempel.", "de") == [("vor 2900 Jahren", "DURATION", "P2900Y")]
