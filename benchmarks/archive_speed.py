"""Issue 19's figures: batched CLI against one-at-a-time library calls, Dask 2 workers against 1, total RSS.

A benchmark, not a test: timings only mean something on an otherwise idle machine,
and each ratio is against a baseline measured in the same run.

    python benchmarks/archive_speed.py [DIR] [--limit 24] [--runs cli,library,jobs2,dask1,dask2] [--device cpu]

Every run is a fresh process (or process tree), timed from start to exit, so model
loading counts in "wall"; "steady" leaves it out: the documents written after the
first output line, over the time from that line to the last. "peak RSS" is the
largest sum of resident memory over the whole process tree (driver, workers,
Dask's nannies), sampled every ``SAMPLE_SECONDS``; "PSS" the same for proportional
set size, which counts a page shared by N processes (torch's libraries) 1/N times
in each, so it sums to the memory the tree really holds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import attrs
import psutil

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "polnear" / "dev" / "text"
SAMPLE_SECONDS = 0.1
"""How often the process tree's memory and the output's length are read."""
TARGETS = {("cli", "library"): 1.3, ("dask2", "dask1"): 1.8}
"""The issue's speed targets: (run, baseline) → least ratio of steady rates."""
ROOT = Path(__file__).resolve().parents[1]

LIBRARY_LOOP = """
import json, sys
from pathlib import Path
from quotes.extractor import Extractor
extractor = Extractor(device=sys.argv[3])
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for path in sorted(Path(sys.argv[1]).glob("*.txt")):
        article = extractor.extract(path.read_text(encoding="utf-8"), document=str(path))
        out.write(json.dumps(article.to_dict()) + "\\n")
        out.flush()
"""
"""The baseline: the library called one article at a time, as a script that does not know about batches would."""


@attrs.frozen
class Measured:
    """What one run did."""

    name: str
    documents: int
    wall: float
    steady: float
    peak_rss_mib: float
    peak_pss_mib: float
    processes: int


def measure(name: str, command: list[str], output: Path) -> Measured:
    """Run ``command`` to completion, sampling the memory of its process tree and the lines of ``output``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    start = time.monotonic()
    process = psutil.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = peak_pss = 0
    most = 1
    first: tuple[float, int] | None = None
    last: tuple[float, int] = (start, 0)
    while process.poll() is None:
        tree = [process, *_children(process)]
        memory = [_memory(p) for p in tree]
        peak = max(peak, sum(rss for rss, _ in memory))
        peak_pss = max(peak_pss, sum(pss for _, pss in memory))
        most = max(most, len(tree))
        lines = _lines(output)
        if lines and first is None:
            first = (time.monotonic(), lines)
        if lines > last[1]:
            last = (time.monotonic(), lines)
        time.sleep(SAMPLE_SECONDS)
    wall = time.monotonic() - start
    if process.returncode not in (0, 1):
        raise SystemExit(f"{name} failed ({process.returncode}): {process.stderr.read().decode()[-2000:]}")
    lines = _lines(output)
    if lines > last[1]:
        last = (time.monotonic(), lines)
    steady = (last[1] - first[1]) / (last[0] - first[0]) if first and last[0] > first[0] else float("nan")
    return Measured(name, lines, wall, steady, peak / 2**20, peak_pss / 2**20, most)


def _children(process: psutil.Process) -> list[psutil.Process]:
    try:
        return process.children(recursive=True)
    except psutil.Error:
        return []


def _memory(process: psutil.Process) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes; zeros once it is gone."""
    try:
        info = process.memory_full_info()
    except psutil.Error:
        return 0, 0
    return info.rss, getattr(info, "pss", 0)


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def commands(folder: Path, work: Path, device: str) -> dict[str, tuple[list[str], Path]]:
    """Each run's command line and the file it writes."""
    quotes = [sys.executable, "-m", "quotes", str(folder), "--device", device]
    runs = {
        "library": ([sys.executable, "-c", LIBRARY_LOOP, str(folder), str(work / "library.jsonl"), device],
                    work / "library.jsonl"),
        "cli": ([*quotes, "--output", str(work / "cli.jsonl")], work / "cli.jsonl"),
        "jobs2": ([*quotes, "--jobs", "2", "--output", str(work / "jobs2.jsonl")], work / "jobs2.jsonl"),
    }
    for jobs in (1, 2):
        out = work / f"dask{jobs}.jsonl"
        runs[f"dask{jobs}"] = ([*quotes, "--engine", "dask", "--jobs", str(jobs), "--output", str(out)], out)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIR), help="a directory of .txt articles")
    parser.add_argument("--limit", type=int, default=24, help="articles to use, the first by name (default 24)")
    parser.add_argument("--runs", default="library,cli,jobs2,dask1,dask2", help="which runs, in this order")
    parser.add_argument("--device", default="cpu", choices=["auto", "cpu", "cuda"], help="passed to every run")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        folder = work / "articles"
        folder.mkdir()
        for path in sorted(Path(args.directory).glob("*.txt"))[: args.limit]:
            shutil.copy(path, folder / path.name)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
        print(f"{len(list(folder.glob('*.txt')))} articles ({words:,} words) from {args.directory}, "
              f"device {args.device}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
        runs = commands(folder, work, args.device)
        results: dict[str, Measured] = {}
        for name in args.runs.split(","):
            command, output = runs[name]
            results[name] = measured = measure(name, command, output)
            print(f"{name:8} {measured.documents} docs  wall {measured.wall:6.1f} s  "
                  f"steady {measured.steady:5.2f} articles/s  overall {measured.documents / measured.wall:5.2f}  "
                  f"peak RSS {measured.peak_rss_mib:6.0f} MiB, PSS {measured.peak_pss_mib:6.0f} MiB "
                  f"over {measured.processes} processes", flush=True)
        _compare(results, work)


def _compare(results: dict[str, Measured], work: Path) -> None:
    for (run, base), target in TARGETS.items():
        if run in results and base in results:
            steady = results[run].steady / results[base].steady
            wall = results[base].wall / results[run].wall
            print(f"{run} / {base}: {steady:.2f}x steady, {wall:.2f}x wall (target {target}x steady: "
                  f"{'met' if steady >= target else 'NOT met'})")
    if "jobs2" in results and "cli" in results:
        two, one = results["jobs2"], results["cli"]
        print(f"RSS jobs2 / (2 x one process): {two.peak_rss_mib:.0f} / {2 * one.peak_rss_mib:.0f} MiB = "
              f"{two.peak_rss_mib / (2 * one.peak_rss_mib):.2f}; PSS {two.peak_pss_mib:.0f} / "
              f"{2 * one.peak_pss_mib:.0f} MiB = {two.peak_pss_mib / (2 * one.peak_pss_mib):.2f}")
    outputs = {name: _records(work / f"{name}.jsonl") for name in results}
    reference = outputs.get("cli")
    if reference is not None:
        for name, records in outputs.items():
            same = records == reference
            print(f"{name} output {'identical to' if same else 'DIFFERS from'} cli's (by document, attributions)")


def _records(path: Path) -> dict[str, object]:
    records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {record["document"]: record["attributions"] for record in records}


if __name__ == "__main__":
    main()
