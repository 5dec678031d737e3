"""What the web pages show, computed from the service layer's records: pure functions, no I/O.

The templates only loop and print. Everything that needs thought — numbering sources, cutting a text
into pieces at every highlighted span, finding the sentence around a quote, laying out the provenance
graph — happens here, so it is tested without a browser. Article text is never turned into markup here:
a :class:`Segment` carries plain text, and the templates escape it.

>>> [(s.text, s.cls) for s in segments("Joe Biden, US President", [Mark(11, 23, "ev")])]
[('Joe Biden, ', ''), ('US President', 'ev')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..model import Analysis, Article, Evidence, Finding, FindingLabel, Span, StoryReport
from ..prism import ArticleView, StoryView
from ..render import LABEL_ORDER, LABEL_TITLES
from ..store.repository import SearchHit, StorySummary

__all__ = [
    "ArticlePage",
    "Endpoint",
    "FindingGroup",
    "FindingView",
    "GraphView",
    "Mark",
    "QuoteView",
    "Segment",
    "SourceView",
    "StoryPage",
    "StoryRow",
    "article_page",
    "endpoints",
    "hit_segments",
    "safe_url",
    "segments",
    "source_label",
    "story_page",
    "story_rows",
]

_OPEN_LABELS = {FindingLabel.CONTRADICTED, FindingLabel.DISPUTED, FindingLabel.UPDATED, FindingLabel.AGREEMENT}
_CONFLICT_LABELS = {FindingLabel.CONTRADICTED, FindingLabel.DISPUTED}
# Characters of context shown around a quote when its article has no sentence layer.
_CONTEXT_CHARS = 100


# ------------------------------------------------------------------------------------ text pieces


@dataclass(frozen=True)
class Mark:
    """A highlighted span of one text: CSS classes, a tooltip and an optional anchor id."""

    start: int
    end: int
    cls: str
    title: str = ""
    anchor: str = ""


@dataclass(frozen=True)
class Segment:
    """A piece of text with the classes and tooltips of every mark that covers it.

    ``anchors`` are the ids of marks that start here, so a link can jump to them.
    """

    text: str
    cls: str = ""
    title: str = ""
    anchors: tuple[str, ...] = ()


def segments(text: str, marks: Iterable[Mark], start: int = 0, end: int | None = None) -> list[Segment]:
    """Cut ``text[start:end]`` at every boundary of ``marks`` (which may overlap or nest).

    Args:
        text: an article's text (or a passage of it).
        marks: spans to highlight, in ``text``'s offsets; those outside ``[start, end)`` are ignored.
        start: where the piece to cut begins.
        end: where it ends (default: the end of ``text``).

    Returns:
        Consecutive segments whose texts join to exactly ``text[start:end]``.

    >>> [(s.text, s.cls) for s in segments("abcdef", [Mark(1, 4, "a"), Mark(2, 6, "b")])]
    [('a', ''), ('b', 'a'), ('cd', 'a b'), ('ef', 'b')]
    """
    end = len(text) if end is None else end
    inside = [m for m in marks if m.start < m.end and m.end > start and m.start < end]
    cuts = sorted({start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in inside if m.start <= a and m.end >= b]
        classes = " ".join(dict.fromkeys(c for m in covering for c in m.cls.split()))
        titles = " · ".join(dict.fromkeys(m.title for m in covering if m.title))
        anchors = tuple(m.anchor for m in covering if m.anchor and m.start == a)
        out.append(Segment(text[a:b], classes, titles, anchors))
    return out


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL, else ``None``: article metadata never becomes a ``javascript:`` link.

    >>> (safe_url("https://example.com/a"), safe_url("javascript:alert(1)"), safe_url(" JAVASCRIPT:x"))
    ('https://example.com/a', None, None)
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def source_label(article: Article) -> str:
    """The outlet's name, else the URL's host, else the input file's name, else the article id."""
    if article.source:
        return article.source
    if article.url:
        host = urlsplit(article.url).netloc
        if host:
            return host.removeprefix("www.")
    name = article.origin.rsplit("/", 1)[-1]
    return name or article.id


