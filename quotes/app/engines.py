"""The Dask engine: corpus batches extracted on a Dask cluster, results written by the driver.

``quotes FILES --engine dask [--scheduler ADDRESS] [--jobs N] --output OUT``. Without
an address a local cluster of N single-threaded worker processes starts; with one,
the work goes to an existing cluster whose workers have quotes installed. Each
worker loads the models once (``ExtractorPlugin``); the driver hands out batches,
a few per worker thread, and writes every result itself through ``run_corpus``'s
ordered writer, so the output is the same file, in the same order, as a run
without Dask, and ``--resume`` works the same way.

A batch whose task fails (a worker killed by one of its documents) is retried one
document at a time. A document whose own task fails is retried once more alone,
with nothing else in flight, since a dying worker takes the tasks queued beside it
down too; only a document that fails alone gets an error row.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from quotes.app.corpus import THREAD_VARIABLES, Output, Result, Task, error_line, process_batch
from quotes.errors import QuotesError

try:
    import dask
    import distributed
except ImportError:
    raise QuotesError("--engine dask needs Dask: pip install 'quotes[dask]'") from None

PLUGIN_NAME = "quotes-extractor"
"""The name the worker plugin is registered under; a later run replaces an earlier one's."""
BATCHES_PER_THREAD = 2
"""Batches in flight per worker thread: one running, one queued, so a worker never waits for the driver."""
WINDOW_PER_BATCH = 32
"""How many documents, per batch in flight, the driver may hold finished while an earlier one is awaited."""
CONNECT_SECONDS = 30
"""How long to wait for a scheduler given by ``--scheduler`` before giving up."""
LOCAL_TIMEOUTS = {"distributed.comm.timeouts.connect": "300s", "distributed.comm.timeouts.tcp": "300s"}
"""Dask's timeouts for a local cluster. Its 30 s defaults failed to start one worker on this 2-core machine
under a load average of 12 (starting took 160 s); a local cluster has no network to wait for, only processes."""


class ExtractorPlugin(distributed.WorkerPlugin):
    """Loads one extractor per worker, when the plugin is registered or the worker joins later."""

    def __init__(self, factory: Callable[[], Any]) -> None:
        self._factory = factory
        self.extractor: Any = None
        self.lock: threading.Lock | None = None

    async def setup(self, worker: Any) -> None:
        """Build the extractor off the event loop (a model load takes seconds; heartbeats must go on)."""
        self.lock = threading.Lock()  # a worker with several threads shares one extractor, which is not thread-safe
        self.extractor = await asyncio.get_running_loop().run_in_executor(None, self._factory)

    def teardown(self, worker: Any) -> None:
        self.extractor = None


def extract_on_worker(batch: list[Task]) -> list[Result]:
    """The task each batch runs as: the worker's own extractor on the batch."""
    plugin: Any = distributed.get_worker().plugins[PLUGIN_NAME]
    with plugin.lock:
        return process_batch(plugin.extractor, batch)


class DaskEngine:
    """Runs corpus batches on a Dask cluster (``run_corpus(..., engine=DaskEngine(...))``)."""

    def __init__(self, factory: Callable[[], Any], *, scheduler: str | None = None, jobs: int = 1,
                 connect_seconds: float = CONNECT_SECONDS) -> None:
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {jobs}")
        self._factory = factory
        self._scheduler = scheduler
        self._jobs = jobs
        self._connect_seconds = connect_seconds

    def run(self, batches: Iterator[list[Task]], output: Output) -> None:
        """Hand out every batch and deliver every result to ``output``, each document exactly once."""
        batches = iter(batches)
        first = next(batches, None)
        if first is None:  # nothing to do (every document skipped): no cluster to start
            return
        with self._client() as client:
            client.register_plugin(ExtractorPlugin(self._factory), name=PLUGIN_NAME)
            _Feeder(client, output).run(first, batches)

    @contextlib.contextmanager
    def _client(self) -> Iterator[Any]:
        with contextlib.ExitStack() as stack:
            if self._scheduler:
                try:
                    client = distributed.Client(self._scheduler, timeout=self._connect_seconds)
                except (OSError, TimeoutError) as exc:
                    raise QuotesError(f"cannot reach the Dask scheduler at {self._scheduler}: {_message(exc)}") from None
            else:
                stack.enter_context(dask.config.set(LOCAL_TIMEOUTS))
                try:
                    cluster = stack.enter_context(distributed.LocalCluster(
                        n_workers=self._jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                        silence_logs=logging.ERROR, env=worker_environment(),
                    ))
                except (OSError, RuntimeError, TimeoutError) as exc:
                    raise QuotesError(f"could not start a local Dask cluster of {self._jobs} worker processes: "
                                      f"{_message(exc)}") from None
                client = distributed.Client(cluster)
            stack.enter_context(client)
            yield client


def _message(exc: BaseException) -> str:
    """An exception as one line, its type included (Dask's timeouts come without a message)."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def worker_environment() -> dict[str, str]:
    """The environment of local workers: one thread each, and this copy of quotes first on their path."""
    root = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))
    return {**{name: "1" for name in THREAD_VARIABLES}, "PYTHONPATH": path}


class _Feeder:
    """Keeps a few batches per worker thread in flight and delivers the results as they come."""

    def __init__(self, client: Any, output: Output) -> None:
        self._client = client
        self._output = output
        self._slots = max(1, sum(client.nthreads().values())) * BATCHES_PER_THREAD
        self._window = self._slots * WINDOW_PER_BATCH
        self._retry: collections.deque[list[Task]] = collections.deque()
        self._quarantine: collections.deque[list[Task]] = collections.deque()
        self._alone: set[int] = set()  # sequence numbers of documents run (or to run) with nothing beside them
        self._batch_of: dict[str, list[Task]] = {}
        self._completed = distributed.as_completed()
        self._exhausted = False

    def run(self, first: list[Task], batches: Iterator[list[Task]]) -> None:
        self._submit(first)
        self._refill(batches)
        for future in self._completed:
            batch = self._batch_of.pop(future.key)
            try:
                results = future.result()
            except Exception as exc:  # the task itself failed: a worker died on the batch, or lost its plugin
                self._failed(batch, exc)
            else:
                for seq, line, ok in results:
                    self._output.put(seq, line, ok)
            future.release()
            self._refill(batches)

    def _submit(self, batch: list[Task]) -> None:
        future = self._client.submit(extract_on_worker, batch, pure=False)
        self._batch_of[future.key] = batch
        self._completed.add(future)

    def _refill(self, batches: Iterator[list[Task]]) -> None:
        while len(self._batch_of) < self._slots:
            if self._quarantine:
                if not self._batch_of:
                    self._submit(self._quarantine.popleft())
                return
            if self._retry:
                self._submit(self._retry.popleft())
            elif self._exhausted or (self._batch_of and self._output.pending >= self._window):
                return  # (with nothing in flight it goes on regardless, so that the run cannot stall)
            elif (batch := next(batches, None)) is not None:
                self._submit(batch)
            else:
                self._exhausted = True

    def _failed(self, batch: list[Task], exc: BaseException) -> None:
        if len(batch) > 1:
            self._retry.extend([task] for task in batch)
            return
        seq, doc_id, _ = batch[0]
        if seq not in self._alone:
            self._alone.add(seq)
            self._quarantine.append(batch)
            return
        self._output.put(seq, error_line(doc_id, f"dask task failed: {_message(exc)}"), False)
