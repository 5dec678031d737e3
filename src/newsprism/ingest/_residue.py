"""Patterns of scraping residue, used by :class:`~newsprism.ingest.clean.Cleaner`.

Each pattern says what it recognizes; thresholds that decide when a pattern applies (line lengths, how
often a line repeats, where in the text) are in :class:`~newsprism.settings.ExtractSettings`.
"""

from __future__ import annotations

import re

FLAGS = re.IGNORECASE | re.UNICODE

# Calls to action and page furniture, in the languages newsprism reads most.
PROMO = re.compile(
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
    FLAGS,
)
LINK_LINE = re.compile(
    r"^\s*(?:>>+|»|►|▶|→|-)?\s*(read (also|more|next)|see also|also read|related( articles?| stories)?|more|"
    r"lesen sie (auch|mehr)|mehr (zum thema|dazu)|auch interessant|lire aussi|à lire aussi|voir aussi|"
    r"lee también|leer más|ver también|te puede interesar|leia também|leggi anche|lees ook|les også|"
    r"les mer|läs också|läs mer|læs også|læs mere|czytaj (też|także)|přečtěte si|čtěte také|"
    r"читайте также|lue myös|olvassa el|filed under|tags?|schlagworte|themen|mots-clés|etiquetas)\s*[:：>»\-–—]",
    FLAGS,
)
# Short headings that close the article and open the page's tail ("Comments", "Related articles").
END_MARKER = re.compile(
    r"^\W*(comments?|\d+ comments?|join the (conversation|discussion)|related( articles| stories| content| news)?|"
    r"more (from|on this|stories)|top stories|most (read|popular|viewed)|recommended( for you)?|"
    r"you (may|might) (also )?like|trending( now)?|kommentare?|weitere artikel|mehr zum thema|das könnte sie "
    r"auch interessieren|meistgelesen|commentaires|à lire aussi|sur le même sujet|comentarios|"
    r"noticias relacionadas|relaterte saker|relaterade artiklar|関連記事|関連キーワード|おすすめ情報|"
    r"관련 기사|相关新闻|相关阅读)\W*$",
    FLAGS,
)
CREDIT = re.compile(
    r"^\s*[\[(]?\s*(?:(photos?|photograph|fotos?|images?|pictures?|pic|bild(er)?|credits?|crédits?|créditos?|"
    r"quelle)\s*[:：/]\s*[^.!?]{1,80}|©\s*[^.!?]{1,80}|(ap|afp|reuters|dpa|epa|getty images|imago|pa)"
    r"(\s*/\s*[\w .]+)?)\s*[\])]?\s*$",
    FLAGS,
)
# A credit naming a photographer and/or agency at the end of a short line: "Jane Doe/AFP via Getty Images".
AGENCY_CREDIT = re.compile(
    r"^[^.!?]{0,80}\b(getty ?images|afp|reuters|ap photo|associated press|dpa|epa(-efe)?|imago( images)?|"
    r"shutterstock|picture[- ]alliance|ntb|tt|anp|ansa|efe|xinhua|keystone|action press|istock(photo)?|"
    r"pa (media|wire|images)|bloomberg|alamy)\b[\s/.,)\]]*$",
    FLAGS,
)
# Bylines and datelines printed at the top of the body ("By Ann Lee", "Stand: 22.04.2024, 06:00 Uhr").
HEADER = re.compile(
    r"^\s*(by|von|par|por|di|door|av|af|stand|updated?|published|aktualisiert|veröffentlicht|"
    r"mis à jour|publié le|actualizado|publicado)\b[\s:]"
    r"|^\s*\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}\b|^\s*\d{4}-\d{2}-\d{2}\b|^\s*\d{4}年\d{1,2}月\d{1,2}日",
    FLAGS,
)
# Words that may surround a date or time on a dateline; a short line made only of these, numbers and
# punctuation is a dateline ("Freitag, 28.04.2023, 19:25 Uhr", "Updated 5 May 2024 at 10:00 GMT").
DATE_WORDS = re.compile(
    r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|"
    r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|"
    r"abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)[a-zäéû]*\.?|"
    r"\b(uhr|am|pm|a\.m\.|p\.m\.|um|at|on|le|à|el|de|gmt|utc|bst|cet|cest|mez|mesz|est|edt|pst|pdt|updated?|"
    r"published|posted|last|aktualisiert|veröffentlicht|erschienen|stand|zuletzt|mis à jour|publié|"
    r"actualizado|publicado|min(ute)?s?|read|lesezeit|reading time|tempo de leitura|ago|vor|stunden?|hours?)\b",
    FLAGS,
)
# Contact and reporting notes closing an article: "Write to Ann Lee at ann@example.com", "Follow her @ann".
# Calls to action and consent notices that are never article prose, even in a sentence-length line.
STRONG_PROMO = re.compile(
    r"\b(newsletter|abonnieren|abonnez-vous|suscríbete|externe[rn]? inhalte?|"
    r"privatsphäre-einstellungen|datenschutzeinstellungen|einverstanden, dass|cookie settings|"
    r"third-party content|empfohlener redaktioneller inhalt|delivered to your inbox|share it with)\b"
    r"|有料会員|会員限定|読み放題|詳しくはこちら"
    r"|\b(facebook|twitter|instagram|youtube|whatsapp|tiktok|linkedin|telegram)\b.*"
    r"\b(facebook|twitter|instagram|youtube|whatsapp|tiktok|linkedin|telegram)\b",
    FLAGS,
)
# Lines announcing a link elsewhere: "More on the Middle East in our live blog:", "Lesen Sie hier:".
LINK_INTRO = re.compile(
    r"\b(read|see|find|more|lesen sie|finden sie|mehr|lisez|lea)\b.*"
    r"\b(here|hier|our|unserem|unserer|notre|nuestro|liveblog|live blog|newsletter|podcast|im überblick)\b"
    r"[^.!?]*[:：]\s*$",
    FLAGS,
)
# Reading-time labels: "Lesedauer: 4 Minuten", "3 min read", "Tempo de leitura: 2 minutos".
READING_TIME = re.compile(
    r"\b(reading time|read time|min(ute)?s? read|lesedauer|lesezeit|tempo de leitura|tiempo de lectura|"
    r"temps de lecture|lettura)\b",
    FLAGS,
)
# Contact, credit and reporting notes closing an article: "Write to Ann Lee at ann@example.com",
# "Additional reporting by Bo Li; Editing by Cy Ma", "Contributing: Ann Lee", "© The Daily 2024".
CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|(^|\s)@\w{2,}|contributed (reporting|to this report)|^\W*(additional )?reporting by|"
    r"editing by|^\W*(contributing|mitarbeit|übersetzung|translation|faktencheck|fact check|redaktion|"
    r"the author|about the author|die autorin|der autor|l'auteur|el autor)( und [\w ]+)?\s*:?\s*$|"
    r"^\W*(contributing|mitarbeit|übersetzung|translation|faktencheck|fact check|redaktion)( und [\w ]+)?\s*:|"
    r"^\W*(©|copyright\b)|^\W*(aus dem \w+ von|translated (from \w+ )?by|traducido por|traduit (de l'\w+ )?par)\b|"
    r"\b(artikel|article|text) (ist|is) (eine|a) (übersetzung|translation)|^\W*\(\w{2,4}(/\w{2,4})*\)\W*$",
    FLAGS,
)
# Video and audio teasers: "Feuer in der Altstadt | 2:57 min", "Video: Der Einsatz in Bildern".
MEDIA = re.compile(r"\d{1,2}:\d{2}\s*(min|minuten|minutes|mins)\b\.?\s*$|^\s*(video|audio|podcast)\s*[:|]", FLAGS)
TABLE_ROW = re.compile(r"\|.*\|")
FOOTER = re.compile(
    r"^\s*(source|sources|quelle|fuente|via|copyright|©)\b[\s:]*[\w.\- /]{0,40}$",
    FLAGS,
)
END_PUNCT = re.compile(r"[.!?…:;\"”’'»)\]。！？」』）]\s*$")
# A lower-case letter glued to a capitalised word: "todayPutin", "IranIt", "agoVladimir".
GLUE = re.compile(r"(?<=[a-z\u00e0-\u00ff.!?])(?=[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff]+\b)")
# Real words written in camel case; the glue rule must leave them alone.
CAMEL_OK = re.compile(r"(Mc|Mac|O'|De|Di|La|Le|Van|Von|You|Face|Linked|Post|Whats|Play|Smack|Power|Share)$")
WORD_BEFORE = re.compile(r"(#|@)?[A-Z\u00c0-\u00de]?[a-z\u00e0-\u00ff]+$")
TOKEN = re.compile(r"[^\W\d_]+")
