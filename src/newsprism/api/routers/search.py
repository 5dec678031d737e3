"""``/api/search``: full-text search over article titles and texts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ..deps import PageDep, PrismDep
from ..schemas import ErrorPublic, SearchPagePublic

__all__ = ["router"]

router = APIRouter(tags=["search"])

QueryParam = Annotated[str, Query(min_length=1, max_length=500, description='words and "quoted phrases", all required')]


@router.get(
    "/search",
    response_model=SearchPagePublic,
    responses={503: {"model": ErrorPublic, "description": "this database has no full-text index"}},
    summary="Search articles",
)
def search(q: QueryParam, prism: PrismDep, page: PageDep) -> dict[str, Any]:
    """Articles containing every word and phrase of ``q``, best first (a match in the title counts
    more), each with a snippet and the spans of every match in the article's text."""
    results = prism.search(q, page.limit, page.offset)
    return {"query": results.query, "terms": results.terms, "total": results.total, "limit": page.limit,
            "offset": page.offset, "hits": results.hits}
