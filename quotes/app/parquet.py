"""Parquet output with the JSONL's shape: one row per document, ``document``, ``attributions``, ``error``.

``attributions`` is a list of structs holding the same fields as the JSON, so
DuckDB and pandas read the file directly. A Parquet file is unreadable until its
footer is written, so a run writes its JSONL lines to a journal beside the target
(``journal_path``) and converts it at the end: a killed run leaves the journal,
and ``--resume`` goes on from it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from quotes.errors import InputError

SUFFIX = ".parquet"
"""An ``--output`` name ending so is written as Parquet; any other as JSONL."""
JOURNAL_SUFFIX = ".partial.jsonl"
"""Appended to the target's name for the JSONL journal of a run in progress."""
ROWS_PER_GROUP = 10_000
"""Rows per Parquet row group: few enough to convert a huge journal in bounded memory."""


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise InputError("Parquet needs pyarrow: pip install 'quotes[parquet]'") from None
    return pyarrow


def schema() -> Any:
    """The Arrow schema of an output file: the JSON fields of ``Article.to_dict()``, typed."""
    pa = _pyarrow()
    span = [("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())]
    attribution = pa.struct([
        ("speaker", pa.struct([*span, ("name", pa.string()), ("role", pa.string()), ("type", pa.string()),
                               ("phrase", pa.struct(span))])),
        ("cue", pa.struct([*span, ("lemma", pa.string())])),
        ("content", pa.struct([*span, ("spans", pa.list_(pa.list_(pa.int64()))), ("quote", pa.string())])),
        ("kind", pa.string()),
        ("sentence", pa.struct(span)),
        ("paragraph", pa.int64()),
        ("rule", pa.string()),
        ("inherited", pa.bool_()),
    ])
    return pa.schema([("document", pa.string()), ("attributions", pa.list_(attribution)), ("error", pa.string())])


def is_parquet(path: str | os.PathLike[str]) -> bool:
    """Whether an output path names a Parquet file."""
    return os.fspath(path).lower().endswith(SUFFIX)


def journal_path(path: str | os.PathLike[str]) -> Path:
    """The JSONL journal a run writes before it converts to the Parquet file ``path``."""
    target = Path(path)
    return target.with_name(target.name + JOURNAL_SUFFIX)


def write_parquet(records: Iterable[Mapping[str, Any]], path: str | os.PathLike[str]) -> int:
    """Write output records (JSONL lines as dicts) to ``path`` atomically; returns the number of rows."""
    pa = _pyarrow()
    target = Path(path)
    partial = target.with_name(target.name + ".tmp")
    rows = 0
    with pa.parquet.ParquetWriter(partial, schema()) as writer:
        for group in _groups(records):
            writer.write_table(pa.Table.from_pylist(group, schema=schema()))
            rows += len(group)
        if rows == 0:
            writer.write_table(pa.Table.from_pylist([], schema=schema()))
    os.replace(partial, target)
    return rows


def finish_journal(path: str | os.PathLike[str]) -> int:
    """Convert the journal of ``path`` into the Parquet file ``path`` and delete the journal; returns the rows."""
    journal = journal_path(path)
    with journal.open(encoding="utf-8") as lines:
        rows = write_parquet((json.loads(line) for line in lines if line.strip()), path)
    journal.unlink()
    return rows


def seed_journal(path: str | os.PathLike[str]) -> None:
    """Start the journal of ``path`` from the rows of an existing Parquet file, so that a resumed run adds to it."""
    from quotes.app.corpus import document_line

    with journal_path(path).open("w", encoding="utf-8") as journal:
        for record in read_records(path):
            extra = {} if record.get("error") is None else {"error": record["error"]}
            journal.write(document_line(record["document"], {**extra, "attributions": record["attributions"]}) + "\n")


def read_records(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The rows of an output file as dicts (``error`` None on a document that succeeded)."""
    pa = _pyarrow()
    try:
        file = pa.parquet.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"{os.fspath(path)}: not a readable Parquet file ({exc})") from exc
    missing = {"document", "attributions", "error"} - set(file.schema_arrow.names)
    if missing:
        raise InputError(f"{os.fspath(path)}: not a quotes output file (no {', '.join(sorted(missing))} column)")
    for batch in file.iter_batches(columns=["document", "attributions", "error"]):
        yield from batch.to_pylist()


def _groups(records: Iterable[Mapping[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    group: list[dict[str, Any]] = []
    for record in records:
        group.append({"document": record["document"], "attributions": record.get("attributions") or [],
                      "error": record.get("error")})
        if len(group) == ROWS_PER_GROUP:
            yield group
            group = []
    if group:
        yield group
