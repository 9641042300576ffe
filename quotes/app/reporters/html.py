"""The HTML report: one standalone page per article, and an index page for a corpus.

The page is rendered from Jinja2 templates (``templates/``) with autoescaping on, so every
piece of article text reaches the browser as text, never as markup. Python only prepares
plain values (rows, summary, the article cut into marked pieces); the markup, the CSS and
the small script live in the templates. The page loads nothing: no CDN, no fonts, no
images, and a Content-Security-Policy that forbids any request.
"""

from __future__ import annotations

import errno
import functools
import json
import re
import typing
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any, TextIO

import attrs
import jinja2

from quotes.app.reporters.records import article_from_record
from quotes.core.attribution import Article, Attribution, QuoteKind
from quotes.errors import InputError

PALETTE_SIZE = 8
"""Attribution colours cycle through the eight Okabe–Ito colours (distinguishable with colour blindness)."""

_ROLE_ORDER = {"content": 0, "cue": 1, "speaker": 2}
"""Of two marks over the same characters, the content is the outer one: it is the longest as a rule."""

_DIFF_PART = re.compile(r"\[-(?P<removed>.*?)-\]|\{\+(?P<added>.*?)\+\}")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml")


@attrs.frozen
class PassageVerdict:
    """How one checked passage of an attribution compares with the sources: what the page shows of a verification.

    A small record of its own, so the page does not depend on how verification is computed;
    ``verdicts_from_verifications`` builds it from today's ``Verification`` objects.
    """

    attribution: int
    """Index (from 0) into ``Article.attributions``."""
    passage: int
    """Number (from 1) of the passage within its attribution: a mixed content can have several quoted fragments."""
    start: int
    """Offset of the passage's first character in the article."""
    end: int
    """Offset one past its last character."""
    verdict: str
    """``verbatim``, ``minor``, ``altered``, ``not_found`` or ``paraphrase``."""
    similarity: float
    """Word similarity with the best source passage, 0 to 1."""
    diff: tuple[tuple[str, str], ...] = ()
    """The word diff, source → article, as (``same`` | ``removed`` | ``added``, words) parts."""


def diff_parts(diff: str) -> tuple[tuple[str, str], ...]:
    """The verification's ``[-source words-]{+article words+}`` notation as (operation, words) parts."""
    parts: list[tuple[str, str]] = []
    cursor = 0
    for match in _DIFF_PART.finditer(diff):
        if match.start() > cursor:
            parts.append(("same", diff[cursor : match.start()]))
        if match["removed"] is not None:
            parts.append(("removed", match["removed"]))
        else:
            parts.append(("added", match["added"]))
        cursor = match.end()
    if cursor < len(diff):
        parts.append(("same", diff[cursor:]))
    return tuple(parts)


def verdicts_from_verifications(article: Article, verifications: Iterable[Any]) -> list[PassageVerdict]:
    """``quotes verify`` results as page verdicts: one per quoted passage, plus the paraphrase of an indirect
    part, each under the attribution its ``attribution`` index names."""
    verdicts: list[PassageVerdict] = []
    passages: Counter[int] = Counter()
    for v in verifications:
        index = v.attribution
        if not 0 <= index < len(article.attributions):
            raise ValueError(f"verification of {v.quote.text!r} names attribution {index}: the article has "
                             f"{len(article.attributions)}")
        passages[index] += 1
        verdicts.append(PassageVerdict(index, passages[index], v.quote.start, v.quote.end, v.verdict,
                                       v.similarity, diff_parts(v.diff)))
    return verdicts


