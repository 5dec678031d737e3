"""Load on the REST API: ``GET /api/stories/{id}`` with 10,000 stories stored, measured with wrk.

The stories are synthetic but shaped like real ones (2-4 articles each with sentences, entity mentions,
claims and loaded words; reports with findings, entities, a timeline, a summary and provenance links),
written straight through the store — the analysis pipeline is not what this measures. Each request asks
for a random story, so the database is read, not a cache.

The peer, measured in the same run on the same machine with the same wrk settings: a trivial FastAPI app
whose route ``/api/stories/{story_id}`` returns a fixed JSON body of the median size of newsprism's
answers. The ratio says what newsprism's own work (database reads, records, validation, serialization)
costs on top of FastAPI and uvicorn. Both servers run one uvicorn process without access logs.

    .venv/bin/python bench/api_load.py [--stories 10000] [--duration 15] [--connections 16] [--db URL]

Needs wrk (``apt-get install wrk``). Writes ``bench/results/api_load.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WORDS = (
    "ministry council harbour bridge storm ferry election minister talks port strike union court ruling "
    "villagers officials police report budget river flood repairs drones summit sanctions army energy"
).split()
_NAMES = ["Ana Ruiz", "Joe Biden", "Vladimir Putin", "Olaf Scholz", "Dmitry Peskov", "Ebrahim Raisi",
          "Recep Tayyip Erdogan", "Jake Sullivan", "Ursula von der Leyen", "Emmanuel Macron"]
_PLACES = ["Valmara", "Harwick", "Tehran", "Moscow", "Kyiv", "Ankara", "Brussels", "Paris"]
_TITLES = ["President", "Vice President", "Prime Minister", "spokesman", "Foreign Minister"]
_LOADED = ["brutal", "shocking", "regime", "slammed", "fearsome", "vile"]
_SOURCES = ["coast.example", "valmara.example", "harwick.example", "wire.example", "daily.example", "post.example"]

_WRK_SCRIPT = """
local ids = {}
for line in io.lines(os.getenv("NEWSPRISM_IDS")) do ids[#ids + 1] = line end
request = function()
  return wrk.format("GET", "/api/stories/" .. ids[math.random(#ids)])
end
"""


def _sentence(rng: random.Random, name: str, place: str) -> str:
    words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 14)))
    return f"{name} said in {place} that the {words} would {rng.choice(_WORDS)} on Monday, {rng.randint(2, 900)} people said."


def generate(url: str, n_stories: int, seed: int = 7) -> list[str]:
    """Store ``n_stories`` synthetic stories with their articles, analyses and reports; return their ids."""
    import numpy as np

    from newsprism.model import (
        AlignedPair, Analysis, Article, Claim, DateInference, Entity, Evidence, Finding, FindingLabel,
        Fingerprint, FramingScore, Link, LinkKind, Mention, Provenance, StoryReport, SummarySentence,
        TimelineEvent,
    )
    from newsprism.store.repository import Store

    rng = random.Random(seed)
    store = Store(url)
    zeros = np.zeros(128, dtype=np.uint64)
    ids = []
    batch = 250
    for first in range(0, n_stories, batch):
        with store.begin() as conn:
            seq = store.next_seq(conn)
            for k in range(first, min(n_stories, first + batch)):
                sid = f"s{k:015x}"
                ids.append(sid)
                place = rng.choice(_PLACES)
                names = rng.sample(_NAMES, 4)
                day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                headline = f"{rng.choice(_WORDS).title()} in {place}: {names[0]} meets {names[1]}"
                analyses = []
                for j in range(rng.randint(2, 4)):
                    title = f"{headline} ({j + 1})"
                    sentences = [_sentence(rng, rng.choice(names), place) for _ in range(rng.randint(10, 18))]
                    sentences[1] = f"{rng.choice(_TITLES)} {names[0]} called it {rng.choice(_LOADED)}."
                    body = " ".join(sentences)
                    published = DateInference(day, day, day, "metadata")
                    a = Article.build(text=body, title=title, source=rng.choice(_SOURCES), lang="en",
                                      published=published, url=f"https://{rng.choice(_SOURCES)}/{sid}/{j}")
                    spans, offset = [], a.body_start
                    for s in sentences:
                        spans.append(a.span(offset, offset + len(s), "sentences"))
                        offset += len(s) + 1
                    mentions = []
                    for name in names:
                        for m in re.finditer(re.escape(name), a.text):
                            mentions.append(Mention(a.span(m.start(), m.end(), "mentions", "PERSON"), "PERSON", name))
                    mentions.sort(key=lambda m: m.span.start)
                    claims = [Claim(s, "statement", a.quote(s), speaker=names[0]) for s in spans[::3]]
                    loaded = [a.span(m.start(), m.end(), "framing", "emotive")
                              for w in _LOADED for m in re.finditer(w, a.text)]
                    analysis = Analysis(a, lang="en", sentences=spans, mentions=mentions, claims=claims,
                                        framing=loaded, published=published)
                    store.add_article(conn, analysis, Fingerprint(a.id, zeros), sid, seq)
                    seq += 1
                    analyses.append(analysis)
                store.save_story(conn, sid, headline=headline, keywords=[place.lower()], state={},
                                 article_count=len(analyses), first_published=day, last_published=day)
                store.set_story_terms(conn, sid, {f"e:{n.split()[-1].lower()}": 1.0 for n in names})

                def ev(analysis: Analysis, span) -> Evidence:
                    return Evidence(span, analysis.article.quote(span), source=analysis.article.source)

                a0, a1 = analyses[0], analyses[1]
                findings = [Finding("title", FindingLabel.CONTRADICTED, f"{names[0]}'s title", "different offices",
                                    (ev(a0, a0.sentences[1]), ev(a1, a1.sentences[1])), 2)]
                for i in range(rng.randint(8, 24)):
                    x = rng.choice(analyses)
                    label = rng.choice([FindingLabel.CORROBORATED, FindingLabel.SINGLE_SOURCE, FindingLabel.AGREEMENT])
                    findings.append(Finding("claim", label, f"claim {i}", "aligned statements",
                                            tuple(ev(y, rng.choice(y.sentences)) for y in (x, rng.choice(analyses)))))
                entities = tuple(
                    Entity(f"e{k}{i}", name, "PERSON", (name, name.split()[-1]), (rng.choice(_TITLES),),
                           tuple(m.span for y in analyses for m in y.mentions if m.text == name))
                    for i, name in enumerate(names)
                )
                report = StoryReport(
                    story_id=sid,
                    entities=entities,
                    findings=tuple(findings),
                    timeline=tuple(TimelineEvent(day, y.article.quote(y.sentences[0]), (ev(y, y.sentences[0]),))
                                   for y in analyses[:2]),
                    summary=tuple(SummarySentence(a0.article.quote(s), (s,)) for s in a0.sentences[:4]),
                    provenance=(Provenance(a0.article.id, (a0.article.id, a1.article.id), "published first"),),
                    links=(Link(a1.article.id, a0.article.id, LinkKind.REWRITE, 0.7, "shared 8-gram runs",
                                tuple(AlignedPair(a1.sentences[i], a0.sentences[i], 0.8) for i in range(3))),),
                    framing=tuple(FramingScore(y.article.id, y.article.source, 1.5, tuple(ev(y, s) for s in y.framing))
                                  for y in analyses),
                )
                store.save_report(conn, report)
    store.close()
    return ids


def _stored_ids(url: str, n: int) -> list[str]:
    """The ids of the synthetic stories already in ``url`` when it holds ``n`` of them (a rerun), else []."""
    from newsprism.store.repository import Store

    store = Store(url)
    with store.begin() as conn:
        found = [s.id for s in store.list_stories(conn, limit=n + 1) if s.id.startswith("s0")]
    store.close()
    return sorted(found) if len(found) == n else []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve_newsprism(db: str, port: int) -> None:
    import uvicorn

    from newsprism.api import create_app
    from newsprism.settings import Settings

    uvicorn.run(create_app(Settings(database_url=db)), host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _serve_peer(body_file: str, port: int) -> None:
    import uvicorn
    from fastapi import FastAPI, Response

    body = Path(body_file).read_bytes()
    app = FastAPI()

    @app.get("/api/stories/{story_id}")
    def story(story_id: str) -> Response:
        return Response(body, media_type="application/json")

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


class _Server:
    def __init__(self, *args: str) -> None:
        self.port = _free_port()
        self.proc = subprocess.Popen([sys.executable, __file__, *args, "--port", str(self.port)])
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> _Server:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/api/stories/warm-up", timeout=2):
                    return self
            except urllib.error.HTTPError:
                return self  # answering (a 404 for this id) is up
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    def __exit__(self, *exc: object) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _wrk(url: str, ids_file: Path, script: Path, duration: int, connections: int, threads: int) -> dict[str, float]:
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency", "-s", str(script), url]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env={**os.environ, "NEWSPRISM_IDS": str(ids_file)}).stdout
    dist = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", out, re.M))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": _ms(dist["50"]),
        "p99_ms": _ms(dist["99"]),
        "requests": requests,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=15, help="seconds of load per measurement")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections under load (also measured: 1)")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (the machine has 2 cores; the server needs one)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating measurements of each server; medians are reported")
    parser.add_argument("--db", help="database URL (default: a new SQLite file in a temporary folder)")
    parser.add_argument("--serve", choices=["newsprism", "peer"], help=argparse.SUPPRESS)
    parser.add_argument("--body", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve == "newsprism":
        return _serve_newsprism(args.db, args.port)
    if args.serve == "peer":
        return _serve_peer(args.body, args.port)
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")

    work = Path(tempfile.mkdtemp(prefix="newsprism-load-"))
    db = args.db or f"sqlite:///{work / 'load.db'}"
    t0 = time.perf_counter()
    ids = _stored_ids(db, args.stories)
    if ids:
        print(f"reusing the {len(ids)} stories stored in {db}", flush=True)
    else:
        ids = generate(db, args.stories)
    generated_s = time.perf_counter() - t0
    print(f"stored {len(ids)} stories in {generated_s:.1f} s ({db.split(':', 1)[0]})", flush=True)
    ids_file, script = work / "ids.txt", work / "random_story.lua"
    ids_file.write_text("\n".join(ids) + "\n")
    script.write_text(_WRK_SCRIPT)

    loads = [1, args.connections]
    results: dict[str, list[dict[str, float]]] = {f"{name} c{c}": [] for name in ("newsprism", "peer") for c in loads}
    with _Server("--serve", "newsprism", "--db", db) as ours:
        sizes = []
        for sid in random.Random(1).sample(ids, 50):
            with urllib.request.urlopen(f"{ours.url}/api/stories/{sid}") as r:
                sizes.append(len(r.read()))
        body = work / "peer.json"
        with urllib.request.urlopen(f"{ours.url}/api/stories/{ids[0]}") as r:
            sample = json.loads(r.read())
        median = int(statistics.median(sizes))
        encoded = json.dumps(sample).encode()
        sample["padding"] = "x" * max(0, median - len(encoded) - 14)
        body.write_bytes(json.dumps(sample).encode())
        with _Server("--serve", "peer", "--body", str(body)) as peer:
            for server in (ours, peer):  # warm up both
                _wrk(server.url, ids_file, script, 3, args.connections, args.threads)
            for _ in range(args.rounds):
                for c in loads:
                    for name, server in (("newsprism", ours), ("peer", peer)):
                        results[f"{name} c{c}"].append(_wrk(server.url, ids_file, script, args.duration, c, args.threads))

    summary = {
        name: {key: statistics.median(r[key] for r in runs) for key in ("requests_per_s", "p50_ms", "p99_ms")}
        for name, runs in results.items()
    }
    loaded = f"c{args.connections}"
    ratio = summary[f"newsprism {loaded}"]["requests_per_s"] / summary[f"peer {loaded}"]["requests_per_s"]
    ratio_1 = summary["newsprism c1"]["requests_per_s"] / summary["peer c1"]["requests_per_s"]
    report = {
        "stories": len(ids), "database": db.split(":", 1)[0], "generate_s": round(generated_s, 1),
        "response_bytes_median": median, "peer_bytes": body.stat().st_size,
        "wrk": {"threads": args.threads, "connections": args.connections, "duration_s": args.duration, "rounds": args.rounds},
        "summary": summary, "ratio_requests_per_s": round(ratio, 3), "ratio_requests_per_s_c1": round(ratio_1, 3),
        "runs": results,
    }
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "api_load.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"GET /api/stories/{{id}}, {len(ids)} stories, median body {median} bytes, "
          f"wrk -t{args.threads} -d{args.duration}s, medians of {args.rounds} rounds")
    print(f"{'server, connections':<20} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
    for name, s in summary.items():
        print(f"{name:<20} {s['requests_per_s']:>9.1f} {s['p50_ms']:>8.2f} {s['p99_ms']:>8.2f}")
    print(f"ratio newsprism / peer (req/s): {ratio:.3f} at {args.connections} connections, {ratio_1:.3f} at 1")
    for name, runs in results.items():
        bad = sum(r["non_2xx"] for r in runs)
        if bad:
            print(f"warning: {name} answered {bad} requests with an error status")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
