"""Archive runs without models: word-bounded batches, Parquet in and out, to_frame, --device and the CLI options."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import quotes
from quotes.app import corpus, parquet
from quotes.app.cli import main
from quotes.app.inputs import Document, count_documents, iter_documents
from quotes.core.attribution import Article
from quotes.errors import InputError, ModelError
from quotes.extractor import Extractor, count_words, word_batches
from quotes.parsing import pipeline, speedups
from tests.app.test_corpus import FakeExtractor, docs, run

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")


class BatchingFake(FakeExtractor):
    """A FakeExtractor with ``extract_many`` that notes each batch's size and fails a batch holding @@BOOM."""

    def __init__(self) -> None:
        super().__init__()
        self.batches: list[int] = []

    def extract_many(self, texts: Iterable[str], documents: Iterable[str | None], *,
                     max_words: int) -> Iterator[Article]:
        texts, documents = list(texts), list(documents)
        self.batches.append(len(texts))
        if any("@@BOOM" in text for text in texts):
            raise RuntimeError("a document of the batch broke it")
        return iter([self.extract(text, document) for text, document in zip(texts, documents)])


def words(count: int, index: int) -> str:
    return f'Doc {index} "' + " ".join(["word"] * (count - 2)) + '"'


class TestWordBatches:
    def test_bounded_by_words_in_order(self) -> None:
        """Items fill a batch up to the word bound, in order, and an item over the bound goes alone."""
        items = [3, 3, 3, 10, 1, 1]
        assert list(word_batches(items, lambda n: n, 6)) == [[3, 3], [3], [10], [1, 1]]

    def test_count_words(self) -> None:
        """Words are whitespace-separated runs."""
        assert count_words(" He said:\n\n'no'. ") == 3


class TestBatchedCorpus:
    def test_batches_follow_the_word_bound(self) -> None:
        """Corpus mode hands the extractor batches of at most batch_words words, and writes in input order."""
        fake = BatchingFake()
        documents = [Document(f"d{i}", words(10, i)) for i in range(5)] + [Document("big", words(100, 9))]
        summary, records, _ = run(documents, extractor_factory=lambda: fake, batch_words=25)
        assert fake.batches == [2, 2]  # the last two go alone: "big" is over the bound by itself
        assert [r["document"] for r in records] == [d.id for d in documents]
        assert summary.failed == 0

    def test_failing_batch_costs_one_document(self) -> None:
        """When a batch fails, its documents are extracted one by one and only the culprit gets an error line."""
        fake = BatchingFake()
        summary, records, _ = run(docs(4, d02="@@BOOM"), extractor_factory=lambda: fake)
        assert [("error" in r) for r in records] == [False, False, True, False]
        assert fake.batches == [4] and summary.failed == 1

    def test_batched_output_is_unchanged(self) -> None:
        """Batches of any size give the same bytes as one document at a time."""
        documents = [*docs(7, d03="@@BOOM"), Document("x", None, "x: empty")]
        one_by_one = run(documents, extractor_factory=BatchingFake, batch_words=1)[2]
        assert run(documents, extractor_factory=BatchingFake)[2] == one_by_one
        assert run(documents, extractor_factory=BatchingFake, jobs=2)[2] == one_by_one

    def test_shared_model_forks_after_one_load(self) -> None:
        """share_model builds the extractor once, in this process; forked workers still cost one document a crash."""
        built: list[int] = []

        def factory() -> BatchingFake:
            built.append(os.getpid())
            return BatchingFake()

        documents = docs(6, d02="@@CRASH")
        summary, records, _ = run(documents, jobs=2, extractor_factory=factory, share_model=True)
        assert built == [os.getpid()]
        assert [r["document"] for r in records] == [d.id for d in documents]
        assert records[2]["error"] == "worker process crashed (exit code 3)" and summary.failed == 1

    def test_invalid_batch_words(self) -> None:
        """A batch bound below one word is refused."""
        with pytest.raises(ValueError, match="batch_words"):
            run(docs(1), batch_words=0)


def _fake_factory(**options: Any) -> FakeExtractor:
    """Notes its options and the extractor it made, for the tests to look at."""
    _fake_factory.options = options  # type: ignore[attr-defined]
    _fake_factory.made = BatchingFake()  # type: ignore[attr-defined]
    return _fake_factory.made  # type: ignore[attr-defined]


