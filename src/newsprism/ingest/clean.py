"""Scraping residue removal for plain text, keeping a record of everything removed.

Scraped article text carries the page around it. The :class:`Cleaner` removes it line by line and returns
the clean text with the spans of the raw text it dropped, each labelled with the reason, so a user can see
why a paragraph is gone. The reasons:

- ``repeated title`` / ``headline``: the title (or the page's ``<h1>``, from markup hints) again;
- ``byline or dateline``: "By Ann Lee", "Updated 5 May 2024, 10:00", "Reading time: 3 min";
- ``link line`` / ``link text`` / ``teaser heading``: "Read also: …", "More in our live blog:", teaser
  links known from the markup, "Related articles" headings;
- ``fact box``: lines of a background box set apart from the story (from markup hints);
- ``photo credit`` / ``caption`` / ``run-in caption``: "(Photo: AP)", "Jane Roe/AFP via Getty Images",
  the caption above a credit, a sentence of the text repeated without its full stop as a caption, captions
  glued to the text without a space ("…in Tehran todayPutin speaks");
- ``promo`` / ``media teaser`` / ``repeated boilerplate``: calls to action ("Top jobs of the day … notified
  by email", newsletters, share prompts, consent notices), "Video: … | 2:57 min", furniture repeated
  across the page;
- ``contact line`` / ``footer`` / ``page tail``: "Write to … at …@…", "Additional reporting by …", "©
  …", "source site-14", everything after an end-of-article heading ("Comments") near the end.

Patterns cover English, German, French, Spanish and, for the commonest prompts, Nordic languages and
Japanese; markup hints (:mod:`._dom`) cover captions and links in any language.

>>> raw = ("Title\\n\\n" + "The minister said on Monday that talks would go on. " * 5 +
...        "\\n\\nA crowd outside the ministry\\n\\n(Photo: AP)\\n\\nRead also: Other story")
>>> out = Cleaner()(raw, title="Title")
>>> out.text.endswith('talks would go on.')
True
>>> for r in out.removed:
...     print(repr(raw[r.start:r.end]), r.reason)
'Title' repeated title
'A crowd outside the ministry' caption
'(Photo: AP)' photo credit
'Read also: Other story' link line
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from ..settings import ExtractSettings
from . import _residue as P
from ._dom import norm_line, word_count

__all__ = ["Cleaned", "Cleaner", "Removal"]

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Removal:
    """A span ``[start, end)`` of the raw text that cleaning removed, and why."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Cleaned:
    """Clean text and the removals, as spans of the raw text given to the cleaner."""

    text: str
    removed: tuple[Removal, ...] = field(default_factory=tuple)


