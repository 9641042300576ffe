"""Read gold attributions in brat standoff format, in PolNeAR's layout or the project's own.

PolNeAR keeps ``text/NAME.txt`` beside ``attributions/NAME_<annotator>.ann``; the
project's corpora keep ``NAME.txt`` and ``NAME.ann`` side by side. Both use ``T``
lines for spans and ``E`` lines (``E1 Attribution:T4 Content:T3 Cue:T2 Source:T1``)
to tie a source, a cue and a content into one attribution.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from quotes.errors import QuotesError

Piece = tuple[int, int]
"""A (start, end) character range of the original text."""

PART_ROLES = {"Source": "source", "Cue": "cue", "Content": "content"}
"""Brat argument roles of an ``E`` line and the relation part each fills."""

IGNORED_TYPES = frozenset({"Discard", "Discuss"})
"""PolNeAR's markers for text to leave out and for cases annotators flagged; neither is an attribution."""

_NUMBERED_ROLE = re.compile(r"^(?P<role>[A-Za-z-]+?)\d*$")
"""Brat numbers repeated roles ("Content2"); the number only keeps them apart."""


class GoldError(QuotesError):
    """A gold directory is missing or holds no annotations in a layout quotes reads."""


@attrs.frozen
class Relation:
    """One attribution reduced to where its three parts are; any part may be missing (empty)."""

    source: tuple[Piece, ...]
    """Pieces of the source mention, in text order."""
    cue: tuple[Piece, ...]
    """Pieces of the cue."""
    content: tuple[Piece, ...]
    """Pieces of the content (several when the attribution interrupts it)."""


@attrs.frozen
class GoldDocument:
    """One annotated text."""

    name: str
    """The file name without ``.txt`` (and without the annotator suffix)."""
    text: str
    """The text the offsets point into."""
    relations: tuple[Relation, ...]
    """The gold attributions, in the order of the annotation file."""


@attrs.frozen
class GoldCorpus:
    """The documents of a gold directory and what was wrong with the annotations."""

    documents: tuple[GoldDocument, ...]
    """Sorted by name."""
    layout: str
    """``"polnear"`` or ``"side-by-side"``."""
    warnings: tuple[str, ...]
    """One line per skipped file, span or relation."""


