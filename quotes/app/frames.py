"""Attributions as a pandas DataFrame: one row per attribution, flat columns, for analysis in notebooks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from quotes.core.attribution import Article
from quotes.errors import QuotesError

COLUMNS: dict[str, str] = {
    "document": "string",
    "speaker": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker_name": "string",
    "speaker_role": "string",
    "speaker_type": "string",
    "speaker_phrase": "string",
    "cue": "string",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "cue_lemma": "string",
    "kind": "string",
    "content": "string",
    "content_start": "Int64",
    "content_end": "Int64",
    "quote": "string",
    "paragraph": "Int64",
    "rule": "string",
    "inherited": "boolean",
}
"""Column names and pandas dtypes; nullable ones, because a quote may have no speaker or no cue."""


def to_frame(articles: Iterable[Article | Mapping[str, Any]]) -> Any:
    """A ``pandas.DataFrame`` with one row per attribution of ``articles`` and the ``COLUMNS``.

    ``articles`` are ``Article`` objects or their ``to_dict()`` form, such as the lines of
    a JSONL output or the rows of a Parquet output; documents that failed add no rows.
    """
    try:
        import pandas
    except ImportError:
        raise QuotesError("to_frame needs pandas: pip install 'quotes[pandas]'") from None
    rows = [_row(record.get("document"), attribution)
            for record in map(_record, articles) for attribution in _attributions(record)]
    return pandas.DataFrame(rows, columns=list(COLUMNS)).astype(COLUMNS)


def _record(article: Article | Mapping[str, Any]) -> Mapping[str, Any]:
    return article.to_dict() if isinstance(article, Article) else article


def _attributions(record: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    """The record's attributions: a list, or the array pandas makes of a Parquet list; none for a failed document."""
    attributions = record.get("attributions")
    return () if attributions is None else attributions


def _row(document: str | None, attribution: Mapping[str, Any]) -> dict[str, Any]:
    speaker = attribution.get("speaker") or {}
    cue = attribution.get("cue") or {}
    content = attribution["content"]
    return {
        "document": document,
        "speaker": speaker.get("text"), "speaker_start": speaker.get("start"), "speaker_end": speaker.get("end"),
        "speaker_name": speaker.get("name"), "speaker_role": speaker.get("role"), "speaker_type": speaker.get("type"),
        "speaker_phrase": (speaker.get("phrase") or {}).get("text"),
        "cue": cue.get("text"), "cue_start": cue.get("start"), "cue_end": cue.get("end"), "cue_lemma": cue.get("lemma"),
        "kind": attribution["kind"],
        "content": content["text"], "content_start": content["start"], "content_end": content["end"],
        "quote": content.get("quote"),
        "paragraph": attribution.get("paragraph"), "rule": attribution.get("rule"),
        "inherited": attribution.get("inherited"),
    }