def _published(article: Article) -> tuple[str, bool]:
    p = article.published
    when = p.value or (f"{p.earliest} – {p.latest}" if p.earliest and p.latest and p.earliest != p.latest else p.earliest)
    return (when or "date unknown"), p.method == "text"


# ------------------------------------------------------------------------------------- story list


@dataclass(frozen=True)
class StoryRow:
    """One story in the list."""

    id: str
    headline: str
    articles: int
    sources: int
    source_names: tuple[str, ...]
    languages: tuple[str, ...]
    conflicts: int | None
    findings: int | None
    period: str
    updated: str


def _period(first: str | None, last: str | None) -> str:
    if first and last and first != last:
        return f"{first} – {last}"
    return first or last or ""


def story_rows(summaries: Iterable[StorySummary]) -> list[StoryRow]:
    """The story list's rows."""
    rows = []
    for s in summaries:
        rows.append(StoryRow(
            id=s.id,
            headline=s.headline,
            articles=s.article_count,
            sources=s.source_count,
            source_names=s.sources,
            languages=s.languages,
            conflicts=s.conflicts,
            findings=sum(s.findings.values()) if s.conflicts is not None else None,
            period=_period(s.first_published, s.last_published),
            updated=(s.last_updated or "")[:16].replace("T", " "),
        ))
    return rows


# ------------------------------------------------------------------------------------- story page


@dataclass(frozen=True)
class SourceView:
    """One article of the story, numbered as the page cites it."""

    number: int
    article_id: str
    label: str
    title: str
    lang: str
    published: str
    inferred: bool
    url: str | None
    framing: float | None
    loaded: tuple[str, ...] = ()
    contrasts: tuple[tuple[str, str, int | None], ...] = ()
    segments: tuple[Segment, ...] = ()
    shown: bool = False


@dataclass(frozen=True)
class QuoteView:
    """One source's words for a finding, inside the sentence that holds them."""

    number: int | None
    label: str
    article_id: str
    before: str
    quote: str
    after: str
    value: str | None
    anchor: str


@dataclass(frozen=True)
class FindingView:
    index: int
    kind: str
    label: str
    subject: str
    explanation: str
    independent_sources: int
    quotes: tuple[QuoteView, ...]


@dataclass(frozen=True)
class FindingGroup:
    label: str
    title: str
    total: int
    findings: tuple[FindingView, ...]
    open: bool


@dataclass(frozen=True)
class GraphNode:
    x: float
    y: float
    number: int
    label: str
    original: bool

    @property
    def short(self) -> str:
        """The label cut to fit under the node."""
        return self.label if len(self.label) <= 11 else self.label[:10] + "…"


@dataclass(frozen=True)
class GraphEdge:
    path: str
    kind: str
    title: str


@dataclass(frozen=True)
class GraphView:
    """An arc diagram of provenance links: sources on a line in order, an arc from each copy to its
    original, the arrow on the original's side."""

    width: int
    height: int
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]


@dataclass(frozen=True)
class LinkView:
    copy: int | None
    copy_label: str
    original: int | None
    original_label: str
    kind: str
    score: float
    reason: str
    pairs: tuple[tuple[str, str, float], ...]
    direction: str = ""


@dataclass(frozen=True)
class OriginView:
    number: int | None
    label: str
    reason: str
    members: tuple[int | None, ...]


@dataclass(frozen=True)
class Cite:
    number: int | None
    label: str
    anchor: str


@dataclass(frozen=True)
class TimelineView:
    date: str
    description: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class SummaryView:
    text: str
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class EntityView:
    name: str
    kind: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: int
    sources: tuple[int, ...]


@dataclass(frozen=True)
class StoryPage:
    """Everything the story page shows."""

    id: str
    headline: str
    keywords: tuple[str, ...]
    period: str
    updated: str
    languages: tuple[str, ...]
    sources: tuple[SourceView, ...]
    columns: tuple[SourceView, ...]
    hidden_columns: int
    summary: tuple[SummaryView, ...]
    groups: tuple[FindingGroup, ...]
    conflicts: int
    origins: tuple[OriginView, ...]
    links: tuple[LinkView, ...]
    graph: GraphView | None
    timeline: tuple[TimelineView, ...]
    entities: tuple[EntityView, ...]
    counts: dict[str, int] = field(default_factory=dict)


