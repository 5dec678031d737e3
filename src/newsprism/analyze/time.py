"""The time stage: every time expression of an article as a TIMEX3 value, and its publication date.

When the article's metadata gives no publication date, the date (or a range) is inferred from the
text's own expressions (:mod:`newsprism.analyze.timex.pubdate`); relative expressions are then resolved
against it when the range is narrow enough (``TimeSettings.max_reference_range_days``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Analysis, Article, DateInference, TimeExpr
from ..settings import TimeSettings
from .base import AnalysisStage
from .timex import LANGUAGES, Language, Timex, load_language, parse_reference, tag_text
from .timex.grammar import Candidate
from .timex.pubdate import infer_publication

__all__ = ["TimeResult", "TimeTagger", "calendar_day"]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def calendar_day(value: str) -> str | None:
    """The calendar day a TIMEX3 value falls on, or ``None`` for coarser values (months, weeks, durations).

    >>> calendar_day("2022-07-19T10:00"), calendar_day("2022-W29"), calendar_day("P5M")
    ('2022-07-19', None, None)
    """
    return value[:10] if _DAY.match(value[:10]) else None


@dataclass(frozen=True, slots=True)
class TimeResult:
    """What :meth:`TimeTagger.predict` found: the expressions and the publication date used."""

    timex: tuple[TimeExpr, ...]
    published: DateInference


class TimeTagger(AnalysisStage):
    """Tag time expressions (English, Spanish, German, French) and resolve them to TIMEX3 values.

    "five months ago" keeps the TIMEX3 duration ``P5M`` as its value and the date it points to in
    ``refers_to``; :func:`~newsprism.analyze.timex.timeml.timeml_reading` gives TempEval's reading.

    Args:
        settings: thresholds of the time stage.

    >>> tagger = TimeTagger()
    >>> [(t.text, t.value) for t in tagger.tag("Putin will travel to Iran next Tuesday (July 19).", "en", "2022-07-12")]
    [('next Tuesday (July 19)', '2022-07-19')]
    >>> [(t.text, t.type, t.value, t.refers_to) for t in tagger.tag("Llegó hace dos semanas.", "es", "2022-07-12")]
    [('hace dos semanas', 'DURATION', 'P2W', '2022-06-28')]
    """

    name = "newsprism.time.v1"
    requires = ()
    produces = ("timex", "published")

    def __init__(self, settings: TimeSettings | None = None) -> None:
        self.settings = settings or TimeSettings()
        self._languages: dict[str, Language] | None = {}

    def _language(self, lang: str | None) -> Language | None:
        code = (lang or self.settings.fallback_language).split("-")[0].lower()
        if code not in LANGUAGES:
            return None
        if self._languages is None:  # after pickling, each worker compiles its own grammars
            self._languages = {}
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
        s = self.settings
        return tag_text(text, language, parse_reference(reference), s.year_slack_days, None, s.month_slack_days)

    def infer_published(
        self, article: Article, lang: str | None, found: Sequence[Candidate] | None = None
    ) -> DateInference:
        """The publication date read from the article's own expressions, as a day, a range or a bound.

        ``found`` are the grammar's matches in the article's text when already computed.
        """
        language = self._language(lang)
        if language is None:
            return DateInference(reason=f"no time grammar for language {lang!r}")
        dateline = self.dateline_date(article, lang)
        if dateline is not None:
            return dateline
        e = infer_publication(article.text, language, self.settings.weekday_year_span, found)
        if not e.found:
            return DateInference(reason=e.reason)
        evidence = tuple(article.span(s, t, "published", "evidence") for s, t in e.evidence)
        return DateInference(e.value, e.earliest, e.latest, "text", e.reason, evidence)

    def dateline_date(self, article: Article, lang: str | None) -> DateInference | None:
        """The day of a dateline the cleaner removed from the top of the text ("August 7, 2012 - 4:43 pm"),
        when it names a full calendar date: residue for the reader, but the page's own publication date."""
        for r in article.removed:
            if "dateline" not in r.label or r.start > self.settings.dateline_max_offset:
                continue
            quote = article.raw_text[r.start : r.end]
            tags = self.tag(quote, lang, None)
            days = [d for t in tags if t.type in ("DATE", "TIME") and (d := calendar_day(t.value))]
            if days:
                reason = f"the dateline removed from the top of the text: \u201c{quote.strip()}\u201d"
                return DateInference(days[0], days[0], days[0], "text", reason)
        return None

    def reference_for(self, published: DateInference) -> str | None:
        """The day relative expressions are resolved against: the publication day, or the start of an
        inferred range no wider than ``max_reference_range_days`` (an article reports what just happened)."""
        if published.value:
            return published.value
        if published.method == "text" and published.width_days is not None:
            if published.width_days <= self.settings.max_reference_range_days:
                return published.earliest
        return None

    def predict(self, analysis: Analysis) -> TimeResult:
        article = analysis.article
        lang = analysis.lang or article.lang
        language = self._language(lang)
        if language is None:
            return TimeResult((), article.published)
        found = language.grammar.find(article.text)  # one grammar pass serves both steps
        published = article.published
        if published.method == "none":
            published = self.infer_published(article, lang, found)
        reference = parse_reference(self.reference_for(published))
        s = self.settings
        tags = tag_text(article.text, language, reference, s.year_slack_days, found, s.month_slack_days)
        return TimeResult(tuple(self._expr(article, t) for t in tags), published)

    @staticmethod
    def _expr(article: Article, t: Timex) -> TimeExpr:
        span = article.span(t.start, t.end, "timex", t.type)
        return TimeExpr(span, t.type, t.value, t.text, t.anchor, t.refers_to)

    def annotate(self, analysis: Analysis, result: Any) -> None:
        analysis.timex = list(result.timex)
        analysis.published = result.published
