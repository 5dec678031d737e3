"""The OpenAPI document is a contract: it must match the committed snapshot.

When the API or the data model changes on purpose, regenerate the snapshot and review the diff:
``NEWSPRISM_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/api/test_openapi.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from newsprism import Settings
from newsprism.api import create_app

SNAPSHOT = Path(__file__).with_name("openapi.json")


def _document() -> dict:
    return create_app(Settings(database_url="sqlite://")).openapi()


def test_openapi_matches_the_snapshot():
    doc = json.loads(json.dumps(_document()))
    if os.environ.get("NEWSPRISM_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    assert doc == json.loads(SNAPSHOT.read_text(encoding="utf-8")), (
        "the OpenAPI document changed; if on purpose, regenerate tests/api/openapi.json (see this module's docstring)"
    )


def test_openapi_documents_every_resource_and_the_token():
    doc = _document()
    assert set(doc["paths"]) == {
        "/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/articles/{article_id}", "/api/search", "/api/health",
    }
    post = doc["paths"]["/api/articles"]["post"]
    assert post["security"] == [{"HTTPBearer": []}]
    assert post["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/ArticleCreate")
    get_story = doc["paths"]["/api/stories/{story_id}"]["get"]
    assert get_story["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/StoryDetailPublic")
    params = {p["name"]: p for p in doc["paths"]["/api/stories"]["get"]["parameters"]}
    assert set(params) == {"since", "until", "lang", "source", "entity", "limit", "offset"}
    assert params["limit"]["schema"]["anyOf"][0]["maximum"] == 1000
    for name in ("Finding", "Evidence", "Span", "Link", "TimelineEvent", "Entity"):
        assert name in doc["components"]["schemas"]
