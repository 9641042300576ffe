"""The exceptions quotes raises for bad input and missing models.

Every message says what was wrong and what would be valid, in one line, so the
CLI can print it as is.
"""

from __future__ import annotations


class QuotesError(Exception):
    """Base class of every error quotes raises on purpose."""


class InputError(QuotesError):
    """The input text cannot be processed (empty, binary, undecodable, too large)."""


class EmptyInputError(InputError):
    """The input holds no text (empty or whitespace only)."""


class BinaryInputError(InputError):
    """The input looks like binary data, not text."""


class DecodingError(InputError):
    """The input bytes are not valid UTF-8 (nor any encoding quotes falls back to)."""


class InputTooLargeError(InputError):
    """The input is longer than the configured ``max_chars``."""


class ModelError(QuotesError):
    """The Stanza models cannot be found or loaded."""


class LexiconError(QuotesError):
    """A user-supplied cue lexicon is malformed."""
