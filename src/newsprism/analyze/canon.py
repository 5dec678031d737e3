"""Canonical entities across a story's articles.

Mentions from every article are grouped into entities: spelling variants and transliterations ("Peskov",
"Peskow"), surnames alone ("Putin") joined to the full name, definite descriptions ("the Kremlin chief")
resolved to the person whose role they describe, and — for articles in languages without an NER model —
names found through a gazetteer of the names the story's other articles use. Titles and roles are kept
as attributes of each entity.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..model import Analysis, Entity, Mention
from .roles import DEMONYMS as _DEMONYMS

__all__ = ["EntityResolver", "ResolvedEntities"]

# Places that stand for a government ("the Kremlin chief" = Russia's leader).
_METONYMS = {
    "kremlin": "russia", "moscow": "russia", "white house": "united states", "washington": "united states",
    "elysee": "france", "paris": "france", "downing street": "united kingdom", "london": "united kingdom",
    "beijing": "china", "tehran": "iran", "kyiv": "ukraine", "kiev": "ukraine", "ankara": "turkey",
    "berlin": "germany", "kanzleramt": "germany", "pentagon": "united states", "vatican": "vatican",
}
_LEADER_HEADS = {"president", "premier", "prime minister", "chancellor", "king", "queen", "leader", "chief", "boss",
                 "head", "ayatollah", "emir", "sultan", "ruler", "strongman", "dictator"}
_NAME_KINDS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "MISC"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[’']s$", "", text)
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[^\w\s.-]", "", text).strip()


def _same_token(a: str, b: str) -> bool:
    """Spelling variants of one name token (Peskov/Peskow, Dmitry/Dmitri, Selenskyj/Zelensky partially)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a[0] != b[0]:
        return False
    return fuzz.ratio(a, b) >= 80


def _country_of(words: Sequence[str]) -> str | None:
    text = " ".join(words)
    for k, v in _METONYMS.items():
        if re.search(rf"\b{re.escape(k)}\b", text):
            return v
    for w in words:
        if w in _DEMONYMS:
            return _DEMONYMS[w]
    return None


@dataclass
class _Cluster:
    kind: str
    names: Counter = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    roles: Counter = field(default_factory=Counter)

    @property
    def name(self) -> str:
        # The most frequent of the longest spellings: "Dmitry Peskov" over "Peskov".
        longest = max(len(n.split()) for n in self.names)
        return max((n for n in self.names if len(n.split()) == longest), key=lambda n: (self.names[n], n))

    def tokens(self) -> list[str]:
        return _fold(self.name).split()


@dataclass(frozen=True)
class ResolvedEntities:
    """The story's entities and, for each mention span ``(doc_id, start)``, its entity id."""

    entities: tuple[Entity, ...]
    entity_of: dict[tuple[str, int], str]

    def by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}


