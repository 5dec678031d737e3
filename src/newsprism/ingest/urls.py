"""URL canonicalization, so that one page reached by several URLs gets one article id."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["canonical_url", "site_of"]

# Query parameters that track the visit, not the page.
_TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_", "ref", "cmp", "ito", "ns_", "at_")


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop ``www.``, fragments, tracking parameters and trailing slashes.

    >>> canonical_url("HTTPS://www.Example.com/News/a/?utm_source=tw&id=3#comments")
    'https://example.com/News/a?id=3'
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(_TRACKING_PREFIXES)]
    path = parts.path.rstrip("/") or "/"
    scheme = (parts.scheme or "http").lower()
    if scheme == "http":
        scheme = "https"
    return urlunsplit((scheme, host, path if path != "/" else "", urlencode(sorted(query)), ""))


def site_of(url: str | None) -> str | None:
    """The registered host of ``url`` without ``www.`` (``https://www.bbc.co.uk/x`` → ``bbc.co.uk``)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    return host or None
