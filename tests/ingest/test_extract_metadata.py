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

@pytest.mark.parametrize(
    ("headline", "social"),
    [
        ("Coastal towns: Harbour plan agreed after long debate", "Harbour plan agreed after long debate"),
        ("Harbour plan agreed after long debate about costs and timing", "Harbour plan agreed after long debate"),
    ],
)
def test_social_headline_without_kicker_or_seo_tail_is_the_title(headline, social):
    ld = f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{headline}"}}</script>'
    ex = Extractor()(page(f'{ld}<meta property="og:title" content="{social}">', f"<h1>{headline}</h1>"))
    assert ex.title == social


def test_h1_fragment_of_the_headline_is_not_the_title():
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Coast: Harbour plan agreed"}'
        "</script>"
    )
    ex = Extractor()(page(ld, "<h1>Harbour plan agreed</h1>"))
    assert ex.title == "Coast: Harbour plan agreed"



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


@pytest.mark.issue(3)
def test_korean_bar_letter_separates_the_site_name():
    head = '<meta property="og:site_name" content="코스트일보"><meta property="og:title" content="항만 계획 합의ㅣ코스트일보">'
    ex = Extractor()(page(head))
    assert ex.title == "항만 계획 합의"


@pytest.mark.issue(3)
def test_written_by_label_in_twitter_card_data_names_the_author():
    head = (
        '<meta name="author" content="a.lee@coastdaily.example">'
        '<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Ann Lee">'
        '<meta name="twitter:label2" content="Geschätzte Lesezeit"><meta name="twitter:data2" content="3 Minuten">'
    )
    ex = Extractor()(page(head, "<h5 class='authorline'>Von Ann Lee, Frankfurt</h5>"))
    assert ex.authors == ("Ann Lee",)


@pytest.mark.issue(3)
def test_lower_case_labels_in_byline_markup_are_not_names():
    top = (
        "<div class='authors'><span class='brand'>capital</span> <span class='author-initials'>amw</span>"
        "<ul><li class='authors__item'>von Jemima Kelly</li></ul><time>05. November 2024</time></div>"
    )
    ex = Extractor()(page("", top))
    assert ex.authors == ("Jemima Kelly",)


@pytest.mark.issue(3)
def test_labelled_author_line_in_a_fact_list_names_the_author():
    facts = "<ul class='smallList'><li><strong>Datum</strong> 28.04.2023</li><li><strong>Autorin/Autor</strong> Ann Lee</li></ul>"
    ex = Extractor()(page("", "", BODY + facts))
    assert ex.authors == ("Ann Lee",)


@pytest.mark.issue(3)
def test_repeated_author_tag_adds_the_reporter_without_job_title():
    head = (
        '<meta property="og:site_name" content="코스트일보"><meta name="author" content="코스트일보">'
        '<meta name="author" content="신현주 기자">'
    )
    assert "신현주" in Extractor()(page(head)).authors


@pytest.mark.issue(3)
def test_photo_credit_in_microdata_is_not_an_author():
    head = '<meta name="author" content="Ann Lee">'
    figure = "<figure><img src='a.jpg'><meta itemprop='author' content='(Image: Getty Images)'></figure>"
    assert Extractor()(page(head, figure)).authors == ("Ann Lee",)


@pytest.mark.issue(3)
def test_byline_under_the_headline_wins_over_an_author_list_before_it():
    sidebar = "<aside><ul><li class='author-teaser'>Bo Li</li><li class='author-teaser'>Cy Ma</li></ul></aside>"
    html = (
        f"<html><head></head><body>{sidebar}<article><h1>Harbour plan agreed</h1>"
        "<ul class='metaInfoAuthorList'><li><a href='/author/ann'>Ann Lee</a>"
        "<button class='followAuthorBtn'>Folgen</button></li></ul>"
        f"{BODY}</article></body></html>"
    )
    assert Extractor()(html).authors == ("Ann Lee",)


@pytest.mark.issue(3)
def test_bold_byline_paragraph_before_the_article_names_the_authors():
    head = '<meta property="og:site_name" content="Coast Daily"><meta name="author" content="Coast Daily">'
    top = "<p>&nbsp;</p><p><strong>Ann Lee/Bo Li</strong></p>"
    ex = Extractor()(page(head, top))
    assert ex.authors == ("Ann Lee", "Bo Li")
    assert "Ann Lee/Bo Li" not in ex.text


@pytest.mark.issue(3)
def test_bold_subheading_inside_the_article_is_not_a_byline():
    head = '<meta property="og:site_name" content="Coast Daily"><meta name="author" content="Coast Daily">'
    body = BODY[: len(BODY) // 2] + "<p><strong>Harbour Works</strong></p>" + BODY[len(BODY) // 2 :]
    assert Extractor()(page(head, "", body)).authors == ("Coast Daily",)
