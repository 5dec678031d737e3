"""Normalization of metadata dates (ISO 8601, RFC 2822, free text) to ISO 8601 strings."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

__all__ = ["normalize_datetime"]

# Years a web page's date can have; CMS placeholders ("0001-01-01", the Unix epoch) are not dates.
_YEARS = range(1800, 2200)
_PLACEHOLDERS = ("1970-01-01T00:00:00",)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def normalize_datetime(value: str | None) -> str | None:
    """An ISO 8601 date or datetime (with its time zone when known), or ``None`` if unparseable or a
    placeholder.

    >>> normalize_datetime("0001-01-01T00:00:00+00:00") is None
    True

    >>> normalize_datetime("Tue, 19 Jul 2022 10:05:00 GMT")
    '2022-07-19T10:05:00+00:00'
    >>> normalize_datetime("2024-05-03 15:47:42.389000+00:00")
    '2024-05-03T15:47:42.389000+00:00'
    >>> normalize_datetime("2022-07-19")
    '2022-07-19'
    >>> normalize_datetime("sometime") is None
    True
    """
    found = _normalize(value)
    if found is None or int(found[:4]) not in _YEARS or found.startswith(_PLACEHOLDERS):
        return None
    return found


def _normalize(value: str | None) -> str | None:
    if not value:
        return None
    value = str(value).strip()
    if _ISO.match(value):
        if len(value) == 10:
            return value
        try:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
        except ValueError:
            return value[:10]
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        import dateparser

        parsed = dateparser.parse(value, settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"})
    except Exception:  # dateparser raises assorted errors on odd input
        parsed = None
    if parsed is None:
        return None
    return parsed.isoformat() if parsed.time() != dt.time(0) or parsed.tzinfo else parsed.date().isoformat()
