"""Readers: turn files and folders into :class:`RawDocument` items, one reader per input kind.

Supported inputs: ``.html``/``.htm`` pages, ``.txt``/``.md`` plain text (first non-empty line is the title),
``.jsonl`` records (``text`` or ``html`` plus optional ``id, url, source, title, published, lang,
authors``), RSS/Atom feeds (``.xml``, ``.rss``, ``.atom``) and WARC archives (``.warc``); any of them may be
gzip-compressed (``.gz``). A reader never raises for bad input: it yields a :class:`Rejected` with the
reason and goes on with the next item.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import RawDocument, Rejected
from ..settings import IngestSettings

__all__ = ["SUFFIXES", "decode_text", "iter_files", "read_bytes", "read_paths", "record_to_raw"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".md", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
WARC_SUFFIXES = (".warc",)
SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES

_RECORD_FIELDS = ("id", "url", "source", "title", "published", "updated", "lang", "authors")


def _kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for kind, suffixes in (
        ("html", HTML_SUFFIXES),
        ("text", TEXT_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
        ("feed", FEED_SUFFIXES),
        ("warc", WARC_SUFFIXES),
    ):
        if name.endswith(suffixes):
            return kind
    return None


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file under ``paths`` (folders recursively, sorted, hidden files skipped)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def read_bytes(path: Path, settings: IngestSettings) -> bytes:
    """The file's bytes, gunzipped when it ends in ``.gz``; raises :class:`InputError` with a reason."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError("E101", "file not found") from None
    except OSError as e:
        raise InputError("E102", f"cannot read file: {e.strerror or e}") from None
    if size > settings.max_bytes:
        raise InputError("E103", f"file is {size} bytes, over the {settings.max_bytes}-byte limit")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError("E102", f"cannot read file: {e.strerror or e}") from None
    if path.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as e:
            raise InputError("E104", f"not a valid gzip file ({e})") from None
        if len(data) > settings.max_bytes:
            raise InputError("E103", f"file is {len(data)} bytes uncompressed, over the limit")
    if not data.strip():
        raise InputError("E105", "empty file")
    return data


def decode_text(data: bytes) -> str:
    """Decode text bytes: BOMs, then UTF-8, then Windows-1252. Binary data raises :class:`InputError`.

    >>> decode_text("Grüße".encode("cp1252"))
    'Grüße'
    >>> decode_text(bytes(range(256)))
    Traceback (most recent call last):
    ...
    newsprism.errors.InputError: E106: binary content, not text (NUL bytes)
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise InputError("E106", "binary content, not text (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if sample and controls / len(sample) > 0.05:
        raise InputError("E106", "binary content, not text (control characters)")
    return text


def record_to_raw(obj: Any, origin: str) -> RawDocument:
    if not isinstance(obj, dict):
        raise InputError("E110", f"a JSONL line must be an object, got {type(obj).__name__}")
    meta = {k: obj[k] for k in _RECORD_FIELDS if obj.get(k) not in (None, "", [])}
    for key in ("id", "url", "source", "title", "published", "updated", "lang"):
        if key in meta and not isinstance(meta[key], (str, int)):
            raise InputError("E111", f"field {key!r} must be a string")
    if "authors" in meta:
        authors = meta["authors"]
        if isinstance(authors, str):
            authors = [a.strip() for a in authors.split(";") if a.strip()]
        if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
            raise InputError("E111", "field 'authors' must be a list of strings")
        meta["authors"] = authors
    html, text = obj.get("html"), obj.get("text")
    if isinstance(html, str) and html.strip():
        return RawDocument(origin, "html", html, meta)
    if isinstance(text, str) and text.strip():
        return RawDocument(origin, "text", text, meta)
    raise InputError("E112", "record has no non-empty 'text' or 'html' field")


def _read_jsonl(data: bytes, origin: str) -> Iterator[RawDocument | Rejected]:
    text = decode_text(data)
    for lineno, line in enumerate(io.StringIO(text), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            obj = json.loads(line)
            yield record_to_raw(obj, where)
        except json.JSONDecodeError as e:
            yield Rejected(where, "ingest", "E113", f"invalid JSON: {e.msg} at column {e.colno}")
        except InputError as e:
            yield Rejected(where, "ingest", e.code, e.message)


def _read_source(path: Path, settings: IngestSettings) -> Iterator[RawDocument | Rejected]:
    origin = str(path)
    kind = _kind_of(path)
    if kind is None:
        yield Rejected(origin, "ingest", "E107", f"unsupported file type {path.suffix or '(none)'!r}")
        return
    try:
        data = read_bytes(path, settings)
        if kind == "html":
            decode_text(data)  # binary check only; the extractor decodes with the page's declared charset
            yield RawDocument(origin, "html", data, {})
        elif kind == "text":
            yield RawDocument(origin, "text", decode_text(data), {})
        elif kind == "jsonl":
            yield from _read_jsonl(data, origin)
        elif kind == "feed":
            from .feeds import read_feed

            yield from read_feed(data, origin)
        elif kind == "warc":
            from .warc import read_warc

            yield from read_warc(data, origin)
    except InputError as e:
        yield Rejected(origin, "ingest", e.code, e.message)


def read_paths(paths: Iterable[str | Path], settings: IngestSettings | None = None) -> Iterator[RawDocument | Rejected]:
    """Yield one :class:`RawDocument` per input item, or a :class:`Rejected` with the reason.

    A missing path is itself a rejection, so a typo in one argument does not stop the others.
    """
    settings = settings or IngestSettings()
    for path in iter_files(paths):
        if not path.exists():
            yield Rejected(str(path), "ingest", "E101", "file not found")
            continue
        yield from _read_source(path, settings)
