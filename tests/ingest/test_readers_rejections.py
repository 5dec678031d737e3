"""Bad inputs are rejected with a clear reason and never stop the batch."""

from __future__ import annotations

import gzip
import json

from newsprism.ingest.readers import read_paths
from newsprism.model import RawDocument, Rejected


def _write_inputs(tmp_path):
    (tmp_path / "good.txt").write_text("Ferry strike ends\n\nThe ferry workers ended their strike on Friday, the union said.\n")
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(b"<html><body><article><p>Text of a page long enough to be an article body for the test.</p></article></body></html>"))
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "broken.html.gz").write_bytes(b"\x1f\x8b\x08not really gzip")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n")
    lines = [
        json.dumps({"id": "a1", "title": "Rail line reopens", "text": "The rail line reopened on Monday after repairs."}),
        "{not json",
        json.dumps({"id": "a2", "title": "No text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "a3", "html": "<p>Bridge repairs finished ahead of schedule, the city said.</p>"}),
    ]
    (tmp_path / "records.jsonl").write_text("\n".join(lines) + "\n")


def test_each_bad_input_is_rejected_with_its_reason(tmp_path):
    _write_inputs(tmp_path)
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    rejected = {r.origin.rsplit("/", 1)[-1]: r for r in items if isinstance(r, Rejected)}
    good = [r for r in items if isinstance(r, RawDocument)]
    assert sorted(r.origin.rsplit("/", 1)[-1] for r in good) == ["good.txt", "page.html.gz", "records.jsonl:1", "records.jsonl:5"]
    assert rejected["empty.txt"].reason == "empty file"
    assert "binary" in rejected["binary.txt"].reason
    assert "gzip" in rejected["broken.html.gz"].reason
    assert "unsupported file type" in rejected["picture.png"].reason
    assert "invalid JSON" in rejected["records.jsonl:2"].reason
    assert "'text' or 'html'" in rejected["records.jsonl:3"].reason
    assert "must be an object" in rejected["records.jsonl:4"].reason
    assert rejected["missing.txt"].reason == "file not found"
    assert all(r.code.startswith("E1") for r in rejected.values())


def test_feed_items_become_documents_with_metadata(tmp_path):
    (tmp_path / "feed.rss").write_text(
        """<?xml version="1.0"?><rss version="2.0"><channel><title>Coast News</title>
        <item><title>Harbour reopens</title><link>https://coast.example/h</link>
        <pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;The harbour reopened.&lt;/p&gt;</description></item>
        </channel></rss>"""
    )
    (doc,) = list(read_paths([tmp_path / "feed.rss"]))
    assert isinstance(doc, RawDocument)
    assert doc.meta["title"] == "Harbour reopens"
    assert doc.meta["source"] == "Coast News"
    assert doc.meta["url"] == "https://coast.example/h"


def test_warc_responses_become_html_documents(tmp_path):
    html = b"<html><body><p>Archived report.</p></body></html>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html

    def record(kind: bytes, block: bytes, uri: bytes) -> bytes:
        head = (b"WARC/1.0\r\nWARC-Type: " + kind + b"\r\nWARC-Target-URI: " + uri +
                b"\r\nContent-Length: " + str(len(block)).encode() + b"\r\n\r\n")
        return head + block + b"\r\n\r\n"

    data = record(b"request", b"GET / HTTP/1.1\r\n\r\n", b"https://a.example/") + record(b"response", http, b"https://a.example/")
    (tmp_path / "crawl.warc.gz").write_bytes(gzip.compress(data))
    items = list(read_paths([tmp_path / "crawl.warc.gz"]))
    assert len(items) == 1 and isinstance(items[0], RawDocument)
    assert items[0].meta["url"] == "https://a.example/"
    assert b"Archived report" in items[0].content
