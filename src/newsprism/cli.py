"""The ``newsprism`` command line. Thin: every command calls the same :class:`Prism` service functions
as the REST API.

Exit codes: 0 success · 1 error (database, configuration, not found) · 2 usage error · 3 finished, but
some inputs were rejected (listed with their reasons).
"""

from __future__ import annotations

import dataclasses
import enum
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .errors import NewsprismError
from .model import to_dict
from .settings import Settings

__all__ = ["app"]

app = typer.Typer(
    name="newsprism",
    help="Understand one news story across many sources: who copied whom, what happened, where sources disagree.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

EXIT_ERROR, EXIT_REJECTED = 1, 3

DbOption = Annotated[str | None, typer.Option("--db", help="Database URL (default: sqlite:///newsprism.db, or $NEWSPRISM_DB).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
MarkdownOption = Annotated[bool, typer.Option("--markdown", help="Markdown output.")]


class Format(str, enum.Enum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


def _format(as_json: bool, as_markdown: bool) -> Format:
    if as_json and as_markdown:
        raise typer.BadParameter("choose one of --json and --markdown")
    return Format.JSON if as_json else Format.MARKDOWN if as_markdown else Format.TEXT


def _prism(db: str | None, **changes: Any) -> Any:
    from .prism import Prism

    settings = Settings.from_env()
    if changes:
        settings = dataclasses.replace(settings, **changes)
    return Prism(db, settings)


def _fail(e: NewsprismError) -> None:
    err.print(f"[red]error[/red] {e}")
    raise typer.Exit(EXIT_ERROR)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _story_view(db: str | None, story: str) -> Any:
    try:
        return _prism(db).story(story)
    except NewsprismError as e:
        _fail(e)


def _print_story(view: Any, fmt: Format, data: dict[str, Any]) -> None:
    """``data`` as JSON, or the story as Markdown (plain, or rendered for the terminal)."""
    if fmt is Format.JSON:
        _print_json(data)
        return
    from .render import story_markdown

    text = story_markdown(view)
    if fmt is Format.MARKDOWN:
        sys.stdout.write(text)
    else:
        out.print(Markdown(text))


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: .html .htm .txt .md .jsonl .xml/.rss/.atom .warc (also .gz).")],
    db: DbOption = None,
    as_json: JsonOption = False,
    executor: Annotated[str, typer.Option(help="Where per-article stages run: local or dask.")] = "local",
) -> None:
    """Read articles, analyse them, link copies and assign stories. Re-ingesting adds nothing."""
    try:
        base = Settings.from_env()
        prism = _prism(db, pipeline=dataclasses.replace(base.pipeline, executor=executor))
        with Progress(
            SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=err, transient=True, disable=as_json or not err.is_terminal,
        ) as bar:
            task = bar.add_task("ingesting", total=None)
            report = prism.ingest(paths, progress=lambda n, total: bar.update(task, completed=n, total=total))
    except NewsprismError as e:
        _fail(e)
    if as_json:
        _print_json({
            "read": report.read, "accepted": report.accepted, "duplicates": report.duplicates,
            "rejected": [to_dict(r) for r in report.rejected], "stories": report.story_ids,
        })
    else:
        out.print(f"read {report.read} · accepted {report.accepted} · duplicates {report.duplicates} · "
                  f"rejected {len(report.rejected)} · stories touched {len(report.story_ids)}")
        for r in report.rejected:
            out.print(f"  [yellow]rejected[/yellow] {r.origin}: {r.reason} ({r.code})", highlight=False)
    if report.rejected:
        raise typer.Exit(EXIT_REJECTED)


@app.command()
def stories(
    db: DbOption = None,
    as_json: JsonOption = False,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    lang: Annotated[str | None, typer.Option(help="Only stories with an article in this language.")] = None,
    source: Annotated[str | None, typer.Option(help="Only stories with an article from this source.")] = None,
    entity: Annotated[str | None, typer.Option(help="Only stories naming this entity (one word).")] = None,
    since: Annotated[str | None, typer.Option(help="Only stories with articles on or after this ISO date.")] = None,
    until: Annotated[str | None, typer.Option(help="Only stories with articles on or before this ISO date.")] = None,
) -> None:
    """List stories, largest first: id, headline, articles and sources."""
    from .store.repository import StoryFilter

    try:
        items = _prism(db).stories(StoryFilter(since, until, lang, source, entity), limit, offset)
    except NewsprismError as e:
        _fail(e)
    if as_json:
        _print_json([to_dict(s) for s in items])
        return
    table = Table("story", "articles", "headline", "sources", show_lines=False)
    for s in items:
        table.add_row(s.id, str(len(s.article_ids)), s.headline, ", ".join(s.sources) or "—")
    out.print(table)


@app.command()
def show(
    story: Annotated[str, typer.Argument(help="Story id (a unique prefix is enough).")],
    db: DbOption = None,
    as_json: JsonOption = False,
    as_markdown: MarkdownOption = False,
) -> None:
    """Everything about one story: sources, summary, provenance, findings, timeline, entities, framing."""
    view = _story_view(db, story)
    _print_story(view, _format(as_json, as_markdown), view.to_dict())


@app.command()
def compare(
    story: Annotated[str, typer.Argument(help="Story id (a unique prefix is enough).")],
    db: DbOption = None,
    as_json: JsonOption = False,
    as_markdown: MarkdownOption = False,
) -> None:
    """What the sources agree on, what only one claims, where they contradict — with each source's words."""
    view = _story_view(db, story)
    findings_only = dataclasses.replace(view, report=dataclasses.replace(view.report, summary=(), timeline=(), entities=()))
    data = {"story_id": view.story.id, "findings": to_dict(view.report.findings), "framing": to_dict(view.report.framing)}
    _print_story(findings_only, _format(as_json, as_markdown), data)


@app.command()
def article(
    article_id: Annotated[str, typer.Argument(help="Article id.")],
    db: DbOption = None,
) -> None:
    """One article as JSON: clean text, metadata, removed residue and every annotation layer."""
    try:
        _print_json(_prism(db).article(article_id).to_dict())
    except NewsprismError as e:
        _fail(e)


@app.command()
def rejections(db: DbOption = None, limit: Annotated[int, typer.Option(min=1)] = 100) -> None:
    """Inputs that were rejected, newest first, with their reasons."""
    try:
        for r in _prism(db).rejections(limit):
            out.print(f"{r.origin}: {r.reason} ({r.stage} {r.code})", highlight=False)
    except NewsprismError as e:
        _fail(e)


@app.command()
def export(
    db: DbOption = None,
    output: Annotated[Path | None, typer.Option("--out", help="Write JSONL here instead of standard output.")] = None,
) -> None:
    """Every story (articles and report) as JSON lines."""
    try:
        prism = _prism(db)
        stream = output.open("w", encoding="utf-8") if output else sys.stdout
        try:
            for record in prism.export():
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        finally:
            if output:
                stream.close()
    except NewsprismError as e:
        _fail(e)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on; 127.0.0.1 serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web UI and the REST API (reference at /api/docs, OpenAPI at /api/openapi.json)."""
    import uvicorn

    from .api import create_app

    try:
        settings = Settings.from_env()
        if db:
            settings = dataclasses.replace(settings, database_url=db)
        _prism(settings.database_url).close()  # fail now, with a clear message, if the database cannot open
    except NewsprismError as e:
        _fail(e)
    err.print(f"newsprism on http://{host}:{port}/ · REST API reference at /api/docs"
              + ("" if settings.api_token else " · writes disabled (no NEWSPRISM_API_TOKEN)"), highlight=False, soft_wrap=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


@app.command()
def evaluate(
    suite: Annotated[str, typer.Argument(help="extraction, stories, timex, translations, stance or conflicts.")],
    data: Annotated[Path, typer.Option("--data", help="Benchmark folder or file, e.g. ../shared/bench/extraction.")],
    as_json: JsonOption = False,
    predictions: Annotated[Path | None, typer.Option("--predictions", help="Write one JSON line per item here.")] = None,
) -> None:
    """Score newsprism on a benchmark suite (metrics as defined in the bench README)."""
    from .evaluate import run_suite

    try:
        stream = predictions.open("w", encoding="utf-8") if predictions else None
        try:
            metrics = run_suite(suite, data, Settings.from_env(), stream)
        finally:
            if stream:
                stream.close()
    except NewsprismError as e:
        _fail(e)
    if as_json:
        _print_json(metrics)
        return
    table = Table("metric", "value", title=f"{suite} · {data}")
    for k, v in metrics.items():
        table.add_row(k, f"{v:.4f}" if isinstance(v, float) else str(v))
    out.print(table)


if __name__ == "__main__":  # pragma: no cover
    app()
