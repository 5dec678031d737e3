"""Quantities: the counted noun and tokenized thousands."""

from newsprism.analyze.quantities import find_quantities


def fields(text):
    return [(text[s:e], f["value"], f["noun"]) for s, e, f in find_quantities(text)]


def test_noun_is_the_phrase_right_after_the_number():
    assert fields("Of the 288 candidates running for office") == [("288", 288.0, "candidates")]
    assert fields("to deploy several hundred unmanned aerial vehicles.")[0][2] == "vehicles"


def test_noun_never_crosses_punctuation_or_lines():
    assert fields("raise the seats from 65 to 125.\nI attach hopes") == [("65", 65.0, None), ("125", 125.0, None)]


def test_quoted_vague_amount_keeps_its_noun():
    [(text, value, noun)] = fields("to provide \u2018hundreds\u2019 of combat drones")
    assert (text, value, noun) == ("hundreds", 200.0, "drones")


def test_tokenized_thousands_are_one_number():
    assert fields("a tsunami that killed 230, 000 people") == [("230, 000", 230000.0, "people")]
