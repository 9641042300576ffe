"""Loading sources: plain text, HTML and transcripts with speaker turns."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from quotes.errors import EmptyInputError, QuotesError
from quotes.app.verification import load_source, source_from_text, verify_article
from quotes.app.verification.sources import html_to_text, parse_turns

from tests.app.verification.helpers import MakeArticle

PAGE = """<!DOCTYPE html>
<html><head><title>Press release</title><style>p { color: red }</style>
<script>var quote = "We will raise taxes";</script></head>
<body><nav>Home | News</nav>
<article><h1>Senator&#8217;s statement</h1>
<p>Senator Warren said on Monday: &ldquo;We will not raise taxes on working families.&rdquo;</p>
<p>The plan costs <b>$3 million</b> over two years.</p></article>
</body></html>
"""


@pytest.fixture
def no_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import trafilatura`` fail, so the standard-library fallback runs."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)


class TestTurns:
    def test_labels_and_offsets(self) -> None:
        """Each "NAME:" label starts a turn whose offsets cover the speech, without the label."""
        text = "MODERATOR: Welcome.\nSEN. WARREN: No new taxes.\nThey never work.\nJane Smith (D-Calif.): I agree."
        turns = parse_turns(text)
        assert [turn.speaker for turn in turns] == ["MODERATOR", "SEN. WARREN", "Jane Smith"]
        assert [text[turn.start : turn.end] for turn in turns] == [
            "Welcome.", "No new taxes.\nThey never work.", "I agree."
        ]

    def test_speaker_at(self) -> None:
        """The speaker of an offset is the label of the turn containing it."""
        source = source_from_text("Q: Will you run?\nBIDEN: I will not.")
        assert source.speaker_at(source.text.index("not")) == "BIDEN"
        assert source.speaker_at(source.text.index("run")) == "Q"
        assert source.speaker_at(0) is None

    def test_one_label_is_not_a_transcript(self) -> None:
        """A single "Note:" line does not turn a press release into a transcript."""
        assert parse_turns("Note: figures are provisional.\nThe minister said prices will fall.") == ()


class TestFiles:
    def test_plain_text(self, tmp_path: Path) -> None:
        """A UTF-8 file with a byte-order mark loads as its text, with Windows line ends made plain."""
        path = tmp_path / "release.txt"
        path.write_bytes("\ufeffThe minister said “no”.\r\nPrices will fall.".encode())
        source = load_source(path)
        assert (source.file, source.text) == (str(path), "The minister said “no”.\nPrices will fall.")

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file raises OSError, which the command reports in one line."""
        with pytest.raises(OSError):
            load_source(tmp_path / "absent.txt")

    def test_empty_file(self, tmp_path: Path) -> None:
        """A source without text is refused with a message naming the file."""
        path = tmp_path / "empty.txt"
        path.write_text("  \n")
        with pytest.raises(EmptyInputError, match="empty.txt"):
            load_source(path)

    def test_binary_file(self, tmp_path: Path) -> None:
        """Binary data is refused instead of being matched as text."""
        path = tmp_path / "audio.txt"
        path.write_bytes(b"\x00\x01\x02ID3" * 20)
        with pytest.raises(QuotesError):
            load_source(path)


class TestHTML:
    @pytest.mark.usefixtures("no_trafilatura")
    def test_fallback_strips_markup(self) -> None:
        """Without trafilatura, tags, scripts and styles go and entities are decoded."""
        text = html_to_text(PAGE)
        assert "Senator Warren said on Monday: “We will not raise taxes on working families.”" in text
        assert "The plan costs $3 million over two years." in text
        assert "var quote" not in text and "color" not in text

    @pytest.mark.usefixtures("no_trafilatura")
    def test_quote_found_in_html_source(self, tmp_path: Path, make_article: MakeArticle) -> None:
        """A quote is verified against a saved web page, with offsets into its extracted text."""
        path = tmp_path / "release.html"
        path.write_text(PAGE, encoding="utf-8")
        source = load_source(path)
        article = make_article("“We will not raise taxes on working families,” Warren said.",
                               "We will not raise taxes on working families,")
        (v,) = verify_article(article, [source])
        assert v.verdict == "verbatim"
        assert v.source is not None and source.text[v.source.start : v.source.end] == v.source.text

    def test_detected_by_content(self, tmp_path: Path) -> None:
        """A page saved as .txt is still read as HTML."""
        path = tmp_path / "page.txt"
        path.write_text(PAGE, encoding="utf-8")
        assert "<p>" not in load_source(path).text
