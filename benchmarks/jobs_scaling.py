"""Corpus-mode articles/s with 1 and 2 jobs on the real extractor (issue 5 target: 2 jobs ≥ 1.7×).

A benchmark, not a test: timings only mean something on an otherwise idle machine.

    python benchmarks/jobs_scaling.py [DIR] [--limit 40] [--jobs 1,2]

Two rates are printed per run. "steady" leaves out model loading: it counts the
documents finished after the first ``--warmup`` lines, over the time between that
line and the last. "overall" is every document over the whole wall time.
"""

from __future__ import annotations

import argparse
import functools
import io
import itertools
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quotes.app.corpus import make_extractor, run_corpus
from quotes.app.inputs import Document, iter_documents

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "polnear" / "dev" / "text"
TARGET = 1.7


class _TimedSink(io.StringIO):
    """An output that notes when each line arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def write(self, text: str) -> int:
        self.times.extend(time.monotonic() for _ in range(text.count("\n")))
        return super().write(text)


def measure(
    documents: list[Document], *, jobs: int, warmup: int, factory: Callable[[], Any]
) -> tuple[float, float, int]:
    """(steady articles/s, overall articles/s, failed documents) of one run."""
    sink = _TimedSink()
    summary = run_corpus(documents, out=sink, jobs=jobs, extractor_factory=factory, progress=False)
    times = sink.times
    steady = (len(times) - warmup) / (times[-1] - times[warmup - 1]) if len(times) > warmup else float("nan")
    return steady, summary.processed / summary.seconds, summary.failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIR), help="a directory of .txt articles")
    parser.add_argument("--limit", type=int, default=40, help="articles to use (default 40)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts to compare (default 1,2)")
    parser.add_argument("--warmup", type=int, default=2, help="first lines left out of the steady rate (default 2)")
    parser.add_argument("--resources-dir", default=None, help="passed on to Extractor")
    args = parser.parse_args()

    documents = list(itertools.islice(iter_documents([args.directory]), args.limit))
    factory = functools.partial(make_extractor, resources_dir=args.resources_dir)
    job_counts = [int(jobs) for jobs in args.jobs.split(",")]
    print(f"{len(documents)} articles from {args.directory}")
    rates: dict[int, float] = {}
    for jobs in job_counts:
        steady, overall, failed = measure(documents, jobs=jobs, warmup=args.warmup, factory=factory)
        rates[jobs] = steady
        print(f"jobs={jobs}: {steady:.3f} articles/s steady, {overall:.3f} articles/s overall, {failed} failed")
    base = rates[job_counts[0]]
    for jobs in job_counts[1:]:
        ratio = rates[jobs] / base
        target = jobs == 2 and job_counts[0] == 1
        note = f" (target {TARGET}x: {'met' if ratio >= TARGET else 'NOT met'})" if target else ""
        print(f"jobs={jobs} / jobs={job_counts[0]}: {ratio:.2f}x steady{note}")


if __name__ == "__main__":  # spawned workers import this file again
    main()
