"""The persistent provenance index and links through the real pipeline (store, ingest, story report)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from newsprism.model import LinkKind
from newsprism.prism import Prism
from newsprism.settings import Settings

from .test_provenance_links import INDEPENDENT, ORIGINAL, REWRITE

pytestmark = pytest.mark.issue(5)


def _settings(url: str) -> Settings:
    s = Settings(database_url=url)
    return dataclasses.replace(s, fingerprint=dataclasses.replace(s.fingerprint, embeddings="off"))


def _record(text: str, source: str, **meta: str) -> dict:
    title, body = text.split("\n\n", 1)
    return {"title": title, "text": body, "source": source, **meta}


def test_lsh_keys_and_sentence_vectors_round_trip() -> None:
    prism = Prism("sqlite://", _settings("sqlite://"))
    (aid,) = prism.ingest_texts([_record(ORIGINAL, "a.example")]).article_ids
    store = prism.store
    keys = prism.pipeline.provenance.index_keys(prism.article(aid).analysis)
    assert len(keys) == 60  # 30 bands of the words sketch, 30 of the anchors sketch
    with store.begin() as conn:
        assert store.lsh_candidates(conn, keys, 10) == {aid: 60}
        assert store.lsh_candidates(conn, keys[:3] + [123, 456], 10) == {aid: 3}
        assert store.lsh_candidates(conn, [123, 456], 10) == {}
        vec = np.eye(3, 4, dtype=np.float32)
        store.put_sentence_vectors(conn, aid, "m", vec)
        assert np.allclose(store.get_sentence_vectors(conn, aid, "m"), vec)
        assert store.get_sentence_vectors(conn, aid, "other-model") is None


def test_ingest_links_the_rewrite_not_the_independent_report(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'news.db'}"
    prism = Prism(url, _settings(url))
    # The rewrite arrives first; no dates: the text must show which is the source.
    report = prism.ingest_texts([_record(REWRITE, "spin.example"), _record(ORIGINAL, "wire.example"),
                                 _record(INDEPENDENT, "other.example")])
    assert report.accepted == 3
    ids = dict(zip(["rewrite", "original", "independent"], report.article_ids))
    with prism.store.begin() as conn:
        links = list(prism.store.all_links(conn))
    assert [(link.article_id, link.target_id, link.kind) for link in links] == [
        (ids["rewrite"], ids["original"], LinkKind.REWRITE)
    ]
    with prism.store.begin() as conn:
        story_id = prism.store.article_story(conn, ids["original"])
    view = prism.story(story_id)
    (group,) = view.report.provenance
    assert group.original_id == ids["original"]
    assert set(group.member_ids) == {ids["original"], ids["rewrite"]}
    # (The cleaner may already strip the promotion line at ingest; the captions and loaded words remain.)
    assert "derive from it" in group.reason and ("promotion" in group.reason or "captions" in group.reason)
    prism.close()

    # The index persists: a new process with the same database finds a later copy without a rebuild.
    again = Prism(url, _settings(url))
    copy = ORIGINAL.replace("said", "stated") + "\nRead more stories on our website."
    later = again.ingest_texts([_record(copy, "copy.example")])
    with again.store.begin() as conn:
        new_links = again.store.links_of(conn, later.article_ids[0])
    assert {(link.article_id, link.target_id) for link in new_links} >= {(later.article_ids[0], ids["original"])}
    again.close()


def test_publication_dates_decide_the_original(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'dated.db'}"
    prism = Prism(url, _settings(url))
    report = prism.ingest_texts([
        _record(ORIGINAL, "wire.example", published="2021-08-30"),
        _record(REWRITE, "spin.example", published="2021-08-29"),
    ])
    with prism.store.begin() as conn:
        (link,) = prism.store.all_links(conn)
        story_id = prism.store.article_story(conn, report.article_ids[0])
    assert (link.article_id, link.target_id) == (report.article_ids[0], report.article_ids[1])
    (group,) = prism.story(story_id).report.provenance
    assert group.original_id == report.article_ids[1] and "2021-08-29" in group.reason
    prism.close()
