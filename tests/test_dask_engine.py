"""The Dask engine on local clusters of two worker processes, with the fake extractor (no models loaded)."""

from __future__ import annotations

import functools
import io
import json
import logging
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotes.app.corpus import run_corpus
from quotes.app.inputs import iter_documents
from quotes.core.attribution import Article, Attribution, Content, QuoteKind, Span
from tests.app.test_corpus import FakeExtractor, docs, kill_mid_run, run
from tests.conftest import CORPORA

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")
engines = pytest.importorskip("quotes.app.engines")


class PidExtractor(FakeExtractor):
    """A FakeExtractor whose attributions name the process that found them, in their ``rule``."""

    def extract(self, text: str, document: str | None = None) -> Article:
        time.sleep(0.05)
        span = Span.of(text, 0, len(text))
        attribution = Attribution(Content.of(text, [(0, len(text))]), None, None, QuoteKind.INDIRECT, span, 0,
                                  f"pid {os.getpid()}")
        return Article(text, (attribution,), document)


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    """One local cluster of two single-threaded worker processes for the module; a task that kills its worker
    fails at once (allowed-failures 0) instead of being retried by Dask on three more workers."""
    with (dask.config.set({"distributed.scheduler.allowed-failures": 0}),
          distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR, env=engines.worker_environment()) as local):
        yield local


class TestDaskEngine:
    def test_local_cluster_each_document_once(self) -> None:
        """Without a scheduler a local cluster of 2 processes starts; 20 documents, one failing, each once, in order."""
        documents = docs(20, d07="@@BOOM")
        summary, records, text = run(documents, engine=engines.DaskEngine(FakeExtractor, jobs=2), batch_words=30)
        assert [r["document"] for r in records] == [d.id for d in documents]
        assert records[7]["error"] == "internal error: RuntimeError: parser exploded on two lines"
        assert (summary.processed, summary.failed) == (20, 1)
        assert text == run(documents)[2]

    def test_work_spreads_over_both_workers(self, cluster: object) -> None:
        """Batches go to both worker processes of an existing cluster (--scheduler)."""
        engine = engines.DaskEngine(PidExtractor, scheduler=cluster.scheduler_address)  # type: ignore[attr-defined]
        _, records, _ = run(docs(20), engine=engine, batch_words=1)
        assert len({r["attributions"][0]["rule"] for r in records}) == 2  # type: ignore[index]

    def test_crashing_document_costs_itself_only(self, cluster: object) -> None:
        """A document that kills its worker gets an error row; the others of its batch, and beside it, do not."""
        engine = engines.DaskEngine(FakeExtractor, scheduler=cluster.scheduler_address)  # type: ignore[attr-defined]
        summary, records, _ = run(docs(6, d03="@@CRASH"), engine=engine)
        assert [r["document"] for r in records] == [f"d{i:02}" for i in range(6)]
        assert records[3]["error"].startswith("dask task failed: KilledWorker")  # type: ignore[union-attr]
        assert summary.failed == 1

    def test_nothing_to_do_starts_nothing(self) -> None:
        """When every document is already done, no cluster is reached (this address answers nothing)."""
        engine = engines.DaskEngine(FakeExtractor, scheduler="tcp://127.0.0.1:9")
        summary, records, _ = run(docs(3), engine=engine, done_ids={"d00", "d01", "d02"})
        assert records == [] and summary.skipped == 3

    def test_unreachable_scheduler(self) -> None:
        """A scheduler that does not answer is a one-line QuotesError."""
        from quotes.errors import QuotesError

        engine = engines.DaskEngine(FakeExtractor, scheduler="tcp://127.0.0.1:9", connect_seconds=1)
        with pytest.raises(QuotesError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9: "):
            run(docs(1), engine=engine)


KILL_SCRIPT = """
import sys
sys.path[:0] = {path!r}
from functools import partial
from quotes.app.corpus import load_done_ids, run_corpus
from quotes.app.engines import DaskEngine
from quotes.app.inputs import iter_documents
from {module} import FakeExtractor

output = sys.argv[1]
done = load_done_ids(output)
with open(output, "a", encoding="utf-8") as out:
    run_corpus(iter_documents([{source!r}]), out=out, done_ids=done, batch_words=250,
               engine=DaskEngine(partial(FakeExtractor, delay=0.1), scheduler={address!r}))
"""


class TestKill:
    def test_driver_killed_then_resumed(self, cluster: object, tmp_path: Path) -> None:
        """A Dask run whose driver is killed with SIGKILL midway and resumed has every document exactly once."""
        source = tmp_path / "in.jsonl"
        texts = [{"id": f"n{i:02}", "text": f'Story {i}: "{"long " * 200}words".'} for i in range(30)]
        source.write_text("".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8")
        script = tmp_path / "run.py"
        script.write_text(textwrap.dedent(KILL_SCRIPT).format(
            path=sys.path, module=FakeExtractor.__module__, source=str(source),
            address=cluster.scheduler_address,  # type: ignore[attr-defined]
        ), encoding="utf-8")
        output = tmp_path / "out.jsonl"
        kill_mid_run(script, output, wait=120)

        subprocess.run([sys.executable, str(script), str(output)], check=True, timeout=120)

        expected = io.StringIO()
        run_corpus(iter_documents([str(source)]), out=expected, extractor_factory=FakeExtractor)
        assert output.read_text(encoding="utf-8") == expected.getvalue()


@pytest.mark.integration
class TestRealModels:
    def test_cli_dask_to_parquet(self, cluster: object, tmp_path: Path) -> None:
        """`quotes DIR --engine dask --scheduler ADDRESS --output X.parquet` with the bundled models on two workers."""
        pd = pytest.importorskip("pandas")
        from quotes.app.cli import main

        target = tmp_path / "out.parquet"
        address = cluster.scheduler_address  # type: ignore[attr-defined]
        assert main([str(CORPORA), "--engine", "dask", "--scheduler", address, "--output", str(target)]) == 0
        frame = pd.read_parquet(target)
        assert sorted(Path(d).name for d in frame["document"]) == sorted(p.name for p in CORPORA.glob("*.txt"))
        assert frame["error"].isna().all() and frame["attributions"].map(len).sum() > 0


def test_plugin_pickles() -> None:
    """The worker plugin travels to workers with its factory."""
    import pickle

    plugin = pickle.loads(pickle.dumps(engines.ExtractorPlugin(functools.partial(FakeExtractor, delay=0.1))))
    assert plugin._factory().delay == 0.1
