"""The ``quotes`` command, in process, on the real pipeline (loaded once for the session)."""

from __future__ import annotations

import csv
import io
import json
from copy import copy as shallow_copy
from pathlib import Path

import pytest

import quotes.extractor
from quotes.app.cli import COMMANDS, main
from quotes.app.inputs import DEFAULT_MAX_CHARS
from quotes.core.lexicon import Lexicon
from tests.conftest import CORPORA, ROOT

pytestmark = pytest.mark.integration

TEXT = 'The minister said on Monday that taxes would fall. "We will win," she added.\n'


@pytest.fixture(autouse=True)
def shared_extractor(monkeypatch: pytest.MonkeyPatch, extractor) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """The CLI builds an Extractor per run: hand it the session's parser instead of reloading Stanza, but with the
    lexicon and limit the CLI chose, so a test of those options fails when the CLI drops them. Returns what each
    build was asked for."""
    asked: list[dict[str, object]] = []

    def build(**options: object) -> quotes.extractor.Extractor:
        asked.append(options)
        assert set(options) <= {"resources_dir", "lexicon", "max_chars", "threads", "device", "method"}
        copy = shallow_copy(extractor)
        copy.lexicon = options.get("lexicon") or Lexicon.default()
        copy.max_chars = options.get("max_chars", DEFAULT_MAX_CHARS)
        copy.method = str(options.get("method", quotes.extractor.DEFAULT_METHOD))
        copy._learned = _learned() if copy.method == "learned" else None
        return copy

    monkeypatch.setattr(quotes.extractor, "Extractor", build)
    return asked


_LEARNED: list[object] = []


def _learned() -> object:
    """The bundled learned model, loaded once for these tests."""
    if not _LEARNED:
        _LEARNED.append(quotes.extractor._learned())
    return _LEARNED[0]


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