@pytest.fixture
def fake_models(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's corpus mode gets a FakeExtractor instead of loading Stanza."""
    monkeypatch.setattr(corpus, "make_extractor", _fake_factory)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(6):
        (folder / f"a{i}.txt").write_text(f'Story {i}: the mayor said "we will build {i} bridges".', encoding="utf-8")
    return folder


class TestParquetOutput:
    def test_round_trip_through_pandas(self, fake_models: None, articles: Path, tmp_path: Path) -> None:
        """--output X.parquet has one row per document, typed like the JSONL, and pandas reads it back."""
        (articles / "empty.txt").write_text("", encoding="utf-8")
        target = tmp_path / "out.parquet"
        assert main([str(articles), "--output", str(target)]) == 1
        frame = pd.read_parquet(target)
        assert list(frame.columns) == ["document", "attributions", "error"]
        assert len(frame) == 7 and frame["document"].is_unique
        assert frame["error"].notna().sum() == 1
        first = frame.iloc[0]["attributions"][0]
        assert first["content"]["text"] == '"we will build 0 bridges"' and first["kind"] == "direct"
        assert not parquet.journal_path(target).exists()
        jsonl = tmp_path / "out.jsonl"
        main([str(articles), "--output", str(jsonl)])
        assert list(parquet.read_records(target)) == [
            {"error": None, **json.loads(line)} for line in jsonl.read_text(encoding="utf-8").splitlines()
        ]

    def test_resume_from_a_killed_run(self, fake_models: None, articles: Path, tmp_path: Path) -> None:
        """A run killed before its Parquet is written leaves a journal; --resume finishes it, each document once."""
        target = tmp_path / "out.parquet"
        main([str(articles), "--output", str(tmp_path / "full.jsonl")])
        lines = (tmp_path / "full.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
        parquet.journal_path(target).write_text("".join(lines[:2]) + lines[2][:20], encoding="utf-8")
        assert main([str(articles), "--output", str(target), "--resume"]) == 0
        assert [r["document"] for r in parquet.read_records(target)] == [str(articles / f"a{i}.txt") for i in range(6)]

    def test_resume_adds_to_a_finished_file(self, fake_models: None, articles: Path, tmp_path: Path) -> None:
        """--resume on a finished Parquet file keeps its rows and adds only the new documents."""
        target = tmp_path / "out.parquet"
        assert main([str(articles / "a0.txt"), str(articles / "a1.txt"), "--output", str(target)]) == 0
        assert main([str(articles), "--output", str(target), "--resume"]) == 0
        assert len(pd.read_parquet(target)) == 6 and pd.read_parquet(target)["document"].is_unique

    def test_foreign_parquet_refused(self, tmp_path: Path) -> None:
        """A Parquet file without the output columns is not read as quotes output."""
        path = tmp_path / "other.parquet"
        pa.parquet.write_table(pa.table({"x": [1]}), path)
        with pytest.raises(InputError, match="not a quotes output file"):
            list(parquet.read_records(path))


class TestParquetInput:
    def test_id_and_text_columns(self, tmp_path: Path) -> None:
        """A Parquet dataset gives one document per row; integer ids become strings, a bad row an error document."""
        path = tmp_path / "in.parquet"
        pa.parquet.write_table(pa.table({"id": [7, 8, 9], "text": ["Hello there.", "", "Bye now."]}), path)
        documents = list(iter_documents([str(path)]))
        assert [(d.id, d.text) for d in documents] == [("7", "Hello there."), ("8", None), ("9", "Bye now.")]
        assert documents[1].error == f"{path}:2: no text to read (empty)"
        assert count_documents([str(path)]) == 3

    def test_directory_of_parts(self, tmp_path: Path) -> None:
        """--input-format parquet reads every part of a directory, in name order."""
        for part in range(2):
            pa.parquet.write_table(pa.table({"id": [f"p{part}"], "text": ["Some text."]}), tmp_path / f"{part}.parquet")
        assert [d.id for d in iter_documents([str(tmp_path)], input_format="parquet")] == ["p0", "p1"]

    def test_missing_column_refused_before_work(self, tmp_path: Path) -> None:
        """A Parquet input without 'id' and 'text' is refused before any document is read."""
        path = tmp_path / "in.parquet"
        pa.parquet.write_table(pa.table({"id": ["a"]}), path)
        with pytest.raises(InputError, match="no 'text' column"):
            iter_documents([str(path)])


class TestToFrame:
    def test_one_row_per_attribution(self) -> None:
        """Articles and their dicts alike give one flat row per attribution; failed documents give none."""
        article = FakeExtractor().extract('She said "yes" and "no".', document="d")
        failed = {"document": "bad", "error": "boom", "attributions": []}
        frame = quotes.to_frame([article, article.to_dict(), failed])
        assert len(frame) == 4
        assert list(frame["content"][:2]) == ['"yes"', '"no"']
        assert frame["speaker"].isna().all() and str(frame["content_start"].dtype) == "Int64"
        assert list(frame.columns) == list(quotes.app.frames.COLUMNS)


@pytest.fixture
def fake_stanza(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """stanza.Pipeline replaced by a recorder that fails once it has seen its arguments; speed-ups restored after."""
    import stanza

    seen: dict[str, Any] = {}

    def pipeline_(*args: Any, **kwargs: Any) -> None:
        seen.update(kwargs)
        raise RuntimeError("no models in this test")

    monkeypatch.setattr(stanza, "Pipeline", pipeline_)
    monkeypatch.setattr(pipeline, "_encoder_cache", lambda: None)
    active = speedups.active()
    yield seen
    for name in pipeline.CPU_ONLY_SPEEDUPS:
        speedups._disabled.pop(name, None)
    for name in active:
        speedups.install(speedups.by_name(name))


class TestDevice:
    def test_cpu_is_the_default(self, fake_stanza: dict[str, Any]) -> None:
        """Without a device the Stanza pipeline is built for the CPU."""
        with pytest.raises(ModelError):
            pipeline.Parser()
        assert (fake_stanza["use_gpu"], fake_stanza["device"]) == (False, "cpu")

    def test_cuda_reaches_stanza_and_drops_cpu_speedups(self, fake_stanza: dict[str, Any],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
        """device=cuda builds Stanza on the GPU and switches the CPU-only speed-ups off."""
        import torch

        monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
        with pytest.raises(ModelError):
            Extractor(device="cuda")
        assert (fake_stanza["use_gpu"], fake_stanza["device"]) == (True, "cuda")
        assert set(pipeline.CPU_ONLY_SPEEDUPS) <= set(speedups.disabled())
        assert not set(pipeline.CPU_ONLY_SPEEDUPS) & set(speedups.active())

    @pytest.mark.parametrize(("cuda", "expected"), [(True, "cuda"), (False, "cpu")])
    def test_auto(self, monkeypatch: pytest.MonkeyPatch, cuda: bool, expected: str) -> None:
        """auto is CUDA when torch sees a GPU, else the CPU."""
        import torch

        monkeypatch.setattr(torch.cuda, "is_available", lambda: cuda)
        assert pipeline.resolve_device("auto") == expected

    def test_cuda_without_a_gpu(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Asking for CUDA where torch sees none is a one-line ModelError; an unknown device a ValueError."""
        import torch

        monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
        with pytest.raises(ModelError, match="torch sees no CUDA GPU"):
            pipeline.resolve_device("cuda")
        with pytest.raises(ValueError, match="'tpu'"):
            pipeline.resolve_device("tpu")

    @pytest.mark.parametrize(("argv", "expected"), [([], "cpu"), (["--device", "cuda"], "cuda")])
    def test_cli_passes_the_device(self, fake_models: None, articles: Path, tmp_path: Path, argv: list[str],
                                   expected: str) -> None:
        """--device reaches the extractor of corpus mode; cpu by default."""
        main([str(articles), "--output", str(tmp_path / "out.jsonl"), *argv])
        assert _fake_factory.options["device"] == expected  # type: ignore[attr-defined]


class TestOptions:
    def test_batch_words(self, fake_models: None, articles: Path, tmp_path: Path) -> None:
        """--batch-words bounds the batches of corpus mode."""
        assert main([str(articles), "--output", str(tmp_path / "out.jsonl"), "--batch-words", "20"]) == 0
        assert _fake_factory.made.batches == [2, 2, 2]  # type: ignore[attr-defined]

    @pytest.mark.parametrize(("argv", "message"), [
        (["--scheduler", "tcp://x:1"], "--scheduler needs --engine dask"),
        (["--engine", "dask", "--max-seconds-per-doc", "3"], "--max-seconds-per-doc is not available"),
        (["--batch-words", "0"], "--batch-words must be at least 1"),
    ])
    def test_refused_combinations(self, articles: Path, argv: list[str], message: str,
                                  capsys: pytest.CaptureFixture[str]) -> None:
        """Options that do not go together give one line and status 2."""
        assert main([str(articles), *argv]) == 2
        assert message in capsys.readouterr().err
