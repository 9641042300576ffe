"""Turn command-line sources (files, directories, stdin, JSONL) into documents.

A bad document never stops a corpus run: it becomes a ``Document`` carrying an
error, so it still gets its own output line. Only a source that names nothing
(a missing path, a directory without articles) raises, before any work starts.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from quotes.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
)

DEFAULT_MAX_CHARS = 2_000_000
"""Generous: a long-form feature is ~50,000 characters; this only stops accidents."""

STDIN = "-"
"""The source name that means standard input."""
STDIN_ID = "<stdin>"
"""The document id of a plain-text document read from standard input."""

INPUT_FORMATS = ("auto", "text", "jsonl", "parquet")
TEXT_SUFFIXES = (".txt", ".html", ".htm")
"""Files a directory contributes in text mode."""
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
"""Files a directory contributes in JSONL mode; in auto mode these files are read as JSONL."""
PARQUET_SUFFIXES = (".parquet",)
"""Files a directory contributes in Parquet mode (a dataset of parts); in auto mode these files are read as Parquet."""
DATASET_COLUMNS = ("id", "text")
"""The columns a Parquet input must have, like the fields of a JSONL input."""

_BYTES_PER_CHAR = 4
"""UTF-8 needs at most 4 bytes a character, so more bytes than this proves the text too large."""
_HTML_BYTES_PER_CHAR = 10
"""Markup outweighs article text many times over; the limit applies to the extracted text."""
_SNIFF = 8192
"""How much of the start of a text the binary check looks at."""
_MAX_CONTROL_SHARE = 0.1
"""Text has almost no control characters; binary formats are full of them."""
_CONTROL = frozenset(chr(c) for c in [*range(0x20), 0x7F]) - frozenset("\t\n\v\f\r")
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
"""Characters ``str.strip`` keeps that still leave nothing to read."""


@attrs.frozen
class Document:
    """One article to process, or the reason it cannot be read."""

    id: str
    """Its name in the output: the file path as given, the JSONL ``id``, or ``<stdin>``."""
    text: str | None
    """The article text, ready for the extractor; None when reading failed."""
    error: str | None = None
    """A one-line message saying why the document cannot be processed."""


def iter_documents(
    sources: list[str],
    *,
    input_format: str = "auto",
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Document]:
    """Yield the documents of ``sources`` in a deterministic order, reading lazily.

    Sources are checked before the first document is read, so a missing path or an
    empty directory raises ``InputError`` here rather than halfway through a run.
    """
    if input_format not in INPUT_FORMATS:
        raise InputError(f"unknown input format {input_format!r}; valid: {', '.join(INPUT_FORMATS)}")
    resolved = [_resolve(source, input_format) for source in sources]
    if not resolved:
        raise InputError("no input given; name files, directories or - for standard input")
    return _generate([item for group in resolved for item in group], max_chars)


def count_documents(sources: list[str], *, input_format: str = "auto") -> int | None:
    """How many documents ``iter_documents`` will yield (at most), for a progress bar.

    None when standard input is among the sources: it can only be read once.
    """
    total = 0
    for source in sources:
        for name, fmt in _resolve(source, input_format):
            if name == STDIN:
                return None
            if fmt == "jsonl":
                with open(name, "rb") as lines:
                    total += sum(1 for line in lines if line.strip())
            elif fmt == "parquet":
                total += _parquet_file(name).metadata.num_rows
            else:
                total += 1
    return total


def read_text_file(path: str | os.PathLike[str], max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """The article text of a file: decoded, HTML stripped, checked; raises ``InputError`` subclasses."""
    name = os.fspath(path)
    is_html = name.lower().endswith(HTML_SUFFIXES)
    limit = max_chars * (_HTML_BYTES_PER_CHAR if is_html else _BYTES_PER_CHAR)
    try:
        with open(path, "rb") as file:
            data = file.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise InputTooLargeError(
            f"{name}: more than {limit:,} bytes, too large for --max-chars {max_chars:,}; raise --max-chars to read it"
        )
    return prepare_text(decode_bytes(data, name=name), max_chars=max_chars, name=name, html=is_html or None)


def decode_bytes(data: bytes, *, name: str) -> str:
    """Bytes as text: UTF-8 (with or without BOM), or UTF-16 with a BOM; raises on anything else."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodingError(f"{name}: not valid UTF-16 at byte offset {exc.start:,}") from exc
    _check_binary(data[:_SNIFF].decode("latin-1"), name=name, nul=b"\x00" in data)
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        raise DecodingError(
            f"{name}: not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset:,}); "
            "convert it to UTF-8 first, e.g. iconv -f latin1 -t utf-8"
        ) from exc


