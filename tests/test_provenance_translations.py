"""The translations suite (MEANTIME English–Spanish) through the real pipeline: a fast sample, and the
whole development set as a slow test. Floors, not targets: a drop below them means linking broke."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsprism.evaluate.translations import evaluate
from newsprism.settings import Settings

pytestmark = pytest.mark.issue(5)


def _sample(bench_dir: Path, tmp_path: Path) -> Path:
    data = json.loads((bench_dir / "provenance/translations-dev.json").read_text(encoding="utf-8"))
    pairs = data["gold_pairs"][::13]  # four pairs, one per company of the corpus
    docs = {d["id"]: d for d in data["docs"]}
    paired = {i for p in data["gold_pairs"] for i in p}
    # Distractors: documents about the same companies whose translation is not in the set.
    distractors = [i for i in ("meantime-es/089", "meantime-es/103") if i in docs and i not in paired]
    chosen = [docs[i] for p in pairs for i in p] + [docs[i] for i in distractors]
    path = tmp_path / "sample.json"
    path.write_text(json.dumps({"docs": chosen, "gold_pairs": pairs}), encoding="utf-8")
    return path


def test_translations_sample_floor(bench_dir: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    metrics = evaluate(_sample(bench_dir, tmp_path), Settings(), out)
    assert metrics["gold_pairs"] == 4
    assert metrics["pair_recall"] >= 0.75
    assert metrics["pair_precision"] == 1.0
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert len(lines) == metrics["predicted_pairs"] and all({"a", "b", "score"} <= set(x) for x in lines)


@pytest.mark.slow
def test_translations_dev_floor(bench_dir: Path, request: pytest.FixtureRequest) -> None:
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("the whole dev set takes minutes: run with -m slow")
    metrics = evaluate(bench_dir / "provenance/translations-dev.json", Settings(), None)
    # Measured: recall 52/52, precision 52/59 (bench/README.md). Seven "distractor" pairs of the dev set are
    # themselves translations of each other (e.g. en/032 and es/032), which caps precision at 52/59 for any
    # detector that finds them.
    assert metrics["pair_recall"] >= 0.98
    assert metrics["pair_f1"] >= 0.93


def test_every_dev_translation_is_a_candidate(bench_dir: Path) -> None:
    """Retrieval, before any verification: each translation pair of the dev set (the 52 gold pairs and the
    7 unlisted ones among the distractors, e.g. en/032-es/032) shares an anchors key in the LSH index.
    With 3-row bands the Fiat-Chrysler pair (en/114, anchors Jaccard 0.5) shared none."""
    from newsprism.model import RawDocument
    from newsprism.pipeline import ArticleWorker, Processed

    data = json.loads((bench_dir / "provenance/translations-dev.json").read_text(encoding="utf-8"))
    settings = Settings()
    worker = ArticleWorker(settings, ("newsprism.language.v1", "newsprism.sentences.v1"))
    raws = [RawDocument(d["id"], "text", d["text"], {"id": d["id"], "lang": d["lang"], "published": d["dct"]}) for d in data["docs"]]
    from newsprism.provenance import ProvenanceDetector

    detector = ProvenanceDetector(settings.provenance)
    keys = {}
    for item in worker.process(raws):
        assert isinstance(item, Processed)
        keys[item.analysis.article.external_id] = set(detector.index_keys(item.analysis))
    unlisted = [(f"meantime-en/{n}", f"meantime-es/{n}") for n in ("032", "034", "036", "050", "070", "098", "110")]
    pairs = [tuple(p) for p in data["gold_pairs"]] + unlisted
    assert len(pairs) == 59
    missed = [p for p in pairs if not keys[p[0]] & keys[p[1]]]
    assert missed == []
