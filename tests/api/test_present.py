"""The page models: text cut at overlapping spans, quotes in their sentences, provenance graph, safe links."""

from __future__ import annotations

from newsprism.api import present
from newsprism.api.present import Mark, segments
from newsprism.model import (
    AlignedPair,
    Analysis,
    Article,
    Evidence,
    Finding,
    FindingLabel,
    Link,
    LinkKind,
    Provenance,
    Story,
    StoryReport,
    TimelineEvent,
)
from newsprism.prism import StoryView


def test_segments_cover_the_text_exactly_once_with_nested_and_overlapping_marks():
    text = "Joe Biden, the US Vice President, met Putin."
    marks = [Mark(0, 9, "person"), Mark(15, 32, "ev", "title", "ev-0-1"), Mark(11, 33, "claim"), Mark(38, 43, "person")]
    segs = segments(text, marks)
    assert "".join(s.text for s in segs) == text
    by_text = {s.text: s for s in segs}
    assert set(by_text["US Vice President"].cls.split()) == {"claim", "ev"} and by_text["US Vice President"].anchors == ("ev-0-1",)
    assert by_text["Putin"].cls == "person"
    assert segments(text, [Mark(5, 5, "empty"), Mark(40, 99, "past-end")])[-1].text == "tin."
    assert segments("abc", [], 1, 2) == [present.Segment("b")]


def test_segments_keep_markup_as_text():
    (seg,) = segments("<b>bold</b>", [Mark(0, 11, "x", title='" onmouseover="alert(1)')])
    assert seg.text == "<b>bold</b>" and seg.title == '" onmouseover="alert(1)'  # the template escapes both


def test_safe_url_only_allows_http():
    assert present.safe_url("https://a.example/x?y=1") == "https://a.example/x?y=1"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.example", "http://", "", None):
        assert present.safe_url(bad) is None


def _story() -> tuple[StoryView, dict[str, Analysis]]:
    a = Article.build(text="Joe Biden, the US President, spoke. Ten people were hurt.", title="Biden speaks",
                      source="one.example", lang="en", origin="/data/one.html")
    b = Article.build(text="US Vice President Joe Biden spoke on Monday. Twelve people were hurt.", title="Biden in Iran",
                      url="https://www.two.example/a", lang="en")
    c = Article.build(text="Joe Biden spoke. Ten people were hurt, officials said.", title="Copy", lang="en")

    def ev(article, quote):
        start = article.text.index(quote)
        return Evidence(article.span(start, start + len(quote), "claims"), quote)

    findings = (
        Finding("title", FindingLabel.CONTRADICTED, "Joe Biden's title",
                f"{a.id} calls Joe Biden “US President”, {b.id} “US Vice President”",
                (ev(a, "US President"), ev(b, "US Vice President")), 2),
        Finding("number", FindingLabel.CORROBORATED, "people hurt", "same number", (ev(a, "Ten"), ev(c, "Ten")), 1),
    )
    sentence = lambda art, s: art.span(art.text.index(s), art.text.index(s) + len(s), "sentences")  # noqa: E731
    analyses = {
        a.id: Analysis(a, lang="en", sentences=[sentence(a, "Joe Biden, the US President, spoke.")]),
        b.id: Analysis(b, lang="en", sentences=[sentence(b, "US Vice President Joe Biden spoke on Monday.")]),
    }
    pair = AlignedPair(sentence(c, "Ten people were hurt, officials said."), sentence(a, "Ten people were hurt."), 0.9)
    report = StoryReport(
        story_id="s1",
        findings=findings,
        links=(Link(c.id, a.id, LinkKind.REWRITE, 0.8, f"{c.id} rewrites {a.id}", (pair,)),),
        provenance=(Provenance(a.id, (a.id, c.id), "published first"),),
        timeline=(TimelineEvent("2022-07-19", "Biden spoke", (ev(b, "on Monday"),)),),
    )
    story = Story("s1", "Biden speaks", (a.id, b.id, c.id))
    return StoryView(story, (a, b, c), report), analyses


def test_story_page_numbers_sources_and_quotes_each_finding_in_its_sentence():
    view, analyses = _story()
    page = present.story_page(view, analyses)
    assert [(s.number, s.label) for s in page.sources] == [(1, "one.example"), (2, "two.example"), (3, view.articles[2].id)]
    assert page.sources[1].url == "https://www.two.example/a" and page.sources[0].url is None
    contradictions = page.groups[0]
    assert (contradictions.label, contradictions.open, page.conflicts) == ("contradicted", True, 1)
    (finding,) = contradictions.findings
    assert finding.explanation == "[1] calls Joe Biden “US President”, [2] “US Vice President”"
    q1, q2 = finding.quotes
    assert (q1.before, q1.quote, q1.after) == ("Joe Biden, the ", "US President", ", spoke.")
    assert (q2.before, q2.quote, q2.after) == ("", "US Vice President", " Joe Biden spoke on Monday.")
    assert q1.anchor == "ev-0-0" and q1.number == 1
    # Without a sentence layer, about a line of context on each side.
    corroborated = page.groups[1].findings[0].quotes[1]
    assert corroborated.quote == "Ten" and corroborated.after.startswith(" people were hurt")
    # Every evidence span is marked (with its anchor) in its source's column.
    column = page.columns[1]
    marked = [s for s in column.segments if "ev-contradicted" in s.cls]
    assert [s.text for s in marked] == ["US Vice President"] and marked[0].anchors == ("ev-0-1",)


def test_story_page_provenance_graph_and_timeline():
    view, analyses = _story()
    page = present.story_page(view, analyses)
    (link,) = page.links
    assert (link.copy, link.kind, link.original, link.reason) == (3, "rewrite", 1, "[3] rewrites [1]")
    assert link.pairs == (("Ten people were hurt, officials said.", "Ten people were hurt.", 0.9),)
    assert page.origins[0].number == 1 and page.origins[0].members == (1, 3)
    graph = page.graph
    assert [n.number for n in graph.nodes] == [1, 3] and graph.nodes[0].original
    (edge,) = graph.edges
    assert edge.kind == "rewrite" and edge.path.startswith(f"M {graph.nodes[1].x} ")  # from the copy...
    assert edge.path.endswith(f"{graph.nodes[0].x} {graph.nodes[0].y - 14}")  # ...to the original
    apex = float(edge.path.split()[5]) / 2 + (graph.nodes[0].y - 14) / 2
    assert 0 < apex < graph.nodes[0].y  # the arc stays inside the picture
    (event,) = page.timeline
    assert event.date == "2022-07-19" and event.cites[0].number == 2


def test_story_page_limits_columns_keeping_conflicting_sources():
    view, analyses = _story()
    page = present.story_page(view, analyses, max_columns=2)
    assert [c.number for c in page.columns] == [1, 2] and page.hidden_columns == 1


def test_endpoints_flatten_the_openapi_document():
    from newsprism import Settings
    from newsprism.api import create_app

    eps = present.endpoints(create_app(Settings(database_url="sqlite://")).openapi())
    post = next(e for e in eps if e.method == "POST")
    assert post.path == "/api/articles" and post.secured and post.body == "ArticleCreate"
    assert {code for code, _, _ in post.responses} >= {"201", "401", "413", "422"}
