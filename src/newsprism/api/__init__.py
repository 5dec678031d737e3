"""The REST API and the web UI (FastAPI, server-rendered pages), over the same service functions as the CLI.

Start it with ``newsprism serve``, or build the app yourself: ``create_app(settings)``.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
