"""newsprism: understand one news story across many sources.

>>> from newsprism import Prism
>>> p = Prism("sqlite://")
>>> p.ingest_texts([{"title": "Ferry strike ends", "text": "Ferry workers ended their strike on Friday, the union said."}]).accepted
1
"""

from __future__ import annotations

from .errors import InputError, NewsprismError, NotFound
from .model import (
    Analysis,
    Article,
    Entity,
    Evidence,
    Finding,
    FindingLabel,
    IngestReport,
    Link,
    LinkKind,
    Rejected,
    Span,
    Story,
    StoryReport,
)
from .prism import ArticleView, Prism, StoryView
from .settings import Settings
from .store.repository import StoryFilter

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "ArticleView",
    "Entity",
    "Evidence",
    "Finding",
    "FindingLabel",
    "IngestReport",
    "InputError",
    "Link",
    "LinkKind",
    "NewsprismError",
    "NotFound",
    "Prism",
    "Rejected",
    "Settings",
    "Span",
    "Story",
    "StoryFilter",
    "StoryReport",
    "StoryView",
]
