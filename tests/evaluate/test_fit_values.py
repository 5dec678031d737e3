"""Choosing the contradiction threshold when fitting the value-slot match (evaluate/fit_values.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from newsprism.evaluate import fit_values
from newsprism.settings import Settings

pytestmark = pytest.mark.issue(7)

CHANGED = {"id": "c", "conflicts": [{"kind": "number", "a_start": 0, "a_end": 2, "b_start": 0, "b_end": 2}]}
UNCHANGED = [{"id": f"u{i}", "conflicts": []} for i in range(4)]


def _finding(start: int) -> dict[str, int | str]:
    return {"kind": "number", "a_start": start, "a_end": start + 2, "b_start": start, "b_end": start + 2}


def test_threshold_finds_the_most_changed_facts_then_the_fewest_false_ones(monkeypatch):
    # The changed fact scores 0.1; unchanged pairs have findings scoring 0.02, 0.02 and 0.04.
    scored = {"c": [(0.1, _finding(0))], "u0": [(0.02, _finding(0)), (0.02, _finding(5))], "u1": [(0.04, _finding(0))]}
    monkeypatch.setattr(fit_values, "predict_scored", lambda pairs, settings: scored)
    pairs = [SimpleNamespace(row=r) for r in [CHANGED, *UNCHANGED]]
    # Within one false finding per four unchanged pairs from 0.025 on; the change is found up to 0.1.
    assert fit_values.threshold_for(pairs, Settings(), max_false=0.25) == 0.1


def test_threshold_within_the_budget_even_when_it_misses_the_change(monkeypatch):
    scored = {"c": [(0.03, _finding(0))], "u1": [(0.04, _finding(0))]}
    monkeypatch.setattr(fit_values, "predict_scored", lambda pairs, settings: scored)
    pairs = [SimpleNamespace(row=r) for r in [CHANGED, *UNCHANGED]]
    assert fit_values.threshold_for(pairs, Settings(), max_false=0.25) == 0.03
    assert fit_values.threshold_for(pairs, Settings(), max_false=0.0) == max(fit_values.THRESHOLDS)
