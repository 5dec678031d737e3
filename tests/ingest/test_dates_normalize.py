"""Date normalization to ISO 8601, keeping the time zone when the source gives one."""

from __future__ import annotations

import pytest

from newsprism.ingest.dates import normalize_datetime


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-03T15:47:42.389Z", "2024-05-03T15:47:42.389000+00:00"),
        ("2024-05-03T15:47:42+0200", "2024-05-03T15:47:42+02:00"),
        ("Fri, 03 May 2024 15:47:42 GMT", "2024-05-03T15:47:42+00:00"),
        ("2024-05-03", "2024-05-03"),
        ("2024-05-03T10:00:00", "2024-05-03T10:00:00"),
    ],
)
def test_machine_dates_are_normalized(value, expected):
    assert normalize_datetime(value) == expected


def test_free_text_dates_in_other_languages_are_read():
    assert normalize_datetime("3. Mai 2024")[:10] == "2024-05-03"


@pytest.mark.parametrize("value", ["", None, "tomorrow-ish", "n/a"])
def test_unreadable_values_give_none(value):
    assert normalize_datetime(value) is None
