from __future__ import annotations

import pytest

from newsprism.analyze.quantities import find_quantities


@pytest.mark.parametrize(
    "text, value, high, unit, noun, approximate",
    [
        ("deploy several hundred unmanned aerial vehicles", 200, 999, None, "vehicles", True),
        ("aid to 4.1 million people in the north", 4_100_000, None, None, "people", False),
        ("a deal to export 22 million tons of grain", 22_000_000, None, "t", "grain", False),
        ("turnout reached 93.87 percent in the vote", 93.87, None, "%", None, False),
        ("Over 2,000 booths opened", 2000, None, None, "booths", True),
    ],
)
def test_quantities_are_normalized(text, value, high, unit, noun, approximate):
    (s, e, f), *_ = find_quantities(text)
    assert f["value"] == value and f["high"] == high and f["unit"] == unit
    assert f["noun"] == noun and f["approximate"] is approximate


def test_durations_and_years_are_left_to_the_time_stage():
    assert find_quantities("the war began four and a half months ago, in 2022") == []
