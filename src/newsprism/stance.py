"""Stance: does an article body agree with, disagree with, discuss, or not relate to a headline claim?

The task and labels are those of the Fake News Challenge (FNC-1). The classifier has two stages of
gradient-boosted trees over lexical features (:mod:`newsprism._stance_features`): the first decides
whether the body is about the headline's story at all (``unrelated`` or not); the second decides, for
related pairs, between ``agree``, ``disagree`` and ``discuss``. Every decision comes with the body
sentences that support it, as character spans.

The model is trained on the development half of the FNC-1 test set by ``scripts/train_stance.py`` and
shipped as a numpy archive (``newsprism/data/stance.npz``): idf tables, tree arrays and a JSON header.

>>> clf = StanceClassifier(StanceSettings())
>>> body = ("Apple will stop selling the iPod Classic, the company confirmed on Tuesday. "
...         "The music player was launched in 2001.")
>>> result = clf.predict("Apple confirms it will stop selling the iPod Classic", body)
>>> result.label
'agree'
>>> [body[s:e] for s, e in result.evidence][0]
'Apple will stop selling the iPod Classic, the company confirmed on Tuesday.'
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from . import _stance_features as feats
from ._trees import TreeEnsemble, export_trees
from .errors import ConfigError, ModelNotAvailable
from .settings import StanceSettings

__all__ = ["STANCE_LABELS", "StanceClassifier", "StanceModel", "StanceResult", "grouped_folds", "story_groups"]

# Label order of every score vector; the FNC-1 order.
STANCE_LABELS: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")
_RELATED_LABELS = STANCE_LABELS[:3]
# Version of the feature set and archive layout; a model saved with another version is refused.
FORMAT = "newsprism.stance.v3"
_PACKAGED = "stance.npz"
# Features of the body alone (its length and style), the same for every headline it is paired with.
# Given them, the second stage recognises training bodies instead of learning how a body treats the
# claim: 5-fold CV on bench/stance, 82.1 FNC without them vs 81.6 with (folds by story), 85.2 vs 84.5
# (folds by body). The first stage keeps them (without them: -0.1).
_BODY_ONLY = ("body_log_words", "debunk_sentence_share", "attribution_per_100", "quotes_per_100", "questions_body")
_STANCE_COLUMNS = np.array([i for i, name in enumerate(feats.FEATURE_NAMES) if name not in _BODY_ONLY])
# Cue words that make a sentence better evidence for each related label.
_LABEL_CUES = {"agree": feats.CONFIRMING, "disagree": feats.REFUTING, "discuss": feats.HEDGING}


def grouped_folds(groups: Sequence[str], n_folds: int, seed: int) -> list[np.ndarray]:
    """Test indices of ``n_folds`` folds such that every group (a body, a story) falls in exactly one fold.

    >>> [f.tolist() for f in grouped_folds(["a", "b", "a", "c"], 3, seed=0)]
    [[3], [0, 2], [1]]
    """
    unique = sorted(set(groups))
    order = np.random.default_rng(seed).permutation(len(unique))
    fold_of = {unique[i]: k % n_folds for k, i in enumerate(order)}
    fold = np.array([fold_of[g] for g in groups], dtype=int)
    return [np.flatnonzero(fold == k) for k in range(n_folds)]


def story_groups(headlines: Sequence[str], bodies: Sequence[str], labels: Sequence[str]) -> list[str]:
    """The story of every pair: connected components of bodies and headlines joined by related pairs.

    >>> story_groups(["h1", "h1", "h2", "h2"], ["a", "b", "b", "c"], ["agree", "discuss", "unrelated", "agree"])
    ['h:h1', 'h:h1', 'h:h1', 'h:h2']
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for h, b, label in zip(headlines, bodies, labels, strict=True):
        if label != "unrelated":
            parent[find("b:" + b)] = find("h:" + h)
    return [find("b:" + b) for b in bodies]


@dataclass(frozen=True)
class StanceResult:
    """The stance of one body towards one headline.

    Attributes:
        label: one of :data:`STANCE_LABELS`.
        scores: probability of every label (they sum to 1).
        evidence: half-open ``(start, end)`` character spans of the body sentences that best support
            the label, in text order; empty for ``unrelated`` (no sentence is about the claim).
    """

    label: str
    scores: Mapping[str, float]
    evidence: tuple[tuple[int, int], ...] = ()


