"""Loaded language: intensifiers, pejoratives and emotive words, marked as spans.

The lexicon lists words whose job is to make the reader feel rather than to inform ("vile", "bloody",
"dreadful", "fearsome", "regime"). Each hit is a span in the ``framing`` layer labelled with its category;
the comparison stage sets them against the neutral wording other sources use for the same claim.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..model import Analysis, Span
from .base import AnalysisStage

__all__ = ["FramingTagger", "LOADED_WORDS", "loaded_score"]

LOADED_WORDS: dict[str, tuple[str, ...]] = {
    "pejorative": (
        "vile", "evil", "regime", "regimes", "propagandist", "propagandists", "thug", "thugs", "tyrant", "despot",
        "despotic", "dictator", "puppet", "henchmen", "cronies", "rogue", "pariah", "sinister", "notorious",
        "nefarious", "loathing", "loathsome", "barbaric", "savage", "murderous", "warmonger", "warmongering",
        "hardline", "hard-line", "fanatical", "extremist", "sham", "scam", "disgraceful", "shameful",
        # German, French, Spanish
        "regime", "schurke", "despotisch", "barbarisch", "régime", "infâme", "ignoble", "régimen", "vil", "infame",
    ),
    "intensifier": (
        "bloody", "brutal", "brutally", "crippling", "devastating", "massive", "huge", "dramatic", "drastic",
        "ruthless", "relentless", "fierce", "staggering", "shocking", "extremely", "utterly", "incredibly",
        "blatant", "blatantly", "unprecedented", "catastrophic", "explosive", "furious", "fury",
        "brutale", "brutal", "sanglant", "sangrienta", "sangriento", "brutalmente",
    ),
    "emotive": (
        "dreadful", "fearsome", "terrifying", "horrific", "horrifying", "chilling", "alarming", "frightening",
        "appalling", "outrageous", "outrage", "disturbing", "sickening", "heartbreaking", "terrible", "horrible",
        "grim", "menacing", "ominous", "nightmare", "nightmarish", "slammed", "blasted", "lashed", "mocked",
        "sneered", "gloated", "boasted", "vowed", "furious",
        "schrecklich", "furchtbar", "terrible", "effrayant", "terrorífico", "espantoso",
    ),
}
_WORD_TO_CATEGORY = {w: cat for cat, words in LOADED_WORDS.items() for w in words}
_PATTERN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _WORD_TO_CATEGORY), key=len, reverse=True)) + r")\b", re.IGNORECASE)


def loaded_score(spans: list[Span], text: str) -> float:
    """Loaded words per 100 words of text.

    >>> round(loaded_score([Span("a", 0, 4, "framing")], "vile " + "word " * 99), 2)
    1.0
    """
    words = max(1, len(text.split()))
    return 100.0 * len(spans) / words


class FramingTagger(AnalysisStage):
    """Fill ``framing`` with loaded words (label = category).

    >>> from newsprism.model import Article, Analysis
    >>> a = Analysis(Article.build(text="Putin forged a fearsome alliance after his bloody invasion."))
    >>> [(a.article.quote(s), s.label) for s in FramingTagger().predict(a)]
    [('fearsome', 'emotive'), ('bloody', 'intensifier')]
    """

    name: ClassVar[str] = "newsprism.framing.v1"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("framing",)

    def predict(self, analysis: Analysis) -> list[Span]:
        article = analysis.article
        return [
            article.span(m.start(), m.end(), "framing", _WORD_TO_CATEGORY[m.group(1).lower()])
            for m in _PATTERN.finditer(article.text)
        ]

    def annotate(self, analysis: Analysis, result: list[Span]) -> None:
        analysis.framing = result
