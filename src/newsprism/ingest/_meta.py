"""Page metadata — title, authors, publication and update dates, site name, language — from the markup.

Sources, most trusted first: the schema.org JSON-LD article object, OpenGraph / Twitter / Dublin Core /
``article:*`` meta tags, ``itemprop`` microdata, ``<time>`` elements, and byline elements. Every value is
cleaned the same way wherever it came from: HTML entities decoded, whitespace collapsed, site names cut off
titles, e-mail addresses and "By" prefixes cut off names.

>>> from lxml import html
>>> page = html.fromstring('<html lang="en"><head><title>Quake hits coast | Daily</title>'
...     '<meta property="og:site_name" content="Daily">'
...     '<meta property="article:published_time" content="2024-05-03T15:47:42Z"></head>'
...     '<body><h1>Quake hits coast</h1><p class="byline">By Ann Lee and Bo Li</p></body></html>')
>>> m = read_metadata(page)
>>> (m.title, m.authors, m.published, m.lang)
('Quake hits coast', ('Ann Lee', 'Bo Li'), '2024-05-03T15:47:42+00:00', 'en')
"""

from __future__ import annotations

import copy
import html as htmllib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ._dom import word_count
from ._jsonld import article_object, iter_objects, person_names
from .dates import normalize_datetime

__all__ = ["Metadata", "read_metadata", "split_names"]


@dataclass(frozen=True)
class Metadata:
    """What the markup says about the article (``None``/empty where it says nothing)."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    site_name: str | None = None
    lang: str | None = None
    description: str | None = None
    url: str | None = None
    title_variants: tuple[str, ...] = ()


def _clean(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    text = htmllib.unescape(htmllib.unescape(value))  # some sites escape twice ("&amp;quot;")
    text = re.sub(r"<[^>]{0,200}>", " ", text)
    return " ".join(text.split())


def _meta(tree: Any) -> dict[str, str]:
    """Meta tag values by lower-cased ``property``/``name``/``itemprop`` (first occurrence wins)."""
    out: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        value = el.get("content")
        if key and value and value.strip():
            out.setdefault(key.strip().casefold(), value)
    return out


# --------------------------------------------------------------------------------------------- title

# Separators between a headline and the site's name in <title> and og:title ("Headline | Site"). Korean
# sites write the bar as the vowel letter "ㅣ" (U+3163), which never stands alone in Korean words.
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—·•»:]\s+|\s*[|｜：ㅣ]\s*|\s+-(?=\S)|(?<=\S)-\s+")


def _strip_site(title: str, site_names: list[str]) -> str:
    """Cut a leading or trailing site name off a title ("Headline - Site", "Site | Headline")."""
    names = [_key(n) for n in site_names if n]
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    seps = _TITLE_SEPARATORS.findall(title)
    # Drop trailing segments that name the site or are short section/date labels after a site name.
    while len(parts) > 1 and (_is_site(parts[-1], names) or _is_date_label(parts[-1])):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and _is_site(parts[0], names):
        parts.pop(0)
        seps.pop(0)
    return "".join(p + (seps[i] if i < len(seps) else "") for i, p in enumerate(parts)).strip()


_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "å": "aa", "ø": "oe", "æ": "ae"})


def _key(text: str) -> str:
    """A comparison key: case, accents and punctuation removed ("Börsen-Zeitung" → "boersenzeitung")."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    return re.sub(r"[\W_]+", "", "".join(c for c in text if not unicodedata.combining(c)))


def _is_site(segment: str, names: list[str]) -> bool:
    k = _key(segment)
    if not k:
        return True
    return any(k == n or (len(k) >= 3 and (k in n or (n in k and len(k) - len(n) <= 6))) for n in names)


def _is_date_label(segment: str) -> bool:
    return bool(re.fullmatch(r"\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*", segment))


def _site_names(meta: dict[str, str], ld: dict[str, Any] | None, url: str | None) -> list[str]:
    names = [meta.get("og:site_name", ""), meta.get("application-name", ""), meta.get("twitter:site", "").lstrip("@")]
    if ld and isinstance(ld.get("publisher"), dict):
        names.append(str(ld["publisher"].get("name") or ""))
    if url:
        host = re.sub(r"^(?:https?://)?(?:www\d?\.)?", "", url).split("/")[0]
        names += [host, host.rsplit(".", 1)[0]]
    return [_clean(n) for n in names if n]


