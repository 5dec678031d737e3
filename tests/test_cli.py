"""The CLI end to end with Typer's runner: counts, rejections with reasons, JSON and Markdown output."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsprism.cli import app

runner = CliRunner()


@pytest.fixture()
def inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Ferry strike ends\n\nFerry workers in Valmara ended their strike on Friday, the union said.\n")
    (d / "b.txt").write_text("Bridge reopens in Harwick\n\nThe Harwick bridge reopened to traffic on Monday after a year of repairs.\n")
    (d / "empty.txt").write_text("")
    (d / "malformed.html.gz").write_bytes(b"\x1f\x8bnot gzip at all")
    (d / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    (d / "feed.jsonl").write_text(
        json.dumps({"title": "Rail line reopens", "text": "The rail line between Valmara and Harwick reopened on Monday."}) + "\n{oops\n"
    )
    return d


def test_ingest_reports_counts_and_reasons(inputs, tmp_path):
    db = f"sqlite:///{tmp_path / 'n.db'}"
    result = runner.invoke(app, ["ingest", str(inputs), "--db", db, "--json"])
    assert result.exit_code == 3, result.output  # finished, some inputs rejected
    report = json.loads(result.stdout)
    assert (report["read"], report["accepted"], report["duplicates"]) == (7, 3, 0)
    reasons = {r["origin"].rsplit("/", 1)[-1]: r["reason"] for r in report["rejected"]}
    assert reasons["empty.txt"] == "empty file"
    assert "gzip" in reasons["malformed.html.gz"]
    assert "binary" in reasons["blob.txt"]
    assert "invalid JSON" in reasons["feed.jsonl:2"]
    assert report["read"] == report["accepted"] + report["duplicates"] + len(report["rejected"])

    again = json.loads(runner.invoke(app, ["ingest", str(inputs), "--db", db, "--json"]).stdout)
    assert (again["accepted"], again["duplicates"]) == (0, 3)

    stories = json.loads(runner.invoke(app, ["stories", "--db", db, "--json"]).stdout)
    assert sum(len(s["article_ids"]) for s in stories) == 3
    story_id = stories[0]["id"]
    shown = runner.invoke(app, ["show", story_id[:6], "--db", db, "--json"])
    assert shown.exit_code == 0
    assert json.loads(shown.stdout)["story"]["id"] == story_id
    md = runner.invoke(app, ["show", story_id, "--db", db, "--markdown"])
    assert md.stdout.startswith("# ")
    assert runner.invoke(app, ["show", story_id, "--db", db, "--json", "--markdown"]).exit_code == 2


def test_unknown_story_is_an_error(tmp_path):
    result = runner.invoke(app, ["show", "nope", "--db", f"sqlite:///{tmp_path / 'e.db'}"])
    assert result.exit_code == 1
    assert "no story" in result.output


def test_unknown_suite_is_an_error(tmp_path):
    result = runner.invoke(app, ["evaluate", "nonsense", "--data", str(tmp_path)])
    assert result.exit_code == 1
