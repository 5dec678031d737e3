"""Full-text search over articles: SQLite FTS5 or PostgreSQL text search, one result shape for both.

SQLite keeps a copy of each title and text in the FTS5 table ``articles_fts``, filled by triggers on
``articles``, so every insert, update and delete is indexed whatever code path wrote it. PostgreSQL
searches an expression GIN index on ``to_tsvector('simple', text)``, which the database keeps current.
Both tokenize without a stemmer (``unicode61`` / ``simple``): articles come in many languages, and one
language's stemmer would be wrong for the others. SQLite also folds diacritics (``Raïsi`` = ``Raisi``);
PostgreSQL's ``simple`` configuration does not.

A query is words and "quoted phrases", all of them required. The query is parsed here into plain tokens
and reaches the database only as bound parameters.

>>> parse_query('Putin "Vice-President" (drones')
('putin', 'vice president', 'drones')
>>> find_terms("Joe Biden, the US Vice-President, said.", ("vice president", "biden"))
[(4, 9, 1), (18, 32, 0)]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from ..errors import StoreError

__all__ = ["MAX_TERMS", "count", "find_terms", "install", "parse_query", "search"]

# Terms beyond this many are ignored: each term is one more index lookup, and people type a few.
MAX_TERMS = 16

# Letters and digits, as FTS5's unicode61 tokenizer splits text (underscore and punctuation separate).
_TOKEN = re.compile(r"[^\W_]+")
_PHRASE_OR_WORD = re.compile(r'"([^"]*)"|([^"\s]+)')

_SQLITE_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "article_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(article_id, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN "
    "DELETE FROM articles_fts WHERE article_id = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
    "DELETE FROM articles_fts WHERE article_id = old.id; "
    "INSERT INTO articles_fts(article_id, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END",
)
# Articles stored before the index existed.
_SQLITE_BACKFILL = (
    "INSERT INTO articles_fts(article_id, title, text) SELECT id, coalesce(title, ''), text FROM articles"
)
# The query must repeat this exact expression for PostgreSQL to use the index.
_PG_VECTOR = "to_tsvector('simple'::regconfig, {col})"
_PG_DDL = "CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING gin (" + _PG_VECTOR.format(col="text") + ")"


def install(engine: Engine) -> bool:
    """Create the full-text index if missing; return whether search is available on this database."""
    dialect = engine.dialect.name
    try:
        with engine.begin() as conn:
            if dialect == "sqlite":
                existed = conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'articles_fts'").first()
                for ddl in _SQLITE_DDL:
                    conn.exec_driver_sql(ddl)
                if not existed:
                    conn.exec_driver_sql(_SQLITE_BACKFILL)
                return True
            if dialect == "postgresql":
                conn.exec_driver_sql(_PG_DDL)
                return True
    except OperationalError:  # an SQLite built without FTS5: everything else still works
        return False
    return False


def _tokens(s: str) -> list[str]:
    return [m.group().lower() for m in _TOKEN.finditer(s)]


def parse_query(query: str) -> tuple[str, ...]:
    """Words and quoted phrases of ``query`` as lower-case terms (a phrase's tokens joined by spaces)."""
    terms: list[str] = []
    for m in _PHRASE_OR_WORD.finditer(query):
        words = _tokens(m.group(1) if m.group(1) is not None else m.group(2))
        if m.group(1) is not None:
            terms.append(" ".join(words))
        else:
            terms.extend(words)
    return tuple(dict.fromkeys(t for t in terms if t))[:MAX_TERMS]


def _fold(token: str) -> str:
    decomposed = unicodedata.normalize("NFD", token.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def find_terms(text_: str, terms: Sequence[str], limit: int = 200) -> list[tuple[int, int, int]]:
    """``(start, end, term index)`` wherever a term (or every token of a phrase, in order) occurs in
    ``text_``, comparing lower-case tokens with diacritics folded."""
    tokens = [(m.start(), m.end(), _fold(m.group())) for m in _TOKEN.finditer(text_)]
    wanted = [[_fold(w) for w in term.split()] for term in terms]
    found: list[tuple[int, int, int]] = []
    for i in range(len(tokens)):
        for n, words in enumerate(wanted):
            if words and i + len(words) <= len(tokens) and all(tokens[i + k][2] == w for k, w in enumerate(words)):
                found.append((tokens[i][0], tokens[i + len(words) - 1][1], n))
                if len(found) >= limit:
                    return found
                break
    return found


def _fts5_match(terms: Sequence[str]) -> str:
    # Tokens are letters and digits only, so quoting each term is enough to keep FTS5 syntax out.
    return " ".join(f'"{t}"' for t in terms)


def _pg_query(terms: Sequence[str]) -> tuple[str, dict[str, Any]]:
    parts = [f"phraseto_tsquery('simple'::regconfig, :t{i})" for i in range(len(terms))]
    return " && ".join(parts), {f"t{i}": term for i, term in enumerate(terms)}


def search(conn: Connection, terms: Sequence[str], limit: int, offset: int) -> list[dict[str, Any]]:
    """Articles matching every term, best first.

    Args:
        conn: a connection to an SQLite or PostgreSQL database with the index (:func:`install`).
        terms: from :func:`parse_query`.
        limit: most rows returned.
        offset: rows to skip.

    Returns:
        Rows with ``id, story_id, title, source, lang, published_day, text, rank``; ``rank`` is higher
        for better matches, and a match in the title counts four times one in the text.
    """
    if not terms:
        return []
    dialect = conn.dialect.name
    if dialect == "sqlite":
        sql = text(
            "SELECT a.id, a.story_id, a.title, a.source, a.lang, a.published_day, a.text, "
            "-bm25(articles_fts, 0.0, 4.0, 1.0) AS rank "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.article_id "
            "WHERE articles_fts MATCH :match ORDER BY rank DESC, a.seq LIMIT :limit OFFSET :offset"
        )
        params: dict[str, Any] = {"match": _fts5_match(terms)}
    elif dialect == "postgresql":
        tsquery, params = _pg_query(terms)
        vector, title_vector = _PG_VECTOR.format(col="a.text"), _PG_VECTOR.format(col="coalesce(a.title, '')")
        sql = text(
            f"SELECT a.id, a.story_id, a.title, a.source, a.lang, a.published_day, a.text, "
            f"ts_rank({vector}, q.q) + 4 * ts_rank({title_vector}, q.q) AS rank "
            f"FROM articles a, (SELECT {tsquery} AS q) q "
            f"WHERE {vector} @@ q.q ORDER BY rank DESC, a.seq LIMIT :limit OFFSET :offset"
        )
    else:
        raise StoreError(f"full-text search is not supported on {dialect}")
    try:
        rows = conn.execute(sql, {**params, "limit": limit, "offset": offset}).mappings().all()
    except OperationalError as e:
        raise StoreError(f"full-text search failed: {e.orig}") from None
    return [dict(r) for r in rows]


def count(conn: Connection, terms: Sequence[str]) -> int:
    """How many articles match every term."""
    if not terms:
        return 0
    if conn.dialect.name == "sqlite":
        sql = text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :match")
        params: dict[str, Any] = {"match": _fts5_match(terms)}
    elif conn.dialect.name == "postgresql":
        tsquery, params = _pg_query(terms)
        sql = text(f"SELECT count(*) FROM articles a WHERE {_PG_VECTOR.format(col='a.text')} @@ ({tsquery})")
    else:
        raise StoreError(f"full-text search is not supported on {conn.dialect.name}")
    try:
        return int(conn.execute(sql, params).scalar() or 0)
    except OperationalError as e:
        raise StoreError(f"full-text search failed: {e.orig}") from None
