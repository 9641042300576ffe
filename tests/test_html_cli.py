"""``--html`` on the command line: one page, a directory of pages, corpus mode and ``quotes verify``."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

import quotes.extractor
from quotes.app.cli import main

pytestmark = pytest.mark.integration

ARTICLE = 'The minister said on Monday that taxes would fall. "We will win the vote," she added.\n'
SECOND = '"The bridge will open in May," the mayor said.\n'
SOURCE = "MINISTER: Taxes will fall. We will surely win the vote.\n"


@pytest.fixture(autouse=True)
def shared_extractor(monkeypatch: pytest.MonkeyPatch, extractor) -> None:  # type: ignore[no-untyped-def]
    """The CLI builds an Extractor per run; hand it the session's instead of reloading Stanza."""
    monkeypatch.setattr(quotes.extractor, "Extractor", lambda **kwargs: extractor)


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "minister.txt", tmp_path / "mayor.txt"]
    for path, text in zip(paths, (ARTICLE, SECOND)):
        path.write_text(text, encoding="utf-8")
    return paths


def _rows(page: str) -> list[str]:
    return re.findall(r'<tr id="row-(\d+)"', page)


class TestOnePage:
    """One article, one page."""

    def test_page(self, files: list[Path], tmp_path: Path) -> None:
        """The page has a row and a linked content per attribution, with offsets into the article."""
        page = tmp_path / "report.html"
        assert main([str(files[0]), "--html", str(page)]) == 0
        text = page.read_text(encoding="utf-8")
        assert _rows(text) == ["1", "2"]
        links = re.findall(r'href="#a\d+" data-start="(\d+)" data-end="(\d+)">([^<]*)</a>', text)
        assert len(links) == 2 and "We will win the vote" in text
        for start, end, shown in links:
            assert ARTICLE[int(start) : int(end)] == html.unescape(shown)

    def test_with_verify_sources(self, files: list[Path], tmp_path: Path) -> None:
        """--verify SOURCE adds each passage's verdict; an altered quote shows the dropped word."""
        source = tmp_path / "transcript.txt"
        source.write_text(SOURCE, encoding="utf-8")
        page = tmp_path / "report.html"
        assert main([str(files[0]), "--verify", str(source), "--html", str(page)]) == 0
        text = page.read_text(encoding="utf-8")
        assert 'data-sort="verdict"' in text and "v-altered" in text and "<del" in text and ">surely" in text


class TestDirectory:
    """Several documents: a page each and an index."""

    def test_report_mode(self, files: list[Path], tmp_path: Path) -> None:
        """Two files and --html DIR give two pages and an index linking both with their counts."""
        out = tmp_path / "pages"
        assert main([*map(str, files), "--html", str(out)]) == 0
        index = (out / "index.html").read_text(encoding="utf-8")
        pages = sorted(p.name for p in out.glob("*.html"))
        assert len(pages) == 3
        for name in pages:
            if name != "index.html":
                assert f'href="{name}"' in index
        assert "3 attributions" in index

    def test_page_name_for_several_documents(self, files: list[Path], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
        """Several documents and --html NAME.html is a one-line error, and nothing is written."""
        assert main([*map(str, files), "--html", str(tmp_path / "report.html")]) == 2
        err = capsys.readouterr().err
        assert "give a directory" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
        assert not (tmp_path / "report.html").exists()

    def test_corpus_mode(self, files: list[Path], tmp_path: Path) -> None:
        """With --output (corpus mode) the pages follow the JSONL lines; an unreadable file is listed as failed."""
        broken = tmp_path / "broken.txt"
        broken.write_bytes(b"\x00\x01\x02binary")
        out = tmp_path / "pages"
        status = main([*map(str, files), str(broken), "--output", str(tmp_path / "out.jsonl"), "--html", str(out)])
        assert status == 1
        index = (out / "index.html").read_text(encoding="utf-8")
        assert index.count("<tr>") == 4 and "failed:" in index and "1 document failed" in index
        minister = next(p for p in out.iterdir() if "minister" in p.name)
        assert _rows(minister.read_text(encoding="utf-8")) == ["1", "2"]


class TestVerifyCommand:
    """quotes verify ... --html FILE."""

    def test_verify_html(self, files: list[Path], tmp_path: Path) -> None:
        """The verify command writes the page with its verdicts beside the usual report."""
        source = tmp_path / "transcript.txt"
        source.write_text(SOURCE, encoding="utf-8")
        page = tmp_path / "verified.html"
        assert main(["verify", str(files[0]), str(source), "--html", str(page)]) == 0
        text = page.read_text(encoding="utf-8")
        assert _rows(text) == ["1", "2"]
        assert re.search(r'class="verdict v-(altered|minor|verbatim)"', text) and "v-paraphrase" in text
