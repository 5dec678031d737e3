"""Text features for stance detection (private to :mod:`newsprism.stance`).

A headline–body pair becomes one row of numbers: how much of the headline the body covers (TF-IDF
cosine against the whole body, its lead and its best-matching sentences; word and bigram overlap), and
which cue words surround that coverage (refuting, hedging and confirming words in the body, its lead,
its best-matching sentences and the headline). The work that depends only on the body (sentences,
tokens, TF-IDF weights) is done once per body by :class:`BodyView` and reused for every headline.

>>> stats = TextStats.fit(["A giant crab", "A crab photo"])
>>> body = BodyView.build("A giant crab was seen. Experts say the photo is fake.", stats)
>>> [body.text[s:e] for s, e in body.sentences]
['A giant crab was seen.', 'Experts say the photo is fake.']
>>> row = pair_features(HeadlineView.build("Giant crab spotted", stats), body)
>>> len(row) == len(FEATURE_NAMES)
True
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = [
    "FEATURE_NAMES",
    "BodyView",
    "HeadlineView",
    "Idf",
    "PREFIX_CHARS",
    "TextStats",
    "content_tokens",
    "pair_features",
    "prefixes",
    "sentence_spans",
    "words",
]

# Cue lexicons. The refuting list extends the FNC-1 baseline's (fake, fraud, hoax, false, deny, ...);
# hedging words mark reports that relay a claim without endorsing it ("discuss"); confirming words mark
# reports that assert it ("agree").
REFUTING = frozenset(
    """fake fraud hoax false deny denies denied denying refute refutes refuted not despite nope doubt
    doubts bogus debunk debunked debunks debunking prank pranks retract retracted retraction untrue myth
    misleading satire satirical parody joke fabricated photoshopped doctored incorrect wrong dismissed
    dismisses reject rejects rejected never baseless unfounded lie lies lied isn't wasn't didn't doesn't
    aren't don't hasn't haven't won't scam spoof insists""".split()
)
HEDGING = frozenset(
    """reportedly allegedly alleged claims claim claimed claiming according reports report reported rumor
    rumors rumour rumours rumored rumoured unconfirmed unverified purportedly supposedly apparently
    appears appear may might could possibly possible likely suggest suggests suggested if whether
    speculation speculated believed believe seems seem seemingly unclear sources source would""".split()
)
CONFIRMING = frozenset(
    """confirmed confirms confirm confirming officially announced announces indeed true verified revealed
    actually proof evidence shows showed video footage statement""".split()
)
NEGATIONS = frozenset("not no never nothing none nobody neither nor without".split())
# Words that call a claim false outright (a subset of REFUTING without plain negations).
DEBUNKING = frozenset(
    """fake fraud hoax false deny denies denied denying refute refutes refuted bogus debunk debunked debunks
    debunking prank pranks retract retracted retraction untrue myth misleading satire satirical parody
    fabricated photoshopped doctored baseless unfounded scam spoof""".split()
)
# Words of attribution: reports that relay what others said tend to "discuss".
ATTRIBUTION = frozenset("said says say told according reported reports claimed claims stated".split())

