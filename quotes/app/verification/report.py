"""Show verifications: a Rich table for people, JSON and CSV for tools.

All three keep one result per quoted passage, in attribution order; JSON and CSV say which
attribution (``attribution``) and which passage of it (``passage``, empty for the indirect part).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from quotes.app.verification.matching import VERDICTS, Verification

FORMATS = ("table", "json", "csv")

VERDICT_STYLES = {
    "verbatim": "bold green",
    "minor": "green",
    "altered": "bold yellow",
    "not_found": "bold red",
    "paraphrase": "cyan",
}

CSV_COLUMNS = (
    "quote", "quote_start", "quote_end", "kind", "speaker", "verdict", "similarity", "diff",
    "source_file", "source_line", "source_start", "source_end", "source_text", "source_speaker", "speaker_matches",
    "attribution", "passage", "cue",
)

_DIFF_PART = re.compile(r"\[-(?P<removed>.*?)-\]|\{\+(?P<added>.*?)\+\}")


def write_report(verifications: Sequence[Verification], output_format: str, file: TextIO) -> None:
    """Write ``verifications`` to ``file`` as a table, JSON or CSV (one of FORMATS)."""
    if output_format == "json":
        write_json(verifications, file)
    elif output_format == "csv":
        write_csv(verifications, file)
    elif output_format == "table":
        render_table(verifications, Console(file=file))
    else:
        raise ValueError(f"unknown format {output_format!r}; valid: {', '.join(FORMATS)}")


def write_json(verifications: Sequence[Verification], file: TextIO) -> None:
    """A JSON list, one object per passage or indirect part (see ``Verification.to_dict``)."""
    json.dump([v.to_dict() for v in verifications], file, ensure_ascii=False, indent=2)
    file.write("\n")


def write_csv(verifications: Sequence[Verification], file: TextIO) -> None:
    """One row per passage or indirect part, source fields flattened (empty when no source passage was found)."""
    writer = csv.DictWriter(file, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for v in verifications:
        source = v.source
        writer.writerow({
            "quote": v.quoted or v.quote.text, "quote_start": v.quote.start, "quote_end": v.quote.end,
            "kind": v.kind.value, "speaker": v.speaker or "", "verdict": v.verdict,
            "similarity": f"{v.similarity:.3f}", "diff": v.diff,
            "source_file": source.file if source else "", "source_line": source.line if source else "",
            "source_start": source.start if source else "", "source_end": source.end if source else "",
            "source_text": source.text if source else "", "source_speaker": v.source_speaker or "",
            "speaker_matches": "" if v.speaker_matches is None else str(v.speaker_matches).lower(),
            "attribution": v.attribution, "passage": "" if v.passage is None else v.passage, "cue": v.cue or "",
        })


def render_table(verifications: Sequence[Verification], console: Console) -> None:
    """A table of passages grouped under their attribution, verdict in colour, the diff and the source.

    The attribution's number (from 1, as in ``quotes FILE``), speaker and cue head its first row;
    a rule separates attributions. The indirect part, last in its group, is marked "indirect".
    """
    table = Table(title="Quote verification")
    table.add_column("#", justify="right", style="dim")
    table.add_column("Quoted words", ratio=3)
    table.add_column("Speaker", ratio=1)
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Diff (source → article)", ratio=3)
    table.add_column("Source", ratio=3)
    for group in _groups(verifications):
        for row, v in enumerate(group):
            verdict = Text(v.verdict.replace("_", " "), style=VERDICT_STYLES.get(v.verdict, ""))
            verdict.append(f"\n{v.similarity:.0%}", style="dim")
            number = str(v.attribution + 1) if row == 0 else ""
            table.add_row(number, _quoted(v), _who(v) if row == 0 else "", verdict, diff_text(v.diff), _where(v))
        table.add_section()
    console.print(table)
    counts = Counter(v.verdict for v in verifications)
    summary = Text()
    for verdict in VERDICTS:
        if counts[verdict]:
            summary.append(f"{verdict.replace('_', ' ')}: {counts[verdict]}  ", style=VERDICT_STYLES[verdict])
    console.print(summary)


def _groups(verifications: Sequence[Verification]) -> list[list[Verification]]:
    """Runs of results that belong to the same attribution."""
    groups: list[list[Verification]] = []
    for v in verifications:
        if groups and groups[-1][-1].attribution == v.attribution:
            groups[-1].append(v)
        else:
            groups.append([v])
    return groups


def _quoted(v: Verification) -> Text:
    if v.passage is None:
        text = Text("indirect: ", style="dim italic")
        text.append(v.quoted or v.quote.text)
        return text
    return Text(f"“{v.quoted or v.quote.text}”")


def _who(v: Verification) -> Text:
    text = Text(v.speaker or "")
    if v.cue:
        text.append(f"\n{v.cue}", style="dim")
    return text


def diff_text(diff: str) -> Text:
    """The word diff with removed words in red and added words in green.

    The markers stay, so the diff still reads right without colour (piped, or printed).
    """
    text = Text()
    cursor = 0
    for part in _DIFF_PART.finditer(diff):
        text.append(diff[cursor : part.start()])
        if part["removed"] is not None:
            text.append(f"[-{part['removed']}-]", style="red")
        else:
            text.append(f"{{+{part['added']}+}}", style="bold green")
        cursor = part.end()
    text.append(diff[cursor:])
    return text


def _where(v: Verification) -> Text:
    if v.source is None:
        missing = "no source sentence shares a content word" if v.passage is None else "no source shares a word"
        return Text(missing, style="dim")
    text = Text(f"{v.source.file}:{v.source.line}", style="bold")
    text.append(f" [{v.source.start}:{v.source.end}]", style="dim")
    if v.verdict == "not_found":
        text.append(" best candidate", style="dim italic")
    text.append(f"\n{v.source.text}")
    if v.source_speaker is not None:
        mark = {True: ("✓", "green"), False: ("✗ not the article's speaker", "bold red"), None: ("?", "dim")}
        symbol, style = mark[v.speaker_matches]
        text.append(f"\nspoken by {v.source_speaker} ")
        text.append(symbol, style=style)
    return text
