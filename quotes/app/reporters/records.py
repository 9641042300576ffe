"""Machine-readable output: JSON, JSONL and CSV with the documented field names."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from quotes.core.attribution import Article, Attribution, Content, Cue, QuoteKind, Span, Speaker, SpeakerType

CSV_FIELDS = [
    "document", "speaker_text", "speaker_start", "speaker_end", "speaker_name", "speaker_role", "speaker_type",
    "cue_text", "cue_start", "cue_end", "cue_lemma", "content_text", "content_start", "content_end", "content_spans",
    "quote", "kind", "paragraph", "rule", "inherited", "speaker_phrase", "speaker_phrase_start", "speaker_phrase_end",
]


def to_json_line(article: Article) -> str:
    """One document as one JSON line (deterministic: same input, same bytes)."""
    return json.dumps(article.to_dict(), ensure_ascii=False)


def article_from_record(record: dict[str, Any], text: str) -> Article:
    """The ``Article`` an output record (``Article.to_dict()``, a JSONL line) was made from, given its text.

    Spans are cut from ``text`` again, so a record that does not belong to the text fails
    loudly instead of showing the wrong words.
    """
    def span(data: dict[str, Any]) -> Span:
        result = Span.of(text, data["start"], data["end"])
        if result.text != data["text"]:
            raise ValueError(f"record span {data['start']}-{data['end']} is {data['text']!r}, the text has "
                             f"{result.text!r}: not this document's record")
        return result

    attributions = []
    for att in record["attributions"]:
        sp, cue = att["speaker"], att["cue"]
        speaker = Speaker(span(sp), sp["name"], sp["role"], SpeakerType(sp["type"]),
                          span(sp["phrase"]) if sp.get("phrase") else None) if sp else None
        attributions.append(Attribution(
            Content.of(text, [tuple(piece) for piece in att["content"]["spans"]]),
            Cue(span(cue), cue["lemma"]) if cue else None, speaker, QuoteKind(att["kind"]), span(att["sentence"]),
            att["paragraph"], att["rule"], att.get("inherited", False),
        ))
    return Article(text, tuple(attributions), record.get("document"))


def write_json(articles: Iterable[Article], out: IO[str]) -> None:
    """A JSON document: one object for a single article, a list for several."""
    items = [a.to_dict() for a in articles]
    json.dump(items[0] if len(items) == 1 else items, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_jsonl(articles: Iterable[Article], out: IO[str]) -> None:
    for article in articles:
        out.write(to_json_line(article) + "\n")
        out.flush()


def csv_rows(article: Article) -> list[dict[str, Any]]:
    rows = []
    for att in article.attributions:
        sp, cue, content = att.speaker, att.cue, att.content
        rows.append({
            "document": article.document or "",
            "speaker_text": sp.span.text if sp else "", "speaker_start": sp.span.start if sp else "",
            "speaker_end": sp.span.end if sp else "", "speaker_name": (sp.name or "") if sp else "",
            "speaker_role": (sp.role or "") if sp else "", "speaker_type": sp.type.value if sp else "",
            "cue_text": cue.span.text if cue else "", "cue_start": cue.span.start if cue else "",
            "cue_end": cue.span.end if cue else "", "cue_lemma": cue.lemma if cue else "",
            "content_text": content.text, "content_start": content.start, "content_end": content.end,
            "content_spans": ";".join(f"{s.start}-{s.end}" for s in content.spans), "quote": content.quote,
            "kind": att.kind.value, "paragraph": att.paragraph, "rule": att.rule, "inherited": att.inherited,
            **_phrase_columns(att.speaker),
        })
    return rows


def _phrase_columns(speaker: Speaker | None) -> dict[str, Any]:
    """The speaker's whole noun phrase ("X, the press secretary") as three columns; empty without a speaker."""
    phrase = speaker.whole if speaker else None
    return {"speaker_phrase": phrase.text if phrase else "", "speaker_phrase_start": phrase.start if phrase else "",
            "speaker_phrase_end": phrase.end if phrase else ""}


def write_csv(articles: Iterable[Article], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for article in articles:
        writer.writerows(csv_rows(article))
