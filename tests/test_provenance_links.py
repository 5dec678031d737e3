"""Provenance links on hand-built articles: each link kind, independent reports, direction and evidence."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.analyze.framing import FramingTagger
from newsprism.analyze.sentences import SentenceSplitter
from newsprism.model import Analysis, Article, DateInference, Fingerprint, LinkKind
from newsprism.provenance import ProvenanceDetector

pytestmark = pytest.mark.issue(5)

ORIGINAL = """Storm Ida makes landfall in Louisiana

Hurricane Ida made landfall near Port Fourchon in Louisiana on Sunday with winds of 150 miles per hour.
Governor John Bel Edwards said the storm was one of the strongest to hit the state since the 1850s.
More than 800,000 homes and businesses lost power across the state, according to utility Entergy.
Officials in New Orleans said the levee system built after Hurricane Katrina had held overnight.
The National Guard deployed 5,000 troops to help with search and rescue operations in the parishes.
Forecasters expect the storm to weaken as it moves north over Mississippi on Monday."""

# Reworded sentence by sentence, two sentences moved, loaded words, captions and promotion lines added.
REWRITE = """Ida slams into Louisiana

Hurricane Ida struck land close to Port Fourchon in Louisiana on Sunday with devastating winds of 150 miles per hour.
Subscribe to our newsletter for the latest storm updates.
More than 800,000 houses and businesses were left without power across the state, utility Entergy reported.
Governor John Bel Edwards stated the brutal storm was among the strongest to strike the state since the 1850s.
Rescue crews wading through flooded streets in Houma
Officials in New Orleans noted the levee system built after Hurricane Katrina had held through the night.
The National Guard sent 5,000 troops to assist with search and rescue operations in the parishes.
Click here to read more stories like this one.
A car lies submerged on a flooded road in the town of Lafitte
Forecasters expect the storm to weaken as it heads north over Mississippi on Monday."""

# An independent report of the same event: same names and numbers, its own sentences.
INDEPENDENT = """Louisiana braces for long recovery after Ida

Residents of southern Louisiana woke on Monday to widespread destruction after Hurricane Ida tore through the region.
The storm came ashore on Sunday near Port Fourchon, 16 years to the day after Hurricane Katrina.
Entergy said it could take weeks to restore electricity to more than 800,000 customers who remain in the dark.
In New Orleans, the flood defences rebuilt after Katrina were tested but did not fail, city officials confirmed.
Governor John Bel Edwards urged people who had evacuated not to return until roads were cleared.
Some 5,000 Guard members are helping with rescues, officials added."""

SPANISH = """El huracán Ida toca tierra en Luisiana

