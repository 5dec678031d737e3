"""GET /api/search over the seed story, on SQLite and PostgreSQL."""

from __future__ import annotations


def test_search_returns_hits_with_snippets_and_match_spans(seeded_client):
    body = seeded_client.get("/api/search", params={"q": "Biden"}).json()
    assert (body["query"], body["terms"], body["total"]) == ("Biden", ["biden"], 2)
    for hit in body["hits"]:
        text = seeded_client.get(f"/api/articles/{hit['article_id']}").json()["article"]["text"]
        assert {text[m["start"]:m["end"]] for m in hit["matches"]} == {"Biden"}
        s = hit["snippet"]["span"]
        assert text[s["start"]:s["end"]] == hit["snippet"]["quote"]
        assert "Biden" in hit["snippet"]["quote"]
        assert hit["story_id"]


def test_search_phrases_and_paging(seeded_client):
    assert seeded_client.get("/api/search", params={"q": '"US Vice President"'}).json()["total"] == 1
    first = seeded_client.get("/api/search", params={"q": "Putin", "limit": 1}).json()
    second = seeded_client.get("/api/search", params={"q": "Putin", "limit": 1, "offset": 1}).json()
    assert first["total"] == second["total"] == 2
    assert first["hits"][0]["article_id"] != second["hits"][0]["article_id"]
    assert seeded_client.get("/api/search", params={"q": "zzzzqqq"}).json()["hits"] == []


def test_search_needs_a_reasonable_query(seeded_client):
    assert seeded_client.get("/api/search").status_code == 422
    assert seeded_client.get("/api/search", params={"q": ""}).status_code == 422
    assert seeded_client.get("/api/search", params={"q": "x" * 501}).status_code == 422
    r = seeded_client.get("/api/search", params={"q": "iran' OR 1=1; --"})
    assert r.status_code == 200 and r.json()["terms"] == ["iran", "or", "1"]
