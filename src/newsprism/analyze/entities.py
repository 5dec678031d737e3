"""Entity mentions: spaCy NER where a model for the language is installed, titles and roles attached,
and definite descriptions ("the Kremlin chief") kept for story-level resolution.

Languages without an installed NER model (German, Spanish, ...) get their mentions at story level, from
a gazetteer of the names found in the story's other articles (see :mod:`newsprism.analyze.canon`).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from ..errors import ModelNotAvailable
from ..model import Analysis, Mention
from ..settings import AnalyzeSettings
from .base import AnalysisStage
from .roles import ROLE_HEADS, title_after, title_before

__all__ = ["EntityRecognizer", "load_spacy"]

# spaCy labels kept as entities (numbers and dates have their own stages), mapped to one scheme.
_LABELS = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "FAC": "FAC",
    "EVENT": "EVENT",
    "PRODUCT": "PRODUCT",
    "LAW": "LAW",
    "MISC": "MISC",
}
_LEADER_WORDS = "chief|boss|leader|head|president|premier|prime minister|chancellor|strongman|dictator|ruler|despot|spokesman|spokeswoman|minister"
_DESCRIPTION = re.compile(
    rf"\b[Tt]he\s+((?:[A-Z][\w-]+\s+){{1,2}}(?:{_LEADER_WORDS}))\b(?!\s+(?:of\b|[A-Z]))"
)


def load_spacy(names: tuple[str, ...]) -> Any:
    """Load the first installed spaCy pipeline of ``names`` (official name first, then offline copies).

    Only the components NER needs are kept, for speed. Raises :class:`ModelNotAvailable` when none is
    installed; nothing is downloaded.
    """
    import spacy

    errors = []
    for name in names:
        try:
            return spacy.load(name, exclude=["parser", "lemmatizer", "senter"])
        except (OSError, ImportError) as e:
            errors.append(f"{name}: {type(e).__name__}")
    raise ModelNotAvailable(f"no spaCy model installed among {list(names)} ({'; '.join(errors)})")


def _is_role_phrase(text: str) -> bool:
    words = [w.lower() for w in text.split()]
    return bool(words) and words[-1] in ROLE_HEADS


class EntityRecognizer(AnalysisStage):
    """Fill ``mentions`` (no overlaps): names with their titles, plus definite descriptions.

    >>> from newsprism.model import Article, Analysis
    >>> a = Analysis(Article.build(text="Kremlin spokesman Dmitry Peskov said on Tuesday."), lang="en")
    >>> [(m.text, m.title) for m in EntityRecognizer().predict(a) if m.kind == "PERSON"]
    [('Dmitry Peskov', 'Kremlin spokesman')]
    """

    name: ClassVar[str] = "newsprism.entities.v1"
    requires: ClassVar[tuple[str, ...]] = ("lang",)
    produces: ClassVar[tuple[str, ...]] = ("mentions",)

    def __init__(self, settings: AnalyzeSettings | None = None) -> None:
        self.settings = settings or AnalyzeSettings()
        self._models: dict[str, Any] = {}

    def model_for(self, lang: str | None) -> Any | None:
        """The spaCy pipeline for ``lang``, or ``None`` when no model is configured for it."""
        if not lang or lang not in self.settings.spacy_models:
            return None
        if self._models is None:
            self._models = {}
        if lang not in self._models:
            self._models[lang] = load_spacy(tuple(self.settings.spacy_models[lang]))
        return self._models[lang]

    def predict(self, analysis: Analysis) -> list[Mention]:
        article = analysis.article
        text = article.text
        nlp = self.model_for(analysis.lang)
        mentions: list[Mention] = []
        if nlp is not None:
            doc = nlp(text)
            for ent in doc.ents:
                kind = _LABELS.get(ent.label_)
                start, end = ent.start_char, ent.end_char
                surface = text[start:end]
                # Trim possessives and stray punctuation spaCy sometimes includes.
                trimmed = re.sub(r"(?:[’']s?|[.,;:])$", "", surface).rstrip()
                end = start + len(trimmed)
                if kind is None or end <= start or _is_role_phrase(trimmed):
                    continue
                mentions.append(self._with_title(article, kind, start, end))
        descriptions = self._descriptions(article, mentions)
        if descriptions:
            # "the Kremlin chief" stands for a person; the place name inside it is only its modifier.
            mentions = [m for m in mentions if not any(d.span.contains(m.span) for d in descriptions)]
        mentions.extend(descriptions)
        mentions.sort(key=lambda m: m.span.start)
        return _drop_overlaps(mentions)

    def _with_title(self, article, kind: str, start: int, end: int) -> Mention:
        text = article.text
        span = article.span(start, end, "mentions", kind)
        title = title_span = None
        if kind == "PERSON":
            found = title_before(text, start) or title_after(text, end)
            if found:
                title_span = article.span(found[0], found[1], "titles", "title")
                title = text[found[0] : found[1]]
        return Mention(span, kind, text[start:end], title, title_span)

    def _descriptions(self, article, names: list[Mention]) -> list[Mention]:
        out = []
        people = [(m.span.start, m.span.end) for m in names if m.kind == "PERSON"]
        others = [(m.span.start, m.span.end) for m in names if m.kind != "PERSON"]
        for m in _DESCRIPTION.finditer(article.text):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in people) or any(a < e and s < b and not (s <= a and b <= e) for a, b in others):
                continue
            out.append(Mention(article.span(s, e, "mentions", "PERSON"), "PERSON", m.group(), form="description"))
        return out

    def annotate(self, analysis: Analysis, result: list[Mention]) -> None:
        analysis.mentions = result


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if out and m.span.start < out[-1].span.end:
            if len(m.span) > len(out[-1].span):
                out[-1] = m
            continue
        out.append(m)
    return out
