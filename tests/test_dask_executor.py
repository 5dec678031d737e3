"""Per-article stages on a real Dask LocalCluster give the same result as in-process."""

from __future__ import annotations

import dataclasses

from newsprism import Prism
from newsprism.settings import Settings

RECORDS = [
    {"title": "Ferry strike ends", "text": "Ferry workers in Valmara ended their strike on Friday, the union said."},
    {"title": "Bridge reopens", "text": "The Harwick bridge reopened to traffic on Monday after a year of repairs."},
    {"title": "Rail line reopens", "text": "The rail line between Valmara and Harwick reopened on Monday, officials said."},
]


def _run(executor: str):
    base = Settings(database_url="sqlite://")
    settings = dataclasses.replace(base, pipeline=dataclasses.replace(base.pipeline, executor=executor, batch_size=2))
    prism = Prism(settings=settings)
    report = prism.ingest_texts(RECORDS)
    stories = sorted((s.headline, s.article_ids) for s in prism.stories())
    analyses = [prism.article(i).analysis for i in report.article_ids]
    return report, stories, analyses


def test_dask_matches_local():
    local_report, local_stories, local_analyses = _run("local")
    dask_report, dask_stories, dask_analyses = _run("dask")
    assert (dask_report.read, dask_report.accepted) == (local_report.read, local_report.accepted) == (3, 3)
    assert dask_stories == local_stories
    assert dask_analyses == local_analyses
