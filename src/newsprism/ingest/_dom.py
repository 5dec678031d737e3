"""What the page's markup says about short blocks of text: which are captions, credits or links.

Text extractors flatten the page into lines and lose this knowledge; the cleaner gets it back as
*residue hints*: the normalized text of every caption / credit element, of every link (teaser lists,
navigation) and of the lines of fact boxes. A line of the extracted text equal to a hint is residue with
that reason.

>>> from lxml import html
>>> page = html.fromstring('<html><body><article><p>Talks went on all night in the capital.</p>'
...     '<figure><img src="a.jpg"><figcaption>Delegates arrive (AP)</figcaption></figure>'
...     '<ul><li><a href="/x">Other story of the day</a></li></ul></article></body></html>')
>>> sorted(residue_hints(page).items())
[('delegates arrive ap', 'caption'), ('other story of the day', 'link text')]
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from ..settings import ExtractSettings

__all__ = [
    "hoist_embeds",
    "inline_ruby",
    "norm_line", "other_articles_xpath", "residue_hints",
    "shows_text",
    "word_count",
]

_NON_WORD = re.compile(r"\W+")

# Captions and credits: <figcaption>, and caption/credit-classed elements (checked by _beside_image).
_CAPTION_XPATH = (
    ".//figcaption | .//*[@class][contains(@class, 'aption') or contains(@class, 'redit')"
    " or contains(@class, 'opyright')]"
)
# Prose elements: a hint never removes text the page also prints as a paragraph or heading (some sites
# repeat paragraphs as captions, or link their subheadings from a table of contents).
_PROSE_XPATH = (
    ".//p[not(ancestor::figure or ancestor::figcaption or contains(@class, 'caption') or contains(@class, 'credit'))]"
    " | .//h2 | .//h3 | .//h4"
)
# Blocks inside a link: a card that links to another story ("<a href><h3>…</h3><p>…</p></a>").
_CARD_BLOCKS_XPATH = ".//a//p | .//a//h2 | .//a//h3 | .//a//h4 | .//a//li"
_URL = re.compile(r"^\s*(https?://|www\.)\S+\s*$")


# Han characters and kana: scripts written without spaces, where a word is about two characters.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def word_count(text: str) -> int:
    """Words in ``text``, counting Chinese and Japanese (written without spaces) as two characters a word.

    >>> word_count("Talks go on"), word_count("停戦交渉が大詰めを迎える")
    (3, 6)
    """
    unspaced = len(_UNSPACED.findall(text))
    spaced = len(_UNSPACED.sub(" ", text).split())
    return spaced + (unspaced + 1) // 2


def norm_line(text: str) -> str:
    """Case- and punctuation-insensitive key of a line of text."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _beside_image(el: Any) -> bool:
    """A caption-classed element counts when it is inside a figure or next to an image, and holds no
    paragraphs (some sites call their whole story container "...-caption")."""
    if el.find(".//p") is not None:
        return False
    parent = el.getparent()
    if parent is not None and (parent.find(".//img") is not None or parent.find(".//picture") is not None):
        return True
    return any(a.tag == "figure" for a in el.iterancestors())