def _compact(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _is_title_copy(line: str, title_norm: str) -> bool:
    """The title again, alone or with a kicker glued to it ("Olympics Athlete wins gold" for "Athlete wins
    gold"), compared without spaces and punctuation."""
    line_c, title_c = _compact(line), _compact(title_norm)
    return bool(title_c) and title_c in line_c and len(line_c) <= 2 * len(title_c)


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text`` (without surrounding whitespace)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        seg = m.group()
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append((m.start() + lead, m.start() + len(seg.rstrip())))
    return out


class Cleaner:
    """Remove scraping residue from plain text; see the module docstring for what counts as residue."""

    def __init__(self, settings: ExtractSettings | None = None) -> None:
        self.settings = settings or ExtractSettings()

    def __call__(
        self,
        raw: str,
        title: str | None = None,
        hints: Mapping[str, str] | None = None,
        origin: Literal["text", "html"] = "text",
    ) -> Cleaned:
        """Clean ``raw``.

        Args:
            raw: The scraped text, paragraphs on their own lines.
            title: The article's title; a copy of it at the top of the text is removed.
            hints: Residue known from the page's markup: :func:`~newsprism.ingest._dom.norm_line` keys of
                lines to remove, with the reason (captions, link-only blocks).
            origin: ``"html"`` when ``raw`` was extracted from markup. Then caption guesses from the shape
                of a line, and splitting text run together without spaces, are left to the markup
                (``hints``): an extractor keeps block boundaries, so run-together text is a real word.

        Returns:
            The clean text and the removed spans of ``raw`` with their reasons.
        """
        lines = _lines(raw)
        reasons: dict[int, str] = {}
        self._mark_hints(raw, lines, reasons, hints or {})
        self._mark_datelines_and_contacts(raw, lines, reasons)
        guessed = self._mark_lines(raw, lines, reasons, title, origin)
        self._mark_header(raw, lines, reasons)
        self._mark_repeats(raw, lines, reasons)
        self._mark_caption_copies(raw, lines, reasons)
        self._mark_promo_blocks(raw, lines, reasons)
        self._mark_captions_above_credits(raw, lines, reasons)
        self._mark_tail(raw, lines, reasons)
        if len(reasons) == len(lines):
            # A line's shape alone never empties a text: with nothing else left, unpunctuated sentences
            # are a brief cut short (or a one-sentence report), not captions.
            for i in guessed:
                if reasons.get(i) == "caption":
                    del reasons[i]
        removed: list[Removal] = []
        kept: list[tuple[int, int]] = []
        words = Counter(P.TOKEN.findall(raw))
        for i, (s, e) in enumerate(lines):
            if i in reasons:
                removed.append(Removal(s, e, reasons[i]))
                continue
            pieces = [(s, e, None)] if origin == "html" else self._split_run_in_captions(raw, s, e, words)
            for piece_s, piece_e, reason in pieces:
                if reason:
                    removed.append(Removal(piece_s, piece_e, reason))
                else:
                    kept.append((piece_s, piece_e))
        parts: list[str] = []
        prev_end = None
        for s, e in kept:
            if prev_end is not None:
                parts.append("\n\n" if "\n" in raw[prev_end:s] else " ")
            parts.append(raw[s:e])
            prev_end = e
        return Cleaned("".join(parts), tuple(sorted(removed, key=lambda r: r.start)))

    # -- line rules ---------------------------------------------------------------------------

    @staticmethod
    def _mark_hints(raw: str, lines: list[tuple[int, int]], reasons: dict[int, str], hints: Mapping[str, str]) -> None:
        """Lines the markup calls residue; also list items that open with a link's text ("- Coach fired
        by club The coach took the team to the final"): teaser cards with their blurb."""
        if not hints:
            return
        for i, (s, e) in enumerate(lines):
            line = raw[s:e]
            key = norm_line(line)
            reason = hints.get(key)
            if reason:
                reasons[i] = reason
            elif line.startswith(("- ", "• ")):
                words = key.split()
                for k in range(min(len(words) - 1, 25), 3, -1):
                    if hints.get(" ".join(words[:k])) == "link text":
                        reasons[i] = "link text"
                        break

    def _mark_header(self, raw: str, lines: list[tuple[int, int]], reasons: dict[int, str]) -> None:
        """Bylines, datelines and labels among the first lines ("By Ann Lee", "Updated: 5 May 2024, 10:00",
        a section or kicker label such as "Politics")."""
        for i, (s, e) in enumerate(lines[: self.settings.header_lines]):
            line = raw[s:e]
            if i in reasons:
                continue
            words = word_count(line)
            if words <= self.settings.header_max_words and P.HEADER.match(line):
                if not re.search(r"[.!?…]\s*$", line) or re.search(r"\d", line):
                    reasons[i] = "byline or dateline"
            elif (
                words <= self.settings.label_max_words
                and i + 1 < len(lines)
                and not line.rstrip().endswith((":", "?", "!", "."))
            ):
                reasons[i] = "section label"

    def _mark_datelines_and_contacts(self, raw: str, lines: list[tuple[int, int]], reasons: dict[int, str]) -> None:
        """Lines that hold only a date or time (anywhere), and contact or reporting notes among the last
        lines ("Write to Ann Lee at ann@example.com")."""
        n = len(lines)
        for i, (s, e) in enumerate(lines):
            if i in reasons:
                continue
            line = raw[s:e]
            # datelines are counted without their digits: "2025年1月14日 01時28分" is one date, not 8 words
            if re.search(r"\d", line) and word_count(re.sub(r"\d+", " ", line)) <= self.settings.header_max_words:
                rest = re.sub(r"[\W\d_]+", " ", P.DATE_WORDS.sub(" ", line)).strip()
                if not rest:
                    reasons[i] = "byline or dateline"
                    continue
            near_end = i >= n - self.settings.header_lines
            if near_end and word_count(line) <= 3 * self.settings.header_max_words and P.CONTACT.search(line):
                reasons[i] = "contact line"

    def _mark_repeats(self, raw: str, lines: list[tuple[int, int]], reasons: dict[int, str]) -> None:
        """Short lines repeated many times are page furniture ("External content not available").

        A paragraph printed twice is left alone, and so are repeated table rows and lines holding numbers:
        quotes, tweets, table headers, recipe steps and list items ("1 cup milk") repeat in real articles.
        """
        keys = [norm_line(raw[s:e]) for s, e in lines]
        counts = Counter(keys)
        for i, key in enumerate(keys):
            if not key or i in reasons or _DIGIT.search(key):
                continue
            if P.TABLE_ROW.search(raw[lines[i][0] : lines[i][1]]):
                continue
            words = word_count(key)
            if (counts[key] >= self.settings.repeat_min and words <= self.settings.header_max_words) or (
                counts[key] >= 2 and words <= self.settings.repeat_short_words
            ):
                reasons[i] = "repeated boilerplate"

    def _mark_caption_copies(self, raw: str, lines: list[tuple[int, int]], reasons: dict[int, str]) -> None:
        """A sentence printed again without its final punctuation is a caption quoting the text (news sites
        caption photos with a sentence of the story): the copy without punctuation goes."""
        by_key: dict[str, list[int]] = {}
        for i, (s, e) in enumerate(lines):
            by_key.setdefault(norm_line(raw[s:e]), []).append(i)
        for key, idx in by_key.items():
            if len(idx) < 2 or word_count(key) < self.settings.caption_copy_min_words:
                continue
            punctuated = [i for i in idx if P.END_PUNCT.search(raw[lines[i][0] : lines[i][1]])]
            if punctuated:
                for i in idx:
                    if i not in punctuated:
                        reasons.setdefault(i, "caption")

    def _mark_lines(
        self, raw: str, lines: list[tuple[int, int]], reasons: dict[int, str], title: str | None, origin: str
    ) -> set[int]:
        """Mark residue recognized line by line; returns the lines taken for captions by their shape alone."""
        guessed: set[int] = set()
        limit = self.settings.residue_max_chars
        title_norm = norm_line(title) if title else None
        n = len(lines)
        counts = Counter(norm_line(raw[s:e]) for s, e in lines)
        max_words = self.settings.header_max_words
        for i, (s, e) in enumerate(lines):
            line = raw[s:e]
            if i in reasons:
                continue
            # The patterns are long alternations: the cheap length tests go first (most lines are prose).
            short = len(line) <= limit
            words = word_count(line)
            if title_norm and i < 3 and _is_title_copy(line, title_norm):
                reasons[i] = "repeated title"
            elif short and (P.LINK_LINE.match(line) or P.URL_LINE.match(line) or P.TAGGED_TEASER.search(line)):
                reasons[i] = "link line"
            elif P.TEASER_HEADING.match(line):
                reasons[i] = "teaser heading"
            elif short and P.CAPTION_LABEL.match(line):
                reasons[i] = "caption"
            elif len(line) <= 120 and (
                P.CREDIT.match(line) or (P.AGENCY_CREDIT.match(line) and not line.rstrip().endswith("."))
            ):
                reasons[i] = "photo credit"
            elif short and P.MEDIA.search(line):
                reasons[i] = "media teaser"
            elif (
                ((words <= max_words or (short and counts[norm_line(line)] > 1)) and P.PROMO.search(line))
                or (short and P.SOCIAL_PROMPT.search(line))
                # consent notices run longer than other prompts (dev set: up to 350 characters)
                or (len(line) <= 2 * limit and P.STRONG_PROMO.search(line))
            ):
                reasons[i] = "promo"
            elif words <= max_words and P.READING_TIME.search(line):
                reasons[i] = "byline or dateline"
            elif words <= 2 * max_words and P.LINK_INTRO.search(line):
                reasons[i] = "link line"
            elif i >= n - 3 and words <= 6 and P.FOOTER.match(line) and not P.END_PUNCT.search(line):
                reasons[i] = "footer"
            elif (
                origin == "text"
                and short
                and words >= self.settings.caption_min_words
                and not P.TABLE_ROW.search(line)
                and not P.END_PUNCT.search(line)
            ):
                reasons[i] = "caption"
                guessed.add(i)
        return guessed

    def _mark_tail(self, raw: str, lines: list[tuple[int, int]], reasons: dict[int, str]) -> None:
        """An end-of-article heading ("Comments", "Related articles") in the last part of the text closes
        the article: it and everything after it is the page's tail. Earlier, it heads a teaser box and
        only the heading goes (the box's links are hints)."""
        total = sum(e - s for s, e in lines)
        seen = 0
        for i, (s, e) in enumerate(lines):
            seen += e - s
            if not P.END_MARKER.match(raw[s:e]):
                continue
            if seen < total * self.settings.tail_min_share:
                reasons.setdefault(i, "teaser heading")  # a "Related" box inside the article
                continue
            for j in range(i, len(lines)):
                reasons.setdefault(j, "page tail")
            return

    def _mark_promo_blocks(self, raw: str, lines: list[tuple[int, int]], reasons: dict[int, str]) -> None:
        """A short block of lines (blank-line separated) holding a call to action is removed whole,
        together with a short heading line right above it ("Top jobs of the day")."""
        blocks: list[list[int]] = []
        for i, (s, _e) in enumerate(lines):
            if blocks and "\n\n" not in raw[lines[blocks[-1][-1]][1] : s].replace("\r", "").replace(" ", ""):
                blocks[-1].append(i)
            else:
                blocks.append([i])
        for b, block in enumerate(blocks):
            text = " ".join(raw[lines[i][0] : lines[i][1]] for i in block)
            if len(text) > self.settings.residue_max_chars or not P.PROMO.search(text):
                continue
            for i in block:
                reasons.setdefault(i, "promo")
            if b > 0:
                prev = blocks[b - 1]
                prev_text = " ".join(raw[lines[i][0] : lines[i][1]] for i in prev)
                if word_count(prev_text) <= 8 and not P.END_PUNCT.search(prev_text):
                    for i in prev:
                        reasons.setdefault(i, "promo")

    def _mark_captions_above_credits(self, raw: str, lines: list[tuple[int, int]], reasons: dict[int, str]) -> None:
        """Short paragraphs right above a photo credit are the photo's caption when they read as one
        (no final punctuation), or when the credit sits among the first lines, where the lead image goes,
        and no article sentence comes before them (then the article has begun and they are its text)."""
        for i in [i for i, r in reasons.items() if r == "photo credit"]:
            at_top = i <= self.settings.caption_block_lines
            j = i - 1
            while j >= 0 and i - j <= self.settings.caption_block_lines:
                s, e = lines[j]
                reads_as_caption = not P.END_PUNCT.search(raw[s:e]) or (
                    at_top
                    and not any(k not in reasons and P.SENTENCE_END.search(raw[slice(*lines[k])]) for k in range(j))
                )
                if j in reasons or e - s > self.settings.caption_max_chars or not reads_as_caption:
                    break
                reasons[j] = "caption"
                j -= 1

    # -- run-in captions ----------------------------------------------------------------------

    def _split_run_in_captions(
        self, raw: str, start: int, end: int, words: Counter
    ) -> list[tuple[int, int, str | None]]:
        """Split a line where captions were glued to the text without a space, and drop the
        pieces that read as captions (no final punctuation) while keeping the article sentence.

        A glue point is only trusted when the word before it stands alone elsewhere in the text or is a
        lower-case word ("todayPutin", "IranIt" when "Iran" occurs alone), so brand names ("iPhone",
        "BamTech", "#MeToo") stay whole.
        """
        line = raw[start:end]
        cuts = []
        for m in P.GLUE.finditer(line):
            before = P.WORD_BEFORE.search(line[: m.start()])
            if not before or before.group(1) or P.CAMEL_OK.search(line[: m.start()]):
                continue
            left = before.group()
            token = re.match(r"\w*", line[m.start() :]).group()
            if sum(c.isupper() for c in left + token) > 2:
                continue
            if (left.islower() and len(left) >= 3) or words.get(left, 0) >= 1:
                cuts.append(m.start())
        if not cuts:
            return [(start, end, None)]
        bounds = [0, *cuts, len(line)]
        pieces = []
        for a, b in zip(bounds, bounds[1:]):
            seg = line[a:b]
            is_last = b == len(line)
            if not is_last and not P.END_PUNCT.search(seg) and word_count(seg) >= 4:
                pieces.append((start + a, start + b, "run-in caption"))
            else:
                pieces.append((start + a, start + b, None))
        # Re-join neighbouring kept pieces into one span.
        merged: list[tuple[int, int, str | None]] = []
        for p in pieces:
            if merged and merged[-1][2] is None and p[2] is None:
                merged[-1] = (merged[-1][0], p[1], None)
            else:
                merged.append(p)
        return merged
