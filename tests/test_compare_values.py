"""Value alignment in the comparer: numbers, dates and their tolerances, on hand-built reports."""

from __future__ import annotations

import dataclasses

from newsprism.analyze.canon import EntityResolver
from newsprism.analyze.quantities import QuantityExtractor
from newsprism.analyze.sentences import SentenceSplitter
from newsprism.analyze.time import TimeTagger
from newsprism.compare import Comparer
from newsprism.model import Analysis, Article, DateInference, FindingLabel, TimeExpr


def analyse(text: str, aid: str, published: str | None = None) -> Analysis:
    article = Article.build(text=text, id=aid, source=f"{aid}.example")
    if published:
        article = dataclasses.replace(article, published=DateInference(published, published, published, "metadata"))
    a = Analysis(article, lang="en")
    for stage in (SentenceSplitter(), TimeTagger(), QuantityExtractor()):
        stage(a)
    a.published = article.published
    return a


def compare(*analyses: Analysis):
    return Comparer()(list(analyses), EntityResolver().resolve(list(analyses)))


def labels(findings, kind):
    return [f.label for f in findings if f.kind == kind]


def test_changed_number_is_contradicted_with_both_spans():
    a = analyse("The fire destroyed the barn. A total of 31 fire trucks arrived to fight the blaze.", "a")
    b = analyse("The fire destroyed the barn. A total of 62 fire trucks arrived to fight the blaze.", "b")
    [f] = [f for f in compare(a, b) if f.kind == "number"]
    assert f.label is FindingLabel.CONTRADICTED
    assert [e.quote for e in f.evidence] == ["31", "62"]
    assert {e.span.doc_id for e in f.evidence} == {"a", "b"}


def test_unit_conversion_and_rounding_agree():
    a = analyse("The quake struck at a depth of 22 miles near the coast.", "a")
    b = analyse("The quake struck at a depth of 35 kilometers near the coast.", "b")
    found = compare(a, b)
    assert FindingLabel.CONTRADICTED not in labels(found, "number")
    assert labels(found, "number") == [FindingLabel.AGREEMENT]


def test_vague_amounts_agree():
    a = analyse("Iran is preparing to deploy several hundred drones to Russia.", "a")
    b = analyse("Iran is preparing to deploy hundreds of drones to Russia.", "b")
    assert FindingLabel.CONTRADICTED not in labels(compare(a, b), "number")


def test_relative_durations_are_not_number_conflicts():
    a = analyse("It is his first trip since the war he ordered around four and a half months ago.", "a")
    b = analyse("It is his second trip since the war he ordered five months ago.", "b")
    assert labels(compare(a, b), "number") == []


def test_resolved_ago_expressions_agree_as_dates():
    a = analyse("It is his first trip since the war began four and a half months ago.", "a")
    b = analyse("It is his second trip since the war began five months ago.", "b")
    # What the time tagger provides: the day each "ago" expression refers to.
    for x, phrase, day in ((a, "four and a half months ago", "2022-02-28"), (b, "five months ago", "2022-02-19")):
        s = x.article.text.index(phrase)
        x.timex = [TimeExpr(x.article.span(s, s + len(phrase), "timex"), "DURATION", "P5M", phrase, "publication", day)]
        x.timex = [dataclasses.replace(x.timex[0], type="DATE", value=day)]
    found = compare(a, b)
    assert labels(found, "date") == [FindingLabel.AGREEMENT]


def test_different_days_contradict():
    a = analyse("The elections are scheduled for December 15, 2013 in the capital.", "a")
    b = analyse("The elections are scheduled for December 20, 2013 in the capital.", "b")
    [f] = [f for f in compare(a, b) if f.kind == "date"]
    assert f.label is FindingLabel.CONTRADICTED and [e.value for e in f.evidence] == ["2013-12-15", "2013-12-20"]


def test_rising_toll_in_a_later_report_is_an_update():
    a = analyse("The attack on the school killed 40 people, officials said.", "a", "2009-01-06")
    b = analyse("The attack on the school killed 48 people, officials said.", "b", "2009-01-07")
    assert labels(compare(a, b), "number") == [FindingLabel.UPDATED]


def test_unrelated_numbers_of_the_same_noun_are_not_compared():
    a = analyse("The team won the title. Fans celebrated downtown. 14 people were arrested for looting.", "a")
    b = analyse("Manning completed 25 passes. The stadium was full and 90,000 people watched the game.", "b")
    assert labels(compare(a, b), "number") == []


def test_copies_of_one_original_count_as_one_source():
    from newsprism.model import Provenance

    a = analyse("A total of 31 fire trucks arrived to fight the blaze.", "a")
    b = analyse("A total of 62 fire trucks arrived to fight the blaze.", "b")
    same = Provenance("a", ("a", "b"), "b rewrites a")
    assert Comparer()([a, b], EntityResolver().resolve([a, b]), [same]) == []


def test_a_lower_toll_in_a_later_report_is_a_contradiction():
    a = analyse("The attack on the school killed 48 people, officials said.", "a", "2009-01-06")
    b = analyse("The attack on the school killed 40 people, officials said.", "b", "2009-01-07")
    assert labels(compare(a, b), "number") == [FindingLabel.CONTRADICTED]
