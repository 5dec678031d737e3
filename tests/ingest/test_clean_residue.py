"""Plain-text residue removal: each kind of scraping residue, on hand-written examples, without losing
article sentences."""

from __future__ import annotations

import pytest

from newsprism.ingest.clean import Cleaner

S1 = "The city council approved the new budget on Thursday after a three-hour debate, the mayor's office said."
S2 = "Spending on schools rises by four percent, while the road repair fund is cut for the second year running."
S3 = "Opposition members said they would challenge the vote, arguing that the public had not been consulted."
S4 = "The budget takes effect in January and will be reviewed again in the autumn, officials added."


def clean(raw: str, title: str | None = None):
    out = Cleaner()(raw, title=title)
    quoted = [(raw[r.start : r.end], r.reason) for r in out.removed]
    return out, quoted


def assert_article_kept(text: str) -> None:
    for s in (S1, S2, S3, S4):
        assert s in text


def test_promo_block_with_its_heading_is_removed():
    raw = f"{S1}\n\n{S2}\n\nDeals of the week\n\nSign up for our newsletter and\nget offers by email.\n\n{S3}\n\n{S4}"
    out, quoted = clean(raw)
    assert_article_kept(out.text)
    assert ("Deals of the week", "promo") in quoted
    assert ("get offers by email.", "promo") in quoted
    assert "newsletter" not in out.text


@pytest.mark.parametrize(
    "line",
    [
        ">>Read also: Council fights over parking fees",
        "More: All our coverage of the city budget",
        "Lesen Sie auch: Haushalt der Stadt beschlossen",
        "À lire aussi : Le budget de la ville adopté",
        "Les også: Bystyret vedtok budsjettet",
    ],
)
def test_read_also_link_lines_are_removed_in_several_languages(line):
    out, quoted = clean(f"{S1}\n\n{S2}\n\n{line}\n\n{S3}\n\n{S4}")
    assert_article_kept(out.text)
    assert quoted == [(line, "link line")]


@pytest.mark.parametrize("credit", ["(Photo: AP)", "Foto: dpa", "Jane Roe/AFP via Getty Images", "© Reuters"])
def test_photo_credits_and_the_caption_above_them_are_removed(credit):
    caption = "Council members leave the town hall after the vote"
    out, quoted = clean(f"{caption}\n\n{credit}\n\n{S1}\n\n{S2}\n\n{S3}\n\n{S4}")
    assert_article_kept(out.text)
    assert (credit, "photo credit") in quoted
    assert (caption, "caption") in quoted


def test_share_and_newsletter_prompts_are_removed():
    raw = f"{S1}\n\n{S2}\n\nShare this article on Facebook\n\n{S3}\n\nFollow us on Instagram\n\n{S4}"
    out, quoted = clean(raw)
    assert_article_kept(out.text)
    assert {q for q, _ in quoted} == {"Share this article on Facebook", "Follow us on Instagram"}


def test_footer_and_repeated_title_are_removed():
    title = "City approves budget"
    out, quoted = clean(f"{title}\n\n{S1}\n\n{S2}\n\n{S3}\n\n{S4}\n\nsource: citynews-7", title=title)
    assert_article_kept(out.text)
    assert quoted == [(title, "repeated title"), ("source: citynews-7", "footer")]


def test_run_in_captions_are_split_off_but_brand_names_stay_whole():
    glued = (
        "The mayor speaks to reporters outside the town hall todayCouncil members debated the plan for hours"
        "Spending on schools rises, the mayor said."
    )
    raw = f"{S1}\n\n{glued}\n\nThe new iPhone and the BamTech service were not part of the budget talks today.\n\n{S3}"
    out, quoted = clean(raw)
    assert ("The mayor speaks to reporters outside the town hall today", "run-in caption") in quoted
    assert "Spending on schools rises, the mayor said." in out.text
    assert "The new iPhone and the BamTech service were not part of the budget talks today." in out.text


def test_bylines_and_datelines_at_the_top_are_removed():
    out, quoted = clean(f"By Maria Lopez\n\nUpdated: 12.03.2024, 14:05\n\n{S1}\n\n{S2}\n\n{S3}\n\n{S4}")
    assert_article_kept(out.text)
    assert [r for _, r in quoted] == ["byline or dateline", "byline or dateline"]


def test_short_line_repeated_many_times_is_furniture():
    block = "External content not available"
    out, quoted = clean(f"{S1}\n{block}\n{S2}\n{block}\n{S3}\n{block}\n{S4}")
    assert_article_kept(out.text)
    assert quoted == [(block, "repeated boilerplate")] * 3


