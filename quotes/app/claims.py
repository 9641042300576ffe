"""The claim sheet: one row per attribution, with what a fact-checker checks first.

Verified against sources, the sheet has one row per quoted passage instead, plus the
attribution's own row for the words outside quotation marks (its indirect part), so each
verdict sits on the words it judges.

Numbers and dates are what fact-checkers verify first, so each row lists those found
inside the content (by regular expression: dependable on news prose, not exhaustive).
The sheet is CSV meant to open in Excel or LibreOffice as it is.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TextIO

from quotes.app.verification.matching import Verification
from quotes.core.attribution import Article, Attribution

COLUMNS = (
    "speaker_name", "speaker_role", "speaker_type", "speaker_text", "cue", "kind", "content", "sentence",
    "paragraph", "content_start", "content_end", "numbers", "dates", "verified", "similarity", "attribution",
    "passage",
)
"""The columns of ``claim_rows``, in sheet order; ``attribution`` counts from 0 as in ``--format json``."""

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_MONTH_ALONE = r"(?:January|February|March|April|June|July|August|September|October|November|December)"
"""Months that can stand without a day: "May" alone is far more often the verb."""
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_SPELLED = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)"
)
"""Spelled numbers from two: "one" is too often a pronoun ("no one", "the one")."""

_DATE = re.compile(
    "|".join((
        r"\b\d{4}-\d\d-\d\d\b",
        r"\b\d{1,2}/\d{1,2}/\d{2,4}\b",
        rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?",
        rf"\b(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:\s+{_YEAR}\b)?",
        rf"\b{_MONTH}\s+{_YEAR}\b",
        rf"\b(?i:last|next|this|earlier\s+this|later\s+this|early|late|mid-?)\s*"
        rf"(?:(?i:week|weekend|month|year|decade|century|spring|summer|autumn|fall|winter|morning|night)"
        rf"|{_MONTH_ALONE}|{_WEEKDAY})\b",
        rf"\b(?:\d+|(?i:a|an|{_SPELLED}))\s+(?i:days?|weeks?|months?|years?|decades?)\s+(?i:ago|earlier|later)\b",
        rf"\b{_WEEKDAY}(?:\s+(?i:morning|afternoon|evening|night))?\b",
        r"\b(?i:yesterday|today|tomorrow|tonight)\b",
        r"\b(?:the\s+)?(?:1[89]\d0|20\d0|\d0)['\u2019]?s\b",
        rf"(?<![\d,.$€£]){_YEAR}(?![\d%]|[.,]\d)",
        rf"\b{_MONTH_ALONE}\b",
        r"\b\d{1,2}(?::\d\d)?\s*(?i:a\.m\.|p\.m\.|am\b|pm\b)",
        r"\b\d{1,2}:\d\d\b",
        r"\b(?i:noon|midnight)\b",
    ))
)
_NUMBER = re.compile(
    r"(?:[$€£¥]\s?)?(?<![\w.])\d+(?:[.,]\d+)*(?:\s?(?:thousand|million|billion|trillion)\b|(?:bn|m|k)\b)?"
    r"(?:\s?%|\s(?:per\s?cent|percent|percentage\s+points?)\b|\s(?:dollars|euros|pounds|yen|yuan)\b)?"
    rf"|\b(?i:{_SPELLED}(?:[\s-]{_SPELLED})*)(?:\s(?:thousand|million|billion|trillion))?\b"
    r"(?:\s(?:per\s?cent|percent)\b)?"
    r"|\b(?:a\s)?(?:half|third|quarter|dozen)\s(?:of\s)?(?:a\s)?(?:million|billion|trillion)\b"
)


def claim_rows(article: Article, verifications: Sequence[Verification] | None = None) -> list[dict[str, object]]:
    """The sheet's rows (keys: COLUMNS): one per attribution, or with ``verifications`` one per result.

    A verified attribution gets its own row only for its indirect part (``verified`` is
    "paraphrase"), then one row per quoted passage, whose content, offsets, numbers and dates
    are the passage's. An attribution without any result keeps its plain row.
    """
    by_attribution: dict[int, list[Verification]] = {}
    for v in verifications or ():
        by_attribution.setdefault(v.attribution, []).append(v)
    rows = []
    for number, attribution in enumerate(article.attributions):
        results = by_attribution.get(number, [])
        indirect = [v for v in results if v.passage is None]
        if indirect or not results:
            rows.append(_row(attribution, number, indirect[0] if indirect else None))
        rows.extend(_row(attribution, number, v) for v in results if v.passage is not None)
    return rows


def _row(attribution: Attribution, number: int, verification: Verification | None) -> dict[str, object]:
    """A row for the attribution's content, or for one passage of it when ``verification`` is a passage's."""
    speaker, content = attribution.speaker, attribution.content
    words, start, end = content.quote, content.start, content.end
    if verification is not None and verification.passage is not None:
        span = verification.quote
        words, start, end = verification.quoted or span.text, span.start, span.end
    return {
        "speaker_name": speaker.name or "" if speaker else "",
        "speaker_role": speaker.role or "" if speaker else "",
        "speaker_type": speaker.type.value if speaker else "",
        "speaker_text": speaker.span.text if speaker else "",
        "cue": attribution.cue.span.text if attribution.cue else "",
        "kind": attribution.kind.value,
        "content": words,
        "sentence": attribution.sentence.text,
        "paragraph": attribution.paragraph + 1,
        "content_start": start,
        "content_end": end,
        "numbers": find_numbers(words),
        "dates": find_dates(words),
        "verified": verification.verdict if verification else "",
        "similarity": f"{verification.similarity:.3f}" if verification else "",
        "attribution": number,
        "passage": "" if verification is None or verification.passage is None else verification.passage,
    }


def find_dates(text: str) -> list[str]:
    """Dates and times mentioned in ``text`` ("Thursday", "March 3, 2020", "last month", "3 p.m.")."""
    return [match.group() for match in _DATE.finditer(text)]


def find_numbers(text: str) -> list[str]:
    """Numbers in ``text`` that are not part of a date: "40%", "$3.5 million", "1,200", "three"."""
    dates = [match.span() for match in _DATE.finditer(text)]
    return [
        match.group().strip()
        for match in _NUMBER.finditer(text)
        if not any(start < match.end() and match.start() < end for start, end in dates)
    ]


def write_sheet(rows: Iterable[Mapping[str, object]], file: TextIO, *, bom: bool = True) -> None:
    """Write rows as CSV that spreadsheets open correctly.

    A UTF-8 byte-order mark comes first (``bom``) because Excel otherwise reads CSV as
    the local code page and garbles curly quotes and accents; open ``file`` with
    ``encoding="utf-8", newline=""``. Lists are joined with "; ". Cells that a
    spreadsheet would run as a formula ("=...", "@...", "+x", "-x") get a leading apostrophe.
    """
    rows = list(rows)
    columns = list(dict.fromkeys(key for row in rows for key in row)) or list(COLUMNS)
    if bom:
        file.write("\ufeff")
    writer = csv.DictWriter(file, columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(item) for item in value)
    if isinstance(value, str) and re.match(r"[=@]|[+-](?![\d.,\s])", value):
        return "'" + value
    return value