class EntityResolver:
    """Group a story's mentions into canonical entities.

    >>> from newsprism.model import Article, Analysis, Mention
    >>> a = Article.build(text="Dmitry Peskov said so. Peskow added more.")
    >>> ms = [Mention(a.span(0, 13, "mentions", "PERSON"), "PERSON", "Dmitry Peskov"),
    ...       Mention(a.span(23, 29, "mentions", "PERSON"), "PERSON", "Peskow")]
    >>> res = EntityResolver().resolve([Analysis(a, lang="en", mentions=ms)])
    >>> [(e.name, e.aliases) for e in res.entities]
    [('Dmitry Peskov', ('Dmitry Peskov', 'Peskow'))]
    """

    name = "newsprism.canon.v1"

    def __init__(self, gazetteer_languages: Sequence[str] = ("en", "fr")) -> None:
        # Languages whose articles have NER; the others get gazetteer matches from the story's names.
        self.gazetteer_languages = tuple(gazetteer_languages)

    def resolve(self, analyses: Sequence[Analysis]) -> ResolvedEntities:
        clusters: list[_Cluster] = []
        names = [m for a in analyses for m in a.mentions if m.form == "name" and m.kind in _NAME_KINDS]
        # Longest names first, so surnames alone attach to an existing full name.
        for m in sorted(names, key=lambda m: (-len(_fold(m.text).split()), m.span.doc_id, m.span.start)):
            self._add(clusters, m)
        gazetteer = self._gazetteer_mentions(analyses, clusters)
        for m in gazetteer:
            self._add(clusters, m)
        descriptions = [m for a in analyses for m in a.mentions if m.form == "description"]
        entity_of: dict[tuple[str, int], str] = {}
        ids = [self._entity_id(c) for c in clusters]
        for cid, c in zip(ids, clusters):
            for m in c.mentions:
                entity_of[(m.span.doc_id, m.span.start)] = cid
        by_doc = defaultdict(list)
        for a in analyses:
            by_doc[a.article.id] = a
        for d in descriptions:
            target = self._resolve_description(d, clusters, entity_of, ids)
            if target is not None:
                clusters[target].mentions.append(d)
                entity_of[(d.span.doc_id, d.span.start)] = ids[target]
        entities = []
        for cid, c in zip(ids, clusters):
            aliases = tuple(sorted({m.text for m in c.mentions if m.form == "name"}, key=lambda s: (-len(s), s)))
            aliases = tuple(dict.fromkeys((c.name, *aliases)))
            aliases += tuple(sorted({m.text for m in c.mentions if m.form == "description"}))
            roles = tuple(r for r, _ in c.roles.most_common())
            spans = tuple(sorted((m.span for m in c.mentions), key=lambda s: (s.doc_id, s.start)))
            entities.append(Entity(cid, c.name, c.kind, aliases, roles, spans))
        entities.sort(key=lambda e: (-len(e.mentions), e.name))
        return ResolvedEntities(tuple(entities), entity_of)

    @staticmethod
    def _entity_id(c: _Cluster) -> str:
        return "e" + hashlib.sha1(f"{c.kind}:{_fold(c.name)}".encode()).hexdigest()[:10]

    def _add(self, clusters: list[_Cluster], m: Mention) -> None:
        folded = _fold(m.text)
        toks = folded.split()
        if not toks:
            return
        target = None
        for i, c in enumerate(clusters):
            if not self._compatible(m.kind, c.kind):
                continue
            ctoks = c.tokens()
            if folded in (_fold(n) for n in c.names):
                target = i
                break
            if m.kind == "PERSON" and len(toks) == 1 and _same_token(toks[0], ctoks[-1]):
                target = i
                break
            if len(toks) == len(ctoks) and all(_same_token(a, b) for a, b in zip(toks, ctoks)):
                target = i
                break
            if m.kind == "PERSON" and len(toks) > 1 and len(ctoks) > 1 and toks[0] == ctoks[0] \
                    and _same_token("".join(toks[1:]), "".join(ctoks[1:])):
                target = i  # "Vincent DelGiudice" = "Vincent Del Giudice"
                break
        if target is None:
            clusters.append(_Cluster(m.kind))
            target = len(clusters) - 1
        c = clusters[target]
        c.names[m.text.strip()] += 1
        c.mentions.append(m)
        if m.title:
            c.roles[" ".join(m.title.split())] += 1

    @staticmethod
    def _compatible(a: str, b: str) -> bool:
        if a == b:
            return True
        places = {"GPE", "LOC", "FAC"}
        return a in places and b in places

    def _gazetteer_mentions(self, analyses: Sequence[Analysis], clusters: list[_Cluster]) -> list[Mention]:
        """Find the story's known names in articles whose language has no NER model."""
        targets = [a for a in analyses if (a.lang or "") not in self.gazetteer_languages]
        if not targets or not clusters:
            return []
        variants: dict[str, str] = {}
        for c in clusters:
            for n in c.names:
                for tok in n.split():
                    if len(tok) >= 4 and tok[0].isupper():
                        variants[_fold(tok)] = c.kind
        out = []
        for a in targets:
            text = a.article.text
            for m in re.finditer(r"\b[A-ZÀ-Þ][\w-]+(?:\s+[A-ZÀ-Þ][\w-]+)*", text):
                toks = m.group().split()
                folded = [_fold(t) for t in toks]
                hits = [any(_same_token(f, v) for v in variants) for f in folded]
                if not any(hits):
                    continue
                # Keep the run of matching tokens (drops sentence-initial common nouns).
                first = hits.index(True)
                last = len(hits) - 1 - hits[::-1].index(True)
                start = m.start() + len(" ".join(toks[:first])) + (1 if first else 0)
                end = start + len(" ".join(toks[first : last + 1]))
                kind = next((variants[v] for f in folded for v in variants if _same_token(f, v)), "MISC")
                out.append(Mention(a.article.span(start, end, "mentions", kind), kind, text[start:end]))
        return out

    @staticmethod
    def _resolve_description(d: Mention, clusters: list[_Cluster], entity_of: dict, ids: list[str]) -> int | None:
        words = _fold(d.text).split()
        country = _country_of(words)
        candidates = []
        for i, c in enumerate(clusters):
            if c.kind != "PERSON":
                continue
            in_doc = sum(1 for m in c.mentions if m.span.doc_id == d.span.doc_id)
            if not in_doc:
                continue
            role_words = [w for r in c.roles for w in _fold(r).split()]
            leader = any(h in " ".join(role_words) for h in _LEADER_HEADS)
            role_country = _country_of(role_words)
            if country and role_country == country and leader:
                candidates.append((2, in_doc, i))
            elif leader and not country:
                candidates.append((1, in_doc, i))
        if not candidates:
            return None
        return max(candidates)[2]
