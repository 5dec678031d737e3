"""The data model: every record newsprism produces, in one place.

Everything a stage outputs is a typed, frozen record. Every annotation is a half-open character span into
one immutable text (an :class:`Article`'s clean ``text``), so any finding, link or summary sentence can be
traced back to the exact words that support it.

>>> a = Article.build(text="Putin travels to Iran\\n\\nPutin will fly on Tuesday.", title="Putin travels to Iran")
>>> s = a.span(23, 28, "mentions", "PERSON")
>>> a.quote(s)
'Putin'
>>> from_dict(Span, to_dict(s)) == s
True
"""

from __future__ import annotations

import dataclasses
from datetime import date as _date
import enum
import hashlib
import re
import types
import typing
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from .errors import SpanError

__all__ = [
    "AlignedPair",
    "Analysis",
    "Article",
    "Claim",
    "DateInference",
    "Entity",
    "EntityEdge",
    "Evidence",
    "Finding",
    "FindingLabel",
    "Fingerprint",
    "FramingContrast",
    "FramingScore",
    "IngestReport",
    "Link",
    "LinkKind",
    "Mention",
    "Provenance",
    "Quantity",
    "RawDocument",
    "Rejected",
    "Span",
    "Story",
    "StoryReport",
    "SummarySentence",
    "TimeExpr",
    "TimelineEvent",
    "article_id_for",
    "from_dict",
    "to_dict",
]


