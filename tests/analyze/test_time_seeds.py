"""The two seed reports: dates resolved and publication dates inferred from the text alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsprism.analyze.time import TimeTagger
from newsprism.model import Analysis, Article

pytestmark = pytest.mark.issue(6)


def _seed(seeds_dir: Path, prefix: str) -> str:
    (path,) = seeds_dir.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _by_text(tags, text):
    matches = [t for t in tags if t.text == text]
    assert matches, f"{text!r} not tagged; got {[t.text for t in tags]}"
    return matches[0]


def test_first_seed_publication_is_the_week_before_july_19(seeds_dir):
    article = Article.build(text=_seed(seeds_dir, "000"))
    analysis = TimeTagger()(Analysis(article, lang="en"))
    published = analysis.published
    assert published.method == "text"
    assert (published.earliest, published.latest) == ("2022-07-12", "2022-07-18")
    quoted = [article.quote(s) for s in published.evidence]
    assert "next Tuesday (July 19)" in quoted
    assert "2018" in quoted  # the latest year mentioned bounds the year the weekday picks


def test_first_seed_dates_resolve_against_the_inferred_publication(seeds_dir):
    article = Article.build(text=_seed(seeds_dir, "000"))
    tags = TimeTagger()(Analysis(article, lang="en")).timex
    assert _by_text(tags, "next Tuesday (July 19)").value == "2022-07-19"
    months = _by_text(tags, "around four and a half months ago")  # TimeBank spans keep "around"
    assert (months.type, months.value) == ("DURATION", "P4.5M")
    assert abs((dt.date.fromisoformat(months.refers_to) - dt.date(2022, 2, 24)).days) <= 10
    assert _by_text(tags, "mid-July").value == "2022-07"
    assert _by_text(tags, "Two weeks ago").value == "P2W"
    for t in tags:
        assert article.quote(t.span) == t.text


def test_second_seed_five_months_ago_lands_near_the_invasion(seeds_dir):
    tags = TimeTagger().tag(_seed(seeds_dir, "003"), "en", "2022-07-19")
    five = [t for t in tags if t.text == "five months ago"]
    assert len(five) == 2
    for t in five:
        assert (t.type, t.value, t.anchor) == ("DURATION", "P5M", "publication")
        assert abs((dt.date.fromisoformat(t.refers_to) - dt.date(2022, 2, 24)).days) <= 10
    assert [t.value for t in tags if t.text in ("June 8", "July 5")][:2] == ["2022-06-08", "2022-07-05"]
    assert _by_text(tags, "last week").value == "2022-W28"
    assert _by_text(tags, "today").value == "2022-07-19"


def test_second_seed_alone_gives_only_a_lower_bound(seeds_dir):
    article = Article.build(text=_seed(seeds_dir, "003"))
    tagger = TimeTagger()
    published = tagger.infer_published(article, "en")
    assert published.method == "text"
    assert published.value is None and published.latest is None
    assert published.earliest == "2015-07-05"  # July 5 told in the past tense, in 2015 or later
    # an open range is not used as a reference: relative expressions stay unresolved
    assert tagger.reference_for(published) is None
    five = [t for t in tagger(Analysis(article, lang="en")).timex if t.text == "five months ago"][0]
    assert five.refers_to is None and five.value == "P5M"
