"""Every corpora/ document through the real pipeline, compared with its hand-written gold."""

from __future__ import annotations

import pytest

from quotes.app.evaluation.brat import GoldDocument, load_gold
from quotes.app.evaluation.scoring import relations_from_article, score_document
from tests.conftest import CORPORA

pytestmark = pytest.mark.integration

GOLD = {doc.name: doc for doc in load_gold(CORPORA).documents}
KNOWN_MISSES: dict[str, str] = {}
"""Documents whose gold the current models and rules do not yet reach, with the reason (strict xfail)."""


def _cases() -> list[object]:
    cases = []
    for name in sorted(GOLD):
        marks = [pytest.mark.xfail(reason=KNOWN_MISSES[name], strict=True)] if name in KNOWN_MISSES else []
        cases.append(pytest.param(name, marks=marks, id=name))
    return cases


class TestCorpora:
    def test_gold_covers_enough_documents(self) -> None:
        """The showcase plus at least six more annotated news texts."""
        assert "showcase" in GOLD and len(GOLD) >= 7

    @pytest.mark.parametrize("name", _cases())
    def test_document_matches_gold(self, extractor, name: str) -> None:  # type: ignore[no-untyped-def]
        """Every gold content is found (partial match) with the right speaker, whose whole phrase matches the gold source, and nothing else is found."""
        gold: GoldDocument = GOLD[name]
        article = extractor.extract(gold.text, document=name)
        scores = score_document(gold, relations_from_article(article)).scores
        assert scores.content.partial.recall == 1.0, scores.to_dict()
        assert scores.content.partial.precision == 1.0, scores.to_dict()
        assert scores.attribution.value == 1.0, scores.to_dict()
        assert scores.source.partial.f1 == 1.0, scores.to_dict()
