"""The command line's routing, shared options and error style, with a stand-in extractor (no model loads)."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path
from typing import ClassVar

import pytest

from quotes.app import options
from quotes.app.cli import COMMANDS, main
from quotes.core.attribution import Article
from quotes.core.lexicon import Lexicon


class FakeExtractor:
    """Records how it was built and what it read; finds nothing."""

    built: ClassVar[list[dict[str, object]]] = []
    read: ClassVar[list[str]] = []

    def __init__(self, **settings: object) -> None:
        FakeExtractor.built.append(settings)

    def extract(self, text: str, document: str | None = None) -> Article:
        FakeExtractor.read.append(text)
        return Article(text, (), document)


@pytest.fixture(autouse=True)
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> type[FakeExtractor]:
    FakeExtractor.built, FakeExtractor.read = [], []
    monkeypatch.setitem(sys.modules, "quotes.extractor", types.SimpleNamespace(Extractor=FakeExtractor))
    return FakeExtractor


@pytest.fixture
def cues(tmp_path: Path) -> Path:
    path = tmp_path / "cues.json"
    path.write_text(json.dumps({"verbs": ["chortle"]}), encoding="utf-8")
    return path


def gold_folder(tmp_path: Path) -> Path:
    """A brat gold folder with one annotated sentence."""
    gold = tmp_path / "gold"
    gold.mkdir(exist_ok=True)
    (gold / "a.txt").write_text("The mayor said the budget will be balanced.", encoding="utf-8")
    (gold / "a.ann").write_text("T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 42\tthe budget "
                                "will be balanced\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n", encoding="utf-8")
    return gold


def one_error_line(err: str) -> str:
    """The error output, checked to be a single "quotes: " line."""
    assert err.count("\n") == 1 and err.startswith("quotes: ") and "Traceback" not in err, err
    return err


class TestRouting:
    def test_a_command_wins_over_a_file_of_its_name(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
        """With a file named 'models' here, 'quotes models' still lists the models; the file is read with
        'quotes extract models' or 'quotes ./models'."""
        monkeypatch.chdir(tmp_path)
        Path("models").write_text("The minister said taxes would fall.\n", encoding="utf-8")
        assert main(["models", "--format", "json"]) == 0
        assert "files" in json.loads(capsys.readouterr().out)
        assert FakeExtractor.read == []
        assert main(["extract", "models", "--format", "jsonl"]) == 0
        assert main(["./models", "--format", "jsonl"]) == 0
        assert FakeExtractor.read == ["The minister said taxes would fall.\n"] * 2
        assert [json.loads(line)["document"] for line in capsys.readouterr().out.splitlines()] == ["models"] * 2

    def test_files_without_a_command_are_extracted(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """'quotes FILE...' is 'quotes extract FILE...'."""
        article = tmp_path / "a.txt"
        article.write_text("Officials said the bridge would reopen.\n", encoding="utf-8")
        assert main([str(article), "--format", "jsonl"]) == 0
        assert json.loads(capsys.readouterr().out)["document"] == str(article)

    def test_every_command_is_routed(self) -> None:
        assert set(COMMANDS) == {"extract", "parse", "models", "evaluate", "verify"}


class TestSharedOptions:
    @pytest.mark.parametrize("command", ["extract", "verify", "evaluate"])
    def test_commands_that_extract_take_the_extraction_options(self, command: str, capsys: pytest.CaptureFixture[str]
                                                               ) -> None:
        """extract, verify and evaluate all offer --cues, --extra-cues, --max-chars and --stanza-resources."""
        try:
            assert main([command, "--help"]) == 0
        except SystemExit as exit_info:
            assert exit_info.code == 0
        out = capsys.readouterr().out
        assert all(item.flag in out for item in options.EXTRACTION_OPTIONS) and "--format" in out

    def test_parse_takes_the_parser_options(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit):
            main(["parse", "--help"])
        out = capsys.readouterr().out
        assert all(item.flag in out for item in options.PARSER_OPTIONS) and "--format" in out

    def test_extractor_options(self, cues: Path) -> None:
        """The keywords an Extractor gets from the options: every option that names one, and the lexicon."""
        parser = options.ArgumentParser(prog="test")
        options.add_options(parser)
        args = parser.parse_args(["--extra-cues", str(cues), "--max-chars", "500", "--stanza-resources", "/r"])
        settings = options.extractor_options(args)
        assert settings.keys() == {"resources_dir", "max_chars", "lexicon", "method"}
        assert settings["max_chars"] == 500 and settings["resources_dir"] == "/r"
        assert isinstance(settings["lexicon"], Lexicon) and "chortle" in settings["lexicon"].verbs

    def test_verify_builds_its_extractor_from_the_options(self, tmp_path: Path, cues: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
        """verify hands the user's --extra-cues, --max-chars and --stanza-resources to its Extractor."""
        article, source = tmp_path / "a.txt", tmp_path / "s.txt"
        article.write_text('"We will win," she said.\n', encoding="utf-8")
        source.write_text("SMITH: We will win.\n", encoding="utf-8")
        assert main(["verify", str(article), str(source), "--format", "json", "--extra-cues", str(cues),
                     "--max-chars", "900", "--stanza-resources", "/r"]) == 0
        (built,) = FakeExtractor.built
        assert built["max_chars"] == 900 and built["resources_dir"] == "/r"
        assert "chortle" in built["lexicon"].verbs  # type: ignore[attr-defined]
        assert main(["verify", str(article), str(source), "--max-chars", "5"]) == 2
        one_error_line(capsys.readouterr().err)

    def test_evaluate_builds_its_extractor_from_the_options(self, tmp_path: Path, cues: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
        """evaluate (without --predictions) runs an Extractor built with the user's options; --format json prints
        the figures on stdout."""
        gold = gold_folder(tmp_path)
        assert main(["evaluate", str(gold), "--format", "json", "--extra-cues", str(cues), "--max-chars", "700"]) == 0
        assert json.loads(capsys.readouterr().out)["documents"] == 1
        (built,) = FakeExtractor.built
        assert built["max_chars"] == 700 and "chortle" in built["lexicon"].verbs  # type: ignore[attr-defined]


class TestErrorStyle:
    @pytest.mark.parametrize("argv", [
        [], ["--format", "xml", "a.txt"], ["parse"], ["models", "--format", "csv"], ["evaluate"],
        ["verify", "a.txt"], ["extract", "a.txt", "--max-chars", "0"],
    ])
    def test_usage_errors_are_one_line_and_status_2(self, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
        """Every command's argument errors look the same: one 'quotes:' line naming the help, exit status 2."""
        try:
            status = main(argv)
        except SystemExit as exit_info:
            status = exit_info.code  # type: ignore[assignment]
        assert status == 2
        assert "--help" in one_error_line(capsys.readouterr().err)

    @pytest.mark.parametrize("argv", [
        ["/no/such/article.txt"], ["evaluate", "/no/such/gold"], ["verify", "/no/such/a.txt", "/no/such/s.txt"],
        ["parse", "/no/such/article.txt"],
    ])
    def test_bad_inputs_are_one_line_and_status_2(self, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
        assert main(argv) == 2
        assert "/no/such/" in one_error_line(capsys.readouterr().err)

    def test_a_bad_lexicon_is_one_line_for_every_command(self, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
        bad = tmp_path / "bad.json"
        bad.write_text("{not json", encoding="utf-8")
        article = tmp_path / "a.txt"
        article.write_text("Officials said so.\n", encoding="utf-8")
        for argv in ([str(article)], ["verify", str(article), str(article)], ["evaluate", str(gold_folder(tmp_path))]):
            assert main([*argv, "--extra-cues", str(bad)]) == 2, argv
            assert "bad.json" in one_error_line(capsys.readouterr().err)
