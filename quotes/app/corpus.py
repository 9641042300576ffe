"""Corpus mode: many documents, one extractor per worker, one JSONL line per document.

Documents go to the extractor in batches bounded by words (``BATCH_WORDS``), which
Stanza reads faster than one article at a time. Lines are written in input order,
each flushed as soon as it and every line before it are done. The output file is
therefore always a clean prefix of the whole run: a killed run resumes by skipping
the ids already present (``load_done_ids``), and the same input gives
byte-identical output whatever the number of jobs and the size of the batches.
"""

from __future__ import annotations

import collections
import contextlib
import json
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import Any, Protocol, TextIO

import attrs

from quotes.app.inputs import Document
from quotes.errors import InputError, QuotesError
from quotes.extractor import BATCH_WORDS, count_words, word_batches

THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")
"""Set to 1 for workers: N workers × N threads on N cores only adds contention."""
_WINDOW_PER_JOB = 16
"""How far (in documents) workers may run ahead of a slow document whose line is still awaited."""
_MAX_BATCH_DOCS = _WINDOW_PER_JOB // 2
"""Documents per batch sent to a worker process: short documents still spread over every worker."""
_STOP_SECONDS = 2.0
"""How long a worker may take to exit when asked, before it is killed."""


class _Extracts(Protocol):
    def extract(self, text: str, document: str | None = None) -> Any: ...


Task = tuple[int, str, str]
"""A document to extract: (sequence number in the output, id, text)."""
Result = tuple[int, str, bool]
"""What became of a task: (sequence number, output line, whether it succeeded)."""


class Output(Protocol):
    """Where an engine delivers results: the ordered writer of ``run_corpus``."""

    @property
    def pending(self) -> int:
        """Documents handed out but not yet written: engines stop handing out more past a window."""

    def put(self, seq: int, line: str, ok: bool) -> None:
        """Deliver the line of the document numbered ``seq`` (written once every earlier line is)."""


class Engine(Protocol):
    """Runs batches of tasks somewhere (worker processes, a Dask cluster) and delivers every result."""

    def run(self, batches: Iterator[list[Task]], output: Output) -> None: ...


@attrs.frozen
class CorpusSummary:
    """What a corpus run did."""

    processed: int
    """Documents given an output line in this run, failures included."""
    failed: int
    """Of those, documents whose line carries an ``error``."""
    skipped: int
    """Documents left out because their id was already done (``--resume``)."""
    seconds: float
    """Wall time of the run."""

    @property
    def succeeded(self) -> int:
        return self.processed - self.failed

    def message(self) -> str:
        """A one-line summary for the end of a run."""
        rate = self.processed / self.seconds if self.seconds > 0 else 0.0
        skipped = f", {self.skipped} skipped (already done)" if self.skipped else ""
        return (
            f"{self.processed} documents: {self.succeeded} ok, {self.failed} failed{skipped}"
            f" in {self.seconds:.1f} s ({rate:.2f} documents/s)"
        )


def exit_status(summary: CorpusSummary) -> int:
    """The CLI exit status of a run: 0 when every document succeeded, 1 when some failed."""
    return 1 if summary.failed else 0


def make_extractor(*, threads: int | None = 1, **options: Any) -> _Extracts:
    """The real ``Extractor`` for one worker, torch limited to ``threads`` threads.

    One by default: N workers × N threads on N cores only adds contention; None keeps
    torch's default, for a run with a single worker. A top-level function, so
    ``functools.partial(make_extractor, resources_dir=..., ...)`` pickles for spawned workers.
    """
    from quotes.extractor import Extractor

    return Extractor(threads=threads, **options)