def residue_hints(tree: Any, settings: ExtractSettings | None = None) -> dict[str, str]:
    """Normalized texts of caption/credit elements and of links, with the reason.

    A line of extracted text that is exactly one link's text is a teaser or navigation link, and so is a
    short paragraph or list item made mostly of link text ("<b>Health:</b> <a>What really helps</a>").

    Args:
        tree: The page as an lxml HTML tree (not modified).
        settings: ``residue_max_chars`` (longer texts are never hints), ``link_share`` and
            ``prose_link_share`` (share of a list item's / paragraph's characters inside links above
            which it is link text).

    Returns:
        A mapping from :func:`norm_line` keys to ``"caption"`` or ``"link text"``.
    """
    settings = settings or ExtractSettings()
    max_chars = settings.residue_max_chars
    hints: dict[str, str] = {}
    for el in tree.xpath(_CAPTION_XPATH):
        if el.tag != "figcaption" and not _beside_image(el):
            continue
        key = norm_line(el.text_content())
        if key and len(key) <= max_chars:
            hints.setdefault(key, "caption")
    for el in tree.iter("h1"):
        key = norm_line(el.text_content())
        if key:
            hints.setdefault(key, "headline")
    for el in tree.iter("a"):
        text = el.text_content()
        if 10 <= len(text) <= max_chars and " " in text.strip() and not _URL.match(text):
            hints.setdefault(norm_line(text), "link text")
    # Teaser cards wrapped in one link: every block inside the link is the card's text, at any length.
    for el in tree.xpath(_CARD_BLOCKS_XPATH):
        text = el.text_content()
        if " " in text.strip() and not _URL.match(text):
            hints.setdefault(norm_line(text), "link text")
    for el in tree.xpath(".//p[.//a] | .//li[.//a]"):
        text = el.text_content().strip()
        if not text or len(text) > max_chars or _URL.match(text):
            continue
        linked = sum(len(a.text_content().strip()) for a in el.iter("a"))
        # A sentence-length paragraph is prose with links in it unless it is (nearly) all link.
        share = settings.link_share if el.tag == "li" or word_count(text) < 10 else settings.prose_link_share
        if linked >= share * len(text):
            hints.setdefault(norm_line(text), "link text")
    host = _page_host(tree)
    for el in tree.xpath(_PROSE_XPATH):
        key = norm_line(el.text_content())
        if key in hints and hints[key] != "headline" and (hints[key] == "caption" or el.tag != "p"):
            if hints[key] == "link text" and _links_to_other_story(el, host):
                continue  # a teaser headline ("<h3><a href='/other-story'>…</a></h3>"), not a subheading
            del hints[key]
    _add_fact_box_hints(tree, hints)
    return hints


# Fact boxes: "infobox", "info-box", "factbox", "Faktenbox", "Infokasten" in a class or id.
_FACT_BOX = re.compile(r"(?<![a-z])(info|fact|fakt(en)?)[-_]?(box|kasten)", re.IGNORECASE)
# Elements whose class or id may name a fact box: a cheap filter before the pattern. Selecting the
# attributes and then their elements is several times faster in libxml2 than testing every element.
_BOX_CANDIDATES = (
    "//@class[contains(., 'ox') or contains(., 'asten')]/.. | //@id[contains(., 'ox') or contains(., 'asten')]/.."
)
_BOX_BLOCKS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "blockquote")


def _add_fact_box_hints(tree: Any, hints: dict[str, str]) -> None:
    """Hints for the lines of fact boxes: background boxes set apart from the story ("Facts about
    postnatal depression", "Please note: investments carry risks", a book list), which repeat or
    supplement it rather than tell it. A line the page also prints outside any box stays."""
    boxes = [
        el for el in tree.xpath(_BOX_CANDIDATES) if _FACT_BOX.search(f"{el.get('class') or ''} {el.get('id') or ''}")
    ]
    if not boxes:
        return
    inside: set[Any] = set()
    for box in boxes:
        inside.update(box.iter())
    keys = {norm_line(el.text_content()) for el in inside if el.tag in _BOX_BLOCKS}
    keys |= {norm_line(box.text_content()) for box in boxes}
    outside = {norm_line(el.text_content()) for el in tree.iter(*_BOX_BLOCKS) if el not in inside}
    for key in keys - outside:
        if key:
            hints.setdefault(key, "fact box")


def _page_host(tree: Any) -> str | None:
    """The host of the page's own address (canonical link or ``og:url``), without "www."."""
    for value in tree.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content"):
        host = urlsplit(value.strip()).hostname
        if host:
            return host.removeprefix("www.")
    return None


def _links_to_other_story(el: Any, host: str | None) -> bool:
    """Whether a heading is itself a link to another page of the same site: a teaser's headline. Anchors
    on the page (a table of contents linking the article's subheadings) and links to other sites (a gift
    guide's product names) are not teasers."""
    for a in [*el.iter("a"), *el.iterancestors("a")]:  # a link inside the heading, or around it (a card)
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        target = urlsplit(href).hostname
        if target is None or (host and target.removeprefix("www.") == host):
            return True
    return False


def shows_text(tree: Any, text: str) -> bool:
    """Whether the page prints ``text`` as one element of its body (a paragraph, heading or leaf block),
    as opposed to only in ``<meta>`` tags.

    >>> from lxml import html
    >>> page = html.fromstring("<html><body><div><p class='lead'>Talks go on.</p></div></body></html>")
    >>> shows_text(page, "Talks go on")
    True
    """
    key = norm_line(text)
    if not key:
        return False
    return any(
        norm_line(el.text_content()) == key
        for el in tree.xpath("//body//p | //body//h2 | //body//div[not(.//div or .//p)] | //body//span[not(*)]")
    )


