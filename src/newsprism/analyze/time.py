"""Time expressions (interim version: explicit dates and years only; the full TIMEX3 tagger replaces it)."""

from __future__ import annotations

import re
from typing import ClassVar

from ..model import Analysis, DateInference, TimeExpr
from .base import AnalysisStage

__all__ = ["TimeTagger"]

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_DATE = re.compile(r"\b(?:(\d{1,2})\s+)?(" + "|".join(_MONTHS) + r")(?:\s+(\d{1,2}))?(?:,?\s+(\d{4}))?\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


class TimeTagger(AnalysisStage):
    name: ClassVar[str] = "newsprism.time.v0"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("timex", "published")

    def tag(self, text: str, lang: str | None, reference: str | None) -> list[tuple[int, int, str, str]]:
        out = []
        for m in _DATE.finditer(text):
            day = m.group(1) or m.group(3)
            month = _MONTHS[m.group(2).lower()]
            year = m.group(4) or (reference[:4] if reference else "XXXX")
            value = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
            out.append((m.start(), m.end(), "DATE", value))
        taken = [(s, e) for s, e, _, _ in out]
        for m in _YEAR.finditer(text):
            if not any(a <= m.start() < b for a, b in taken):
                out.append((m.start(), m.end(), "DATE", m.group()))
        return sorted(out)

    def predict(self, analysis: Analysis) -> tuple[list[TimeExpr], DateInference]:
        article = analysis.article
        ref = article.published.value[:10] if article.published.value else None
        timex = [
            TimeExpr(article.span(s, e, "timex", t), t, v, article.text[s:e], "publication" if ref else "absolute")
            for s, e, t, v in self.tag(article.text, analysis.lang, ref)
        ]
        return timex, article.published

    def annotate(self, analysis: Analysis, result: tuple[list[TimeExpr], DateInference]) -> None:
        analysis.timex, analysis.published = result