def run_corpus(
    documents: Iterable[Document],
    *,
    out: TextIO,
    jobs: int = 1,
    max_seconds_per_doc: float | None = None,
    extractor_factory: Callable[[], _Extracts] = make_extractor,
    done_ids: AbstractSet[str] = frozenset(),
    progress: bool | None = None,
    total: int | None = None,
    batch_words: int = BATCH_WORDS,
    engine: Engine | None = None,
    share_model: bool = False,
) -> CorpusSummary:
    """Extract every document not in ``done_ids`` and write one JSONL line for each to ``out``.

    A failing document (unreadable, extractor error, timeout, crashed worker) gets a
    line with an ``error`` field and the run goes on. The extractor is built only once
    a document needs it, once per worker. Documents are extracted in batches of at
    most ``batch_words`` words (a longer document goes alone). ``engine`` runs the
    batches elsewhere (``quotes.app.engines.DaskEngine``); ``jobs`` and
    ``max_seconds_per_doc`` are then the engine's business. ``share_model`` builds
    the extractor once in this process and forks the workers from it (CPU only:
    CUDA does not survive a fork), so that they share the model's memory instead of
    loading a copy each: with two workers the process tree's peak PSS went from 911
    to 539 MiB, same output (issue 19). ``progress=None`` shows a
    progress bar on stderr only when stderr is a terminal; ``total`` defaults to ``len(documents)``.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if max_seconds_per_doc is not None and max_seconds_per_doc <= 0:
        raise ValueError(f"max_seconds_per_doc must be positive, not {max_seconds_per_doc}")
    if batch_words < 1:
        raise ValueError(f"batch_words must be at least 1, not {batch_words}")
    if total is None and hasattr(documents, "__len__"):
        total = len(documents)  # type: ignore[arg-type]
    if progress is None:
        progress = sys.stderr.isatty()
    start = time.monotonic()
    with _progress_bar(progress, total) as bar:
        writer = _Writer(out, bar)
        tasks = _tasks(iter(documents), writer, done_ids)
        if engine is not None:
            engine.run(_batches(tasks, batch_words), writer)
        elif jobs == 1 and max_seconds_per_doc is None:
            _run_in_process(_batches(tasks, batch_words), writer, extractor_factory)
        else:
            _Pool(jobs, max_seconds_per_doc, extractor_factory, share=share_model).run(
                _batches(tasks, batch_words, _MAX_BATCH_DOCS), writer)
    return CorpusSummary(writer.processed, writer.failed, writer.skipped, time.monotonic() - start)


def load_done_ids(path: str | os.PathLike[str]) -> set[str]:
    """The document ids already in an output file, repairing a torn last line, for ``--resume``.

    A last line cut short by a kill is truncated away (its document is redone); a
    complete last line missing only its newline gets one. Any other line that is not
    a quotes output line raises ``InputError`` rather than touch a file that may not be ours.
    A missing file has no ids.
    """
    try:
        file = open(path, "rb+")  # noqa: SIM115 (closed by the with block below; opened here for its error)
    except FileNotFoundError:
        return set()
    ids: set[str] = set()
    with file:
        offset = 0
        for number, raw in enumerate(file, start=1):
            doc_id = _document_id(raw)
            if not raw.endswith(b"\n"):
                if doc_id is None:
                    file.truncate(offset)
                else:
                    ids.add(doc_id)
                    file.write(b"\n")
                break
            if doc_id is None and raw.strip():
                raise InputError(
                    f"{os.fspath(path)}:{number}: not a quotes output line; refusing to resume into this file"
                )
            if doc_id is not None:
                ids.add(doc_id)
            offset += len(raw)
    return ids


def document_line(doc_id: str, record: Mapping[str, Any]) -> str:
    """The output line of a processed document: ``record`` (``Article.to_dict()``) with ``document`` first."""
    return _dumps({"document": doc_id, **{key: value for key, value in record.items() if key != "document"}})


def error_line(doc_id: str, message: str) -> str:
    """The output line of a document that failed."""
    return _dumps({"document": doc_id, "error": _one_line(message), "attributions": []})


def _dumps(record: Mapping[str, Any]) -> str:
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate cannot be written raw; escaped, it is still valid JSON
        line = json.dumps(record)
    return line


def _one_line(message: object) -> str:
    return " ".join(str(message).split()) or "unknown error"


def _document_id(raw: bytes) -> str | None:
    """The ``document`` of a complete quotes output line, else None."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if isinstance(record, dict) and isinstance(document := record.get("document"), str) and "attributions" in record:
        return document
    return None


def extract_batch(extractor: _Extracts, ids: list[str], texts: list[str]) -> list[Any]:
    """The ``Article`` of each text, in order, or the exception it raised; never raises for a bad document.

    The texts go to ``extractor.extract_many`` together; when that fails, each is
    extracted alone, so only the documents at fault get an exception.
    """
    extract_many = getattr(extractor, "extract_many", None)
    if extract_many is not None and len(texts) > 1:
        try:
            return list(extract_many(texts, ids, max_words=sys.maxsize))
        except Exception:  # one bad document must not cost its batch: find it by extracting one at a time
            pass
    results: list[Any] = []
    for doc_id, text in zip(ids, texts):
        try:
            results.append(extractor.extract(text, document=doc_id))
        except Exception as exc:
            results.append(exc)
    return results


def process_batch(extractor: _Extracts, tasks: list[Task]) -> list[Result]:
    """The output line of each task and whether it succeeded; never raises for a bad document."""
    ids = [doc_id for _, doc_id, _ in tasks]
    articles = extract_batch(extractor, ids, [text for _, _, text in tasks])
    return [(seq, *_line(doc_id, article)) for (seq, doc_id, _), article in zip(tasks, articles)]


