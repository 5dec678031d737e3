"""The Python API, and the service functions the CLI and the REST API call.

>>> p = Prism("sqlite://")
>>> report = p.ingest_texts([{"title": "Storm hits coast", "text": "A storm hit the coast on Monday, officials said."}])
>>> (report.accepted, len(p.stories()))
(1, 1)
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import NotFound
from .model import Analysis, Article, IngestReport, RawDocument, Rejected, Story, StoryReport, to_dict
from .pipeline import Pipeline, ProgressCallback
from .settings import Settings
from .store.repository import SearchResults, Store, StoryFilter, StorySummary

__all__ = ["ArticleView", "Prism", "StoryView"]


@dataclass(frozen=True)
class StoryView:
    """A story with its articles and its report (entities, findings, timeline, summary, provenance)."""

    story: Story
    articles: tuple[Article, ...]
    report: StoryReport

    def to_dict(self) -> dict[str, Any]:
        articles = [_story_article(a) for a in self.articles]
        return {"story": to_dict(self.story), "articles": articles, "report": to_dict(self.report)}


def _story_article(article: Article) -> dict[str, Any]:
    d = to_dict(article)
    d.pop("raw_text", None)
    return d


@dataclass(frozen=True)
class ArticleView:
    """An article with every annotation layer."""

    article: Article
    analysis: Analysis
    story_id: str | None

    def to_dict(self) -> dict[str, Any]:
        layers = {name: to_dict(getattr(self.analysis, name)) for name in Analysis.LAYERS}
        return {"article": to_dict(self.article), "story_id": self.story_id, "layers": layers}


class Prism:
    """newsprism over one database: ingest reports, then read stories, articles and findings.

    Args:
        database_url: SQLAlchemy URL; defaults to the ``database_url`` of ``settings``.
        settings: all configuration; defaults to :meth:`Settings.from_env`.
    """

    def __init__(self, database_url: str | None = None, settings: Settings | None = None) -> None:
        settings = settings or Settings.from_env()
        if database_url:
            settings = dataclasses.replace(settings, database_url=database_url)
        self.settings = settings
        self.store = Store(settings.database_url)
        self.pipeline = Pipeline(settings, self.store)
        # One writer at a time: the pipeline's caches and models are not shared between threads (the
        # REST API serves requests from a thread pool).
        self._writing = threading.Lock()

    # ------------------------------------------------------------------------------ writing

    def ingest(self, paths: Iterable[str | Path], progress: ProgressCallback | None = None) -> IngestReport:
        """Ingest files and folders (HTML, text, JSONL, feeds, WARC; ``.gz`` too)."""
        with self._writing:
            return self.pipeline.ingest(paths, progress)

    def ingest_texts(self, records: Iterable[Mapping[str, Any]], origin: str = "api") -> IngestReport:
        """Ingest records shaped like JSONL lines: ``text`` or ``html`` plus optional metadata."""
        from .errors import InputError
        from .ingest.readers import record_to_raw

        def raws() -> Iterator[RawDocument | Rejected]:
            for i, rec in enumerate(records):
                where = f"{origin}#{i}"
                try:
                    yield record_to_raw(dict(rec), where)
                except InputError as e:
                    yield Rejected(where, "ingest", e.code, e.message)

        with self._writing:
            return self.pipeline.ingest_raw(raws())

    def refresh(self) -> list[str]:
        """Recompute reports of stories changed since their last report."""
        with self._writing:
            return self.pipeline.refresh()

    # ------------------------------------------------------------------------------ reading

    def stories(self, filters: StoryFilter | None = None, limit: int = 50, offset: int = 0) -> list[Story]:
        with self.store.begin() as conn:
            return self.store.list_stories(conn, filters, limit, offset)

    def count_stories(self, filters: StoryFilter | None = None) -> int:
        with self.store.begin() as conn:
            return self.store.count_stories(conn, filters)

    def story_summaries(self, filters: StoryFilter | None = None, limit: int = 50, offset: int = 0) -> list[StorySummary]:
        """Like :meth:`stories`, with each story's languages and finding counts (for story lists).

        Args:
            filters: date range, language, source, entity; all optional.
            limit: most stories returned.
            offset: stories to skip.
        """
        with self.store.begin() as conn:
            return self.store.story_summaries(conn, filters, limit, offset)

    def search(self, query: str, limit: int = 20, offset: int = 0) -> SearchResults:
        """Articles containing every word and "quoted phrase" of ``query``, best first, with snippets.

        Args:
            query: words and quoted phrases, all required; other characters only separate words.
            limit: most hits returned.
            offset: hits to skip (for the next page).

        Returns:
            The page of hits and the total number of matching articles.

        Raises:
            StoreError: the database has no full-text index (an SQLite built without FTS5).
        """
        with self.store.begin() as conn:
            return self.store.search(conn, query, limit, offset)

    def story(self, story_id: str) -> StoryView:
        """A story by id (a unique prefix of the id is enough); raises :class:`NotFound`."""
        with self.store.begin() as conn:
            story_id = self._resolve_story_id(conn, story_id)
            story = self.store.get_story(conn, story_id)
            articles = tuple(self.store.articles_of_story(conn, story_id))
            report = self.store.get_report(conn, story_id)
        if report is None:
            with self._writing, self.store.begin() as conn:
                report = self.pipeline.story_report(conn, story_id)
                self.store.save_report(conn, report)
        return StoryView(story, articles, report)

    def story_data(self, story_id: str) -> dict[str, Any]:
        """``story(story_id).to_dict()``, read without rebuilding the report's records.

        A stored report already is in that JSON form, so the REST API serves it as it is; rebuilding
        thousands of spans only to turn them back into JSON would cost most of a request.
        """
        with self.store.begin() as conn:
            try:
                story = self.store.get_story(conn, story_id)
            except NotFound:  # a prefix of the id
                story = self.store.get_story(conn, self._resolve_story_id(conn, story_id))
            story_id = story.id
            articles = self.store.articles_of_story(conn, story_id)
            report = self.store.get_report_data(conn, story_id)
        if report is None:
            return self.story(story_id).to_dict()
        return {"story": to_dict(story), "articles": [_story_article(a) for a in articles], "report": report}

    def article(self, article_id: str) -> ArticleView:
        with self.store.begin() as conn:
            article = self.store.get_article(conn, article_id)
            analysis = self.store.get_analysis(conn, article_id, article)
            return ArticleView(article, analysis, self.store.article_story(conn, article_id))

    def analyses(self, articles: Iterable[Article]) -> dict[str, Analysis]:
        """The annotation layers of several articles (e.g. a story's), by article id."""
        with self.store.begin() as conn:
            return self.store.get_analyses(conn, list(articles))

    def rejections(self, limit: int = 100) -> list[Rejected]:
        with self.store.begin() as conn:
            return self.store.rejections(conn, limit)

    def export(self) -> Iterator[dict[str, Any]]:
        """Every story as one JSON-ready record (story, articles, report)."""
        offset = 0
        while True:
            page = self.stories(limit=100, offset=offset)
            if not page:
                return
            for s in page:
                yield self.story(s.id).to_dict()
            offset += len(page)

    def close(self) -> None:
        self.store.close()

    def _resolve_story_id(self, conn: Any, prefix: str) -> str:
        from sqlalchemy import select

        from .store import schema as t

        if conn.execute(select(t.stories.c.id).where(t.stories.c.id == prefix)).first():
            return prefix  # the whole id: an index lookup, no pattern scan
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = conn.execute(select(t.stories.c.id).where(t.stories.c.id.like(pattern, escape="\\")).limit(2)).all()
        if len(rows) == 1:
            return rows[0][0]
        if not rows:
            raise NotFound(f"no story {prefix!r}")
        exact = [r[0] for r in rows if r[0] == prefix]
        if exact:
            return exact[0]
        raise NotFound(f"story id {prefix!r} is ambiguous; give more characters")
