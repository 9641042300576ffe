"""Check an article's quotes against transcripts and other sources (``quotes verify``)."""

from quotes.app.verification.matching import (
    ALTERED,
    MINOR,
    NOT_FOUND,
    PARAPHRASE,
    VERBATIM,
    VERDICTS,
    SourceMatch,
    Verification,
    Verifier,
    verify_article,
)
from quotes.app.verification.sources import Source, Turn, load_source, source_from_text

__all__ = [
    "ALTERED",
    "MINOR",
    "NOT_FOUND",
    "PARAPHRASE",
    "VERBATIM",
    "VERDICTS",
    "Source",
    "SourceMatch",
    "Turn",
    "Verification",
    "Verifier",
    "load_source",
    "source_from_text",
    "verify_article",
]
