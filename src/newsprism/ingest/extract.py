"""HTML → main text and metadata: metadata from the markup, the body from trafilatura, then newsprism's
residue cleaner guided by what the markup says about captions and links.

>>> html = ("<html><head><title>Quake hits coast | Daily</title></head><body><nav>Home</nav><article>"
...         "<h1>Quake hits coast</h1><p>A strong earthquake struck the coast on Monday, officials said."
...         " Dozens of houses were damaged.</p></article></body></html>")
>>> Extractor()(html).title
'Quake hits coast'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..settings import ExtractSettings
from ._dom import hoist_embeds, inline_ruby, norm_line, other_articles_xpath, residue_hints, shows_text, word_count
from ._meta import read_metadata
from .clean import Cleaned, Cleaner, Removal
from .dates import normalize_datetime

__all__ = ["Extracted", "Extractor"]


@dataclass(frozen=True)
class Extracted:
    """What extraction found on a page. ``raw_text`` is the body before cleaning; ``removed`` are
    spans of ``raw_text``. Dates are ISO 8601 strings: ``published`` is the original publication,
    ``updated`` the last modification when the page gives a different one."""

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


def _parse(html: str | bytes) -> Any:
    """The page as an lxml tree (trafilatura's loader: charset detection, broken-markup recovery)."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except Exception as e:  # lxml raises a variety of parser errors on broken markup
        raise InputError("E140", f"HTML could not be parsed: {type(e).__name__}: {e}") from None
    if tree is None:
        raise InputError("E140", "HTML could not be parsed: no document tree")
    return tree


def _baseline_text(tree: Any) -> str:
    """Fallback body when the main extraction finds nothing: JSON-LD ``articleBody`` or all paragraphs
    (trafilatura's ``baseline``), for pages whose layout hides the article from the block scoring."""
    from trafilatura import baseline

    try:
        _body, text, _length = baseline(tree)
    except Exception:  # a fallback that fails leaves the page without text, reported by the caller
        return ""
    return (text or "").strip()


# A JSON string literal long enough to hold an article (escaped quotes and backslashes allowed).
_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.){400,})"')
# Paragraph markup, plain or escaped the way JSON writers do ("\u003cp>").
_PARAGRAPH_TAG = re.compile(r"<p[\s>]", re.IGNORECASE)


def _script_article_html(tree: Any, min_paragraphs: int) -> str | None:
    """The article's HTML from the page's script data, for pages rendered in the browser.

    Single-page apps (Next.js, Nuxt...) ship the article as an HTML string inside a JSON state object and
    leave the markup empty until a script runs. The longest JSON string with at least ``min_paragraphs``
    ``<p>`` elements is taken as the article.
    """
    best, best_len = None, 0
    for script in tree.iterfind(".//script"):
        if script.get("src") or "ld+json" in (script.get("type") or "") or not script.text:
            continue
        for m in _JSON_STRING.finditer(script.text):
            try:
                value = json.loads(f'"{m.group(1)}"')
            except ValueError:
                continue
            if len(value) > best_len and len(_PARAGRAPH_TAG.findall(value)) >= min_paragraphs:
                best, best_len = value, len(value)
    return best


def _script_text(tree: Any, url: str | None, settings: ExtractSettings) -> str:
    """Body text of the article HTML found in script data (see :func:`_script_article_html`), or ``""``."""
    import trafilatura

    fragment = _script_article_html(tree, settings.script_min_paragraphs)
    if not fragment:
        return ""
    page = _parse(f"<html><body><article>{fragment}</article></body></html>")
    try:
        doc = trafilatura.bare_extraction(page, url=url, with_metadata=False, include_tables=True)
    except Exception:  # a fallback that fails leaves the page without text, reported by the caller
        return ""
    return (doc.text or "").strip() if doc is not None else ""


def _missed_lead(tree: Any, description: str | None, text: str, min_words: int) -> str | None:
    """The page's standfirst when the body extraction missed it: the meta description, if the page also
    prints it as its own block (so it is the lead shown to readers, not just an SEO summary) and the
    extracted text does not contain it."""
    if not description or word_count(description) < min_words:
        return None
    if norm_line(description) in norm_line(text) or not shows_text(tree, description):
        return None
    return description


def _date_from_page(tree: Any, url: str | None) -> str | None:
    """Last resort for pages without date metadata: htmldate's search of the markup and URL."""
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises assorted errors on odd pages; a missing date is not an error
        return None
    return normalize_datetime(found) if found else None


class Extractor:
    """Extract the article from an HTML page; raises :class:`InputError` when there is no article text.

    Metadata (title, authors, dates) comes from the page's markup (:mod:`._meta`); the body from
    trafilatura, then the :class:`Cleaner` with what the markup says about captions and links
    (:mod:`._dom`). ``raw_text`` is the candidate body before cleaning: the page's printed standfirst when
    trafilatura missed it, then trafilatura's text; ``removed`` are the spans of it the cleaner dropped,
    with reasons.
    """

    def __init__(self, settings: ExtractSettings | None = None, cleaner: Cleaner | None = None) -> None:
        self.settings = settings or ExtractSettings()
        self.cleaner = cleaner or Cleaner(self.settings)

    def __call__(self, html: str | bytes, url: str | None = None) -> Extracted:
        import trafilatura

        tree = _parse(html)
        inline_ruby(tree)
        hoist_embeds(tree)
        meta = read_metadata(tree, url)
        hints = residue_hints(tree, self.settings)
        for variant in meta.title_variants:  # the SEO or social headline printed atop the body
            hints.setdefault(norm_line(variant), "headline")
        # a byline or author box printed in the body, one name or all of them ("Ann Lee/Bo Li")
        for name in (*meta.authors, " ".join(meta.authors)) if meta.authors else ():
            hints.setdefault(norm_line(name), "byline or dateline")
        mode = self.settings.mode
        try:
            doc = trafilatura.bare_extraction(
                tree,
                url=url,
                with_metadata=False,
                include_comments=False,
                include_tables=True,
                favor_precision=mode == "precision",
                favor_recall=mode == "recall",
                prune_xpath=other_articles_xpath(tree, meta.title),
            )
        except Exception as e:  # trafilatura raises a variety of parser errors on broken markup
            raise InputError("E140", f"HTML could not be parsed: {type(e).__name__}: {e}") from None
        raw = (doc.text or "").strip() if doc is not None else ""
        if not raw:
            raw = _baseline_text(tree) or _script_text(tree, url, self.settings)
        if not raw:
            raise InputError("E141", "no article text found in the page")
        lead = _missed_lead(tree, meta.description, raw, self.settings.lead_min_words)
        if lead:
            raw = f"{lead}\n{raw}"
        cleaned: Cleaned = self.cleaner(raw, title=meta.title, hints=hints, origin="html")
        if len(cleaned.text) < self.settings.min_body_chars:
            raise InputError("E142", f"article text is only {len(cleaned.text)} characters after cleaning")
        return Extracted(
            title=meta.title,
            text=cleaned.text,
            raw_text=raw,
            removed=cleaned.removed,
            authors=meta.authors,
            published=meta.published or _date_from_page(tree, url),
            updated=meta.updated,
            site_name=meta.site_name,
            url=url or meta.url,
            lang=meta.lang,
        )
