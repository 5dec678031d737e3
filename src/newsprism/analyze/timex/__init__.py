"""Time expressions: per-language grammars (``en``, ``es``, ``de``, ``fr``), a shared resolver to TIMEX3
values, and publication-date inference from a text's own expressions.

The stage that uses them is :class:`newsprism.analyze.time.TimeTagger`.
"""

from .tag import LANGUAGES, Language, Timex, load_language, parse_reference, tag_text

__all__ = ["LANGUAGES", "Language", "Timex", "load_language", "parse_reference", "tag_text"]