class _Numbering:
    """Sources numbered [1], [2]... in ingest order, as every citation on the page refers to them."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.number = {a.id: i + 1 for i, a in enumerate(articles)}
        self.article = {a.id: a for a in articles}

    def label(self, article_id: str) -> str:
        a = self.article.get(article_id)
        return source_label(a) if a else article_id

    def explain(self, text: str) -> str:
        """``text`` with article ids replaced by the page's source numbers (``[2]``)."""
        for aid, n in self.number.items():
            if aid in text:
                text = text.replace(aid, f"[{n}]")
        return text

    def cite(self, span: Span) -> Cite:
        return Cite(self.number.get(span.doc_id), self.label(span.doc_id), f"src-{self.number.get(span.doc_id, 0)}")


def _context(article: Article, analysis: Analysis | None, span: Span) -> tuple[int, int]:
    """The sentence(s) around ``span``, else about a line of text on each side."""
    if analysis is not None and analysis.sentences:
        first = analysis.sentence_of(span)
        last = analysis.sentence_of(Span(span.doc_id, max(span.start, span.end - 1), span.end, span.layer))
        if first is not None:
            return first.start, max(first.end, last.end if last else first.end, span.end)
    start = max(0, span.start - _CONTEXT_CHARS)
    end = min(len(article.text), span.end + _CONTEXT_CHARS)
    if start > 0:
        space = article.text.find(" ", start, span.start)
        start = space + 1 if space != -1 else span.start
    if end < len(article.text):
        space = article.text.rfind(" ", span.end, end)
        end = space if space != -1 else end
    return start, end


def _quote(ev: Evidence, anchor: str, nums: _Numbering, analyses: Mapping[str, Analysis]) -> QuoteView:
    article = nums.article.get(ev.span.doc_id)
    number = nums.number.get(ev.span.doc_id)
    label = ev.source or nums.label(ev.span.doc_id)
    if article is None or ev.span.end > len(article.text):
        return QuoteView(number, label, ev.span.doc_id, "", ev.quote, "", ev.value, anchor)
    start, end = _context(article, analyses.get(article.id), ev.span)
    text = article.text
    value = ev.value if ev.value and ev.value != ev.quote else None
    return QuoteView(number, label, article.id, text[start:ev.span.start].lstrip(), text[ev.span.start:ev.span.end],
                     text[ev.span.end:end].rstrip(), value, anchor)


def _finding_label(f: Finding) -> FindingLabel:
    return f.label if isinstance(f.label, FindingLabel) else FindingLabel(f.label)


def _groups(report: StoryReport, nums: _Numbering, analyses: Mapping[str, Analysis], max_per_label: int) -> list[FindingGroup]:
    by_label: dict[FindingLabel, list[FindingView]] = {}
    totals: dict[FindingLabel, int] = {}
    for i, f in enumerate(report.findings):
        label = _finding_label(f)
        totals[label] = totals.get(label, 0) + 1
        if totals[label] > max_per_label:
            continue
        quotes = tuple(_quote(ev, f"ev-{i}-{j}", nums, analyses) for j, ev in enumerate(f.evidence))
        by_label.setdefault(label, []).append(
            FindingView(i, f.kind, label.value, f.subject, nums.explain(f.explanation), f.independent_sources, quotes)
        )
    order = list(LABEL_ORDER) + [lb for lb in by_label if lb not in LABEL_ORDER]
    return [
        FindingGroup(lb.value, LABEL_TITLES.get(lb, lb.value.title()), totals[lb], tuple(by_label[lb]), lb in _OPEN_LABELS)
        for lb in order if lb in by_label
    ]


