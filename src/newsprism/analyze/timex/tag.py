"""Tag a text: find expressions with a language's grammar, then resolve them in reading order.

Resolution goes left to right so anaphora ("the day", "a year earlier") see the last date named before
them (the *focus*); each expression's tense comes from the cue words around it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Sequence
from dataclasses import dataclass

from ...errors import ConfigError
from .grammar import Candidate, Grammar
from .resolve import Anchor, Discourse, Resolver, TimexType
from .semantics import Length, Meaning, Point, Shift
from .tense import TenseCues

__all__ = ["LANGUAGES", "Language", "Timex", "load_language", "parse_reference", "tag_text"]

#: Languages with a grammar (module ``newsprism.analyze.timex.<code>``).
LANGUAGES = ("de", "en", "es", "fr")


@dataclass(frozen=True, slots=True)
class Timex:
    """One tagged expression: character offsets into the text, TIMEX3 type and value, and its meaning."""

    start: int
    end: int
    type: TimexType
    value: str
    text: str
    anchor: Anchor
    refers_to: str | None
    meaning: Meaning
    rule: str


@dataclass(frozen=True)
class Language:
    """A compiled grammar and tense cues for one language."""

    code: str
    grammar: Grammar
    cues: TenseCues


def load_language(code: str, tense_window: int = 90) -> Language:
    """Compile the grammar of ``code``, one of :data:`LANGUAGES` (:class:`ConfigError` otherwise).

    ``tense_window`` is how many characters on each side of an expression are read for tense cues.
    """
    if code not in LANGUAGES:
        raise ConfigError(f"no time grammar for language {code!r}; choose one of {LANGUAGES}")
    module = importlib.import_module(f"{__package__}.{code}")
    lex = module.LEXICON
    cues = TenseCues(lex.future_cues, lex.past_cues, tense_window, lex.future_before, lex.past_before)
    return Language(code, Grammar(lex, module.RULES, module.MACROS), cues)


def parse_reference(reference: str | dt.date | None) -> dt.date | None:
    """The day of an ISO date or datetime string (``None`` stays ``None``)."""
    if reference is None or isinstance(reference, dt.date):
        return reference
    try:
        return dt.date.fromisoformat(str(reference)[:10])
    except ValueError:
        return None


def _updates_focus(meaning: Meaning) -> bool:
    return isinstance(meaning, (Point, Shift))


def _year_to_date(meaning: Meaning) -> bool:
    return (
        isinstance(meaning, Length) and meaning.unit == "month" and meaning.amount in (6.0, 9.0) and not meaning.relation
    )


def tag_text(
    text: str,
    language: Language,
    reference: dt.date | None,
    slack_days: int = 60,
    found: Sequence[Candidate] | None = None,
    month_slack_days: int = 7,
) -> list[Timex]:
    """Every time expression of ``text`` with its value resolved against ``reference``.

    ``slack_days`` / ``month_slack_days`` are the resolver's tolerance before tense moves a bare date /
    month to another year; ``found``
    are the grammar's matches when the caller already has them (``language.grammar.find(text)``).
    """
    resolver = Resolver(reference, slack_days, month_slack_days)
    discourse = Discourse(reference)
    out = []
    for c in language.grammar.find(text) if found is None else found:
        tense = language.cues.tense(text, c.start, c.end)
        r = resolver.resolve(c.meaning, tense, discourse, c.start)
        if _updates_focus(c.meaning) and r.anchor != "none":
            discourse.note(r.focus, c.start)
        elif _year_to_date(c.meaning):
            discourse.part_of_year = None  # "the first nine months": comparisons are now about the year
        out.append(
            Timex(c.start, c.end, r.type, r.value, text[c.start : c.end], r.anchor, r.refers_to, c.meaning, c.rule)
        )
    return out