def _titles(
    tree: Any, meta: dict[str, str], ld: dict[str, Any] | None, sites: list[str]
) -> tuple[str | None, tuple[str, ...]]:
    """The title, and every headline variant the page gives (JSON-LD, Twitter, OpenGraph, ``<h1>``,
    ``<title>``; site names cut off)."""
    h1 = next((t for t in (_clean(e.text_content()) for e in tree.iterfind(".//h1")) if t), "")
    doc_title = next((_clean(e.text_content()) for e in tree.iterfind(".//title")), "")
    candidates = [
        _clean(ld.get("headline")) if ld else "",
        _clean(meta.get("twitter:title")),
        _clean(meta.get("og:title")),
        h1,
        doc_title,
    ]
    stripped = [_strip_site(c, sites) if c else "" for c in candidates]
    title = next((c for c in stripped if len(c) >= 4), None)
    if title:
        # "Headline | Section" when another source gives just "Headline": keep the shorter form.
        for other in stripped:
            rest = title[len(other) :] if len(other) >= 4 and title.startswith(other) else ""
            if rest and _TITLE_SEPARATORS.match(rest):
                title = other
        # The social headline (Twitter, OpenGraph) without the kicker or the keyword tail the SEO headline
        # adds ("Neue Leipziger Schule: Judy Lybke, ..." → "Judy Lybke, ..."): the headline proper. Not
        # <h1> or <title>, which may print a fragment of it. On the extraction dev set this is right in
        # 9 of the 11 pages where one headline extends the other (title exact 0.815 → 0.845).
        for social in stripped[1:3]:
            if len(social) >= 4 and social != title and (title.startswith(social) or title.endswith(social)):
                title = social
    return title, tuple(dict.fromkeys(c for c in stripped if len(c) >= 4))


# ------------------------------------------------------------------------------------------- authors

_BY = re.compile(
    r"^\s*(?:by|from|von|par|por|di|door|av|af|by:|written by|text|texto|autor(?:in)?\s*/\s*autor(?:in)?|autor|autorin|"
    r"author|reporting by|"
    r"quelle|source|fuente)\s*:?\s+",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:;|,|\||/|\s+(?:and|und|et|y|e|og|och|en|i|a)\s+|\s+&\s+)\s*", re.IGNORECASE)
_NOT_NAME = re.compile(
    r"@|https?://|www\.|\d{3,}|\d:\d\d|\b(updated|published|aktualisiert|min read|minutes?|twitter|facebook|"
    r"instagram|linkedin|whatsapp|share|teilen|e-?mail|newsletter|follow|folgen|suivre|seguir)\b",
    re.I,
)


# Job titles written after a name in Korean, Japanese and Chinese bylines ("신현주 기자", reporter).
_JOB_SUFFIX = re.compile(r"\s*(?:기자|특파원|記者|特派員|编辑|記者撮影)$")


def split_names(value: str) -> list[str]:
    """Split a byline into names: "By Ann Lee, Bo Li and Cy Ma" → three names.

    >>> split_names("Von Ann Lee und Bo Li")
    ['Ann Lee', 'Bo Li']
    """
    text = _BY.sub("", _clean(value))
    names = []
    for part in _NAME_SPLIT.split(text):
        part = _JOB_SUFFIX.sub("", _BY.sub("", part).strip(" .,:;-–—·•"))
        if part and not _NOT_NAME.search(part) and len(part) <= 60 and len(part.split()) <= 5:
            names.append(part)
    return names