# English function words (a compact list in the spirit of scikit-learn's ENGLISH_STOP_WORDS, without
# negations, which carry stance).
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i in into is it its itself just me more most my
    myself of off on once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with you your yours yourself
    yourselves said says say s t""".split()
)

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# A sentence ends at ., ! or ? (optionally closed by a quote or bracket) followed by space and a capital,
# digit or opening quote; scraped bodies also glue sentences ("...music service.Many engineers").
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")


def words(text: str) -> list[str]:
    """Lower-cased word tokens; ``’`` is read as ``'``.

    >>> words("Apple’s CEO isn't here.")
    ["apple's", 'ceo', "isn't", 'here']
    """
    return [w.lower().replace("’", "'") for w in _TOKEN.findall(text)]


def _stem(word: str) -> str:
    # A light suffix stripper: enough to match "denies"/"denied", "reports"/"reported" across texts.
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_tokens(tokens: Iterable[str]) -> list[str]:
    """Stemmed tokens without function words, the units of TF-IDF and overlap.

    >>> content_tokens(words("The reports were denied by officials"))
    ['report', 'deni', 'official']
    """
    return [_stem(w) for w in tokens if w not in STOP_WORDS and len(w) > 1]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Half-open character spans of the sentences of ``text`` (stripped, never empty).

    >>> t = "First one. Second one!\\nThird"
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['First one.', 'Second one!', 'Third']
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        base, segment, pos = line.start(), line.group(), 0
        cuts = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(segment)] + [(len(segment), len(segment))]
        for end, nxt in cuts:
            piece = segment[pos:end]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if piece.strip():
                spans.append((base + pos + lead, base + end - trail))
            pos = nxt
    return spans or [(0, len(text))]


@dataclass(frozen=True)
class Idf:
    """Inverse document frequencies learned from a corpus; unseen tokens get the rarest weight.

    Attributes:
        weights: token → idf for the tokens seen in at least ``min_df`` documents.
        n_docs: number of documents the weights were learned from.
    """

    weights: dict[str, float]
    n_docs: int

    @classmethod
    def fit(cls, docs: Iterable[Sequence[str]], min_df: int = 1) -> Idf:
        """Smoothed idf ``log((1 + n) / (1 + df)) + 1`` (scikit-learn's), from tokenized documents."""
        df: Counter[str] = Counter()
        n = 0
        for doc in docs:
            df.update(set(doc))
            n += 1
        weights = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in sorted(df.items()) if c >= min_df}
        return cls(weights, n)

    @property
    def unseen(self) -> float:
        return math.log(1 + self.n_docs) + 1.0

    def vector(self, tokens: Sequence[str]) -> dict[str, float]:
        """L2-normalized sublinear TF-IDF weights of ``tokens`` as a sparse dict."""
        counts = Counter(tokens)
        vec = {t: (1.0 + math.log(c)) * self.weights.get(t, self.unseen) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}


def prefixes(tokens: Iterable[str]) -> list[str]:
    """Token prefixes of :data:`PREFIX_CHARS` characters: a fuzzy match for spelling variants and
    compounds that stemming misses ("Argentine"/"Argentina", "Crabzilla"/"crab").

    >>> prefixes(["argentine", "crabzilla", "eu"])
    ['arge', 'crab', 'eu']
    """
    return [t[:PREFIX_CHARS] for t in tokens]


# Prefix length for fuzzy matching: 4 joins "boobs"/"boobed" and "crab"/"crabzilla" (5 would not).
PREFIX_CHARS = 4


@dataclass(frozen=True)
class TextStats:
    """The corpus statistics features need: idf of stemmed tokens and of their prefixes."""

    tokens: Idf
    prefixes: Idf

    @classmethod
    def fit(cls, texts: Iterable[str], min_df: int = 1) -> TextStats:
        docs = [content_tokens(words(t)) for t in texts]
        return cls(Idf.fit(docs, min_df), Idf.fit((prefixes(d) for d in docs), min_df))


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


@dataclass(frozen=True)
class HeadlineView:
    """A headline prepared once: its words, content tokens and TF-IDF vector."""

    text: str
    words: tuple[str, ...]
    tokens: tuple[str, ...]
    vector: dict[str, float]
    prefix_vector: dict[str, float]
    idf: tuple[float, ...]

    @classmethod
    def build(cls, text: str, stats: TextStats) -> HeadlineView:
        ws = words(text)
        toks = tuple(dict.fromkeys(content_tokens(ws)))
        idf = stats.tokens
        return cls(
            text,
            tuple(ws),
            toks,
            idf.vector(toks),
            stats.prefixes.vector(prefixes(toks)),
            tuple(idf.weights.get(t, idf.unseen) for t in toks),
        )


