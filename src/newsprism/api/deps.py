"""Dependencies shared by the routers: the service (:class:`Prism`), settings, pages, filters, the token.

Each is an ``Annotated`` alias, so a route states what it needs in its signature and nothing else.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..prism import Prism
from ..settings import Settings
from ..store.repository import StoryFilter

__all__ = [
    "Page",
    "PageDep",
    "PrismDep",
    "SettingsDep",
    "StoryFilterDep",
    "TokenDep",
    "get_prism",
    "get_settings",
    "page",
    "require_token",
    "story_filter",
]


def get_prism(request: Request) -> Prism:
    """The app's :class:`Prism`, opened by the lifespan handler."""
    return request.app.state.prism


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


PrismDep = Annotated[Prism, Depends(get_prism)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


@dataclass(frozen=True)
class Page:
    """A bounded page: at most ``settings.serve.max_page_size`` items from ``offset``."""

    limit: int
    offset: int


def page(
    settings: SettingsDep,
    limit: Annotated[int | None, Query(ge=1, le=1000, description="items per page (at most the server's max_page_size, 100 by default)")] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")] = 0,
) -> Page:
    serve = settings.serve
    if limit is None:
        limit = serve.page_size
    if limit > serve.max_page_size:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"limit must be at most {serve.max_page_size}")
    return Page(limit, offset)


PageDep = Annotated[Page, Depends(page)]


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _invalid(message: str) -> HTTPException:
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, message)


def story_filter(
    since: Annotated[str | None, Query(max_length=10, description="stories with an article on or after this day (YYYY-MM-DD)", json_schema_extra={"format": "date"})] = None,
    until: Annotated[str | None, Query(max_length=10, description="stories with an article on or before this day (YYYY-MM-DD)", json_schema_extra={"format": "date"})] = None,
    lang: Annotated[str | None, Query(max_length=16, description="stories with an article in this language (ISO 639 code)")] = None,
    source: Annotated[str | None, Query(max_length=256, description="stories with an article from this outlet")] = None,
    entity: Annotated[str | None, Query(max_length=128, description="stories naming this entity (one word)")] = None,
) -> StoryFilter:
    """Story filters from the query string; blank values (an empty form field) mean no filter."""
    days = []
    for name, value in (("since", _blank(since)), ("until", _blank(until))):
        try:
            days.append(date.fromisoformat(value).isoformat() if value else None)
        except ValueError:
            raise _invalid(f"{name} must be a day like 2022-07-19, not {value!r}") from None
    lang = _blank(lang)
    if lang is not None and not re.fullmatch(r"[a-z]{2,3}", lang):
        raise _invalid(f"lang must be a two- or three-letter language code like 'en', not {lang!r}")
    return StoryFilter(days[0], days[1], lang, _blank(source), _blank(entity))


StoryFilterDep = Annotated[StoryFilter, Depends(story_filter)]

_bearer = HTTPBearer(auto_error=False, description="The server's API token (NEWSPRISM_API_TOKEN).")


def require_token(
    settings: SettingsDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    """Refuse the request unless it carries the server's API token as a bearer token.

    A server without a token refuses every write: there is no default token to guess.
    """
    expected = settings.api_token
    if not expected:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "writing is disabled: the server has no API token (set NEWSPRISM_API_TOKEN)")
    challenge = {"WWW-Authenticate": "Bearer"}
    if credentials is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing bearer token (Authorization: Bearer <token>)", challenge)
    if not secrets.compare_digest(credentials.credentials.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token", challenge)


TokenDep = Annotated[None, Depends(require_token)]
