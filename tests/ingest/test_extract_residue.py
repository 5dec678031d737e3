"""Extractor body: residue known from the markup (captions, teaser links, h1 copies) is removed and recorded."""

from __future__ import annotations

import pytest
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


@pytest.mark.issue(3)
def test_fact_box_lines_are_residue_unless_printed_outside_the_box():
    box = (
        "<div class='article-factbox'><h3>Facts about the harbour</h3><ul>"
        "<li>The harbour was built in 1872 and extended twice since then.</li>"
        "<li>About 300 boats are registered here, most of them for fishing.</li></ul>"
        f"<p>{PARAS[3]}</p></div>"
    )
    html = (
        "<html><body><article><h1>Harbour plan agreed</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + box
        + "</article></body></html>"
    )
    ex = Extractor()(html)
    assert "Facts about the harbour" not in ex.text
    assert "built in 1872" not in ex.text and "300 boats" not in ex.text
    assert all(p in ex.text for p in PARAS)  # the box repeats a paragraph of the story: it stays
    assert {r.reason for r in ex.removed} >= {"fact box"}


@pytest.mark.issue(3)
def test_linked_teaser_headlines_are_link_text_but_linked_subheadings_stay():
    html = (
        "<html><head><link rel='canonical' href='https://www.coast.example/news/harbour'></head><body><article>"
        "<h1>Harbour plan agreed</h1><ul><li><a href='#costs'>What it costs</a></li></ul>"
        f"<p>{PARAS[0]}</p><h2 id='costs'><a href='#costs'>What it costs</a></h2><p>{PARAS[1]}</p>"
        f"<h3><a href='https://shop.example/boat'>Gift idea: the Harbour Pilot model boat</a></h3><p>{PARAS[2]}</p>"
        f"<p>{PARAS[3]}</p></article><ul class='latest'><li><h3><a href='/news/pier-storm'>Storm damages the "
        "western pier</a></h3><h4>The night brought gusts of 120 km/h</h4></li></ul></body></html>"
    )
    html = html.replace("</body>", "<div><a href='/news/fog'><h3>Fog closes the port for a day</h3></a></div></body>")
    hints = residue_hints(lxml_html.fromstring(html))
    assert hints.get(norm_line("Storm damages the western pier")) == "link text"
    assert hints.get(norm_line("Fog closes the port for a day")) == "link text"  # a card: the link wraps it
    assert norm_line("What it costs") not in hints
    assert norm_line("Gift idea: the Harbour Pilot model boat") not in hints


@pytest.mark.issue(3)
def test_blocks_inside_a_card_link_are_link_text_at_any_length():
    blurb = "WINDOW: An institute said a timeline for a possible attack was based on expected measures " * 5
    html = (
        "<html><body><article><h1>Harbour plan agreed</h1>" + "".join(f"<p>{p}</p>" for p in PARAS)
        + f"</article><ul class='related'><li><a href='/news/2'><div><p>{blurb}</p></div></a></li></ul>"
        "</body></html>"
    )
    assert residue_hints(lxml_html.fromstring(html)).get(norm_line(blurb)) == "link text"
