"""``/api/articles``: one article with its annotation layers; adding an article (with the API token)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Response, status

from ..deps import PrismDep, TokenDep
from ..schemas import ArticleCreate, ArticleCreatedPublic, ArticleDetailPublic, ErrorPublic

__all__ = ["router"]

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get(
    "/{article_id}",
    response_model=ArticleDetailPublic,
    responses={404: {"model": ErrorPublic, "description": "no such article"}},
    summary="One article",
)
def read_article(article_id: str, prism: PrismDep) -> dict[str, Any]:
    """An article's clean text, metadata and story, with every annotation layer as spans into the text."""
    return prism.article(article_id).to_dict()


@router.post(
    "",
    response_model=ArticleCreatedPublic,
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": ArticleCreatedPublic, "description": "already stored (same URL or same text); nothing changed"},
        401: {"model": ErrorPublic, "description": "missing or invalid bearer token"},
        403: {"model": ErrorPublic, "description": "the server has no API token, so it accepts no writes"},
        413: {"model": ErrorPublic, "description": "request body larger than the server's limit"},
        422: {"model": ErrorPublic, "description": "invalid request, or the article was rejected (code and reason)"},
    },
    summary="Add an article",
)
def create_article(body: ArticleCreate, prism: PrismDep, _: TokenDep, response: Response) -> ArticleCreatedPublic:
    """Add one article through the same pipeline as ``newsprism ingest``: extraction, analysis,
    provenance links and story assignment. The story's report is recomputed before this returns."""
    report = prism.ingest_texts([body.model_dump(exclude_none=True)])
    if report.rejected:
        r = report.rejected[0]
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"article rejected ({r.code}): {r.reason}")
    if report.duplicates:
        response.status_code = status.HTTP_200_OK
        return ArticleCreatedPublic(status="duplicate")
    article_id = report.article_ids[0]
    response.headers["Location"] = f"/api/articles/{article_id}"
    return ArticleCreatedPublic(status="created", article_id=article_id, story_id=report.story_ids[0] if report.story_ids else None)
