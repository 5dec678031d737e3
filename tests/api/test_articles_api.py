"""GET /api/articles/{id} and POST /api/articles (token, size limit, validation), on both databases."""

from __future__ import annotations

import pytest

from newsprism import Analysis

from .conftest import TOKEN, seed_story_id

AUTH = {"Authorization": f"Bearer {TOKEN}"}
FERRY = {
    "title": "Ferry strike ends in Valmara",
    "text": "Ferry workers in Valmara ended their three-day strike on Friday, the union said. "
            "Boats to the islands will run again from Saturday morning.",
    "source": "valmara.example",
    "url": "https://valmara.example/news/ferry-strike-ends",
    "published": "2025-03-07",
    "authors": ["Ana Ruiz"],
}


def test_article_has_clean_text_metadata_and_every_layer_as_spans(seeded_client):
    story_id = seed_story_id(seeded_client)
    article_id = seeded_client.get(f"/api/stories/{story_id}").json()["story"]["article_ids"][0]
    body = seeded_client.get(f"/api/articles/{article_id}").json()
    article, layers = body["article"], body["layers"]
    assert body["story_id"] == story_id
    assert article["id"] == article_id and article["text"].startswith(article["title"])
    assert set(layers) == set(Analysis.LAYERS)
    assert layers["sentences"] and layers["mentions"] and layers["claims"]
    for m in layers["mentions"]:
        assert article["text"][m["span"]["start"]:m["span"]["end"]] == m["text"]
    assert seeded_client.get("/api/articles/nope").status_code == 404


def test_writes_need_the_token(writable_client):
    assert writable_client.post("/api/articles", json=FERRY).status_code == 401
    r = writable_client.post("/api/articles", json=FERRY, headers={"Authorization": "Bearer wrong"})
    assert (r.status_code, r.json()["detail"]) == (401, "invalid token")
    assert r.headers["www-authenticate"] == "Bearer"
    r = writable_client.post("/api/articles", json=FERRY, headers={"Authorization": f"Basic {TOKEN}"})
    assert r.status_code == 401
    assert writable_client.get("/api/stories").json()["total"] == 0


def test_a_server_without_a_token_accepts_no_writes(tmp_path):
    from fastapi.testclient import TestClient

    from newsprism import Settings
    from newsprism.api import create_app

    with TestClient(create_app(Settings(database_url=f"sqlite:///{tmp_path / 'n.db'}"))) as client:
        r = client.post("/api/articles", json=FERRY, headers={"Authorization": "Bearer "})
        assert r.status_code in (401, 403)
        r = client.post("/api/articles", json=FERRY, headers=AUTH)
        assert r.status_code == 403 and "NEWSPRISM_API_TOKEN" in r.json()["detail"]


def test_post_ingests_through_the_pipeline_then_reads_back(writable_client):
    r = writable_client.post("/api/articles", json=FERRY, headers=AUTH)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["status"] == "created"
    assert r.headers["location"] == f"/api/articles/{created['article_id']}"
    article = writable_client.get(r.headers["location"]).json()
    assert article["article"]["source"] == "valmara.example"
    assert article["article"]["authors"] == ["Ana Ruiz"]
    assert article["layers"]["sentences"]
    assert article["story_id"] == created["story_id"]
    story = writable_client.get(f"/api/stories/{created['story_id']}").json()
    assert created["article_id"] in story["story"]["article_ids"]
    # The full-text index follows inserts.
    hits = writable_client.get("/api/search?q=valmara ferry").json()["hits"]
    assert [h["article_id"] for h in hits] == [created["article_id"]]
    # Posting the same article again changes nothing.
    again = writable_client.post("/api/articles", json=FERRY, headers=AUTH)
    assert (again.status_code, again.json()["status"]) == (200, "duplicate")


def test_post_html_is_extracted(writable_client):
    html = ("<html><head><title>Harwick bridge reopens</title></head><body><article><h1>Harwick bridge reopens</h1>"
            "<p>The Harwick bridge reopened to traffic on Monday after a year of repairs, the council said.</p>"
            "<p>Engineers replaced the deck and two of the piers during the works.</p></article></body></html>")
    r = writable_client.post("/api/articles", json={"html": html, "source": "harwick.example"}, headers=AUTH)
    assert r.status_code == 201, r.text
    text = writable_client.get(f"/api/articles/{r.json()['article_id']}").json()["article"]["text"]
    assert "reopened to traffic" in text and "<p>" not in text


@pytest.mark.parametrize(("body", "message"), [
    ({"title": "Nothing"}, "give the article as non-empty `text` or `html`"),
    ({"text": "   "}, "give the article as non-empty `text` or `html`"),
    ({"text": "a", "html": "<p>b</p>"}, "(one of them)"),
    ({"text": FERRY["text"], "colour": "red"}, "colour: Extra inputs are not permitted"),
    ({"text": FERRY["text"], "url": "javascript:alert(1)"}, "url: Value error, url must start with http"),
    ({"text": FERRY["text"], "lang": "English"}, "lang: String should match pattern"),
    ({"text": FERRY["text"], "authors": "Ana"}, "authors: Input should be a valid list"),
    ({"text": 42}, "text: Input should be a valid string"),
])
def test_post_refuses_bad_bodies_with_a_clear_message(writable_client, body, message):
    r = writable_client.post("/api/articles", json=body, headers=AUTH)
    assert r.status_code == 422
    assert message in r.json()["detail"], r.json()


def test_post_refuses_what_is_not_json(writable_client):
    r = writable_client.post("/api/articles", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 422 and "JSON" in r.json()["detail"]


def test_post_reports_the_pipelines_rejection(writable_client):
    r = writable_client.post("/api/articles", json={"text": "Read also: more"}, headers=AUTH)
    assert r.status_code == 422
    assert r.json()["detail"] == "article rejected (E143): no article text left after removing scraping residue"


def test_post_refuses_bodies_over_the_size_limit(writable_client):
    limit = writable_client.app.state.settings.serve.max_body_bytes
    message = f"request body is larger than the limit of {limit} bytes"
    r = writable_client.post("/api/articles", json={"text": "x" * (limit + 10)}, headers=AUTH)
    assert (r.status_code, r.json()["detail"]) == (413, message)
    assert "content-security-policy" in r.headers

    def chunks():  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(limit // 65536 + 2):
            yield b"x" * 65536
        yield b'"}'

    r = writable_client.post("/api/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert (r.status_code, r.json()["detail"]) == (413, message)
