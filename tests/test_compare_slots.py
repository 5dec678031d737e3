"""Value slots across two reports: each kind of value a report may change, in hand-written parallel
sentences, and the differences that are agreement rather than conflict."""

from __future__ import annotations

import dataclasses

import pytest

from newsprism.analyze.canon import EntityResolver
from newsprism.analyze.entities import EntityRecognizer
from newsprism.analyze.quantities import QuantityExtractor
from newsprism.analyze.sentences import SentenceSplitter
from newsprism.analyze.time import TimeTagger
from newsprism.compare import Comparer
from newsprism.model import Analysis, Article, DateInference, FindingLabel

pytestmark = pytest.mark.issue(7)


def analyse(text: str, aid: str, published: str | None = None, entities: bool = False) -> Analysis:
    article = Article.build(text=text, id=aid, source=f"{aid}.example")
    if published:
        article = dataclasses.replace(article, published=DateInference(published, published, published, "metadata"))
    a = Analysis(article, lang="en")
    stages = [SentenceSplitter(), TimeTagger(), QuantityExtractor()]
    if entities:
        stages.insert(1, EntityRecognizer())
    for stage in stages:
        stage(a)
    return a


def findings(a: Analysis, b: Analysis):
    return Comparer()([a, b], EntityResolver().resolve([a, b]))


def conflicts(a: Analysis, b: Analysis) -> list[list[str]]:
    """The quotes of each contradiction, sorted by report."""
    return [[e.quote for e in f.evidence] for f in findings(a, b) if f.label is FindingLabel.CONTRADICTED]


def test_clock_times_on_a_game_clock():
    a = analyse("Hansbrough tied Ford on a jumper from the left wing with 14:05 left in the first half.", "a")
    b = analyse("Hansbrough tied Ford on a jumper from the left wing with 14:06 left in the first half.", "b")
    assert conflicts(a, b) == [["14:05", "14:06"]]


def test_one_side_of_a_score():
    a = analyse("Hansbrough scored 20 points in the Tar Heels' 91-73 victory against Evansville on Thursday.", "a")
    b = analyse("Hansbrough scored 20 points in the Tar Heels' 91-95 victory over Evansville in Chapel Hill.", "b")
    assert conflicts(a, b) == [["73", "95"]]


def test_model_numbers():
    a = analyse("The flaw is being exploited in targeted attacks directed at Internet Explorer 8 and 9.", "a")
    b = analyse("Microsoft said the flaw is exploited in attacks directed at Internet Explorer 12 and 9.", "b")
    assert conflicts(a, b) == [["8", "12"]]


def test_money_with_a_scale_word():
    a = analyse("AMD announced its intention to buy the Canadian graphics chip-maker for $5.4 billion on Monday.", "a")
    b = analyse("AMD announced on Monday that it will buy the graphics chip-maker for $6.4 billion in cash.", "b")
    [f] = [f for f in findings(a, b) if f.label is FindingLabel.CONTRADICTED]
    assert f.kind == "number" and [e.quote for e in f.evidence] == ["5.4", "6.4"]
    assert [e.value for e in f.evidence] == ["5,400,000,000 USD", "6,400,000,000 USD"]


def test_numbers_glued_to_punctuation_by_tokenization():
    a = analyse("Luck set the rookie record for passing yards in a season with 4, 051 yards on Sunday.", "a")
    b = analyse("Luck set the rookie record for passing yards in a season with 4, 102 yards on Sunday.", "b")
    assert conflicts(a, b) == [["4, 051", "4, 102"]]


def test_a_month_day_date():
    a = analyse("The election commission said registration will run from October 26 to November 20.", "a")
    b = analyse("According to the commission, registration will run from October 31 to November 20.", "b")
    [f] = [f for f in findings(a, b) if f.label is FindingLabel.CONTRADICTED]
    assert f.kind == "date" and [e.quote for e in f.evidence] == ["October 26", "October 31"]


def test_a_title_before_the_same_name():
    a = analyse("Interior Secretary Dirk Kempthorne called the rule changes a clarification.", "a", entities=True)
    b = analyse("Interior Judge Dirk Kempthorne called the rule changes a clarification.", "b", entities=True)
    [f] = [f for f in findings(a, b) if f.label is FindingLabel.CONTRADICTED]
    assert f.kind == "title" and sorted(e.quote for e in f.evidence) == ["Interior Judge", "Interior Secretary"]


