"""`newsprism show` names the likely original of each group of linked articles, with the reason, in text
and in JSON (issue 5: "shown in `newsprism show` and in JSON")."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsprism.cli import app

from .test_provenance_links import ORIGINAL, REWRITE

pytestmark = pytest.mark.issue(5)

runner = CliRunner()


def test_show_names_the_original_with_the_reason(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSPRISM_FINGERPRINT__EMBEDDINGS", "off")
    d = tmp_path / "in"
    d.mkdir()
    # The rewrite comes first and nothing is dated: the text must show which one is the source.
    (d / "feed.jsonl").write_text(
        "\n".join(json.dumps({"title": t.split("\n\n", 1)[0], "text": t.split("\n\n", 1)[1], "source": s})
                  for t, s in ((REWRITE, "spin.example"), (ORIGINAL, "wire.example"))) + "\n"
    )
    db = f"sqlite:///{tmp_path / 'n.db'}"
    report = json.loads(runner.invoke(app, ["ingest", str(d), "--db", db, "--json"]).stdout)
    assert report["accepted"] == 2
    (story,) = json.loads(runner.invoke(app, ["stories", "--db", db, "--json"]).stdout)

    shown = json.loads(runner.invoke(app, ["show", story["id"], "--db", db, "--json"]).stdout)
    by_source = {a["source"]: a["id"] for a in shown["articles"]}
    rewrite_id, original_id = by_source["spin.example"], by_source["wire.example"]
    (group,) = shown["report"]["provenance"]
    assert group["original_id"] == original_id
    assert set(group["member_ids"]) == {original_id, rewrite_id}
    assert "derive from it" in group["reason"]
    (link,) = shown["report"]["links"]
    assert (link["article_id"], link["target_id"], link["kind"]) == (rewrite_id, original_id, "rewrite")

    text = " ".join(runner.invoke(app, ["show", story["id"], "--db", db]).stdout.split())  # unwrapped
    assert "Original: [2] wire.example — no publication dates; 1 article(s) derive from it" in text
    assert "[1] is a rewrite of [2]" in text
