"""The time stage follows the stage contract: pure predict, annotate writes only its layers."""

from __future__ import annotations

import copy
import pickle

import pytest

from newsprism.analyze.base import check_order
from newsprism.analyze.time import TimeTagger
from newsprism.model import Analysis, Article, DateInference
from newsprism.settings import Settings, TimeSettings


def _article(text, published=None):
    pub = DateInference()
    if published:
        pub = DateInference(value=published, earliest=published, latest=published, method="metadata")
    return Article.build(text=text, title="Putin travels to Iran", published=pub)


def test_metadata_date_is_the_reference_and_kept():
    article = _article("Putin will arrive on Tuesday. He met Erdogan two weeks ago.", "2022-07-18")
    analysis = Analysis(article, lang="en")
    result = TimeTagger().predict(analysis)
    assert result.published.method == "metadata"
    values = {t.text: (t.value, t.refers_to) for t in result.timex}
    assert values["Tuesday"] == ("2022-07-19", None)
    assert values["two weeks ago"] == ("P2W", "2022-07-04")


def test_predict_is_pure_and_annotate_writes_only_its_layers():
    analysis = Analysis(_article("Next Tuesday (July 19) Putin flies to Tehran. Since 2018 ties grew."), lang="en")
    before = copy.deepcopy(analysis)
    tagger = TimeTagger()
    result = tagger.predict(analysis)
    assert analysis.timex == before.timex and analysis.published == before.published
    assert tagger.predict(analysis) == result  # deterministic
    tagger.annotate(analysis, result)
    assert analysis.timex and analysis.published.method == "text"
    for layer in set(Analysis.LAYERS) - set(TimeTagger.produces):
        assert getattr(analysis, layer) == getattr(before, layer)
    for t in analysis.timex:
        assert t.span.layer == "timex" and analysis.article.quote(t.span) == t.text


def test_stage_declares_its_layers_and_travels_without_its_grammars():
    tagger = TimeTagger(Settings().time)
    check_order([tagger])
    tagger.tag("today", "en", "2022-07-12")
    clone = pickle.loads(pickle.dumps(tagger))
    assert clone._languages is None or clone._languages == {}
    assert clone.settings == tagger.settings


def test_settings_are_validated():
    import dataclasses

    from newsprism.errors import ConfigError

    with pytest.raises(ConfigError):
        dataclasses.replace(Settings(), time=TimeSettings(tense_window_chars=-1))


def test_pickled_stage_still_tags():
    clone = pickle.loads(pickle.dumps(TimeTagger()))
    assert [t.value for t in clone.tag("yesterday", "en", "2022-07-12")] == ["2022-07-11"]


def test_results_round_trip_through_dicts():
    from newsprism.model import TimeExpr, from_dict, to_dict

    article = _article("Next Tuesday (July 19) Putin flies to Tehran. Since 2018 ties grew.")
    analysis = TimeTagger()(Analysis(article, lang="en"))
    for t in analysis.timex:
        assert from_dict(TimeExpr, to_dict(t)) == t
    assert from_dict(DateInference, to_dict(analysis.published)) == analysis.published