def load_gold(directory: Path, *, limit: int | None = None) -> GoldCorpus:
    """Read every annotated text of ``directory`` (the first ``limit`` by name, if given).

    Where PolNeAR has several annotators' files for one text, the annotator id that
    sorts first wins, so every run scores against the same gold.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise GoldError(f"gold directory not found: {directory}")
    warnings: list[str] = []
    if (directory / "text").is_dir() and (directory / "attributions").is_dir():
        layout = "polnear"
        pairs = _polnear_pairs(directory, warnings)
    elif any(directory.glob("*.ann")):
        layout = "side-by-side"
        pairs = _side_by_side_pairs(directory, warnings)
    else:
        raise GoldError(
            f"no brat annotations in {directory}: expected text/ and attributions/ (PolNeAR) "
            "or NAME.txt beside NAME.ann"
        )
    if limit is not None:
        pairs = pairs[:limit]
    documents = []
    for name, text_path, ann_path in pairs:
        text = _read(text_path)
        relations, problems = parse_ann(_read(ann_path), text)
        warnings.extend(f"{ann_path.name}: {problem}" for problem in problems)
        documents.append(GoldDocument(name, text, relations))
    return GoldCorpus(tuple(documents), layout, tuple(warnings))


def parse_ann(ann: str, text: str) -> tuple[tuple[Relation, ...], tuple[str, ...]]:
    """The relations of one ``.ann`` file, and a line per problem found (bad spans are skipped)."""
    spans: dict[str, tuple[str, tuple[Piece, ...]]] = {}
    problems: list[str] = []
    events: list[tuple[str, str]] = []
    for number, line in enumerate(ann.splitlines(), 1):
        if line.startswith("T"):
            parsed = _parse_span(line, text)
            if isinstance(parsed, str):
                problems.append(f"line {number}: {parsed}")
            else:
                ident, kind, pieces = parsed
                spans[ident] = (kind, pieces)
        elif line.startswith("E"):
            fields = line.split("\t")
            if len(fields) >= 2:
                events.append((fields[0], fields[1]))
    relations = []
    for ident, arguments in events:
        relation = _relation(arguments, spans)
        if isinstance(relation, str):
            problems.append(f"{ident}: {relation}")
        elif relation is not None:
            relations.append(relation)
    return tuple(relations), tuple(problems)


def _parse_span(line: str, text: str) -> tuple[str, str, tuple[Piece, ...]] | str:
    """``(id, type, pieces)`` of a ``T`` line, or why it cannot be trusted."""
    fields = line.split("\t")
    if len(fields) < 3:
        return f"malformed span line {line!r}"
    ident, middle, quoted = fields[0], fields[1], fields[2]
    kind, _, ranges = middle.partition(" ")
    try:
        pieces = tuple(
            (int(start), int(end)) for start, end in (piece.split() for piece in ranges.split(";"))
        )
    except ValueError:
        return f"{ident}: malformed offsets {ranges!r}"
    if any(not 0 <= start <= end <= len(text) for start, end in pieces):
        return f"{ident}: offsets {ranges} fall outside the text ({len(text)} characters)"
    # Brat joins the pieces of a discontinuous span with one space.
    if " ".join(text[start:end] for start, end in pieces) != quoted:
        return f"{ident}: {quoted[:40]!r} is not the text at {ranges}"
    return ident, kind, tuple(sorted(pieces))


def _relation(arguments: str, spans: dict[str, tuple[str, tuple[Piece, ...]]]) -> Relation | str | None:
    """The relation an ``E`` line describes, why it was dropped, or None when it is not an attribution."""
    parts: dict[str, list[Piece]] = {"source": [], "cue": [], "content": []}
    trigger, *roles = arguments.split()
    if trigger.partition(":")[0] in IGNORED_TYPES:
        return None
    for argument in roles:
        role, _, ident = argument.partition(":")
        match = _NUMBERED_ROLE.match(role)
        part = PART_ROLES.get(match["role"]) if match else None
        if part is None:
            continue
        if ident not in spans:
            return f"refers to {ident}, a span that is missing or was skipped"
        kind, pieces = spans[ident]
        if kind in IGNORED_TYPES:
            continue
        parts[part].extend(pieces)
    if not any(parts.values()):
        return "has no source, cue or content"
    return Relation(
        source=tuple(sorted(set(parts["source"]))),
        cue=tuple(sorted(set(parts["cue"]))),
        content=tuple(sorted(set(parts["content"]))),
    )


def _polnear_pairs(directory: Path, warnings: list[str]) -> list[tuple[str, Path, Path]]:
    annotations: dict[str, list[tuple[str, Path]]] = {}
    for ann_path in (directory / "attributions").glob("*.ann"):
        name, _, annotator = ann_path.stem.rpartition("_")
        if not name:
            warnings.append(f"{ann_path.name}: no _<annotator> suffix, skipped")
            continue
        annotations.setdefault(name, []).append((annotator, ann_path))
    pairs = []
    for text_path in sorted((directory / "text").glob("*.txt")):
        candidates = sorted(annotations.get(text_path.stem, []))
        if not candidates:
            warnings.append(f"{text_path.name}: no annotation file, skipped")
            continue
        pairs.append((text_path.stem, text_path, candidates[0][1]))
    return pairs


def _side_by_side_pairs(directory: Path, warnings: list[str]) -> list[tuple[str, Path, Path]]:
    pairs = []
    for ann_path in sorted(directory.glob("*.ann")):
        text_path = ann_path.with_suffix(".txt")
        if not text_path.is_file():
            warnings.append(f"{ann_path.name}: no {text_path.name} beside it, skipped")
            continue
        pairs.append((ann_path.stem, text_path, ann_path))
    return pairs


def _read(path: Path) -> str:
    # newline="" keeps "\r\n" as two characters, as brat counts them.
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()