@dataclass(frozen=True)
class BodyView:
    """A body prepared once for all the headlines it is paired with."""

    text: str
    sentences: tuple[tuple[int, int], ...]
    sentence_words: tuple[tuple[str, ...], ...]
    sentence_vectors: tuple[dict[str, float], ...]
    vector: dict[str, float]
    lead_vector: dict[str, float]
    prefix_vector: dict[str, float]
    prefix_sentence_vectors: tuple[dict[str, float], ...]
    prefix_set: frozenset[str]
    token_counts: Counter
    lead_tokens: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    n_words: int

    # Sentences forming the lead (the first few sentences carry the claim in news writing).
    LEAD_SENTENCES = 3

    @classmethod
    def build(cls, text: str, stats: TextStats) -> BodyView:
        spans = sentence_spans(text)
        sent_words = tuple(tuple(words(text[s:e])) for s, e in spans)
        sent_tokens = [content_tokens(ws) for ws in sent_words]
        all_tokens = [t for toks in sent_tokens for t in toks]
        lead = [t for toks in sent_tokens[: cls.LEAD_SENTENCES] for t in toks]
        return cls(
            text=text,
            sentences=tuple(spans),
            sentence_words=sent_words,
            sentence_vectors=tuple(stats.tokens.vector(toks) for toks in sent_tokens),
            vector=stats.tokens.vector(all_tokens),
            lead_vector=stats.tokens.vector(lead),
            prefix_vector=stats.prefixes.vector(prefixes(all_tokens)),
            prefix_sentence_vectors=tuple(stats.prefixes.vector(prefixes(toks)) for toks in sent_tokens),
            prefix_set=frozenset(prefixes(all_tokens)),
            token_counts=Counter(all_tokens),
            lead_tokens=frozenset(lead),
            bigrams=frozenset(zip(all_tokens, all_tokens[1:])),
            n_words=sum(len(ws) for ws in sent_words),
        )

    def sentence_scores(self, headline: HeadlineView) -> np.ndarray:
        """TF-IDF cosine of the headline with every sentence."""
        return np.array([_cosine(headline.vector, v) for v in self.sentence_vectors])


def _cues(ws: Sequence[str]) -> tuple[int, int, int]:
    return (
        sum(w in REFUTING for w in ws),
        sum(w in HEDGING for w in ws),
        sum(w in CONFIRMING for w in ws),
    )


# Best-matching sentences whose cue words are counted.
TOP_SENTENCES = 3

FEATURE_NAMES: tuple[str, ...] = (
    "cos_body",
    "cos_lead",
    "cos_sent_max",
    "cos_sent_top3",
    "cos_sent_first",
    "argmax_position",
    "n_sents_over_0.2",
    "overlap_frac",
    "overlap_idf",
    "overlap_lead",
    "bigram_overlap",
    "overlap_log_tf",
    "headline_tokens",
    "body_log_words",
    "cos_body_prefix",
    "cos_sent_max_prefix",
    "overlap_idf_prefix",
    *(f"{cue}_{scope}" for scope in ("body", "lead", "top", "top1", "head") for cue in ("ref", "hedge", "conf")),
    "head_question",
    "head_quote",
    "neg_near_overlap_top1",
    "debunk_sentence_share",
    "debunk_top5",
    "debunk_lead",
    "debunk_head",
    "neg_top3",
    "neg_head",
    "attribution_per_100",
    "quotes_per_100",
    "questions_body",
    "sim_best_debunk_sentence",
    "sim_best_hedge_sentence",
    "sim_best_confirm_sentence",
)