def render_page(article: Article, *, verdicts: Sequence[PassageVerdict] | None = None,
                index_href: str | None = None) -> str:
    """The standalone page of one article; ``verdicts`` adds a verdict column, ``index_href`` a link back."""
    for verdict in verdicts or ():
        if not 0 <= verdict.attribution < len(article.attributions):
            raise ValueError(f"verdict for attribution {verdict.attribution}: the article has "
                             f"{len(article.attributions)}")
    by_attribution: dict[int, list[PassageVerdict]] = {}
    for verdict in verdicts or ():
        by_attribution.setdefault(verdict.attribution, []).append(verdict)
    speakers = article.speakers()
    speaker_of = {id(att): name for name, atts in speakers.items() for att in atts}
    rows = [_row(number, att, speaker_of[id(att)], by_attribution.get(number - 1, []))
            for number, att in enumerate(article.attributions, 1)]
    return _environment().get_template("page.html.j2").render(
        title=article.document or "Article",
        document=article.document,
        rows=rows,
        kinds=[kind.value for kind in QuoteKind],
        kind_counts=Counter(att.kind.value for att in article.attributions),
        speakers=[_summary_row(name, atts) for name, atts in speakers.items()],
        verified=verdicts is not None,
        verdict_counts=Counter(v.verdict for v in verdicts or ()),
        pieces=article_pieces(article),
        index_href=index_href,
    )


def write_page(path: Path, article: Article, *, verdicts: Sequence[PassageVerdict] | None = None) -> None:
    """Write the page of one article to ``path``."""
    path.write_text(render_page(article, verdicts=verdicts), encoding="utf-8")


def wants_directory(target: str, documents: int) -> bool:
    """Whether ``--html TARGET`` means a directory of pages: several documents, an existing directory, or a
    path ending in a slash (given as typed: ``Path`` drops the slash); raises ``InputError`` for several
    documents and a target named like a page."""
    path = Path(target)
    directory = path.is_dir() or target.endswith(("/", "\\"))
    if documents > 1 and not directory and path.suffix.lower() in _PAGE_SUFFIXES:
        raise InputError(f"--html {target}: {documents} documents make one page each; give a directory "
                         f"(for example {path.with_suffix('')}/) instead of a page name")
    return directory or documents > 1


@attrs.frozen
class IndexEntry:
    """One document of a corpus, as the index page lists it."""

    document: str
    href: str | None
    """The page's file name, relative to the index; None for a document that failed."""
    counts: dict[str, int] = attrs.field(factory=dict, hash=False)
    """Attributions by kind, and their ``total``."""
    speakers: int = 0
    error: str | None = None


