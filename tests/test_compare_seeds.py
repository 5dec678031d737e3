"""The seed example end to end: the findings a reader of the two Tehran-summit reports needs."""

from __future__ import annotations

import pytest

from newsprism.model import FindingLabel
from newsprism.pipeline import Pipeline
from newsprism.settings import Settings


@pytest.fixture(scope="module")
def seed_report(seeds_dir):
    p = Pipeline(Settings(database_url="sqlite://"))
    report = p.ingest([seeds_dir])
    assert len(report.story_ids) == 1
    with p.store.begin() as conn:
        articles = p.store.articles_of_story(conn, report.story_ids[0])
        story = p.story_report(conn, report.story_ids[0])
    yield story, {a.id: a for a in articles}
    p.close()


def _first_seed(articles):
    return next(a for a in articles.values() if a.title.startswith("Putin travels"))


def test_biden_title_is_contradicted_with_both_spans(seed_report):
    report, articles = seed_report
    [f] = [f for f in report.findings if f.kind == "title" and "Biden" in f.subject]
    assert f.label is FindingLabel.CONTRADICTED
    quotes = sorted(e.quote for e in f.evidence)
    assert quotes == ["US President", "US Vice President"]
    for e in f.evidence:
        assert articles[e.span.doc_id].text[e.span.start : e.span.end] == e.quote


def test_drone_claim_is_attributed_to_sullivan_in_both_sources(seed_report):
    report, _ = seed_report
    drones = [f for f in report.findings if f.label is FindingLabel.CORROBORATED and f.kind == "statement"
              and any("unmanned aerial vehicles" in e.quote for e in f.evidence)]
    assert len(drones) == 1
    [f] = drones
    assert f.independent_sources == 2
    assert {e.value for e in f.evidence} <= {"Jake Sullivan", "Sullivan"}
    assert any("hundreds" in e.quote and "combat drones" in e.quote for e in f.evidence)


def test_drone_claim_is_disputed_by_iran(seed_report):
    report, articles = seed_report
    [f] = [f for f in report.findings if f.label is FindingLabel.DISPUTED]
    first = _first_seed(articles)
    quotes = [e.quote for e in f.evidence if e.span.doc_id == first.id]
    assert any("unmanned aerial vehicles" in q for q in quotes)
    assert any(q.startswith("Iran has denied") for q in quotes)
    assert "Iran" in f.explanation and "Sullivan" in f.explanation


def test_months_since_the_invasion_are_not_a_conflict(seed_report):
    report, _ = seed_report
    for f in report.findings:
        if f.label in (FindingLabel.CONTRADICTED, FindingLabel.UPDATED):
            assert not any("months" in e.quote or e.quote in ("four and a half", "five") for e in f.evidence)
    assert [f.kind for f in report.findings if f.label is FindingLabel.CONTRADICTED] == ["title"]


def test_months_since_the_invasion_agree_as_one_date(seed_report):
    """"around four and a half months ago" and "five months ago" resolve to days within the rounding
    such durations allow; the second report, which its text alone cannot date, is read against the
    story's date."""
    import datetime as dt

    report, _ = seed_report
    [f] = [f for f in report.findings if f.kind == "date" and any("months ago" in e.quote for e in f.evidence)]
    assert f.label is FindingLabel.AGREEMENT
    assert sorted(e.quote for e in f.evidence) == ["around four and a half months ago", "five months ago"]
    days = [dt.date.fromisoformat(e.value) for e in f.evidence]
    assert all(abs((d - dt.date(2022, 2, 24)).days) <= 20 for d in days)
    assert abs((days[0] - days[1]).days) <= 0.15 * 5 * 30.44  # CompareSettings.relative_date_tolerance


def test_framing_sets_loaded_words_against_neutral_ones(seed_report):
    report, articles = seed_report
    first = _first_seed(articles)
    scores = {fs.article_id: fs for fs in report.framing}
    loaded = next(fs for aid, fs in scores.items() if aid != first.id)
    assert loaded.score > scores[first.id].score == 0.0
    assert {"fearsome", "dreadful", "vile", "bloody"} <= {e.quote for e in loaded.loaded}
    [c] = [c for c in loaded.contrasts if c.loaded.quote == "bloody"]
    assert c.neutral.span.doc_id == first.id and "four and a half months ago" in c.neutral.quote
