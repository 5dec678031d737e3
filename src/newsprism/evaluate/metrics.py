"""Small scoring helpers shared by the suites."""

from __future__ import annotations

import json
from typing import Any, TextIO

__all__ = ["prf", "write_prediction"]


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined).

    >>> prf(8, 2, 2)
    (0.8, 0.8, 0.8)
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 6), round(r, 6), round(f, 6)


def write_prediction(out: TextIO | None, record: dict[str, Any]) -> None:
    if out is not None:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