class CorpusPages:
    """A directory of pages, one per document, and its ``index.html``, written as documents come."""

    def __init__(self, directory: Path, *, resume: bool = False) -> None:
        """``resume`` keeps the documents an earlier run listed (``index.json``), for ``--resume``."""
        if directory.exists() and not directory.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a directory (--html takes a directory for several documents)",
                                     str(directory))
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.entries: list[IndexEntry] = []
        self._names: set[str] = {"index.html", "index.json"}
        listing = directory / "index.json"
        if resume and listing.exists():
            self.entries = [IndexEntry(**entry) for entry in json.loads(listing.read_text(encoding="utf-8"))]
            self._names |= {entry.href.lower() for entry in self.entries if entry.href}

    def add(self, article: Article, *, verdicts: Sequence[PassageVerdict] | None = None) -> Path:
        """Write the article's page and list it in the index."""
        name = self._file_name(article.document or f"document-{len(self.entries) + 1}")
        path = self.directory / name
        path.write_text(render_page(article, verdicts=verdicts, index_href="index.html"), encoding="utf-8")
        counts = Counter(att.kind.value for att in article.attributions)
        self.entries.append(IndexEntry(article.document or name, name,
                                       {**{k.value: counts[k.value] for k in QuoteKind},
                                        "total": len(article.attributions)},
                                       len(article.speakers())))
        return path

    def add_failure(self, document: str, error: str) -> None:
        """List a document that could not be read or extracted, with its error."""
        self.entries.append(IndexEntry(document, None, error=error))

    def follow(self, documents: Iterable[Any], out: TextIO, *,
               skip: AbstractSet[str] = frozenset()) -> tuple[Iterator[Any], TextIO]:
        """Documents and an output stream for corpus mode, so that each JSONL line written also makes a page.

        Workers only send back JSONL lines, so the texts are kept, by id, from when a document is
        read until its line is written (lines come in input order: only the documents in flight wait).
        Documents in ``skip`` (done by an earlier run, ``--resume``) get no line, so their texts are not kept.
        """
        texts: dict[str, str | None] = {}

        def remembered() -> Iterator[Any]:
            for doc in documents:
                if doc.id not in skip:
                    texts[doc.id] = doc.text
                yield doc

        return remembered(), typing.cast(TextIO, _PageTee(out, self, texts))

    def write_index(self) -> Path:
        """Write ``index.html``: every document with its counts, linked to its page (and ``index.json``, the same
        list for a resumed run)."""
        latest = {entry.document: entry for entry in self.entries}  # a document done again replaces its entry
        self.entries = list(latest.values())
        (self.directory / "index.json").write_text(json.dumps([attrs.asdict(e) for e in self.entries], indent=1),
                                                   encoding="utf-8")
        path = self.directory / "index.html"
        path.write_text(render_index(self.entries), encoding="utf-8")
        return path

    def _file_name(self, document: str) -> str:
        """A safe, unique file name from the document id ("news/a.txt" → "news_a.txt.html")."""
        stem = _UNSAFE_NAME.sub("_", document).strip("._")[:100] or "document"
        name, number = f"{stem}.html", 1
        while name.lower() in self._names:
            number += 1
            name = f"{stem}-{number}.html"
        self._names.add(name.lower())
        return name


class _PageTee:
    """A text stream that passes every line on and turns it into a page (see ``CorpusPages.follow``)."""

    def __init__(self, out: TextIO, pages: CorpusPages, texts: dict[str, str | None]) -> None:
        self._out, self._pages, self._texts, self._pending = out, pages, texts, ""

    def write(self, data: str) -> int:
        written = self._out.write(data)
        *lines, self._pending = (self._pending + data).split("\n")
        for line in lines:
            if line.strip():
                self._page(json.loads(line))
        return written

    def flush(self) -> None:
        self._out.flush()

    def _page(self, record: dict[str, Any]) -> None:
        document = record["document"]
        text = self._texts.pop(document, None)
        if record.get("error") or text is None:
            self._pages.add_failure(document, record.get("error") or "no text")
        else:
            self._pages.add(article_from_record(record, text))


def render_index(entries: Sequence[IndexEntry]) -> str:
    """The index page of a corpus."""
    totals = Counter[str]()
    for entry in entries:
        totals.update(entry.counts)
    return _environment().get_template("index.html.j2").render(
        entries=entries, kinds=[kind.value for kind in QuoteKind], totals=totals,
        failed=sum(1 for e in entries if e.error),
    )


