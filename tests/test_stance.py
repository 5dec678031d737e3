"""Stance classifier: hand-built pairs with the shipped model, persistence, evidence, and a bench floor."""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from newsprism import _stance_features as feats
from newsprism.cli import app
from newsprism.errors import ConfigError, ModelNotAvailable
from newsprism.evaluate import run_suite
from newsprism.evaluate.stance import fnc_points, fnc_score, load_pairs, score
from newsprism.settings import Settings, StanceSettings
from newsprism.stance import STANCE_LABELS, StanceClassifier, StanceModel, StanceResult, grouped_folds, story_groups

HEADLINE = "Giant crab spotted off Kent coast in Whitstable harbour"
BODIES = {
    "agree": (
        "A giant crab has been spotted off the Kent coast. The 50-foot crab was photographed in Whitstable "
        "harbour by a local resident, and marine experts confirmed the photo is genuine. The crab was seen "
        "lurking in the shallows near the harbour mouth."
    ),
    "disagree": (
        "The photo of a giant crab in Whitstable harbour is a hoax. Marine biologists said the 50-foot crab "
        "does not exist and the image was photoshopped. The viral picture of the crab off the Kent coast is "
        "fake, experts insist."
    ),
    "discuss": (
        "A photo that reportedly shows a giant crab off the Kent coast has gone viral. The image, which "
        "allegedly was taken in Whitstable harbour, has not been verified. It is unclear whether the crab is "
        "real, according to local reports, and some claim it may be a sandbank."
    ),
    "unrelated": (
        "The central bank raised interest rates by a quarter point on Wednesday, citing persistent "
        "inflation. Markets fell after the announcement, and analysts expect another increase before the "
        "end of the year."
    ),
}


@pytest.fixture(scope="module")
def classifier() -> StanceClassifier:
    return StanceClassifier(StanceSettings())


@pytest.mark.parametrize("expected", ["agree", "discuss", "unrelated"])
def test_hand_built_pairs_get_their_label(classifier: StanceClassifier, expected: str) -> None:
    result = classifier.predict(HEADLINE, BODIES[expected])
    assert result.label == expected
    assert set(result.scores) == set(STANCE_LABELS)
    assert sum(result.scores.values()) == pytest.approx(1.0, abs=1e-4)
    assert max(result.scores, key=result.scores.get) == expected


def test_refuting_body_is_related_and_leans_away_from_agree(classifier: StanceClassifier) -> None:
    # "disagree" is the rare label (9 % of related dev pairs) and the model seldom predicts it (recall
    # 0.05-0.19 in grouped CV, bench/README_stance.md); what must hold is that a body calling the claim a
    # hoax is about it, is not taken to agree, and scores "disagree" above a confirming body.
    result = classifier.predict(HEADLINE, BODIES["disagree"])
    confirming = classifier.predict(HEADLINE, BODIES["agree"])
    assert result.label not in ("unrelated", "agree")
    assert result.scores["disagree"] > confirming.scores["disagree"]
    assert result.scores["agree"] < confirming.scores["agree"]


def test_evidence_spans_are_sentences_of_the_body(classifier: StanceClassifier) -> None:
    body = BODIES["disagree"]
    result = classifier.predict(HEADLINE, body)
    assert 1 <= len(result.evidence) <= classifier.settings.evidence_sentences
    sentences = set(feats.sentence_spans(body))
    for start, end in result.evidence:
        assert (start, end) in sentences
        assert 0 <= start < end <= len(body)
    assert list(result.evidence) == sorted(result.evidence)
    # The sentence that calls the photo a hoax is the best evidence of disagreement.
    assert any("hoax" in body[s:e] for s, e in result.evidence)


def test_unrelated_has_no_evidence(classifier: StanceClassifier) -> None:
    assert classifier.predict(HEADLINE, BODIES["unrelated"]).evidence == ()


def test_batch_equals_single_predictions(classifier: StanceClassifier) -> None:
    pairs = [(HEADLINE, b) for b in BODIES.values()] + [("Bank raises interest rates", BODIES["unrelated"])]
    batch = classifier.predict_many(pairs)
    assert batch == [classifier.predict(h, b) for h, b in pairs]
    assert batch[-1].label != "unrelated"
    assert classifier.predict_many([]) == []


def test_empty_texts_do_not_crash(classifier: StanceClassifier) -> None:
    result = classifier.predict("", "")
    assert isinstance(result, StanceResult)
    assert result.label == "unrelated"


def test_constructor_stores_settings_only_and_loads_lazily() -> None:
    clf = StanceClassifier(StanceSettings(evidence_sentences=1))
    assert clf._model is None
    assert len(clf.predict(HEADLINE, BODIES["agree"]).evidence) == 1
    assert clf._model is not None
    assert clf.__getstate__()["_model"] is None


def test_missing_model_file_is_a_coded_error(tmp_path: Path) -> None:
    clf = StanceClassifier(StanceSettings(model_path=str(tmp_path / "nope.npz")))
    with pytest.raises(ModelNotAvailable):
        clf.predict(HEADLINE, BODIES["agree"])


def test_settings_ranges_are_checked() -> None:
    with pytest.raises(ConfigError):
        dataclasses.replace(Settings(), stance=StanceSettings(related_threshold=1.5))


def _tiny_training_set() -> tuple[list[str], list[str], list[str]]:
    headlines, bodies, labels = [], [], []
    for label, body in BODIES.items():
        for k in range(12):
            headlines.append(f"{HEADLINE} {k}")
            bodies.append(body + f" Update {k}.")
            labels.append(label)
    return headlines, bodies, labels


