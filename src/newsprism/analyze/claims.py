"""Claims: the checkable content of each sentence.

A sentence becomes a ``statement`` when it is attributed ("X said", "according to X", "X denied"), a
``fact`` when it carries numbers, dates or titled names, and an ``event`` when it names an actor and
states what they did. Each claim records the speaker mention, the reporting verb, whether the speaker
asserts or denies, and the spans of the values it contains, so the comparison stage can line claims up
across sources.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..model import Analysis, Claim, Mention, Span
from .base import AnalysisStage

__all__ = ["ClaimExtractor", "DENIAL_VERBS", "REPORTING_VERBS"]

REPORTING_VERBS = (
    "said says say told tells stated announced announces added adds warned warns claimed "
    "denied denies insisted insists argued argues explained explains noted reported confirmed "
    "confirms declared declares wrote writes tweeted tweets accused accuses alleged alleges admitted admits "
    "acknowledged acknowledges rejected rejects dismissed dismisses refuted refutes emphasized emphasised "
    "emphasizes stressed stresses predicted predicts suggested suggests interpreted interprets revealed "
    "reveals disputed disputes mocked mocks referred "
    # German, French, Spanish
    "sagte sagt erklärte erklärt betonte betont warnte warnt bestätigte dementierte bestritt "
    "déclaré dit affirmé affirme nié nie démenti "
    "dijo dice afirmó afirma declaró declara aseguró asegura señaló señala negó niega desmintió"
).split()
DENIAL_VERBS = frozenset(
    "denied denies rejected rejects dismissed dismisses refuted refutes disputed disputes dementierte "
    "bestritt nié nie démenti negó niega desmintió".split()
)
_VERB_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, REPORTING_VERBS), key=len, reverse=True)) + r")\b")
_ACCORDING = re.compile(r"\b(according to|laut|zufolge|selon|según|d'après)\b", re.IGNORECASE)
_SPEAKER_KINDS = ("PERSON", "ORG", "GPE", "NORP")


_INVERTING_VERBS = frozenset(
    "said says added adds wrote writes stated explained explains warned warns noted insisted insists continued "
    "asked replied tweeted declared announced sagte erklärte betonte dijo afirmó declaró señaló".split()
)
_NOT_A_TITLE = re.compile(r"\b(to|that|on|in|at|with|for|from|about|as|by)\b|[:;.!?]")


def _possessive(text: str, m: Mention) -> bool:
    return text[m.span.end : m.span.end + 2] in ("’s", "'s")


def _speaker_for_verb(text: str, sent: Span, verb_start: int, verb_end: int, mentions: list[Mention]) -> Mention | None:
    """The speaker of a reporting verb: after it in inversions ("…,” said Jake Sullivan), else its subject.

    Possessives are skipped ("US President Joe Biden's National Security Advisor Jake Sullivan" → Sullivan;
    "Iran has denied Sullivan's statements" → Iran).
    """
    speakers = [m for m in mentions if m.kind in _SPEAKER_KINDS and not _possessive(text, m)]
    before = text[sent.start : verb_start].rstrip()
    left = [m for m in speakers if m.span.end <= verb_start and verb_start - m.span.end <= 120]
    right = [m for m in speakers if m.span.start >= verb_end and m.span.start - verb_end <= 100]
    # Inversion ("…,” said Jake Sullivan): a speech verb after a quote or comma, followed directly by
    # the speaker and their title — not by an object or a preposition ("referred to Russia").
    inverted = False
    if right and text[verb_start:verb_end].lower() in _INVERTING_VERBS and (before.endswith((",", "”", '"', "’", "'")) or not before):
        between = text[verb_end : right[0].span.start]
        inverted = not _NOT_A_TITLE.search(between) and not between.lstrip().startswith((":", "‘", "“", '"', "'"))

    def prefer_person(ms: list[Mention]) -> Mention | None:
        people = [m for m in ms if m.kind == "PERSON"]
        return (people or ms or [None])[0]

    if inverted:
        return prefer_person(right)
    if left:
        people = [m for m in left if m.kind == "PERSON"]
        if people:
            return people[-1]
        near = [m for m in left if verb_start - m.span.end <= 40]
        if near:
            return near[-1]
    if right and right[0].span.start - verb_end <= 60:
        return prefer_person(right)
    return None


class ClaimExtractor(AnalysisStage):
    """Fill ``claims``: one claim per informative sentence (statements, facts, events)."""

    name: ClassVar[str] = "newsprism.claims.v1"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "mentions", "timex", "quantities")
    produces: ClassVar[tuple[str, ...]] = ("claims",)

    def predict(self, analysis: Analysis) -> list[Claim]:
        article = analysis.article
        text = article.text
        claims = []
        for sent in analysis.sentences:
            if sent.start < article.body_start:
                continue  # the headline repeats the lead; its facts are compared through the body
            inside = [m for m in analysis.mentions if sent.start <= m.span.start < sent.end]
            values: list[Span] = [q.span for q in analysis.quantities if sent.contains(q.span)]
            values += [t.span for t in analysis.timex if sent.contains(t.span)]
            values += [m.title_span for m in inside if m.title_span is not None]
            values.sort(key=lambda s: s.start)
            sentence = text[sent.start : sent.end]
            speaker, verb = self._attribution(text, sent, inside)
            polarity = "asserted"
            if verb and verb.lower() in DENIAL_VERBS:
                polarity = "denied"
            kind = "statement" if speaker else ("fact" if values else "event")
            if kind == "event" and not any(m.kind in _SPEAKER_KINDS for m in inside):
                continue
            claims.append(
                Claim(
                    span=article.span(sent.start, sent.end, "claims", kind),
                    kind=kind,
                    text=sentence,
                    speaker=speaker.text if speaker else None,
                    speaker_span=speaker.span if speaker else None,
                    predicate=verb,
                    polarity=polarity,
                    values=tuple(values),
                )
            )
        return claims

    @staticmethod
    def _attribution(text: str, sent: Span, mentions: list[Mention]) -> tuple[Mention | None, str | None]:
        segment = text[sent.start : sent.end]
        for m in _VERB_RE.finditer(segment):
            who = _speaker_for_verb(text, sent, sent.start + m.start(), sent.start + m.end(), mentions)
            if who is not None:
                return who, m.group(1)
        m = _ACCORDING.search(segment)
        if m:
            after = [x for x in mentions if x.kind in _SPEAKER_KINDS and x.span.start >= sent.start + m.end()]
            if after and after[0].span.start - (sent.start + m.end()) <= 30:
                return after[0], m.group(1).lower()
        return None, None

    def annotate(self, analysis: Analysis, result: list[Claim]) -> None:
        analysis.claims = result