def _dedupe(names: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for n in names:
        seen.setdefault(n.casefold(), n)
    return tuple(seen.values())


# "By Ann Lee" / "Von Ann Lee" printed without byline markup: short leaf blocks starting that way.
# Also labelled lines ("Autorin/Autor Roman Goncharenko", "Author: Ann Lee") in a page's fact list.
_BY_LINE = re.compile(
    r"^(?i:by|von|par|por|di|door|av|af|(?:autor(?:in)?\s*/\s*)?autor(?:in)?\s*:?|author\s*:?|auteur\s*:?)"
    r"\s+[A-ZÀ-ÞĀ-Ž]"
)
_BY_TEXT_XPATH = (
    "//body//p[not(*[not(self::a or self::strong or self::b or self::span)])] | //body//span[not(*)]"
    " | //body//li[not(*[not(self::a or self::strong or self::b or self::span)])]"
)
_BYLINE_XPATH = (
    ".//*[@rel='author' or @itemprop='author' or contains(@class, 'byline') or contains(@class, 'author')"
    " or contains(@class, 'Author') or contains(@id, 'byline')]"
    "[not(self::meta or self::link or self::script or self::body or self::html or self::button or ancestor::button)]"
    # "Follow the author" buttons and links
    "[not(contains(@class, 'follow') or contains(@class, 'Btn') or contains(@class, 'btn'))]"
)


def _authors(tree: Any, meta: dict[str, str], ld: dict[str, Any] | None, sites: list[str]) -> tuple[str, ...]:
    """Names from JSON-LD, then meta tags, then byline elements, then "By …" lines. A source naming only
    the publisher itself ("Coast Daily" as author) gives way to a later one naming people; when none
    does, the publisher is the author."""
    site_keys = [_key(s) for s in sites]
    fallback: tuple[str, ...] = ()
    for names in _author_candidates(tree, meta, ld):
        names = _dedupe([n for name in names for n in split_names(name)])
        if not names:
            continue
        if not all(_is_site(n, site_keys) for n in names):
            return names
        fallback = fallback or names
    return fallback


_AUTHOR_TAGS = ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl")


def _text_without_buttons(el: Any) -> str:
    """An element's text without the labels of buttons inside it ("Ann Lee" + a "Follow" button)."""
    if el.find(".//button") is None:
        return el.text_content()
    el = copy.deepcopy(el)
    for button in el.findall(".//button"):
        button.drop_tree()
    return el.text_content()


def _author_candidates(tree: Any, meta: dict[str, str], ld: dict[str, Any] | None) -> Iterator[list[str]]:
    """Author name lists from every source, most trusted first (lazily: later ones cost more)."""
    if ld:
        yield person_names(ld.get("author")) or person_names(ld.get("creator"))
    # Every value of a named author tag (a page may repeat one: the publisher, then the reporter); an
    # ``itemprop`` tag only once, as it may belong to another item (a photo's credit).
    tags: dict[str, list[str]] = {}
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or "").strip().casefold()
        value = (el.get("content") or "").strip()
        if key in _AUTHOR_TAGS and value and value not in tags.get(key, []):
            tags.setdefault(key, []).append(value)
    for key in _AUTHOR_TAGS:
        values = [v for v in tags.get(key) or [meta.get(key, "")] if v and not v.startswith("http")]
        if values:
            yield values
    yield _labelled_author(meta)
    # Bylines sit under the headline; author lists before it are teasers (a sidebar of columnists).
    h1 = next(tree.iter("h1"), None)
    after_headline = h1.xpath("following::*" + _BYLINE_XPATH.removeprefix(".//*"))[:10] if h1 is not None else []
    for el in after_headline or tree.xpath(_BYLINE_XPATH)[:10]:
        text = _clean(_text_without_buttons(el))
        if 0 < len(text) <= 120:
            # Markup bylines hold labels too ("capital", a section; "amw", an editor's initials); a name
            # printed in a cased script has a capital letter.
            yield [n for n in split_names(text) if not n.islower()]
    for el in tree.xpath(_BY_TEXT_XPATH)[:200]:
        text = _clean(el.text_content())
        if len(text) <= 80 and _BY_LINE.match(text):
            yield [text]
            return
    yield _bold_byline(tree)


# Two to four capitalised words, or several such names joined by "/" or "and": "Ann Lee/Bo Li".
_NAME_WORD = r"[A-ZÀ-ÞĀ-Ž][\w'’.-]+"
_NAMES = re.compile(rf"^{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}(?:\s*(?:/|&|,| and ) ?{_NAME_WORD}(?: {_NAME_WORD}){{1,3}})*$")


