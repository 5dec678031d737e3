"""WARC archives: every HTTP response record with an HTML payload becomes one :class:`RawDocument`.

Records that are not HTML responses (requests, metadata, images) are not articles and are skipped.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator

from ..errors import InputError
from ..model import RawDocument, Rejected

__all__ = ["read_warc"]


def _headers(block: bytes) -> dict[str, str]:
    out = {}
    for line in block.split(b"\r\n"):
        if b":" in line:
            k, v = line.split(b":", 1)
            out[k.strip().decode("latin-1").lower()] = v.strip().decode("latin-1")
    return out


def _dechunk(body: bytes) -> bytes:
    out, pos = bytearray(), 0
    while pos < len(body):
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            break
        size = int(body[pos:eol].split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out += body[eol + 2 : eol + 2 + size]
        pos = eol + 2 + size + 2
    return bytes(out)


def _http_payload(block: bytes) -> tuple[int, dict[str, str], bytes]:
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        raise InputError("E131", "HTTP response without a header/body separator")
    status_line, _, rest = head.partition(b"\r\n")
    parts = status_line.split()
    status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    headers = _headers(rest)
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    if headers.get("content-encoding", "").lower() in ("gzip", "x-gzip"):
        body = gzip.decompress(body)
    elif headers.get("content-encoding", "").lower() == "deflate":
        body = zlib.decompress(body)
    return status, headers, body


def read_warc(data: bytes, origin: str) -> Iterator[RawDocument | Rejected]:
    """Yield the HTML responses of a WARC file (already gunzipped; multi-member gzip is fine)."""
    if not data.startswith(b"WARC/"):
        raise InputError("E130", "not a WARC file (no 'WARC/' version line)")
    pos, n = 0, 0
    while pos < len(data):
        end_head = data.find(b"\r\n\r\n", pos)
        if end_head < 0 or not data.startswith(b"WARC/", pos):
            yield Rejected(f"{origin}@{pos}", "ingest", "E132", "truncated or malformed WARC record")
            return
        headers = _headers(data[pos:end_head])
        try:
            length = int(headers.get("content-length", ""))
        except ValueError:
            yield Rejected(f"{origin}@{pos}", "ingest", "E132", "WARC record without a valid Content-Length")
            return
        block = data[end_head + 4 : end_head + 4 + length]
        record_at = pos
        pos = end_head + 4 + length
        while data.startswith(b"\r\n", pos):
            pos += 2
        if headers.get("warc-type") != "response":
            continue
        n += 1
        url = headers.get("warc-target-uri")
        where = f"{origin}#{url or record_at}"
        try:
            status, http_headers, body = _http_payload(block)
        except (InputError, OSError, zlib.error, ValueError) as e:
            yield Rejected(where, "ingest", "E131", f"unreadable HTTP response: {e}")
            continue
        ctype = http_headers.get("content-type", "text/html").lower()
        if "html" not in ctype:
            n -= 1
            continue
        if status and status >= 400:
            yield Rejected(where, "ingest", "E133", f"HTTP status {status}")
            continue
        meta = {"url": url} if url else {}
        if headers.get("warc-date"):
            meta["fetched"] = headers["warc-date"]
        yield RawDocument(where, "html", body, meta)
