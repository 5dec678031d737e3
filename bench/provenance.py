"""Provenance benchmark: copies with controlled edits, independent reports, and speed at scale.

Nothing here is committed data: every copy is generated at run time from the shared bench articles
(ECB+ dev texts and the extraction benchmark's gold bodies), with a fixed seed.

    python bench/provenance.py edits        # recall / precision per edit kind (+ direction from text)
    python bench/provenance.py false-links  # share of independent same-story ECB+ pairs linked
    python bench/provenance.py speed        # link detection articles/s with 100k articles indexed
    python bench/provenance.py all

Options: ``--shared`` (default ../shared), ``--scratch`` (cache of the base stores, default
/tmp/newsprism-bench-provenance), ``--originals`` (how many articles get copies), ``--indexed``.

How it measures: the base store holds every ECB+ dev article and every extraction gold body, indexed and
linked through ``Pipeline.find_links`` exactly as ingestion does (links among ECB+ same-story articles
are the false links: those are independent reports). For each edit kind, copies of a sample of base
articles are added in one transaction that is rolled back afterwards; a copy is *recalled* when it is
linked to its original, and every other link it gets is a false one. Precision per kind is
correct / all links of that kind's copies.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import shutil
import statistics
import sys
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np

from newsprism.analyze.sentences import split_sentences
from newsprism.fingerprint import Fingerprinter
from newsprism.model import Analysis, Article, Fingerprint, RawDocument
from newsprism.pipeline import ArticleWorker, Pipeline, Processed
from newsprism.settings import Settings

# The analysis stages provenance reads (sentences; framing for the direction); the rest is not needed here.
STAGES = ("newsprism.language.v1", "newsprism.sentences.v1", "newsprism.framing.v1")

# ------------------------------------------------------------------------------ synonym lexicon
# A small hand-written lexicon of news verbs, nouns and adjectives, as article spinners use them.
SYNONYMS: dict[str, list[str]] = {
    "said": ["stated", "declared", "remarked", "noted"], "says": ["states", "declares", "notes"],
    "told": ["informed", "advised"], "announced": ["revealed", "declared", "unveiled"],
    "reported": ["disclosed", "indicated"], "killed": ["slain", "murdered"], "died": ["perished", "passed away"],
    "people": ["individuals", "persons", "folks"], "police": ["law enforcement", "officers"],
    "officials": ["authorities", "functionaries"], "official": ["functionary", "authority"],
    "government": ["administration", "regime"], "company": ["firm", "business", "corporation"],
    "president": ["head of state", "leader"], "minister": ["secretary", "cabinet member"],
    "attack": ["assault", "strike", "raid"], "arrested": ["detained", "apprehended", "taken into custody"],
    "began": ["started", "commenced"], "begin": ["start", "commence"], "start": ["begin", "launch"],
    "big": ["large", "huge"], "large": ["big", "sizable"], "small": ["little", "tiny"],
    "important": ["significant", "crucial", "key"], "new": ["fresh", "novel"], "old": ["aged", "former"],
    "help": ["assist", "aid"], "helped": ["assisted", "aided"], "show": ["demonstrate", "display"],
    "showed": ["demonstrated", "displayed"], "make": ["create", "produce"], "made": ["created", "produced"],
    "get": ["obtain", "receive"], "got": ["obtained", "received"], "use": ["employ", "utilize"],
    "used": ["employed", "utilized"], "buy": ["purchase", "acquire"], "bought": ["purchased", "acquired"],
    "city": ["town", "municipality"], "country": ["nation", "state"], "area": ["region", "zone"],
    "home": ["house", "residence"], "house": ["home", "residence"], "car": ["vehicle", "automobile"],
    "fire": ["blaze", "flames"], "hit": ["struck", "smashed"], "quake": ["tremor", "earthquake"],
    "earthquake": ["quake", "tremor"], "storm": ["tempest", "gale"], "rain": ["downpour", "rainfall"],
    "injured": ["hurt", "wounded"], "hospital": ["medical center", "clinic"], "doctor": ["physician", "medic"],
    "plan": ["scheme", "proposal"], "plans": ["schemes", "proposals"], "deal": ["agreement", "pact"],
    "agreement": ["deal", "accord"], "meeting": ["gathering", "session"], "talks": ["negotiations", "discussions"],
    "war": ["conflict", "hostilities"], "fight": ["battle", "struggle"], "fighting": ["combat", "battling"],
    "soldiers": ["troops", "servicemen"], "troops": ["soldiers", "forces"], "army": ["military", "forces"],
    "leader": ["chief", "head"], "chief": ["head", "boss"], "head": ["chief", "leader"],
    "team": ["squad", "side"], "game": ["match", "contest"], "match": ["game", "fixture"], "win": ["victory", "triumph"],
    "won": ["secured", "claimed"], "lost": ["was defeated in", "dropped"], "player": ["athlete", "competitor"],
    "coach": ["manager", "trainer"], "season": ["campaign", "term"], "money": ["cash", "funds"],
    "price": ["cost", "rate"], "prices": ["costs", "rates"], "market": ["marketplace", "exchange"],
    "sales": ["revenue", "turnover"], "shares": ["stock", "equity"], "rise": ["increase", "climb"],
    "rose": ["increased", "climbed"], "fell": ["dropped", "declined"], "fall": ["drop", "decline"],
    "increase": ["rise", "growth"], "decrease": ["decline", "reduction"], "high": ["elevated", "lofty"],
    "low": ["reduced", "modest"], "fast": ["quick", "rapid"], "quickly": ["rapidly", "swiftly"],
    "very": ["extremely", "highly"], "many": ["numerous", "several"], "several": ["a number of", "various"],
    "also": ["additionally", "likewise"], "however": ["nevertheless", "yet"], "because": ["since", "as"],
    "after": ["following", "subsequent to"], "before": ["prior to", "ahead of"], "during": ["throughout", "amid"],
    "about": ["around", "roughly", "approximately"], "near": ["close to", "by"], "against": ["versus", "opposing"],
    "former": ["previous", "ex"], "recent": ["latest", "current"], "major": ["main", "principal"],
    "week": ["seven days"], "today": ["this day"], "yesterday": ["the previous day"],
    "investigation": ["inquiry", "probe"], "court": ["tribunal"], "judge": ["magistrate", "justice"],
    "charged": ["accused", "indicted"], "crime": ["offense", "felony"], "victim": ["casualty", "sufferer"],
    "victims": ["casualties", "sufferers"], "suspect": ["accused", "alleged offender"], "man": ["male", "person"],
    "woman": ["female", "lady"], "children": ["kids", "youngsters"], "family": ["relatives", "household"],
    "statement": ["declaration", "announcement"], "news": ["reports", "tidings"], "report": ["account", "dispatch"],
    "film": ["movie", "picture"], "movie": ["film", "picture"], "actor": ["performer", "star"],
    "singer": ["vocalist", "performer"], "song": ["track", "tune"], "album": ["record", "release"],
    "released": ["issued", "launched"], "release": ["launch", "issue"], "phone": ["handset", "device"],
    "computer": ["machine", "PC"], "system": ["framework", "setup"], "problem": ["issue", "difficulty"],
    "problems": ["issues", "difficulties"], "question": ["query", "matter"], "answer": ["reply", "response"],
    "change": ["alteration", "shift"], "changes": ["alterations", "shifts"], "role": ["part", "position"],
    "job": ["position", "post"], "work": ["labor", "employment"], "worked": ["labored", "served"],
    "called": ["labelled", "termed"], "known": ["recognized", "famed"], "famous": ["renowned", "celebrated"],
    "died,": ["passed away,"], "left": ["departed", "exited"], "went": ["headed", "traveled"],
    "came": ["arrived", "appeared"], "come": ["arrive", "appear"], "take": ["seize", "grab"], "took": ["seized", "grabbed"],
    "give": ["provide", "offer"], "gave": ["provided", "offered"], "think": ["believe", "reckon"],
    "believe": ["think", "suppose"], "want": ["wish", "desire"], "wanted": ["wished", "desired"],
    "need": ["require"], "needed": ["required"], "try": ["attempt"], "tried": ["attempted"],
    "found": ["discovered", "located"], "find": ["discover", "locate"], "saw": ["witnessed", "observed"],
    "see": ["observe", "witness"], "set": ["established", "fixed"], "building": ["structure", "edifice"],
    "road": ["street", "route"], "town": ["village", "community"], "world": ["globe", "planet"],
}
LOADED = ["brutal", "shocking", "dramatic", "devastating", "massive", "alarming", "outrageous", "horrific", "chilling"]
PROMO = [
    "Subscribe to our newsletter and get the latest headlines delivered to your inbox every morning.",
    "Click here to read more stories like this one on our website.",
    "Follow us on Twitter and Facebook for breaking news updates.",
    "Download our app to get alerts the moment news breaks.",
    "Advertisement",
    "Sign up for our daily briefing - it's free.",
]
CAPTIONS = [
    "{name} pictured during a visit earlier this year",
    "File photo of {name} speaking to reporters",
    "{name} arrives at the scene on the day of the events",
    "Crowds gathered as {name} addressed supporters",
]


# ---------------------------------------------------------------------------------- edits

_WORDS = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


def substitute(text: str, share: float, vocab: list[str], rng: random.Random) -> str:
    """Replace ``share`` of the words with random words of the same language (not synonyms)."""
    words = list(_WORDS.finditer(text))
    chosen = sorted(rng.sample(range(len(words)), round(share * len(words)))) if words else []
    out, last = [], 0
    for k in chosen:
        m = words[k]
        repl = rng.choice(vocab)
        repl = repl.capitalize() if m.group()[0].isupper() else repl
        out += [text[last : m.start()], repl]
        last = m.end()
    return "".join(out) + text[last:]


def spin(text: str, rng: random.Random) -> str:
    """Synonym spinning from the lexicon, plus loaded adjectives before a few nouns."""
    def swap(m: re.Match[str]) -> str:
        w = m.group()
        syn = SYNONYMS.get(w.lower())
        if not syn or rng.random() > 0.9:
            return w
        s = rng.choice(syn)
        return s.capitalize() if w[0].isupper() else s

    spun = _WORDS.sub(swap, text)
    spots = [m.end() for m in re.finditer(r"\b(?:the|a) (?=[a-z]{4,})", spun)]
    for pos in sorted(rng.sample(spots, min(len(spots), 4)), reverse=True):
        spun = spun[:pos] + rng.choice(LOADED) + " " + spun[pos:]
    return spun


def _sentences(body: str) -> list[str]:
    return [body[s:e] for s, e in split_sentences(body)]


def reorder(body: str, rng: random.Random) -> str:
    sents = _sentences(body)
    rng.shuffle(sents)
    return "\n".join(sents)


def promote(body: str, title: str, rng: random.Random) -> str:
    """Insert two promotion lines and two photo captions at random sentence boundaries."""
    sents = _sentences(body)
    names = re.findall(r"(?<=[a-z,] )([A-Z][a-z]+(?: [A-Z][a-z]+)?)", body) or ["The minister"]
    extras = rng.sample(PROMO, 2) + [rng.choice(CAPTIONS).format(name=rng.choice(names)) for _ in range(2)]
    for line in extras:
        sents.insert(rng.randint(1, max(1, len(sents))), line)
    return "\n".join(sents)


def truncate(body: str, keep: float) -> str:
    sents = _sentences(body)
    return "\n".join(sents[: max(3, round(keep * len(sents)))])


def cosmetic(body: str) -> str:
    """A verbatim copy with the usual scraping differences: quotes, dashes, blank lines, a credit line."""
    body = body.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').replace(" - ", " \u2013 ")
    return body.replace("\n", "\n\n") + "\n\n(Source: wire services)"


def make_copy(kind: str, title: str, body: str, vocab: list[str], rng: random.Random) -> tuple[str, str]:
    """The edited (title, body) of one copy."""
    if kind == "duplicate":
        return title, cosmetic(body)
    if kind.startswith("substitute-"):
        share = int(kind.split("-")[1]) / 100
        return title, substitute(body, share, vocab, rng)
    if kind == "reorder":
        return title, reorder(body, rng)
    if kind == "promo+captions":
        return title, promote(body, title, rng)
    if kind == "truncate-50":
        return title, truncate(body, 0.5)
    if kind == "spin":
        return spin(title, rng), spin(body, rng)
    if kind == "mixed":  # 10% substituted, reordered, promoted, cut to 70%
        b = truncate(reorder(substitute(body, 0.10, vocab, rng), rng), 0.7)
        return title, promote(b, title, rng)
    raise ValueError(kind)


KINDS = [
    "duplicate", "substitute-05", "substitute-10", "substitute-20", "substitute-30", "substitute-40",
    "reorder", "promo+captions", "truncate-50", "spin", "mixed",
]
# Edits up to 20%: the kinds the target (recall ≥ 0.98 at precision ≥ 0.99) applies to.
TARGET_KINDS = {"duplicate", "substitute-05", "substitute-10", "substitute-20", "reorder", "promo+captions",
                "truncate-50", "spin", "mixed"}


# ------------------------------------------------------------------------------ data

@dataclasses.dataclass
class Doc:
    key: str
    title: str
    body: str
    lang: str | None
    story: str | None


def load_docs(shared: Path) -> list[Doc]:
    docs = []
    for line in (shared / "bench/stories/ecbplus-dev.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        docs.append(Doc(r["id"], r["title"] or "", r["text"], r.get("lang") or "en", r["story"]))
    for line in (shared / "bench/extraction/gold.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r.get("body") and len(r["body"]) > 300:
            docs.append(Doc("extraction/" + r["id"], r.get("title") or "", r["body"], None, None))
    return docs


def raw(doc: Doc, key: str | None = None) -> RawDocument:
    meta = {"id": key or doc.key, "title": doc.title or None, "lang": doc.lang}
    return RawDocument(key or doc.key, "text", doc.body, {k: v for k, v in meta.items() if v})


def bench_settings(url: str) -> Settings:
    s = Settings(database_url=url)
    return dataclasses.replace(s, fingerprint=dataclasses.replace(s.fingerprint, embeddings="off"))


def index_article(pipeline: Pipeline, conn, item: Processed, seq: int) -> list:
    """The provenance part of ingestion: find links, store the article, its LSH keys and links."""
    keys = pipeline.provenance.index_keys(item.analysis)
    links = pipeline.find_links(conn, item.analysis, item.fingerprint)
    pipeline.store.add_article(conn, item.analysis, item.fingerprint, None, seq)
    pipeline.store.add_lsh_keys(conn, item.analysis.article.id, keys)
    pipeline.store.add_links(conn, links)
    return links


def build_base(docs: list[Doc], scratch: Path, rebuild: bool = False) -> tuple[Path, dict[str, str], dict[str, str | None]]:
    """Index every base article (cached in ``scratch``); returns the db path, key → article id, key → lang."""
    db = scratch / "base.db"
    meta = scratch / "base.json"
    if rebuild:
        db.unlink(missing_ok=True)
    if db.exists() and meta.exists():
        m = json.loads(meta.read_text())
        return db, m["ids"], m["langs"]
    scratch.mkdir(parents=True, exist_ok=True)
    db.unlink(missing_ok=True)
    pipeline = Pipeline(bench_settings(f"sqlite:///{db}"))
    worker = ArticleWorker(pipeline.settings, STAGES)
    ids, langs = {}, {}
    t = time.time()
    with pipeline.store.begin() as conn:
        for i, item in enumerate(worker.process([raw(d) for d in docs])):
            if not isinstance(item, Processed) or pipeline.store.known_article(conn, item.analysis.article):
                continue
            index_article(pipeline, conn, item, i + 1)
            ids[item.analysis.article.external_id] = item.analysis.article.id
            langs[item.analysis.article.external_id] = item.analysis.lang
    pipeline.close()
    print(f"base store: {len(ids)} articles indexed in {time.time() - t:.0f}s", file=sys.stderr)
    meta.write_text(json.dumps({"ids": ids, "langs": langs}))
    return db, ids, langs


# ---------------------------------------------------------------------------- measures

def _text(pipeline: Pipeline, conn, article_id: str) -> str:
    return pipeline.store.get_article(conn, article_id).text


def _groups(links) -> dict[str, set[str]]:
    """Connected components of the links: article id → the set of its group."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for link in links:
        ra, rb = root(link.article_id), root(link.target_id)
        if ra != rb:
            parent[ra] = rb
    members: dict[str, set[str]] = defaultdict(set)
    for x in list(parent) + list(parent.values()):
        members[root(x)].add(x)
    return {x: m for m in members.values() for x in m}


