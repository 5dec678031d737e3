from __future__ import annotations

import pytest

from newsprism.analyze.claims import ClaimExtractor
from newsprism.analyze.entities import EntityRecognizer
from newsprism.analyze.sentences import SentenceSplitter
from newsprism.model import Analysis, Article


def _claims(text: str):
    a = Analysis(Article.build(text=text), lang="en")
    SentenceSplitter()(a)
    EntityRecognizer()(a)
    ClaimExtractor()(a)
    return a.claims


@pytest.mark.parametrize(
    "text, speaker, polarity",
    [
        ("“We are ready,” said US President Joe Biden’s National Security Advisor Jake Sullivan.", "Jake Sullivan", "asserted"),
        ("Iran has denied Sullivan’s statements.", "Iran", "denied"),
        ("Yevgeny Popov, a presenter on Russian state television, mocked George W. Bush’s speech.", "Yevgeny Popov", "asserted"),
        ("Iran will train Russians to use these aircraft, Sullivan said.", "Sullivan", "asserted"),
    ],
)
def test_speaker_and_polarity(text, speaker, polarity):
    (claim,) = _claims(text)
    assert claim.kind == "statement"
    assert claim.speaker == speaker
    assert claim.polarity == polarity
