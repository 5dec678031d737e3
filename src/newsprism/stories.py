"""Online story assignment: each new article joins the best matching story or starts a new one.

Two reports of the same kind of event (two earthquakes, two hirings) share most of their words; what tells
them apart is specific: names, numbers, dates. So an article is a bag of typed key terms (see
:meth:`~newsprism.fingerprint.Fingerprinter.key_terms`) weighted by TF-IDF, with names, numbers and dates
boosted, and the document frequencies are learned online from the stream itself (the ``term_stats``
table), so a name seen in every article of the week weighs less than one seen once.

For each article:

1. **Candidates** come from a persistent inverted index (``story_terms``) queried with the article's most
   weighted terms; each term reads only its most recently updated stories, so the cost per article stays
   flat however many stories are stored. Dated articles skip stories outside ``window_days``.
2. **Scoring** mixes the IDF-weighted cosine to the story centroid, the best cosine to one kept member
   (verification against members, not only the centroid: a story about Klitschko beating Rahman has no
   member naming Thompson), the share of the article's key terms the story holds, the cosine of
   multilingual title+lead embeddings (what carries a translation or a foreign-language report across),
   whether the article's event year agrees with the story's, and (at ``weight_conflict``, off by default)
   less the conflict of lead names: the article's lead brings names the story never saw while leaving out
   the names most of its leads carry.
3. **Assignment**: the best candidate above ``threshold`` is joined, else the article starts a story.
   An article provenance linked to an earlier one (duplicate, rewrite, translation) joins that story.

Story state (centroid, kept members, summed embedding, years, dates, headline) is a JSON document per
story; assigned articles never move, so re-ingesting changes nothing.
"""

from __future__ import annotations

import base64
import math
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import Connection, event

from .fingerprint import Fingerprinter
from .model import Analysis, Fingerprint
from .settings import StoriesSettings
from .store.repository import Store

__all__ = ["ArticleSignals", "Assignment", "StoryAssigner", "event_year", "term_vector"]

# The ``term_stats`` row counting articles (real terms always carry a ``x:`` kind prefix).
_DOCS = "#docs"
# Terms of one member kept in the story state for verification (its most weighted ones).
_MEMBER_TERMS = 40


def term_vector(terms: Sequence[str], weights: Sequence[float], settings: StoriesSettings) -> dict[str, float]:
    """Raw term weights: ``(1 + log count)`` times the boost of the term's kind (name, number, date, word).

    Fingerprints read back from the store have no counts; their terms then count once each.

    >>> term_vector(["e:chile", "w:quake"], [2.0, 1.0], StoriesSettings())
    {'e:chile': 5.079441541679836, 'w:quake': 1.0}
    """
    boost = {"e": settings.entity_boost, "n": settings.number_boost, "t": settings.date_boost}
    counts = weights if len(weights) == len(terms) else [1.0] * len(terms)
    return {t: (1.0 + math.log(max(c, 1.0))) * boost.get(t[:1], 1.0) for t, c in zip(terms, counts)}


def event_year(analysis: Analysis) -> int | None:
    """The year of an article's event: its publication year when known, else the latest year among the
    dates it names to the month or day.

    Bare years are left out: a report names past years as background ("the 2004 tsunami", "in the
    1980s") far more often than its own, so they misplace more events than they place (ECB+ dev: the
    latest bare year agrees with its story's usual year for 63% of articles, month-or-day dates for 83%).

    >>> from newsprism.model import Article, TimeExpr, Span
    >>> a = Analysis(Article.build(text="Since 2004. On May 2, 2013."))
    >>> a.timex = [TimeExpr(Span(a.article.id, 6, 10, "timex"), "DATE", "2004", "2004"),
    ...            TimeExpr(Span(a.article.id, 15, 26, "timex"), "DATE", "2013-05-02", "May 2, 2013")]
    >>> event_year(a)
    2013
    """
    day = analysis.published.value or analysis.published.latest
    if day and day[:4].isdigit():
        return int(day[:4])
    years = [
        int(t.value[:4])
        for t in analysis.timex
        if t.type in ("DATE", "TIME") and t.value[:4].isdigit() and t.value[4:5] == "-" and t.value[5:7].isdigit()
    ]
    return max(years) if years else None