# --------------------------------------------------------------------------------------------- spans


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character span ``[start, end)`` into the clean text of article ``doc_id``.

    ``layer`` names the annotation layer (``sentences``, ``mentions``, ``timex``, ``claims``...),
    ``label`` its type within the layer. Create spans through :meth:`Article.span`, which checks bounds.
    """

    doc_id: str
    start: int
    end: int
    layer: str
    label: str = ""

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise SpanError(f"span [{self.start}, {self.end}) of {self.doc_id} is not ordered")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.doc_id == other.doc_id and self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.doc_id == other.doc_id and self.start <= other.start and other.end <= self.end


# ------------------------------------------------------------------------------------- ingestion


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input item before extraction: the bytes or text of a page, a file or a JSONL record.

    ``origin`` says where it came from (``path`` or ``path:line``) so rejections can be reported.
    ``kind`` is the reader's format: ``html``, ``text`` or ``record`` (a JSONL object already split into
    fields). ``meta`` holds metadata the input declared (url, title, published, source, lang, authors, id).
    """

    origin: str
    kind: Literal["html", "text"]
    content: str | bytes
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that did not become an article, with the stage, a stable code and a human reason."""

    origin: str
    stage: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class DateInference:
    """A publication date with how it was found.

    ``value`` is an ISO 8601 date or datetime when one day is known; ``earliest``/``latest`` bound it
    when only a range is known (both equal ``value``'s day when exact). ``method`` is ``metadata``,
    ``text`` or ``none``; ``evidence`` are the spans (and a sentence of reasoning) that fixed it.
    """

    value: str | None = None
    earliest: str | None = None
    latest: str | None = None
    method: Literal["metadata", "text", "none"] = "none"
    reason: str = ""
    evidence: tuple[Span, ...] = ()

    @property
    def day(self) -> str | None:
        """The day the article is filed under: the known day, else the last day of the range.

        >>> DateInference(earliest="2022-07-18", latest="2022-07-19", method="text").day
        '2022-07-19'
        """
        return (self.value or self.latest or "")[:10] or None

    @property
    def width_days(self) -> int | None:
        """Days between the range's ends (0 for one day); ``None`` unless both ends are known."""
        if not (self.earliest and self.latest):
            return None
        return (_date.fromisoformat(self.latest[:10]) - _date.fromisoformat(self.earliest[:10])).days


def _normalize_for_hash(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\W+", " ", text).strip()


def article_id_for(url: str | None, text: str) -> str:
    """A stable article id: a hash of the canonical URL, or of the normalized text without one.

    >>> article_id_for("https://Example.com/a/?utm_source=x#top", "") == article_id_for("https://example.com/a", "")
    True
    """
    if url:
        from .ingest.urls import canonical_url

        key = "url:" + canonical_url(url)
    else:
        key = "text:" + _normalize_for_hash(text)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """One report: its clean text (title first, then the body), metadata and what cleaning removed.

    ``text`` is immutable and every span of every layer points into it. When a title is known, the text
    starts with it and ``body_start`` is where the body begins (after a blank line); ``raw_text`` is the
    text before residue cleaning and ``removed`` holds spans of ``raw_text`` (layer ``removed``, label =
    the reason) for everything cleaning dropped.
    """

    id: str
    text: str
    title: str | None = None
    body_start: int = 0
    url: str | None = None
    source: str | None = None
    lang: str | None = None
    authors: tuple[str, ...] = ()
    published: DateInference = DateInference()
    updated: str | None = None
    origin: str = ""
    external_id: str | None = None
    content_hash: str = ""
    raw_text: str = ""
    removed: tuple[Span, ...] = ()

    @classmethod
    def build(
        cls,
        *,
        text: str,
        title: str | None = None,
        url: str | None = None,
        **fields: Any,
    ) -> Article:
        """Assemble an article from a title and a clean body, computing id, offsets and hash."""
        body = text.strip()
        title = (title or "").strip() or None
        full, body_start = (f"{title}\n\n{body}", len(title) + 2) if title else (body, 0)
        content_hash = hashlib.sha1(_normalize_for_hash(full).encode("utf-8")).hexdigest()[:16]
        aid = fields.pop("id", None) or article_id_for(url, full)
        return cls(id=aid, text=full, title=title, body_start=body_start, url=url, content_hash=content_hash, **fields)

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    def span(self, start: int, end: int, layer: str, label: str = "") -> Span:
        """A span into this article's text; raises :class:`SpanError` when out of bounds."""
        if not (0 <= start <= end <= len(self.text)):
            raise SpanError(f"span [{start}, {end}) is outside article {self.id} of length {len(self.text)}")
        return Span(self.id, start, end, layer, label)

    def quote(self, span: Span) -> str:
        """The exact words of ``span`` (which must point into this article)."""
        if span.doc_id != self.id:
            raise SpanError(f"span of {span.doc_id} quoted against article {self.id}")
        return self.text[span.start : span.end]


# -------------------------------------------------------------------------------------- analysis


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention. ``title`` is a role or title written next to it ("US President").

    ``form`` is ``name`` for proper names ("Dmitry Peskov") and ``description`` for definite
    descriptions that stand for a named entity ("the Kremlin chief"), resolved at story level.
    """

    span: Span
    kind: str
    text: str
    title: str | None = None
    title_span: Span | None = None
    form: Literal["name", "description"] = "name"


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression with its TIMEX3 type and normalized value (``2022-07-19``, ``P5M``, ``PAST_REF``).

    ``anchor`` says what the value was resolved against: ``absolute`` (written in full), ``publication``
    (the article's date) or ``none`` (could not be resolved; ``value`` is then ``""`` or partial like
    ``XXXX-07-19``). For durations used as "ago" offsets, ``refers_to`` holds the resolved date.
    """

    span: Span
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    text: str
    anchor: Literal["absolute", "publication", "none"] = "absolute"
    refers_to: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in the text, normalized: ``value`` (low end of a range), ``high``, ``unit`` and the
    ``noun`` it counts. ``approximate`` is set for words like "about", "hundreds", "several"."""

    span: Span
    value: float
    text: str
    high: float | None = None
    unit: str | None = None
    noun: str | None = None
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement: an attributed statement, or a sentence stating a fact or an event.

    ``speaker`` is the canonical name when attributed; ``polarity`` is ``asserted`` or ``denied``.
    ``values`` are the spans of the quantities, dates and titles it contains.
    """

    span: Span
    kind: Literal["statement", "fact", "event"]
    text: str
    speaker: str | None = None
    speaker_span: Span | None = None
    predicate: str | None = None
    polarity: Literal["asserted", "denied"] = "asserted"
    values: tuple[Span, ...] = ()


@dataclass(slots=True)
class Analysis:
    """All annotation layers of one article, in the spirit of a spaCy ``Doc``.

    Each analysis stage declares which layers it ``requires`` and ``produces``; only its ``annotate``
    writes them. Layers: ``sentences`` (no overlaps), ``mentions`` (no overlaps), ``timex``,
    ``quantities``, ``claims`` and ``framing`` (may overlap). ``published`` is the publication date
    (from metadata, else inferred from the text by the time stage).
    """

    article: Article
    lang: str | None = None
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timex: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    framing: list[Span] = field(default_factory=list)
    published: DateInference = DateInference()

    LAYERS: typing.ClassVar[tuple[str, ...]] = (
        "lang",
        "sentences",
        "mentions",
        "timex",
        "quantities",
        "claims",
        "framing",
        "published",
    )

    def sentence_of(self, span: Span) -> Span | None:
        """The sentence that contains the start of ``span``."""
        for s in self.sentences:
            if s.start <= span.start < s.end:
                return s
        return None


# ----------------------------------------------------------------------------------- fingerprint


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Compact signatures of an article for fast candidate retrieval.

    ``minhash`` is the MinHash signature (``num_perm`` unsigned 64-bit values, ``uint64``) of its shingles;
    ``embedding`` the L2-normalized multilingual embedding of title + lead, when computed; ``terms`` its
    most weighted content terms for story clustering, typed by prefix (``e:`` a word of a name, ``n:`` a
    number, ``t:`` a date, ``w:`` a content word), most weighted first, and ``weights`` their weighted
    counts (same order; empty when unknown, e.g. for fingerprints read back from the store).
    """

    article_id: str
    minhash: np.ndarray
    embedding: np.ndarray | None = None
    terms: tuple[str, ...] = ()
    weights: tuple[float, ...] = ()


# ------------------------------------------------------------------------------------ provenance


class LinkKind(str, enum.Enum):
    DUPLICATE = "duplicate"
    REWRITE = "rewrite"
    TRANSLATION = "translation"


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """Two sentences judged to say the same thing: ``a`` in the copy, ``b`` in its source."""

    a: Span
    b: Span
    score: float


@dataclass(frozen=True, slots=True)
class Link:
    """``article_id`` is a duplicate / rewrite / translation of ``target_id`` (its source).

    ``reason`` explains the decision in words; ``evidence`` holds the aligned sentence pairs (``a`` in the
    copy, ``b`` in the source); ``direction`` says why ``target_id`` is taken for the source (dates, or what
    the copy adds to it), empty when unknown.
    """

    article_id: str
    target_id: str
    kind: LinkKind
    score: float
    reason: str
    evidence: tuple[AlignedPair, ...] = ()
    direction: str = ""


@dataclass(frozen=True, slots=True)
class Provenance:
    """A group of linked articles and its likely original, with the reason it was chosen."""

    original_id: str
    member_ids: tuple[str, ...]
    reason: str


# -------------------------------------------------------------------------------------- stories


@dataclass(frozen=True, slots=True)
class Story:
    """A set of articles about one event, with its most representative title and keywords."""

    id: str
    headline: str
    article_ids: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    first_published: str | None = None
    last_updated: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity across a story's articles, with every spelling and role seen."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityEdge:
    """Two entities mentioned together; ``evidence`` are the sentences where they co-occur."""

    a: str
    b: str
    weight: int
    evidence: tuple[Span, ...] = ()


class FindingLabel(str, enum.Enum):
    CORROBORATED = "corroborated"
    SINGLE_SOURCE = "single-source"
    CONTRADICTED = "contradicted"
    DISPUTED = "disputed"
    UPDATED = "updated"
    AGREEMENT = "agreement"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One source's side of a finding: the span, its exact words and the value read from them."""

    span: Span
    quote: str
    value: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """What the sources say about one thing, labelled and explained, with every source's words.

    ``kind`` is what is compared (``number``, ``date``, ``title``, ``place``, ``speaker``, ``polarity``,
    ``claim``); ``subject`` names the thing ("Joe Biden's title", "drones"); ``explanation`` says in
    words what differs or why apparent differences agree.
    """

    kind: str
    label: FindingLabel
    subject: str
    explanation: str
    evidence: tuple[Evidence, ...]
    independent_sources: int = 0
    score: float | None = None  # how surely the cited values fill one slot (value findings), in [0, 1]


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    citations: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated event of the story (a TIMEX3 date value) with the sentences of each source telling it."""

    date: str
    description: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class FramingContrast:
    """A loaded word set against the neutral wording another source uses for the same claim."""

    loaded: Evidence
    neutral: Evidence


@dataclass(frozen=True, slots=True)
class FramingScore:
    """How loaded one article's wording is: loaded words per 100 words, and the words themselves.

    ``contrasts`` pair loaded words with the same claim as another source words it without them.
    """

    article_id: str
    source: str | None
    score: float
    loaded: tuple[Evidence, ...] = ()
    contrasts: tuple[FramingContrast, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryReport:
    """Everything the story-level stages computed for one story, recomputed when the story changes."""

    story_id: str
    entities: tuple[Entity, ...] = ()
    findings: tuple[Finding, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    provenance: tuple[Provenance, ...] = ()
    links: tuple[Link, ...] = ()
    graph: tuple[EntityEdge, ...] = ()
    framing: tuple[FramingScore, ...] = ()


@dataclass(slots=True)
class IngestReport:
    """Counts of one ingest run; ``read == accepted + duplicates + rejected`` always holds."""

    read: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    story_ids: list[str] = field(default_factory=list)

    @property
    def consistent(self) -> bool:
        return self.read == self.accepted + self.duplicates + len(self.rejected)


# --------------------------------------------------------------------------------- serialization


def to_dict(obj: Any) -> Any:
    """Turn model records (dataclasses, enums, tuples) into JSON-ready values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, Mapping):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        (inner, *_rest) = typing.get_args(tp)
        return tuple(_convert(inner, v) for v in value)
    if origin is list:
        (inner,) = typing.get_args(tp)
        return [_convert(inner, v) for v in value]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(value)
    return value


def from_dict(cls: type, data: Mapping[str, Any], **given: Any) -> Any:
    """Rebuild a model record from :func:`to_dict` output (unknown keys are ignored).

    Fields passed in ``given`` are used as they are (e.g. the :class:`Article` of an :class:`Analysis`).
    """
    hints = _hints(cls)
    kwargs = dict(given)
    for f in dataclasses.fields(cls):
        if f.name in data and f.init and f.name not in given:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)
