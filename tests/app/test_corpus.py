"""Tests for quotes.app.corpus with a fake extractor: streaming, failures, timeouts, resume, kill -9."""

from __future__ import annotations

import functools
import io
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from quotes.app.corpus import (
    CorpusSummary,
    error_line,
    exit_status,
    load_done_ids,
    run_corpus,
)
from quotes.app.inputs import Document, iter_documents
from quotes.core.attribution import Article, Attribution, Content, QuoteKind, Span
from quotes.errors import EmptyInputError, InputError, ModelError


def kill_mid_run(script: Path, output: Path, *, wait: float) -> None:
    """Run ``script OUTPUT`` and SIGKILL it once 8 of its 30 lines are written; it must die mid-run."""
    process = subprocess.Popen([sys.executable, str(script), str(output)])
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and process.poll() is None:
        if output.exists() and output.read_bytes().count(b"\n") >= 8:
            break
        time.sleep(0.01)
    assert process.poll() is None, "the run ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 8 <= output.read_bytes().count(b"\n") < 30


class FakeExtractor:
    """Each "..." pair is a direct quote; @@ markers (@@BOOM, @@HANG, ...) make it fail, hang or crash."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def extract(self, text: str, document: str | None = None) -> Article:
        if "@@BOOM" in text:
            raise RuntimeError("parser exploded\non two lines")
        if "@@NOTEXT" in text:
            raise EmptyInputError("no text to read")
        if "@@HANG" in text:
            time.sleep(60)
        if "@@CRASH" in text:
            os._exit(3)
        time.sleep(self.delay)
        sentence = Span.of(text, 0, len(text))
        attributions = tuple(
            Attribution(Content.of(text, [match.span()]), None, None, QuoteKind.DIRECT, sentence, 0, "fake")
            for match in re.finditer(r'"[^"]*"', text)
        )
        return Article(text, attributions, document)


def failing_factory() -> FakeExtractor:
    raise ModelError("no Stanza models in /nowhere")


def docs(count: int, **special: str) -> list[Document]:
    """``count`` documents d00, d01, ...; ``special`` replaces the text of some ids."""
    return [
        Document(f"d{i:02}", special.get(f"d{i:02}", f'Doc {i} é 🎉: she said "quote {i}".')) for i in range(count)
    ]


def run(documents: list[Document], **options: object) -> tuple[CorpusSummary, list[dict[str, object]], str]:
    out = io.StringIO()
    options.setdefault("extractor_factory", FakeExtractor)
    summary = run_corpus(documents, out=out, **options)  # type: ignore[arg-type]
    text = out.getvalue()
    return summary, [json.loads(line) for line in text.split("\n") if line], text


class TestRunCorpus:
    def test_one_line_per_document(self) -> None:
        """Every document gets one JSONL line, in input order, with its id and attributions."""
        summary, records, _ = run(docs(3))
        assert [r["document"] for r in records] == ["d00", "d01", "d02"]
        assert records[1]["attributions"][0]["content"]["text"] == '"quote 1"'  # type: ignore[index]
        assert (summary.processed, summary.failed, summary.skipped) == (3, 0, 0)
        assert exit_status(summary) == 0

    def test_document_key_first_and_unicode_raw(self) -> None:
        """Lines start with the document id and keep non-ASCII characters unescaped."""
        _, _, text = run(docs(1))
        assert text.startswith('{"document": "d00", "attributions": [')
        assert "é 🎉" in text and text.endswith("\n")

    def test_failing_document_goes_on(self) -> None:
        """An extractor exception gives a one-line error line and the next documents still run."""
        summary, records, _ = run(docs(3, d01="@@BOOM"))
        assert records[1] == {
            "document": "d01",
            "error": "internal error: RuntimeError: parser exploded on two lines",
            "attributions": [],
        }
        assert "error" not in records[2]
        assert (summary.processed, summary.failed, summary.succeeded) == (3, 1, 2)
        assert exit_status(summary) == 1

    def test_quotes_error_message_kept(self) -> None:
        """A QuotesError from the extractor keeps its own message."""
        _, records, _ = run(docs(1, d00="@@NOTEXT"))
        assert records[0]["error"] == "no text to read"

    def test_unreadable_document_never_builds_extractor(self) -> None:
        """Documents that failed to read get error lines without loading the extractor."""
        summary, records, _ = run([Document("bad", None, "bad: empty")], extractor_factory=failing_factory)
        assert records == [{"document": "bad", "error": "bad: empty", "attributions": []}]
        assert summary.failed == 1

    def test_skips_done_ids(self) -> None:
        """Documents already done are skipped and counted, without an output line."""
        summary, records, _ = run(docs(4), done_ids={"d00", "d02"})
        assert [r["document"] for r in records] == ["d01", "d03"]
        assert summary.skipped == 2 and summary.processed == 2

    def test_factory_error_propagates(self) -> None:
        """An extractor that cannot be built stops the run with its own error."""
        with pytest.raises(ModelError, match="no Stanza models"):
            run(docs(1), extractor_factory=failing_factory)

    def test_deterministic(self) -> None:
        """The same input gives byte-identical output."""
        documents = [*docs(5, d02="@@BOOM"), Document("x", None, "x: empty")]
        assert run(documents)[2] == run(documents)[2]

    def test_error_line_escapes_lone_surrogate(self) -> None:
        """A line that cannot be UTF-8 encoded raw is written with JSON escapes instead."""
        line = error_line("id\ud800", "bad")
        line.encode("utf-8")
        assert json.loads(line)["document"] == "id\ud800"

    def test_invalid_arguments(self) -> None:
        """jobs below 1 and a non-positive time limit are refused."""
        with pytest.raises(ValueError, match="jobs"):
            run(docs(1), jobs=0)
        with pytest.raises(ValueError, match="max_seconds_per_doc"):
            run(docs(1), max_seconds_per_doc=0)


class TestProgress:
    def test_quiet_when_not_a_terminal(self, capsys: pytest.CaptureFixture[str]) -> None:
        """progress=None writes nothing to stderr when stderr is not a terminal."""
        run(docs(2))
        assert capsys.readouterr().err == ""

    def test_bar_on_stderr(self, capsys: pytest.CaptureFixture[str]) -> None:
        """progress=True draws the bar on stderr and leaves stdout alone."""
        run(docs(3), progress=True, done_ids={"d00"})
        captured = capsys.readouterr()
        assert "articles" in captured.err and "2/2" in captured.err
        assert captured.out == ""


class TestWorkers:
    def test_two_jobs_each_document_once(self) -> None:
        """With two worker processes every document appears exactly once, in input order."""
        documents = [*docs(12, d05="@@BOOM"), Document("bad", None, "bad: empty")]
        summary, records, text = run(documents, jobs=2)
        assert [r["document"] for r in records] == [d.id for d in documents]
        assert (summary.processed, summary.failed) == (13, 2)
        assert text == run(documents)[2]

    def test_timeout_then_goes_on(self) -> None:
        """A document past --max-seconds-per-doc gets a timeout line; the worker is replaced."""
        summary, records, _ = run(docs(4, d01="@@HANG"), max_seconds_per_doc=1)
        assert records[1] == {"document": "d01", "error": "timeout after 1 s", "attributions": []}
        assert [r["document"] for r in records] == ["d00", "d01", "d02", "d03"]
        assert summary.failed == 1

    def test_crashed_worker(self) -> None:
        """A worker that dies mid-document costs that document only."""
        summary, records, _ = run(docs(4, d02="@@CRASH"), jobs=2)
        assert records[2]["error"] == "worker process crashed (exit code 3)"
        assert summary.processed == 4 and summary.failed == 1

    def test_factory_error_in_worker(self) -> None:
        """An extractor that cannot be built in a worker stops the run with its error."""
        with pytest.raises(ModelError, match="no Stanza models"):
            run(docs(2), jobs=2, extractor_factory=failing_factory)


class TestLoadDoneIds:
    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing output file has no ids (a first run with --resume)."""
        assert load_done_ids(tmp_path / "out.jsonl") == set()

    def test_ids_of_complete_lines(self, tmp_path: Path) -> None:
        """Ids of ok and error lines alike are done."""
        path = tmp_path / "out.jsonl"
        path.write_text(run(docs(2))[2] + error_line("x", "bad") + "\n", encoding="utf-8")
        assert load_done_ids(path) == {"d00", "d01", "x"}

    def test_torn_last_line_truncated(self, tmp_path: Path) -> None:
        """A last line cut short is removed from the file and its id is not done."""
        path = tmp_path / "out.jsonl"
        complete = run(docs(2))[2]
        path.write_text(complete + '{"document": "d02", "attribu', encoding="utf-8")
        assert load_done_ids(path) == {"d00", "d01"}
        assert path.read_text(encoding="utf-8") == complete

    def test_complete_last_line_gets_newline(self, tmp_path: Path) -> None:
        """A complete last line that only lacks its newline is kept, and the newline added."""
        path = tmp_path / "out.jsonl"
        complete = run(docs(2))[2]
        path.write_text(complete.rstrip("\n"), encoding="utf-8")
        assert load_done_ids(path) == {"d00", "d01"}
        assert path.read_text(encoding="utf-8") == complete

    def test_foreign_file_refused(self, tmp_path: Path) -> None:
        """A file that is not quotes output (an input file, say) is never rewritten."""
        path = tmp_path / "in.jsonl"
        path.write_text('{"id": "a", "text": "Hi."}\n', encoding="utf-8")
        with pytest.raises(InputError, match=r"in\.jsonl:1: not a quotes output line"):
            load_done_ids(path)
        assert path.read_text(encoding="utf-8") == '{"id": "a", "text": "Hi."}\n'

    def test_resume_completes_the_run(self, tmp_path: Path) -> None:
        """Resuming after a torn write ends with the same bytes as an uninterrupted run."""
        path = tmp_path / "out.jsonl"
        full = run(docs(5))[2]
        path.write_text(full[: full.index("d03") + 10], encoding="utf-8")
        done = load_done_ids(path)
        with path.open("a", encoding="utf-8") as out:
            summary = run_corpus(docs(5), out=out, extractor_factory=FakeExtractor, done_ids=done)
        assert summary.skipped == 3
        assert path.read_text(encoding="utf-8") == full


