"""The repository: every read and write of newsprism's data goes through :class:`Store`.

SQLite is the default (a file in the working directory); PostgreSQL works through the same code with a
``postgresql+psycopg://`` URL. All SQL goes through SQLAlchemy with bound parameters.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
from sqlalchemy import Connection, Float, bindparam, create_engine, delete, event, func, insert, or_, select, union_all, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.pool import StaticPool

from ..errors import NotFound, StoreError
from ..model import (
    Analysis,
    Article,
    DateInference,
    Evidence,
    FindingLabel,
    Fingerprint,
    Link,
    Rejected,
    Span,
    Story,
    StoryReport,
    from_dict,
    to_dict,
)
from . import fulltext
from . import schema as t

__all__ = ["SearchHit", "SearchResults", "Store", "StoryFilter", "StorySummary"]

_ANALYSIS_FIELDS = tuple(f for f in Analysis.LAYERS)


def _layers(analysis: Analysis) -> dict[str, Any]:
    """An analysis's annotation layers as the JSON document stored per article."""
    return {name: to_dict(getattr(analysis, name)) for name in _ANALYSIS_FIELDS}


# A story record's columns: everything but the assigner's state, which can be large and is not shown.
_STORY_COLUMNS = tuple(c for c in t.stories.c if c.name != "state")


@dataclasses.dataclass(frozen=True)
class StoryFilter:
    """Filters for listing stories; all optional, combined with AND."""

    since: str | None = None
    until: str | None = None
    lang: str | None = None
    source: str | None = None
    entity: str | None = None


_CONFLICT_LABELS = (FindingLabel.CONTRADICTED.value, FindingLabel.DISPUTED.value)


@dataclasses.dataclass(frozen=True)
class StorySummary:
    """One line of a story list: the headline and what a reader scans before opening the story.

    ``sources`` are the named outlets; ``source_count`` counts them plus one for each article whose outlet
    is unknown. ``findings`` counts the story's findings by label (empty until the story's report is
    computed); ``conflicts`` is contradicted + disputed (``None`` until then). ``last_updated`` is when
    the story last changed.
    """

    id: str
    headline: str
    article_count: int
    source_count: int
    sources: tuple[str, ...]
    languages: tuple[str, ...]
    conflicts: int | None
    findings: dict[str, int]
    first_published: str | None
    last_published: str | None
    last_updated: str | None


@dataclasses.dataclass(frozen=True)
class SearchHit:
    """An article matching a full-text query.

    ``snippet`` is a passage around the first match (its span and words); ``matches`` are the spans of
    every matched word or phrase in the article's text (layer ``search``). ``rank``: higher is better.
    """

    article_id: str
    story_id: str | None
    title: str | None
    source: str | None
    lang: str | None
    published: str | None
    rank: float
    snippet: Evidence
    matches: tuple[Span, ...]


@dataclasses.dataclass(frozen=True)
class SearchResults:
    """One page of full-text search results; ``terms`` is the query as it was understood."""

    query: str
    terms: tuple[str, ...]
    total: int
    hits: tuple[SearchHit, ...]


