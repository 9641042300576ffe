"""Quotation marks: the one place that knows them, for raw text and for parsed tokens.

``find_quotations`` finds the direct quotations of a raw news text by their marks
alone. No model runs here: marks are enough to find quoted passages cheaply, and
the rules can be tested on plain strings. The hard part is that news uses many mark
styles and that ’ and ' also serve as apostrophes, so each mark's role is decided
from its neighbours and from what it can pair with. Nothing here raises on odd
input: an unbalanced mark is closed best-effort or ignored.

The rules ask the same module about single tokens and spans (``QUOTE_TOKENS``,
``closes_quotation``, ``opens_quoted``) instead of keeping character sets of their own.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterable

import attrs

__all__ = [
    "DOUBLE_CLOSING_TOKENS",
    "DOUBLE_MARKS",
    "DOUBLE_OPENING_TOKENS",
    "QUOTE_TOKENS",
    "STYLES",
    "Quotation",
    "closes_quotation",
    "find_quotations",
    "opens_quoted",
    "paragraphs",
]

STYLES = ("double", "curly", "single", "curly-single", "guillemet", "low-high")
"""Every value of ``Quotation.style``."""

_MARK = re.compile("[\"'“”„«»‘’]")
QUOTE_TOKENS = frozenset({'"', "''", "``", "\u201c", "\u201d", "\u00ab", "\u00bb", "'", "\u2018", "\u2019"})
"""Every token a tokenizer makes of a quotation mark, double or single (PTB's `` and '' included)."""
DOUBLE_CLOSING_TOKENS = frozenset({'"', "\u201d", "''", "\u00bb"})
"""Tokens that may close a double-quoted quotation (single marks are too often apostrophes)."""
DOUBLE_OPENING_TOKENS = frozenset({'"', "\u201c"})
"""The straight and curly double marks, as tokens that may open a quotation."""
_ALWAYS_CLOSING_TOKENS = frozenset({"\u201d", "''", "\u00bb"})
"""Tokens that only ever close: the curly closer, PTB's closer, the closing guillemet."""
DOUBLE_MARKS = "\"\u201c\u201d\u00ab\u00bb\u201e"
"""The double quotation-mark characters, for balancing a span's marks."""
_OPENING_MARKS = "\"\u201c\u00ab'\u2018"
"""Characters a quoted passage opens at."""

# Any run of line breaks ends a paragraph: scraped news often has one newline per paragraph.
_LINE = re.compile("[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
# After these (or a space, or nothing) a mark opens rather than closes; ':' and quote
# marks cover glued text such as said:"We or "'Hi.
_OPEN_CONTEXT = frozenset("([{<-–—/:\"'“„«»‘‚")
# Apostrophes that look like opening single quotes: rock 'n' roll, 'em, 'tis, the '90s.
_ELISION = re.compile(r"(?:\d\ds?|n|em|tis|twas)(?!\w)", re.IGNORECASE)
# News never nests deeper; the cap keeps the stack search linear on pathological input.
_MAX_DEPTH = 8
# What each opening mark starts: (style, marks that may close it). Straight double
# and curly frames also accept the other double closer, because scraped text mixes them.
_OPENERS = {
    '"': ("double", '"”'),
    "“": ("curly", '”"'),
    "„": ("low-high", '“”"'),
    "«": ("guillemet", "»"),
    "»": ("guillemet", "«"),
    "'": ("single", "'"),
    "‘": ("curly-single", "’"),
}


@attrs.frozen
class Quotation:
    """One passage between quotation marks, located by offsets into the original text."""

    start: int
    """Offset of the opening mark."""
    end: int
    """Offset just past the closing mark, or the end of the last paragraph when it never closes."""
    inner_start: int
    """First character of the quoted text (spaces inside the marks, as in « Oui », are skipped)."""
    inner_end: int
    """End of the quoted text, before any spaces and the closing mark."""
    closed: bool
    """False when no closing mark was found and the quote ends with its paragraph."""
    style: str
    """One of ``STYLES``."""
    pieces: tuple[tuple[int, int], ...]
    """The quoted text of each paragraph the quote spans, marks and paragraph breaks left out."""

    def inner(self, text: str) -> str:
        """The quoted words: ``text[inner_start:inner_end]``, or the pieces joined by newlines."""
        return "\n".join(text[start:end] for start, end in self.pieces)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end): non-blank lines with surrounding spaces trimmed (any newline run separates)."""
    spans = []
    for match in _LINE.finditer(text):
        line = match.group()
        core = line.strip()
        if core:
            start = match.start() + len(line) - len(line.lstrip())
            spans.append((start, start + len(core)))
    return spans


def find_quotations(text: str, paras: list[tuple[int, int]] | None = None) -> list[Quotation]:
    """The top-level quotations of ``text`` in text order; nested quotes belong to their outer one.

    A closing double mark separated by a space from a nested single closer
    (",' \" Reeves wrote") is read on the space, so it can close; the quotation
    still ends after the real mark. ``paras`` are the text's ``paragraphs``, when
    the caller has them already.
    """
    scanned = _NESTED_STRAIGHT_CLOSE.sub('" ', double_apostrophes(text))
    # Paragraphs of a text whose '' pairs were rewritten can differ at their edges: those are scanned anew.
    found = _Scanner(scanned, paras if paras is not None and scanned == text else None).run()
    return [_widen_pairs(text, q) for q in found]


def closes_quotation(token: str, before: Iterable[str]) -> bool:
    """Whether a token closes a quotation, given the tokens of its sentence ``before`` it: a curly or PTB
    closer always does, a straight '"' after an odd number of straight marks does."""
    if token in _ALWAYS_CLOSING_TOKENS:
        return True
    if token != '"':
        return False
    return sum(1 for t in before if t == '"') % 2 == 1


def opens_quoted(text: str, start: int) -> bool:
    """Whether a span of ``text`` starting at ``start`` opens at a quotation mark (on it, or right after it)."""
    return any(ch in text[max(0, start - 1) : start + 1] for ch in _OPENING_MARKS)


def _widen_pairs(text: str, quote: Quotation) -> Quotation:
    """Make a quotation whose marks were '' or `` start and end on the whole pair.

    Only a straight-double quotation can have opened on such a pair: a
    single-quoted one right after a closing pair (three apostrophes, then A and
    an apostrophe) keeps its own start, or the two would share a character.
    """
    start, end = quote.start, quote.end
    if quote.style == "double" and start > 0 and text[start - 1 : start + 1] in ("''", "``"):
        start -= 1
    if quote.closed and text[end - 1 : end + 1] == "''":
        end += 1
    elif quote.closed and text[end - 1 : end + 2] == " ''":
        end += 2
    elif quote.closed and text[end - 1 : end + 1] == ' "':
        end += 1
    return attrs.evolve(quote, start=start, end=end) if (start, end) != (quote.start, quote.end) else quote


_PAIRED_APOSTROPHES = re.compile(r"''|``")
# A nested single quote closing right before the outer pair: "''I hate the term 'Manhattan poor,' '' she said".
_NESTED_CLOSE = re.compile(r"(?<=['’]) ''(?!\w)")
# The same with a straight double closer: "tells 'them that …,' " Reeves wrote".
_NESTED_STRAIGHT_CLOSE = re.compile(r"(?<=['’]) \"(?!\w)")


def double_apostrophes(text: str) -> str:
    """A same-length copy where '' and `` used as double quotes (NYT style) read as one '"'.

    An opening pair (before a word) becomes ' "', a closing pair '" ', so offsets
    do not move and the scanner sees an ordinary straight double quote. A closing
    pair after a nested quote and a space ("poor,' ''") moves onto the space, so
    it follows the nested closer and can close.
    """
    if "''" not in text and "``" not in text:
        return text
    text = _NESTED_CLOSE.sub('"  ', text)

    def swap(match: re.Match[str]) -> str:
        after = text[match.end() : match.end() + 1]
        return ' "' if after.isalnum() or match.group() == "``" else '" '

    return _PAIRED_APOSTROPHES.sub(swap, text)


class _Role(enum.Enum):
    """What a straight double mark can do, judged from its two neighbours."""

    OPEN = "open"
    CLOSE = "close"
    BOTH = "both"
    NONE = "none"


def _double_role(prev: str, nxt: str) -> _Role:
    """Role of a straight double mark; ``prev``/``nxt`` are "" at a paragraph edge."""
    opens = (not prev or prev.isspace() or prev in _OPEN_CONTEXT) and bool(nxt) and not nxt.isspace()
    closes = bool(prev) and not prev.isspace() and not nxt.isalnum()
    if opens and closes:
        return _Role.BOTH
    if opens:
        return _Role.OPEN
    if closes:
        return _Role.CLOSE
    # Glued between two non-spaces (said."We): the scanner's state decides.
    if prev and nxt and not prev.isspace() and not nxt.isspace():
        return _Role.BOTH
    return _Role.NONE


def _single_opens(text: str, i: int, prev: str, nxt: str) -> bool:
    """Whether a single mark at ``i`` may open: after a boundary, before a word, not an elision."""
    at_boundary = not prev or prev.isspace() or prev in _OPEN_CONTEXT
    return at_boundary and nxt.isalnum() and _ELISION.match(text, i + 1) is None


def _single_closes(prev: str, nxt: str) -> bool:
    """Whether a single mark may close: not after a space, not inside a word (don't, Kim’s)."""
    return bool(prev) and not prev.isspace() and not (prev.isalnum() and nxt.isalnum())


@attrs.define
class _Frame:
    """An open quotation while scanning; mutable because its pieces grow paragraph by paragraph."""

    opener: str
    style: str
    closers: str
    start: int
    piece_start: int
    pieces: list[tuple[int, int]] = attrs.Factory(list)
    close_at: int | None = None
    """Offset of the closer chosen ahead of time for a top-level single quote."""


class _Scanner:
    """One pass over the marks of each paragraph, with a stack of open quotations."""

    def __init__(self, text: str, paras: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.paragraphs = paras if paras is not None else paragraphs(text)
        self.marks = [m.start() for m in _MARK.finditer(text)]
        self.found: list[Quotation] = []

    def run(self) -> list[Quotation]:
        carried: _Frame | None = None
        for p, (ps, pe) in enumerate(self.paragraphs):
            toks = self.marks[bisect.bisect_left(self.marks, ps) : bisect.bisect_left(self.marks, pe)]
            carried = self._paragraph(p, ps, pe, toks, carried)
        return self.found

    def _paragraph(self, p: int, ps: int, pe: int, toks: list[int], carried: _Frame | None) -> _Frame | None:
        """Scan one paragraph; return the quotation that continues into the next one, if any."""
        stack: list[_Frame] = []
        k = 0
        if carried is not None:
            # toks[0] is the continuation mark at ps, already consumed by the carried quote.
            stack.append(carried)
            k = 1
            if carried.style in ("single", "curly-single"):
                carried.close_at = self._single_closer(toks, 0, ps, pe)[0]
        while k < len(toks):
            self._step(p, ps, pe, toks, k, stack)
            k += 1
        if not stack:
            return None
        bottom = stack[0]
        mark = self._continuation(p + 1, bottom.opener)
        if mark is None:
            self._emit(bottom, inner_end=pe, end=pe, closed=False)
            return None
        bottom.pieces.append(self._trim(bottom.piece_start, pe))
        bottom.piece_start = mark + 1
        bottom.close_at = None
        return bottom

    def _step(self, p: int, ps: int, pe: int, toks: list[int], k: int, stack: list[_Frame]) -> None:
        text = self.text
        i = toks[k]
        c = text[i]
        prev = text[i - 1] if i > ps else ""
        nxt = text[i + 1] if i + 1 < pe else ""
        if stack and stack[0].close_at == i:
            self._close(stack, 0, i)
            return
        if stack and self._try_close(stack, i, c, prev, nxt):
            return
        if len(stack) >= _MAX_DEPTH:
            return
        frame = self._try_open(p, ps, pe, toks, k, prev, nxt, nested=bool(stack))
        if frame is not None:
            stack.append(frame)

    def _try_close(self, stack: list[_Frame], i: int, c: str, prev: str, nxt: str) -> bool:
        """Close the quotation this mark ends, if any; report whether it did."""
        if c in "’'":
            # Single marks are too often apostrophes to close anything but the innermost quote.
            top = stack[-1]
            if c in top.closers and _single_closes(prev, nxt) and (len(stack) > 1 or top.close_at is None):
                self._close(stack, len(stack) - 1, i)
                return True
            return False
        loose = c == '"' and _double_role(prev, nxt) is _Role.NONE and self._loose_closer(i)  # 'this, " X said'
        if not loose and (c in "„‘" or (c == '"' and _double_role(prev, nxt) in (_Role.OPEN, _Role.NONE))):
            return False
        for depth in range(len(stack) - 1, -1, -1):
            if c in stack[depth].closers:
                self._close(stack, depth, i)
                return True
        if c == "“" and stack[-1].style == "curly" and prev and not prev.isspace() and not nxt.isalnum():
            # Sloppy text closes with “ too (“Yes,“ he said).
            self._close(stack, len(stack) - 1, i)
            return True
        return False

    def _loose_closer(self, i: int) -> bool:
        """A straight mark with spaces on both sides right after the end of a quoted sentence ("this, " X said")."""
        before = self.text[:i].rstrip()
        return bool(before) and before[-1] in ",.?!;" and i - len(before) == 1

    def _try_open(
        self, p: int, ps: int, pe: int, toks: list[int], k: int, prev: str, nxt: str, *, nested: bool
    ) -> _Frame | None:
        """The quotation this mark opens, if it opens one."""
        text = self.text
        i = toks[k]
        c = text[i]
        if c not in _OPENERS:
            return None
        style, closers = _OPENERS[c]
        frame = _Frame(opener=c, style=style, closers=closers, start=i, piece_start=i + 1)
        if c == '"':
            return frame if _double_role(prev, nxt) in (_Role.OPEN, _Role.BOTH) else None
        if c in "“„«":
            return frame
        if c == "»":
            # Reversed guillemets (»Ja«) only when paired: » mostly closes French quotes.
            paired = self._next_guillemet(toks, k)
            if paired or (paired is None and not nested and self._continuation(p + 1, c) is not None):
                return frame
            return None
        if not _single_opens(text, i, prev, nxt):
            return None
        if nested:
            return frame
        # A top-level single quote needs a clear closer in its paragraph, or a news-style continuation.
        close_at, to_end = self._single_closer(toks, k, ps, pe)
        if close_at is not None:
            frame.close_at = close_at
            return frame
        if to_end and self._continuation(p + 1, c) is not None:
            return frame
        return None

    def _single_closer(self, toks: list[int], k: int, ps: int, pe: int) -> tuple[int | None, bool]:
        """The closer for the single opener ``toks[k]``, and whether the search reached the paragraph end.

        The search stops at the next opener of the same kind (quotes of one kind do not nest).
        A closer after punctuation (,’ .’ ?’) wins over an earlier bare one, which may be a
        plural possessive (students’ union); otherwise the first candidate wins (‘scare’ quotes).
        """
        text = self.text
        opener = text[toks[k]]
        closer = _OPENERS[opener][1]
        first_bare: int | None = None
        for j in range(k + 1, len(toks)):
            i = toks[j]
            c = text[i]
            prev = text[i - 1] if i > ps else ""
            nxt = text[i + 1] if i + 1 < pe else ""
            if c == closer and _single_closes(prev, nxt):
                if not prev.isalnum():
                    return i, False
                if first_bare is None:
                    first_bare = i
            elif c == opener and _single_opens(text, i, prev, nxt):
                return first_bare, False
        return first_bare, True

    def _next_guillemet(self, toks: list[int], k: int) -> bool | None:
        """True when the next guillemet in the paragraph is «, False when », None when there is none."""
        for j in range(k + 1, len(toks)):
            c = self.text[toks[j]]
            if c in "«»":
                return c == "«"
        return None

    def _continuation(self, p: int, opener: str) -> int | None:
        """Offset of the mark that continues a quote into paragraph ``p``, if it starts with one."""
        if p >= len(self.paragraphs):
            return None
        ps, pe = self.paragraphs[p]
        c = self.text[ps]
        if c != opener:
            return None
        nxt = self.text[ps + 1] if ps + 1 < pe else ""
        if c == '"' and _double_role("", nxt) is not _Role.OPEN:
            return None
        if c in "'‘" and not _single_opens(self.text, ps, "", nxt):
            return None
        return ps

    def _close(self, stack: list[_Frame], depth: int, i: int) -> None:
        """Close the frame at ``depth`` (and all inside it) at the closing mark ``i``."""
        if depth == 0:
            self._emit(stack[0], inner_end=i, end=i + 1, closed=True)
            stack.clear()
        else:
            del stack[depth:]

    def _emit(self, frame: _Frame, *, inner_end: int, end: int, closed: bool) -> None:
        pieces = (*frame.pieces, self._trim(frame.piece_start, inner_end))
        self.found.append(
            Quotation(
                start=frame.start,
                end=end,
                inner_start=pieces[0][0],
                inner_end=pieces[-1][1],
                closed=closed,
                style=frame.style,
                pieces=pieces,
            )
        )

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) without surrounding spaces, e.g. the non-breaking ones of « Oui »."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end