KILL_SCRIPT = """
import sys
sys.path[:0] = {path!r}
from {module} import FakeExtractor
from functools import partial
from quotes.app.corpus import load_done_ids, run_corpus
from quotes.app.inputs import iter_documents

if __name__ == "__main__":  # spawned workers import this file again
    output = sys.argv[1]
    done = load_done_ids(output)
    with open(output, "a", encoding="utf-8") as out:
        run_corpus(iter_documents([{source!r}]), out=out, jobs={jobs}, done_ids=done,
                   extractor_factory=partial(FakeExtractor, delay=0.05))
"""


class TestKill:
    @pytest.mark.parametrize("jobs", [1, 2])
    def test_kill_9_then_resume(self, tmp_path: Path, jobs: int) -> None:
        """A real run killed with SIGKILL midway and resumed has every document exactly once."""
        source = tmp_path / "in.jsonl"
        texts = [{"id": f"n{i:02}", "text": f'Story {i}: "{"long " * 200}words".'} for i in range(30)]
        source.write_text("".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8")
        script = tmp_path / "run.py"
        script.write_text(
            textwrap.dedent(KILL_SCRIPT).format(path=sys.path, module=FakeExtractor.__module__, source=str(source),
                                                jobs=jobs),
            encoding="utf-8",
        )
        output = tmp_path / "out.jsonl"
        kill_mid_run(script, output, wait=60)

        subprocess.run([sys.executable, str(script), str(output)], check=True, timeout=120)

        lines = output.read_text(encoding="utf-8").split("\n")
        assert lines[-1] == ""
        ids = [json.loads(line)["document"] for line in lines[:-1]]
        assert ids == [t["id"] for t in texts]
        expected = io.StringIO()
        run_corpus(iter_documents([str(source)]), out=expected, extractor_factory=FakeExtractor)
        assert output.read_text(encoding="utf-8") == expected.getvalue()


def test_partial_factory_is_picklable() -> None:
    """A functools.partial of a module-level class is a valid worker factory."""
    import pickle

    assert pickle.loads(pickle.dumps(functools.partial(FakeExtractor, delay=0.1)))().delay == 0.1