def test_tail_after_an_end_of_article_heading_is_removed():
    raw = f"{S1}\n{S2}\n{S3}\n{S4}\nRelated articles\nCouncil fights over parking\nMayor opens new library"
    out, quoted = clean(raw)
    assert_article_kept(out.text)
    assert [q for q, _ in quoted] == ["Related articles", "Council fights over parking", "Mayor opens new library"]


def test_tables_and_crossheads_are_article_text():
    table = "| Item | 2023 | 2024 | Change in percent for the whole year across every district of the city |"
    raw = f"{S1}\n\n{table}\n\nWhat changes for residents\n\n{S2}\n\n{S3}\n\n{S4}"
    out, quoted = clean(raw)
    assert table in out.text
    assert "What changes for residents" in out.text
    assert quoted == []


def test_clean_text_is_built_only_from_raw_spans():
    raw = f"Title\n\n{S1}\n\n(Photo: AP)\n\n{S2}\n\nRead more: Other story"
    out = Cleaner()(raw, title="Title")
    kept = [s for s in out.text.split("\n\n")]
    for piece in kept:
        assert piece in raw
    removed_chars = sum(r.end - r.start for r in out.removed)
    assert removed_chars + sum(len(p) for p in kept) <= len(raw)


@pytest.mark.parametrize(
    "note",
    [
        "Additional reporting by Tom Fisher; Editing by Sara Kim",
        "Write to Maria Lopez at maria.lopez@example.com",
        "© The City Gazette 2024",
    ],
)
def test_closing_credit_and_contact_notes_are_removed(note):
    out, quoted = clean(f"{S1}\n{S2}\n{S3}\n{S4}\n{note}")
    assert_article_kept(out.text)
    assert quoted == [(note, "contact line")]


def test_reading_time_and_link_intro_lines_are_removed():
    raw = f"Reading time: 3 minutes\n{S1}\n{S2}\nMore on the budget fight in our live blog:\n{S3}\n{S4}"
    out, quoted = clean(raw)
    assert_article_kept(out.text)
    assert quoted == [
        ("Reading time: 3 minutes", "byline or dateline"),
        ("More on the budget fight in our live blog:", "link line"),
    ]


def test_sentence_length_newsletter_prompt_is_removed_but_prose_about_subscribers_stays():
    prompt = "Get the morning's top city stories delivered to your inbox by signing up for our free newsletter."
    prose = "The utility said it would sign up new subscribers for the cheaper tariff from March onwards."
    out, quoted = clean(f"{S1}\n{prose}\n{S2}\n{prompt}\n{S3}\n{S4}")
    assert_article_kept(out.text)
    assert prose in out.text
    assert quoted == [(prompt, "promo")]


def test_title_with_a_kicker_glued_to_it_is_a_title_copy():
    out, quoted = clean(f"City Hall Council approves budget\n{S1}\n{S2}\n{S3}\n{S4}", title="Council approves budget")
    assert_article_kept(out.text)
    assert quoted == [("City Hall Council approves budget", "repeated title")]


def test_section_label_at_the_top_is_removed_but_a_short_closing_line_stays():
    out, quoted = clean(f"Politics\n{S1}\n{S2}\n{S3}\n{S4}\nThanks.")
    assert_article_kept(out.text)
    assert quoted == [("Politics", "section label")]
    assert out.text.endswith("Thanks.")


def test_word_limits_count_chinese_and_japanese_characters():
    long_jp = "会員登録の手続きについて市の担当者は来月から新しい窓口を開設し、住民の相談に応じると説明した。"
    out, quoted = clean(f"{S1}\n{long_jp}\n{S2}\n{S3}\n{S4}")
    assert long_jp in out.text  # a prose paragraph mentioning registration is not a promo prompt
    assert quoted == []


def test_repeated_table_rows_and_numbered_lines_are_article_text():
    header = "| Item | Cost |"
    step = "Add 1 cup of water"
    raw = "\n".join([S1, header, "| Roads | 4 |", step, S2, header, "| Schools | 9 |", step, S3, header, step, S4])
    out, quoted = clean(raw)
    assert quoted == []


