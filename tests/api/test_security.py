"""Untrusted article text, titles, metadata and HTML never become markup; writes need the token; input
that looks like SQL is only data. (The same article is opened in a real browser in test_browser.py.)"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from newsprism import Prism, Settings
from newsprism.api import create_app

PAYLOAD = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"><svg onload=alert(1)>'

HOSTILE = {
    "title": f"Harbour {PAYLOAD} closes",
    "text": f"The harbour of Valmara closed on Monday {PAYLOAD} after a storm damaged the piers, the port authority said.\n\n"
            f"Officials said repairs would take weeks. <a href=\"javascript:alert(3)\">click</a> \"quoted\" & 'single'.",
    "source": '"><script>window.__xss=4</script>',
    "url": "javascript:alert(5)",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('xss') / 'n.db'}"
    prism = Prism(url)
    report = prism.ingest_texts([HOSTILE])
    assert report.accepted == 1, report.rejected
    prism.close()
    with TestClient(create_app(Settings(database_url=url))) as client:
        story = client.get("/api/stories").json()["items"][0]
        yield client, story["id"], report.article_ids[0]


def _no_live_markup(html: str) -> None:
    assert "<script>window" not in html
    assert "<img src=x" not in html and "<svg onload" not in html
    assert not re.search(r"<[^>]+\son(error|load)\s*=", html)
    assert 'href="javascript:' not in html.lower()
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html


@pytest.mark.parametrize("page", ["/", "/stories/{story}", "/articles/{article}", "/search?q=harbour", "/search?q=<script>"])
def test_hostile_text_is_escaped_on_every_page(hostile, page):
    client, story_id, article_id = hostile
    html = client.get(page.format(story=story_id, article=article_id)).text
    if "q=<script>" in page:
        assert "&lt;script&gt;" in html and "<script>" not in html.split("</head>", 1)[1]
        return
    _no_live_markup(html)


def test_hostile_text_is_plain_json_in_the_api(hostile):
    client, _, article_id = hostile
    r = client.get(f"/api/articles/{article_id}")
    assert r.headers["content-type"] == "application/json"
    assert PAYLOAD in r.json()["article"]["text"]  # stored exactly as sent: evidence is never rewritten


def test_sql_looking_input_is_data(hostile):
    client, _, _ = hostile
    for q in ["'; DROP TABLE articles; --", "1 OR 1=1", 'x" OR "1"="1', "%", "\\"]:
        assert client.get("/api/stories", params={"source": q, "entity": q}).json()["total"] == 0
        assert client.get("/api/search", params={"q": q}).status_code == 200
        assert client.get(f"/api/stories/{q}").status_code == 404
    assert client.get("/api/stories").json()["total"] == 1
