"""Story summaries (the story list), full-text search and bulk reads, on SQLite and PostgreSQL."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.model import (
    Analysis,
    Article,
    DateInference,
    Evidence,
    Finding,
    FindingLabel,
    Fingerprint,
    StoryReport,
)
from newsprism.store import fulltext
from newsprism.store.repository import Store, StoryFilter


def _add(store, conn, story_id, title, body, *, source=None, lang="en", day=None, url=None):
    published = DateInference(day, day, day, "metadata") if day else DateInference()
    a = Article.build(text=body, title=title, source=source, lang=lang, published=published, url=url)
    analysis = Analysis(a, lang=lang, published=published)
    fp = Fingerprint(a.id, np.zeros(128, dtype=np.uint64))
    store.add_article(conn, analysis, fp, story_id, store.next_seq(conn))
    return a


def _story(store, conn, story_id, headline, n, first=None, last=None):
    store.save_story(conn, story_id, headline=headline, keywords=[], state={}, article_count=n,
                     first_published=first, last_published=last)


def _finding(article, quote, label):
    start = article.text.index(quote)
    ev = Evidence(article.span(start, start + len(quote), "claims"), quote)
    return Finding("title", label, "Joe Biden's title", "differs", (ev,))


@pytest.fixture()
def store(database_url):
    s = Store(database_url)
    with s.begin() as conn:
        a1 = _add(s, conn, "s1", "Ferry strike ends", "Ferry workers in Valmara ended their strike, the union said.",
                  source="valmara.example", day="2025-03-01")
        a2 = _add(s, conn, "s1", "Valmara ferries run again", "The Valmara ferries sailed again on Friday. Der Streik ist vorbei.",
                  source="coast.example", lang="de", day="2025-03-02")
        _add(s, conn, "s1", "Strike over", "Ferries in Valmara are back after the strike ended.", day="2025-03-02")
        b1 = _add(s, conn, "s2", "Bridge reopens in Harwick", "The Harwick bridge reopened to traffic after a year of repairs, "
                  "said Ebrahim Raïsi, the bridge's engineer.", source="harwick.example", day="2025-04-10")
        _story(s, conn, "s1", "Ferry strike ends", 3, "2025-03-01", "2025-03-02")
        _story(s, conn, "s2", "Bridge reopens in Harwick", 1, "2025-04-10", "2025-04-10")
        s.save_report(conn, StoryReport("s1", findings=(
            _finding(a1, "union", FindingLabel.CONTRADICTED),
            _finding(a2, "Friday", FindingLabel.CORROBORATED),
            _finding(a2, "ferries", FindingLabel.DISPUTED),
        )))
        s.save_report(conn, StoryReport("s2", findings=(_finding(b1, "engineer", FindingLabel.SINGLE_SOURCE),)))
    yield s
    s.close()


def test_story_summaries_count_sources_languages_and_conflicts(store):
    with store.begin() as conn:
        s1, s2 = store.story_summaries(conn)
    assert (s1.id, s1.article_count, s1.source_count) == ("s1", 3, 3)  # two named outlets + one unknown
    assert s1.sources == ("valmara.example", "coast.example")
    assert s1.languages == ("en", "de")
    assert s1.conflicts == 2 and s1.findings == {"contradicted": 1, "corroborated": 1, "disputed": 1}
    assert (s2.conflicts, s2.findings) == (0, {"single-source": 1})
    assert s1.last_updated is not None


def test_story_summaries_filter_and_page_like_the_story_list(store):
    with store.begin() as conn:
        assert [s.id for s in store.story_summaries(conn, StoryFilter(lang="de"))] == ["s1"]
        assert [s.id for s in store.story_summaries(conn, StoryFilter(since="2025-04-01"))] == ["s2"]
        assert [s.id for s in store.story_summaries(conn, limit=1, offset=1)] == ["s2"]
        assert store.count_stories(conn) == 2
        assert store.count_stories(conn, StoryFilter(source="harwick.example")) == 1
        assert store.count_stories(conn, StoryFilter(lang="fr")) == 0


def test_search_finds_words_and_phrases_with_spans(store):
    with store.begin() as conn:
        results = store.search(conn, "valmara strike")
        assert results.terms == ("valmara", "strike")
        assert results.total == 2  # the German article says "Streik", not "strike"
        for hit in results.hits:
            text = store.get_article(conn, hit.article_id).text
            assert {text[m.start:m.end].lower() for m in hit.matches} == {"valmara", "strike"}
            assert text[hit.snippet.span.start:hit.snippet.span.end] == hit.snippet.quote
            assert hit.story_id == "s1"
        # A match in the title ranks first.
        assert store.search(conn, "valmara").hits[0].title == "Valmara ferries run again"
        phrase = store.search(conn, '"ferries sailed"')
        assert [h.title for h in phrase.hits] == ["Valmara ferries run again"]
        assert store.search(conn, '"sailed ferries"').total == 0


def test_search_pages_and_odd_input(store):
    with store.begin() as conn:
        first = store.search(conn, "valmara", limit=2)
        second = store.search(conn, "valmara", limit=2, offset=2)
        assert first.total == second.total == 3
        assert len(first.hits) == 2 and len(second.hits) == 1
        assert {h.article_id for h in first.hits}.isdisjoint(h.article_id for h in second.hits)
        # Query syntax characters are not operators: they never reach the database as syntax.
        for q in ['"', "AND OR NOT", "valmara*", "ferry) OR (1=1", "-strike", "'; DROP TABLE articles; --", ""]:
            store.search(conn, q)
        assert store.count_articles(conn) == 4
        assert store.search(conn, "ferry) OR (x").total == 0


def test_search_sees_articles_as_they_are_added(store):
    with store.begin() as conn:
        assert store.search(conn, "lighthouse").total == 0
        _add(store, conn, "s2", "Lighthouse repainted", "The Harwick lighthouse was repainted.", day="2025-04-11")
    with store.begin() as conn:
        assert store.search(conn, "lighthouse").total == 1


def test_search_folds_case_everywhere_and_diacritics_on_sqlite(store):
    with store.begin() as conn:
        assert store.search(conn, "HARWICK").total == 1
        assert store.search(conn, "Raïsi").total == 1
        if store.engine.dialect.name == "sqlite":
            assert store.search(conn, "raisi").total == 1


def test_get_analyses_reads_many_at_once(store):
    with store.begin() as conn:
        articles = store.articles_of_story(conn, "s1")
        analyses = store.get_analyses(conn, articles)
    assert set(analyses) == {a.id for a in articles}
    assert all(analyses[a.id].article == a for a in articles)


def test_fulltext_parses_queries_into_plain_tokens():
    assert fulltext.parse_query('Putin "US Vice-President" OR (x') == ("putin", "us vice president", "or", "x")
    assert fulltext.parse_query('""  ...  ') == ()
    assert len(fulltext.parse_query(" ".join(f"w{i}" for i in range(50)))) == fulltext.MAX_TERMS