def _source_marks(article: Article, analysis: Analysis | None, report: StoryReport) -> list[Mark]:
    marks = []
    if article.title and article.body_start:
        marks.append(Mark(0, len(article.title), "headline"))
    if analysis is not None:
        for c in analysis.claims:
            who = f" · said by {c.speaker}" if c.speaker else ""
            denied = " · denied" if c.polarity == "denied" else ""
            marks.append(Mark(c.span.start, c.span.end, f"claim claim-{c.kind}", f"claim ({c.kind}){who}{denied}"))
        for s in analysis.framing:
            marks.append(Mark(s.start, s.end, "loaded", f"loaded word ({s.label})" if s.label else "loaded word"))
    for i, f in enumerate(report.findings):
        label = _finding_label(f)
        for j, ev in enumerate(f.evidence):
            if ev.span.doc_id == article.id and ev.span.end <= len(article.text):
                marks.append(Mark(ev.span.start, ev.span.end, f"ev ev-{label.value}",
                                  f"{LABEL_TITLES.get(label, label.value)}: {f.subject}", f"ev-{i}-{j}"))
    return marks


def _columns(view: StoryView, nums: _Numbering, max_columns: int) -> list[str]:
    """Which articles appear side by side: those in conflicts first, then in order, at most ``max_columns``."""
    chosen: dict[str, None] = {}
    for f in view.report.findings:
        if _finding_label(f) in _CONFLICT_LABELS:
            for ev in f.evidence:
                if ev.span.doc_id in nums.number:
                    chosen[ev.span.doc_id] = None
    for a in view.articles:
        chosen[a.id] = None
    return sorted(list(chosen)[:max_columns], key=lambda aid: nums.number[aid])


def _graph(view: StoryView, nums: _Numbering, max_nodes: int = 40) -> GraphView | None:
    links = [lk for lk in view.report.links if lk.article_id in nums.number and lk.target_id in nums.number]
    if not links:
        return None
    involved = sorted({nums.number[lk.article_id] for lk in links} | {nums.number[lk.target_id] for lk in links})[:max_nodes]
    step, margin, radius = 84, 40, 13

    def lift(distance: float) -> float:  # farther pairs arc higher, so arcs nest instead of overlapping
        return min(160.0, 18 + 0.45 * distance)

    top = lift(step * (len(involved) - 1))
    height = int(top + 2 * radius + 44)  # arcs above, the node, its label below
    base = height - radius - 24
    x_of = {n: margin + i * step for i, n in enumerate(involved)}
    originals = {nums.number.get(p.original_id) for p in view.report.provenance}
    nodes = tuple(
        GraphNode(x_of[n], base, n, nums.label(view.articles[n - 1].id), n in originals) for n in involved
    )
    edges = []
    y = base - radius - 1
    for lk in links:
        a, b = nums.number[lk.article_id], nums.number[lk.target_id]
        if a not in x_of or b not in x_of:
            continue
        x1, x2 = x_of[a], x_of[b]
        # A quadratic curve peaks halfway to its control point: put the control point twice as high.
        path = f"M {x1} {y} Q {(x1 + x2) / 2:.1f} {y - 2 * lift(abs(x2 - x1)):.1f} {x2} {y}"
        kind = lk.kind.value if hasattr(lk.kind, "value") else str(lk.kind)
        edges.append(GraphEdge(path, kind, f"[{a}] is a {kind} of [{b}] ({lk.score:.2f})"))
    width = 2 * margin + step * (len(involved) - 1)
    return GraphView(max(width, 160), height, nodes, tuple(edges))


