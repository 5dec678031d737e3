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
    r"push-nachrichten|(this|the) article (first )?(appeared|was first published)|suscripción|suscribete|"
    r"e-paper|lesekomfort|kostenlos testen|jetzt unterstützen|hat ihnen (dieser|der) artikel gefallen|"
    r"(artikel|beitrag) ist zuerst (bei|in|auf) .{1,40} erschienen|(get|download) (our|the)( free)? app|"
    r"app herunterladen|(lade|laden sie) (die|unsere) app|téléchargez (notre|l'?)\s?app|"
    r"teilen sie (diesen|den) (artikel|beitrag)|partager (sur|cet article)|compartir en|like us on|"
    r"listen to (this|the) (article|story)|(artikel|beitrag) (anhören|vorlesen)|écouter cet article|"
    r"leave a comment|print this (page|article)|(this|the) (article|story) was (originally|first) "
    r"(published|posted)|(originally|first) (published|appeared) (by|in|on) |alle rechte vorbehalten|"
    r"tous droits réservés|todos los derechos reservados|read the full (story|article)|already registered|"
    r"support (independent|our) journalism|donate (today|now)|readers like you|"
    r"scroll (down )?to continue)\b"
    r"|会員限定|会員登録|登録すると|読み放題|メールマガジン|関連キーワード|おすすめ情報|無断転載|をフォローする"
    r"|\$\$\w+\$\$",  # an ad slot's template placeholder ("$$ARTICLEAD$$")
    FLAGS,
)
LINK_LINE = re.compile(
    r"^\s*(?:>>+|»|►|▶|→|-|\[)?\s*(read (also|more|next)|see (also|more)|also read|"
    r"related( articles?| stories| posts?)?|more|"
    r"lesen sie (auch|mehr)|mehr (zum thema|dazu)|auch interessant|lire aussi|à lire aussi|voir aussi|"
    r"lee también|leer más|ver también|te puede interesar|leia também|leggi anche|lees ook|les også|"
    r"les mer|läs också|läs mer|læs også|læs mere|czytaj (też|także)|přečtěte si|čtěte také|"
    r"читайте также|lue myös|olvassa el|filed under|tags?|schlagworte|themen|mots-clés|etiquetas|topics|"
    r"sujets|temas|more on (this|these) (story|topics?))\s*[:：>»\-–—]",
    FLAGS,
)
# Links to listen, download or subscribe elsewhere ("Listen: http://…"), and ">>" teasers. (A bare address
# is kept: articles print their sources that way.)
URL_LINE = re.compile(
    r"^\s*(listen|download|subscribe|itunes|spotify|apple podcasts|google podcasts|watch)\s*:\s*(https?://|www\.)\S+\s*$"
    r"|^\s*(>>|►|▶)\s*\S",
    FLAGS,
)
# Teaser links labelled with a capitalised tag in brackets: "Plane passengers quarantined [NEWS]".
TAGGED_TEASER = re.compile(r"\[(?-i:[A-Z][A-Z ]{2,14})\]\s*\|?\s*$", FLAGS)
# Headings of teaser boxes that sit inside the article ("Don't miss", "Auch interessant", "Ähnliche:"):
# the heading goes, the box's links are hints.
TEASER_HEADING = re.compile(
    r"^\W*(don'?t miss|auch interessant|ähnliche|das könnte dich auch interessieren|read also|see also|"
    r"lesen sie auch|à lire aussi|lire aussi|te puede interesar|lee también|leia também|leggi anche|read more|"
    r"noticias? relacionadas?)\W*$",
    FLAGS,
)
# Short headings that close the article and open the page's tail ("Comments", "Related articles").
END_MARKER = re.compile(
    r"^\W*(comments?|\d+ comments?|join the (conversation|discussion)|related( articles| stories| content| news)?|"
    r"more (from|on this|stories)|top stories|most (read|popular|viewed)|recommended( for you)?|"
    r"you (may|might) (also )?like|trending( now)?|kommentare?|weitere artikel|mehr zum thema|das könnte sie "
    r"auch interessieren|meistgelesen|weiterführende links|commentaires|à lire aussi|sur le même sujet|comentarios|"
    r"noticias relacionadas|relaterte saker|explore further|relaterade artiklar|ähnliche artikel|関連記事|関連キーワード|おすすめ情報|"
    r"관련 기사|相关新闻|相关阅读)\W*$",
    FLAGS,
)
CREDIT = re.compile(
    r"^\s*[\[(]?\s*(?:(photos?|photograph|fotos?|images?|pictures?|pic|bild(er)?|credits?|crédits?|créditos?|"
    r"quelle)\s*[:：/]\s*[^.!?]{1,80}|(photo|image|picture|foto)s? (by|von|par|de)\s+[^.!?]{1,60}|"
    r"image source\s*,\s*[^.!?]{1,60}|©\s*[^.!?]{1,80}|(ap|afp|reuters|dpa|epa|getty images|imago|pa)"
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
    r"mis à jour|publié le|actualizado|publicado|uppdaterad|publicerad|oppdatert|publisert|opdateret|"
    r"publiceret)\b[\s:]"
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
    r"actualizado|publicado|uppdaterad|publicerad|oppdatert|publisert|opdateret|publiceret|"
    r"min(ute)?s?|read|lesezeit|reading time|tempo de leitura|ago|vor|stunden?|hours?)\b"
    r"|[年月日時分秒]|更新|配信|公開",
    FLAGS,
)
# Contact and reporting notes closing an article: "Write to Ann Lee at ann@example.com", "Follow her @ann".
# Calls to action and consent notices that are never article prose, even in a sentence-length line.
STRONG_PROMO = re.compile(
    r"\b(newsletters?|abonnieren|abonnez-vous|suscríbete|externe[rn]? inhalte?|non-commercial use only|"
    r"get in touch with our( news)? team|got a story\?|for more stories like this|before commenting|"
    r"(log ?in|sign ?in) or (create|register)|create an account to continue|logout and then login|"
    r"unterstützen sie uns|(sólo|solo) para suscriptores|dieses thema im programm|melden sie den fehler|"
    r"on google news|preferred source|testen sie für \w+ wochen|das angebot endet automatisch|"
    r"copied to (the )?clipboard|link copied|you are using a browser version|"
    r"privatsphäre-einstellungen|datenschutzeinstellungen|einverstanden, dass|cookie settings|"
    r"third-party content|empfohlener redaktioneller inhalt|delivered to your inbox|share it with|"
    r"(your|due to your) privacy (preferences|settings)|enable javascript|javascript (is )?(disabled|required)|"
    r"your browser does not support)\b"
    r"|有料会員|会員限定|読み放題|詳しくはこちら|無料で会員登録|URL이 복사되었습니다",
    FLAGS,
)
# Share and follow prompts name two networks ("Follow us on Facebook and Instagram"); prose may too, so
# only short lines count.
SOCIAL_PROMPT = re.compile(
    r"\b(facebook|twitter|instagram|youtube|whatsapp|tiktok|linkedin|telegram)\b.*"
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
    r"editing by|^\W*(with|mit) (additional )?(reports?|reporting|informationen|material) (from|by|der|von|aus)\b|"
    r"^\W*additional reporting (from|by)\b|^\W*(contributing|mitarbeit|übersetzung|translation|faktencheck|fact check|redaktion|"
    r"the author|about the author|die autorin|der autor|l'auteur|el autor)( und [\w ]+)?\s*:?\s*$|"
    r"^\W*(contributing|mitarbeit|übersetzung|translation|faktencheck|fact check|redaktion)( und [\w ]+)?\s*:|"
    r"^\W*(©|copyright\b)|^\W*(aus dem \w+ von|translated (from \w+ )?by|traducido por|traduit (de l'\w+ )?par)\b|"
    r"\b(artikel|article|text) (ist|is) (eine|a) (\w+ )?(übersetzung|translation)|^\W*\(\w{2,4}(/\w{2,4})*\)\W*$",
    FLAGS,
)
# Video and audio teasers: "Feuer in der Altstadt | 2:57 min", "Video: Der Einsatz in Bildern".
MEDIA = re.compile(
    r"\d{1,2}:\d{2}\s*(min|minuten|minutes|mins)\b\.?\s*$|^\s*(video|audio|podcast|watch|listen)\s*[:|]"
    r"|^\W*(\d{1,2}:\d{2}\s*min\W*)?(verfügbar bis|available until)\s+\d",
    FLAGS,
)
TABLE_ROW = re.compile(r"\|.*\|")
FOOTER = re.compile(
    r"^\s*(source|sources|quelle|fuente|via|copyright|©)\b[\s:]*[\w.\- /]{0,40}$",
    FLAGS,
)
# The end of a declarative sentence (a headline may end in "?" but rarely in a full stop).
SENTENCE_END = re.compile(r"[.!。！][\"”’'»)\]」』）]*\s*$")
# Labelled captions (BBC style): "Image caption, Council members leave the hall".
CAPTION_LABEL = re.compile(r"^\s*(image|photo|video|media) caption\s*[,:]", FLAGS)
END_PUNCT = re.compile(r"[.!?…:;\"”’'»)\]。！？」』）]\s*$")
# A lower-case letter glued to a capitalised word: "todayPutin", "IranIt", "agoVladimir".
GLUE = re.compile(r"(?<=[a-z\u00e0-\u00ff.!?])(?=[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff]+\b)")
# Real words written in camel case; the glue rule must leave them alone.
CAMEL_OK = re.compile(r"(Mc|Mac|O'|De|Di|La|Le|Van|Von|You|Face|Linked|Post|Whats|Play|Smack|Power|Share)$")
WORD_BEFORE = re.compile(r"(#|@)?[A-Z\u00c0-\u00de]?[a-z\u00e0-\u00ff]+$")
TOKEN = re.compile(r"[^\W\d_]+")
