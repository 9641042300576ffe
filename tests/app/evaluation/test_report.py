"""Tests for the Rich evaluation report, rendered to plain text."""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from quotes.app.evaluation.scoring import Counts, Mistake, MistakeKind, PartScores, Ratio, Scores
from quotes.app.reporters.evaluation import print_mistakes, print_scores

SCORES = Scores(
    documents=2,
    content=PartScores(exact=Counts(1, 2, 4), partial=Counts(3, 4, 4)),
    source=PartScores(exact=Counts(2, 2, 2), partial=Counts(2, 2, 2)),
    relation=PartScores(exact=Counts(1, 4, 4), partial=Counts(2, 4, 4)),
    attribution=Ratio(2, 3),
    direct_recall=Ratio(1, 1),
    indirect_recall=Ratio(2, 3),
)

MISTAKES = (
    Mistake("doc", MistakeKind.MISSED, "taxes will rise", "He", "said", "He said taxes will rise.", 8),
    Mistake("doc", MistakeKind.WRONG_SOURCE, "We will win", "she", "added", '"We will win," she added.', 30, "Critics"),
    Mistake("other", MistakeKind.FALSE_ALARM, "Critics warned", None, None, "Critics warned.", 0),
)


def render(width: int = 80) -> tuple[Console, StringIO]:
    buffer = StringIO()
    return Console(file=buffer, width=width, color_system=None), buffer


class TestScores:
    def test_table_and_summary_lines(self) -> None:
        """The figures print as a table of percentages followed by the accuracy and recall lines."""
        console, buffer = render()
        print_scores(console, SCORES)
        assert [line.rstrip() for line in buffer.getvalue().splitlines()] == [
            "            exact                   partial",
            "                P       R      F1         P       R      F1   gold   pred",
            "──────────────────────────────────────────────────────────────────────────",
            " content     50.0    25.0    33.3      75.0    75.0    75.0      4      4",
            " source     100.0   100.0   100.0     100.0   100.0   100.0      2      2",
            " cue          0.0     0.0     0.0       0.0     0.0     0.0      0      0",
            " relation    25.0    25.0    25.0      50.0    50.0    50.0      4      4",
            "documents: 2",
            "attribution accuracy: 66.7 % (2/3) of found contents get an overlapping source",
            "content recall (partial), direct or mixed: 100.0 % (1/1)",
            "content recall (partial), indirect: 66.7 % (2/3)",
        ]

    def test_table_fits_eighty_columns(self) -> None:
        """Full figures (100.0, five-digit counts) still fit an 80-column terminal uncut."""
        full = Counts(99999, 99999, 99999)
        console, buffer = render()
        print_scores(console, Scores(content=PartScores(full, full)))
        lines = buffer.getvalue().splitlines()
        assert max(len(line) for line in lines) <= 80
        assert "…" not in buffer.getvalue()

    def test_title(self) -> None:
        """A title is centred above the table."""
        console, buffer = render()
        print_scores(console, SCORES, title="dev")
        assert buffer.getvalue().splitlines()[0].strip() == "dev"


class TestMistakes:
    def test_grouped_by_document(self) -> None:
        """Mistakes print under a rule per document, with source, cue and sentence."""
        console, buffer = render(60)
        print_mistakes(console, MISTAKES)
        assert buffer.getvalue() == (
            "\n"
            "doc ────────────────────────────────────────────────────────\n"
            "[missed] taxes will rise\n"
            "  source: He | cue: said\n"
            "  in: He said taxes will rise.\n"
            "[wrong source] We will win\n"
            "  source: she | cue: added | predicted source: Critics\n"
            '  in: "We will win," she added.\n'
            "\n"
            "other ──────────────────────────────────────────────────────\n"
            "[false alarm] Critics warned\n"
            "  source: — | cue: —\n"
            "  in: Critics warned.\n"
            "\n"
            "1 missed, 1 false alarm, 1 wrong source\n"
        )

    def test_no_mistakes(self) -> None:
        """An empty list says so."""
        console, buffer = render()
        print_mistakes(console, ())
        assert buffer.getvalue() == "no mistakes\n"

    def test_brackets_are_not_markup(self) -> None:
        """Text that looks like Rich markup prints as written."""
        console, buffer = render()
        print_mistakes(console, (Mistake("d", MistakeKind.MISSED, "[bold]x[/bold]", None, None, "[b]", 0),))
        assert "[bold]x[/bold]" in buffer.getvalue()
        assert "in: [b]" in buffer.getvalue()
