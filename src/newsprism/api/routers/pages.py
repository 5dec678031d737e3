"""The web pages: the story list, a story, an article and search results, rendered on the server.

Each route calls the same :class:`Prism` service functions as the REST API, turns the result into a
page model (:mod:`newsprism.api.present`) and hands it to a template. Templates escape everything.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from .. import present
from ..deps import PageDep, PrismDep, StoryFilterDep

__all__ = ["router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _render(request: Request, name: str, **context: object) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context)


def _pager(request: Request, page: PageDep, total: int) -> dict[str, str | int | None]:
    """Links to the previous and next pages, keeping the other query parameters."""
    params = {k: v for k, v in request.query_params.items() if k not in ("offset", "limit") and v}
    def link(offset: int) -> str:
        return "?" + urlencode({**params, "offset": offset, "limit": page.limit})
    return {
        "first": page.offset + 1 if total else 0,
        "last": min(total, page.offset + page.limit),
        "total": total,
        "prev": link(max(0, page.offset - page.limit)) if page.offset > 0 else None,
        "next": link(page.offset + page.limit) if page.offset + page.limit < total else None,
    }


@router.get("/")
def story_list(request: Request, prism: PrismDep, filters: StoryFilterDep, page: PageDep) -> HTMLResponse:
    rows = present.story_rows(prism.story_summaries(filters, page.limit, page.offset))
    total = prism.count_stories(filters)
    return _render(request, "index.html", rows=rows, filters=filters, pager=_pager(request, page, total))


@router.get("/stories/{story_id}")
def story(request: Request, story_id: str, prism: PrismDep) -> HTMLResponse:
    view = prism.story(story_id)
    page = present.story_page(view, prism.analyses(view.articles))
    return _render(request, "story.html", page=page)


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, prism: PrismDep) -> HTMLResponse:
    return _render(request, "article.html", page=present.article_page(prism.article(article_id)))


@router.get("/search")
def search(
    request: Request, prism: PrismDep, page: PageDep,
    q: Annotated[str, Query(max_length=500)] = "",
) -> HTMLResponse:
    results = prism.search(q, page.limit, page.offset) if q.strip() else None
    hits = [(h, present.hit_segments(h)) for h in results.hits] if results else []
    total = results.total if results else 0
    return _render(request, "search.html", q=q, results=results, hits=hits, pager=_pager(request, page, total))


@router.get("/api/docs")
def api_docs(request: Request) -> HTMLResponse:
    """The REST API's reference, rendered from its OpenAPI document (no third-party scripts)."""
    return _render(request, "api_docs.html", endpoints=present.endpoints(request.app.openapi()))