def prepare_text(text: str, *, max_chars: int, name: str | None = None, html: bool | None = None) -> str:
    """Text ready for the extractor: article text pulled out of HTML, then ``check_text``.

    ``html=None`` decides by looking: a text that opens like an HTML page is one.
    """
    if html is None:
        html = looks_like_html(text)
    if html:
        text = html_to_text(text, name=name)
    check_text(text, max_chars, name=name)
    return text


def check_text(text: str, max_chars: int = DEFAULT_MAX_CHARS, *, name: str | None = None) -> None:
    """Raise an ``InputError`` subclass when ``text`` is empty, binary-looking, unencodable or too long."""
    where = f"{name}: " if name else ""
    if not text.strip().strip(_INVISIBLE).strip():
        what = "empty" if not text else "whitespace only"
        raise EmptyInputError(f"{where}no text to read ({what})")
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"{where}{len(text):,} characters, more than --max-chars {max_chars:,}; raise --max-chars to read it"
        )
    _check_binary(text[:_SNIFF], name=name, nul="\x00" in text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DecodingError(f"{where}invalid Unicode (a lone surrogate) at character {exc.start:,}") from exc


COMMON_ENGLISH = frozenset("""
the of and to a in is that for it on was with he as at by said this be are have from not his but they or an has
we will would who their been were more which she her you i about had there one can if all also
""".split())
"""Frequent English words: 16–45 % of the words of PolNeAR's English news, 0–10 % of German, French, Spanish."""

_LETTER_RUNS = re.compile(r"[^\W\d_]+")


def looks_english(text: str, *, least: int = 40) -> bool:
    """Whether ``text`` reads as English: at least 12 % of its words are common English ones.

    The bundled models and the cue lexicon are English; on other languages quotes finds little or
    nothing, and the command line says so instead of printing an empty table without comment.
    Texts of fewer than ``least`` words are given the benefit of the doubt.
    """
    words = _LETTER_RUNS.findall(text[:20_000].lower())
    if len(words) < least:
        return True
    return sum(w in COMMON_ENGLISH for w in words) / len(words) >= 0.12  # PolNeAR's 924 texts: 16 % or more


def looks_like_html(text: str) -> bool:
    """True for text that starts like an HTML page (a saved web page named .txt, say)."""
    head = text.lstrip(" \t\r\n\ufeff")[:20].lower()
    return head.startswith(("<!doctype html", "<html"))


def html_to_text(html: str, *, name: str | None = None) -> str:
    """The article text of an HTML page, via trafilatura; paragraphs separated by blank lines.

    Blank lines match the paragraph breaks of plain-text articles.
    """
    where = f"{name}: " if name else ""
    try:
        import trafilatura
    except ImportError:
        raise InputError(f"{where}reading HTML needs trafilatura: pip install 'quotes[html]'") from None
    extracted = trafilatura.extract(html, include_comments=False, include_tables=False)
    paragraphs = [line.strip() for line in (extracted or "").splitlines() if line.strip()]
    if not paragraphs:
        raise EmptyInputError(f"{where}no article text found in the HTML")
    return "\n\n".join(paragraphs)


def _check_binary(sample: str, *, name: str | None, nul: bool) -> None:
    """Raise ``BinaryInputError`` when ``nul`` (a NUL anywhere) or ``sample`` is mostly control characters."""
    where = f"{name}: " if name else ""
    if nul:
        raise BinaryInputError(f"{where}looks like binary data, not text (it contains NUL bytes)")
    controls = sum(1 for char in sample if char in _CONTROL)
    share = controls / len(sample) if sample else 0.0
    if share > _MAX_CONTROL_SHARE:
        raise BinaryInputError(f"{where}looks like binary data, not text ({share:.0%} control characters)")


def _resolve(source: str, input_format: str) -> list[tuple[str, str]]:
    """The (file name, format) pairs a source stands for, sorted; raises when it names nothing."""
    if source == STDIN:
        return [(STDIN, "jsonl" if input_format == "jsonl" else "text")]
    path = Path(source)
    if not path.exists():
        raise InputError(f"{source}: no such file or directory")
    if not path.is_dir():
        resolved = [(str(path), _format_of(str(path), input_format))]
    else:
        suffixes = {"jsonl": JSONL_SUFFIXES, "parquet": PARQUET_SUFFIXES}.get(input_format, TEXT_SUFFIXES)
        files = sorted(_walk(path, suffixes))
        if not files:
            wanted = ", ".join(f"*{suffix}" for suffix in suffixes)
            raise InputError(f"{source}: no articles ({wanted}) in this directory")
        fmt = input_format if input_format in ("jsonl", "parquet") else "text"
        resolved = [(str(file), fmt) for file in files]
    for name, fmt in resolved:
        if fmt == "parquet":
            _check_dataset(name)
    return resolved


def _format_of(name: str, input_format: str) -> str:
    if input_format == "auto":
        lower = name.lower()
        return "jsonl" if lower.endswith(JSONL_SUFFIXES) else "parquet" if lower.endswith(PARQUET_SUFFIXES) else "text"
    return input_format


def _parquet_file(name: str) -> Any:
    """A ``pyarrow.parquet.ParquetFile``; raises ``InputError`` without pyarrow or for a file it cannot read."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise InputError(f"{name}: reading Parquet needs pyarrow: pip install 'quotes[parquet]'") from None
    try:
        return pyarrow.parquet.ParquetFile(name)
    except (OSError, pyarrow.ArrowException) as exc:
        raise InputError(f"{name}: not a readable Parquet file ({_first_line(exc)})") from None


def _check_dataset(name: str) -> None:
    """Raise ``InputError`` before any work when a Parquet input lacks the ``id`` or ``text`` column."""
    missing = [column for column in DATASET_COLUMNS if column not in _parquet_file(name).schema_arrow.names]
    if missing:
        raise InputError(f"{name}: no {' or '.join(repr(c) for c in missing)} column; a Parquet input needs "
                         f"'id' and 'text' columns")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _walk(root: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Files under ``root`` with one of ``suffixes``, skipping hidden files and folders."""
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            if not filename.startswith(".") and filename.lower().endswith(suffixes):
                yield Path(folder, filename)


def _generate(items: list[tuple[str, str]], max_chars: int) -> Iterator[Document]:
    seen: dict[str, str] = {}  # document id → where it was first seen: ids stay unique in the output
    for name, fmt in items:
        if fmt == "jsonl":
            yield from _jsonl_documents(name, max_chars, seen)
            continue
        if fmt == "parquet":
            yield from _parquet_documents(name, max_chars, seen)
            continue
        doc_id = STDIN_ID if name == STDIN else name
        if doc_id in seen:
            continue  # the same file named twice (a file and its folder, say) is one document
        seen[doc_id] = name
        yield _text_document(name, doc_id, max_chars)


def _text_document(name: str, doc_id: str, max_chars: int) -> Document:
    try:
        if name == STDIN:
            data = sys.stdin.buffer.read(max_chars * _HTML_BYTES_PER_CHAR + 1)
            if len(data) > max_chars * _HTML_BYTES_PER_CHAR:
                raise InputTooLargeError(
                    f"{doc_id}: too large for --max-chars {max_chars:,}; raise --max-chars to read it"
                )
            text = prepare_text(decode_bytes(data, name=doc_id), max_chars=max_chars, name=doc_id)
        else:
            text = read_text_file(name, max_chars)
    except InputError as exc:
        return Document(doc_id, None, str(exc))
    return Document(doc_id, text)


def _jsonl_documents(name: str, max_chars: int, seen: dict[str, str]) -> Iterator[Document]:
    """One document per non-blank line; a bad line gives an error document named ``file:line``."""
    label = STDIN_ID if name == STDIN else name
    try:
        opened = contextlib.nullcontext(sys.stdin.buffer) if name == STDIN else open(name, "rb")  # noqa: SIM115
    except OSError as exc:
        yield Document(label, None, f"{label}: cannot read: {exc.strerror or exc}")
        return
    with opened as lines:
        for number, raw in enumerate(lines, start=1):
            if raw.strip():
                yield _jsonl_document(raw, f"{label}:{number}", max_chars, seen)


def _jsonl_document(raw: bytes, where: str, max_chars: int, seen: dict[str, str]) -> Document:
    try:
        record: Any = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Document(where, None, f"{where}: not valid UTF-8 (byte offset {exc.start:,} in the line)")
    except json.JSONDecodeError as exc:
        return Document(where, None, f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return Document(where, None, f"{where}: expected a JSON object with 'id' and 'text' fields")
    return _record_document(record, where, max_chars, seen)


def _parquet_documents(name: str, max_chars: int, seen: dict[str, str]) -> Iterator[Document]:
    """One document per row, read a row group at a time; a bad row gives an error document named ``file:row``."""
    number = 0
    for batch in _parquet_file(name).iter_batches(columns=list(DATASET_COLUMNS)):
        for record in batch.to_pylist():
            number += 1
            yield _record_document(record, f"{name}:{number}", max_chars, seen)


def _record_document(record: dict[str, Any], where: str, max_chars: int, seen: dict[str, str]) -> Document:
    """The document of a JSONL line or Parquet row with ``id`` and ``text``; ``where`` names it in errors."""
    doc_id = record.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id or not _encodable(doc_id):
        return Document(where, None, f"{where}: missing or invalid 'id' (a non-empty string or an integer)")
    if doc_id in seen:
        return Document(where, None, f"{where}: duplicate id {doc_id!r} (first at {seen[doc_id]})")
    seen[doc_id] = where
    text = record.get("text")
    if not isinstance(text, str):
        return Document(doc_id, None, f"{where}: missing 'text' string")
    try:
        return Document(doc_id, prepare_text(text, max_chars=max_chars, name=where))
    except InputError as exc:
        return Document(doc_id, None, str(exc))


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
