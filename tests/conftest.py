"""Shared fixtures. Benchmark data is read from ``../shared/bench`` (never copied into the repo)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _find_shared() -> Path | None:
    env = os.environ.get("NEWSPRISM_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent / "shared", Path("/work/shared")]
    for c in candidates:
        if (c / "bench").is_dir():
            return c
    return None


SHARED = _find_shared()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder with ``bench/`` and ``examples/``; tests needing it fail loudly without it."""
    if SHARED is None:
        pytest.fail("../shared (benchmark data and seed examples) not found; set NEWSPRISM_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def bench_dir(shared_dir: Path) -> Path:
    return shared_dir / "bench"


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "examples" / "seeds"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` (models, whole bench files) run only with ``NEWSPRISM_SLOW=1`` or ``-m slow``."""
    if os.environ.get("NEWSPRISM_SLOW") == "1" or "slow" in (config.getoption("markexpr", "") or ""):
        return
    skip = pytest.mark.skip(reason="slow: set NEWSPRISM_SLOW=1 (or -m slow) to run")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
