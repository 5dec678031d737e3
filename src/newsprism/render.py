"""Human-readable renderings of stories: Markdown (for files and the terminal) and plain tables.

Every finding is shown with each source's exact words; sources are numbered ``[1]``, ``[2]`` in the
order they were ingested, and summary sentences cite them.
"""

from __future__ import annotations

from collections import defaultdict

from .model import Article, Evidence, FindingLabel
from .prism import StoryView

__all__ = ["LABEL_ORDER", "LABEL_TITLES", "story_markdown"]

LABEL_ORDER = (
    FindingLabel.CONTRADICTED,
    FindingLabel.DISPUTED,
    FindingLabel.UPDATED,
    FindingLabel.AGREEMENT,
    FindingLabel.CORROBORATED,
    FindingLabel.SINGLE_SOURCE,
)
LABEL_TITLES = {
    FindingLabel.CONTRADICTED: "Contradictions",
    FindingLabel.DISPUTED: "Disputed",
    FindingLabel.UPDATED: "Updated figures",
    FindingLabel.AGREEMENT: "Apparent differences that agree",
    FindingLabel.CORROBORATED: "Corroborated",
    FindingLabel.SINGLE_SOURCE: "Reported by one source only",
}


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _source_label(a: Article) -> str:
    return a.source or (a.url or a.origin.rsplit("/", 1)[-1] or a.id)


def _context(view: StoryView, ev: Evidence, width: int = 60) -> str:
    """The words around a highlighted span, for showing a loaded word in its sentence."""
    article = next((a for a in view.articles if a.id == ev.span.doc_id), None)
    if article is None:
        return ev.quote
    start, end = max(0, ev.span.start - width), min(len(article.text), ev.span.end + width)
    return ("\u2026" if start else "") + article.text[start:end].replace("\n", " ") + ("\u2026" if end < len(article.text) else "")


def story_markdown(view: StoryView, max_per_label: int = 12) -> str:
    """The whole story report as Markdown."""
    story, report = view.story, view.report
    number = {a.id: i + 1 for i, a in enumerate(view.articles)}
    by_id = {a.id: a for a in view.articles}
    out = [f"# {story.headline}", "", f"Story `{story.id}` · {len(view.articles)} articles"]
    if story.keywords:
        out.append(f"· keywords: {', '.join(story.keywords)}")
    out += ["", "## Sources", "", "| # | source | lang | published | title |", "|---|---|---|---|---|"]
    for a in view.articles:
        p = a.published
        when = p.value or (f"{p.earliest} – {p.latest}" if p.earliest else "unknown")
        if p.method == "text":
            when += " (inferred)"
        out.append(f"| [{number[a.id]}] | {_md_escape(_source_label(a))} | {a.lang or '?'} | {when} | {_md_escape(a.title or '')} |")

    def cite(ev: Evidence) -> str:
        return f"[{number.get(ev.span.doc_id, '?')}]"

    if report.summary:
        out += ["", "## Summary", ""]
        for s in report.summary:
            cites = "".join(dict.fromkeys(f"[{number.get(c.doc_id, '?')}]" for c in s.citations))
            out.append(f"- {s.text} {cites}")
    if report.provenance or report.links:
        out += ["", "## Provenance", ""]
        for p in report.provenance:
            out.append(f"- Original: [{number.get(p.original_id, '?')}] {_md_escape(_source_label(by_id[p.original_id]))}"
                       f" — {p.reason}" if p.original_id in by_id else f"- Original: {p.original_id} — {p.reason}")
        for link in report.links:
            out.append(f"  - [{number.get(link.article_id, '?')}] is a **{link.kind.value}** of "
                       f"[{number.get(link.target_id, '?')}] ({link.score:.2f}): {link.reason}")
    grouped = defaultdict(list)
    for f in report.findings:
        grouped[f.label].append(f)
    for label in LABEL_ORDER:
        items = grouped.get(label)
        if not items:
            continue
        out += ["", f"## {LABEL_TITLES[label]} ({len(items)})", ""]
        for f in items[:max_per_label]:
            out.append(f"- **{_md_escape(f.subject)}** ({f.kind}) — {_md_escape(f.explanation)}")
            for ev in f.evidence:
                value = f" → {ev.value}" if ev.value and ev.value != ev.quote else ""
                out.append(f"  - {cite(ev)} \u201c{_md_escape(ev.quote)}\u201d{value} "
                           f"(chars {ev.span.start}–{ev.span.end})")
        if len(items) > max_per_label:
            out.append(f"- … and {len(items) - max_per_label} more (see `--json`)")
    if report.timeline:
        out += ["", "## Timeline", ""]
        for ev in report.timeline:
            cites = "".join(dict.fromkeys(cite(e) for e in ev.evidence))
            out.append(f"- **{ev.date}** — {_md_escape(ev.description)} {cites}")
    if report.entities:
        out += ["", "## Entities", "", "| entity | kind | also written | roles | mentions |", "|---|---|---|---|---|"]
        for e in report.entities[:40]:
            aliases = ", ".join(a for a in e.aliases if a != e.name)
            out.append(f"| {_md_escape(e.name)} | {e.kind} | {_md_escape(aliases)} | {_md_escape(', '.join(e.roles))} | {len(e.mentions)} |")
    if report.framing:
        out += ["", "## Framing", ""]
        for fs in sorted(report.framing, key=lambda f: -f.score):
            words = ", ".join(dict.fromkeys(f"\u201c{e.quote}\u201d" for e in fs.loaded)) or "none"
            out.append(f"- [{number.get(fs.article_id, '?')}] {fs.score:.2f} loaded words per 100: {words}")
            for c in fs.contrasts:
                out.append(f"  - \u201c**{_md_escape(c.loaded.quote)}**\u201d in \u201c{_md_escape(_context(view, c.loaded))}\u201d, "
                           f"where {cite(c.neutral)} says \u201c{_md_escape(c.neutral.quote)}\u201d")
    return "\n".join(out) + "\n"
