"""Claims: speakers, reporting verbs and denials on hand-built sentences."""

from newsprism.analyze.claims import ClaimExtractor
from newsprism.analyze.sentences import SentenceSplitter
from newsprism.model import Analysis, Article, Mention


def analyse(text: str, names: dict[str, str]) -> Analysis:
    article = Article.build(text=text, id="t")
    a = Analysis(article, lang="en")
    SentenceSplitter()(a)
    for name, kind in names.items():
        start = text.index(name)
        a.mentions.append(Mention(article.span(start, start + len(name), "mentions", kind), kind, name))
    a.mentions.sort(key=lambda m: m.span.start)
    ClaimExtractor()(a)
    return a


def test_inverted_quote_attribution_skips_possessives():
    a = analyse("\u201cWe will deploy drones,\u201d said Joe Biden\u2019s adviser Jake Sullivan.",
                {"Joe Biden": "PERSON", "Jake Sullivan": "PERSON"})
    [c] = a.claims
    assert (c.kind, c.speaker, c.predicate, c.polarity) == ("statement", "Jake Sullivan", "said", "asserted")


def test_denial_is_a_denied_statement_by_the_denier():
    a = analyse("Iran has denied Sullivan\u2019s statements.", {"Iran": "GPE", "Sullivan": "PERSON"})
    [c] = a.claims
    assert (c.speaker, c.polarity) == ("Iran", "denied")


def test_according_to_attributes_the_source():
    a = analyse("According to the White House, the group visited twice.", {"the White House": "ORG"})
    [c] = a.claims
    assert c.speaker == "the White House" and c.kind == "statement"
