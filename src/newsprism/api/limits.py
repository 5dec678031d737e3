"""A limit on request body size, answered like every other API error (JSON ``detail``, status 413).

A declared ``Content-Length`` over the limit is refused before the body is read; a body sent in chunks
is counted as it arrives and refused as soon as it passes the limit.
"""

from __future__ import annotations

from fastapi import HTTPException
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["BodyLimit", "too_large"]


def too_large(limit: int) -> str:
    """The message of a 413 answer."""
    return f"request body is larger than the limit of {limit} bytes"


class BodyLimit:
    """Refuse request bodies larger than ``max_bytes`` with ``413`` and a JSON message."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", ())).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await JSONResponse({"detail": too_large(self.max_bytes), "code": None}, status_code=413)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    # FastAPI re-raises HTTPExceptions from body reading; the app's handler answers it.
                    raise HTTPException(413, too_large(self.max_bytes))
            return message

        await self.app(scope, counted, send)