def _line(doc_id: str, result: Any) -> tuple[str, bool]:
    if isinstance(result, QuotesError):
        return error_line(doc_id, str(result)), False
    if isinstance(result, Exception):  # a parser or rule bug must cost one document, not the run
        return error_line(doc_id, f"internal error: {type(result).__name__}: {_one_line(result)}"), False
    return document_line(doc_id, result.to_dict()), True


def _tasks(documents: Iterator[Document], writer: _Writer, done_ids: AbstractSet[str]) -> Iterator[Task]:
    """The documents to extract, numbered; skipped and unreadable ones are dealt with on the way."""
    for doc in documents:
        if doc.id in done_ids:
            writer.skip()
        elif doc.text is None:
            writer.put(writer.reserve(), error_line(doc.id, doc.error or "unreadable"), False)
        else:
            yield writer.reserve(), doc.id, doc.text


def _batches(tasks: Iterator[Task], words: int, documents: int | None = None) -> Iterator[list[Task]]:
    """Tasks in batches of at most ``words`` words (and ``documents`` documents)."""
    if documents is None:
        yield from word_batches(tasks, lambda task: count_words(task[2]), words)
        return
    for batch in word_batches(tasks, lambda task: count_words(task[2]), words):
        for start in range(0, len(batch), documents):
            yield batch[start : start + documents]


class _Writer:
    """Writes lines in input order (by sequence number), flushing each, and counts them."""

    def __init__(self, out: TextIO, advance: Callable[[bool], None]) -> None:
        self._out = out
        self._advance = advance
        self._waiting: dict[int, tuple[str, bool]] = {}
        self._next_write = 0
        self._next_seq = 0
        self.processed = 0
        self.failed = 0
        self.skipped = 0

    @property
    def pending(self) -> int:
        """Lines reserved but not yet written."""
        return self._next_seq - self._next_write

    def reserve(self) -> int:
        """The sequence number of the next document to process."""
        self._next_seq += 1
        return self._next_seq - 1

    def put(self, seq: int, line: str, ok: bool) -> None:
        self._waiting[seq] = (line, ok)
        while self._next_write in self._waiting:
            line, ok = self._waiting.pop(self._next_write)
            self._out.write(line + "\n")
            self._out.flush()
            self._next_write += 1
            self.processed += 1
            self.failed += not ok
            self._advance(True)

    def skip(self) -> None:
        self.skipped += 1
        self._advance(False)


def _run_in_process(batches: Iterator[list[Task]], writer: _Writer, factory: Callable[[], _Extracts]) -> None:
    extractor: _Extracts | None = None
    for batch in batches:
        if extractor is None:
            extractor = factory()
        for seq, line, ok in process_batch(extractor, batch):
            writer.put(seq, line, ok)


