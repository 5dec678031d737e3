"""Evaluation harnesses over the benchmark data in ``../shared/bench``.

Each suite is a module with ``evaluate(data: Path, settings: Settings, predictions: TextIO | None) ->
dict[str, float | int]``: it runs newsprism's real pipeline on the items, reads the gold labels only to
score, writes one JSON line per item to ``predictions`` when given, and returns the metrics named in
the bench README.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any, TextIO

from ..errors import ConfigError
from ..settings import Settings

__all__ = ["SUITES", "run_suite"]

SUITES: dict[str, str] = {
    "extraction": "newsprism.evaluate.extraction",
    "stories": "newsprism.evaluate.stories",
    "timex": "newsprism.evaluate.timex",
    "translations": "newsprism.evaluate.translations",
    "stance": "newsprism.evaluate.stance",
    "conflicts": "newsprism.evaluate.conflicts",
}


def run_suite(suite: str, data: Path, settings: Settings | None = None, predictions: TextIO | None = None) -> dict[str, Any]:
    """Run one suite and return its metrics."""
    if suite not in SUITES:
        raise ConfigError(f"unknown suite {suite!r}; choose one of {sorted(SUITES)}")
    data = Path(data)
    if not data.exists():
        raise ConfigError(f"benchmark data not found: {data}")
    module = importlib.import_module(SUITES[suite])
    return module.evaluate(data, settings or Settings(), predictions)