def _snippet_bounds(text: str, found: Sequence[tuple[int, int, int]], width: int) -> tuple[int, int]:
    """A passage of about ``width`` characters, cut at spaces, around the matches of the most terms."""
    if not found:
        start, end = 0, min(len(text), width)
        first_start = first_end = end
    else:
        best = max(range(len(found)), key=lambda i: (len({n for s, _, n in found[i:] if s < found[i][0] + width // 2}), -i))
        first_start, first_end = found[best][0], found[best][1]
        start = max(0, first_start - width // 3)
        end = min(len(text), max(first_end, start + width))
    if start > 0:
        space = text.find(" ", start, first_start)
        start = space + 1 if space != -1 else first_start
    if end < len(text):
        space = text.rfind(" ", first_end, end)
        end = space if space != -1 else end
    return start, end


def _engine(url: str) -> Engine:
    try:
        if url.startswith("sqlite"):
            # An in-memory database lives in one connection: share it, or each thread would see its own.
            memory = url in ("sqlite://", "sqlite:///:memory:")
            engine = create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool if memory else None)

            @event.listens_for(engine, "connect")
            def _pragmas(dbapi_conn: Any, _record: Any) -> None:
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.close()

            return engine
        return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError) as e:
        raise StoreError(f"cannot open database {url!r}: {e}") from None


class Store:
    """Open (and create if needed) the database at ``url``.

    >>> store = Store("sqlite://")
    >>> store.count_articles()
    0
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)
        # Compiled candidate queries by shape (terms, postings per term, limit): built once per store.
        self._posting_queries: dict[tuple[int, int, int], Any] = {}
        try:
            t.metadata.create_all(self.engine)
        except OperationalError as e:
            raise StoreError(f"cannot open database {url!r}: {e.orig}") from None
        self.searchable = fulltext.install(self.engine)

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A transaction: committed on success, rolled back on error."""
        with self.engine.begin() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------------------- articles

    def known_article(self, conn: Connection, article: Article) -> str | None:
        """The id of a stored article with the same id or the same normalized text, if any."""
        row = conn.execute(
            select(t.articles.c.id).where(
                or_(t.articles.c.id == article.id, t.articles.c.content_hash == article.content_hash)
            ).limit(1)
        ).first()
        return row[0] if row else None

    def next_seq(self, conn: Connection) -> int:
        return (conn.execute(select(func.max(t.articles.c.seq))).scalar() or 0) + 1

    def add_article(
        self, conn: Connection, analysis: Analysis, fingerprint: Fingerprint, story_id: str | None, seq: int
    ) -> None:
        a = analysis.article
        published = analysis.published if analysis.published.method != "none" else a.published
        conn.execute(
            insert(t.articles).values(
                id=a.id,
                external_id=a.external_id,
                url=a.url,
                source=a.source,
                title=a.title,
                text=a.text,
                body_start=a.body_start,
                lang=analysis.lang or a.lang,
                authors=list(a.authors),
                published=to_dict(published),
                published_day=published.day,
                updated=a.updated,
                origin=a.origin,
                content_hash=a.content_hash,
                raw_text=a.raw_text,
                removed=to_dict(a.removed),
                story_id=story_id,
                seq=seq,
            )
        )
        conn.execute(insert(t.analyses).values(article_id=a.id, data=_layers(analysis)))
        conn.execute(
            insert(t.fingerprints).values(
                article_id=a.id,
                minhash=np.asarray(fingerprint.minhash, dtype=np.uint64).tobytes(),
                embedding=None if fingerprint.embedding is None else np.asarray(fingerprint.embedding, np.float32).tobytes(),
                terms=list(fingerprint.terms),
            )
        )

    def replace_analysis(self, conn: Connection, analysis: Analysis) -> None:
        """Store an article's analysis again, with its publication date (e.g. after the story dated it)."""
        published = analysis.published
        conn.execute(update(t.analyses).where(t.analyses.c.article_id == analysis.article.id).values(data=_layers(analysis)))
        conn.execute(
            update(t.articles)
            .where(t.articles.c.id == analysis.article.id)
            .values(published=to_dict(published), published_day=published.day)
        )

    @staticmethod
    def _article_from_row(row: Any) -> Article:
        return Article(
            id=row.id,
            text=row.text,
            title=row.title,
            body_start=row.body_start,
            url=row.url,
            source=row.source,
            lang=row.lang,
            authors=tuple(row.authors or ()),
            published=from_dict(DateInference, row.published),
            updated=row.updated,
            origin=row.origin or "",
            external_id=row.external_id,
            content_hash=row.content_hash,
            raw_text=row.raw_text or "",
            removed=tuple(from_dict(Span, s) for s in row.removed or ()),
        )

    def get_article(self, conn: Connection, article_id: str) -> Article:
        row = conn.execute(select(t.articles).where(t.articles.c.id == article_id)).first()
        if row is None:
            raise NotFound(f"no article {article_id!r}")
        return self._article_from_row(row)

    def _analysis_row(self, conn: Connection, article_id: str) -> dict[str, Any]:
        row = conn.execute(select(t.analyses.c.data).where(t.analyses.c.article_id == article_id)).first()
        if row is None:
            raise NotFound(f"no analysis for article {article_id!r}")
        return dict(row[0])

    def get_analysis(self, conn: Connection, article_id: str, article: Article | None = None) -> Analysis:
        article = article or self.get_article(conn, article_id)
        return from_dict(Analysis, self._analysis_row(conn, article_id), article=article)

    def get_analyses(self, conn: Connection, articles: Sequence[Article]) -> dict[str, Analysis]:
        """The analyses of several articles at once, by article id."""
        by_id = {a.id: a for a in articles}
        if not by_id:
            return {}
        rows = conn.execute(select(t.analyses).where(t.analyses.c.article_id.in_(list(by_id))))
        return {r.article_id: from_dict(Analysis, r.data, article=by_id[r.article_id]) for r in rows}

    def articles_of_story(self, conn: Connection, story_id: str) -> list[Article]:
        rows = conn.execute(select(t.articles).where(t.articles.c.story_id == story_id).order_by(t.articles.c.seq))
        return [self._article_from_row(r) for r in rows]

    def article_ids_of_story(self, conn: Connection, story_id: str) -> list[str]:
        rows = conn.execute(select(t.articles.c.id).where(t.articles.c.story_id == story_id).order_by(t.articles.c.seq))
        return [r[0] for r in rows]

    def article_story(self, conn: Connection, article_id: str) -> str | None:
        return conn.execute(select(t.articles.c.story_id).where(t.articles.c.id == article_id)).scalar()

    def count_articles(self, conn: Connection | None = None) -> int:
        with self._conn(conn) as c:
            return c.execute(select(func.count()).select_from(t.articles)).scalar() or 0

    def get_fingerprint(self, conn: Connection, article_id: str) -> Fingerprint:
        row = conn.execute(select(t.fingerprints).where(t.fingerprints.c.article_id == article_id)).first()
        if row is None:
            raise NotFound(f"no fingerprint for article {article_id!r}")
        return self._fingerprint_from_row(row)

    @staticmethod
    def _fingerprint_from_row(row: Any) -> Fingerprint:
        emb = np.frombuffer(row.embedding, dtype=np.float32) if row.embedding is not None else None
        return Fingerprint(row.article_id, np.frombuffer(row.minhash, dtype=np.uint64), emb, tuple(row.terms or ()))

    def iter_embeddings(self, conn: Connection) -> Iterator[tuple[str, str | None, np.ndarray]]:
        """``(article_id, lang, embedding)`` for every article that has an embedding."""
        q = (
            select(t.fingerprints.c.article_id, t.articles.c.lang, t.fingerprints.c.embedding)
            .join(t.articles, t.articles.c.id == t.fingerprints.c.article_id)
            .where(t.fingerprints.c.embedding.is_not(None))
            .order_by(t.articles.c.seq)
        )
        for row in conn.execute(q):
            yield row[0], row[1], np.frombuffer(row[2], dtype=np.float32)

    # ---------------------------------------------------------------------------- rejections

    def add_rejections(self, conn: Connection, rejected: Sequence[Rejected]) -> None:
        if rejected:
            conn.execute(insert(t.rejections), [dataclasses.asdict(r) for r in rejected])

    def rejections(self, conn: Connection, limit: int = 100) -> list[Rejected]:
        rows = conn.execute(select(t.rejections).order_by(t.rejections.c.id.desc()).limit(limit))
        return [Rejected(r.origin, r.stage, r.code, r.reason) for r in rows]

    # ------------------------------------------------------------------------ provenance index

    def add_lsh_keys(self, conn: Connection, article_id: str, keys: Iterable[int]) -> None:
        """Index an article under its LSH bucket keys (see :class:`newsprism.provenance.ProvenanceDetector`)."""
        rows = [{"key": k, "article_id": article_id} for k in dict.fromkeys(keys)]
        if rows:
            conn.execute(insert(t.lsh_keys), rows)

    def lsh_candidates(self, conn: Connection, keys: Sequence[int], limit: int) -> dict[str, int]:
        """Stored articles sharing at least one key, with how many they share, most first (at most ``limit``)."""
        if not keys:
            return {}
        n = func.count().label("n")
        q = (
            select(t.lsh_keys.c.article_id, n)
            .where(t.lsh_keys.c.key.in_(list(dict.fromkeys(keys))))
            .group_by(t.lsh_keys.c.article_id)
            .order_by(n.desc(), t.lsh_keys.c.article_id)
            .limit(limit)
        )
        return {r[0]: r[1] for r in conn.execute(q)}

    def candidate_fingerprints(self, conn: Connection, article_ids: Sequence[str]) -> dict[str, tuple[str | None, Fingerprint]]:
        """Language and fingerprint of several articles (what a candidate pre-check needs), in one query."""
        if not article_ids:
            return {}
        f = t.fingerprints
        q = (
            select(t.articles.c.lang, f)
            .join(f, f.c.article_id == t.articles.c.id)
            .where(t.articles.c.id.in_(list(article_ids)))
        )
        return {r.article_id: (r.lang, self._fingerprint_from_row(r)) for r in conn.execute(q)}

    def get_for_provenance(
        self, conn: Connection, article_ids: Sequence[str], layers: Sequence[str] = ("lang", "sentences", "framing", "published")
    ) -> dict[str, tuple[Analysis, Fingerprint]]:
        """Analyses (with only the named layers) and fingerprints of several articles, in one query.

        Candidate verification reads dozens of stored articles per new one; building only the layers it
        uses keeps that cheap.
        """
        if not article_ids:
            return {}
        f = t.fingerprints
        q = (
            select(t.articles, t.analyses.c.data, f.c.minhash, f.c.embedding, f.c.terms)
            .join(t.analyses, t.analyses.c.article_id == t.articles.c.id)
            .join(f, f.c.article_id == t.articles.c.id)
            .where(t.articles.c.id.in_(list(article_ids)))
        )
        out = {}
        for row in conn.execute(q):
            article = self._article_from_row(row)
            data = {k: v for k, v in dict(row.data).items() if k in layers}
            emb = np.frombuffer(row.embedding, dtype=np.float32) if row.embedding is not None else None
            fp = Fingerprint(row.id, np.frombuffer(row.minhash, dtype=np.uint64), emb, tuple(row.terms or ()))
            out[row.id] = (from_dict(Analysis, data, article=article), fp)
        return out

    def get_sentence_vectors(self, conn: Connection, article_id: str, model: str) -> np.ndarray | None:
        """Cached sentence embeddings of an article computed with ``model``, or ``None``."""
        row = conn.execute(
            select(t.sentence_vectors).where(t.sentence_vectors.c.article_id == article_id)
        ).first()
        if row is None or row.model != model:
            return None
        return np.frombuffer(row.data, dtype=np.float16).astype(np.float32).reshape(row.rows, row.dim)

    def put_sentence_vectors(self, conn: Connection, article_id: str, model: str, vectors: np.ndarray) -> None:
        vectors = np.asarray(vectors, dtype=np.float32)
        rows, dim = (vectors.shape[0], vectors.shape[1]) if vectors.ndim == 2 else (0, 0)
        conn.execute(delete(t.sentence_vectors).where(t.sentence_vectors.c.article_id == article_id))
        conn.execute(
            insert(t.sentence_vectors).values(
                article_id=article_id, model=model, rows=rows, dim=dim, data=vectors.astype(np.float16).tobytes()
            )
        )

    # ----------------------------------------------------------------------------------- links

    def add_links(self, conn: Connection, new_links: Sequence[Link]) -> None:
        for link in new_links:
            conn.execute(
                insert(t.links).values(
                    article_id=link.article_id,
                    target_id=link.target_id,
                    kind=link.kind.value,
                    score=link.score,
                    reason=link.reason,
                    evidence=to_dict(link.evidence),
                    direction=link.direction,
                )
            )

    def links_among(self, conn: Connection, article_ids: Sequence[str]) -> list[Link]:
        """Links whose two articles are both among ``article_ids``."""
        if not article_ids:
            return []
        ids = list(article_ids)
        rows = conn.execute(select(t.links).where(t.links.c.article_id.in_(ids), t.links.c.target_id.in_(ids)))
        return [from_dict(Link, dict(r._mapping)) for r in rows]

    def links_of(self, conn: Connection, article_id: str) -> list[Link]:
        """Every link from or to one article."""
        rows = conn.execute(
            select(t.links).where(or_(t.links.c.article_id == article_id, t.links.c.target_id == article_id))
        )
        return [from_dict(Link, dict(r._mapping)) for r in rows]

    def all_links(self, conn: Connection) -> Iterator[Link]:
        """Every stored link (for evaluation and export)."""
        for r in conn.execute(select(t.links).order_by(t.links.c.article_id, t.links.c.target_id)):
            yield from_dict(Link, dict(r._mapping))

    # --------------------------------------------------------------------------------- stories

    def save_story(
        self,
        conn: Connection,
        story_id: str,
        *,
        headline: str,
        keywords: Sequence[str],
        state: dict[str, Any],
        article_count: int,
        first_published: str | None,
        last_published: str | None,
        exists: bool | None = None,
    ) -> None:
        """Insert or update a story (``exists`` skips the look-up when the caller knows)."""
        values = dict(
            headline=headline,
            keywords=list(keywords),
            state=state,
            article_count=article_count,
            first_published=first_published,
            last_published=last_published,
            dirty=True,
        )
        if exists is None:
            exists = conn.execute(select(t.stories.c.id).where(t.stories.c.id == story_id)).first() is not None
        if exists:
            conn.execute(update(t.stories).where(t.stories.c.id == story_id).values(**values))
        else:
            conn.execute(insert(t.stories).values(id=story_id, **values))

    def story_state(self, conn: Connection, story_id: str) -> dict[str, Any] | None:
        row = conn.execute(select(t.stories.c.state).where(t.stories.c.id == story_id)).first()
        return dict(row[0]) if row else None

    def set_story_terms(self, conn: Connection, story_id: str, terms: dict[str, float], seq: int = 0) -> None:
        """Replace the index entries of a story; ``seq`` (its last update) orders each term's postings."""
        conn.execute(delete(t.story_terms).where(t.story_terms.c.story_id == story_id))
        if terms:
            conn.execute(
                insert(t.story_terms),
                [{"term": k, "story_id": story_id, "weight": w, "seq": seq} for k, w in terms.items()],
            )

    def touch_story_terms(self, conn: Connection, story_id: str, seq: int) -> None:
        """Mark a story's index entries as updated at ``seq`` (they are read newest first)."""
        conn.execute(update(t.story_terms).where(t.story_terms.c.story_id == story_id).values(seq=seq))

    def stories_by_terms(
        self, conn: Connection, terms: Sequence[str] | Mapping[str, float], limit: int, per_term: int = 50
    ) -> list[str]:
        """Stories indexed under any of ``terms``, highest summed ``index weight x term weight`` first.

        ``terms`` may map each term to its weight in the query (else every term weighs 1). Each term reads
        at most its ``per_term`` most recently updated stories, so the cost of a query stays flat however
        many stories share a common term.
        """
        weights = dict(terms) if isinstance(terms, Mapping) else dict.fromkeys(terms, 1.0)
        if not weights:
            return []
        key = (len(weights), per_term, limit)
        if key not in self._posting_queries:
            st = t.story_terms
            parts = [
                select(st.c.story_id, (st.c.weight * bindparam(f"w{i}", type_=Float)).label("w"))
                .where(st.c.term == bindparam(f"t{i}"))
                .order_by(st.c.seq.desc())
                .limit(per_term)
                .subquery()
                for i in range(len(weights))
            ]
            postings = union_all(*(select(p.c.story_id, p.c.w) for p in parts)).subquery()
            self._posting_queries[key] = (
                select(postings.c.story_id, func.sum(postings.c.w).label("w"))
                .group_by(postings.c.story_id)
                .order_by(func.sum(postings.c.w).desc(), postings.c.story_id)
                .limit(limit)
            )
        params: dict[str, Any] = {}
        for i, (term, w) in enumerate(weights.items()):
            params[f"t{i}"], params[f"w{i}"] = term, float(w)
        return [r[0] for r in conn.execute(self._posting_queries[key], params)]

    def story_states(self, conn: Connection, story_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The saved states of several stories at once (missing ids are left out)."""
        if not story_ids:
            return {}
        q = select(t.stories.c.id, t.stories.c.state).where(t.stories.c.id.in_(bindparam("ids", expanding=True)))
        rows = conn.execute(q, {"ids": list(story_ids)})
        return {r[0]: dict(r[1]) for r in rows}

    def term_frequencies(self, conn: Connection, terms: Sequence[str]) -> dict[str, int]:
        """Document frequencies of ``terms`` (absent terms are left out); ``#docs`` counts articles."""
        if not terms:
            return {}
        out: dict[str, int] = {}
        unique = list(dict.fromkeys(terms))
        for i in range(0, len(unique), 500):  # keep each statement well under the bound-parameter limits
            q = select(t.term_stats.c.term, t.term_stats.c.df).where(t.term_stats.c.term.in_(bindparam("terms", expanding=True)))
            rows = conn.execute(q, {"terms": unique[i : i + 500]})
            out.update({r[0]: r[1] for r in rows})
        return out

    def add_term_frequencies(self, conn: Connection, terms: Sequence[str], known: Iterable[str]) -> None:
        """Count one more document for each of ``terms``; ``known`` are those that already have a row."""
        known = set(known)
        old = [k for k in dict.fromkeys(terms) if k in known]
        new = [k for k in dict.fromkeys(terms) if k not in known]
        if old:
            q = update(t.term_stats).where(t.term_stats.c.term.in_(bindparam("terms", expanding=True)))
            conn.execute(q.values(df=t.term_stats.c.df + 1), {"terms": old})
        if new:
            conn.execute(insert(t.term_stats), [{"term": k, "df": 1} for k in new])

    def _story_from_row(self, conn: Connection, row: Any) -> Story:
        members = conn.execute(
            select(t.articles.c.id, t.articles.c.source).where(t.articles.c.story_id == row.id).order_by(t.articles.c.seq)
        ).all()
        sources = tuple(dict.fromkeys(s for _, s in members if s))
        return Story(
            id=row.id,
            headline=row.headline,
            article_ids=tuple(i for i, _ in members),
            keywords=tuple(row.keywords or ()),
            sources=sources,
            first_published=row.first_published,
            last_updated=row.updated_at.isoformat() if row.updated_at else None,
        )

    def get_story(self, conn: Connection, story_id: str) -> Story:
        row = conn.execute(select(*_STORY_COLUMNS).where(t.stories.c.id == story_id)).first()
        if row is None:
            raise NotFound(f"no story {story_id!r}")
        return self._story_from_row(conn, row)

    @staticmethod
    def _filtered(q: Any, filters: StoryFilter | None) -> Any:
        f = filters or StoryFilter()
        if f.since:
            q = q.where(t.stories.c.last_published >= f.since)
        if f.until:
            q = q.where(t.stories.c.first_published <= f.until)
        member = select(t.articles.c.story_id)
        if f.lang:
            q = q.where(t.stories.c.id.in_(member.where(t.articles.c.lang == f.lang)))
        if f.source:
            q = q.where(t.stories.c.id.in_(member.where(t.articles.c.source == f.source)))
        if f.entity:
            q = q.where(t.stories.c.id.in_(select(t.story_terms.c.story_id).where(t.story_terms.c.term == "e:" + f.entity.lower())))
        return q

    def _story_page(self, conn: Connection, filters: StoryFilter | None, limit: int, offset: int) -> list[Any]:
        q = self._filtered(select(*_STORY_COLUMNS), filters)
        q = q.order_by(t.stories.c.article_count.desc(), t.stories.c.id).limit(limit).offset(offset)
        return list(conn.execute(q).all())

    def list_stories(
        self, conn: Connection, filters: StoryFilter | None = None, limit: int = 50, offset: int = 0
    ) -> list[Story]:
        return [self._story_from_row(conn, r) for r in self._story_page(conn, filters, limit, offset)]

    def count_stories(self, conn: Connection, filters: StoryFilter | None = None) -> int:
        q = self._filtered(select(func.count()).select_from(t.stories), filters)
        return conn.execute(q).scalar() or 0

    def story_summaries(
        self, conn: Connection, filters: StoryFilter | None = None, limit: int = 50, offset: int = 0
    ) -> list[StorySummary]:
        """One page of stories, in :meth:`list_stories` order, with languages and finding counts.

        Three queries for the whole page (stories, members, digests), whatever its size.
        """
        rows = self._story_page(conn, filters, limit, offset)
        ids = [r.id for r in rows]
        if not ids:
            return []
        sources: dict[str, dict[str, None]] = {i: {} for i in ids}
        languages: dict[str, dict[str, None]] = {i: {} for i in ids}
        counts: dict[str, int] = dict.fromkeys(ids, 0)
        unnamed: dict[str, int] = dict.fromkeys(ids, 0)
        members = select(t.articles.c.story_id, t.articles.c.source, t.articles.c.lang)
        for sid, source, lang in conn.execute(members.where(t.articles.c.story_id.in_(ids)).order_by(t.articles.c.seq)):
            counts[sid] += 1
            if source:
                sources[sid][source] = None
            else:
                unnamed[sid] += 1
            if lang:
                languages[sid][lang] = None
        labels = {r.story_id: dict(r.labels) for r in conn.execute(select(t.story_digests).where(t.story_digests.c.story_id.in_(ids)))}
        missing = [i for i in ids if i not in labels]
        if missing:  # reports saved before digests existed
            for sid, data in conn.execute(select(t.reports.c.story_id, t.reports.c.data).where(t.reports.c.story_id.in_(missing))):
                labels[sid] = self._label_counts(data.get("findings", ()))
        out = []
        for r in rows:
            found = labels.get(r.id)
            out.append(StorySummary(
                id=r.id,
                headline=r.headline,
                article_count=counts[r.id],
                source_count=len(sources[r.id]) + unnamed[r.id],
                sources=tuple(sources[r.id]),
                languages=tuple(languages[r.id]),
                conflicts=None if found is None else sum(found.get(k, 0) for k in _CONFLICT_LABELS),
                findings=found or {},
                first_published=r.first_published,
                last_published=r.last_published,
                last_updated=r.updated_at.isoformat() if r.updated_at else None,
            ))
        return out

    @staticmethod
    def _label_counts(findings: Iterable[Any]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in findings:
            label = f["label"] if isinstance(f, dict) else f.label.value
            counts[label] = counts.get(label, 0) + 1
        return counts

    def dirty_stories(self, conn: Connection) -> list[str]:
        return [r[0] for r in conn.execute(select(t.stories.c.id).where(t.stories.c.dirty.is_(True)))]

    # --------------------------------------------------------------------------------- reports

    def save_report(self, conn: Connection, report: StoryReport) -> None:
        data = to_dict(report)
        conn.execute(delete(t.reports).where(t.reports.c.story_id == report.story_id))
        conn.execute(insert(t.reports).values(story_id=report.story_id, data=data))
        labels = self._label_counts(report.findings)
        conn.execute(delete(t.story_digests).where(t.story_digests.c.story_id == report.story_id))
        conn.execute(insert(t.story_digests).values(
            story_id=report.story_id, labels=labels, conflicts=sum(labels.get(k, 0) for k in _CONFLICT_LABELS)
        ))
        conn.execute(update(t.stories).where(t.stories.c.id == report.story_id).values(dirty=False))

    def get_report_data(self, conn: Connection, story_id: str) -> dict[str, Any] | None:
        """The stored report as JSON-ready data (the :func:`to_dict` form), without rebuilding records."""
        row = conn.execute(select(t.reports.c.data).where(t.reports.c.story_id == story_id)).first()
        return dict(row[0]) if row else None

    def get_report(self, conn: Connection, story_id: str) -> StoryReport | None:
        row = conn.execute(select(t.reports.c.data).where(t.reports.c.story_id == story_id)).first()
        return from_dict(StoryReport, row[0]) if row else None

    # ---------------------------------------------------------------------------------- search

    def search(self, conn: Connection, query: str, limit: int = 20, offset: int = 0, snippet_chars: int = 240) -> SearchResults:
        """Articles matching every word and "quoted phrase" of ``query``, best first.

        Raises :class:`StoreError` when this database has no full-text index (an SQLite without FTS5).
        """
        if not self.searchable:
            raise StoreError(f"full-text search is not available on {self.engine.dialect.name} here")
        terms = fulltext.parse_query(query)
        hits = []
        for row in fulltext.search(conn, terms, limit, offset):
            found = fulltext.find_terms(row["text"], terms)
            start, end = _snippet_bounds(row["text"], found, snippet_chars)
            hits.append(SearchHit(
                article_id=row["id"],
                story_id=row["story_id"],
                title=row["title"],
                source=row["source"],
                lang=row["lang"],
                published=row["published_day"],
                rank=float(row["rank"]),
                snippet=Evidence(Span(row["id"], start, end, "search", "snippet"), row["text"][start:end]),
                matches=tuple(Span(row["id"], s, e, "search", "match") for s, e, _ in found),
            ))
        total = fulltext.count(conn, terms) if hits or offset else 0
        return SearchResults(query, terms, total, tuple(hits))

    @contextmanager
    def _conn(self, conn: Connection | None) -> Iterator[Connection]:
        if conn is not None:
            yield conn
        else:
            with self.engine.connect() as c:
                yield c
