"""RSS 2.0 and Atom feeds: each item with content becomes one HTML :class:`RawDocument`."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..errors import InputError
from ..model import RawDocument, Rejected

__all__ = ["read_feed"]


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child_text(item: etree._Element, *names: str) -> str | None:
    for child in item:
        if _local(child.tag) in names and (child.text or "").strip():
            return child.text.strip()
    return None


def _atom_link(entry: etree._Element) -> str | None:
    for child in entry:
        if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate" and child.get("href"):
            return child.get("href")
    return None


def _authors(item: etree._Element) -> list[str]:
    names = []
    for child in item:
        tag = _local(child.tag)
        if tag in ("creator", "author"):
            name = _child_text(child, "name") or (child.text or "").strip()
            if name:
                names.append(name)
    return names


def read_feed(data: bytes, origin: str) -> Iterator[RawDocument | Rejected]:
    """Yield the items of an RSS or Atom feed; an item without text is rejected with its position.

    >>> rss = b'''<rss><channel><title>T</title><item><title>Hello</title><link>https://x.org/a</link>
    ... <description>&lt;p&gt;Body text&lt;/p&gt;</description></item><item><title>Empty</title></item>
    ... </channel></rss>'''
    >>> [type(x).__name__ for x in read_feed(rss, "f.xml")]
    ['RawDocument', 'Rejected']
    """
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise InputError("E120", f"not a valid XML feed: {e.msg}") from None
    site = None
    if _local(root.tag) == "rss":
        channel = next((c for c in root if _local(c.tag) == "channel"), None)
        items = [c for c in channel if _local(c.tag) == "item"] if channel is not None else []
        site = _child_text(channel, "title") if channel is not None else None
    elif _local(root.tag) == "feed":
        items = [c for c in root if _local(c.tag) == "entry"]
        site = _child_text(root, "title")
    elif _local(root.tag) == "RDF":
        items = [c for c in root if _local(c.tag) == "item"]
    else:
        raise InputError("E121", f"XML root <{_local(root.tag)}> is not an RSS or Atom feed")
    for n, item in enumerate(items, start=1):
        where = f"{origin}#item{n}"
        body = _child_text(item, "encoded", "content") or _child_text(item, "description", "summary")
        if not body:
            yield Rejected(where, "ingest", "E122", "feed item has no content or description")
            continue
        meta = {
            "title": _child_text(item, "title"),
            "url": _child_text(item, "link") or _atom_link(item),
            "published": _child_text(item, "pubDate", "published", "date", "issued", "updated"),
            "authors": _authors(item),
            "source": site,
        }
        yield RawDocument(where, "html", f"<html><body><article>{body}</article></body></html>",
                          {k: v for k, v in meta.items() if v})
