"""Publication dates from the rest of the story (StoryDater), on articles written for the test."""

from __future__ import annotations

import pytest

from newsprism import Settings
from newsprism.analyze.canon import EntityResolver
from newsprism.analyze.time import TimeTagger
from newsprism.model import Analysis, Article, DateInference
from newsprism.pipeline import ArticleWorker
from newsprism.story_dates import StoryDater

ANNOUNCED = Article.build(
    title="Scholz to visit Paris",
    text="Chancellor Olaf Scholz will travel to Paris next Friday (March 10) to meet President Emmanuel Macron. "
         "The two leaders want to discuss energy prices.",
    published=DateInference("2023-03-03", "2023-03-03", "2023-03-03", "metadata"),
)
ARRIVED = Article.build(
    title="Olaf Scholz arrives in Paris for talks with Emmanuel Macron",
    text="German Chancellor Olaf Scholz has landed in Paris, where he is meeting President Emmanuel Macron. "
         "Energy prices lead the agenda.",
)
TODAY = Article.build(
    title="Energy on the agenda",
    text="Today Olaf Scholz sits down with Emmanuel Macron at the Elysee. Both want lower energy prices.",
)
UNRELATED = Article.build(
    title="Macron opens a farm fair",
    text="President Emmanuel Macron opened the agricultural fair, where farmers protested about prices.",
)


@pytest.fixture(scope="module")
def analysed():
    settings = Settings()
    worker = ArticleWorker(settings)
    analyses = [worker.analyze(Analysis(a)) for a in (ANNOUNCED, ARRIVED, TODAY, UNRELATED)]
    entities = EntityResolver(tuple(settings.analyze.spacy_models)).resolve(analyses)
    return settings, worker, analyses, entities


def test_a_report_of_the_event_as_happening_now_is_dated_to_its_day(analysed):
    settings, _, analyses, entities = analysed
    found = StoryDater(TimeTagger(settings.time)).infer(analyses, entities)
    arrived = found[ARRIVED.id]
    assert (arrived.value, arrived.earliest, arrived.latest) == (None, "2023-03-09", "2023-03-10")
    assert "2023-03-10" in arrived.reason and arrived.evidence[0].doc_id == ARRIVED.id


def test_today_fixes_the_day(analysed):
    settings, _, analyses, entities = analysed
    found = StoryDater(TimeTagger(settings.time)).infer(analyses, entities)
    assert found[TODAY.id].value == "2023-03-10"


def test_one_shared_name_is_not_enough_and_dated_articles_are_left_alone(analysed):
    settings, _, analyses, entities = analysed
    found = StoryDater(TimeTagger(settings.time)).infer(analyses, entities)
    assert UNRELATED.id not in found and ANNOUNCED.id not in found


def test_redate_rereads_relative_expressions(analysed):
    _, worker, analyses, _ = analysed
    today = next(a for a in analyses if a.article.id == TODAY.id)
    redated = worker.redate(today, DateInference("2023-03-10", "2023-03-10", "2023-03-10", "text"))
    assert [t.value for t in redated.timex if t.text.lower() == "today"] == ["2023-03-10"]
    assert redated.mentions == today.mentions and redated.published.value == "2023-03-10"
