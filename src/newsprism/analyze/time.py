"""The time stage: every time expression of an article as a TIMEX3 value, and its publication date.

When the article's metadata gives no publication date, the date (or a range) is inferred from the
text's own expressions (:mod:`newsprism.analyze.timex.pubdate`) and relative expressions are resolved
against it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..model import Analysis, Article, DateInference, TimeExpr
from ..settings import TimeSettings
from .base import AnalysisStage
from .timex import LANGUAGES, Language, Timex, load_language, parse_reference, tag_text

__all__ = ["TimeResult", "TimeTagger"]


@dataclass(frozen=True, slots=True)
class TimeResult:
    """What :meth:`TimeTagger.predict` found: the expressions and the publication date used."""

    timex: tuple[TimeExpr, ...]
    published: DateInference


class TimeTagger(AnalysisStage):
    """Tag time expressions (English, Spanish, German, French) and resolve them to TIMEX3 values.

    Args:
        settings: thresholds of the time stage.

    >>> tagger = TimeTagger()
    >>> [(t.text, t.value) for t in tagger.tag("Putin will travel to Iran next Tuesday (July 19).", "en", "2022-07-12")]
    [('next Tuesday (July 19)', '2022-07-19')]
    >>> [(t.text, t.type, t.value) for t in tagger.tag("Llegó hace dos semanas.", "es", "2022-07-12")]
    [('hace dos semanas', 'DURATION', 'P2W')]
    """

    name = "newsprism.time.v1"
    requires = ()
    produces = ("timex", "published")

    def __init__(self, settings: TimeSettings | None = None) -> None:
        self.settings = settings or TimeSettings()
        self._languages: dict[str, Language] = {}

    def _language(self, lang: str | None) -> Language | None:
        code = (lang or self.settings.fallback_language).split("-")[0].lower()
        if code not in LANGUAGES:
            return None
        if code not in self._languages:
            self._languages[code] = load_language(code, self.settings.tense_window_chars)
        return self._languages[code]

    def tag(self, text: str, lang: str | None, reference: str | dt.date | None) -> list[Timex]:
        """Time expressions of ``text`` resolved against ``reference`` (ISO publication date, or ``None``).

        Pure: the same inputs give the same output. Languages without a grammar give ``[]``.
        """
        language = self._language(lang)
        if language is None:
            return []
        return tag_text(text, language, parse_reference(reference))

    def predict(self, analysis: Analysis) -> TimeResult:
        article = analysis.article
        lang = analysis.lang or article.lang
        published = article.published
        if published.method == "none":
            published = self.infer_published(article, lang)
        reference = published.value or (published.earliest if published.method == "text" else None)
        tags = self.tag(article.text, lang, reference)
        return TimeResult(tuple(self._expr(article, t) for t in tags), published)

    def infer_published(self, article: Article, lang: str | None) -> DateInference:
        """The publication date read from the article's own expressions (see :mod:`.timex.pubdate`)."""
        from .timex.pubdate import infer_publication

        language = self._language(lang)
        if language is None:
            return DateInference()
        return infer_publication(article, language, self.settings)

    @staticmethod
    def _expr(article: Article, t: Timex) -> TimeExpr:
        span = article.span(t.start, t.end, "timex", t.type)
        return TimeExpr(span, t.type, t.value, t.text, t.anchor, t.refers_to)

    def annotate(self, analysis: Analysis, result: Any) -> None:
        analysis.timex = list(result.timex)
        analysis.published = result.published
