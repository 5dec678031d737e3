"""Online story assignment: each new article joins the best matching story or starts a new one.

Candidate stories come from an inverted index of key terms (names, title words), so the cost per article
does not grow with the number of stories stored. A candidate is scored by the overlap of weighted terms
and, when both have one, by the cosine of multilingual lead embeddings; dates, when known, keep stories
local in time. An article that provenance linked to an earlier one joins that article's story.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import Connection

from .model import Analysis, Fingerprint
from .settings import StoriesSettings
from .store.repository import Store

__all__ = ["Assignment", "StoryAssigner", "term_weights"]

# How many of a story's top terms are kept in its centroid and index (bounds memory per story).
_CENTROID_TERMS = 60


def term_weights(terms: Sequence[str]) -> dict[str, float]:
    """Weights for an article's ranked key terms: earlier (more salient) terms weigh more.

    >>> term_weights(["e:putin", "w:iran"])
    {'e:putin': 1.0, 'w:iran': 0.9090909090909091}
    """
    return {t: 1.0 / (1.0 + 0.1 * i) for i, t in enumerate(terms)}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _days_apart(a: str, b: str) -> int:
    from datetime import date

    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


@dataclass(frozen=True)
class Assignment:
    story_id: str
    created: bool
    score: float
    reason: str


class StoryAssigner:
    """Assign articles to stories, persisting story state (centroid terms, embedding sum) in the store."""

    name = "newsprism.stories.v1"

    def __init__(self, settings: StoriesSettings | None = None) -> None:
        self.settings = settings or StoriesSettings()

    def score(self, weights: dict[str, float], embedding: np.ndarray | None, state: dict[str, Any]) -> float:
        term_sim = _cosine(weights, state.get("terms", {}))
        emb_sum = state.get("emb")
        if embedding is None or emb_sum is None:
            return term_sim
        centroid = np.asarray(emb_sum, dtype=np.float32)
        norm = float(np.linalg.norm(centroid))
        emb_sim = float(np.dot(embedding, centroid) / norm) if norm else 0.0
        # e5 cosines of unrelated news leads sit around 0.75-0.8; rescale so 0.8 → 0 and 1.0 → 1.
        emb_part = max(0.0, (emb_sim - 0.8) / 0.2)
        return 0.5 * term_sim + 0.5 * emb_part

    def assign(
        self,
        store: Store,
        conn: Connection,
        analysis: Analysis,
        fingerprint: Fingerprint,
        linked_story: str | None = None,
    ) -> Assignment:
        """Choose the story for one article and update that story's state in the same transaction."""
        weights = term_weights(fingerprint.terms)
        day = (analysis.published.value or analysis.published.latest or "")[:10] or None
        if linked_story:
            chosen = Assignment(linked_story, False, 1.0, "linked by provenance to an article of this story")
        else:
            best, best_score = None, 0.0
            for story_id in store.stories_by_terms(conn, list(fingerprint.terms[:20]), self.settings.candidates):
                state = store.story_state(conn, story_id) or {}
                if day and state.get("last") and _days_apart(day, state["last"]) > self.settings.window_days:
                    continue
                s = self.score(weights, fingerprint.embedding, state)
                if s > best_score:
                    best, best_score = story_id, s
            if best is not None and best_score >= self.settings.threshold:
                chosen = Assignment(best, False, best_score, f"similarity {best_score:.2f} to the story")
            else:
                chosen = Assignment("s" + analysis.article.id, True, best_score, "no story similar enough")
        self._update(store, conn, chosen.story_id, analysis, weights, fingerprint.embedding, day)
        return chosen

    def _update(
        self,
        store: Store,
        conn: Connection,
        story_id: str,
        analysis: Analysis,
        weights: dict[str, float],
        embedding: np.ndarray | None,
        day: str | None,
    ) -> None:
        state = store.story_state(conn, story_id) or {"terms": {}, "n": 0, "titles": []}
        terms: dict[str, float] = dict(state.get("terms", {}))
        for t, w in weights.items():
            terms[t] = terms.get(t, 0.0) + w
        terms = dict(sorted(terms.items(), key=lambda kv: -kv[1])[:_CENTROID_TERMS])
        state["terms"] = terms
        state["n"] = state.get("n", 0) + 1
        if embedding is not None:
            prev = state.get("emb")
            state["emb"] = (np.asarray(prev, np.float32) + embedding if prev is not None else embedding).round(5).tolist()
        title = analysis.article.title or analysis.article.text[:120]
        titles = state.get("titles", []) + [[analysis.article.id, title, weights]]
        state["titles"] = [[i, t, {}] for i, t, _ in titles]
        # The headline is the member title whose terms best match the story's centroid.
        state["headline_scores"] = dict(state.get("headline_scores", {}))
        state["headline_scores"][analysis.article.id] = _cosine(weights, terms)
        best_id = max(state["headline_scores"], key=state["headline_scores"].get)
        headline = next(t for i, t, _ in state["titles"] if i == best_id)
        if day:
            state["first"] = min(filter(None, [state.get("first"), day]))
            state["last"] = max(filter(None, [state.get("last"), day]))
        keywords = [t.split(":", 1)[1] for t in list(terms)[:8]]
        store.save_story(
            conn,
            story_id,
            headline=headline,
            keywords=keywords,
            state=state,
            article_count=state["n"],
            first_published=state.get("first"),
            last_published=state.get("last"),
        )
        store.set_story_terms(conn, story_id, dict(list(terms.items())[:30]))
