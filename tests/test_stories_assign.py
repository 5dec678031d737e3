"""Story assignment on hand-built articles: joins, splits, languages, dates, headline, stability."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from newsprism.fingerprint import Fingerprinter
from newsprism.model import Analysis, Article, DateInference, Fingerprint, Mention
from newsprism.settings import Settings, StoriesSettings
from newsprism.stories import StoryAssigner
from newsprism.store.repository import Store

pytestmark = pytest.mark.issue(4)

_RNG = np.random.default_rng(7)
_BASE = {k: _RNG.normal(size=16) for k in ("chile", "haiti", "texas", "hiring")}


def _embedding(event: str, noise: float = 0.15, seed: int = 0) -> np.ndarray:
    """A unit vector near the event's base vector (a stand-in for a multilingual lead embedding)."""
    v = _BASE[event] + noise * np.random.default_rng(seed).normal(size=16)
    return (v / np.linalg.norm(v)).astype(np.float32)


def _analysis(title: str, text: str, names: tuple[str, ...] = (), lang: str = "en", day: str | None = None) -> Analysis:
    article = Article.build(title=title, text=text, lang=lang)
    mentions = []
    for name in names:
        start = article.text.find(name)
        if start >= 0:
            mentions.append(Mention(article.span(start, start + len(name), "mentions", "GPE"), "GPE", name))
    published = DateInference(day, day, day, "metadata") if day else DateInference()
    return Analysis(article, lang=lang, mentions=mentions, published=published)


class Stream:
    """An in-memory store fed article by article, as the pipeline does."""

    def __init__(self, settings: StoriesSettings | None = None) -> None:
        self.store = Store("sqlite://")
        self.assigner = StoryAssigner(settings)

    def add(self, analysis: Analysis, embedding: np.ndarray | None = None) -> str:
        terms, weights = Fingerprinter.key_terms(analysis)
        fp = Fingerprint(analysis.article.id, np.zeros(1, np.uint64), embedding, terms, weights)
        with self.store.begin() as conn:
            return self.assigner.assign(self.store, conn, analysis, fp).story_id

    def state(self, story_id: str) -> dict:
        with self.store.begin() as conn:
            return self.store.story_state(conn, story_id) or {}


CHILE = [
    ("Magnitude 8.8 earthquake strikes Chile", "A magnitude 8.8 earthquake struck central Chile near Concepcion, killing 700 people.", ("Chile", "Concepcion")),
    ("Chile earthquake toll rises to 700", "Rescuers in Concepcion, Chile, searched rubble after the 8.8 earthquake killed 700.", ("Chile", "Concepcion")),
    ("Concepcion digs out after Chile quake", "Residents of Concepcion cleared debris after the magnitude 8.8 earthquake in Chile.", ("Concepcion", "Chile")),
]
HAITI = [
    ("Magnitude 7.0 earthquake strikes Haiti", "A magnitude 7.0 earthquake struck Haiti near Port-au-Prince, killing 200,000 people.", ("Haiti", "Port-au-Prince")),
    ("Haiti earthquake toll passes 200,000", "Rescuers in Port-au-Prince, Haiti, searched rubble after the 7.0 earthquake killed 200,000.", ("Haiti", "Port-au-Prince")),
]


def test_two_different_earthquakes_split_and_each_grows() -> None:
    s = Stream()
    chile = [s.add(_analysis(t, x, n), _embedding("chile", seed=i)) for i, (t, x, n) in enumerate(CHILE)]
    haiti = [s.add(_analysis(t, x, n), _embedding("haiti", seed=10 + i)) for i, (t, x, n) in enumerate(HAITI)]
    assert len(set(chile)) == 1
    assert len(set(haiti)) == 1
    assert chile[0] != haiti[0]


def test_different_events_split_without_embeddings() -> None:
    s = Stream()
    chile = [s.add(_analysis(t, x, n)) for t, x, n in CHILE]
    haiti = [s.add(_analysis(t, x, n)) for t, x, n in HAITI]
    assert len(set(chile)) == 1 and len(set(haiti)) == 1 and chile[0] != haiti[0]


