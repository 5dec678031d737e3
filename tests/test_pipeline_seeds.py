"""End to end on the seed example: two reports of the 2022 Tehran summit."""

from __future__ import annotations

import pytest

from newsprism import FindingLabel, Prism


@pytest.fixture(scope="module")
def seeds(seeds_dir, tmp_path_factory):
    prism = Prism(f"sqlite:///{tmp_path_factory.mktemp('db') / 'seeds.db'}")
    report = prism.ingest([seeds_dir])
    assert (report.read, report.accepted, report.rejected) == (2, 2, [])
    (story,) = prism.stories()
    return prism, prism.story(story.id)


def test_one_story_with_both_reports(seeds):
    _, view = seeds
    assert len(view.articles) == 2


def test_residue_is_gone_from_both_texts(seeds):
    _, view = seeds
    text = "\n".join(a.text for a in view.articles)
    for residue in ("Top jobs of the day", "notified by email", "Read also", "More: Read", "source site-14",
                    "(Photo: AP)", "todayPutin", "IranIt is", "agoVladimir", "monthOn"):
        assert residue not in text


def test_peskov_and_peskow_are_one_entity(seeds):
    _, view = seeds
    (peskov,) = [e for e in view.report.entities if "Peskov" in e.name]
    assert {"Dmitry Peskov", "Peskow"} <= set(peskov.aliases)
    assert "Kremlin spokesman" in peskov.roles


def test_the_kremlin_chief_is_putin(seeds):
    _, view = seeds
    (putin,) = [e for e in view.report.entities if e.name == "Vladimir Putin"]
    assert "the Kremlin chief" in putin.aliases
    assert any("President" in r for r in putin.roles)


def test_biden_title_conflict_has_both_spans(seeds):
    _, view = seeds
    (finding,) = [f for f in view.report.findings if f.kind == "title" and "Biden" in f.subject]
    assert finding.label is FindingLabel.CONTRADICTED
    quotes = sorted(e.quote for e in finding.evidence)
    assert quotes == ["US President", "US Vice President"]
    by_id = {a.id: a for a in view.articles}
    for e in finding.evidence:
        assert by_id[e.span.doc_id].quote(e.span) == e.quote


def test_the_months_since_the_invasion_are_not_a_conflict(seeds):
    _, view = seeds
    for f in view.report.findings:
        if f.label is FindingLabel.CONTRADICTED:
            assert not any("month" in e.quote for e in f.evidence), f


def test_next_tuesday_resolves_to_2022_07_19(seeds):
    _, view = seeds
    first = next(a for a in view.articles if a.title.startswith("Putin travels"))
    analysis = seeds[0].article(first.id).analysis
    (timex,) = [t for t in analysis.timex if "July 19" in t.text or "next Tuesday" in t.text][:1]
    assert timex.value == "2022-07-19"


def test_reingesting_adds_nothing(seeds, seeds_dir):
    prism, view = seeds
    again = prism.ingest([seeds_dir])
    assert (again.read, again.accepted, again.duplicates) == (2, 0, 2)
    assert [s.article_ids for s in prism.stories()] == [view.story.article_ids]


def test_first_seed_is_dated_to_the_week_before_the_summit(seeds):
    prism, view = seeds
    first = next(a for a in view.articles if a.title.startswith("Putin travels"))
    published = prism.article(first.id).analysis.published
    assert published.method == "text"
    assert (published.earliest, published.latest) == ("2022-07-12", "2022-07-18")
    assert any("July 19" in first.quote(s) for s in published.evidence)


def test_second_seed_is_dated_by_the_first_to_the_summit_day(seeds):
    """The rewrite has no date of its own: it reports as happening now ("Putin has arrived in Iran")
    the visit the first report announces for July 19, so it was published on that day or just before."""
    prism, view = seeds
    second = next(a for a in view.articles if not a.title.startswith("Putin travels"))
    analysis = prism.article(second.id).analysis
    published = analysis.published
    assert published.method == "text"
    assert (published.earliest, published.latest) == ("2022-07-18", "2022-07-19")
    assert "2022-07-19" in published.reason and "July 19" in published.reason
    # The article's own relative expressions are then read against that date, and stored.
    last_month = [t for t in analysis.timex if t.text == "last month"]
    assert last_month and last_month[0].value == "2022-06"


def test_the_months_since_the_invasion_agree(seeds):
    """With both reports dated, "four and a half months ago" and "five months ago" are one claim."""
    _, view = seeds
    agreed = [f for f in view.report.findings if f.label is FindingLabel.CORROBORATED
              and any("four and a half months ago" in e.quote for e in f.evidence)]
    assert agreed and any("five months ago" in e.quote for e in agreed[0].evidence)
