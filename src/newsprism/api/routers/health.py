"""``/api/health``: whether the server is up and its database answers."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..deps import PrismDep

__all__ = ["router"]

router = APIRouter(tags=["health"])


@router.get("/health", summary="Health check")
def health(prism: PrismDep) -> dict[str, Any]:
    """``{"status": "ok", "stories": N}`` when the database answers."""
    return {"status": "ok", "stories": prism.count_stories()}
