"""Titles and roles written next to a person's name ("US Vice President Joe Biden", "Andrey Kortunov,
head of the Russian International Affairs Council"), and their comparison.

The lexicons are general vocabulary of offices and ranks in English, German, French and Spanish.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["FUNCTIONS", "RoleTitle", "TEMPORAL_QUALIFIERS", "parse_title", "title_after", "title_before", "titles_conflict"]

ROLE_HEADS = frozenset(
    """president vice-president president-elect premier chancellor minister secretary spokesman spokeswoman
    spokesperson advisor adviser ambassador governor senator congressman congresswoman representative mayor
    king queen prince princess pope ayatollah leader chief head director chairman chairwoman chair ceo cfo
    coo founder co-founder coach manager judge justice general admiral colonel commander captain lieutenant
    sergeant sheriff attorney prosecutor professor economist analyst emir sultan sheikh cardinal bishop
    rabbi imam mp lawmaker legislator commissioner inspector superintendent treasurer executive officer
    boss owner editor correspondent envoy diplomat negotiator speaker marshal chancellor-elect dictator
    präsident präsidentin kanzler kanzlerin ministerin sprecher sprecherin berater beraterin chef chefin
    bundeskanzler bundeskanzlerin außenminister außenministerin regierungschef vorsitzender vorsitzende
    président présidente ministre porte-parole conseiller conseillère premier-ministre
    presidente presidenta ministro ministra portavoz asesor asesora jefe jefa canciller alcalde alcaldesa""".split()
)
# Words that qualify an office; a change in these between sources changes the office itself.
RANK_QUALIFIERS = frozenset("vice deputy former ex ex- acting assistant interim vize stellvertretender vice- adjoint".split())
MODIFIERS = RANK_QUALIFIERS | frozenset(
    """prime foreign interior defense defence finance chief senior top national security state press general
    executive ministry foreign-policy policy regional federal supreme first white house economic trade
    justice health education labor labour energy home head of the for and affairs international
    secretary-general director-general attorney-general de del la du des y et und für""".split()
)
DEMONYMS = {
    "russian": "russia", "iranian": "iran", "american": "united states", "us": "united states",
    "u.s.": "united states", "turkish": "turkey", "ukrainian": "ukraine", "german": "germany",
    "french": "france", "british": "united kingdom", "uk": "united kingdom", "chinese": "china",
    "israeli": "israel", "syrian": "syria", "saudi": "saudi arabia", "iraqi": "iraq", "indian": "india",
    "japanese": "japan", "italian": "italy", "spanish": "spain", "polish": "poland", "egyptian": "egypt",
    "mexican": "mexico", "canadian": "canada", "australian": "australia", "brazilian": "brazil",
    "pakistani": "pakistan", "afghan": "afghanistan", "korean": "korea", "european": "europe",
}
# Capitalized at a sentence start, but never part of a title.
_FUNCTION_WORDS = frozenset(
    """since in on at the after but and while when as for from with by to of a an if because although though
    then also meanwhile however last this that these those its his her their our new former""".split()
)
_TOKEN = re.compile(r"[\w][\w.\-]*|[’']s\b|\S")


@dataclass(frozen=True, slots=True)
class RoleTitle:
    """A parsed title: its head office ("president"), rank qualifiers ("vice") and the other words."""

    text: str
    head: str
    qualifiers: frozenset[str]
    modifiers: tuple[str, ...]


def _is_role_word(word: str) -> bool:
    return word.lower().strip(".") in ROLE_HEADS


def title_before(text: str, start: int, window: int = 80) -> tuple[int, int] | None:
    """The span of a title written right before the name starting at ``start``, if any.

    >>> t = "said US President Joe Biden's National Security Advisor Jake Sullivan."
    >>> s, e = title_before(t, t.index("Jake")); t[s:e]
    'National Security Advisor'
    >>> s, e = title_before(t, t.index("Joe")); t[s:e]
    'US President'
    """
    left = text[max(0, start - window) : start]
    left = left[left.rfind("\n") + 1 :]  # a title never spans a line break
    base = start - len(left)
    tokens = list(_TOKEN.finditer(left))
    kept: list[re.Match[str]] = []
    for tok in reversed(tokens):
        word = tok.group()
        low = word.lower()
        if word in ("’s", "'s") or not (word[0].isalnum()):
            break
        if kept and kept[-1].group().lower() in DEMONYMS:
            break  # a nationality starts the title: "Tehran Russian President" is a dateline + title
        if _is_role_word(word) or low in MODIFIERS or (word[0].isupper() and low not in _FUNCTION_WORDS):
            kept.append(tok)
            continue
        break
    kept.reverse()
    # Drop leading words that are not part of the title phrase (determiners, stray connectives).
    while kept and kept[0].group().lower() in ("the", "of", "and", "for", "de", "del", "la", "y", "et", "und"):
        kept.pop(0)
    if not kept or not any(_is_role_word(t.group()) for t in kept):
        return None
    # The title must end right before the name (only whitespace between).
    if left[kept[-1].end() :].strip():
        return None
    # Keep the phrase from the first word through the last role word or modifier.
    return base + kept[0].start(), base + kept[-1].end()


_APPOSITIVE = re.compile(
    r"^,[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+|[A-Z][\w-]*[’']s[ \t]+)?((?:[\w-]+[ \t]+){0,3}?(?P<head>[\w-]+)"
    r"(?:[ \t]+(?:of|at|for)[ \t]+(?:the[ \t]+)?[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){0,5})?)[ \t]*(?=[,;:]|\.(?:\s|$))"
)


def title_after(text: str, end: int) -> tuple[int, int] | None:
    """The span of an appositive title right after a name: ``Erdogan, the president of Turkey,``.

    >>> t = "Andrey Kortunov, head of the Russian International Affairs Council, said"
    >>> s, e = title_after(t, len("Andrey Kortunov")); t[s:e]
    'head of the Russian International Affairs Council'
    """
    m = _APPOSITIVE.match(text[end : end + 160])
    if not m or not _is_role_word(m.group("head")):
        return None
    words = m.group(1).split()
    if any(w[0].islower() and w.lower() not in MODIFIERS and not _is_role_word(w) for w in words[: words.index(m.group("head"))]):
        return None
    return end + m.start(1), end + m.end(1)


def parse_title(title: str) -> RoleTitle:
    """Split a title into head office, rank qualifiers and other words.

    >>> p = parse_title("US Vice President"); (p.head, sorted(p.qualifiers))
    ('president', ['vice'])
    """
    words = [w.lower().strip(".,") for w in re.split(r"[\s]+", title) if w]
    expanded = []
    for w in words:
        expanded.extend(part for part in re.split(r"(?<=vice)-|(?<=ex)-", w) if part)
    heads = [w for w in expanded if w in ROLE_HEADS and w not in ("chief", "head")] or [w for w in expanded if w in ROLE_HEADS]
    head = heads[-1] if heads else (expanded[-1] if expanded else "")
    if "prime" in expanded and head == "minister":
        head = "prime minister"
    qualifiers = frozenset(w for w in expanded if w in RANK_QUALIFIERS)
    modifiers = tuple(w for w in expanded if w != head and w not in qualifiers)
    return RoleTitle(title, head, qualifiers, modifiers)


# Qualifiers that place an office in time rather than change it ("former President" was President).
TEMPORAL_QUALIFIERS = frozenset("former ex ex- late then outgoing incoming acting interim".split())
# Functions a person performs alongside an office: a police inspector can be the police spokesman.
FUNCTIONS = frozenset("""spokesman spokeswoman spokesperson sprecher sprecherin porte-parole portavoz advisor
    adviser berater beraterin conseiller conseillère asesor asesora analyst economist correspondent editor
    envoy negotiator diplomat founder co-founder owner professor""".split())
_GENERIC = frozenset("leader chief head boss official officer executive".split())


def titles_conflict(a: str, b: str) -> str | None:
    """Why two titles given to the same person cannot both be right at one time, or ``None``.

    A different rank of the same office ("President" vs "Vice President"), or two different offices
    ("Judge" vs "Senator"). Generic heads ("leader"), functions held alongside an office ("spokesman")
    and time qualifiers ("former") never conflict.

    >>> titles_conflict("US Vice President", "US President")
    'vice president is a different office from president'
    >>> titles_conflict("Prime Minister", "Chairman")
    'prime minister is a different office from chairman'
    >>> titles_conflict("Russian President", "president") is None
    True
    >>> titles_conflict("Kremlin spokesman", "spokesman") is None
    True
    >>> titles_conflict("former President", "President") is None, titles_conflict("Police spokesman", "Police Inspector") is None
    (True, True)
    """
    pa, pb = parse_title(a), parse_title(b)
    if not pa.head or not pb.head:
        return None
    qa, qb = pa.qualifiers - TEMPORAL_QUALIFIERS, pb.qualifiers - TEMPORAL_QUALIFIERS
    if pa.head == pb.head:
        if qa != qb:
            return f"{' '.join(sorted(qa) + [pa.head])} is a different office from {' '.join(sorted(qb) + [pb.head])}"
        return None
    last_a, last_b = pa.head.split()[-1], pb.head.split()[-1]
    if {last_a, last_b} & (_GENERIC | FUNCTIONS):
        return None
    if last_a in ROLE_HEADS and last_b in ROLE_HEADS:
        return f"{' '.join(sorted(qa) + [pa.head])} is a different office from {' '.join(sorted(qb) + [pb.head])}"
    return None
