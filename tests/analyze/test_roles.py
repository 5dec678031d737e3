from __future__ import annotations

import pytest

from newsprism.analyze.roles import title_after, title_before, titles_conflict


@pytest.mark.parametrize(
    "text, name, title",
    [
        ("said US President Joe Biden's aide", "Joe", "US President"),
        ("Moscow, Tehran Russian President Vladimir Putin plans", "Vladimir", "Russian President"),
        ("Since US President Donald Trump pulled out", "Donald", "US President"),
        ("said foreign ministry spokesman Nasser Kanaani.", "Nasser", "foreign ministry spokesman"),
        ("Iran.\n\nNational Security Advisor Jake Sullivan said", "Jake", "National Security Advisor"),
    ],
)
def test_title_before_a_name(text, name, title):
    s, e = title_before(text, text.index(name))
    assert text[s:e] == title


def test_no_title_when_none_is_written():
    text = "Yesterday Jake Sullivan said"
    assert title_before(text, text.index("Jake")) is None


def test_appositive_title_after_a_name():
    text = "with Recep Tayyip Erdogan, the president of Turkey, who has"
    s, e = title_after(text, text.index(",", text.index("Erdogan")))
    assert text[s:e] == "president of Turkey"
    assert title_after("Putin, President Raisi and others.", len("Putin")) is None


@pytest.mark.parametrize(
    "a, b, conflict",
    [
        ("US Vice President", "US President", True),
        ("Judge", "Senator", True),
        ("Prime Minister", "Chairman", True),
        ("Russian President", "president", False),
        ("Kremlin spokesman", "spokesman", False),
        ("head of the council", "Senator", False),
    ],
)
def test_titles_conflict(a, b, conflict):
    assert (titles_conflict(a, b) is not None) is conflict