class TestExtract:
    def test_table_is_default(self, article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The default output is a Rich table with the speaker, cue and quote."""
        assert main([str(article_file)]) == 0
        out = capsys.readouterr().out
        assert "Who said what" in out and "minister" in out and "taxes would fall" in out

    def test_json_schema_and_offsets(self, article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """JSON carries the documented fields, and every offset indexes the input."""
        assert main([str(article_file), "--format", "json", "--method", "rules"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["document"] == str(article_file)
        assert data["attributions"]
        for att in data["attributions"]:
            assert {"speaker", "cue", "content", "kind"} <= set(att)
            assert set(att["speaker"]) >= {"text", "start", "end", "name", "role", "type"}
            assert set(att["cue"]) >= {"text", "start", "end", "lemma"}
            assert set(att["content"]) >= {"text", "start", "end", "spans"}
            for part in ("speaker", "cue", "content"):
                assert TEXT[att[part]["start"] : att[part]["end"]] == att[part]["text"]

    def test_jsonl_one_line_per_document(self, article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--format jsonl writes one JSON object per input document."""
        second = tmp_path / "second.txt"
        second.write_text("Officials said the bridge would reopen.\n", encoding="utf-8")
        assert main([str(article_file), str(second), "--format", "jsonl"]) == 0
        lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert sorted(Path(d["document"]).name for d in lines) == ["article.txt", "second.txt"]

    def test_csv(self, article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--format csv has one row per attribution with speaker, cue and content columns."""
        assert main([str(article_file), "--format", "csv"]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        assert rows and rows[0]["cue_text"] == "said" and "taxes" in rows[0]["content_text"]

    def test_csv_speaker_phrase(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The CSV carries the speaker's whole phrase, with offsets into the input, beside the mention."""
        text = "Josh Earnest, the White House press secretary, said the talks had failed.\n"
        path = tmp_path / "earnest.txt"
        path.write_text(text, encoding="utf-8")
        assert main([str(path), "--format", "csv", "--method", "rules"]) == 0
        (row,) = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        assert row["speaker_text"] == "Josh Earnest"
        assert row["speaker_phrase"] == "Josh Earnest, the White House press secretary"
        assert text[int(row["speaker_phrase_start"]) : int(row["speaker_phrase_end"])] == row["speaker_phrase"]

    def test_show_text_and_html(self, article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--show-text prints the article; --html saves the table and the highlighted article as one page."""
        assert main([str(article_file), "--show-text"]) == 0
        assert "Article" in capsys.readouterr().out
        page = tmp_path / "report.html"
        assert main([str(article_file), "--html", str(page)]) == 0
        html = page.read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and "Who said what" in html and "Article" in html
        assert "We will win" in html

    def test_sheet(self, article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--format sheet lists one claim row per attribution."""
        assert main([str(article_file), "--format", "sheet"]) == 0
        out = capsys.readouterr().out.lstrip("\ufeff")
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows and "speaker_name" in rows[0]

    def test_extra_cues_extend_the_lexicon(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A verb the built-in lexicon lacks ("chortle") becomes a cue with --extra-cues."""
        article = tmp_path / "a.txt"
        article.write_text("The senator chortled that the bill would pass.\n", encoding="utf-8")
        assert "chortle" not in Lexicon.default().verbs
        assert main([str(article), "--format", "json", "--method", "rules"]) == 0
        assert json.loads(capsys.readouterr().out)["attributions"] == []
        lexicon = tmp_path / "cues.json"
        lexicon.write_text(json.dumps({"verbs": ["chortle"]}), encoding="utf-8")
        assert main([str(article), "--format", "json", "--method", "rules", "--extra-cues", str(lexicon)]) == 0
        after = json.loads(capsys.readouterr().out)["attributions"]
        assert [(a["cue"]["text"], a["content"]["text"]) for a in after] == [("chortled", "that the bill would pass")]

    def test_cues_replace_the_lexicon(self, article_file: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
        """--cues swaps whole lists: with no cue verbs, 'said' attributes nothing (the verb after a quotation still
        does: that rule needs no lexicon)."""
        none = tmp_path / "none.json"
        none.write_text(json.dumps({"verbs": [], "infinitive_verbs": [], "object_verbs": []}), encoding="utf-8")
        assert main([str(article_file), "--format", "json", "--method", "rules"]) == 0
        assert [a["cue"]["text"] for a in json.loads(capsys.readouterr().out)["attributions"]] == ["said", "added"]
        assert main([str(article_file), "--format", "json", "--method", "rules", "--cues", str(none)]) == 0
        assert [a["cue"]["text"] for a in json.loads(capsys.readouterr().out)["attributions"]] == ["added"]

    def test_options_reach_the_extractor(self, article_file: Path, shared_extractor: list[dict[str, object]],
                                         capsys: pytest.CaptureFixture[str]) -> None:
        """--max-chars and --stanza-resources are handed to the Extractor the CLI builds."""
        assert main([str(article_file), "--format", "json", "--max-chars", "5000", "--stanza-resources", "/x"]) == 0
        (asked,) = shared_extractor
        assert asked["max_chars"] == 5000 and asked["resources_dir"] == "/x"
        assert main([str(article_file), "--max-chars", "10"]) == 2
        assert "10" in capsys.readouterr().err


class TestBadInput:
    @pytest.mark.parametrize("content", [b"", b"   \n\n  ", b"\x00\x01\x02binary\x00"])
    def test_unreadable_files_give_one_line(self, tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]) -> None:
        """Empty, blank and binary files give a one-line message and exit status 2, no traceback."""
        path = tmp_path / "bad.txt"
        path.write_bytes(content)
        assert main([str(path)]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1

    def test_messages_are_shown_as_written(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Brackets in a message or a file name are text, not Rich markup, and the file is named once."""
        path = tmp_path / "[draft] empty.txt"
        path.write_bytes(b"")
        assert main([str(path)]) == 2
        err = capsys.readouterr().err
        assert err.count("[draft] empty.txt") == 1 and "no text to read" in err

    def test_non_english_text_is_read_with_a_warning(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A German article is still read (best effort), with one line saying it does not look like English."""
        from tests.app.test_inputs import GERMAN

        path = tmp_path / "de.txt"
        path.write_text(GERMAN, encoding="utf-8")
        assert main([str(path), "--format", "json"]) == 0
        captured = capsys.readouterr()
        assert json.loads(captured.out)["document"] == str(path)
        assert "does not look like English" in captured.err and len(captured.err.strip().splitlines()) == 1

    def test_missing_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing path is named in a one-line error."""
        assert main(["/no/such/article.txt"]) == 2
        assert "/no/such/article.txt" in capsys.readouterr().err

    def test_bad_lexicon(self, article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A malformed lexicon file is a one-line error naming the file."""
        bad = tmp_path / "bad.json"
        bad.write_text("{not json", encoding="utf-8")
        assert main([str(article_file), "--extra-cues", str(bad)]) == 2
        assert "bad.json" in capsys.readouterr().err


class TestSubcommands:
    def test_models_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`quotes models --format json` lists the bundled files with their sizes."""
        assert main(["models", "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert {Path(f["path"]).name for f in data["files"]} >= {"tokenizer.pt", "parser.pt"}
        assert all(f["bytes"] > 0 for f in data["files"]) and data["scores"]

    def test_parse_conllu(self, article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`quotes parse` prints CoNLL-U whose offsets point into the file."""
        assert main(["parse", str(article_file)]) == 0
        rows = [line.split("\t") for line in capsys.readouterr().out.splitlines() if line and not line.startswith("#")]
        assert all(len(r) == 10 for r in rows)
        said = next(r for r in rows if r[1] == "said")
        start, end = (int(x.split("=")[1]) for x in said[9].split("|")[:2])
        assert TEXT[start:end] == "said" and said[2] == "say"

    def test_parse_table(self, article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`quotes parse --format table` shows heads and relations."""
        assert main(["parse", str(article_file), "--format", "table"]) == 0
        assert "deprel" in capsys.readouterr().out

    @pytest.mark.parametrize("command", sorted(COMMANDS))
    def test_every_subcommand_has_help_and_readme_coverage(self, command: str, capsys: pytest.CaptureFixture[str]) -> None:
        """Each subcommand answers --help and is documented in the README."""
        try:
            code = main([command, "--help"])
        except SystemExit as exit_info:
            code = exit_info.code  # type: ignore[assignment]
        assert code == 0
        assert capsys.readouterr().out.strip()
        assert f"quotes {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_showcase_file_exists() -> None:
    """The README's main command runs on this file."""
    assert (CORPORA / "showcase.txt").exists()
