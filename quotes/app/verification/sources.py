"""Load the documents quotes are checked against: transcripts, press releases, other articles.

A source is plain text after loading (HTML is reduced to its readable text), so every
offset a verification reports points into ``Source.text``. Transcripts that label
speaker turns ("BIDEN: ...") keep those turns, for the speaker check.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

import attrs

from quotes.errors import EmptyInputError
from quotes.app.inputs import decode_bytes

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html|<head|<body|<(?:p|div|article)\b)", re.IGNORECASE)

_TURN_LABEL = re.compile(
    r"^[ \t]*(?P<name>[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,4})"
    r"(?:[ \t]*\([^()\n]{0,40}\))?[ \t]*:[ \t]+",
    re.MULTILINE,
)
"""A speaker label at the start of a line: "Q: ", "PRESIDENT BIDEN: ", "Jane Smith (D-Calif.): "."""

_MIN_TURNS = 2
"""One "Note: ..." line does not make a transcript; real ones alternate speakers."""

_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "nav", "footer"})
_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header", "aside",
    "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "pre", "figure", "figcaption",
})


@attrs.frozen
class Turn:
    """One speaker turn of a transcript."""

    speaker: str
    """The label as written, without the colon ("PRESIDENT BIDEN")."""
    start: int
    """Offset of the first character of the speech (after the label)."""
    end: int
    """Offset one past the speech's last non-space character."""


@attrs.frozen
class Source:
    """A document to check quotes against."""

    file: str
    """Where it came from (the path as given), shown in reports."""
    text: str
    """The readable text; all offsets point here."""
    turns: tuple[Turn, ...] = ()
    """Speaker turns in text order, when the text is a transcript with "NAME:" labels."""

    def speaker_at(self, offset: int) -> str | None:
        """The speaker of the turn containing ``offset``, or None outside any turn."""
        index = bisect.bisect_right([turn.start for turn in self.turns], offset) - 1
        if index >= 0 and offset < self.turns[index].end:
            return self.turns[index].speaker
        return None


def load_source(path: str | Path) -> Source:
    """Read a source file: plain text, HTML (reduced to text) or a transcript.

    Raises OSError when the file cannot be read, and a QuotesError when it is binary,
    undecodable or holds no text.
    """
    path = Path(path)
    text = decode_bytes(path.read_bytes(), name=str(path))
    is_html = path.suffix.lower() in _HTML_SUFFIXES or bool(_HTML_START.match(text))
    return source_from_text(text, file=str(path), html=is_html)


def as_sources(items: Iterable[Source | str | os.PathLike[str]]) -> list[Source]:
    """Sources from what a library caller has at hand: ``Source`` objects, texts (a ``str`` is the
    source's text, as the article is) or paths (``pathlib.Path``) to text or HTML files."""
    return [
        item if isinstance(item, Source)
        else source_from_text(item, file=f"<source {number}>") if isinstance(item, str)
        else load_source(Path(item))
        for number, item in enumerate(items, 1)
    ]


def source_from_text(text: str, *, file: str = "<text>", html: bool = False) -> Source:
    """A source from text already in memory (HTML when ``html`` is true)."""
    if html:
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInputError(f"{file}: the source holds no text")
    return Source(file, text, parse_turns(text))


def html_to_text(html: str) -> str:
    """The readable text of an HTML page: trafilatura when installed, else a plain tag stripper."""
    try:
        import trafilatura  # optional extra: finds the main text and drops menus and ads
    except ImportError:
        return _strip_tags(html)
    extracted = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    return extracted if extracted and extracted.strip() else _strip_tags(html)


def parse_turns(text: str) -> tuple[Turn, ...]:
    """The "NAME: speech" turns of a transcript, or () when the text is not one."""
    labels = list(_TURN_LABEL.finditer(text))
    if len(labels) < _MIN_TURNS:
        return ()
    turns = []
    for index, label in enumerate(labels):
        stop = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        end = label.end() + len(text[label.end() : stop].rstrip())
        turns.append(Turn(label["name"], label.end(), end))
    return tuple(turns)


class _TextCollector(HTMLParser):
    """Collects text outside scripts and styles, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _strip_tags(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)