def test_same_event_in_two_languages_joins() -> None:
    s = Stream()
    en = s.add(_analysis(*CHILE[0]), _embedding("chile", seed=1))
    s.add(_analysis(*HAITI[0]), _embedding("haiti", seed=2))
    es = s.add(
        _analysis(
            "Terremoto de magnitud 8.8 sacude Chile",
            "Un terremoto de magnitud 8.8 sacudió el centro de Chile cerca de Concepcion y mató a 700 personas.",
            lang="es",
        ),
        _embedding("chile", seed=3),
    )
    assert es == en
    assert s.state(en)["langs"] == {"en": 1, "es": 1}


def test_dated_articles_far_apart_do_not_join() -> None:
    s = Stream()
    first = s.add(_analysis(*CHILE[0], day="2010-02-27"), _embedding("chile", seed=1))
    again = s.add(_analysis(*CHILE[1], day="2010-03-01"), _embedding("chile", seed=2))
    late = s.add(_analysis(*CHILE[2], day="2011-02-27"), _embedding("chile", seed=3))
    assert again == first
    assert late != first


def test_headline_is_the_most_representative_title() -> None:
    s = Stream()
    story = s.add(_analysis("Rescuers at work", "Rescuers in Concepcion, Chile, searched rubble after the 8.8 earthquake killed 700.", ("Chile", "Concepcion")))
    for t, x, n in CHILE:
        assert s.add(_analysis(t, x, n)) == story
    state = s.state(story)
    assert state["headline"] in {t for t, _, _ in CHILE}
    with s.store.begin() as conn:
        stored = s.store.get_story(conn, story)
    assert stored.headline == state["headline"]
    assert "chile" in stored.keywords and "concepcion" in stored.keywords


def test_members_kept_is_bounded_and_keeps_the_first() -> None:
    s = Stream(StoriesSettings(members_kept=2))
    ids = [s.add(_analysis(t, x, n)) for t, x, n in CHILE]
    state = s.state(ids[0])
    assert state["n"] == 3
    assert len(state["members"]) == 2
    assert state["members"][0]["id"] == Article.build(title=CHILE[0][0], text=CHILE[0][1]).id


def test_candidate_postings_are_bounded_per_term() -> None:
    store = Store("sqlite://")
    with store.begin() as conn:
        for i in range(5):
            store.save_story(conn, f"s{i}", headline="x", keywords=[], state={}, article_count=1, first_published=None, last_published=None)
            store.set_story_terms(conn, f"s{i}", {"e:chile": 1.0}, seq=i)
        assert store.stories_by_terms(conn, ["e:chile"], limit=10, per_term=2) == ["s3", "s4"] or set(
            store.stories_by_terms(conn, ["e:chile"], limit=10, per_term=2)
        ) == {"s3", "s4"}


def test_reingest_moves_nothing() -> None:
    from newsprism.prism import Prism

    settings = dataclasses.replace(Settings(database_url="sqlite://"), fingerprint=dataclasses.replace(Settings().fingerprint, embeddings="off"))
    p = Prism("sqlite://", settings)
    records = [{"title": t, "text": x} for t, x, _ in CHILE + HAITI]
    first = p.ingest_texts(records)
    with p.store.begin() as conn:
        before = {a: p.store.article_story(conn, a) for a in first.article_ids}
    again = p.ingest_texts(records)
    with p.store.begin() as conn:
        after = {a: p.store.article_story(conn, a) for a in first.article_ids}
    assert again.accepted == 0 and again.duplicates == len(records)
    assert after == before


def test_rolled_back_batch_leaves_no_trace_in_caches() -> None:
    s = Stream()
    first = s.add(_analysis(*CHILE[0]))
    with pytest.raises(RuntimeError):
        with s.store.begin() as conn:
            a = _analysis(*CHILE[1])
            fp = Fingerprint(a.article.id, np.zeros(1, np.uint64), None, *Fingerprinter.key_terms(a))
            s.assigner.assign(s.store, conn, a, fp)
            raise RuntimeError("batch failed")
    assert s.state(first)["n"] == 1
    assert s.add(_analysis(*CHILE[1])) == first
    assert s.state(first)["n"] == 2
