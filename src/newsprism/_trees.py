"""Gradient-boosted trees as plain numpy arrays (private to :mod:`newsprism.stance`).

scikit-learn's :class:`~sklearn.ensemble.HistGradientBoostingClassifier` is trained by
``scripts/train_stance.py``; :func:`export_trees` flattens its fitted trees into a few arrays that are
saved in a ``.npz`` file, and :class:`TreeEnsemble` evaluates them with numpy alone. The shipped model
is therefore not a pickle: it loads safely and does not depend on scikit-learn's private classes.

>>> from sklearn.ensemble import HistGradientBoostingClassifier
>>> X = np.array([[0.0, 1.0], [1.0, 0.0], [0.2, 0.9], [0.9, 0.1]] * 10)
>>> y = np.array([0, 1, 0, 1] * 10)
>>> clf = HistGradientBoostingClassifier(max_iter=5, min_samples_leaf=2).fit(X, y)
>>> trees = TreeEnsemble(**export_trees(clf))
>>> bool(np.allclose(trees.predict_proba(X), clf.predict_proba(X)))
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["TreeEnsemble", "export_trees"]


def export_trees(clf: Any) -> dict[str, np.ndarray]:
    """Flatten a fitted ``HistGradientBoostingClassifier`` (numerical features only) into arrays.

    Returns:
        A dict of arrays: per node ``feature``, ``threshold``, ``missing_left``, ``left``, ``right``
        (indices into the flat arrays, ``-1`` for leaves) and ``value``; per tree ``roots`` and
        ``outputs`` (which raw score the tree adds to); and ``baseline``, the initial raw scores.

    Raises:
        ValueError: if the model uses categorical splits, which :class:`TreeEnsemble` does not evaluate.
    """
    feature, threshold, missing_left, left, right, value, roots, outputs = [], [], [], [], [], [], [], []
    offset = 0
    for iteration in clf._predictors:
        for k, predictor in enumerate(iteration):
            nodes = predictor.nodes
            if nodes["is_categorical"].any():
                raise ValueError("categorical splits are not supported")
            leaf = nodes["is_leaf"].astype(bool)
            feature.append(np.where(leaf, -1, nodes["feature_idx"]).astype(np.int32))
            threshold.append(nodes["num_threshold"].astype(np.float64))
            missing_left.append(nodes["missing_go_to_left"].astype(bool))
            left.append(np.where(leaf, -1, nodes["left"].astype(np.int64) + offset).astype(np.int32))
            right.append(np.where(leaf, -1, nodes["right"].astype(np.int64) + offset).astype(np.int32))
            value.append(nodes["value"].astype(np.float64))
            roots.append(offset)
            outputs.append(k)
            offset += len(nodes)
    return {
        "feature": np.concatenate(feature),
        "threshold": np.concatenate(threshold),
        "missing_left": np.concatenate(missing_left),
        "left": np.concatenate(left),
        "right": np.concatenate(right),
        "value": np.concatenate(value),
        "roots": np.asarray(roots, dtype=np.int32),
        "outputs": np.asarray(outputs, dtype=np.int32),
        "baseline": np.asarray(clf._baseline_prediction, dtype=np.float64).ravel(),
    }


@dataclass(frozen=True)
class TreeEnsemble:
    """Boosted trees evaluated with numpy; the arrays are those of :func:`export_trees`."""

    feature: np.ndarray
    threshold: np.ndarray
    missing_left: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    outputs: np.ndarray
    baseline: np.ndarray

    def raw_scores(self, X: np.ndarray) -> np.ndarray:
        """Sum of leaf values plus the baseline, shape ``(n_samples, n_outputs)``."""
        X = np.asarray(X, dtype=np.float64)
        n = X.shape[0]
        node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        rows = np.arange(n)[:, None]
        while True:
            feat = self.feature[node]
            active = feat >= 0
            if not active.any():
                break
            x = X[rows, np.where(active, feat, 0)]
            go_left = np.where(np.isnan(x), self.missing_left[node], x <= self.threshold[node])
            node = np.where(active, np.where(go_left, self.left[node], self.right[node]), node)
        scores = np.tile(self.baseline, (n, 1))
        for k in range(len(self.baseline)):
            scores[:, k] += self.value[node[:, self.outputs == k]].sum(axis=1)
        return scores

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Class probabilities: a sigmoid for one output (binary), a softmax for several."""
        raw = self.raw_scores(X)
        if raw.shape[1] == 1:
            p1 = 1.0 / (1.0 + np.exp(-raw[:, 0]))
            return np.column_stack([1.0 - p1, p1])
        raw -= raw.max(axis=1, keepdims=True)
        e = np.exp(raw)
        return e / e.sum(axis=1, keepdims=True)

    def arrays(self) -> dict[str, np.ndarray]:
        """The arrays to save (the keyword arguments of the constructor)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}