@dataclass(frozen=True)
class ArticleSignals:
    """What the story stage reads of one article (built by :meth:`StoryAssigner.signals`)."""

    article_id: str
    title: str
    terms: Mapping[str, float]
    embedding: np.ndarray | None = None
    lang: str | None = None
    day: str | None = None
    year: int | None = None
    lead: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Assignment:
    """The story an article went to, whether it was created, the score and the reason in words."""

    story_id: str
    created: bool
    score: float
    reason: str


@dataclass(frozen=True)
class _Score:
    total: float
    centroid: float
    member: float
    coverage: float
    embedding: float | None
    year: float
    conflict: float


def _norm(v: Mapping[str, float]) -> float:
    return math.sqrt(sum(x * x for x in v.values()))


def _weighted(v: Mapping[str, float], idf: Mapping[str, float]) -> dict[str, float]:
    out = {t: w * idf.get(t, 0.0) for t, w in v.items()}
    n = _norm(out)
    return {t: w / n for t, w in out.items()} if n else out


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _pack(v: np.ndarray) -> str:
    """A float32 vector as base64 text: JSON-safe, and 4x faster to read back than a list of floats."""
    return base64.b64encode(np.asarray(v, np.float32).tobytes()).decode("ascii")


def _unpack(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=np.float32)


def _days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


