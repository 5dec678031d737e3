"""Build an :class:`Article` from a :class:`RawDocument`: extract, clean, detect language, date it."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..analyze.language import LanguageDetector
from ..errors import InputError
from ..model import Article, DateInference, RawDocument, Rejected
from ..settings import Settings
from .clean import Cleaner, Removal
from .dates import normalize_datetime
from .extract import Extractor
from .urls import site_of

__all__ = ["ArticleBuilder"]


def _split_title(text: str) -> tuple[str | None, int]:
    """The first non-empty line as the title, and where the body starts after it."""
    m = re.search(r"[^\s][^\n]*", text)
    if not m:
        return None, 0
    return m.group().strip(), m.end()


class ArticleBuilder:
    """Turn raw input into a clean article, or a :class:`Rejected` with the reason.

    >>> raw = RawDocument("x.txt", "text", "Storm hits coast\\n\\nA storm hit the coast on Monday, officials said.")
    >>> a = ArticleBuilder()(raw)
    >>> (a.title, a.body)
    ('Storm hits coast', 'A storm hit the coast on Monday, officials said.')
    """

    stage = "extract"

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.cleaner = Cleaner(self.settings.extract)
        self.extractor = Extractor(self.settings.extract, self.cleaner)
        self.detect_language = LanguageDetector(self.settings.analyze)

    def __call__(self, raw: RawDocument) -> Article | Rejected:
        try:
            return self.build(raw)
        except InputError as e:
            return Rejected(raw.origin, self.stage, e.code, e.message)

    def build(self, raw: RawDocument) -> Article:
        meta: dict[str, Any] = dict(raw.meta)
        if raw.kind == "html":
            ex = self.extractor(raw.content, url=meta.get("url"))
            title = meta.get("title") or ex.title
            body, raw_text, removed, offset = ex.text, ex.raw_text, ex.removed, 0
            url = meta.get("url") or ex.url
            authors = meta.get("authors") or list(ex.authors)
            published_raw = meta.get("published") or ex.published
            updated_raw = ex.updated
            source = meta.get("source") or ex.site_name or site_of(url)
            lang = meta.get("lang") or ex.lang
        else:
            text = raw.content if isinstance(raw.content, str) else raw.content.decode("utf-8", "replace")
            raw_text = text
            if meta.get("title"):
                title, offset = meta["title"], 0
            else:
                title, offset = _split_title(text)
                if not text[offset:].strip():  # one paragraph alone is a body without a title (a news brief)
                    title, offset = None, 0
            cleaned = self.cleaner(text[offset:], title=title)
            body, removed = cleaned.text, cleaned.removed
            url = meta.get("url")
            authors = meta.get("authors") or []
            published_raw = meta.get("published")
            updated_raw = meta.get("updated")
            source = meta.get("source") or site_of(url)
            lang = meta.get("lang")
        if not body.strip():
            raise InputError("E143", "no article text left after removing scraping residue")
        published = normalize_datetime(published_raw) if published_raw else None
        date = (
            DateInference(published, published[:10], published[:10], "metadata", "publication date in the metadata")
            if published
            else DateInference()
        )
        if not lang:
            lang = self.detect_language(f"{title or ''}\n{body}")
        article = Article.build(
            text=body,
            title=title,
            url=url,
            id=None,
            source=source,
            lang=lang,
            authors=tuple(authors),
            published=date,
            updated=normalize_datetime(updated_raw) if updated_raw else None,
            origin=raw.origin,
            external_id=str(meta["id"]) if meta.get("id") is not None else None,
            raw_text=raw_text,
        )
        spans = tuple(self._removed_span(article, r, offset) for r in removed)
        return dataclasses.replace(article, removed=spans)

    @staticmethod
    def _removed_span(article: Article, r: Removal, offset: int):
        from ..model import Span

        return Span(article.id, r.start + offset, r.end + offset, "removed", r.reason)
