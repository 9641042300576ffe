"""Shared fixtures: one real Extractor per test session (loading Stanza takes seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    """The real bundled pipeline with the hand rules (``method="rules"``), loaded once; the rules' tests pin
    their exact output, and the learned method's tests build their own extractor."""
    from quotes.extractor import Extractor

    return Extractor(method="rules")
