"""Shared fixtures. Benchmark data is read from ``../shared/bench`` (never copied into the repo)."""

from __future__ import annotations

import contextlib
import os
import uuid
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


# ----------------------------------------------------------------------------------------- databases
# Store and API tests run on SQLite and on PostgreSQL. NEWSPRISM_TEST_PG is the URL of a PostgreSQL
# database the tests may use (.ci/run starts one); each test gets a schema of its own in it, dropped
# afterwards. Without the URL the PostgreSQL variants are skipped, except in CI, where they fail.

DATABASES = ["sqlite", "postgresql"]


def _require(what: str, hint: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required in CI: {hint}")
    pytest.skip(f"{what} not available here: {hint}")


@contextlib.contextmanager
def fresh_database(kind: str, folder: Path):
    """The URL of a new, empty database of ``kind`` (``sqlite`` or ``postgresql``), removed afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'newsprism.db'}"
        return
    base = os.environ.get("NEWSPRISM_TEST_PG")
    if not base:
        _require("PostgreSQL (NEWSPRISM_TEST_PG)", "set it to a postgresql+psycopg:// URL; .ci/run starts a server")
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path):
    """An empty database, once on SQLite and once on PostgreSQL."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium, which the browser tests drive through Playwright (nothing is downloaded)."""
    path = os.environ.get("NEWSPRISM_CHROMIUM", "/usr/bin/chromium")
    if not Path(path).exists():
        _require("Chromium", "apt-get install chromium (or set NEWSPRISM_CHROMIUM)")
    return path
