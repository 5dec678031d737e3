"""Run the stages: per-article work in parallel (in-process or on Dask), then linking, story assignment
and storage in order, then the story-level stages for every story that changed.

Per-article stages (extract → analyze → fingerprint) are pure and independent, so they are mapped over
batches by an executor. Everything that reads or writes shared state (duplicate checks, provenance
candidates, story assignment) runs in the coordinating process, one transaction per batch, so an
interrupted run loses at most one batch and re-running resumes where it stopped.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Connection

from .analyze.canon import EntityResolver
from .analyze.time import TimeTagger
from .compare import Comparer
from .fingerprint import Fingerprinter
from .ingest.article import ArticleBuilder
from .ingest.readers import read_paths
from .model import Analysis, DateInference, Fingerprint, IngestReport, Link, RawDocument, Rejected, StoryReport
from .provenance import ProvenanceDetector, find_originals
from .registry import DEFAULT_ANALYSIS, build_stages
from .settings import Settings
from .stories import StoryAssigner
from .story_dates import StoryDater
from .store.repository import Store
from .summarize import Summarizer

__all__ = ["ArticleWorker", "Pipeline", "Processed"]

ProgressCallback = Callable[[int, int | None], None]


@dataclass(frozen=True)
class Processed:
    """One article after the per-article stages."""

    analysis: Analysis
    fingerprint: Fingerprint


class ArticleWorker:
    """The per-article stages, bundled so an executor can ship them to a worker once.

    Models load lazily inside the worker on first use and stay there for later batches.
    """

    def __init__(self, settings: Settings, stage_names: Sequence[str] = DEFAULT_ANALYSIS) -> None:
        self.settings = settings
        self.builder = ArticleBuilder(settings)
        self.stages = build_stages(stage_names, settings)
        self.fingerprinter = Fingerprinter(settings.fingerprint)

    def analyze(self, analysis: Analysis) -> Analysis:
        for stage in self.stages:
            stage(analysis)
        return analysis

    def redate(self, analysis: Analysis, published: DateInference) -> Analysis:
        """The analysis again with a new publication date: the stages from the one that reads the date
        onwards are re-run (time expressions and what is built on them); earlier layers are kept."""
        first = next((i for i, st in enumerate(self.stages) if "published" in st.produces), len(self.stages))
        article = dataclasses.replace(analysis.article, published=published)
        kept = {name: getattr(analysis, name) for name in ("lang", "sentences", "mentions")}
        fresh = Analysis(article, **kept)
        for stage in self.stages[first:]:
            stage(fresh)
        return fresh

    def process(self, raws: Sequence[RawDocument | Rejected]) -> list[Processed | Rejected]:
        results: list[Processed | Rejected | None] = []
        analyses: list[Analysis] = []
        for raw in raws:
            if isinstance(raw, Rejected):
                results.append(raw)
                continue
            built = self.builder(raw)
            if isinstance(built, Rejected):
                results.append(built)
                continue
            try:
                analyses.append(self.analyze(Analysis(built)))
                results.append(None)
            except Exception as e:  # a stage crashing on one article must not lose the batch
                results.append(Rejected(raw.origin, "analyze", "E150", f"analysis failed: {type(e).__name__}: {e}"))
        fingerprints = iter(self.fingerprinter(analyses))
        it = iter(analyses)
        return [r if r is not None else Processed(next(it), next(fingerprints)) for r in results]


def _batched(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(itertools.islice(it, n)):
        yield batch


class _LocalExecutor:
    def map(self, worker: ArticleWorker, batches: Iterable[list[Any]]) -> Iterator[list[Processed | Rejected]]:
        for batch in batches:
            yield worker.process(batch)

    def close(self) -> None:
        pass


class _DaskExecutor:
    """Map batches over a Dask cluster (a LocalCluster when no address is set), results in input order."""

    def __init__(self, address: str) -> None:
        from distributed import Client, LocalCluster

        if address:
            self.cluster = None
            self.client = Client(address)
        else:
            self.cluster = LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None)
            self.client = Client(self.cluster)

    def map(self, worker: ArticleWorker, batches: Iterable[list[Any]]) -> Iterator[list[Processed | Rejected]]:
        remote = self.client.scatter(worker, broadcast=True)
        window = max(2, 2 * len(self.client.scheduler_info().get("workers", {})))
        pending = []
        for batch in batches:
            pending.append(self.client.submit(_process_remote, remote, batch, pure=False))
            if len(pending) >= window:
                yield pending.pop(0).result()
        for fut in pending:
            yield fut.result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _process_remote(worker: ArticleWorker, batch: list[Any]) -> list[Processed | Rejected]:
    return worker.process(batch)


class Pipeline:
    """Ingest inputs into a store and keep story reports up to date.

    >>> p = Pipeline(Settings(database_url="sqlite://"))
    >>> report = p.ingest_raw([RawDocument("note.txt", "text", "")])
    >>> (report.read, report.accepted, [r.code for r in report.rejected])
    (1, 0, ['E143'])
    """

    def __init__(self, settings: Settings | None = None, store: Store | None = None) -> None:
        self.settings = settings or Settings()
        self.store = store or Store(self.settings.database_url)
        self._worker: ArticleWorker | None = None
        self.provenance = ProvenanceDetector(self.settings.provenance, embedder=self._embed_sentences)
        self.assigner = StoryAssigner(self.settings.stories)
        self.resolver = EntityResolver(tuple(self.settings.analyze.spacy_models))
        self.comparer = Comparer(self.settings.compare)
        self.summarizer = Summarizer()
        self.dater = StoryDater(TimeTagger(self.settings.time))

    @property
    def worker(self) -> ArticleWorker:
        if self._worker is None:
            self._worker = ArticleWorker(self.settings)
        return self._worker

    # ----------------------------------------------------------------------------------- ingest

    def ingest(self, paths: Iterable[str | Path], progress: ProgressCallback | None = None) -> IngestReport:
        """Read files and folders, and add every new article; see :meth:`ingest_raw`."""
        return self.ingest_raw(read_paths(paths, self.settings.ingest), progress)

    def ingest_raw(self, items: Iterable[RawDocument | Rejected], progress: ProgressCallback | None = None) -> IngestReport:
        """Add raw items: reject bad ones with reasons, skip exact duplicates, link, assign, store.

        Returns counts where ``read == accepted + duplicates + rejected``.
        """
        report = IngestReport()
        executor = _DaskExecutor(self.settings.pipeline.dask_address) if self.settings.pipeline.executor == "dask" else _LocalExecutor()
        try:
            batches = _batched(items, self.settings.pipeline.batch_size)
            for results in executor.map(self.worker, batches):
                self._store_batch(results, report)
                if progress:
                    progress(report.read, None)
        finally:
            executor.close()
        self.refresh(report.story_ids)
        return report

    def _store_batch(self, results: Sequence[Processed | Rejected], report: IngestReport) -> None:
        with self.store.begin() as conn:
            rejected = []
            for item in results:
                report.read += 1
                if isinstance(item, Rejected):
                    rejected.append(item)
                    continue
                if self.store.known_article(conn, item.analysis.article) is not None:
                    report.duplicates += 1
                    continue
                story_id = self._add(conn, item)
                report.accepted += 1
                report.article_ids.append(item.analysis.article.id)
                if story_id not in report.story_ids:
                    report.story_ids.append(story_id)
            self.store.add_rejections(conn, rejected)
            report.rejected.extend(rejected)

    def _add(self, conn: Connection, item: Processed) -> str:
        analysis, fp = item.analysis, item.fingerprint
        keys = self.provenance.index_keys(analysis)
        links, vectors = self._find_links(conn, analysis, fp, keys)
        linked_story = None
        if links:
            best = links[0]
            other = best.target_id if best.article_id == analysis.article.id else best.article_id
            linked_story = self.store.article_story(conn, other)
        assignment = self.assigner.assign(self.store, conn, analysis, fp, linked_story)
        self.store.add_article(conn, analysis, fp, assignment.story_id, self.store.next_seq(conn))
        self.store.add_lsh_keys(conn, analysis.article.id, keys)
        self.store.add_links(conn, links)
        if vectors is not None:
            self.store.put_sentence_vectors(conn, analysis.article.id, self._vectors_model, vectors)
        return assignment.story_id

    # --------------------------------------------------------------------------- provenance

    @property
    def _vectors_model(self) -> str:
        # Cached sentence vectors are valid for one model and one choice of sentences.
        s = self.settings.provenance
        return f"e5-small:{s.min_sentence_tokens}:{s.max_sentences}"

    def _embed_sentences(self, texts: list[str]) -> np.ndarray:
        fingerprinter = self.worker.fingerprinter
        if not fingerprinter.embeds:
            return np.zeros((len(texts), 0), dtype=np.float32)
        return fingerprinter.embedder(texts)

    def find_links(self, conn: Connection, analysis: Analysis, fp: Fingerprint) -> list[Link]:
        """Verified provenance links between a new article and stored ones, best first.

        Candidates are the stored articles sharing the most LSH keys with it (a persistent index, so the
        cost per article does not grow with the store); each link points from the copy to its source.
        """
        return self._find_links(conn, analysis, fp, self.provenance.index_keys(analysis))[0]

    def _find_links(
        self, conn: Connection, analysis: Analysis, fp: Fingerprint, keys: Sequence[int]
    ) -> tuple[list[Link], np.ndarray | None]:
        """Links (best first) and the new article's sentence vectors when they had to be computed."""
        candidates = self.store.lsh_candidates(conn, keys, self.settings.provenance.candidates)
        new_id = analysis.article.id
        computed: dict[str, np.ndarray] = {}

        def vectors(a: Analysis) -> np.ndarray:
            aid = a.article.id
            if aid not in computed:
                cached = None if aid == new_id else self.store.get_sentence_vectors(conn, aid, self._vectors_model)
                if cached is None:
                    cached = self.provenance.embed(a)
                    if aid != new_id and cached.size:
                        self.store.put_sentence_vectors(conn, aid, self._vectors_model, cached)
                computed[aid] = cached
            return computed[aid]

        briefs = self.store.candidate_fingerprints(conn, [c for c in candidates if c != new_id])
        keep = [
            c for c, (lang, old_fp) in briefs.items()
            if self.provenance.worth_checking(fp, analysis.lang, old_fp, lang, candidates[c])
        ]
        stored = self.store.get_for_provenance(conn, keep)
        verdicts = self.provenance.assess_many(analysis, fp, [stored[c] for c in candidates if c in stored], vectors)
        links = [v.link for v in verdicts if v.link is not None]
        new_vectors = computed.get(new_id)
        return sorted(links, key=lambda link: -link.score), (new_vectors if new_vectors is not None and new_vectors.size else None)

    # ------------------------------------------------------------------------------ stories

    def refresh(self, story_ids: Sequence[str] | None = None) -> list[str]:
        """Recompute the reports of the given stories (default: every story marked dirty)."""
        with self.store.begin() as conn:
            ids = list(story_ids) if story_ids is not None else self.store.dirty_stories(conn)
            for sid in ids:
                self.store.save_report(conn, self.story_report(conn, sid))
        return ids

    def story_report(self, conn: Connection, story_id: str) -> StoryReport:
        """The story's report. Undated articles that the story's dated ones date are re-analysed with
        the inferred date and stored again first (see :class:`~newsprism.story_dates.StoryDater`)."""
        articles = self.store.articles_of_story(conn, story_id)
        analyses = [self.store.get_analysis(conn, a.id, a) for a in articles]
        entities = self.resolver.resolve(analyses)
        inferred = self.dater.infer(analyses, entities)
        for i, a in enumerate(analyses):
            if a.article.id in inferred:
                analyses[i] = self.worker.redate(a, inferred[a.article.id])
                self.store.replace_analysis(conn, analyses[i])
        links = self.store.links_among(conn, [a.id for a in articles])
        published = {a.article.id: (a.published.value or a.published.latest) for a in analyses}
        provenance = find_originals(published, links, [a.id for a in articles])
        findings = self.comparer(analyses, entities, provenance)
        framing = self.summarizer.framing(analyses, findings)
        return StoryReport(
            story_id=story_id,
            entities=entities.entities,
            findings=tuple(findings),
            timeline=tuple(self.summarizer.timeline(analyses)),
            summary=tuple(self.summarizer.summary(analyses, findings, framing)),
            provenance=tuple(provenance),
            links=tuple(links),
            graph=tuple(self.summarizer.graph(analyses, entities)),
            framing=tuple(framing),
        )

    def close(self) -> None:
        self.store.close()
