"""The scraping residue of the seed example is removed, and article sentences are kept."""

from __future__ import annotations

import pytest

from newsprism.ingest.article import ArticleBuilder
from newsprism.ingest.clean import Cleaner
from newsprism.ingest.readers import read_paths
from newsprism.model import Article

RESIDUE = [
    "Top jobs of the day",
    "be notified by email",
    "Read also: The World After",
    "More: Read the latest developments",
    "source site-14",
    "(Photo: AP)",
    "Relations between Russia and Iran have become ever closer in recent years.",
    "in Tehran todayPutin",
    "in IranIt is only",
    "last monthOn June 8",
    "hardwareOn Monday",
]
KEPT = [
    "Russian President Vladimir Putin plans to travel to Iran next Tuesday (July 19) for political talks.",
    "Iran has denied Sullivan’s statements.",
    "On June 8 and July 5, a Russian group traveled to Iran to study drones",
    "On Monday, Fadahossein Maleki, a prominent member",
    "It happens just a few days after US Vice President Joe Biden traveled to Israel and Saudi Arabia",
]


@pytest.fixture(scope="module")
def seed_articles(seeds_dir) -> list[Article]:
    builder = ArticleBuilder()
    return [builder(raw) for raw in read_paths([seeds_dir])]


def test_residue_is_gone_and_sentences_stay(seed_articles):
    text = "\n".join(a.text for a in seed_articles)
    for residue in RESIDUE:
        assert residue not in text, residue
    for sentence in KEPT:
        assert sentence in text, sentence


def test_removed_spans_point_at_the_raw_text(seed_articles):
    for article in seed_articles:
        assert article.removed, article.origin
        for span in article.removed:
            removed = article.raw_text[span.start : span.end]
            assert removed.strip() and removed not in article.body
            assert span.label in {"repeated title", "promo", "link line", "photo credit", "footer", "caption", "run-in caption"}


def test_titles_are_the_first_line_and_not_repeated(seed_articles):
    first, second = seed_articles
    assert first.title.startswith("Putin travels to Iran")
    assert second.title == "Vladimir Putin arrives in Iran to forge a fearsome new alliance"
    assert second.text.count(second.title) == 1


# -- the cleaner alone, reason by reason ------------------------------------------------------------
def _clean(path):
    raw = path.read_text(encoding="utf-8")
    title = raw.split("\n", 1)[0].strip()
    body = raw[len(title) :]
    out = Cleaner()(body, title=title)
    return out, [(body[r.start : r.end], r.reason) for r in out.removed]


def test_first_seed_loses_promo_link_lines_credit_captions_and_footer(seeds_dir):
    out, quoted = _clean(sorted(seeds_dir.glob("000_*.txt"))[0])
    reasons = {q: r for q, r in quoted}
    assert reasons["(Photo: AP)"] == "photo credit"
    assert reasons["Top jobs of the day"] == "promo"
    assert reasons["be notified by email."] == "promo"
    assert reasons["source site-14"] == "footer"
    assert sum(r == "link line" for _, r in quoted) == 2
    assert "Russian President Vladimir Putin and Iranian President Ebrahim Raisi" in reasons
    assert "Kremlin spokesman Dmitry Peskov said on Tuesday" in out.text
    assert "Top jobs" not in out.text and "Read also" not in out.text


def test_second_seed_loses_repeated_title_and_run_in_captions_but_keeps_sentences(seeds_dir):
    out, quoted = _clean(sorted(seeds_dir.glob("003_*.txt"))[0])
    reasons = [r for _, r in quoted]
    assert reasons.count("repeated title") == 1
    assert reasons.count("run-in caption") >= 4
    assert "todayPutin" not in out.text
    assert "Vladimir Putin has arrived in Iran to establish a dreadful new alliance" in out.text
    assert "NATO member Turkey has found itself in violent confrontations" in out.text
