"""Value slots of one report: which tokens are values, how they are read, what is left out."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from newsprism.analyze.canon import EntityResolver
from newsprism.analyze.quantities import QuantityExtractor
from newsprism.analyze.sentences import SentenceSplitter
from newsprism.analyze.time import TimeTagger
from newsprism.evaluate.fit_values import FEATURES, fit_weights, with_weights
from newsprism.model import Analysis, Article
from newsprism.settings import CompareSettings, Settings
from newsprism.values import SlotMatch, amounts_agree, parse_amount, publication_lines, value_slots

pytestmark = pytest.mark.issue(7)


def slots_of(text: str):
    a = Analysis(Article.build(text=text, id="a"), lang="en")
    for stage in (SentenceSplitter(), TimeTagger(), QuantityExtractor()):
        stage(a)
    return value_slots([a], EntityResolver().resolve([a]), {"a": "a"}, CompareSettings())


def test_every_number_token_is_a_slot():
    text = ("He pointed a. 357 caliber revolver with 14:05 left; the Tar Heels won 91-73, Luck threw for 4, 051 "
            "yards and Internet Explorer 8 fell 55km away in 2013.")
    got = [(s.analysis.article.quote(s.span), s.kind) for s in slots_of(text)]
    assert [q for q, k in got if k == "number"] == ["357", "14:05", "91", "73", "4, 051", "8", "55"]


def test_numbers_of_dates_and_years_are_not_number_slots():
    got = [(s.analysis.article.quote(s.span), s.kind, s.shown) for s in slots_of("Registration runs from October 26, 2013 on.")]
    assert got == [("October 26, 2013", "date", "2013-10-26")]


def test_a_weekday_alone_is_no_date_slot():
    assert [s for s in slots_of("The fire broke out on Tuesday, officials said.") if s.kind == "date"] == []


def test_reading_numbers():
    t = "a 7. 6 magnitude quake at 3:30 a.m., 55km deep, worth $5bn, killing more than 1, 000 people"
    clock = parse_amount(t, t.index("3:30"), t.index("3:30") + 4)
    assert (clock.value, clock.dimension, clock.precision) == (210, "clock", 10.0)  # a quarter hour: rounded
    assert parse_amount(t, t.index("7. 6"), t.index("7. 6") + 4).value == pytest.approx(7.6)
    km = parse_amount(t, t.index("55km"), t.index("55km") + 2)
    assert (km.value, km.dimension, km.unit) == (55000.0, "length", "km")
    assert parse_amount(t, t.index("$5bn") + 1, t.index("$5bn") + 2).value == 5e9
    people = parse_amount(t, t.index("1, 000"), t.index("1, 000") + 6)
    assert (people.value, people.bound) == (1000.0, "lower")


def test_agreement_of_amounts():
    s = CompareSettings()
    exact = parse_amount("4, 051", 0, 6), parse_amount("4, 102", 0, 6)
    assert not amounts_agree(*exact, s)  # exact figures: no rounding explains 51 yards
    about, more = parse_amount("about 100", 6, 9), parse_amount("more than 130", 10, 13)
    assert not amounts_agree(about, more, s)
    more_than_28k, killed = parse_amount("over 28000", 5, 10), parse_amount("168000", 0, 6)
    assert not amounts_agree(more_than_28k, killed, s)  # "more than" is not "any amount above"
    assert amounts_agree(parse_amount("3:30", 0, 4), parse_amount("3:33", 0, 4), s)


def test_publication_lines():
    text = ("Fire destroys dairy\nPublished: August 7, 2012 - 5: 46 pm\nFirst Posted: 10/25/11 06:44 PM ET\n"
            "The fire began on August 7, 2012 near Palmer.")
    a = Analysis(Article.build(text=text, id="a"), lang="en")
    SentenceSplitter()(a)
    TimeTagger()(a)
    lines = [a.article.text[s:e] for s, e in publication_lines(a)]
    assert lines == ["Published: August 7, 2012 - 5: 46 pm", "First Posted: 10/25/11 06:44 PM ET"]


def test_every_piece_of_evidence_has_a_weight_setting():
    fields = [f.name for f in dataclasses.fields(SlotMatch)]
    s = CompareSettings()
    for name in fields:
        assert isinstance(getattr(s, f"weight_{name}"), float)
    assert set(FEATURES) == set(fields)
    m = SlotMatch(**{name: 0.0 for name in fields})
    assert m.logit(s) == s.match_bias and 0.0 < m.score(s) < 0.5


def test_fitted_weights_are_settings():
    rng = np.random.default_rng(0)
    x = rng.random((200, len(FEATURES)))
    y = x[:, 0] + rng.normal(0, 0.1, 200) > 0.8
    weights = fit_weights(x, y)
    assert set(weights) == {f"weight_{f}" for f in FEATURES} | {"match_bias"}
    assert weights["weight_left"] > 1.0  # the informative feature
    settings = with_weights(Settings(), weights, 0.05)
    assert settings.compare.weight_left == weights["weight_left"] and settings.compare.conflict_similarity == 0.05
