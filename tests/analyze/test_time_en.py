"""English grammar and resolution, on hand-written sentences."""

from __future__ import annotations

import pytest

from newsprism.analyze.time import TimeTagger
from newsprism.analyze.timex.timeml import timeml_reading


@pytest.fixture(scope="module")
def tag():
    tagger = TimeTagger()
    return lambda text, ref="1998-03-18": [(t.text, t.type, t.value) for t in tagger.tag(text, "en", ref)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It opened on Monday.", [("Monday", "DATE", "1998-03-16")]),  # 1998-03-18 is a Wednesday
        ("It will open Friday.", [("Friday", "DATE", "1998-03-20")]),
        ("It opened last Wednesday.", [("last Wednesday", "DATE", "1998-03-11")]),
        ("The vote is next Tuesday.", [("next Tuesday", "DATE", "1998-03-24")]),
        ("Shares fell yesterday.", [("yesterday", "DATE", "1998-03-17")]),
        ("He left last night.", [("last night", "TIME", "1998-03-17TNI")]),
        ("Sales rose last year.", [("last year", "DATE", "1997")]),
        ("Profit fell in the third quarter.", [("the third quarter", "DATE", "1997-Q3")]),  # Q3 1998 is ahead
        ("Profit will rise in the third quarter.", [("the third quarter", "DATE", "1998-Q3")]),
        ("They met last week.", [("last week", "DATE", "1998-W11")]),
        ("The offer expires at 5 p.m. EST on March 20.", [("5 p.m. EST on March 20", "TIME", "1998-03-20T17:00")]),
        ("It was founded in the 1980s.", [("the 1980s", "DATE", "198")]),
        ("He is 52 years old.", []),
        ("About a quarter of the market was sold.", []),
    ],
)
def test_expressions(tag, text, expected):
    assert tag(text) == expected


def test_bare_month_follows_the_tense(tag):
    assert tag("The deal closed in December.", "1998-03-18") == [("December", "DATE", "1997-12")]
    assert tag("The deal will close in December.", "1998-03-18") == [("December", "DATE", "1998-12")]


def test_scheduled_day_in_a_past_sentence_stays_in_the_year(tag):
    # "declared ... payable Dec. 15": a date just ahead is scheduled, not last year's
    assert tag("It declared a dividend payable Dec. 15.", "1989-10-26") == [("Dec. 15", "DATE", "1989-12-15")]


def test_durations_and_offsets(tag):
    assert tag("It lasted more than four hours.") == [("more than four hours", "DURATION", "PT4H")]
    assert tag("They lived there for 2 1/2 years.") == [("2 1/2 years", "DURATION", "P2Y6M")]
    assert tag("the past two months") == [("the past two months", "DURATION", "P2M")]
    tagger = TimeTagger()
    (ago,) = tagger.tag("The war began five months ago.", "en", "1998-03-18")
    assert (ago.type, ago.value, ago.refers_to) == ("DURATION", "P5M", "1997-10-18")
    assert timeml_reading(ago) == ("DATE", "1997-10")


def test_sets_and_vague_references(tag):
    assert tag("Flights leave every Tuesday.") == [("every Tuesday", "SET", "XXXX-WXX-2")]
    assert tag("The magazine appears weekly.") == [("weekly", "SET", "P1W")]
    assert tag("Prices are high now.") == [("now", "DATE", "PRESENT_REF")]
    assert tag("It was recently sold.") == [("recently", "DATE", "PAST_REF")]


def test_year_ago_follows_the_reported_quarter(tag):
    text = "Net income rose in the third quarter, up from $5 million a year earlier."
    assert tag(text, "1989-10-26") == [("the third quarter", "DATE", "1989-Q3"), ("a year earlier", "DATE", "1988-Q3")]


def test_coordinated_dates_share_the_year(tag):
    assert tag("Teams visited on June 8 and July 5, 2022.", None) == [
        ("June 8", "DATE", "2022-06-08"), ("July 5, 2022", "DATE", "2022-07-05")]


def test_without_reference_values_stay_underspecified(tag):
    assert tag("It happened on July 19 and last week.", None) == [
        ("July 19", "DATE", "XXXX-07-19"), ("last week", "DATE", "")]
