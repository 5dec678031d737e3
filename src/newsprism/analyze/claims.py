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
    "said says say told tells stated states announced announces added adds warned warns claimed claims "
    "denied denies insisted insists argued argues explained explains noted notes reported reports confirmed "
    "confirms declared declares wrote writes tweeted tweets accused accuses alleged alleges admitted admits "
    "acknowledged acknowledges rejected rejects dismissed dismisses refuted refutes emphasized emphasised "
    "emphasizes stressed stresses predicted predicts suggested suggests interpreted interprets revealed "
    "reveals believes believed thinks thought disputed disputes mocked mocks referred "
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


def _nearest(mentions: list[Mention], pos: int, side: str, limit: int = 80) -> Mention | None:
    best, best_d = None, limit + 1
    for m in mentions:
        if m.kind not in _SPEAKER_KINDS:
            continue
        d = pos - m.span.end if side == "left" else m.span.start - pos
        if 0 <= d < best_d:
            best, best_d = m, d
    return best


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
        m = _ACCORDING.search(segment)
        if m:
            who = _nearest(mentions, sent.start + m.end(), "right")
            if who is not None:
                return who, m.group(1).lower()
        for m in _VERB_RE.finditer(segment):
            pos = sent.start + m.start()
            # "..., said Jake Sullivan" puts the speaker after the verb; "Iran has denied" before it.
            who = _nearest(mentions, sent.start + m.end(), "right", limit=60)
            left = _nearest(mentions, pos, "left", limit=40)
            if left is not None and (who is None or pos - left.span.end <= who.span.start - (sent.start + m.end())):
                who = left
            if who is not None:
                return who, m.group(1)
        return None, None

    def annotate(self, analysis: Analysis, result: list[Claim]) -> None:
        analysis.claims = result
