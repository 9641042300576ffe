"""The claim sheet: one row per attribution, with the numbers and dates fact-checkers check first."""

from __future__ import annotations

import csv
import io

import pytest

from quotes.app.claims import COLUMNS, claim_rows, find_dates, find_numbers, write_sheet
from quotes.app.verification import source_from_text, verify_article
from quotes.core.attribution import Article, Attribution, Content, Cue, QuoteKind, Span, Speaker, SpeakerType

TEXT = (
    "“We cut taxes by 40% last month and saved $3.5 million,” Finance Minister Jane Doe said on Thursday.\n\n"
    "Doe said the deficit would fall to 2% by March 2021.\n\n"
    "Critics called the plan “a disaster for families” in a statement."
)


def _span(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span.of(TEXT, start, start + len(phrase))


def _attribution(content: str, speaker: str, name: str | None, role: str | None, cue: str, kind: QuoteKind,
                 paragraph: int) -> Attribution:
    span = _span(content)
    sentence = next(p for p in TEXT.split("\n\n") if content in p)
    return Attribution(
        Content.of(TEXT, [(span.start, span.end)]), Cue(_span(cue), "say"),
        Speaker(_span(speaker), name, role, SpeakerType.PERSON), kind, _span(sentence), paragraph, "test",
    )


ARTICLE = Article(TEXT, (
    _attribution("We cut taxes by 40% last month and saved $3.5 million,", "Finance Minister Jane Doe", "Jane Doe",
                 "Finance Minister", "said on", QuoteKind.DIRECT, 0),
    _attribution("the deficit would fall to 2% by March 2021", "Doe said", "Jane Doe", None, "said the",
                 QuoteKind.INDIRECT, 1),
    _attribution("the plan “a disaster for families”", "Critics", None, None, "called", QuoteKind.MIXED, 2),
), "budget.txt")


class TestRows:
    def test_one_row_per_attribution(self) -> None:
        """Every attribution gets a row with the documented columns, in order."""
        rows = claim_rows(ARTICLE)
        assert len(rows) == 3
        assert all(tuple(row) == COLUMNS for row in rows)

    def test_speaker_and_context(self) -> None:
        """A row names the speaker, the cue, the kind and the whole sentence, with paragraphs counted from 1."""
        row = claim_rows(ARTICLE)[0]
        assert (row["speaker_name"], row["speaker_role"], row["speaker_type"]) == ("Jane Doe", "Finance Minister",
                                                                                   "person")
        assert (row["speaker_text"], row["kind"], row["paragraph"]) == ("Finance Minister Jane Doe", "direct", 1)
        assert row["sentence"] == TEXT.split("\n\n")[0]
        assert claim_rows(ARTICLE)[2]["paragraph"] == 3

    def test_offsets_locate_the_content(self) -> None:
        """content_start and content_end point at the content in the article text."""
        for row, attribution in zip(claim_rows(ARTICLE), ARTICLE.attributions, strict=True):
            assert TEXT[row["content_start"] : row["content_end"]] == attribution.content.text == row["content"]

    def test_numbers_and_dates_inside_the_content(self) -> None:
        """Numbers and dates come from the content only: "Thursday" belongs to the attribution, not the claim."""
        first, second, third = claim_rows(ARTICLE)
        assert (first["numbers"], first["dates"]) == (["40%", "$3.5 million"], ["last month"])
        assert (second["numbers"], second["dates"]) == (["2%"], ["March 2021"])
        assert (third["numbers"], third["dates"]) == ([], [])

    def test_unverified_sheet_leaves_verdicts_empty(self) -> None:
        """Without sources every attribution keeps one row and the verification columns stay empty."""
        rows = claim_rows(ARTICLE)
        assert [(row["verified"], row["similarity"], row["passage"]) for row in rows] == [("", "", "")] * 3
        assert [row["attribution"] for row in rows] == [0, 1, 2]


class TestVerifiedSheet:
    SOURCE = source_from_text("DOE: We cut taxes by 40% last month and saved $3.5 million.\nQ: Thanks.")

    def test_one_row_per_passage_plus_indirect_part(self) -> None:
        """A bare quotation is its passage's row; a paraphrase keeps its row; a mixed quote gets both."""
        rows = claim_rows(ARTICLE, verify_article(ARTICLE, [self.SOURCE]))
        assert [(row["attribution"], row["passage"], row["verified"]) for row in rows] == [
            (0, 0, "verbatim"), (1, "", "paraphrase"), (2, "", "paraphrase"), (2, 0, "not_found")
        ]
        assert all(tuple(row) == COLUMNS for row in rows)

    def test_passage_row_holds_the_passage(self) -> None:
        """A passage row's content, offsets, numbers and dates are the quoted words', not the whole content's."""
        rows = claim_rows(ARTICLE, verify_article(ARTICLE, [self.SOURCE]))
        mixed, passage = rows[2], rows[3]
        assert mixed["content"] == "the plan “a disaster for families”"
        assert passage["content"] == "a disaster for families"
        assert TEXT[passage["content_start"] : passage["content_end"]] == passage["content"]
        assert (rows[0]["numbers"], rows[0]["dates"]) == (["40%", "$3.5 million"], ["last month"])
        assert rows[0]["similarity"] == "1.000"


class TestExtraction:
    @pytest.mark.parametrize(
        ("text", "numbers"),
        [
            ("unemployment fell to 3.5 percent", ["3.5 percent"]),
            ("a €20bn fund and 1,200 jobs", ["€20bn", "1,200"]),
            ("twenty-five people lost 3 million dollars", ["twenty-five", "3 million dollars"]),
            ("no one expected half a billion", ["half a billion"]),
            ("the vote on March 3, 2020 at 3 p.m.", []),
        ],
    )
    def test_numbers(self, text: str, numbers: list[str]) -> None:
        """Percentages, money, scales and spelled numbers are found; numbers inside dates are not repeated."""
        assert find_numbers(text) == numbers

    @pytest.mark.parametrize(
        ("text", "dates"),
        [
            ("on Thursday, March 3, 2020 at 3 p.m.", ["Thursday, March 3, 2020", "3 p.m."]),
            ("three years ago, in the 1990s", ["three years ago", "the 1990s"]),
            ("by 12 March and next week", ["12 March", "next week"]),
            ("we may act in May 2021, not yesterday", ["May 2021", "yesterday"]),
            ("since 2019, at 10:30", ["2019", "10:30"]),
        ],
    )
    def test_dates(self, text: str, dates: list[str]) -> None:
        """Weekdays, calendar dates, relative dates, decades, years and times are found; "may" the verb is not."""
        assert find_dates(text) == dates


class TestSheet:
    def test_excel_friendly_csv(self) -> None:
        """The sheet starts with a UTF-8 byte-order mark, joins lists with "; " and keeps extra columns first."""
        out = io.StringIO()
        write_sheet([{"document": "budget.txt", **row} for row in claim_rows(ARTICLE)], out)
        text = out.getvalue()
        assert text.startswith("\ufeffdocument,speaker_name,")
        rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
        assert rows[0]["numbers"] == "40%; $3.5 million"
        assert rows[0]["content"] == "We cut taxes by 40% last month and saved $3.5 million,"
        assert rows[0]["paragraph"] == "1"

    def test_formula_cells_are_neutralised(self) -> None:
        """A cell a spreadsheet would run as a formula is written as text; negative numbers are left alone."""
        out = io.StringIO()
        write_sheet([{"content": "=HYPERLINK(\"x\")", "numbers": "-3%"}], out, bom=False)
        (row,) = csv.DictReader(io.StringIO(out.getvalue()))
        assert row == {"content": "'=HYPERLINK(\"x\")", "numbers": "-3%"}
