"""Language identification with lingua (ISO 639-1 codes)."""

from __future__ import annotations

from typing import Any, ClassVar

from ..errors import ModelNotAvailable
from ..model import Analysis
from ..settings import AnalyzeSettings
from .base import AnalysisStage

__all__ = ["LanguageDetector", "LanguageStage"]


class LanguageDetector:
    """Detect the language of a text; ``None`` when the text is too short to tell.

    The lingua model loads on first use and stays with this object (not with the module), so each
    Dask worker builds its own.

    >>> LanguageDetector()("Die Bundesregierung hat am Dienstag neue Regeln beschlossen.")
    'de'
    """

    def __init__(self, settings: AnalyzeSettings | None = None) -> None:
        self.settings = settings or AnalyzeSettings()
        self._detector: Any = None

    def _load(self) -> Any:
        try:
            from lingua import LanguageDetectorBuilder
        except ImportError as e:  # pragma: no cover - a broken install
            raise ModelNotAvailable(f"lingua-language-detector is not installed: {e}") from None
        builder = LanguageDetectorBuilder.from_all_languages()
        if self.settings.language_accuracy == "low":
            builder = builder.with_low_accuracy_mode()
        return builder.build()

    def __call__(self, text: str) -> str | None:
        sample = text[:2000]
        if len(sample.strip()) < self.settings.language_min_chars:
            return None
        if self._detector is None:
            self._detector = self._load()
        lang = self._detector.detect_language_of(sample)
        return lang.iso_code_639_1.name.lower() if lang is not None else None

    def __getstate__(self) -> dict[str, Any]:
        # Ship settings only; the worker loads its own model.
        return {"settings": self.settings, "_detector": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.settings = state["settings"]
        self._detector = None


class LanguageStage(AnalysisStage):
    """Fill ``lang``: the article's declared language, else the detected one."""

    name: ClassVar[str] = "newsprism.language.v1"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("lang",)

    def __init__(self, settings: AnalyzeSettings | None = None) -> None:
        self.settings = settings or AnalyzeSettings()
        self._detector = LanguageDetector(self.settings)

    def predict(self, analysis: Analysis) -> str | None:
        if analysis.article.lang:
            return analysis.article.lang
        if self._detector is None:
            self._detector = LanguageDetector(self.settings)
        return self._detector(analysis.article.text)

    def annotate(self, analysis: Analysis, result: str | None) -> None:
        analysis.lang = result
