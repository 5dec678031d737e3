"""Publication dates inferred from an article's own words."""

from __future__ import annotations

import pytest

from newsprism.analyze.time import TimeTagger
from newsprism.model import Article

pytestmark = pytest.mark.issue(6)


@pytest.fixture(scope="module")
def tagger():
    return TimeTagger()


def _infer(tagger, text, lang="en"):
    article = Article.build(text=text)
    return article, tagger.infer_published(article, lang)


def test_dateline_gives_the_day(tagger):
    text = "Apple posts record profit\nJanuary 18, 2007\nApple said on Wednesday that profit rose."
    article, inferred = _infer(tagger, text)
    assert (inferred.value, inferred.method) == ("2007-01-18", "text")
    assert [article.quote(s) for s in inferred.evidence] == ["January 18, 2007"]


def test_weekday_fixes_the_year_from_the_latest_year_mentioned(tagger):
    text = "The summit will open on Tuesday, July 19. Relations have grown since 2018."
    article, inferred = _infer(tagger, text)
    # July 19 is a Tuesday in 2016 and 2022; the text already speaks of 2018 in the past; a weekday
    # named in the future tense lies within the coming week
    assert (inferred.earliest, inferred.latest) == ("2022-07-12", "2022-07-18")
    assert "2022" in inferred.reason


def test_last_weekday_date_places_publication_after_it(tagger):
    article, inferred = _infer(tagger, "Talks collapsed last Tuesday (July 12). Relations soured in 2021.")
    assert (inferred.earliest, inferred.latest) == ("2022-07-13", "2022-07-19")


def test_other_languages(tagger):
    text = "Putin reist am nächsten Dienstag (19. Juli) nach Teheran. Seit 2018 wurden die Beziehungen enger."
    _, de = _infer(tagger, text, "de")
    assert (de.earliest, de.latest) == ("2022-07-12", "2022-07-18")
    _, es = _infer(tagger, "Madrid, 4 de octubre de 2005\nEl Gobierno aprobó ayer el plan.", "es")
    assert es.value == "2005-10-04"


def test_nothing_to_go_on(tagger):
    _, inferred = _infer(tagger, "The minister resigned yesterday after a long dispute.")
    assert inferred.method == "none" and inferred.value is None and inferred.reason


def test_relative_expression_next_to_its_date_pins_publication(tagger):
    article, inferred = _infer(tagger, "Yesterday (July 11, 2022) the ministers met in Tehran.")
    assert inferred.value == "2022-07-12"
    assert [article.quote(s) for s in inferred.evidence] == ["Yesterday", "July 11, 2022"]
    _, week = _infer(tagger, "Last week, on July 5, 2022, a delegation visited the airfield.")
    assert (week.earliest, week.latest) == ("2022-07-11", "2022-07-17")


def test_a_removed_dateline_gives_the_publication_day():
    """The cleaner drops a dateline from the top of a scraped text; its date still dates the article."""
    from newsprism import Settings
    from newsprism.model import Analysis, RawDocument
    from newsprism.pipeline import ArticleWorker

    worker = ArticleWorker(Settings(), ("newsprism.language.v1", "newsprism.sentences.v1", "newsprism.time"))
    text = ("Storm closes Valmara port\nAugust 7, 2012 - 4: 43 pm\nThe harbour master closed the Valmara ferry "
            "port on Tuesday after the storm broke two moorings. Ferries will resume tomorrow, officials said.")
    article = worker.builder(RawDocument("storm.txt", "text", text))
    assert "August 7" not in article.text  # residue for the reader
    analysis = worker.analyze(Analysis(article))
    assert (analysis.published.value, analysis.published.method) == ("2012-08-07", "text")
    assert "August 7, 2012" in analysis.published.reason
    assert [(t.text, t.value) for t in analysis.timex] == [("Tuesday", "2012-08-07"), ("tomorrow", "2012-08-08")]
