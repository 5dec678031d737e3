"""The database schema (SQLAlchemy Core), portable across SQLite and PostgreSQL.

Annotation layers and story reports are stored as JSON documents (the model's ``to_dict`` form): they
are read and written whole, and JSON keeps the schema stable as stages gain fields. Everything that is
queried — ids, hashes, story membership, LSH keys, story terms, dates — is a real indexed column.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
)

__all__ = [
    "analyses",
    "articles",
    "fingerprints",
    "links",
    "lsh_keys",
    "metadata",
    "rejections",
    "reports",
    "sentence_vectors",
    "stories",
    "story_digests",
    "story_terms",
    "term_stats",
]

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("external_id", String(256), index=True),
    Column("url", Text),
    Column("source", String(256), index=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("body_start", Integer, nullable=False, default=0),
    Column("lang", String(8), index=True),
    Column("authors", JSON, nullable=False, default=list),
    Column("published", JSON, nullable=False),
    # The publication day (from metadata or inferred), for date filters and ordering.
    Column("published_day", String(10), index=True),
    Column("updated", String(40)),
    Column("origin", Text),
    Column("content_hash", String(32), nullable=False, index=True),
    Column("raw_text", Text),
    Column("removed", JSON, nullable=False, default=list),
    Column("story_id", String(32), index=True),
    Column("ingested_at", DateTime(timezone=True), server_default=func.now()),
    Column("seq", Integer, nullable=False, index=True),
)

analyses = Table(
    "analyses",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("data", JSON, nullable=False),
)

fingerprints = Table(
    "fingerprints",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),
    Column("embedding", LargeBinary),
    Column("terms", JSON, nullable=False, default=list),
)

# Provenance candidate index: one row per LSH bucket key an article falls into (see _provenance_index).
# The key is the primary key's first column, so a lookup is one index range per key; on SQLite the
# table is stored without rowid (clustered by key), which halves its size.
lsh_keys = Table(
    "lsh_keys",
    metadata,
    Column("key", BigInteger, primary_key=True, autoincrement=False),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sqlite_with_rowid=False,
)

# Sentence embeddings of articles that were checked as translation candidates (computed on demand,
# kept so an article is embedded once however many candidates it meets). float16 rows, one per sentence.
sentence_vectors = Table(
    "sentence_vectors",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("model", String(64), nullable=False),
    Column("rows", Integer, nullable=False),
    Column("dim", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("headline", Text, nullable=False),
    Column("keywords", JSON, nullable=False, default=list),
    Column("state", JSON, nullable=False, default=dict),
    Column("article_count", Integer, nullable=False, default=0),
    Column("first_published", String(10), index=True),
    Column("last_published", String(10), index=True),
    Column("dirty", Boolean, nullable=False, default=True, index=True),
    Column("updated_at", DateTime(timezone=True), server_default=func.now(), onupdate=func.now()),
)

# Inverted index from key terms to stories, for candidate retrieval. ``seq`` is the story's last update (in
# articles seen), so each term's postings are read newest first and a bounded number of them per term.
story_terms = Table(
    "story_terms",
    metadata,
    Column("term", String(128), nullable=False),
    Column("story_id", String(32), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("weight", Float, nullable=False, default=1.0),
    Column("seq", Integer, nullable=False, default=0),
    Index("ix_story_terms_term_seq", "term", "seq"),
    Index("ix_story_terms_story", "story_id"),
)

# Document frequencies of story terms, learned online as articles arrive (the row ``#docs`` counts articles).
term_stats = Table(
    "term_stats",
    metadata,
    Column("term", String(128), primary_key=True),
    Column("df", Integer, nullable=False, default=0),
)

links = Table(
    "links",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("target_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(16), nullable=False, index=True),
    Column("score", Float, nullable=False),
    Column("reason", Text, nullable=False),
    Column("evidence", JSON, nullable=False, default=list),
    Column("direction", Text, nullable=False, default=""),
    Index("ix_links_target", "target_id"),
)

reports = Table(
    "reports",
    metadata,
    Column("story_id", String(32), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("computed_at", DateTime(timezone=True), server_default=func.now(), onupdate=func.now()),
)

# What the story list shows without reading each report: finding counts by label, written with the report.
story_digests = Table(
    "story_digests",
    metadata,
    Column("story_id", String(32), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("labels", JSON, nullable=False, default=dict),
    # contradicted + disputed findings
    Column("conflicts", Integer, nullable=False, default=0, index=True),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("stage", String(32), nullable=False),
    Column("code", String(8), nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), server_default=func.now()),
)