@pytest.mark.issue(3)
def test_caption_repeating_a_sentence_without_its_full_stop_is_removed():
    caption = S2.rstrip(".")
    raw = f"{S1}\n{S2}\n{caption}\n{S3}\n{S4}"
    out = Cleaner()(raw, origin="html")
    assert_article_kept(out.text)
    assert out.text.count("Spending on schools") == 1
    assert [(raw[r.start : r.end], r.reason) for r in out.removed] == [(caption, "caption")]


@pytest.mark.issue(3)
def test_a_sentence_quoted_twice_with_its_punctuation_stays_twice():
    raw = f"{S1}\n{S2}\n{S3}\n{S2}\n{S4}"
    out = Cleaner()(raw, origin="html")
    assert out.text.count(S2) == 2


@pytest.mark.issue(3)
@pytest.mark.parametrize(
    "prompt",
    [
        "This copy is for your personal, non-commercial use only. To order presentation-ready copies for "
        "distribution to your colleagues, clients or customers visit our reprints site.",
        "Got a story? Get in touch with our news team by emailing us. Or you can submit your videos here.",
        "For the latest breaking news and stories from across the globe, sign up for our newsletters.",
        "Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns bitte mit einer Spende.",
        "Esta funcionalidad es sólo para suscriptores",
        "Dieses Thema im Programm: Das Radio | Nachrichten | 28. April 2023 | 10:00 Uhr",
        "Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt wird. Damit können personenbezogene "
        "Daten an Drittplattformen übermittelt werden. Mehr Informationen dazu erhalten Sie in den "
        "Datenschutz-Einstellungen. Diese finden Sie ganz unten auf unserer Seite im Footer, sodass Sie Ihre "
        "Einstellungen jederzeit verwalten oder widerrufen können.",
    ],
)
def test_calls_to_action_and_consent_notices_are_removed(prompt):
    out = Cleaner()(f"{S1}\n{S2}\n{prompt}\n{S3}\n{S4}", origin="html")
    assert_article_kept(out.text)
    assert prompt not in out.text


@pytest.mark.issue(3)
def test_a_long_paragraph_naming_two_social_networks_is_prose():
    prose = (
        "The apron is on, the oven is warm and the children play in the garden: more and more women show "
        "this life on Instagram and TikTok, and researchers say the videos reach millions of young viewers "
        "who rarely see other pictures of family life, which worries teachers and parents alike in the "
        "region, according to a study published this week by the university."
    )
    out = Cleaner()(f"{S1}\n{prose}\n{S2}\n{S3}\n{S4}", origin="html")
    assert prose in out.text


@pytest.mark.issue(3)
@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Listen: http://po.st/TP_615", "link line"),
        (">> Hier finden Sie außerdem alle Termine für 2025 im Überblick", "link line"),
        ("Plague warning: health agency names eight deadly diseases [WARNING]", "link line"),
        ("DON'T MISS", "teaser heading"),
        ("Auch interessant", "teaser heading"),
        ("Uppdaterad 15.59 | Publicerad 14.14", "byline or dateline"),
        ("2025年1月14日 01時28分 (1月14日 01時40分更新)", "byline or dateline"),
        ("Follow the Daily on Google News and add us as a preferred source to get our news in your feeds.", "promo"),
        ("Bitte markieren Sie die entsprechenden Wörter im Text. Mit nur zwei Klicks melden Sie den Fehler.", "promo"),
    ],
)
def test_teasers_media_links_datelines_and_prompts_inside_the_text(line, reason):
    raw = f"{S1}\n{S2}\n{line}\n{S3}\n{S4}"
    out = Cleaner()(raw, origin="html")
    assert_article_kept(out.text)
    assert (line, reason) in [(raw[r.start : r.end], r.reason) for r in out.removed]


@pytest.mark.issue(3)
def test_a_teaser_heading_inside_the_article_does_not_cut_the_rest():
    raw = f"{S1}\n{S2}\n{S3}\nDON'T MISS\nHarbour storm: pier damaged [PICS]\n{S4}"
    out = Cleaner()(raw, origin="html")
    assert_article_kept(out.text)


@pytest.mark.issue(3)
@pytest.mark.parametrize(
    "line",
    [
        "With reports from Reforma and El Economista",
        "Additional reporting from PA",
    ],
)
def test_reporting_credits_at_the_end_are_removed(line):
    out = Cleaner()(f"{S1}\n{S2}\n{S3}\n{S4}\n{line}", origin="html")
    assert out.text.endswith(S4)


