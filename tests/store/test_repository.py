"""The store: articles, analyses and fingerprints round-trip; stories list and filter (SQLite and PostgreSQL)."""

from __future__ import annotations

import numpy as np

from newsprism.model import Analysis, Article, DateInference, Fingerprint, Mention
from newsprism.store.repository import Store, StoryFilter


def _analysis(text: str, lang: str = "en", day: str | None = None) -> Analysis:
    published = DateInference(day, day, day, "metadata") if day else DateInference()
    a = Article.build(text=text, title=text.split(".")[0], source="coast.example", lang=lang, published=published)
    return Analysis(a, lang=lang, mentions=[Mention(a.span(0, 5, "mentions", "PERSON"), "PERSON", a.text[:5])])


def test_article_round_trip_and_duplicate_lookup(database_url):
    store = Store(database_url)
    analysis = _analysis("Harbour reopens after storm. Boats are back.", day="2025-03-04")
    fp = Fingerprint(analysis.article.id, np.arange(128, dtype=np.uint64), np.ones(384, dtype=np.float32) / np.sqrt(384), ("w:harbour",))
    with store.begin() as conn:
        store.add_article(conn, analysis, fp, "s1", store.next_seq(conn))
        store.save_story(conn, "s1", headline="Harbour reopens", keywords=["harbour"], state={}, article_count=1,
                         first_published="2025-03-04", last_published="2025-03-04")
    with store.begin() as conn:
        assert store.get_analysis(conn, analysis.article.id) == analysis
        back = store.get_fingerprint(conn, analysis.article.id)
        assert np.array_equal(back.minhash, fp.minhash) and np.allclose(back.embedding, fp.embedding)
        twin = Article.build(text=analysis.article.body, title=analysis.article.title, url="https://other.example/x")
        assert store.known_article(conn, twin) == analysis.article.id
        assert [s.id for s in store.list_stories(conn, StoryFilter(lang="en"))] == ["s1"]
        assert store.list_stories(conn, StoryFilter(lang="de")) == []
        assert store.list_stories(conn, StoryFilter(since="2025-04-01")) == []
        assert store.get_story(conn, "s1").sources == ("coast.example",)
