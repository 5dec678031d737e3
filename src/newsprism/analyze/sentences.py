"""Sentence segmentation into non-overlapping spans, for any language written with Latin-like punctuation.

A rule-based splitter: line breaks are hard boundaries; inside a line a sentence ends at ``.``, ``!``,
``?`` or ``…`` (plus closing quotes and brackets) followed by a space and an upper-case letter, digit or
opening quote — unless the word before the period is a known abbreviation or an initial. It is fast
(regular expressions only) and keeps exact offsets, which is what every later stage needs.
"""

from __future__ import annotations

import re
from typing import ClassVar

from ..model import Analysis, Span
from .base import AnalysisStage

__all__ = ["SentenceSplitter", "split_sentences"]

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen lt col maj capt cpt sgt adm gov sen rep pres rev hon fr
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur fri sat sun
    no nos vol pp ca approx est dept univ inc ltd co corp bros vs etc al fig
    u.s u.k u.n e.u e.g i.e a.m p.m d.c
    hr frau herrn nr bzw ca evtl ggf usw vgl z.b d.h u.a dr.-ing
    mme mlle mm m
    sra sres srta dña dn núm""".split()
)
_END = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)(?=[\"'“‘«(\[¿¡]?[A-ZÀ-ÞĀ-Ž0-9])")
_WORD_BEFORE = re.compile(r"([\w.\-]+)$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text[start:end]``.

    >>> t = "Mr. Smith met U.S. officials on Jan. 5. They agreed! Next line\\nNew paragraph."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Mr. Smith met U.S. officials on Jan. 5.', 'They agreed!', 'Next line', 'New paragraph.']
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        ls, le = start + line.start(), start + line.end()
        seg_start = ls
        for m in _END.finditer(text, ls, le):
            word = _WORD_BEFORE.search(text, seg_start, m.start())
            token = (word.group(1) if word else "").lower()
            if m.group(1) == "." and (token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())):
                continue
            spans.append((seg_start, m.end(2)))
            seg_start = m.end()
        spans.append((seg_start, le))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


class SentenceSplitter(AnalysisStage):
    """Fill the ``sentences`` layer (no overlaps; the title is its own sentence)."""

    name: ClassVar[str] = "newsprism.sentences.v1"
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ("sentences",)

    def predict(self, analysis: Analysis) -> list[Span]:
        article = analysis.article
        return [article.span(s, e, "sentences") for s, e in split_sentences(article.text)]

    def annotate(self, analysis: Analysis, result: list[Span]) -> None:
        analysis.sentences = result