@pytest.mark.issue(3)
def test_a_bare_web_address_printed_as_a_source_stays():
    raw = f"{S1}\n{S2}\n{S3}\n{S4}\nhttp://www.example.org/2013/02/report.html\n{S1}"
    assert "http://www.example.org/2013/02/report.html" in Cleaner()(raw, origin="html").text


@pytest.mark.issue(3)
@pytest.mark.parametrize("credit", ["Photograph: Jane Roe/The Gazette", "Foto: Jane Roe/Imago", "(Reuters)"])
def test_credit_near_the_top_does_not_take_the_article_sentences_above_it(credit):
    out, quoted = clean(f"{S1}\n{S2}\n{credit}\n{S3}\n{S4}")
    assert_article_kept(out.text)
    assert quoted == [(credit, "photo credit")]


@pytest.mark.issue(3)
@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Photo by Jane Roe on Unsplash", "photo credit"),
        ("Image source, Getty Images", "photo credit"),
        ("Image caption, Council members leave the hall", "caption"),
        ("Get our free app", "promo"),
        ("Jetzt die App herunterladen", "promo"),
        ("Teilen Sie diesen Artikel", "promo"),
        ("Partager sur Facebook", "promo"),
        ("Listen to this article", "promo"),
        ("Leave a comment", "promo"),
        ("Alle Rechte vorbehalten.", "promo"),
        ("This article was originally published by The Conversation.", "promo"),
        ("Support independent journalism. Donate today.", "promo"),
        ("This content is not available due to your privacy preferences.", "promo"),
        ("Enable JavaScript to view this video", "promo"),
        ("Scroll to continue with content", "promo"),
        ("Watch: Council members debate the budget", "media teaser"),
        ("02:57 Min. Verfügbar bis 06.05.2024.", "media teaser"),
        ("Topics: Budget, City council, Schools", "link line"),
        ("Te puede interesar", "teaser heading"),
        ("[Related: Council fights over parking fees]", "link line"),
        ("SEE MORE: Council fights over parking fees", "link line"),
        ("Related post: Council fights over parking fees", "link line"),
        ("Read More", "teaser heading"),
        ("Noticia relacionada", "teaser heading"),
        ("$$ARTICLEAD$$", "promo"),
    ],
)
def test_more_kinds_of_residue_in_several_languages(line, reason):
    out, quoted = clean(f"{S1}\n{S2}\n{line}\n{S3}\n{S4}")
    assert_article_kept(out.text)
    assert quoted == [(line, reason)]


@pytest.mark.issue(3)
@pytest.mark.parametrize(
    "sentence",
    [
        "The council will watch the figures closely and may revise the plan if costs rise again, she said.",
        "Readers of the council's annual report will find the new figures on page twelve, officials said.",
        "The mayor asked residents to leave a comment on the plan at the town hall before the end of May.",
        "Photos of the flooded road were shared widely online before the council voted, residents said.",
    ],
)
def test_article_sentences_that_mention_residue_words_stay(sentence):
    out, quoted = clean(f"{S1}\n{S2}\n{sentence}\n{S3}\n{S4}")
    assert_article_kept(out.text)
    assert sentence in out.text
    assert quoted == []


@pytest.mark.issue(3)
def test_further_links_heading_closes_the_article():
    raw = f"{S1}\n{S2}\n{S3}\n{S4}\nWeiterführende Links\nJetzt als Angebot: Powerbank mit Handkurbel"
    out, quoted = clean(raw)
    assert_article_kept(out.text)
    assert [q for q, _ in quoted] == ["Weiterführende Links", "Jetzt als Angebot: Powerbank mit Handkurbel"]


@pytest.mark.issue(3)
def test_explore_further_closes_the_article():
    raw = f"{S1}\n{S2}\n{S3}\n{S4}\nExplore further\nCouncil fights over parking fees"
    out, quoted = clean(raw)
    assert_article_kept(out.text)
    assert [r for _, r in quoted] == ["page tail", "page tail"]


@pytest.mark.parametrize(
    "text",
    [
        # a brief cut off mid-sentence after its dateline
        "Tue., Mar. 4, 2025 9: 10 AM CET\nEarly on Tuesday the harbour master closed the Valmara ferry port to all traffic,",
        # a one-sentence report without its full stop
        "Hundreds of residents of Harwick lined the river bank to watch the new footbridge swing into place",
    ],
)
def test_a_line_shaped_like_a_caption_never_empties_a_text(text):
    cleaned = Cleaner()(text)
    assert cleaned.text and cleaned.text in text
    assert "harbour master" in cleaned.text or "footbridge" in cleaned.text
