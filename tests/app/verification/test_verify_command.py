"""``quotes verify`` from the command line, with a stand-in extractor instead of Stanza."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from quotes.app.verification.command import main
from quotes.core.attribution import Article
from tests.app.verification.helpers import build_article

ARTICLE = "“We will not raise taxes on working families,” Warren said."


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    transcript = tmp_path / "debate.txt"
    transcript.write_text("MODERATOR: Taxes?\nWARREN: We will not raise taxes on working families.\n", encoding="utf-8")
    return article, transcript


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace ``quotes.extractor`` with one that finds the single quote; records the texts it was given."""
    seen: list[str] = []

    class Extractor:
        def __init__(self, **options: object) -> None:
            pass

        def extract(self, text: str, document: str | None = None) -> Article:
            seen.append(text)
            return build_article(text, "We will not raise taxes on working families,", speaker="Warren", name="Warren")

    monkeypatch.setitem(sys.modules, "quotes.extractor", types.SimpleNamespace(Extractor=Extractor))
    return seen


class TestOutput:
    @pytest.mark.usefixtures("fake_extractor")
    def test_json(self, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
        """--format json prints one object per quote, found in the transcript."""
        article, transcript = files
        assert main([str(article), str(transcript), "--format", "json"]) == 0
        (record,) = json.loads(capsys.readouterr().out)
        assert (record["verdict"], record["source"]["file"], record["source_speaker"]) == (
            "verbatim", str(transcript), "WARREN"
        )

    @pytest.mark.usefixtures("fake_extractor")
    def test_table(self, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
        """The default output is the table."""
        assert main([str(path) for path in files]) == 0
        assert "verbatim" in capsys.readouterr().out


class TestErrors:
    @pytest.mark.parametrize("missing", ["article", "source"])
    def test_missing_file(
        self, files: tuple[Path, Path], fake_extractor: list[str], missing: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A missing file is one line on stderr and exit status 2, before any model loads."""
        article, transcript = files
        (article if missing == "article" else transcript).unlink()
        assert main([str(article), str(transcript)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("quotes: ") and err.count("\n") == 1
        assert "Traceback" not in err
        assert fake_extractor == []

    def test_undecodable_article(
        self, files: tuple[Path, Path], fake_extractor: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An article that is not UTF-8 is refused in one line."""
        article, transcript = files
        article.write_bytes("caf\xe9 \xab bonjour \xbb".encode("latin-1"))
        assert main([str(article), str(transcript)]) == 2
        assert "UTF-8" in capsys.readouterr().err
