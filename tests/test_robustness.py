"""Odd input through the real pipeline: never a traceback, spans always exact, output deterministic."""

from __future__ import annotations

import json
import random

import pytest

from quotes.core.attribution import Article
from quotes.errors import EmptyInputError, InputTooLargeError

pytestmark = pytest.mark.integration

WORDS = ["the", "minister", "said", "that", "Putin", "told", "reporters", "he", "warned", "according", "to",
         "officials", "we", "will", "win", "not", "claim", "statement", "AP", "reported", "Kim", "and", "soon",
         "😀", "שלום", "مرحبا", "Ünïcödé", "—", "…", "2019", "$40", "U.S.", "Mr.", "can't", "Kyung-wha"]
MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", ",", ".", ":", "\n\n", "\n"]


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(3, 40)):
        parts.append(rng.choice(MARKS) if rng.random() < 0.25 else rng.choice(WORDS))
        parts.append(rng.choice([" ", " ", " ", "", "\u00a0"]))
    text = "".join(parts)
    return text if text.strip() else "said"


def check_spans(article: Article) -> None:
    text = article.text
    for att in article.attributions:
        spans = [*att.content.spans, att.sentence]
        spans += [att.cue.span] if att.cue else []
        spans += [att.speaker.span] if att.speaker else []
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text


class TestFuzz:
    def test_generated_texts_never_fail(self, extractor) -> None:  # type: ignore[no-untyped-def]
        """Three hundred random texts with random quote marks, cue words, emoji and RTL script."""
        rng = random.Random(20261128)
        texts = [random_text(rng) for _ in range(300)]
        articles = list(extractor.extract_many(texts))
        assert len(articles) == len(texts)
        for article in articles:
            check_spans(article)


class TestOddInput:
    @pytest.mark.parametrize("text", [
        'He said "we will win and never stop.\n\nThen nothing closed',
        "Il a dit que le gouvernement allait démissionner. « Nous gagnerons », a-t-il déclaré.",
        "الوزير قال إن الحكومة ستستقيل",
        "No quotes at all in this sentence about the weather.",
        "«Nested ‘quotes’ and \"mixed\" marks», he said.” Stray closer.",
        "The minister said " + "that the plan, which is long, " * 120 + "would work.",
        "😀😀 She said 😀 “emoji are fine” 😀",
    ])
    def test_best_effort(self, extractor, text: str) -> None:  # type: ignore[no-untyped-def]
        """Unbalanced, nested and mixed quote marks, other languages, long sentences: a result, not an error."""
        check_spans(extractor.extract(text))

    def test_empty_input_is_a_documented_error(self, extractor) -> None:  # type: ignore[no-untyped-def]
        """Whitespace-only text raises EmptyInputError, a QuotesError."""
        with pytest.raises(EmptyInputError):
            extractor.extract(" \n\t ")

    def test_too_large_input(self, extractor) -> None:  # type: ignore[no-untyped-def]
        """Text longer than max_chars raises InputTooLargeError before parsing."""
        extractor_max = extractor.max_chars
        with pytest.raises(InputTooLargeError):
            extractor.extract("a" * (extractor_max + 1))


class TestDeterminism:
    def test_same_input_same_bytes(self, extractor) -> None:  # type: ignore[no-untyped-def]
        """Two runs over the same article give byte-identical JSON."""
        from tests.conftest import CORPORA

        text = (CORPORA / "showcase.txt").read_text(encoding="utf-8")
        first = json.dumps(extractor.extract(text).to_dict(), ensure_ascii=False)
        second = json.dumps(extractor.extract(text).to_dict(), ensure_ascii=False)
        assert first.encode() == second.encode()