# Words in a verbatim run (outside quotations) that mark two reports as sharing text (wire copy).
WIRE_RUN = 12
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|``[^\n]*?''|«[^»\n]*»|‘[^’\n]*’")


def longest_shared_run(a: str, b: str) -> int:
    """Longest run of identical words (case-folded) shared by two texts, quotations left out."""
    import difflib

    ta = re.findall(r"\w+", _QUOTED.sub(" | ", a).lower())
    tb = re.findall(r"\w+", _QUOTED.sub(" | ", b).lower())
    m = difflib.SequenceMatcher(None, ta, tb, autojunk=False).find_longest_match(0, len(ta), 0, len(tb))
    return m.size


def false_links(args: argparse.Namespace) -> dict:
    docs = load_docs(args.shared)
    db, ids, _ = build_base(docs, args.scratch, args.rebuild)
    story = {ids[d.key]: d.story for d in docs if d.story and d.key in ids}
    pipeline = Pipeline(bench_settings(f"sqlite:///{db}"))
    with pipeline.store.begin() as conn:
        links = [link for link in pipeline.store.all_links(conn) if link.article_id in story and link.target_id in story]
    pipeline.close()
    by_story = defaultdict(list)
    for aid, s in story.items():
        by_story[s].append(aid)
    same_pairs = sum(len(v) * (len(v) - 1) // 2 for v in by_story.values())
    same = [link for link in links if story[link.article_id] == story[link.target_id]]
    # ECB+ is not all independent reporting: outlets republish wire stories. A pair sharing a verbatim
    # run of WIRE_RUN words outside quotations shares text; the others are taken as independent.
    text_of = {ids[d.key]: d.title + "\n" + d.body for d in docs if d.key in ids}
    shared_run = {}
    for members in by_story.values():
        for x, y in combinations(sorted(members), 2):
            shared_run[frozenset((x, y))] = longest_shared_run(text_of[x], text_of[y])
    wire = {p for p, n in shared_run.items() if n >= WIRE_RUN}
    linked = {frozenset((link.article_id, link.target_id)) for link in same}
    out = {
        "ecb_articles": len(story), "same_story_pairs": same_pairs, "same_story_linked": len(same),
        "false_link_share": round(len(same) / same_pairs, 4) if same_pairs else 0.0,
        "cross_story_links": len(links) - len(same),
        "kinds": dict(Counter(link.kind.value for link in links)),
        f"pairs_sharing_a_{WIRE_RUN}_word_run": len(wire),
        "of_them_linked": len(linked & wire),
        "independent_pairs": same_pairs - len(wire),
        "independent_linked": len(linked - wire),
        "independent_false_link_share": round(len(linked - wire) / max(1, same_pairs - len(wire)), 4),
    }
    if args.verbose:
        out["linked"] = [(link.article_id, link.target_id, link.kind.value, link.reason[:160]) for link in links]
    return out


def edits(args: argparse.Namespace) -> dict:
    docs = load_docs(args.shared)
    db, ids, langs = build_base(docs, args.scratch, args.rebuild and args.what != "all")
    rng = random.Random(args.seed)
    vocab: dict[str | None, Counter] = defaultdict(Counter)
    for d in docs:
        vocab[langs.get(d.key)].update(w.lower() for w in _WORDS.findall(d.body) if len(w) > 2)
    vocab_lists = {lang: [w for w, n in c.items() if n >= 2] for lang, c in vocab.items()}
    pool = [d for d in docs if d.key in ids and len(_sentences(d.body)) >= 4]
    originals = rng.sample(pool, min(args.originals, len(pool)))
    pipeline = Pipeline(bench_settings(f"sqlite:///{db}"))
    worker = ArticleWorker(pipeline.settings, STAGES)
    # Copy the articles as newsprism stored them (after residue cleaning), as a republisher would.
    with pipeline.store.begin() as conn:
        stored = {d.key: pipeline.store.get_article(conn, ids[d.key]) for d in originals}
    originals = [dataclasses.replace(d, title=stored[d.key].title or "", body=stored[d.key].body) for d in originals]
    texts = {ids[d.key]: stored[d.key].text for d in originals}
    # Base articles that are already copies of each other (wire stories in ECB+): a copy of one is
    # rightly linked to any of them.
    with pipeline.store.begin() as conn:
        group = _groups(pipeline.store.all_links(conn))
    rows = {}
    for kind in args.kinds or KINDS:
        krng = random.Random(f"{args.seed}:{kind}")
        raws, origin = [], {}
        for d in originals:
            title, body = make_copy(kind, d.title, d.body, vocab_lists.get(langs.get(d.key)) or vocab_lists[None], krng)
            key = f"copy:{kind}:{d.key}"
            raws.append(raw(Doc(key, title, body, d.lang, None)))
            origin[key] = ids[d.key]
        processed = [p for p in worker.process(raws) if isinstance(p, Processed)]
        t = time.time()
        recalled, correct, wrong, siblings, kinds, direction = 0, 0, 0, 0, Counter(), Counter()
        examples: dict[str, list] = defaultdict(list)
        copy_of: dict[str, str] = {}
        with pipeline.store.engine.connect() as conn:
            trans = conn.begin()
            for n, item in enumerate(processed):
                a = item.analysis.article
                if pipeline.store.known_article(conn, a):  # byte-identical after normalization
                    recalled += 1
                    correct += 1
                    continue
                links = index_article(pipeline, conn, item, 10_000_000 + n)
                src = origin[a.external_id]
                copy_of[a.id] = src
                hit = False
                family = group.get(src, {src})
                for link in links:
                    other = link.target_id if link.article_id == a.id else link.article_id
                    if other in copy_of:  # a copy of another original (or of the same)
                        other = copy_of[other]
                    if other in family:
                        correct += 1
                        hit = True
                        kinds[link.kind.value] += other == src
                    elif longest_shared_run(texts[src], texts.get(other) or _text(pipeline, conn, other)) >= WIRE_RUN:
                        siblings += 1  # the original and this article share a wire text
                    else:
                        wrong += 1
                        examples["false"].append((a.external_id, pipeline.store.get_article(conn, other).external_id, link.reason[:200]))
                recalled += hit
                if not hit:
                    orig = pipeline.store.get_analysis(conn, src)
                    v = pipeline.provenance.assess(item.analysis, item.fingerprint, orig, pipeline.store.get_fingerprint(conn, src))
                    examples["missed"].append((a.external_id, v.reason, v.features))
                # Direction from the text alone: present the original as the newcomer.
                orig = pipeline.store.get_analysis(conn, src)
                ofp = pipeline.store.get_fingerprint(conn, src)
                v = pipeline.provenance.assess(orig, ofp, item.analysis, item.fingerprint)
                if v.link is None:
                    direction["no link"] += 1
                elif not v.link.direction or "order received" in v.link.reason:
                    direction["undecided"] += 1
                else:
                    direction["right" if v.link.article_id == a.id else "wrong"] += 1
                    if v.link.article_id != a.id:
                        examples["wrong direction"].append((a.external_id, v.link.direction))
            trans.rollback()
        n = len(processed)
        rows[kind] = {
            "copies": n, "recall": round(recalled / n, 4),
            "precision": round(correct / max(1, correct + wrong + siblings), 4),
            "precision_wire_siblings_allowed": round((correct + siblings) / max(1, correct + wrong + siblings), 4),
            "false_links": wrong, "links_to_wire_siblings": siblings, "kinds": dict(kinds), "direction_from_text": dict(direction),
            "seconds_per_copy": round((time.time() - t) / max(1, n), 4),
        }
        if args.verbose:
            rows[kind]["examples"] = {k: v[:8] for k, v in examples.items()}
        print(kind, rows[kind], file=sys.stderr)
    pipeline.close()
    target = [rows[k] for k in KINDS if k in TARGET_KINDS and k in rows] or list(rows.values())
    return {
        "originals": len(originals), "per_kind": rows,
        "target_kinds_min_recall": min(r["recall"] for r in target),
        "target_kinds_min_precision": min(r["precision"] for r in target),
    }


# --------------------------------------------------------------------------------- speed

def synthetic_corpus(docs: list[Doc], n: int, seed: int):
    """``n`` synthetic English articles: Zipf-like word draws from the bench vocabulary, with names and numbers."""
    rng = np.random.default_rng(seed)
    counts = Counter(w.lower() for d in docs if d.story for w in _WORDS.findall(d.body) if len(w) > 2)
    words = np.array(list(counts))
    p = np.array([counts[w] for w in words], dtype=float)
    p /= p.sum()
    names = sorted({m for d in docs if d.story for m in re.findall(r"(?<=[a-z] )[A-Z][a-z]{3,}", d.body)})
    for i in range(n):
        sents = []
        for _ in range(int(rng.integers(8, 25))):
            ws = list(rng.choice(words, size=int(rng.integers(10, 28)), p=p))
            if rng.random() < 0.6:
                ws.insert(int(rng.integers(1, len(ws))), names[int(rng.integers(len(names)))])
            if rng.random() < 0.3:
                ws.insert(int(rng.integers(1, len(ws))), str(int(rng.integers(2, 5000))))
            sents.append(" ".join(ws).capitalize() + ".")
        title = " ".join(rng.choice(words, size=8, p=p)).capitalize()
        yield f"bg{i}", title, " ".join(sents)


def build_scale(docs: list[Doc], scratch: Path, n: int) -> Path:
    p = Settings().provenance  # the keys depend on the index settings: one cached store per choice
    db = scratch / f"scale-{n}-w{p.words_bands}x{p.words_rows}-a{p.anchors_bands}x{p.anchors_rows}-s{p.seed}.db"
    if db.exists():
        return db
    tmp = db.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    pipeline = Pipeline(bench_settings(f"sqlite:///{tmp}"))
    t = time.time()
    batch = []
    conn_ctx = pipeline.store.begin()
    conn = conn_ctx.__enter__()
    for i, (key, title, body) in enumerate(synthetic_corpus(docs, n, 11)):
        article = Article.build(text=body, title=title, id=key, lang="en")
        sents = [article.span(s, e, "sentences") for s, e in split_sentences(article.text)]
        analysis = Analysis(article, lang="en", sentences=sents)
        # Real key terms (the candidate pre-check compares them), no MinHash or embedding (unused here).
        terms, weights = Fingerprinter.key_terms(analysis)
        pipeline.store.add_article(conn, analysis, Fingerprint(key, np.zeros(1, np.uint64), None, terms, weights), None, i + 1)
        pipeline.store.add_lsh_keys(conn, key, pipeline.provenance.index_keys(analysis))
        if (i + 1) % 5000 == 0:
            conn_ctx.__exit__(None, None, None)
            print(f"  {i + 1} synthetic articles indexed ({time.time() - t:.0f}s)", file=sys.stderr)
            conn_ctx = pipeline.store.begin()
            conn = conn_ctx.__enter__()
    conn_ctx.__exit__(None, None, None)
    pipeline.close()
    tmp.rename(db)
    del batch
    return db


class _ArrayIndex:
    """The peer: the same LSH keys held in memory as sorted numpy arrays (what an in-process index costs)."""

    def __init__(self, pipeline: Pipeline, conn) -> None:
        from sqlalchemy import select

        from newsprism.store import schema as t

        rows = conn.execute(select(t.lsh_keys.c.key, t.lsh_keys.c.article_id)).all()
        self.names = sorted({r[1] for r in rows})
        number = {n: i for i, n in enumerate(self.names)}
        keys = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        ids = np.fromiter((number[r[1]] for r in rows), dtype=np.int64, count=len(rows))
        order = np.argsort(keys, kind="stable")
        self.keys, self.ids = keys[order], ids[order]

    def candidates(self, keys: list[int], limit: int) -> list[str]:
        q = np.asarray(sorted(set(keys)), dtype=np.int64)
        lo, hi = np.searchsorted(self.keys, q, "left"), np.searchsorted(self.keys, q, "right")
        hits = np.concatenate([self.ids[a:b] for a, b in zip(lo, hi)]) if len(q) else np.zeros(0, np.int64)
        found, counts = np.unique(hits, return_counts=True)
        best = found[np.argsort(-counts, kind="stable")[:limit]]
        return [self.names[i] for i in best]


def speed(args: argparse.Namespace) -> dict:
    """Link detection per new article with ``--indexed`` synthetic articles plus the ECB+ dev set stored."""
    docs = load_docs(args.shared)
    scale_db = build_scale(docs, args.scratch, args.indexed)
    work = args.scratch / "speed.db"
    shutil.copy(scale_db, work)
    for suffix in ("-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    pipeline = Pipeline(bench_settings(f"sqlite:///{work}"))
    worker = ArticleWorker(pipeline.settings, STAGES)
    rng = random.Random(args.seed)
    ecb = [d for d in docs if d.story]
    sample = rng.sample(ecb, min(args.queries, len(ecb)))
    chosen = {d.key for d in sample}
    # Stored before the timing: the rest of ECB+ (same-story articles, wire copies) and a 10%-edited copy
    # of every other query article, so that verification does real work.
    stored = [raw(d) for d in ecb if d.key not in chosen]
    stored += [raw(Doc("c:" + d.key, d.title, substitute(d.body, 0.1, ["lorem"], rng), d.lang, None)) for d in sample[::2]]
    queries = [p for p in worker.process([raw(d) for d in sample]) if isinstance(p, Processed)]
    limit = pipeline.settings.provenance.candidates
    total, retrieval, peer, cands, nlinks = [], [], [], [], 0
    with pipeline.store.engine.connect() as conn:
        trans = conn.begin()
        for n, item in enumerate(worker.process(stored)):
            if isinstance(item, Processed) and not pipeline.store.known_article(conn, item.analysis.article):
                index_article(pipeline, conn, item, 20_000_000 + n)
        for item in queries:
            keys = pipeline.provenance.index_keys(item.analysis)
            t = time.perf_counter()
            found = pipeline.store.lsh_candidates(conn, keys, limit)
            retrieval.append(time.perf_counter() - t)
            cands.append(len(found))
            t = time.perf_counter()
            links = pipeline.find_links(conn, item.analysis, item.fingerprint)
            total.append(time.perf_counter() - t)
            nlinks += bool(links)
        t = time.perf_counter()
        array_index = _ArrayIndex(pipeline, conn)
        peer_build = time.perf_counter() - t
        for item in queries:
            keys = pipeline.provenance.index_keys(item.analysis)
            t = time.perf_counter()
            array_index.candidates(keys, limit)
            peer.append(time.perf_counter() - t)
        rows = len(array_index.keys)
        trans.rollback()
    pipeline.close()
    work.unlink(missing_ok=True)
    return {
        "indexed": args.indexed + len(stored), "lsh_rows": rows, "db_mb": round(scale_db.stat().st_size / 2**20),
        "queries": len(queries), "articles_per_second": round(len(total) / sum(total), 1),
        "median_ms": round(1000 * statistics.median(total), 1), "p95_ms": round(1000 * float(np.percentile(total, 95)), 1),
        "retrieval_median_ms": round(1000 * statistics.median(retrieval), 2),
        "peer_in_memory_retrieval_median_ms": round(1000 * statistics.median(peer), 2),
        "retrieval_vs_peer": round(statistics.median(retrieval) / statistics.median(peer), 1),
        "peer_build_s": round(peer_build, 1),
        "median_candidates": statistics.median(cands), "queries_with_links": nlinks,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["edits", "false-links", "speed", "all"])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--scratch", type=Path, default=Path("/tmp/newsprism-bench-provenance"))
    ap.add_argument("--originals", type=int, default=300)
    ap.add_argument("--indexed", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--kinds", nargs="*", choices=KINDS, help="edit kinds to measure (default: all)")
    ap.add_argument("--rebuild", action="store_true", help="re-index the cached base store (after a code change)")
    args = ap.parse_args()
    if not (args.shared / "bench").is_dir():
        args.shared = Path("/work/shared")
    out = {}
    if args.what in ("false-links", "all"):
        out["false_links"] = false_links(args)
    if args.what in ("edits", "all"):
        out["edits"] = edits(args)
    if args.what in ("speed", "all"):
        out["speed"] = speed(args)
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
