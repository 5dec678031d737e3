"""The FastAPI application: the REST API under ``/api`` and the web pages, over one :class:`Prism`.

>>> from fastapi.testclient import TestClient
>>> app = create_app(Settings(database_url="sqlite://"))
>>> with TestClient(app) as client:
...     client.get("/api/stories").json()["total"]
0
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import jinja2
from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import ConfigError, InputError, NewsprismError, NotFound, StoreError
from ..prism import Prism
from ..settings import Settings
from .routers import articles, health, pages, search, stories
from .limits import BodyLimit, too_large
from .security import SecurityHeaders

__all__ = ["create_app"]

_HERE = Path(__file__).parent

_STATUS = {NotFound: 404, InputError: 422, StoreError: 503, ConfigError: 500}

_DESCRIPTION = """\
newsprism reads many reports of one story and tells you who copied whom, what happened, and where the
sources agree or conflict. Every finding, link and timeline event points to character spans
(`doc_id`, `start`, `end`) in the articles' clean text, with the exact words quoted.

Reading needs no credentials. `POST /api/articles` needs the server's token as `Authorization: Bearer <token>`.
Lists are paged with `limit` and `offset`.
"""


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_HERE / "templates"),
        autoescape=True,  # every template is HTML; article text is untrusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Jinja2Templates(env=env)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _error(request: Request, status: int, detail: str, code: str | None = None, **extra: Any) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": detail, "code": code, **extra}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "detail": detail}, status_code=status)


def _install_handlers(app: FastAPI, settings: Settings) -> None:
    @app.exception_handler(NewsprismError)
    async def newsprism_error(request: Request, exc: NewsprismError) -> Response:
        status = next((s for cls, s in _STATUS.items() if isinstance(exc, cls)), 500)
        return _error(request, status, exc.message, exc.code)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = str(exc.detail)
        if exc.status_code == 413:
            detail = too_large(settings.serve.max_body_bytes)
        elif exc.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {request.url.path}"
        response = _error(request, exc.status_code, detail)
        for k, v in (exc.headers or {}).items():
            response.headers[k] = v
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        parts = []
        for e in errors:
            where = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
            parts.append(f"{where}: {e.get('msg', 'invalid')}")
        clean = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in errors]
        return _error(request, 422, "; ".join(parts) or "invalid request", "E422", errors=clean)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The web UI and REST API over the database in ``settings``.

    The database is opened when the app starts (its lifespan) and closed when it stops.

    Args:
        settings: all configuration (database URL, API token, ``serve`` limits); default: from the
            environment, read when this is called.

    Returns:
        The FastAPI application, ready for uvicorn or a test client.
    """
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        prism = Prism(settings=settings)
        app.state.prism = prism
        try:
            yield
        finally:
            prism.close()

    app = FastAPI(
        title="newsprism",
        version=__version__,
        description=_DESCRIPTION,
        lifespan=lifespan,
        openapi_url="/api/openapi.json",
        docs_url=None,  # the interactive docs pages load third-party scripts; /api/docs is ours
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.templates = _templates()
    app.add_middleware(BodyLimit, max_bytes=settings.serve.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    _install_handlers(app, settings)

    api = APIRouter(prefix="/api")
    for module in (stories, articles, search, health):
        api.include_router(module.router)
    app.include_router(api)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=_HERE / "static"), name="static")
    return app
