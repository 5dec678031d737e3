"""Read schema.org JSON-LD blocks of a page: the article object and its fields.

Publishers describe their articles in ``<script type="application/ld+json">`` blocks (schema.org
``NewsArticle``, ``Article``, ``BlogPosting``...). The blocks may be lists, ``@graph`` containers, hold
HTML entities, or be slightly broken JSON; this module reads what it can and never raises.

>>> from lxml import html
>>> page = html.fromstring('<html><head><script type="application/ld+json">{"@graph": ['
...     '{"@type": "WebPage"}, {"@type": "NewsArticle", "headline": "Quake &amp; fire",'
...     ' "author": [{"@type": "Person", "givenName": "Ann", "familyName": "Lee"}]}]}</script></head></html>')
>>> art = article_object(page)
>>> art["headline"]
'Quake &amp; fire'
>>> person_names(art["author"])
['Ann Lee']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["ARTICLE_TYPES", "article_object", "iter_objects", "person_names"]

# schema.org types that describe one article (CreativeWork > Article and its common subtypes).
ARTICLE_TYPES = frozenset(
    t.casefold()
    for t in (
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "LiveBlogPosting", "BlogPosting",
        "SocialMediaPosting", "TechArticle", "ScholarlyArticle", "Report", "SatiricalArticle", "Review",
    )
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _loads(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:  # raw newlines and control characters inside strings are the most common breakage
        return json.loads(_CONTROL.sub(" ", text.replace("\n", " ").replace("\r", " ")))
    except ValueError:
        return None


def iter_objects(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD blocks, depth first (``@graph`` members included)."""
    for script in tree.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").casefold() or not script.text:
            continue
        stack = [_loads(script.text)]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                yield item
                stack[:0] = [v for k, v in item.items() if k == "@graph" or k == "mainEntity"]


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    values = t if isinstance(t, list) else [t]
    return {str(v).casefold() for v in values if v}


def article_object(tree: Any) -> dict[str, Any] | None:
    """The page's article object: the first JSON-LD object of an article type with a headline or body."""
    best = None
    for obj in iter_objects(tree):
        if _types(obj) & ARTICLE_TYPES:
            if obj.get("headline") or obj.get("articleBody"):
                return obj
            best = best or obj
    return best


def person_names(value: Any) -> list[str]:
    """Names of the people or organizations in a schema.org ``author``/``creator`` value."""
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, list):
                name = " ".join(str(n) for n in name)
            if not name and (item.get("givenName") or item.get("familyName")):
                name = f"{item.get('givenName') or ''} {item.get('familyName') or ''}"
            if isinstance(name, str):
                out.append(name)
    return [" ".join(n.split()) for n in out if n and n.strip()]
