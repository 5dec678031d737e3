"""The web pages over HTTP: each renders from the same service functions, on both databases."""

from __future__ import annotations

import re

from .conftest import seed_story_id


def test_story_list_shows_headline_sources_languages_conflicts_and_update(seeded_client):
    r = seeded_client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    story_id = seed_story_id(seeded_client)
    assert f'href="/stories/{story_id}"' in html
    assert re.search(r"Putin (travels to|arrives in) Iran", html)
    assert "2 sources" in html
    assert '<span class="lang">en</span>' in html
    assert re.search(r'class="fact badge badge-conflict">\d+ conflicts?<', html)
    assert "updated <time>" in html
    assert 'action="/search"' in html


def test_story_list_filters_and_an_empty_form(seeded_client):
    assert "No stories match these filters" in seeded_client.get("/?lang=de").text
    assert re.search(r"Putin (travels to|arrives in) Iran", seeded_client.get("/?lang=&source=&entity=&since=&until=").text)
    r = seeded_client.get("/?since=yesterday")
    assert r.status_code == 422 and "since must be a day" in r.text and r.headers["content-type"].startswith("text/html")


def test_story_page_groups_findings_and_quotes_them_in_their_sentences(seeded_client):
    story_id = seed_story_id(seeded_client)
    html = seeded_client.get(f"/stories/{story_id}").text
    finding = re.search(r'<li class="finding label-contradicted"[^>]*data-kind="title".*?</li>\s*</ul>', html, re.S).group()
    assert "Joe Biden" in finding
    marks = re.findall(r'<mark class="q q-contradicted">(.*?)</mark>', finding)
    assert sorted(marks) == ["US President", "US Vice President"]
    assert "Joe Biden traveled to Israel" in finding  # the rest of the sentence around the quote
    for section in ("sources", "findings", "compare", "provenance", "timeline", "entities"):
        assert f'id="{section}"' in html
    assert html.count('<article class="column"') == 2
    assert 'class="loaded"' in html  # loaded words marked in the side-by-side texts
    assert "claim claim-" in html
    assert "the Kremlin chief" in html  # Putin's aliases in the entity table


def test_article_search_docs_and_error_pages(seeded_client):
    story_id = seed_story_id(seeded_client)
    article_id = seeded_client.get(f"/api/stories/{story_id}").json()["story"]["article_ids"][1]
    html = seeded_client.get(f"/articles/{article_id}").text
    assert "layer-mentions" in html and "layer-claims" in html and f'href="/stories/{story_id}"' in html
    html = seeded_client.get("/search?q=Biden").text
    assert "2 articles containing" in html and '<span class="match">Biden</span>' in html
    assert "Type words" in seeded_client.get("/search").text
    html = seeded_client.get("/api/docs").text
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/search"):
        assert f"<code>{path}</code>" in html
    r = seeded_client.get("/stories/does-not-exist")
    assert r.status_code == 404 and "no story" in r.text and r.headers["content-type"].startswith("text/html")
    assert seeded_client.get("/nowhere").status_code == 404


def test_static_files_and_security_headers(seeded_client):
    for path in ("/", "/api/stories", "/static/style.css", "/static/app.js"):
        r = seeded_client.get(path)
        assert r.status_code == 200
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
    story_id = seed_story_id(seeded_client)
    for path in ("/", f"/stories/{story_id}", "/search?q=iran", "/api/docs"):
        html = seeded_client.get(path).text
        # Nothing inline for the CSP to allow: no inline scripts, style attributes or event handlers.
        assert "<script>" not in html and not re.search(r"<[^>]+\s(style|on\w+)=", html)
