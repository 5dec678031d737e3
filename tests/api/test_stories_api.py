"""GET /api/stories and /api/stories/{id} over the seed story, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from .conftest import seed_story_id


def test_list_has_the_seed_story_with_its_facts(seeded_client):
    body = seeded_client.get("/api/stories").json()
    assert (body["total"], body["limit"], body["offset"]) == (1, 25, 0)
    (story,) = body["items"]
    assert "Iran" in story["headline"]  # one of the two titles: the more representative
    assert (story["article_count"], story["source_count"], story["languages"]) == (2, 2, ["en"])
    assert story["conflicts"] >= 1  # at least the Biden title contradiction
    assert story["findings"]["contradicted"] >= 1
    assert story["last_updated"]


@pytest.mark.parametrize(("query", "total"), [
    ("lang=en", 1), ("lang=de", 0), ("entity=putin", 1), ("entity=nobody", 0), ("source=bbc.co.uk", 0),
    ("until=1999-01-01", 0), ("since=2100-01-01", 0), ("lang=&since=&entity=", 1), ("offset=1", 1),
])
def test_list_filters(seeded_client, query, total):
    body = seeded_client.get(f"/api/stories?{query}").json()
    assert body["total"] == total
    assert len(body["items"]) == (0 if "offset=1" in query else total)


@pytest.mark.parametrize(("query", "message"), [
    ("limit=101", "limit must be at most 100"),
    ("limit=0", "limit"),
    ("offset=-1", "offset"),
    ("lang=english", "lang must be a two- or three-letter language code"),
    ("since=yesterday", "since must be a day like 2022-07-19"),
    ("until=2022-13-01", "until must be a day"),
])
def test_list_refuses_bad_parameters_with_a_clear_message(seeded_client, query, message):
    r = seeded_client.get(f"/api/stories?{query}")
    assert r.status_code == 422
    assert message in r.json()["detail"]


def test_story_has_articles_report_and_the_biden_conflict_with_spans(seeded_client):
    story_id = seed_story_id(seeded_client)
    body = seeded_client.get(f"/api/stories/{story_id}").json()
    assert set(body) == {"story", "articles", "report"}
    texts = {a["id"]: a["text"] for a in body["articles"]}
    assert len(texts) == 2 and all("raw_text" not in a for a in body["articles"])
    (biden,) = [f for f in body["report"]["findings"] if f["kind"] == "title" and "Biden" in f["subject"]]
    assert biden["label"] == "contradicted"
    assert sorted(e["quote"] for e in biden["evidence"]) == ["US President", "US Vice President"]
    for e in biden["evidence"]:
        span = e["span"]
        assert texts[span["doc_id"]][span["start"]:span["end"]] == e["quote"]
    assert body["report"]["entities"] and body["report"]["story_id"] == story_id


def test_story_by_id_prefix_and_unknown_ids(seeded_client):
    story_id = seed_story_id(seeded_client)
    assert seeded_client.get(f"/api/stories/{story_id[:7]}").json()["story"]["id"] == story_id
    r = seeded_client.get("/api/stories/nope")
    assert r.status_code == 404
    assert r.json() == {"detail": "no story 'nope'", "code": "E404"}
    assert seeded_client.get("/api/stories/%25").status_code == 404  # LIKE wildcards are escaped


def test_health(seeded_client):
    assert seeded_client.get("/api/health").json() == {"status": "ok", "stories": 1}


def test_story_data_is_the_story_views_dict(seeded_url):
    """The API's fast read path serves exactly what the CLI's ``show --json`` prints."""
    from newsprism import Prism

    prism = Prism(seeded_url)
    (story,) = prism.stories()
    assert prism.story_data(story.id) == prism.story(story.id).to_dict()
    assert prism.story_data(story.id[:5])["story"]["id"] == story.id
    prism.close()
