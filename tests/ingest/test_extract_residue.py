"""Extractor body: residue known from the markup (captions, teaser links, h1 copies) is removed and recorded."""

from __future__ import annotations

from lxml import html as lxml_html

from newsprism.ingest._dom import norm_line, residue_hints
from newsprism.ingest.clean import Cleaner
from newsprism.ingest.extract import Extractor

PARAS = [
    "The regional council met on Monday and agreed on a new plan for the harbour after a long debate.",
    "Officials said the work would start in spring and take about two years to finish, at a cost of 40 million.",
    "Fishermen welcomed the decision but warned that the quay must stay open during the building work.",
    "The mayor said the plan would bring jobs and protect the old town from winter storms for decades.",
]


def page() -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS[:2])
    body += "<div class='media'><img src='q.jpg'><span class='caption'>Boats in the old harbour at dawn</span></div>"
    body += "".join(f"<p>{p}</p>" for p in PARAS[2:])
    body += "<ul><li><a href='/b'>Storm damages the western pier overnight</a></li></ul>"
    body += "<h2>What happens <a href='#next'>next</a></h2>"
    return f"<html><body><article><h1>Harbour plan agreed</h1>{body}</article></body></html>"


def test_markup_hints_name_captions_links_and_headlines_but_never_prose():
    hints = residue_hints(lxml_html.fromstring(page()))
    assert hints[norm_line("Boats in the old harbour at dawn")] == "caption"
    assert hints[norm_line("Storm damages the western pier overnight")] == "link text"
    assert hints[norm_line("Harbour plan agreed")] == "headline"
    assert all(norm_line(p) not in hints for p in PARAS)


def test_cleaner_removes_hinted_lines_from_extracted_text_with_reasons():
    raw = "\n".join(["Harbour plan agreed", PARAS[0], "Boats in the old harbour at dawn", *PARAS[1:],
                     "Storm damages the western pier overnight"])
    out = Cleaner()(raw, hints=residue_hints(lxml_html.fromstring(page())), origin="html")
    assert all(p in out.text for p in PARAS)
    quoted = {raw[r.start : r.end]: r.reason for r in out.removed}
    assert quoted == {
        "Harbour plan agreed": "headline",
        "Boats in the old harbour at dawn": "caption",
        "Storm damages the western pier overnight": "link text",
    }


def test_extractor_keeps_paragraphs_and_its_removed_spans_point_into_raw_text():
    ex = Extractor()(page())
    for p in PARAS:
        assert p in ex.text
    assert "Harbour plan agreed" not in ex.text
    assert ex.removed
    for r in ex.removed:
        assert 0 <= r.start < r.end <= len(ex.raw_text)
        assert ex.raw_text[r.start : r.end] not in ex.text


def test_teaser_list_items_opening_with_a_link_are_removed():
    raw = "\n".join([*PARAS, "- Storm damages the western pier overnight Crews worked until dawn to clear it"])
    out = Cleaner()(raw, hints=residue_hints(lxml_html.fromstring(page())), origin="html")
    assert all(p in out.text for p in PARAS)
    assert [r.reason for r in out.removed] == ["link text"]