def article_pieces(article: Article) -> list[dict[str, Any]]:
    """The article as a flat list of ``open``/``text``/``close`` pieces, for the template to turn into marks.

    Speakers, cues and contents become ``<mark>`` elements that nest; where two of them cross
    (rare: a speaker phrase running into another attribution's content), the inner one is
    closed and reopened, so each element still covers exactly ``text[start:end]`` of the
    article. The text pieces, joined, are the article unchanged.
    """
    text = article.text
    marks = [mark for number, att in enumerate(article.attributions, 1) for mark in _marks(number, att)]
    marks = [m for m in marks if 0 <= m["start"] < m["end"] <= len(text)]
    marks.sort(key=lambda m: (m["start"], -m["end"], _ROLE_ORDER[m["role"]]))
    starting: dict[int, list[dict[str, Any]]] = {}
    for mark in marks:
        starting.setdefault(mark["start"], []).append(mark)
    boundaries = sorted({0, len(text)} | {m["start"] for m in marks} | {m["end"] for m in marks})
    pieces: list[dict[str, Any]] = []
    stack: list[tuple[dict[str, Any], dict[str, Any]]] = []  # (mark, its open piece)
    position = 0
    for boundary in boundaries:
        if boundary > position:
            pieces.append({"kind": "text", "text": text[position:boundary]})
            position = boundary
        reopen: list[dict[str, Any]] = []
        ending = [i for i, (mark, _) in enumerate(stack) if mark["end"] == boundary]
        if ending:
            for mark, opened in reversed(stack[ending[0]:]):
                opened["end"] = boundary
                pieces.append({"kind": "close"})
                if mark["end"] > boundary:
                    reopen.append(mark)
            del stack[ending[0]:]
        for mark in sorted(reopen + starting.get(boundary, []), key=lambda m: (-m["end"], _ROLE_ORDER[m["role"]])):
            opened = {**mark, "kind": "open", "start": boundary, "continued": mark in reopen}
            if opened["continued"]:
                opened["id"] = None
            pieces.append(opened)
            stack.append((mark, opened))
    return pieces


def _marks(number: int, att: Attribution) -> list[dict[str, Any]]:
    """The speaker, cue and content pieces of one attribution, before nesting."""
    colour = (number - 1) % PALETTE_SIZE
    common = {"att": number, "colour": colour, "kind_of_quote": att.kind.value, "resolved": None}
    marks = [{**common, "role": "content", "start": span.start, "end": span.end,
              "id": f"a{number}" if piece == 1 else f"a{number}-{piece}",
              "label": f"{number}: {att.kind.value} content" + (f" ({piece} of {len(att.content.spans)})"
                                                                  if len(att.content.spans) > 1 else "")}
             for piece, span in enumerate(att.content.spans, 1)]
    if att.cue:
        marks.append({**common, "role": "cue", "start": att.cue.span.start, "end": att.cue.span.end,
                      "id": f"c{number}", "label": f"{number}: cue ({att.cue.lemma})"})
    if att.speaker:
        sp = att.speaker
        resolved = sp.name if sp.name and sp.name != sp.span.text else None
        marks.append({**common, "role": "speaker", "start": sp.span.start, "end": sp.span.end, "id": f"s{number}",
                      "resolved": resolved,
                      "label": f"{number}: speaker" + (f", {resolved}" if resolved else "")})
    return marks


def _row(number: int, att: Attribution, speaker_key: str, verdicts: list[PassageVerdict]) -> dict[str, Any]:
    sp = att.speaker
    return {
        "number": number,
        "colour": (number - 1) % PALETTE_SIZE,
        "speaker_key": speaker_key,
        "mention": sp.span.text if sp else None,
        "name": sp.name if sp and sp.name and sp.name != sp.span.text else None,
        "role": sp.role if sp and sp.role and sp.role not in sp.span.text else None,
        "type": sp.type.value if sp else None,
        "inherited": att.inherited,
        "cue": att.cue.span.text if att.cue else None,
        "quote": att.content.quote,
        "start": att.content.start,
        "end": att.content.end,
        "kind": att.kind.value,
        "verdicts": [{"passage": v.passage, "start": v.start, "end": v.end, "verdict": v.verdict,
                      "label": v.verdict.replace("_", " "), "similarity": round(v.similarity * 100),
                      "diff": v.diff if v.verdict == "altered" else ()} for v in verdicts],
    }


def _summary_row(name: str, atts: list[Attribution]) -> dict[str, Any]:
    counts = Counter(att.kind.value for att in atts)
    sp = atts[0].speaker
    return {"name": name, "type": sp.type.value if sp else "—", "counts": counts, "total": len(atts)}


@functools.cache
def _environment() -> jinja2.Environment:
    """One Jinja2 environment, autoescaping everything, loading the templates shipped in the package."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("quotes.app.reporters", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
