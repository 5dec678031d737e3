"""The contract every analysis stage follows.

A stage is one class. Its constructor stores settings only (models load lazily on first use and stay
with the object). :meth:`AnalysisStage.predict` computes a typed result from an :class:`Analysis` without
changing it; :meth:`AnalysisStage.annotate` is the only writer and sets exactly the layers in
``produces``. ``requires`` names the layers that must be filled first; :func:`check_order` verifies a
pipeline when it is built, so a wrong order fails at start-up rather than deep in a batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..errors import PipelineOrderError
from ..model import Analysis

__all__ = ["AnalysisStage", "check_order"]


class AnalysisStage:
    """Base class: subclasses set ``name``, ``requires``, ``produces`` and implement predict/annotate."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ()

    def predict(self, analysis: Analysis) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def annotate(self, analysis: Analysis, result: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def __call__(self, analysis: Analysis) -> Analysis:
        self.annotate(analysis, self.predict(analysis))
        return analysis

    def __getstate__(self) -> dict[str, Any]:
        # Only settings travel to Dask workers; loaded models (attributes starting with "_") do not.
        return {k: (None if k.startswith("_") else v) for k, v in self.__dict__.items()}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"


def check_order(stages: Sequence[AnalysisStage]) -> None:
    """Raise :class:`PipelineOrderError` if a stage requires a layer no earlier stage produces."""
    available: set[str] = set()
    for stage in stages:
        missing = [layer for layer in stage.requires if layer not in available]
        if missing:
            raise PipelineOrderError(f"stage {stage.name} requires {missing}, which no earlier stage produces")
        unknown = [layer for layer in stage.produces if layer not in Analysis.LAYERS]
        if unknown:
            raise PipelineOrderError(f"stage {stage.name} produces unknown layers {unknown}")
        available.update(stage.produces)