def test_a_report_restating_the_value_is_cited_at_each_place():
    a = analyse("AMD will pay $334 million for SeaMicro. The $334 million deal closes in April.", "a")
    b = analyse("AMD will pay $434 million for SeaMicro, the company said.", "b")
    [f] = [f for f in findings(a, b) if f.label is FindingLabel.CONTRADICTED]
    assert [e.quote for e in f.evidence] == ["334", "434", "334"]


def test_the_same_figure_for_another_thing_is_not_cited_as_a_restatement():
    a = analyse("Charles broke off a 90-yard run in the third quarter. With 90 yards to go, the Colts had no timeouts.", "a")
    b = analyse("Charles broke off an 84-yard run in the third quarter, the team said.", "b")
    [f] = [f for f in findings(a, b) if f.label is FindingLabel.CONTRADICTED]
    assert [e.quote for e in f.evidence] == ["90", "84"]


def test_a_figure_agreeing_only_with_a_bound_is_still_set_against_the_stated_one():
    a = analyse("Hillis ran for 101 yards on Sunday. Two backs ran for more than 100 yards for the first time.", "a",
                entities=True)
    b = analyse("Peyton Hillis ran for 121 yards on Sunday, the coach said.", "b", entities=True)
    assert ["101", "121"] in conflicts(a, b)


def test_a_report_stating_both_values_conflicts_with_the_one_stating_one():
    a = analyse("Police said he pointed a .357 caliber revolver at the two officers.", "a")
    b = analyse("Police said he pointed a .357 caliber gun at the officers. Witnesses say he aimed a .714 caliber "
                "revolver at the two officers.", "b")
    assert ["357", "714"] in conflicts(a, b)


# ------------------------------------------------------------------------------------- agreement


def test_a_value_the_other_report_states_in_the_same_sentence_is_no_conflict():
    a = analyse("The reform raised the number of seats in parliament from 65 to 125.", "a")
    b = analyse("The new parliament has 125 seats after the reform.", "b")
    assert conflicts(a, b) == []


def test_a_bound_agrees_with_a_value_on_its_side():
    a = analyse("Firefighters responded to the blaze with at least two ladder trucks.", "a")
    b = analyse("Firefighters responded to the blaze with three ladder trucks.", "b")
    assert conflicts(a, b) == []


def test_rounding_agrees():
    a = analyse("Some 4.1 million people are eligible to vote in the election.", "a")
    b = analyse("About 4 million people are eligible to vote in the election.", "b")
    assert conflicts(a, b) == []


def test_a_rounded_clock_time_agrees():
    a = analyse("The fire was reported at 3:33 a.m. and crews arrived minutes later.", "a")
    b = analyse("The fire call came in at 3:30 a.m. and crews arrived minutes later.", "b")
    assert conflicts(a, b) == []


def test_ages_of_different_people_are_not_compared():
    a = analyse("The 36-year-old champion Klitschko floored the challenger twice.", "a", entities=True)
    b = analyse("Klitschko stopped the 40-year-old Thompson in the sixth round.", "b", entities=True)
    assert conflicts(a, b) == []


def test_stats_of_different_players_are_not_compared():
    a = analyse("Jamaal Charles rushed for 226 yards in the loss.", "a", entities=True)
    b = analyse("Peyton Hillis rushed for 121 yards in the loss.", "b", entities=True)
    assert conflicts(a, b) == []


def test_publication_lines_are_not_event_facts():
    a = analyse("Published: August 7, 2012\nThe old dairy building burned down on Tuesday morning.", "a")
    b = analyse("August 10, 2012 - 5:46 pm\nThe old dairy building burned down on Tuesday morning.", "b")
    assert conflicts(a, b) == []


def test_an_undated_reports_ago_is_read_against_the_story_date():
    a = analyse("It is his first trip abroad since the war he ordered four and a half months ago.", "a", "2022-07-19")
    b = analyse("It is only his second trip abroad since the war he started five months ago.", "b")
    assert b.published.value is None  # nothing in its text dates it
    [f] = [f for f in findings(a, b) if f.kind == "date"]
    assert f.label is FindingLabel.AGREEMENT
    assert [e.value for e in f.evidence] == ["2022-03-04", "2022-02-19"]
