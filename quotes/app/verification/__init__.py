"""Check an article's quoted passages against transcripts and other sources (``quotes verify``)."""

from quotes.app.verification.matching import (
    ALTERED,
    MINOR,
    NOT_FOUND,
    PARAPHRASE,
    SHORT_PASSAGE_WORDS,
    VERBATIM,
    VERDICTS,
    Passage,
    SourceMatch,
    Verification,
    Verifier,
    quoted_passages,
    verify,
    verify_article,
)
from quotes.app.verification.sources import Source, Turn, as_sources, load_source, source_from_text

__all__ = [
    "ALTERED",
    "MINOR",
    "NOT_FOUND",
    "PARAPHRASE",
    "SHORT_PASSAGE_WORDS",
    "VERBATIM",
    "VERDICTS",
    "Passage",
    "Source",
    "SourceMatch",
    "Turn",
    "Verification",
    "Verifier",
    "as_sources",
    "load_source",
    "quoted_passages",
    "source_from_text",
    "verify",
    "verify_article",
]
