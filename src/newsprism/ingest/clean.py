"""Scraping residue removal for plain text, keeping a record of everything removed.

Scraped article text carries the page around it: promo blocks ("Top jobs of the day … notified by
email"), "Read also:" link lines, photo credits and captions (sometimes run into the text without a space,
"…in Tehran todayPutin speaks with…"), share and newsletter prompts, and footers ("source site-14"). The
:class:`Cleaner` removes them line by line and returns the clean text with the spans of the raw text it
dropped, each labelled with the reason, so a user can see why a paragraph is gone.

>>> raw = ("Title\\n\\n" + "The minister said on Monday that talks would go on. " * 5 +
...        "\\n\\nA crowd outside the ministry\\n\\n(Photo: AP)\\n\\nRead also: Other story")
>>> out = Cleaner()(raw, title="Title")
>>> out.text.endswith('talks would go on.')
True
>>> [(raw[r.start:r.end], r.reason) for r in out.removed]
[('Title', 'repeated title'), ('A crowd outside the ministry', 'caption'), ('(Photo: AP)', 'photo credit'), ('Read also: Other story', 'link line')]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from ..settings import ExtractSettings
from ._dom import norm_line

__all__ = ["Cleaned", "Cleaner", "Removal"]


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


_FLAGS = re.IGNORECASE | re.UNICODE

# Calls to action and page furniture, in the languages newsprism reads most.
_PROMO = re.compile(
    r"\b(subscribe|subscription|newsletter|sign up|signup|notified by email|by e-?mail|jobs? of the day|"
    r"download (our|the) app|follow us|share (this|on)|click here|advertisement|sponsored|"
    r"cookies?|all rights reserved|continue reading|most (read|popular)|recommended for you|"
    r"abonnieren|abonnement|anzeige|folgen sie uns|top-?jobs|jetzt (lesen|anmelden|registrieren)|"
    r"externe[rn]? inhalte?|privatsphäre-einstellungen|datenschutzeinstellungen|"
    r"abonnez-vous|inscrivez-vous|publicité|suscríbete|suscribirse|publicidad|boletín|"
    r"(this|the) (article|content) is (only )?(available|for) (to )?(subscribers|members)|"
    r"register (now|for free)|log ?in to (read|continue)|already a subscriber|order reprints|print article|"
    r"non-commercial use only|an error has occurred|has been sent to|join our commenting forum|"
    r"breaking news story|more to follow|(did you|how did you) (like|enjoy) this article|"
    r"was this article helpful|wie hat ihnen (dieser|der) artikel gefallen|report an error|fehler gefunden|"
    r"push-nachrichten|(this|the) article (first )?(appeared|was first published)|"
    r"(artikel|beitrag) ist zuerst (bei|in|auf) .{1,40} erschienen)\b"
    r"|会員限定|会員登録|登録すると|読み放題|メールマガジン|関連キーワード|おすすめ情報|無断転載",
    _FLAGS,
)
_LINK_LINE = re.compile(
    r"^\s*(?:>>+|»|►|▶|→|-)?\s*(read (also|more|next)|see also|also read|related( articles?| stories)?|more|"
    r"lesen sie (auch|mehr)|mehr (zum thema|dazu)|auch interessant|lire aussi|à lire aussi|voir aussi|"
    r"lee también|leer más|ver también|te puede interesar|leia também|leggi anche|lees ook|les også|"
    r"les mer|läs också|läs mer|læs også|læs mere|czytaj (też|także)|přečtěte si|čtěte také|"
    r"читайте также|lue myös|olvassa el|filed under|tags?|schlagworte|themen|mots-clés|etiquetas)\s*[:：>»\-–—]",
    _FLAGS,
)
# Short headings that close the article and open the page's tail ("Comments", "Related articles").
_END_MARKER = re.compile(
    r"^\W*(comments?|\d+ comments?|join the (conversation|discussion)|related( articles| stories| content| news)?|"
    r"more (from|on this|stories)|top stories|most (read|popular|viewed)|recommended( for you)?|"
    r"you (may|might) (also )?like|trending( now)?|kommentare?|weitere artikel|mehr zum thema|das könnte sie "
    r"auch interessieren|meistgelesen|commentaires|à lire aussi|sur le même sujet|comentarios|"
    r"noticias relacionadas|relaterte saker|relaterade artiklar|関連記事|関連キーワード|おすすめ情報|"
    r"관련 기사|相关新闻|相关阅读)\W*$",
    _FLAGS,
)
_CREDIT = re.compile(
    r"^\s*[\[(]?\s*(?:(photos?|photograph|fotos?|images?|pictures?|pic|bild(er)?|credits?|crédits?|créditos?|"
    r"quelle)\s*[:：/]\s*[^.!?]{1,80}|©\s*[^.!?]{1,80}|(ap|afp|reuters|dpa|epa|getty images|imago|pa)"
    r"(\s*/\s*[\w .]+)?)\s*[\])]?\s*$",
    _FLAGS,
)
# A credit naming a photographer and/or agency at the end of a short line: "Jane Doe/AFP via Getty Images".
_AGENCY_CREDIT = re.compile(
    r"^[^.!?]{0,80}\b(getty ?images|afp|reuters|ap photo|associated press|dpa|epa(-efe)?|imago( images)?|"
    r"shutterstock|picture[- ]alliance|ntb|tt|anp|ansa|efe|xinhua|keystone|action press|istock(photo)?|"
    r"pa (media|wire|images)|bloomberg|alamy)\b[\s/.,)\]]*$",
    _FLAGS,
)
# Bylines and datelines printed at the top of the body ("By Ann Lee", "Stand: 22.04.2024, 06:00 Uhr").
_HEADER = re.compile(
    r"^\s*(by|von|par|por|di|door|av|af|stand|updated?|published|aktualisiert|veröffentlicht|"
    r"mis à jour|publié le|actualizado|publicado)\b[\s:]"
    r"|^\s*\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}\b|^\s*\d{4}-\d{2}-\d{2}\b|^\s*\d{4}年\d{1,2}月\d{1,2}日",
    _FLAGS,
)
# Words that may surround a date or time on a dateline; a short line made only of these, numbers and
# punctuation is a dateline ("Freitag, 28.04.2023, 19:25 Uhr", "Updated 5 May 2024 at 10:00 GMT").
_DATE_WORDS = re.compile(
    r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|"
    r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|"
    r"abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)[a-zäéû]*\.?|"
    r"\b(uhr|am|pm|a\.m\.|p\.m\.|um|at|on|le|à|el|de|gmt|utc|bst|cet|cest|mez|mesz|est|edt|pst|pdt|updated?|"
    r"published|posted|last|aktualisiert|veröffentlicht|erschienen|stand|zuletzt|mis à jour|publié|"
    r"actualizado|publicado|min(ute)?s?|read|lesezeit|reading time|tempo de leitura|ago|vor|stunden?|hours?)\b",
    _FLAGS,
)
# Contact and reporting notes closing an article: "Write to Ann Lee at ann@example.com", "Follow her @ann".
# Calls to action and consent notices that are never article prose, even in a sentence-length line.
_STRONG_PROMO = re.compile(
    r"\b(newsletter|abonnieren|abonnez-vous|suscríbete|externe[rn]? inhalte?|"
    r"privatsphäre-einstellungen|datenschutzeinstellungen|einverstanden, dass|cookie settings|"
    r"third-party content|empfohlener redaktioneller inhalt|delivered to your inbox|share it with)\b"
    r"|\b(facebook|twitter|instagram|youtube|whatsapp|tiktok|linkedin|telegram)\b.*"
    r"\b(facebook|twitter|instagram|youtube|whatsapp|tiktok|linkedin|telegram)\b",
    _FLAGS,
)
# Lines announcing a link elsewhere: "More on the Middle East in our live blog:", "Lesen Sie hier:".
_LINK_INTRO = re.compile(
    r"\b(read|see|find|more|lesen sie|finden sie|mehr|lisez|lea)\b.*"
    r"\b(here|hier|our|unserem|unserer|notre|nuestro|liveblog|live blog|newsletter|podcast|im überblick)\b"
    r"[^.!?]*[:：]\s*$",
    _FLAGS,
)
# Reading-time labels: "Lesedauer: 4 Minuten", "3 min read", "Tempo de leitura: 2 minutos".
_READING_TIME = re.compile(
    r"\b(reading time|read time|min(ute)?s? read|lesedauer|lesezeit|tempo de leitura|tiempo de lectura|"
    r"temps de lecture|lettura)\b",
    _FLAGS,
)
# Contact, credit and reporting notes closing an article: "Write to Ann Lee at ann@example.com",
# "Additional reporting by Bo Li; Editing by Cy Ma", "Contributing: Ann Lee", "© The Daily 2024".
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|(^|\s)@\w{2,}|contributed (reporting|to this report)|^\W*(additional )?reporting by|"
    r"editing by|^\W*(contributing|mitarbeit|übersetzung|translation|faktencheck|fact check)( und [\w ]+)?\s*:|"
    r"^\W*(©|copyright\b)",
    _FLAGS,
)
# Video and audio teasers: "Feuer in der Altstadt | 2:57 min", "Video: Der Einsatz in Bildern".
_MEDIA = re.compile(r"\d{1,2}:\d{2}\s*(min|minuten|minutes|mins)\b\.?\s*$|^\s*(video|audio|podcast)\s*[:|]", _FLAGS)
_TABLE_ROW = re.compile(r"\|.*\|")
_FOOTER = re.compile(
    r"^\s*(source|sources|quelle|fuente|via|copyright|©)\b[\s:]*[\w.\- /]{0,40}$",
    _FLAGS,
)
_END_PUNCT = re.compile(r"[.!?…:;\"”’'»)\]]\s*$")
# A lower-case letter glued to a capitalised word: "todayPutin", "IranIt", "agoVladimir".
_GLUE = re.compile(r"(?<=[a-z\u00e0-\u00ff.!?])(?=[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff]+\b)")
# Real words written in camel case; the glue rule must leave them alone.
_CAMEL_OK = re.compile(r"(Mc|Mac|O'|De|Di|La|Le|Van|Von|You|Face|Linked|Post|Whats|Play|Smack|Power|Share)$")
_WORD_BEFORE = re.compile(r"(#|@)?[A-Z\u00c0-\u00de]?[a-z\u00e0-\u00ff]+$")
_TOKEN = re.compile(r"[^\W\d_]+")


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
        self._mark_lines(raw, lines, reasons, title, origin)
        self._mark_header(raw, lines, reasons)
        self._mark_repeats(raw, lines, reasons)
        self._mark_promo_blocks(raw, lines, reasons)
        self._mark_captions_above_credits(raw, lines, reasons)
        self._mark_tail(raw, lines, reasons)
        removed: list[Removal] = []
        kept: list[tuple[int, int]] = []
        words = Counter(_TOKEN.findall(raw))
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
        if hints:
            for i, (s, e) in enumerate(lines):
                reason = hints.get(norm_line(raw[s:e]))
                if reason:
                    reasons[i] = reason

    def _mark_header(self, raw: str, lines: list[tuple[int, int]], reasons: dict[int, str]) -> None:
        """Bylines and datelines among the first lines ("By Ann Lee", "Updated: 5 May 2024, 10:00")."""
        for i, (s, e) in enumerate(lines[: self.settings.header_lines]):
            line = raw[s:e]
            if i not in reasons and len(line.split()) <= self.settings.header_max_words and _HEADER.match(line):
                if not re.search(r"[.!?…]\s*$", line) or re.search(r"\d", line):
                    reasons[i] = "byline or dateline"

    def _mark_datelines_and_contacts(self, raw: str, lines: list[tuple[int, int]], reasons: dict[int, str]) -> None:
        """Lines that hold only a date or time (anywhere), and contact or reporting notes among the last
        lines ("Write to Ann Lee at ann@example.com")."""
        n = len(lines)
        for i, (s, e) in enumerate(lines):
            if i in reasons:
                continue
            line = raw[s:e]
            words = len(line.split())
            if words <= self.settings.header_max_words and re.search(r"\d", line):
                rest = re.sub(r"[\W\d_]+", " ", _DATE_WORDS.sub(" ", line)).strip()
                if not rest:
                    reasons[i] = "byline or dateline"
                    continue
            if i >= n - self.settings.header_lines and words <= 3 * self.settings.header_max_words and _CONTACT.search(line):
                reasons[i] = "contact line"

    def _mark_repeats(self, raw: str, lines: list[tuple[int, int]], reasons: dict[int, str]) -> None:
        """Short lines repeated many times are page furniture ("External content not available").

        A paragraph printed twice is left alone: quotes, tweets and recipe steps repeat in real articles.
        """
        keys = [norm_line(raw[s:e]) for s, e in lines]
        counts = Counter(keys)
        for i, key in enumerate(keys):
            if not key or i in reasons:
                continue
            words = len(key.split())
            if (counts[key] >= self.settings.repeat_min and words <= self.settings.header_max_words) or (
                counts[key] >= 2 and words <= self.settings.repeat_short_words
            ):
                reasons[i] = "repeated boilerplate"

    def _mark_lines(
        self, raw: str, lines: list[tuple[int, int]], reasons: dict[int, str], title: str | None, origin: str
    ) -> None:
        limit = self.settings.residue_max_chars
        title_norm = norm_line(title) if title else None
        n = len(lines)
        counts = Counter(norm_line(raw[s:e]) for s, e in lines)
        for i, (s, e) in enumerate(lines):
            line = raw[s:e]
            if i in reasons:
                continue
            if title_norm and i < 3 and _is_title_copy(line, title_norm):
                reasons[i] = "repeated title"
            elif len(line) <= limit and _LINK_LINE.match(line):
                reasons[i] = "link line"
            elif len(line) <= 120 and (
                _CREDIT.match(line) or (_AGENCY_CREDIT.match(line) and not line.rstrip().endswith("."))
            ):
                reasons[i] = "photo credit"
            elif _MEDIA.search(line) and len(line) <= limit:
                reasons[i] = "media teaser"
            elif (_PROMO.search(line) and len(line.split()) <= self.settings.header_max_words) or (
                len(line) <= limit and (_STRONG_PROMO.search(line) or (_PROMO.search(line) and counts[norm_line(line)] > 1))
            ):
                reasons[i] = "promo"
            elif len(line.split()) <= self.settings.header_max_words and _READING_TIME.search(line):
                reasons[i] = "byline or dateline"
            elif len(line.split()) <= 2 * self.settings.header_max_words and _LINK_INTRO.search(line):
                reasons[i] = "link line"
            elif i >= n - 3 and len(line.split()) <= 6 and _FOOTER.match(line) and not _END_PUNCT.search(line):
                reasons[i] = "footer"
            elif (
                origin == "text"
                and not _TABLE_ROW.search(line)
                and not _END_PUNCT.search(line)
                and len(line.split()) >= self.settings.caption_min_words
                and len(line) <= limit
            ):
                reasons[i] = "caption"

    def _mark_tail(self, raw: str, lines: list[tuple[int, int]], reasons: dict[int, str]) -> None:
        """An end-of-article heading ("Comments", "Related articles") in the last part of the text closes
        the article: it and everything after it is the page's tail. Earlier, it heads a teaser box and
        only the heading goes (the box's links are hints)."""
        total = sum(e - s for s, e in lines)
        seen = 0
        for i, (s, e) in enumerate(lines):
            seen += e - s
            if not _END_MARKER.match(raw[s:e]):
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
            if len(text) > self.settings.residue_max_chars or not _PROMO.search(text):
                continue
            for i in block:
                reasons.setdefault(i, "promo")
            if b > 0:
                prev = blocks[b - 1]
                prev_text = " ".join(raw[lines[i][0] : lines[i][1]] for i in prev)
                if len(prev_text.split()) <= 8 and not _END_PUNCT.search(prev_text):
                    for i in prev:
                        reasons.setdefault(i, "promo")

    def _mark_captions_above_credits(self, raw: str, lines: list[tuple[int, int]], reasons: dict[int, str]) -> None:
        """Short paragraphs right above a photo credit are the photo's caption when they read as one
        (no final punctuation) or when the credit sits among the first lines, where the lead image goes."""
        for i in [i for i, r in reasons.items() if r == "photo credit"]:
            at_top = i <= self.settings.caption_block_lines
            j = i - 1
            while j >= 0 and i - j <= self.settings.caption_block_lines:
                s, e = lines[j]
                if j in reasons or e - s > 200 or not (at_top or not _END_PUNCT.search(raw[s:e])):
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
        for m in _GLUE.finditer(line):
            before = _WORD_BEFORE.search(line[: m.start()])
            if not before or before.group(1) or _CAMEL_OK.search(line[: m.start()]):
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
            if not is_last and not _END_PUNCT.search(seg) and len(seg.split()) >= 4:
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
