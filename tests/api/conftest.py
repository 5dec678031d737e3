"""Fixtures for the REST API and web UI tests: the seed story stored once per database kind, apps and
clients over it, and a real server on a free loopback port for the browser tests."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism import Prism, Settings
from newsprism.api import create_app

from ..conftest import DATABASES, fresh_database

TOKEN = "test-token-7f3a"


@pytest.fixture(scope="session", params=DATABASES)
def seeded_url(request, seeds_dir, tmp_path_factory) -> Iterator[str]:
    """A database holding the seed story (two reports of the 2022 Tehran summit); read-only for tests."""
    with fresh_database(request.param, tmp_path_factory.mktemp(f"seeded-{request.param}")) as url:
        prism = Prism(url)
        report = prism.ingest([seeds_dir])
        assert (report.accepted, report.rejected) == (2, [])
        prism.close()
        yield url


def seed_story_id(client: TestClient) -> str:
    (story,) = [s for s in client.get("/api/stories").json()["items"] if s["article_count"] == 2]
    return story["id"]


@pytest.fixture(scope="session")
def seeded_client(seeded_url) -> Iterator[TestClient]:
    """A client of an app over the seeded database (with an API token configured)."""
    with TestClient(create_app(Settings(database_url=seeded_url, api_token=TOKEN))) as client:
        yield client


@pytest.fixture(scope="module", params=DATABASES)
def writable_client(request, tmp_path_factory) -> Iterator[TestClient]:
    """A client of an app over an empty database of each kind, for tests that add articles."""
    with fresh_database(request.param, tmp_path_factory.mktemp(f"writable-{request.param}")) as url:
        with TestClient(create_app(Settings(database_url=url, api_token=TOKEN))) as client:
            yield client


def copy_sqlite(url: str, folder: Path) -> str:
    """A copy of an SQLite database (through SQLite's backup API, so the WAL is included)."""
    target = folder / "copy.db"
    src, dst = sqlite3.connect(url.removeprefix("sqlite:///")), sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return f"sqlite:///{target}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving ``app`` on a free loopback port, in a thread of the test process."""

    def __init__(self, app) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
