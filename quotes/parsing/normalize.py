"""Prepare raw text for the parser without losing the way back to the original offsets.

The bundled models were trained on UD text with mostly straight quote marks and
clean spacing; scraped news has curly quotes, guillemets, non-breaking spaces
and sentences glued together ("…for Pyongyang.Putin said"). We hand Stanza a
cleaned copy and map every offset back, so spans always index the user's text.
"""

from __future__ import annotations

import re

import attrs

from quotes.core.quotemarks import double_apostrophes

_SAME_LENGTH = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2039": "'", "\u203a": "'", "\u2032": "'",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\u200b": " ", "\u200c": " ", "\u200d": " ", "\ufeff": " ", "\u2028": "\n", "\u2029": "\n", "\r": " ",
    "\t": " ", "\x0b": " ", "\x0c": "\n",
})
"""One character for one character: offsets do not move."""

_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z]{2}[.!?][\"'])(?=[A-Z])")
"""A sentence end glued to the next sentence's capital: "Pyongyang.Putin", 'be."The'."""


@attrs.frozen
class Normalized:
    """The cleaned text and, for each of its characters, the offset it came from."""

    text: str
    origin: tuple[int, ...]
    """``origin[i]`` is the original offset of cleaned character ``i`` (inserted spaces: the next character's)."""
    original_length: int

    def to_original(self, offset: int) -> int:
        """Original offset of a start position in the cleaned text."""
        if offset >= len(self.origin):
            return self.original_length
        return self.origin[offset]

    def to_original_end(self, offset: int) -> int:
        """Original offset of an end position (exclusive) in the cleaned text."""
        if offset <= 0:
            return 0
        return self.to_original(offset - 1) + 1


def normalize(text: str) -> Normalized:
    """Clean ``text`` for parsing: same-length character swaps, then spaces inserted at glued sentence ends."""
    cleaned = "".join(ch if ch.isprintable() or ch in "\n " else " " for ch in double_apostrophes(text).translate(_SAME_LENGTH))
    pieces: list[str] = []
    origin: list[int] = []
    last = 0
    for match in _GLUED.finditer(cleaned):
        cut = match.start()
        pieces.append(cleaned[last:cut])
        origin.extend(range(last, cut))
        pieces.append(" ")
        origin.append(cut)
        last = cut
    pieces.append(cleaned[last:])
    origin.extend(range(last, len(cleaned)))
    return Normalized("".join(pieces), tuple(origin), len(text))
