"""Request and response schemas of the REST API: ``*Create`` is what clients send, ``*Public`` what
they get back.

Response schemas are built from the data model's records (:mod:`newsprism.model`) and the store's
(:class:`StorySummary`, :class:`SearchHit`), so the OpenAPI document describes exactly what the service
functions return and follows the model as stages gain fields. Nested records (spans, evidence, findings,
links...) appear in the document under their model names.

>>> ArticleCreate(text="Storm hits coast\\n\\nA storm hit the coast.").model_dump(exclude_none=True)
{'text': 'Storm hits coast\\n\\nA storm hit the coast.', 'authors': []}
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator, model_validator

from ..model import Analysis, Article, Story, StoryReport
from ..store.repository import SearchHit, StorySummary

__all__ = [
    "ArticleCreate",
    "ArticleCreatedPublic",
    "ArticleDetailPublic",
    "ArticlePublic",
    "ErrorPublic",
    "LayersPublic",
    "SearchHitPublic",
    "SearchPagePublic",
    "StoryArticlePublic",
    "StoryDetailPublic",
    "StoryPagePublic",
    "StoryPublic",
    "StorySummaryPublic",
]


def _from_dataclass(cls: type, name: str, doc: str, only: tuple[str, ...] | None = None, drop: tuple[str, ...] = ()) -> Any:
    """A pydantic model with the fields (types, defaults) of the dataclass ``cls``."""
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in drop or (only is not None and f.name not in only):
            continue
        if f.default is not dataclasses.MISSING:
            default: Any = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = Field(default_factory=f.default_factory)
        else:
            default = ...
        fields[f.name] = (hints[f.name], default)
    return create_model(name, __doc__=doc, **fields)


StoryPublic = _from_dataclass(Story, "StoryPublic", "A story: its articles' ids, headline, keywords and sources.")
ArticlePublic = _from_dataclass(
    Article, "ArticlePublic",
    "An article: clean text (title first), metadata, the raw text before cleaning and the spans of what "
    "cleaning removed from it.",
)
StoryArticlePublic = _from_dataclass(
    Article, "StoryArticlePublic", "An article of a story (without its raw text; see GET /api/articles/{id}).",
    drop=("raw_text",),
)
LayersPublic = _from_dataclass(
    Analysis, "LayersPublic", "Every annotation layer of an article, each a list of spans into its text.",
    only=Analysis.LAYERS,
)
StorySummaryPublic = _from_dataclass(StorySummary, "StorySummaryPublic", StorySummary.__doc__ or "")
SearchHitPublic = _from_dataclass(SearchHit, "SearchHitPublic", SearchHit.__doc__ or "")


class StoryDetailPublic(BaseModel):
    """A story with its articles and its report: entities, findings with every source's spans and
    quotes, timeline, attributed summary, provenance links and framing."""

    story: StoryPublic  # type: ignore[valid-type]
    articles: list[StoryArticlePublic]  # type: ignore[valid-type]
    report: StoryReport


class ArticleDetailPublic(BaseModel):
    """An article, the story it belongs to and its annotation layers."""

    article: ArticlePublic  # type: ignore[valid-type]
    story_id: str | None
    layers: LayersPublic  # type: ignore[valid-type]


class StoryPagePublic(BaseModel):
    """One page of stories, largest first."""

    items: list[StorySummaryPublic]  # type: ignore[valid-type]
    total: int = Field(description="stories matching the filters")
    limit: int
    offset: int


class SearchPagePublic(BaseModel):
    """One page of full-text search results, best first."""

    query: str
    terms: list[str] = Field(description="the query as understood: words and quoted phrases, all required")
    total: int
    limit: int
    offset: int
    hits: list[SearchHitPublic]  # type: ignore[valid-type]


class ErrorPublic(BaseModel):
    """An error: what went wrong, in words, and newsprism's stable error code when there is one."""

    detail: str
    code: str | None = None


class ArticleCreate(BaseModel):
    """An article to add, shaped like a JSONL input line: ``text`` or ``html``, plus optional metadata.

    With ``text``, the first line is the title unless ``title`` is given. With ``html``, the main text
    and metadata are extracted from the page; fields given here take precedence.
    """

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="plain text of the article")
    html: str | None = Field(None, description="the article's whole HTML page")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2048, description="http(s) URL; the article id is a hash of it")
    source: str | None = Field(None, max_length=256, description="the outlet, e.g. bbc.co.uk")
    published: str | None = Field(None, max_length=40, description="ISO 8601 date or datetime")
    lang: str | None = Field(None, pattern=r"^[a-z]{2,3}$", description="ISO 639 code; detected when absent")
    authors: list[str] = Field(default_factory=list, max_length=100)
    id: str | None = Field(None, max_length=256, description="your id for the article (stored as external_id)")

    @field_validator("url")
    @classmethod
    def _http_url(cls, url: str | None) -> str | None:
        if url is not None and not url.lower().startswith(("http://", "https://")):
            raise ValueError("url must start with http:// or https://")
        return url

    @model_validator(mode="after")
    def _one_body(self) -> ArticleCreate:
        has_text, has_html = bool(self.text and self.text.strip()), bool(self.html and self.html.strip())
        if has_text == has_html:
            raise ValueError("give the article as non-empty `text` or `html` (one of them)")
        return self


class ArticleCreatedPublic(BaseModel):
    """What happened to a posted article: ``created`` (with its id and story) or ``duplicate`` (an
    article with the same URL or the same text is already stored; nothing changed)."""

    status: Literal["created", "duplicate"]
    article_id: str | None = None
    story_id: str | None = None
