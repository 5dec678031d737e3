"""``/api/stories``: story lists with filters, and one story with everything known about it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..deps import PageDep, PrismDep, StoryFilterDep
from ..schemas import ErrorPublic, StoryDetailPublic, StoryPagePublic

__all__ = ["router"]

router = APIRouter(prefix="/stories", tags=["stories"])


@router.get("", response_model=StoryPagePublic, summary="List stories")
def list_stories(prism: PrismDep, filters: StoryFilterDep, page: PageDep) -> dict[str, Any]:
    """Stories, largest first, with their sources, languages and how many findings conflict.

    Filters combine with AND; ``total`` counts every story that matches them.
    """
    items = prism.story_summaries(filters, page.limit, page.offset)
    return {"items": items, "total": prism.count_stories(filters), "limit": page.limit, "offset": page.offset}


@router.get(
    "/{story_id}",
    response_model=StoryDetailPublic,
    responses={404: {"model": ErrorPublic, "description": "no such story, or an ambiguous id prefix"}},
    summary="One story",
)
def read_story(story_id: str, prism: PrismDep) -> dict[str, Any]:
    """A story (a unique prefix of its id is enough): its articles, entities, timeline, provenance, and
    findings with every source's span and exact words."""
    return prism.story_data(story_id)