@dataclass
class StanceModel:
    """The learned part of the classifier: corpus statistics and the two tree ensembles.

    Follows scikit-learn's contract: :meth:`fit` sets the attributes ending in ``_`` and returns
    ``self``; all randomness comes from ``settings.seed``.

    Args:
        settings: the stance settings (tree sizes, learning rate and seed are read by :meth:`fit`).
    """

    settings: StanceSettings = field(default_factory=StanceSettings)
    stats_: feats.TextStats | None = None
    related_: TreeEnsemble | None = None
    stance_: TreeEnsemble | None = None
    meta_: dict[str, Any] = field(default_factory=dict)

    # ------------------------------------------------------------------ features

    def views(self, headlines: Sequence[str], bodies: Sequence[str]) -> list[tuple[feats.HeadlineView, feats.BodyView]]:
        """Prepared headline/body views for aligned lists; each distinct text is prepared once."""
        stats = self._fitted_stats()
        body_views: dict[str, feats.BodyView] = {}
        head_views: dict[str, feats.HeadlineView] = {}
        out = []
        for headline, body in zip(headlines, bodies, strict=True):
            bv = body_views.get(body)
            if bv is None:
                bv = body_views[body] = feats.BodyView.build(body, stats)
            hv = head_views.get(headline)
            if hv is None:
                hv = head_views[headline] = feats.HeadlineView.build(headline, stats)
            out.append((hv, bv))
        return out

    @staticmethod
    def rows(views: Sequence[tuple[feats.HeadlineView, feats.BodyView]]) -> np.ndarray:
        """Feature rows ``(n, len(FEATURE_NAMES))`` for prepared pairs."""
        data = [feats.pair_features(hv, bv) for hv, bv in views]
        return np.asarray(data, dtype=np.float64).reshape(len(data), len(feats.FEATURE_NAMES))

    def features(self, headlines: Sequence[str], bodies: Sequence[str]) -> np.ndarray:
        """Feature rows for aligned headline/body lists."""
        return self.rows(self.views(headlines, bodies))

    def _fitted_stats(self) -> feats.TextStats:
        if self.stats_ is None:
            raise ModelNotAvailable("the stance model is not fitted or loaded")
        return self.stats_

    # ------------------------------------------------------------------ fit / predict

    def fit(self, headlines: Sequence[str], bodies: Sequence[str], labels: Sequence[str]) -> StanceModel:
        """Learn the idf tables, then the related/unrelated trees and the agree/disagree/discuss trees.

        Args:
            headlines: claims, aligned with ``bodies`` and ``labels``.
            bodies: article texts.
            labels: gold labels from :data:`STANCE_LABELS`.

        Returns:
            ``self``, fitted.

        Raises:
            ConfigError: if a label is not one of :data:`STANCE_LABELS`.
        """
        from sklearn.ensemble import HistGradientBoostingClassifier

        unknown = set(labels) - set(STANCE_LABELS)
        if unknown:
            raise ConfigError(f"unknown stance labels {sorted(unknown)}")
        # Pairs in a canonical order, so the model does not depend on the order it is given them.
        order = sorted(range(len(labels)), key=lambda i: (bodies[i], headlines[i], labels[i]))
        headlines = [headlines[i] for i in order]
        bodies = [bodies[i] for i in order]
        labels = [labels[i] for i in order]
        texts = sorted(set(bodies)) + sorted(set(headlines))
        self.stats_ = feats.TextStats.fit(texts, min_df=1)
        views = self.views(headlines, bodies)
        X = self.rows(views)
        y = np.array([STANCE_LABELS.index(label) for label in labels])
        s = self.settings

        def trees(X_: np.ndarray, y_: np.ndarray) -> TreeEnsemble:
            clf = HistGradientBoostingClassifier(
                max_iter=s.max_iter,
                learning_rate=s.learning_rate,
                max_leaf_nodes=s.max_leaf_nodes,
                min_samples_leaf=s.min_samples_leaf,
                early_stopping=False,
                random_state=s.seed,
            )
            clf.fit(X_, y_)
            return TreeEnsemble(**export_trees(clf))

        related = y != STANCE_LABELS.index("unrelated")
        self.related_ = trees(X, related.astype(int))
        self.stance_ = trees(X[np.ix_(related, _STANCE_COLUMNS)], y[related])
        self.meta_ = {"format": FORMAT, "features": list(feats.FEATURE_NAMES), "labels": list(STANCE_LABELS)}
        return self

    def predict_proba_views(self, views: Sequence[tuple[feats.HeadlineView, feats.BodyView]]) -> np.ndarray:
        """Label probabilities ``(n, 4)`` in :data:`STANCE_LABELS` order for prepared pairs."""
        if self.related_ is None or self.stance_ is None:
            raise ModelNotAvailable("the stance model is not fitted or loaded")
        X = self.rows(views)
        p_related = self.related_.predict_proba(X)[:, 1]
        p_stance = self.stance_.predict_proba(X[:, _STANCE_COLUMNS])
        return np.column_stack([p_stance * p_related[:, None], 1.0 - p_related])

    def predict_proba(self, headlines: Sequence[str], bodies: Sequence[str]) -> np.ndarray:
        """Label probabilities ``(n, 4)`` for aligned headline/body lists."""
        return self.predict_proba_views(self.views(headlines, bodies))

    def decide(self, proba: np.ndarray) -> list[str]:
        """Labels from probabilities: ``unrelated`` unless P(related) passes the threshold, else the
        most probable related label."""
        related = 1.0 - proba[:, 3] >= self.settings.related_threshold
        best = proba[:, :3].argmax(axis=1)
        return [STANCE_LABELS[b] if r else "unrelated" for r, b in zip(related, best)]

    # ------------------------------------------------------------------ persistence

    def save(self, path: Path | str) -> None:
        """Write the model as a compressed ``.npz`` (no pickled objects)."""
        stats = self._fitted_stats()
        if self.related_ is None or self.stance_ is None:
            raise ModelNotAvailable("the stance model is not fitted")
        arrays: dict[str, np.ndarray] = {}
        for name, idf in (("tokens", stats.tokens), ("prefixes", stats.prefixes)):
            arrays[f"{name}_vocab"] = np.array(list(idf.weights), dtype=str)
            arrays[f"{name}_idf"] = np.array(list(idf.weights.values()), dtype=np.float32)
        for stage, part in (("related", self.related_), ("stance", self.stance_)):
            for key, value in part.arrays().items():
                arrays[f"{stage}_{key}"] = value
        meta = dict(self.meta_, n_docs=stats.tokens.n_docs)
        arrays["meta"] = np.array(json.dumps(meta, sort_keys=True))
        with open(path, "wb") as f:
            np.savez_compressed(f, **arrays)

    @classmethod
    def load(cls, path: Path | str, settings: StanceSettings | None = None) -> StanceModel:
        """Read a model written by :meth:`save`.

        Raises:
            ModelNotAvailable: if the file is missing or was written for another feature set.
        """
        try:
            data = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as e:
            raise ModelNotAvailable(f"cannot read stance model {path}: {e}") from e
        with data:
            meta = json.loads(str(data["meta"]))
            if meta.get("format") != FORMAT or tuple(meta.get("features", ())) != feats.FEATURE_NAMES:
                raise ModelNotAvailable(f"stance model {path} was built for another feature set")
            n_docs = int(meta["n_docs"])
            idfs = [
                feats.Idf(dict(zip(data[f"{name}_vocab"].tolist(), data[f"{name}_idf"].astype(float).tolist())), n_docs)
                for name in ("tokens", "prefixes")
            ]
            fields = TreeEnsemble.__dataclass_fields__
            related = TreeEnsemble(**{k: data[f"related_{k}"] for k in fields})
            stance = TreeEnsemble(**{k: data[f"stance_{k}"] for k in fields})
        return cls(settings or StanceSettings(), feats.TextStats(*idfs), related, stance, meta)


