"""``newsprism serve`` starts uvicorn with the app, and refuses a database it cannot open."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import httpx
from typer.testing import CliRunner

from newsprism.cli import app

from .conftest import free_port


def test_serve_refuses_a_database_it_cannot_open():
    result = CliRunner().invoke(app, ["serve", "--db", "nosuchdb://x"])
    assert result.exit_code == 1
    assert "cannot open database" in result.output


def test_serve_answers_on_the_given_port(tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsprism.cli", "serve", "--db", f"sqlite:///{tmp_path / 'n.db'}", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read()
                assert time.monotonic() < deadline, "newsprism serve did not answer"
                time.sleep(0.3)
        assert r.json() == {"status": "ok", "stories": 0}
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert page.status_code == 200 and "No stories yet" in page.text
    finally:
        proc.send_signal(signal.SIGINT)
        output, _ = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in output