El huracán Ida tocó tierra cerca de Port Fourchon en Luisiana el domingo con vientos de 150 millas por hora.
El gobernador John Bel Edwards dijo que la tormenta fue una de las más fuertes en golpear el estado desde la década de 1850.
Más de 800.000 hogares y negocios se quedaron sin electricidad en todo el estado, según la empresa Entergy.
Las autoridades de Nueva Orleans dijeron que el sistema de diques construido tras el huracán Katrina había resistido.
La Guardia Nacional desplegó 5.000 soldados para ayudar en las operaciones de búsqueda y rescate.
Los meteorólogos esperan que la tormenta se debilite al avanzar hacia el norte sobre Misisipi el lunes."""


def analysis(text: str, lang: str = "en", published: str | None = None) -> Analysis:
    title, body = text.split("\n\n", 1)
    date = DateInference(published, published, published, "metadata") if published else DateInference()
    a = Analysis(Article.build(title=title, text=body, published=date), lang=lang, published=date)
    SentenceSplitter()(a)
    FramingTagger()(a)
    return a


def fp(a: Analysis) -> Fingerprint:
    return Fingerprint(a.article.id, np.zeros(1, np.uint64))


def test_near_identical_copy_is_a_duplicate() -> None:
    original = analysis(ORIGINAL)
    copy = analysis(ORIGINAL.replace("\n", "\n\n").replace(" said ", " says ") + "\n\n(Source: wire services)")
    link = ProvenanceDetector().verify(copy, fp(copy), original, fp(original))
    assert link is not None and link.kind is LinkKind.DUPLICATE
    assert link.score >= 0.9
    assert len(link.evidence) >= 6


def test_reworded_reordered_copy_is_a_rewrite_with_evidence_and_direction() -> None:
    original, rewrite = analysis(ORIGINAL), analysis(REWRITE)
    # The original arrives second: the text alone must show that the rewrite is the copy.
    link = ProvenanceDetector().verify(original, fp(original), rewrite, fp(rewrite))
    assert link is not None and link.kind is LinkKind.REWRITE
    assert (link.article_id, link.target_id) == (rewrite.article.id, original.article.id)
    assert "promotion" in link.direction and "caption" in link.direction and "loaded" in link.direction
    assert len(link.evidence) == 6
    for pair in link.evidence:  # a is in the copy, b in the source, and the two say the same thing
        assert pair.a.doc_id == rewrite.article.id and pair.b.doc_id == original.article.id
        assert pair.score >= 0.5
    quoted = {rewrite.article.quote(p.a)[:20]: original.article.quote(p.b)[:20] for p in link.evidence}
    assert quoted["Governor John Bel Ed"] == "Governor John Bel Ed"


def test_truncated_copy_is_found_and_is_the_subset() -> None:
    original = analysis(ORIGINAL)
    head = "\n".join(ORIGINAL.split("\n")[:5])  # title, blank line, first three sentences
    excerpt = analysis(head)
    link = ProvenanceDetector().verify(original, fp(original), excerpt, fp(excerpt))
    assert link is not None and link.kind is LinkKind.REWRITE
    assert link.article_id == excerpt.article.id
    assert "subset" in link.direction


def test_dates_decide_the_direction() -> None:
    original = analysis(ORIGINAL, published="2021-08-29")
    rewrite = analysis(REWRITE, published="2021-08-28")  # the "rewrite" is older: it is the source
    link = ProvenanceDetector().verify(rewrite, fp(rewrite), original, fp(original))
    assert link is not None and link.article_id == original.article.id
    assert "published later" in link.direction


def test_independent_report_of_the_same_event_is_not_linked() -> None:
    original, other = analysis(ORIGINAL), analysis(INDEPENDENT)
    verdict = ProvenanceDetector().assess(other, fp(other), original, fp(original))
    assert verdict.link is None
    assert verdict.features["pairs"] <= 1


def _parallel_embedder(texts: list[str]) -> np.ndarray:
    """A stand-in for a multilingual model: line k of ORIGINAL and line k of SPANISH get the same vector
    (a perfect model on this translation); any other sentence gets its own random direction."""
    import zlib

    index = {}
    for k, (en, es) in enumerate(zip(ORIGINAL.splitlines(), SPANISH.splitlines())):
        index[en.strip()] = index[es.strip()] = f"line{k}"
    out = []
    for t in texts:
        v = np.random.default_rng(zlib.crc32(index.get(t.strip(), t).encode())).normal(size=32)
        out.append(v / np.linalg.norm(v))
    return np.array(out)


def test_translation_is_linked_with_aligned_sentences() -> None:
    en, es = analysis(ORIGINAL, "en"), analysis(SPANISH, "es")
    det = ProvenanceDetector(embedder=_parallel_embedder)
    link = det.verify(es, fp(es), en, fp(en))
    assert link is not None and link.kind is LinkKind.TRANSLATION
    assert len(link.evidence) == 7  # the title and six sentences
    for p in link.evidence:
        sides = {p.a.doc_id: p.a, p.b.doc_id: p.b}
        en_line = en.article.quote(sides[en.article.id])
        es_line = es.article.quote(sides[es.article.id])
        assert ORIGINAL.splitlines().index(en_line) == SPANISH.splitlines().index(es_line)


def test_without_a_model_no_translation_is_claimed() -> None:
    en, es = analysis(ORIGINAL, "en"), analysis(SPANISH, "es")
    verdict = ProvenanceDetector(embedder=None).assess(es, fp(es), en, fp(en))
    assert verdict.link is None and "embedding" in verdict.reason


def test_independent_report_in_another_language_is_not_a_translation() -> None:
    en, es = analysis(INDEPENDENT, "en"), analysis(SPANISH, "es")
    assert ProvenanceDetector(embedder=_parallel_embedder).verify(es, fp(es), en, fp(en)) is None


def test_lead_check_stops_cross_language_candidates_before_embedding() -> None:
    en, es = analysis(ORIGINAL, "en"), analysis(SPANISH, "es")
    calls = []

    def embedder(texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        return _parallel_embedder(texts)

    far = Fingerprint(en.article.id, np.zeros(1, np.uint64), np.array([1.0, 0.0], np.float32))
    other = Fingerprint(es.article.id, np.zeros(1, np.uint64), np.array([0.0, 1.0], np.float32))
    verdict = ProvenanceDetector(embedder=embedder).assess(es, other, en, far)
    assert verdict.link is None and "lead" in verdict.reason and not calls
