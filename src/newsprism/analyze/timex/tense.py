"""Which way a sentence looks in time: past, future or unknown, from cue words near an expression.

Bare expressions ("Friday", "in March", "the fourth quarter") name the latest such period in a sentence
about the past and the next one in a sentence about the future. This reads the nearest tense cue within
the expression's sentence (a future auxiliary, a past-tense verb), a cheap stand-in for a parser.
"""

from __future__ import annotations

import re

__all__ = ["TenseCues"]

# A sentence ends at . ! ? ; : before a space — but not the period of an initial or a common abbreviation
# ("Daniel P. Davison", "Mr. Smith", "Sept. 30", "Inc."), which would cut a clause from its verb.
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Inc", "Co", "Corp", "Ltd", "Jan", "Feb", "Mar", "Apr",
                  "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Gen", "Sen", "Rep", "Gov", "Prof", "No", "vs", "Sra", "Sr")
_NOT_AFTER = "".join(rf"(?<!\b{a})(?<!\b{a}\s)" for a in sorted(set(_ABBREVIATIONS))) + r"(?<!\b[A-Z])(?<!\b[A-Z]\s)"
_BOUNDARY = re.compile(rf"{_NOT_AFTER}\.\s|[!?;:]\s|\n|\s[-–—]{{1,2}}\s|['\"`]{{2}}\s*$")


class TenseCues:
    """Compiled cue patterns of one language.

    >>> from newsprism.analyze.timex import en
    >>> cues = TenseCues(en.LEXICON.future_cues, en.LEXICON.past_cues)
    >>> text = "The board will meet Friday. Shares fell Friday."
    >>> cues.tense(text, 20, 26), cues.tense(text, 40, 46)
    (1, -1)
    """

    def __init__(self, future: str, past: str, window: int = 90, future_before: str = r"(?!)",
                 past_before: str = r"(?!)") -> None:
        self._future = re.compile(future, re.I)
        self._past = re.compile(past, re.I)
        self._before = (
            (1, re.compile(rf"(?:{future_before})\s*$", re.I)),
            (-1, re.compile(rf"(?:{past_before})\s*$", re.I)),
        )
        self.window = window

    def tense(self, text: str, start: int, end: int) -> int | None:
        """+1 when the nearest cue around ``text[start:end]`` marks the future, -1 the past, else ``None``."""
        left = text[max(0, start - self.window) : start]
        for sign, rx in self._before:
            if rx.search(left[-30:]):
                return sign
        cut = None
        for cut in _BOUNDARY.finditer(left):
            pass
        if cut is not None:
            left = left[cut.end() :]
        right = text[end : end + self.window]
        stop = _BOUNDARY.search(right)
        if stop is not None:
            right = right[: stop.start()]
        best: tuple[int, int] | None = None
        for sign, rx in ((1, self._future), (-1, self._past)):
            for m in rx.finditer(left):
                d = len(left) - m.end()
                if best is None or d < best[0]:
                    best = (d, sign)
            m = rx.search(right)
            if m is not None and (best is None or m.start() < best[0]):
                best = (m.start(), sign)
        return best[1] if best is not None else None
