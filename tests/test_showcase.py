"""The README's showcase article, through the real bundled pipeline."""

from __future__ import annotations

import json

import pytest

from quotes.core.attribution import Article, QuoteKind
from tests.conftest import CORPORA

pytestmark = pytest.mark.integration

EXPECTED = [
    ("South Korean Foreign Minister Kang Kyung-wha", "said", "that the government in Seoul was considering"),
    ("AP", "reported", "A February summit between North Korean leader Kim Jong Un"),
    ("President Putin", "said", "that North Korea needs worldwide security guarantees"),
    ("Japanese media", "reported", "the families of abductees"),
    ("Choe", "warn", "against suggesting it would seek to"),
    ("Putin", "said", "they discussed the issue and would find a solution"),
    ("He", "added", "that Russia's trade with North Korea is minuscule"),
    ("Trump", "has said", "he would like to meet Kim again"),
]


@pytest.fixture(scope="module")
def article(extractor) -> Article:  # type: ignore[no-untyped-def]
    return extractor.extract((CORPORA / "showcase.txt").read_text(encoding="utf-8"), document="showcase.txt")


class TestShowcase:
    def test_finds_exactly_the_eight_attributions(self, article: Article) -> None:
        """All eight attributions, with their speakers and cues, and nothing else."""
        found = [(a.speaker.span.text if a.speaker else None, a.cue.span.text if a.cue else None, a.content.text)
                 for a in article.attributions]
        assert len(found) == len(EXPECTED), found
        for (speaker, cue, content), (want_speaker, want_cue, want_content) in zip(found, EXPECTED):
            assert speaker == want_speaker
            assert cue is not None and want_cue in cue
            assert want_content in content

    def test_he_resolves_to_putin(self, article: Article) -> None:
        """'He added …' is Vladimir Putin, and all Putin mentions share one canonical name."""
        names = {a.speaker.span.text: a.speaker.name for a in article.attributions if a.speaker}
        assert names["He"] == "Vladimir Putin"
        assert names["Putin"] == "Vladimir Putin"
        assert names["President Putin"] == "Vladimir Putin"

    def test_mixed_quotes_are_one_content(self, article: Article) -> None:
        """'"humanitarian"' and the Choe quote are parts of mixed contents, not separate quotes."""
        kinds = {a.cue.span.text: a.kind for a in article.attributions if a.cue and a.cue.span.text == "warn"}
        assert kinds["warn"] is QuoteKind.MIXED
        putin = [a for a in article.attributions if "humanitarian" in a.content.text]
        assert len(putin) == 1 and putin[0].kind is QuoteKind.MIXED

    def test_json_offsets_are_exact(self, article: Article) -> None:
        """Every span in the JSON output indexes the original text exactly."""
        data = json.loads(json.dumps(article.to_dict()))
        text = article.text
        assert len(data["attributions"]) == len(EXPECTED)
        for att in data["attributions"]:
            for part in ("speaker", "cue", "content"):
                if att[part]:
                    assert text[att[part]["start"] : att[part]["end"]] == att[part]["text"]
            for start, end in att["content"]["spans"]:
                assert att["content"]["text"].find(text[start:end]) >= 0