def story_page(
    view: StoryView, analyses: Mapping[str, Analysis], max_columns: int = 12, max_per_label: int = 100
) -> StoryPage:
    """The story page: numbered sources, findings grouped by label with every quote in its sentence,
    the sources side by side with claims, loaded words and findings marked, provenance, timeline, entities.

    Args:
        view: the story, its articles and report (:meth:`Prism.story`).
        analyses: the articles' annotation layers by article id (:meth:`Prism.analyses`).
        max_columns: most articles shown side by side (the rest are listed and linked).
        max_per_label: most findings listed per label (the JSON API has them all).
    """
    report = view.report
    nums = _Numbering(view.articles)
    framing = {fs.article_id: fs for fs in report.framing}
    shown = set(_columns(view, nums, max_columns))
    sources = []
    for a in view.articles:
        when, inferred = _published(a)
        fs = framing.get(a.id)
        contrasts = tuple(
            (c.loaded.quote, c.neutral.quote, nums.number.get(c.neutral.span.doc_id))
            for c in getattr(fs, "contrasts", ()) or ()
        )
        sources.append(SourceView(
            number=nums.number[a.id],
            article_id=a.id,
            label=source_label(a),
            title=a.title or "",
            lang=a.lang or "?",
            published=when,
            inferred=inferred,
            url=safe_url(a.url),
            framing=fs.score if fs else None,
            loaded=tuple(dict.fromkeys(e.quote for e in fs.loaded)) if fs else (),
            contrasts=contrasts,
            segments=tuple(segments(a.text, _source_marks(a, analyses.get(a.id), report))) if a.id in shown else (),
            shown=a.id in shown,
        ))
    groups = _groups(report, nums, analyses, max_per_label)
    counts = {g.label: g.total for g in groups}
    origins = tuple(
        OriginView(nums.number.get(p.original_id), nums.label(p.original_id), nums.explain(p.reason),
                   tuple(nums.number.get(m) for m in p.member_ids))
        for p in report.provenance
    )
    links = []
    for lk in report.links:
        pairs = []
        for pair in lk.evidence:
            a_art, b_art = nums.article.get(pair.a.doc_id), nums.article.get(pair.b.doc_id)
            if a_art and b_art:
                pairs.append((a_art.quote(pair.a), b_art.quote(pair.b), pair.score))
        links.append(LinkView(
            nums.number.get(lk.article_id), nums.label(lk.article_id), nums.number.get(lk.target_id),
            nums.label(lk.target_id), lk.kind.value if hasattr(lk.kind, "value") else str(lk.kind), lk.score,
            nums.explain(lk.reason), tuple(pairs),
            # Why the target is taken for the source; a field that newer models add.
            nums.explain(getattr(lk, "direction", "") or ""),
        ))
    timeline = tuple(
        TimelineView(ev.date, ev.description, tuple(dict.fromkeys(nums.cite(e.span) for e in ev.evidence)))
        for ev in sorted(report.timeline, key=lambda e: e.date)
    )
    summary = tuple(
        SummaryView(s.text, tuple(dict.fromkeys(nums.cite(c) for c in s.citations))) for s in report.summary
    )
    entities = tuple(
        EntityView(e.name, e.kind, tuple(x for x in e.aliases if x != e.name), e.roles, len(e.mentions),
                   tuple(sorted({nums.number[m.doc_id] for m in e.mentions if m.doc_id in nums.number})))
        for e in sorted(report.entities, key=lambda e: (-len(e.mentions), e.name))
    )
    story = view.story
    days = sorted(a.published.value[:10] for a in view.articles if a.published.value)
    return StoryPage(
        id=story.id,
        headline=story.headline,
        keywords=story.keywords,
        period=_period(days[0] if days else None, days[-1] if days else None),
        updated=(story.last_updated or "")[:16].replace("T", " "),
        languages=tuple(dict.fromkeys(a.lang for a in view.articles if a.lang)),
        sources=tuple(sources),
        columns=tuple(s for s in sources if s.shown),
        hidden_columns=sum(1 for s in sources if not s.shown),
        summary=summary,
        groups=tuple(groups),
        conflicts=sum(counts.get(lb.value, 0) for lb in _CONFLICT_LABELS),
        origins=origins,
        links=tuple(links),
        graph=_graph(view, nums),
        timeline=timeline,
        entities=entities,
        counts=counts,
    )


# ----------------------------------------------------------------------------------- article page

_LAYER_TITLES = {
    "mentions": "Entities",
    "timex": "Dates and times",
    "quantities": "Numbers",
    "claims": "Claims",
    "framing": "Loaded words",
}


@dataclass(frozen=True)
class ArticlePage:
    """One article with its annotation layers marked in the text."""

    article_id: str
    story_id: str | None
    label: str
    title: str
    lang: str
    published: str
    inferred: bool
    published_reason: str
    url: str | None
    authors: tuple[str, ...]
    layers: tuple[tuple[str, str, int], ...]
    segments: tuple[Segment, ...]
    removed: tuple[tuple[str, str], ...]


