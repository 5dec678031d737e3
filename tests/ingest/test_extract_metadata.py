"""Extractor metadata: title, authors and dates from JSON-LD, meta tags, bylines and <time> elements."""

from __future__ import annotations

import pytest

from newsprism.errors import InputError
from newsprism.ingest.extract import Extractor

BODY = "".join(
    f"<p>Paragraph {i}: the regional council met on Monday and agreed on a new plan for the harbour, "
    f"officials said after a long debate about costs and timing.</p>"
    for i in range(6)
)


def page(head: str = "", top: str = "", body: str = BODY) -> str:
    return f"<html lang='en-GB'><head>{head}</head><body><article>{top}{body}</article></body></html>"


def test_jsonld_article_gives_title_authors_and_both_dates():
    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},'
        '{"@type": "NewsArticle", "headline": "Harbour plan agreed &amp; funded",'
        '"datePublished": "2024-05-03T15:47:42Z", "dateModified": "2024-05-04T08:00:00+02:00",'
        '"author": [{"@type": "Person", "givenName": "Ann", "familyName": "Lee"},'
        '{"@type": "Person", "name": "Bo Li"}]}]}</script>'
        "<title>Something else entirely | Coast Daily</title>"
    )
    ex = Extractor()(page(ld, "<h1>Harbour plan agreed</h1>"), url="https://www.coastdaily.example/a/1")
    assert ex.title == "Harbour plan agreed & funded"
    assert ex.authors == ("Ann Lee", "Bo Li")
    assert ex.published == "2024-05-03T15:47:42+00:00"
    assert ex.updated == "2024-05-04T08:00:00+02:00"
    assert ex.lang == "en"
    assert ex.url == "https://www.coastdaily.example/a/1"


def test_canonical_link_gives_the_url_when_none_is_passed():
    ex = Extractor()(page('<link rel="canonical" href="https://news.example/harbour-plan">'))
    assert ex.url == "https://news.example/harbour-plan"


def test_og_title_loses_the_site_name_and_meta_dates_are_read():
    head = (
        '<meta property="og:site_name" content="Coast Daily">'
        '<meta property="og:title" content="Harbour plan agreed - Coast Daily">'
        '<meta property="article:published_time" content="2024-05-03T10:00:00+01:00">'
        '<meta property="article:modified_time" content="2024-05-03T10:00:00+01:00">'
    )
    ex = Extractor()(page(head))
    assert ex.title == "Harbour plan agreed"
    assert ex.published == "2024-05-03T10:00:00+01:00"
    assert ex.updated is None  # same instant as the publication: not an update


def test_section_suffix_is_dropped_when_another_source_has_the_bare_headline():
    head = '<meta property="og:title" content="Harbour plan agreed | Politics">'
    ex = Extractor()(page(head, "<h1>Harbour plan agreed</h1>"))
    assert ex.title == "Harbour plan agreed"


def test_byline_element_names_people_in_several_languages():
    ex = Extractor()(page(top="<h1>Hafenplan</h1><p class='byline'>Von Anna Berg und Jonas Wolf</p>"))
    assert ex.authors == ("Anna Berg", "Jonas Wolf")


def test_publisher_as_author_gives_way_to_a_byline():
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour plan agreed",'
        '"author": {"@type": "Organization", "name": "Coast Daily"},'
        '"publisher": {"@type": "Organization", "name": "Coast Daily"}}</script>'
    )
    ex = Extractor()(page(ld, "<span class='author-name'>By Ann Lee</span>"))
    assert ex.authors == ("Ann Lee",)


def test_time_element_dates_a_page_without_metadata():
    ex = Extractor()(page(top="<time datetime='2023-11-20T09:30:00Z'>20 Nov</time>"))
    assert ex.published == "2023-11-20T09:30:00+00:00"


def test_page_without_article_text_is_an_input_error_with_a_code():
    with pytest.raises(InputError) as err:
        Extractor()("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert err.value.code in {"E141", "E142"}
