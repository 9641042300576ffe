"""Fixtures for the verification tests."""

from __future__ import annotations

import pytest

from tests.app.verification.helpers import MakeArticle, build_article


@pytest.fixture
def make_article() -> MakeArticle:
    """``build_article``: an article with one attribution located by substring."""
    return build_article