def _bold_byline(tree: Any) -> list[str]:
    """A byline printed in bold as its own paragraph just before the article's first paragraph
    ("<p><strong>Ann Lee</strong></p>"), as some newspapers' content systems do."""
    before: list[Any] = []
    for p in tree.iter("p"):
        text = _clean(p.text_content())
        if word_count(text) >= 20:  # the article has begun
            break
        if text:
            before = [*before[-2:], p]
    for p in reversed(before):
        text = _clean(p.text_content())
        bold = "".join(b.text_content() for b in p if b.tag in ("strong", "b"))
        if _NAMES.match(text) and _clean(bold) == text:
            return [text]
    return []


# Labels of the "Written by" line that SEO plugins (Yoast) put in Twitter card metadata.
_WRITTEN_BY = re.compile(r"^(written by|author|verfasst von|geschrieben von|autor(in)?|écrit par|escrito por)$", re.I)


def _labelled_author(meta: dict[str, str]) -> list[str]:
    """The author named in labelled Twitter card data: ``twitter:label1`` "Written by" with
    ``twitter:data1``, or ``twitter:misc:Written by``."""
    for key, label in meta.items():
        if key.startswith("twitter:label") and _WRITTEN_BY.match(label.strip()):
            value = meta.get("twitter:data" + key.removeprefix("twitter:label"), "")
            if value:
                return [value]
        elif key.startswith("twitter:misc:") and _WRITTEN_BY.match(key.removeprefix("twitter:misc:").strip()):
            return [label]
    return []


# --------------------------------------------------------------------------------------------- dates

_PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "publishdate", "publish-date",
    "pubdate", "dc.date.issued", "dcterms.created", "dc.date", "date", "sailthru.date", "parsely-pub-date",
    "og:published_time", "article.published", "published_time", "cxenseparse:recs:publishtime",
)
_UPDATED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")


def _first_date(values: list[Any]) -> str | None:
    for v in values:
        if isinstance(v, str) and v.strip():
            iso = normalize_datetime(v)
            if iso:
                return iso
    return None


def _dates(tree: Any, meta: dict[str, str], ld: dict[str, Any] | None) -> tuple[str | None, str | None]:
    ld_pub = [ld.get("datePublished"), ld.get("dateCreated")] if ld else []
    ld_upd = [ld.get("dateModified")] if ld else []
    if not ld_pub or not any(ld_pub):  # a WebPage object may carry the dates when no article object does
        ld_pub += [o.get("datePublished") for o in iter_objects(tree)]
    published = _first_date(ld_pub) or _first_date([meta.get(k) for k in _PUBLISHED_KEYS])
    if not published:
        times = [t.get("datetime") for t in tree.iterfind(".//time") if t.get("datetime")]
        published = _first_date(times[:3])
    updated = _first_date(ld_upd) or _first_date([meta.get(k) for k in _UPDATED_KEYS])
    if updated and published and updated[:19] == published[:19]:
        updated = None
    return published, updated


# ---------------------------------------------------------------------------------------------- page


def read_metadata(tree: Any, url: str | None = None) -> Metadata:
    """Read title, authors, dates, site name, language and description from a parsed page.

    Args:
        tree: The page as an lxml HTML tree.
        url: The page's address, used to recognize the site's name in titles.

    Returns:
        The :class:`Metadata` found; fields the page does not give are empty.
    """
    meta = _meta(tree)
    ld = article_object(tree)
    sites = _site_names(meta, ld, url)
    published, updated = _dates(tree, meta, ld)
    title, variants = _titles(tree, meta, ld, sites)
    lang = (tree.get("lang") or meta.get("og:locale") or meta.get("content-language") or "").strip()
    return Metadata(
        title=title,
        title_variants=variants,
        authors=_authors(tree, meta, ld, sites),
        published=published,
        updated=updated,
        site_name=next((s for s in sites if s), None),
        lang=re.split(r"[-_]", lang)[0].casefold() or None,
        description=_clean(meta.get("og:description") or meta.get("description")) or None,
        url=_canonical_url(tree, meta),
    )


def _canonical_url(tree: Any, meta: dict[str, str]) -> str | None:
    """The page's own address: ``<link rel="canonical">``, else ``og:url`` (absolute http(s) only)."""
    links = [el.get("href") for el in tree.iterfind(".//link") if (el.get("rel") or "").casefold() == "canonical"]
    for value in [*links, meta.get("og:url")]:
        if value and value.strip().startswith(("http://", "https://")):
            return value.strip()
    return None
