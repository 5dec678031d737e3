"""The stories evaluation suite: metrics on toy clusterings, and floors on the bench data."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from newsprism.evaluate import run_suite
from newsprism.evaluate.stories import ari, baseline_clusters, bcubed, cluster, load, pairwise, score
from newsprism.settings import Settings

pytestmark = pytest.mark.issue(4)

GOLD = {"a": "x", "b": "x", "c": "x", "d": "y"}


def test_metrics_perfect_and_merged() -> None:
    assert bcubed(GOLD, GOLD) == (1.0, 1.0, 1.0)
    assert pairwise(GOLD, GOLD) == (1.0, 1.0, 1.0)
    assert ari(GOLD, GOLD) == 1.0
    merged = dict.fromkeys(GOLD, 1)
    p, r, f = bcubed(merged, GOLD)
    assert r == 1.0 and p == pytest.approx((3 * 0.75 + 0.25) / 4, abs=1e-6)
    assert ari(merged, GOLD) == 0.0 or ari(merged, GOLD) == pytest.approx(0.0, abs=1e-9)


def test_metrics_all_singletons() -> None:
    single = {k: k for k in GOLD}
    p, r, _ = bcubed(single, GOLD)
    assert p == 1.0 and r == pytest.approx((3 * (1 / 3) + 1) / 4, abs=1e-6)
    assert pairwise(single, GOLD)[1] == 0.0
    out = score(single, GOLD, "x_")
    assert out["x_stories"] == 4


def test_baseline_separates_distinct_texts() -> None:
    rows = [
        {"id": "1", "title": "Quake hits Chile", "text": "A strong earthquake hit Chile near Concepcion."},
        {"id": "2", "title": "Chile quake", "text": "The earthquake in Chile near Concepcion killed many."},
        {"id": "3", "title": "Election in Spain", "text": "Voters in Spain elected a new parliament."},
    ]
    labels = baseline_clusters(rows)
    assert labels["1"] == labels["2"] != labels["3"]


def _sample(bench_dir: Path, topics: int, seed: int = 0) -> list[dict]:
    rows = load(bench_dir / "stories" / "ecbplus-dev.jsonl")
    by_topic: dict[str, list[dict]] = {}
    for r in rows:
        by_topic.setdefault(r["id"].split("/")[1].split("_")[0], []).append(r)
    chosen = random.Random(seed).sample(sorted(by_topic), topics)
    return [r for t in chosen for r in by_topic[t]]


@pytest.mark.slow
def test_suite_on_sampled_topics_beats_floor(bench_dir: Path, tmp_path: Path) -> None:
    rows = _sample(bench_dir, 4)
    data = tmp_path / "sample.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with open(tmp_path / "pred.jsonl", "w", encoding="utf-8") as pred:
        out = run_suite("stories", data, Settings(), pred)
    lines = (tmp_path / "pred.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(rows) and {"id", "story"} <= set(json.loads(lines[0]))
    assert out["gold_stories"] == 8
    # Topics 11, 29, 35, 37: two of the hardest (35: both events are DUI arrests of San Diego Chargers players,
    # 11: two Turkmen elections). Measured in file order: BCubed P 0.699, R 0.943, F1 0.802 (the whole file
    # 0.868 file order, 0.883 shuffled; before main's new date and time stages 0.916, with F1 0.864 here); the
    # baseline on the whole file reaches 0.875 only with its cut tuned on the gold. These topics merge their
    # two events (35 above all), hence the low precision floor.
    assert out["bcubed_f1"] >= 0.78
    assert out["shuffled_bcubed_f1"] >= 0.78
    assert out["bcubed_precision"] >= 0.65 and out["bcubed_recall"] >= 0.8


@pytest.mark.slow
def test_translations_join_their_originals(shared_dir: Path) -> None:
    import importlib.util
    import types

    spec = importlib.util.spec_from_file_location("bench_stories", Path(__file__).resolve().parents[1] / "bench" / "stories.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = mod.run_translations(types.SimpleNamespace())
    assert out["accepted"] == out["docs"]
    assert out["share"] >= 0.9  # measured 52 of 52 gold pairs, 49 stories for 124 documents (50 of 52 without provenance links)


def test_cluster_keeps_every_line(tmp_path: Path) -> None:
    import dataclasses

    settings = Settings()
    settings = dataclasses.replace(settings, fingerprint=dataclasses.replace(settings.fingerprint, embeddings="off"))
    rows = [
        {"id": "1", "title": "Quake hits Chile", "text": "A strong earthquake hit Chile near Concepcion on Monday."},
        {"id": "2", "title": "", "text": ""},
        {"id": "3", "title": "A brief only in the title, about the Chile earthquake near Concepcion.", "text": ""},
    ]
    pred = cluster(rows, settings)
    assert set(pred) == {"1", "2", "3"}
    assert pred["2"].startswith("unassigned:")
    assert not pred["3"].startswith("unassigned:")
