"""The grammar engine: anchor windows change nothing, blocks veto, overlaps keep the longest."""

from __future__ import annotations

import json

import pytest

from newsprism.analyze.timex import load_language


def _full_scan(grammar, text):
    """What the grammar finds when every rule runs over the whole text."""
    original = grammar._windows
    grammar._windows = lambda lowered, needs: [(0, len(lowered))]
    try:
        return grammar.find(text)
    finally:
        grammar._windows = original


@pytest.mark.parametrize("lang", ["en", "es"])
def test_anchor_windows_find_what_a_full_scan_finds(bench_dir, lang):
    grammar = load_language(lang).grammar
    docs = []
    with open(bench_dir / "timex" / "timex-dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["lang"] == lang:
                docs.append(doc["text"])
            if len(docs) == 15:
                break
    for text in docs:
        assert grammar.find(text) == _full_scan(grammar, text)


def test_longest_match_wins_and_blocks_veto():
    grammar = load_language("en").grammar
    assert [c.rule for c in grammar.find("on Tuesday, July 19, 2022")] == ["month_day_year"]
    assert grammar.find("He is 52 years old.") == []
    assert [(c.start, c.end) for c in grammar.find("It rose four and a half months ago.")] == [(8, 34)]


def test_glued_sentences_still_end_an_expression():
    grammar = load_language("en").grammar
    text = "since the invasion five months agoVladimir Putin"
    assert [text[c.start:c.end] for c in grammar.find(text)] == ["five months ago"]
