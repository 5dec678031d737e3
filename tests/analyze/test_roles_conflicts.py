"""Which pairs of titles given to one person cannot both be true."""

import pytest

from newsprism.analyze.roles import titles_conflict


@pytest.mark.parametrize(
    ("a", "b"),
    [("US President", "US Vice President"), ("Interior Secretary", "Interior Judge"), ("Prime Minister", "Chairman"),
     ("Coach", "Senator"), ("Public Safety Director", "Public Safety Coach"), ("President", "Prime Minister")],
)
def test_different_offices_conflict(a, b):
    assert titles_conflict(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Russian President", "president"), ("former President", "President"), ("Police spokesman", "Police Inspector"),
     ("head coach", "coach"), ("Kremlin chief", "President"), ("Superior Court Judge", "judge")],
)
def test_compatible_titles_do_not_conflict(a, b):
    assert titles_conflict(a, b) is None
