"""The verification reports: JSON and CSV for tools, a Rich table for people."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.console import Console

from quotes.core.attribution import QuoteKind, Span
from quotes.app.verification import SourceMatch, Verification
from quotes.app.verification.report import diff_text, render_table, write_report

TEXT = "“We will raise taxes,” Warren said."
ALTERED = Verification(
    Span.of(TEXT, 1, 20), "Elizabeth Warren", "altered", 0.923,
    SourceMatch("debate.txt", 53, 77, "We will not raise taxes", 3), "We will [-not-] raise taxes",
    "SEN. WARREN", True, QuoteKind.DIRECT, "We will raise taxes",
)
MISSING = Verification(Span.of(TEXT, 1, 20), None, "not_found", 0.0, None, "")
MIXED_TEXT = "Warren called the plan “a disaster for families” on Monday."
PASSAGE = Verification(
    Span.of(MIXED_TEXT, 24, 47), "Elizabeth Warren", "verbatim", 1.0,
    SourceMatch("debate.txt", 10, 33, "a disaster for families", 2), "", "SEN. WARREN", True, QuoteKind.MIXED,
    attribution=1, passage=0, cue="called",
)
INDIRECT = Verification(
    Span.of(MIXED_TEXT, 14, 48), "Elizabeth Warren", "paraphrase", 0.5,
    SourceMatch("debate.txt", 0, 40, "This plan is a disaster for families.", 2), "", "SEN. WARREN", True,
    QuoteKind.MIXED, attribution=1, passage=None, cue="called",
)


def report(output_format: str, verifications: list[Verification]) -> str:
    out = io.StringIO()
    write_report(verifications, output_format, out)
    return out.getvalue()


class TestJSON:
    def test_fields(self) -> None:
        """Each quote is one object with the documented field names."""
        (record, missing) = json.loads(report("json", [ALTERED, MISSING]))
        assert record["quote"] == {"text": "We will raise taxes", "start": 1, "end": 20}
        assert (record["speaker"], record["verdict"], record["similarity"]) == ("Elizabeth Warren", "altered", 0.923)
        assert record["source"] == {"file": "debate.txt", "start": 53, "end": 77, "text": "We will not raise taxes",
                                    "line": 3}
        assert record["diff"] == "We will [-not-] raise taxes"
        assert (record["source_speaker"], record["speaker_matches"]) == ("SEN. WARREN", True)
        assert missing["source"] is None

    def test_attribution_and_passage(self) -> None:
        """Each object names its attribution and its passage number; the indirect part has passage null."""
        passage, indirect = json.loads(report("json", [PASSAGE, INDIRECT]))
        assert (passage["attribution"], passage["passage"], passage["cue"]) == (1, 0, "called")
        assert passage["quote"] == {"text": "a disaster for families", "start": 24, "end": 47}
        assert (indirect["attribution"], indirect["passage"], indirect["verdict"]) == (1, None, "paraphrase")


class TestCSV:
    def test_rows(self) -> None:
        """One row per quote, source fields flattened and left empty when there is no source."""
        rows = list(csv.DictReader(io.StringIO(report("csv", [ALTERED, MISSING]))))
        assert rows[0]["verdict"] == "altered"
        first = (rows[0]["source_file"], rows[0]["source_line"], rows[0]["speaker_matches"])
        assert first == ("debate.txt", "3", "true")
        assert (rows[1]["verdict"], rows[1]["source_file"], rows[1]["speaker_matches"]) == ("not_found", "", "")

    def test_passage_columns(self) -> None:
        """Rows say which attribution and passage they belong to; the indirect part's passage is empty."""
        rows = list(csv.DictReader(io.StringIO(report("csv", [PASSAGE, INDIRECT]))))
        assert [(row["attribution"], row["passage"], row["cue"]) for row in rows] == [("1", "0", "called"),
                                                                                      ("1", "", "called")]


class TestTable:
    def test_plain_render(self) -> None:
        """The table names the verdict, shows the diff and the source location and speaker."""
        out = io.StringIO()
        render_table([ALTERED, MISSING], Console(file=out, width=160, color_system=None))
        text = out.getvalue()
        for expected in ("altered", "92%", "debate.txt:3", "spoken by SEN. WARREN", "not found", "altered: 1"):
            assert expected in text

    def test_passages_grouped_under_their_attribution(self) -> None:
        """An attribution's number, speaker and cue head its group once; the indirect part is marked."""
        out = io.StringIO()
        render_table([ALTERED, PASSAGE, INDIRECT], Console(file=out, width=160, color_system=None))
        text = out.getvalue()
        lines = text.splitlines()
        first = next(i for i, line in enumerate(lines) if "“a disaster for families”" in line)
        indirect = next(i for i, line in enumerate(lines) if "indirect: the plan" in line)
        assert lines[first].split("│")[1].strip() == "2"
        assert "called" in lines[first + 1] and "Elizabeth Warren" in lines[first]
        assert lines[indirect].split("│")[1].strip() == "" and "Elizabeth" not in lines[indirect]
        assert "─" not in "".join(lines[first:indirect])  # no rule inside a group
        assert text.count("Elizabeth Warren") == 2  # once per attribution

    def test_diff_styles(self) -> None:
        """Removed words are red and added ones green, markers kept for readers without colour."""
        text = diff_text("We will [-not-] raise {+new+} taxes")
        assert text.plain == "We will [-not-] raise {+new+} taxes"
        assert [(text.plain[s.start : s.end], s.style) for s in text.spans] == [
            ("[-not-]", "red"), ("{+new+}", "bold green")
        ]

    def test_unknown_format(self) -> None:
        """An unknown format is an error naming the valid ones."""
        with pytest.raises(ValueError, match="table, json, csv"):
            report("xml", [ALTERED])
