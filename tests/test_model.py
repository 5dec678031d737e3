"""The data model: span bounds, quoting and serialization round trips."""

from __future__ import annotations

import pytest

from newsprism.errors import SpanError
from newsprism.model import (
    Analysis,
    Article,
    Evidence,
    Finding,
    FindingLabel,
    Mention,
    StoryReport,
    from_dict,
    to_dict,
)


def test_span_bounds_are_checked():
    a = Article.build(text="Short body.", title="T")
    with pytest.raises(SpanError):
        a.span(0, len(a.text) + 1, "x")
    with pytest.raises(SpanError):
        a.span(5, 4, "x")


def test_quote_refuses_spans_of_another_article():
    a = Article.build(text="One body.")
    b = Article.build(text="Another body.")
    with pytest.raises(SpanError):
        a.quote(b.span(0, 3, "x"))


def test_title_is_the_first_paragraph_of_the_text():
    a = Article.build(text="Body here.", title="Headline")
    assert a.text == "Headline\n\nBody here."
    assert a.body == "Body here."
    assert a.text[: a.body_start].strip() == "Headline"


def test_ids_are_stable_and_depend_on_url_or_text():
    assert Article.build(text="x", url="https://a.example/p?utm_source=t").id == Article.build(text="y", url="https://a.example/p").id
    assert Article.build(text="Same words.").id == Article.build(text="same   words").id


def test_report_round_trips_through_dicts():
    a = Article.build(text="Joe Biden spoke.", title="T")
    span = a.span(3, 12, "mentions", "PERSON")
    report = StoryReport(
        story_id="s1",
        findings=(Finding("title", FindingLabel.CONTRADICTED, "Joe Biden's title", "why", (Evidence(span, a.quote(span), "US"),), 2),),
    )
    assert from_dict(StoryReport, to_dict(report)) == report


def test_analysis_round_trips_with_its_article():
    a = Article.build(text="Joe Biden spoke.")
    analysis = Analysis(a, lang="en", mentions=[Mention(a.span(0, 9, "mentions", "PERSON"), "PERSON", "Joe Biden", "US President")])
    data = {k: to_dict(getattr(analysis, k)) for k in Analysis.LAYERS}
    assert from_dict(Analysis, data, article=a) == analysis