def _article_marks(analysis: Analysis) -> list[Mark]:
    marks = []
    for m in analysis.mentions:
        title = f"{m.kind}" + (f" · {m.title}" if m.title else "")
        marks.append(Mark(m.span.start, m.span.end, f"layer-mentions kind-{m.kind.lower()}", title))
    for t in analysis.timex:
        resolved = t.value or "unresolved"
        marks.append(Mark(t.span.start, t.span.end, "layer-timex", f"{t.type} {resolved}" + (f" → {t.refers_to}" if t.refers_to else "")))
    for q in analysis.quantities:
        unit = f" {q.unit}" if q.unit else ""
        noun = f" {q.noun}" if q.noun else ""
        marks.append(Mark(q.span.start, q.span.end, "layer-quantities", f"{q.value:g}{unit}{noun}" + (" (approx.)" if q.approximate else "")))
    for c in analysis.claims:
        marks.append(Mark(c.span.start, c.span.end, "layer-claims", f"claim ({c.kind})" + (f" · {c.speaker}" if c.speaker else "")))
    for s in analysis.framing:
        marks.append(Mark(s.start, s.end, "layer-framing", f"loaded word ({s.label})" if s.label else "loaded word"))
    return marks


def article_page(view: ArticleView) -> ArticlePage:
    """The article page: metadata, every layer marked in the clean text, and what cleaning removed."""
    a, analysis = view.article, view.analysis
    when, inferred = _published(a)
    counts = tuple(
        (name, title, len(getattr(analysis, name))) for name, title in _LAYER_TITLES.items()
    )
    removed = tuple((s.label or "removed", a.raw_text[s.start:s.end]) for s in a.removed if s.end <= len(a.raw_text))
    return ArticlePage(
        article_id=a.id,
        story_id=view.story_id,
        label=source_label(a),
        title=a.title or "",
        lang=analysis.lang or a.lang or "?",
        published=when,
        inferred=inferred,
        published_reason=a.published.reason,
        url=safe_url(a.url),
        authors=a.authors,
        layers=counts,
        segments=tuple(segments(a.text, _article_marks(analysis))),
        removed=removed,
    )


def hit_segments(hit: SearchHit) -> list[Segment]:
    """A search hit's snippet cut at its matches (offsets are the article's; the snippet is a slice of it)."""
    base = hit.snippet.span.start
    marks = [Mark(m.start - base, m.end - base, "match") for m in hit.matches]
    return segments(hit.snippet.quote, marks)


# ------------------------------------------------------------------------------------- API reference


@dataclass(frozen=True)
class Endpoint:
    """One operation of the OpenAPI document, flattened for the reference page."""

    method: str
    path: str
    summary: str
    description: str
    params: tuple[tuple[str, str, bool, str, str], ...]
    body: str | None
    responses: tuple[tuple[str, str, str], ...]
    secured: bool


def _schema_name(schema: Mapping[str, object] | None) -> str:
    if not schema:
        return ""
    ref = schema.get("$ref")
    if isinstance(ref, str):
        return ref.rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        items = schema.get("items")
        return f"list of {_schema_name(items if isinstance(items, Mapping) else None)}"
    kinds = [_schema_name(s) for s in schema.get("anyOf", ()) if isinstance(s, Mapping)]  # type: ignore[union-attr]
    if kinds:
        return " or ".join(k for k in kinds if k)
    return str(schema.get("type", ""))


def endpoints(spec: Mapping[str, object]) -> list[Endpoint]:
    """Every operation of an OpenAPI document, in document order."""
    out = []
    paths = spec.get("paths", {})
    assert isinstance(paths, Mapping)
    for path, operations in paths.items():
        for method, op in operations.items():
            params = tuple(
                (p["name"], p["in"], bool(p.get("required")), _schema_name(p.get("schema")), p.get("description", ""))
                for p in op.get("parameters", ())
            )
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            responses = tuple(
                (code, r.get("description", ""), _schema_name(r.get("content", {}).get("application/json", {}).get("schema")))
                for code, r in op.get("responses", {}).items()
            )
            out.append(Endpoint(method.upper(), path, op.get("summary", ""), op.get("description", ""), params,
                                _schema_name(body) if body else None, responses, bool(op.get("security"))))
    return out