def _worker_main(conn: multiprocessing.connection.Connection, factory: Callable[[], _Extracts]) -> None:
    """A worker: build the extractor once, then answer batches of tasks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        extractor = factory()
    except BaseException as exc:
        error = exc if isinstance(exc, QuotesError) else QuotesError(f"{type(exc).__name__}: {_one_line(exc)}")
        _send(conn, ("init-error", error))
        return
    if not _send(conn, ("ready",)):
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        if not _send(conn, ("done", process_batch(extractor, task))):
            return


def _send(conn: multiprocessing.connection.Connection, message: object) -> bool:
    try:
        conn.send(message)
    except (OSError, EOFError):
        return False
    return True


@contextlib.contextmanager
def _single_thread_env() -> Iterator[None]:
    """Set the thread variables while a worker starts: spawned children copy the environment."""
    saved = {name: os.environ.get(name) for name in THREAD_VARIABLES}
    os.environ.update({name: "1" for name in THREAD_VARIABLES})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class _Worker:
    """One worker process and the batch it is working on."""

    def __init__(self, context: Any, factory: Callable[[], _Extracts]) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, factory), daemon=True)
        with _single_thread_env():
            self.process.start()
        child.close()  # so the parent sees EOF when the worker dies
        self.ready = False
        self.task: list[Task] | None = None  # the batch in progress
        self.deadline: float | None = None

    @property
    def idle(self) -> bool:
        return self.ready and self.task is None

    def send(self, batch: list[Task], seconds: float | None) -> None:
        self.task = batch
        self.deadline = None if seconds is None else time.monotonic() + seconds * len(batch)
        self.conn.send(batch)

    def stop(self, *, wait: bool) -> None:
        if wait:
            _send(self.conn, None)  # asks the worker to exit
            self.process.join(_STOP_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class _Pool:
    """Worker processes fed batches, with a watchdog for slow documents.

    A batch that crashes its worker or runs past its time (``seconds`` per document)
    is sent again one document at a time, so that only the culprit gets the error.
    """

    def __init__(self, jobs: int, seconds: float | None, factory: Callable[[], _Extracts], *,
                 share: bool = False) -> None:
        self._jobs = jobs
        self._seconds = seconds
        self._factory = factory
        self._share = share
        self._context = multiprocessing.get_context("fork" if share else "spawn")
        self._workers: list[_Worker] = []
        self._retry: collections.deque[list[Task]] = collections.deque()

    def run(self, batches: Iterator[list[Task]], writer: _Writer) -> None:
        finished = False
        try:
            self._loop(batches, writer)
            finished = True
        finally:
            for worker in self._workers:
                worker.stop(wait=finished)

    def _loop(self, batches: Iterator[list[Task]], writer: _Writer) -> None:
        window = _WINDOW_PER_JOB * self._jobs
        waiting: list[Task] | None = None
        exhausted = False
        while True:
            while True:
                if waiting is None and self._retry:
                    waiting = self._retry.popleft()
                if waiting is None and not exhausted and writer.pending < window:
                    waiting = next(batches, None)
                    exhausted = waiting is None
                if waiting is None or (worker := self._idle_worker()) is None:
                    break
                worker.send(waiting, self._seconds)
                waiting = None
            if exhausted and waiting is None and not self._retry and not any(w.task for w in self._workers):
                return
            self._wait(writer)

    def _idle_worker(self) -> _Worker | None:
        if not self._workers:
            if self._share:  # load once here; forked workers share the model's pages until they write to them
                loaded = self._factory()
                self._factory = lambda: loaded
            self._workers = [_Worker(self._context, self._factory) for _ in range(self._jobs)]
        return next((worker for worker in self._workers if worker.idle), None)

    def _wait(self, writer: _Writer) -> None:
        """Block until a worker answers, dies or runs past its deadline, and handle that."""
        deadlines = [worker.deadline for worker in self._workers if worker.deadline is not None]
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        multiprocessing.connection.wait(
            [worker.conn for worker in self._workers] + [worker.process.sentinel for worker in self._workers], timeout
        )
        for index, worker in enumerate(self._workers):
            alive = self._receive(worker, writer)
            if not alive:
                worker.process.join(timeout=5)  # its pipe closes before the process is reaped
                code = worker.process.exitcode
                if not worker.ready:
                    raise QuotesError(f"a worker process died while loading the extractor (exit code {code})")
                self._replace(index, writer, f"worker process crashed (exit code {code})")
            elif worker.deadline is not None and time.monotonic() >= worker.deadline:
                self._replace(index, writer, f"timeout after {self._seconds:g} s")

    def _receive(self, worker: _Worker, writer: _Writer) -> bool:
        """Handle a worker's messages; False when it has died."""
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                if message[0] == "init-error":
                    raise message[1]
                if message[0] == "ready":
                    worker.ready = True
                else:
                    worker.task = worker.deadline = None
                    for seq, line, ok in message[1]:
                        writer.put(seq, line, ok)
        except (EOFError, OSError):
            return False
        if not worker.process.is_alive():
            worker.process.join()
            return False
        return True

    def _replace(self, index: int, writer: _Writer, message: str) -> None:
        """Kill a worker and start a fresh one; its batch is retried one document at a time, a single one fails."""
        worker = self._workers[index]
        worker.stop(wait=False)
        if worker.task is not None and len(worker.task) > 1:
            self._retry.extend([task] for task in worker.task)
        elif worker.task is not None:
            seq, doc_id, _ = worker.task[0]
            writer.put(seq, error_line(doc_id, message), False)
        self._workers[index] = _Worker(self._context, self._factory)


@contextlib.contextmanager
def _progress_bar(enabled: bool, total: int | None) -> Iterator[Callable[[bool], None]]:
    """A callable advancing a Rich progress bar on stderr (a line written: True; a skip: False)."""
    if not enabled:
        yield lambda written: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("articles", total=total, rate="")

        def advance(written: bool) -> None:
            current = bar.tasks[0]
            if not written:  # a skipped document is no work: shrink the total instead of counting it
                if current.total is not None:
                    bar.update(task, total=max(current.total - 1, current.completed))
                return
            bar.advance(task)
            speed = bar.tasks[0].speed
            bar.update(task, rate=f"{speed:.2f} articles/s" if speed else "")

        yield advance
