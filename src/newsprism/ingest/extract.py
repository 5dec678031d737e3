"""HTML → main text and metadata: trafilatura for the body and metadata, then newsprism's residue cleaner.

>>> html = ("<html><head><title>Quake hits coast | Daily</title></head><body><nav>Home</nav><article>"
...         "<h1>Quake hits coast</h1><p>A strong earthquake struck the coast on Monday, officials said."
...         " Dozens of houses were damaged.</p></article></body></html>")
>>> Extractor()(html).title
'Quake hits coast'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..settings import ExtractSettings
from .clean import Cleaned, Cleaner, Removal

__all__ = ["Extracted", "Extractor"]


@dataclass(frozen=True)
class Extracted:
    """What extraction found on a page. ``raw_text`` is the body before cleaning; ``removed`` are
    spans of ``raw_text``. Dates are ISO 8601 strings."""

    title: str | None
    text: str
    raw_text: str
    removed: tuple[Removal, ...] = ()
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    site_name: str | None = None
    url: str | None = None
    lang: str | None = None


def _split_authors(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    parts = re.split(r"\s*(?:;|\band\b|\bund\b|\bet\b|\by\b|&)\s*", value)
    return tuple(dict.fromkeys(p.strip() for p in parts if p.strip()))


class Extractor:
    """Extract the article from an HTML page; raises :class:`InputError` when there is no article text."""

    def __init__(self, settings: ExtractSettings | None = None, cleaner: Cleaner | None = None) -> None:
        self.settings = settings or ExtractSettings()
        self.cleaner = cleaner or Cleaner()

    def __call__(self, html: str | bytes, url: str | None = None) -> Extracted:
        import trafilatura

        mode = self.settings.mode
        try:
            doc = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                favor_precision=mode == "precision",
                favor_recall=mode == "recall",
            )
        except Exception as e:  # trafilatura raises a variety of parser errors on broken markup
            raise InputError("E140", f"HTML could not be parsed: {type(e).__name__}: {e}") from None
        if doc is None or not (doc.text or "").strip():
            raise InputError("E141", "no article text found in the page")
        raw = doc.text.strip()
        cleaned: Cleaned = self.cleaner(raw, title=doc.title)
        if len(cleaned.text) < self.settings.min_body_chars:
            raise InputError("E142", f"article text is only {len(cleaned.text)} characters after cleaning")
        return Extracted(
            title=(doc.title or None),
            text=cleaned.text,
            raw_text=raw,
            removed=cleaned.removed,
            authors=_split_authors(doc.author),
            published=doc.date or None,
            site_name=doc.sitename or None,
            url=doc.url or url,
            lang=doc.language or None,
        )
