"""The contract every registered analysis stage follows (one suite run over all of them).

Settings-only construction, determinism, writes only its declared layers, offsets in bounds.
"""

from __future__ import annotations

import copy
import pickle

import pytest

from newsprism.analyze.base import check_order
from newsprism.errors import PipelineOrderError
from newsprism.model import Analysis, Article, DateInference, Span
from newsprism.registry import DEFAULT_ANALYSIS, build_stages
from newsprism.settings import Settings

TEXT = (
    "Kremlin spokesman Dmitry Peskov said on Tuesday that President Vladimir Putin will travel to Tehran on July 19. "
    "About 1,200 people were evacuated, officials said. Iran has denied the reports. The brutal storm killed three people."
)
STAGES = build_stages(DEFAULT_ANALYSIS, Settings())


def _prepared(upto: int) -> Analysis:
    article = Article.build(
        text=TEXT, title="Putin to visit Iran", published=DateInference("2022-07-12", "2022-07-12", "2022-07-12", "metadata")
    )
    analysis = Analysis(article)
    for stage in STAGES[:upto]:
        stage(analysis)
    return analysis


def _spans(value):
    if isinstance(value, Span):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _spans(v)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _spans(getattr(value, name))


@pytest.mark.parametrize("index", range(len(STAGES)), ids=[s.name for s in STAGES])
def test_stage_contract(index):
    stage = STAGES[index]
    assert stage.name.startswith("newsprism.") and stage.name.rsplit(".", 1)[-1].startswith("v")
    analysis = _prepared(index)
    before = copy.deepcopy(analysis)
    first = stage.predict(analysis)
    assert analysis == before, "predict must not change the analysis"
    assert stage.predict(analysis) == first, "predict must be deterministic"
    stage.annotate(analysis, first)
    for layer in Analysis.LAYERS:
        if layer not in stage.produces:
            assert getattr(analysis, layer) == getattr(before, layer), f"{stage.name} wrote undeclared layer {layer}"
    for layer in stage.produces:
        for span in _spans(getattr(analysis, layer)):
            assert span.doc_id == analysis.article.id
            assert 0 <= span.start <= span.end <= len(analysis.article.text)
    # A stage travels to a Dask worker as its settings only.
    clone = pickle.loads(pickle.dumps(stage))
    assert clone.predict(_prepared(index)) == first


def test_wrong_order_fails_when_the_pipeline_is_built():
    by_name = {s.name: s for s in STAGES}
    with pytest.raises(PipelineOrderError):
        check_order([by_name["newsprism.claims.v1"], by_name["newsprism.sentences.v1"]])