def pair_features(headline: HeadlineView, body: BodyView) -> list[float]:
    """One feature row for a headline–body pair, in :data:`FEATURE_NAMES` order."""
    sims = body.sentence_scores(headline)
    order = np.argsort(-sims, kind="stable")
    hs = headline.tokens
    in_body = [t in body.token_counts for t in hs]
    n = max(1, len(hs))
    idf_total = sum(headline.idf) or 1.0
    head_bigrams = set(zip(hs, hs[1:]))
    row = [
        _cosine(headline.vector, body.vector),
        _cosine(headline.vector, body.lead_vector),
        float(sims[order[0]]),
        float(sims[order[:TOP_SENTENCES]].mean()),
        float(sims[0]),
        order[0] / len(sims),
        float((sims > 0.2).sum()),
        sum(in_body) / n,
        sum(w for w, hit in zip(headline.idf, in_body) if hit) / idf_total,
        sum(t in body.lead_tokens for t in hs) / n,
        len(head_bigrams & body.bigrams) / max(1, len(head_bigrams)),
        sum(math.log1p(body.token_counts[t]) for t in hs) / n,
        float(len(hs)),
        math.log1p(body.n_words),
        _cosine(headline.prefix_vector, body.prefix_vector),
        max(_cosine(headline.prefix_vector, v) for v in body.prefix_sentence_vectors),
        sum(w for w, t in zip(headline.idf, hs) if t[:PREFIX_CHARS] in body.prefix_set) / idf_total,
    ]
    all_words = [w for ws in body.sentence_words for w in ws]
    top_words = [w for i in order[:TOP_SENTENCES] for w in body.sentence_words[i]]
    scopes = (
        (all_words, max(1, len(all_words)) / 100.0),  # per 100 words
        ([w for ws in body.sentence_words[: BodyView.LEAD_SENTENCES] for w in ws], 1.0),
        (top_words, 1.0),
        (list(body.sentence_words[order[0]]), 1.0),
        (list(headline.words), 1.0),
    )
    for ws, norm in scopes:
        row.extend(c / norm for c in _cues(ws))
    text = headline.text.strip()
    row.append(float(text.endswith("?")))
    row.append(float(any(q in text for q in "\"“‘")))
    best = body.sentence_words[order[0]]
    head_set = set(hs)
    hits = [i for i, w in enumerate(best) if _stem(w) in head_set]
    neg = sum(1 for i, w in enumerate(best) if (w in NEGATIONS or w.endswith("n't")) and any(abs(i - j) <= 4 for j in hits))
    row.append(float(neg))
    row.extend(_polarity_features(headline, body, sims, order))
    return row


def _is_negation(word: str) -> bool:
    return word in NEGATIONS or word.endswith("n't")


def _polarity_features(headline: HeadlineView, body: BodyView, sims: np.ndarray, order: np.ndarray) -> list[float]:
    sent_words = body.sentence_words
    debunk = np.array([any(w in DEBUNKING for w in ws) for ws in sent_words])
    hedge = np.array([any(w in HEDGING for w in ws) for ws in sent_words])
    confirm = np.array([any(w in CONFIRMING for w in ws) for ws in sent_words])
    per_100 = 100.0 / max(1, body.n_words)
    return [
        float(debunk.mean()),
        float(sum(w in DEBUNKING for i in order[:5] for w in sent_words[i])),
        float(sum(w in DEBUNKING for ws in sent_words[: BodyView.LEAD_SENTENCES] for w in ws)),
        float(sum(w in DEBUNKING for w in headline.words)),
        float(sum(_is_negation(w) for i in order[:TOP_SENTENCES] for w in sent_words[i])),
        float(sum(_is_negation(w) for w in headline.words)),
        sum(w in ATTRIBUTION for ws in sent_words for w in ws) * per_100,
        sum(body.text.count(q) for q in "\"“”") * per_100,
        float(body.text.count("?")),
        float(sims[debunk].max()) if debunk.any() else 0.0,
        float(sims[hedge].max()) if hedge.any() else 0.0,
        float(sims[confirm].max()) if confirm.any() else 0.0,
    ]