class StanceClassifier:
    """Predicts the stance of article bodies towards headlines, with evidence spans.

    The constructor stores settings only; the model is loaded on first use and kept on the instance.

    Args:
        settings: :class:`~newsprism.settings.StanceSettings` (model file, threshold, evidence size).

    >>> clf = StanceClassifier(StanceSettings())
    >>> clf.predict("Pope Francis dies", "The weather in Oslo was mild on Sunday.").label
    'unrelated'
    """

    def __init__(self, settings: StanceSettings | None = None) -> None:
        self.settings = settings or StanceSettings()
        self._model: StanceModel | None = None

    @property
    def model(self) -> StanceModel:
        """The loaded :class:`StanceModel` (loaded on first access)."""
        if self._model is None:
            if self.settings.model_path:
                self._model = StanceModel.load(self.settings.model_path, self.settings)
            else:
                with resources.as_file(resources.files("newsprism") / "data" / _PACKAGED) as path:
                    self._model = StanceModel.load(path, self.settings)
        return self._model

    def predict(self, headline: str, body: str) -> StanceResult:
        """The stance of ``body`` towards the claim in ``headline``."""
        return self.predict_many([(headline, body)])[0]

    def predict_many(self, pairs: Iterable[tuple[str, str]]) -> list[StanceResult]:
        """Stances of many ``(headline, body)`` pairs; work on a body shared by pairs is done once."""
        pairs = list(pairs)
        if not pairs:
            return []
        model = self.model
        views = model.views([h for h, _ in pairs], [b for _, b in pairs])
        proba = model.predict_proba_views(views)
        results = []
        for (hv, bv), label, p in zip(views, model.decide(proba), proba):
            evidence = () if label == "unrelated" else self._evidence(hv, bv, label)
            scores = {name: round(float(v), 6) for name, v in zip(STANCE_LABELS, p)}
            results.append(StanceResult(label, scores, evidence))
        return results

    def _evidence(self, headline: feats.HeadlineView, body: feats.BodyView, label: str) -> tuple[tuple[int, int], ...]:
        # The sentences most about the headline, with a bonus for those carrying the label's cue words
        # (a refuting word for "disagree", a hedge for "discuss", a confirmation for "agree").
        sims = body.sentence_scores(headline)
        cues = _LABEL_CUES[label]
        bonus = np.array([0.1 * math.log1p(sum(w in cues for w in ws)) for ws in body.sentence_words])
        score = np.where(sims > 0, sims + bonus, 0.0)
        order = np.argsort(-score, kind="stable")[: self.settings.evidence_sentences]
        chosen = [i for i in order if score[i] > 0] or [int(order[0])]
        return tuple(body.sentences[i] for i in sorted(chosen))

    def __getstate__(self) -> dict[str, Any]:
        # Only settings travel to Dask workers; the model is loaded again where it is used.
        return {"settings": self.settings, "_model": None}

    def __repr__(self) -> str:
        return f"StanceClassifier({self.settings!r})"
