"""quotes: who said what in a news article — quotes, paraphrases and their speakers, offline."""

from quotes.app.frames import to_frame
from quotes.app.verification import Source, Verification, verify
from quotes.core.attribution import Article, Attribution, Content, Cue, QuoteKind, Rule, Span, Speaker, SpeakerType
from quotes.core.lexicon import Lexicon
from quotes.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    LexiconError,
    ModelError,
    QuotesError,
)
from quotes.extractor import Extractor, extract

__all__ = [
    "Article",
    "Attribution",
    "BinaryInputError",
    "Content",
    "Cue",
    "DecodingError",
    "EmptyInputError",
    "Extractor",
    "InputError",
    "InputTooLargeError",
    "Lexicon",
    "LexiconError",
    "ModelError",
    "QuoteKind",
    "QuotesError",
    "Rule",
    "Source",
    "Span",
    "Speaker",
    "SpeakerType",
    "Verification",
    "extract",
    "to_frame",
    "verify",
]