def test_fit_save_load_round_trip(tmp_path: Path) -> None:
    settings = StanceSettings(max_iter=10, min_samples_leaf=2)
    headlines, bodies, labels = _tiny_training_set()
    model = StanceModel(settings).fit(headlines, bodies, labels)
    path = tmp_path / "stance.npz"
    model.save(path)
    loaded = StanceModel.load(path, settings)
    np.testing.assert_allclose(loaded.predict_proba(headlines, bodies), model.predict_proba(headlines, bodies))
    assert loaded.decide(loaded.predict_proba(headlines, bodies)) == labels
    # The archive holds no pickled objects.
    with np.load(path, allow_pickle=False) as data:
        assert all(data[k].dtype != object for k in data.files)


def test_fit_is_deterministic() -> None:
    settings = StanceSettings(max_iter=10, min_samples_leaf=2)
    headlines, bodies, labels = _tiny_training_set()
    a = StanceModel(settings).fit(headlines, bodies, labels).predict_proba(headlines, bodies)
    b = StanceModel(settings).fit(headlines[::-1], bodies[::-1], labels[::-1]).predict_proba(headlines, bodies)
    np.testing.assert_allclose(a, b)


def test_unknown_training_label_is_rejected() -> None:
    with pytest.raises(ConfigError):
        StanceModel().fit(["a"], ["b"], ["maybe"])


def test_fnc_score_weights() -> None:
    gold = ["agree", "disagree", "discuss", "unrelated"]
    assert fnc_score(gold, gold) == 100.0
    # Related but wrong label: 0.25 of 1.0; a missed related pair: 0; a false related pair: 0 of 0.25.
    assert fnc_score(["agree"], ["discuss"]) == 25.0
    assert fnc_score(["agree"], ["unrelated"]) == 0.0
    assert fnc_score(["unrelated"], ["agree"]) == 0.0
    m = score(gold, ["agree", "discuss", "discuss", "unrelated"])
    assert m["f1_disagree"] == 0.0 and m["f1_agree"] == 1.0
    assert m["macro_f1"] == pytest.approx((1 + 0 + 2 / 3 + 1) / 4, abs=1e-5)


def test_fnc_points_are_the_official_raw_score() -> None:
    # The official scorer's example: 3 related pairs (max 3.0) and 1 unrelated (max 0.25).
    gold = ["agree", "discuss", "disagree", "unrelated"]
    got, best = fnc_points(gold, ["discuss", "discuss", "unrelated", "unrelated"])
    assert best == 3.25
    assert got == 0.25 + 1.0 + 0.0 + 0.25
    m = score(gold, gold)
    assert (m["fnc_points"], m["fnc_max"], m["fnc_score"]) == (3.25, 3.25, 100.0)


def test_story_groups_join_bodies_through_related_headlines() -> None:
    headlines = ["crab", "crab", "crab", "rates", "rates"]
    bodies = ["b1", "b2", "b3", "b3", "b4"]
    labels = ["agree", "discuss", "unrelated", "agree", "unrelated"]
    g = story_groups(headlines, bodies, labels)
    assert g[0] == g[1] != g[2]
    assert g[2] == g[3] != g[4]  # b4 is linked to nothing


def test_grouped_folds_never_split_a_group() -> None:
    groups = [f"g{i % 7}" for i in range(50)]
    folds = grouped_folds(groups, 3, seed=1)
    assert sorted(i for f in folds for i in f) == list(range(50))
    seen = [{groups[i] for i in f} for f in folds]
    assert all(not (a & b) for k, a in enumerate(seen) for b in seen[k + 1 :])


def test_bench_sample_floor(bench_dir: Path, classifier: StanceClassifier) -> None:
    """A fixed sample of the dev pairs, scored with the shipped model (trained on them: a floor that
    catches a broken model or feature pipeline, not a measure of generalization)."""
    pairs, bodies = load_pairs(bench_dir / "stance")
    sample = random.Random(7).sample(pairs, 400)
    results = classifier.predict_many((p["headline"], bodies[p["body_id"]]) for p in sample)
    m = score([p["stance"] for p in sample], [r.label for r in results])
    assert m["fnc_score"] >= 90.0
    assert m["macro_f1"] >= 0.85


@pytest.mark.slow
def test_whole_bench_suite(bench_dir: Path) -> None:
    m = run_suite("stance", bench_dir / "stance")
    assert m["pairs"] == 13174
    assert m["fnc_score"] >= 90.0
    assert m["seconds"] < 300


def test_cli_evaluate_stance_on_a_tiny_suite(tmp_path: Path) -> None:
    """`newsprism evaluate stance` runs the shipped model, prints the FNC figures and writes predictions."""
    (tmp_path / "bodies.jsonl").write_text(
        "".join(json.dumps({"body_id": i, "body": BODIES[label]}) + "\n" for i, label in enumerate(sorted(BODIES)))
    )
    (tmp_path / "pairs.jsonl").write_text(
        "".join(
            json.dumps({"headline": HEADLINE, "body_id": i, "stance": label}) + "\n"
            for i, label in enumerate(sorted(BODIES))
        )
    )
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["evaluate", "stance", "--data", str(tmp_path), "--json", "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["pairs"] == 4 and metrics["fnc_max"] == 3.25
    assert metrics["f1_agree"] == 1.0 and metrics["f1_unrelated"] == 1.0
    # The refuting body is related but not called "disagree" (see above): 0.25 of its 1.0 is lost.
    assert metrics["fnc_score"] == pytest.approx(100 * 2.5 / 3.25, abs=1e-3)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["stance"] for r in rows][0] == "agree"
    assert {"headline", "body_id", "stance"} <= set(rows[0])
    table = CliRunner().invoke(app, ["evaluate", "stance", "--data", str(tmp_path)])
    assert table.exit_code == 0 and "fnc_score" in table.stdout