def other_articles_xpath(tree: Any, title: str | None) -> str | None:
    """An XPath selecting the *other* full articles of a page that carries several (infinite-scroll pages
    append the next stories, each an ``<article>`` with its own ``<h1>``), or ``None`` for a page with one.

    The article kept is the one whose ``<h1>`` matches ``title``, else the first.

    >>> from lxml import html
    >>> page = html.fromstring("<html><body><article><h1>Quake</h1><p>a</p></article>"
    ...                        "<article><h1>Next story</h1><p>b</p></article></body></html>")
    >>> other_articles_xpath(page, "Quake")
    '(//article[.//h1])[position() != 1]'
    """
    articles = tree.xpath("//article[.//h1]")
    if len(articles) < 2:
        return None
    for a in articles:  # nested articles (a story holding teaser cards) are one article, not several
        if any(b is not a and any(anc is a for anc in b.iterancestors()) for b in articles):
            return None
    key = norm_line(title or "")
    keep = next(
        (i for i, a in enumerate(articles) if key and norm_line(a.xpath("string(.//h1)")) == key),
        0,
    )
    return f"(//article[.//h1])[position() != {keep + 1}]"


def inline_ruby(tree: Any) -> None:
    """Flatten ruby annotations (Japanese furigana) into the text as "base（reading）", in place.

    Text extractors treat ``<ruby>`` parts as separate blocks and break the sentence around them.

    >>> from lxml import html
    >>> page = html.fromstring("<p>The <ruby>弾劾<rt>だんがい</rt></ruby> motion</p>")
    >>> inline_ruby(page); page.text_content()
    'The 弾劾（だんがい） motion'
    """
    for ruby in list(tree.iter("ruby")):
        has_parens = ruby.find(".//rp") is not None
        for rt in ruby.iter("rt"):
            if not has_parens:
                rt.text = f"（{rt.text or ''}"
                if len(rt):
                    rt[-1].tail = f"{rt[-1].tail or ''}）"
                else:
                    rt.text += "）"
        for el in list(ruby.iter("rb", "rt", "rp", "rtc")):
            el.drop_tag()
        ruby.drop_tag()


# Posts quoted from social networks, embedded with the networks' own markup.
_EMBED_XPATH = (
    "//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')"
    " or contains(@class, 'tiktok-embed') or contains(@class, 'bluesky-embed') or contains(@class, 'threads-embed')]"
)
# Containers an embed's wrappers never climb past: the article itself.
_EMBED_STOP = frozenset({"body", "article", "main", "section"})


def hoist_embeds(tree: Any) -> None:
    """Replace each embedded social post, with the wrappers around it, by a plain ``<blockquote>`` of its
    paragraphs, in place.

    Articles quote posts ("a whole lot of people on Twitter pointed it out:" followed by the tweets);
    they are part of what the article says. Their wrappers ("social-media-embed", "tweet widget") make
    text extractors discard them as share buttons. The plain quote keeps the post's text and its
    attribution line, and drops the network's markup.

    >>> from lxml import html
    >>> page = html.fromstring('<html><body><article><p>People reacted.</p><div class="social-embed">'
    ...     '<blockquote class="twitter-tweet"><p>This is real</p>- Ann (@ann) <a href="#">May 5</a>'
    ...     '</blockquote></div></article></body></html>')
    >>> hoist_embeds(page)
    >>> [(el.tag, el.text) for el in page.find(".//article").iter("blockquote", "p")]
    [('p', 'People reacted.'), ('blockquote', None), ('p', 'This is real'), ('p', '- Ann (@ann) May 5')]
    """
    from lxml import etree

    for quote in tree.xpath(_EMBED_XPATH):
        text = " ".join(quote.text_content().split())
        if not text:
            continue
        top = quote
        parent = top.getparent()
        while parent is not None and parent.tag not in _EMBED_STOP and " ".join(parent.text_content().split()) == text:
            top, parent = parent, parent.getparent()
        if parent is None:
            continue
        plain = etree.Element("blockquote")
        rest = text
        for p in quote.iter("p"):
            line = " ".join(p.text_content().split())
            if line:
                etree.SubElement(plain, "p").text = line
                rest = rest.replace(line, "", 1)
        rest = rest.strip()
        if rest:  # the attribution: "- Ann (@ann) May 5"
            etree.SubElement(plain, "p").text = rest
        plain.tail = top.tail
        parent.replace(top, plain)
