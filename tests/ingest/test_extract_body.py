"""Extractor body: text the page shows as part of the article but hides from block scoring is recovered."""

from __future__ import annotations

import pytest

from newsprism.ingest.extract import Extractor

PARAS = [
    "The state launched a new campaign against drug abuse on Monday, with posters and television spots.",
    "Its slogan drew a large share of attention on social media within hours of the launch, officials said.",
    "The governor defended the campaign and said it had already done what it was meant to do: start a debate.",
    "Critics said the money would have been better spent on treatment centres in the rural counties.",
]


def article(middle: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS[:2]) + middle + "".join(f"<p>{p}</p>" for p in PARAS[2:])
    return f"<html><body><article><h1>Campaign draws attention</h1>{body}</article></body></html>"


@pytest.mark.issue(3)
def test_embedded_post_in_a_social_wrapper_is_kept_as_a_quote():
    tweet = (
        "<div class='social-media-embed'><blockquote class='twitter-tweet'><p lang='en'>Yes this is real and "
        "the state spent half a million dollars on it</p>— Ann Lee (@annlee) <a href='https://x.example/1'>"
        "November 18, 2019</a></blockquote><script src='https://platform.example/widgets.js'></script></div>"
    )
    ex = Extractor()(article(tweet))
    assert "Yes this is real and the state spent half a million dollars on it" in ex.text
    assert "(@annlee) November 18, 2019" in ex.text
    assert ex.text.index("Yes this is real") < ex.text.index(PARAS[2])


@pytest.mark.issue(3)
def test_article_html_in_script_data_is_read_when_the_markup_is_empty():
    import json

    state = {"props": {"article": {"title": "Campaign draws attention", "contentHtml": "".join(
        f"<p class='editor-p'>{p}</p>" for p in PARAS)}}}
    data = json.dumps(state).replace("<", "\\u003c")  # escaped the way JSON writers for HTML pages do
    html = (
        "<html><head><title>Campaign draws attention</title></head><body><div id='__next'></div>"
        f"<script id='__NEXT_DATA__' type='application/json'>{data}</script>"
        "<script>window.x = 1;</script></body></html>"
    )
    ex = Extractor()(html)
    assert all(p in ex.text for p in PARAS)