class StoryAssigner:
    """Assign articles to stories online, with story state and index persisted in the store.

    >>> from newsprism.model import Article
    >>> from newsprism.fingerprint import Fingerprinter
    >>> store, assigner = Store("sqlite://"), StoryAssigner()
    >>> def add(title, text):
    ...     a = Analysis(Article.build(title=title, text=text))
    ...     fp = Fingerprint(a.article.id, np.zeros(1, np.uint64), None, *Fingerprinter.key_terms(a))
    ...     with store.begin() as conn:
    ...         return assigner.assign(store, conn, a, fp)
    >>> first = add("Quake hits Chile", "A strong quake hit Valparaiso in Chile on Monday.")
    >>> add("Chile quake: Valparaiso hit", "The quake shook Valparaiso, Chile, on Monday.").story_id == first.story_id
    True
    >>> add("Storm floods Texas", "Heavy rain flooded Houston in Texas.").created
    True
    """

    name = "newsprism.stories.v2"

    def __init__(self, settings: StoriesSettings | None = None) -> None:
        self.settings = settings or StoriesSettings()
        # Caches of what this assigner read from or wrote to one store: document frequencies and decoded
        # story states. Both are bounded (cleared / evicted oldest first) and dropped whenever a
        # transaction on that store rolls back, so they never hold what the store does not.
        self._df: dict[str, int] = {}
        self._states: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._store: Store | None = None

    def _attach(self, store: Store) -> None:
        if self._store is store:
            return
        self._forget()
        self._store = store
        event.listen(store.engine, "rollback", lambda _conn: self._forget())

    def _forget(self) -> None:
        self._df, self._states = {}, OrderedDict()

    def _frequencies(self, store: Store, conn: Connection, terms: Iterable[str]) -> dict[str, int]:
        if len(self._df) > self.settings.cached_terms:
            self._df = {}
        wanted = list(dict.fromkeys(terms))
        missing = [t for t in wanted if t not in self._df]
        if missing:
            found = store.term_frequencies(conn, missing)
            self._df.update({t: found.get(t, 0) for t in missing})
        return {t: self._df[t] for t in wanted}

    def _load_states(self, store: Store, conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        missing = [i for i in ids if i not in self._states]
        if missing:
            for story_id, state in store.story_states(conn, missing).items():
                self._keep_state(story_id, state)
        return {i: self._states[i] for i in ids if i in self._states}

    def _keep_state(self, story_id: str, state: dict[str, Any]) -> None:
        self._states[story_id] = state
        self._states.move_to_end(story_id)
        while len(self._states) > self.settings.cached_stories:
            self._states.popitem(last=False)

    def _count(self, store: Store, conn: Connection, terms: Sequence[str], known: Mapping[str, int]) -> None:
        store.add_term_frequencies(conn, terms, [t for t in terms if known.get(t)])
        for t in terms:
            self._df[t] = known.get(t, 0) + 1

    # ------------------------------------------------------------------------------ signals

    def signals(self, analysis: Analysis, fingerprint: Fingerprint) -> ArticleSignals:
        """The article's story signals: boosted key terms, lead embedding, language, date and event year."""
        article = analysis.article
        day = analysis.published.day
        return ArticleSignals(
            article_id=article.id,
            title=(article.title or article.text[:120]).strip(),
            terms=term_vector(fingerprint.terms, fingerprint.weights, self.settings),
            embedding=fingerprint.embedding,
            lang=analysis.lang or article.lang,
            day=day,
            year=event_year(analysis),
            lead=frozenset(Fingerprinter.lead_names(analysis)),
        )

    # ------------------------------------------------------------------------------- assign

    def assign(
        self,
        store: Store,
        conn: Connection,
        analysis: Analysis,
        fingerprint: Fingerprint,
        linked_story: str | None = None,
    ) -> Assignment:
        """Choose the story for one article and update that story's state in the same transaction."""
        return self.assign_signals(store, conn, self.signals(analysis, fingerprint), linked_story)

    def assign_signals(
        self, store: Store, conn: Connection, article: ArticleSignals, linked_story: str | None = None
    ) -> Assignment:
        """:meth:`assign` for signals already extracted (what the scale benchmark feeds)."""
        s = self.settings
        self._attach(store)
        stored = self._frequencies(store, conn, [*article.terms, _DOCS])
        n_docs = stored[_DOCS] + 1
        self._count(store, conn, [*article.terms, _DOCS], stored)
        # The article itself counts in the document frequencies it is weighed with.
        prior = s.idf_prior_docs
        idf = {t: math.log((n_docs + prior + 1) / (stored.get(t, 0) + 1.5)) for t in article.terms}
        vector = _weighted(article.terms, idf)
        query = sorted(vector, key=lambda t: (-vector[t], t))[: s.query_terms]
        if linked_story:
            states = self._load_states(store, conn, [linked_story])
            chosen = Assignment(linked_story, False, 1.0, "linked by provenance to an article of this story")
        else:
            ids = store.stories_by_terms(conn, {t: vector[t] for t in query}, s.candidates, s.postings_per_term)
            states = {k: v for k, v in self._load_states(store, conn, ids).items() if self._in_window(article, v)}
            self._add_idf(store, conn, idf, n_docs + prior, (t for st in states.values() for t in self._state_terms(st)))
            best_id, best = None, None
            for story_id in ids:
                if story_id not in states:
                    continue
                sc = self._score(article, vector, states[story_id], idf)
                if best is None or sc.total > best.total:
                    best_id, best = story_id, sc
            if best_id is not None and best is not None and best.total >= s.threshold:
                emb = "n/a" if best.embedding is None else f"{best.embedding:.2f}"
                reason = (
                    f"similarity {best.total:.2f} to the story (terms {best.centroid:.2f}, best member "
                    f"{best.member:.2f}, key terms shared {best.coverage:.0%}, lead embedding {emb})"
                )
                chosen = Assignment(best_id, False, round(best.total, 4), reason)
            else:
                score = round(best.total, 4) if best else 0.0
                chosen = Assignment("s" + article.article_id, True, score, "no story similar enough")
        state = states.get(chosen.story_id)
        if state is not None:
            self._add_idf(store, conn, idf, n_docs + prior, self._state_terms(state))
        self._update(store, conn, chosen.story_id, state, article, vector, idf, n_docs)
        return chosen

    # ------------------------------------------------------------------------------ scoring

    def _in_window(self, article: ArticleSignals, state: Mapping[str, Any]) -> bool:
        """Dated articles only join stories whose dates are within ``window_days`` of theirs."""
        if not article.day or not state.get("first") or not state.get("last"):
            return True
        w = self.settings.window_days
        if article.day < state["first"]:
            return _days_apart(article.day, state["first"]) <= w
        return article.day <= state["last"] or _days_apart(article.day, state["last"]) <= w

    @staticmethod
    def _state_terms(state: Mapping[str, Any]) -> Iterable[str]:
        yield from state.get("centroid", {})
        for m in state.get("members", []):
            yield from m["terms"]

    def _add_idf(self, store: Store, conn: Connection, idf: dict[str, float], n_docs: int, terms: Iterable[str]) -> None:
        missing = [t for t in dict.fromkeys(terms) if t not in idf]
        if missing:
            df = self._frequencies(store, conn, missing)
            for t in missing:
                idf[t] = math.log((n_docs + 1) / (df.get(t, 0) + 0.5))

    def _score(
        self, article: ArticleSignals, vector: dict[str, float], state: Mapping[str, Any], idf: Mapping[str, float]
    ) -> _Score:
        s = self.settings
        centroid = state.get("centroid", {})
        cen = _dot(vector, _weighted(centroid, idf))
        member = max((_dot(vector, _weighted(m["terms"], idf)) for m in state.get("members", [])), default=0.0)
        key = sorted(vector, key=lambda t: (-vector[t], t))[: s.coverage_terms]
        total_key = sum(vector[t] for t in key)
        coverage = sum(vector[t] for t in key if t in centroid) / total_key if total_key else 0.0
        emb_part = None
        if article.embedding is not None and state.get("emb") is not None:
            mean = _unpack(state["emb"])
            norm = float(np.linalg.norm(mean))
            if norm:
                cos = float(np.dot(article.embedding, mean)) / norm
                emb_part = max(0.0, (cos - s.embedding_floor) / (1.0 - s.embedding_floor))
        years = state.get("years", {})
        year = 0.0
        if article.year is not None and years:
            top = max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]
            year = 1.0 if str(article.year) == top else (-1.0 if str(article.year) not in years else 0.0)
        parts = [(s.weight_centroid, cen), (s.weight_member, member), (s.weight_coverage, coverage)]
        total = sum(w * v for w, v in parts)
        if emb_part is not None:
            total += s.weight_embedding * emb_part
        else:  # no embedding on one side: the term parts stand for it
            total *= 1.0 + s.weight_embedding / max(1e-9, sum(w for w, _ in parts))
        conflict = self._lead_conflict(article, state, idf)
        total += s.weight_year * year - s.weight_conflict * conflict
        return _Score(total, cen, member, coverage, emb_part, year, conflict)

    @staticmethod
    def _lead_conflict(article: ArticleSignals, state: Mapping[str, Any], idf: Mapping[str, float]) -> float:
        """How much the article's lead names and the story's disagree, 0 to 1.

        Two events of one kind differ in who and where: the article's lead brings names the story never
        saw, *and* it leaves out the names most of the story's leads carry (Jamal Williams' arrest against
        Vincent Jackson's, Aceh against West Papua). Either alone is common within one story (a new
        witness; a lead that skips the town), so the conflict is the smaller of the two IDF-weighted shares.
        """
        # Names are spelled per language (Estados Unidos, United States): leads compare within one language.
        lang = article.lang or ""
        leads, n = state.get("lead", {}).get(lang, {}), state.get("lead_n", {}).get(lang, 0)
        if not article.lead or not n:
            return 0.0
        top = max(idf.values(), default=1.0)
        centroid = state.get("centroid", {})
        mine = sum(idf.get(t, top) for t in article.lead)
        new = sum(idf.get(t, top) for t in article.lead if t not in centroid) / mine if mine else 0.0
        usual = [t for t, c in leads.items() if 2 * c >= n]
        theirs = sum(idf.get(t, top) for t in usual)
        missing = sum(idf.get(t, top) for t in usual if t not in article.lead) / theirs if theirs else 0.0
        return min(new, missing)

    # ------------------------------------------------------------------------------- update

    def _update(
        self,
        store: Store,
        conn: Connection,
        story_id: str,
        state: dict[str, Any] | None,
        article: ArticleSignals,
        vector: Mapping[str, float],
        idf: dict[str, float],
        n_docs: int,
    ) -> None:
        s = self.settings
        state = dict(state or {"n": 0, "centroid": {}, "members": [], "years": {}, "langs": {}})
        raw_norm = _norm(article.terms) or 1.0
        centroid = Counter(state.get("centroid", {}))
        for t, w in article.terms.items():
            centroid[t] += w / raw_norm
        state["centroid"] = {t: round(w, 5) for t, w in centroid.most_common(s.centroid_terms)}
        top_terms = dict(sorted(article.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:_MEMBER_TERMS])
        weighted_centroid = _weighted(state["centroid"], idf)
        # How central the new member is when it joins: picks the headline and which members to keep.
        fit = round(_dot(vector, weighted_centroid), 5)
        members = list(state.get("members", [])) + [
            {"id": article.article_id, "title": article.title, "lang": article.lang, "terms": top_terms, "fit": fit}
        ]
        if len(members) > s.members_kept:  # drop the least central member, never the story's first
            del members[min(range(1, len(members)), key=lambda i: members[i]["fit"])]
        state["members"] = members
        # The headline is the most representative title: the current one stays unless the new article's
        # title sits closer to the (updated) centroid.
        current = _dot(_weighted(state.get("headline_terms", {}), idf), weighted_centroid)
        if article.title and (not state.get("headline") or fit > current):
            state["headline"], state["headline_terms"] = article.title, top_terms
        state.setdefault("headline", article.title)
        state["n"] = state.get("n", 0) + 1
        state["seq"] = n_docs
        if article.embedding is not None:
            prev = state.get("emb")
            emb = np.asarray(article.embedding, np.float32)
            state["emb"] = _pack(_unpack(prev) + emb if prev is not None else emb)
        if article.year is not None:
            years = dict(state.get("years", {}))
            years[str(article.year)] = years.get(str(article.year), 0) + 1
            state["years"] = years
        if article.lead:  # lead names counted per language, see _lead_conflict
            lang = article.lang or ""
            leads, lead_n = dict(state.get("lead", {})), dict(state.get("lead_n", {}))
            counts = dict(leads.get(lang, {}))
            for t in article.lead:
                counts[t] = counts.get(t, 0) + 1
            leads[lang], lead_n[lang] = counts, lead_n.get(lang, 0) + 1
            state["lead"], state["lead_n"] = leads, lead_n
        if article.lang:
            langs = dict(state.get("langs", {}))
            langs[article.lang] = langs.get(article.lang, 0) + 1
            state["langs"] = langs
        if article.day:
            state["first"] = min(filter(None, [state.get("first"), article.day]))
            state["last"] = max(filter(None, [state.get("last"), article.day]))
        ranked = sorted(weighted_centroid, key=lambda t: (-weighted_centroid[t], t))
        keywords = list(dict.fromkeys(t.split(":", 1)[1] for t in ranked))[:8]
        indexed = ranked[: s.index_terms]
        reindex = sorted(indexed) != state.get("indexed")
        state["indexed"] = sorted(indexed)
        store.save_story(
            conn,
            story_id,
            exists=state["n"] > 1,
            headline=state["headline"],
            keywords=keywords,
            state=state,
            article_count=state["n"],
            first_published=state.get("first"),
            last_published=state.get("last"),
        )
        if reindex:
            store.set_story_terms(conn, story_id, {t: round(weighted_centroid[t], 5) for t in indexed}, n_docs)
        else:  # same terms: only move the story to the front of their postings
            store.touch_story_terms(conn, story_id, n_docs)
        self._keep_state(story_id, state)
