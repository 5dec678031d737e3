"""The explicit, versioned registry of analysis stages.

Stage names carry a version (``newsprism.time.v1``) so stored configurations stay loadable when a stage
changes. The registry is built by one function call — not by import side effects — and the default
pipeline is a list of names resolved against it.

>>> [s.name for s in build_stages(DEFAULT_ANALYSIS, Settings())][:2]
['newsprism.language.v1', 'newsprism.sentences.v1']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .analyze.base import AnalysisStage, check_order
from .errors import ConfigError
from .settings import Settings

__all__ = ["DEFAULT_ANALYSIS", "build_stages", "stage_registry"]

DEFAULT_ANALYSIS: tuple[str, ...] = (
    "newsprism.language.v1",
    "newsprism.sentences.v1",
    "newsprism.entities.v1",
    "newsprism.time",
    "newsprism.quantities.v1",
    "newsprism.claims.v1",
    "newsprism.framing.v1",
)


def stage_registry() -> dict[str, Callable[[Settings], AnalysisStage]]:
    """A fresh mapping from stage name to a factory taking the settings."""
    from .analyze.claims import ClaimExtractor
    from .analyze.entities import EntityRecognizer
    from .analyze.framing import FramingTagger
    from .analyze.language import LanguageStage
    from .analyze.quantities import QuantityExtractor
    from .analyze.sentences import SentenceSplitter
    from .analyze.time import TimeTagger

    factories: dict[str, Callable[[Settings], AnalysisStage]] = {
        LanguageStage.name: lambda s: LanguageStage(s.analyze),
        SentenceSplitter.name: lambda s: SentenceSplitter(),
        EntityRecognizer.name: lambda s: EntityRecognizer(s.analyze),
        TimeTagger.name: lambda s: TimeTagger(s.time),
        QuantityExtractor.name: lambda s: QuantityExtractor(),
        ClaimExtractor.name: lambda s: ClaimExtractor(),
        FramingTagger.name: lambda s: FramingTagger(),
    }
    # Unversioned aliases resolve to the current version of a stage.
    for name in list(factories):
        factories.setdefault(name.rsplit(".", 1)[0], factories[name])
    return factories


def build_stages(names: Sequence[str], settings: Settings) -> list[AnalysisStage]:
    """Instantiate the named stages in order and check that each one's inputs are produced before it."""
    registry = stage_registry()
    unknown = [n for n in names if n not in registry]
    if unknown:
        raise ConfigError(f"unknown stages {unknown}; known: {sorted(registry)}")
    stages = [registry[n](settings) for n in names]
    check_order(stages)
    return stages
