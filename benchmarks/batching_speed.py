"""The CLI's batched corpus mode against the library called one article at a time, in one process.

A benchmark, not a test. Both ways share one loaded extractor and alternate,
round after round, so that a machine whose load changes during the run (other
jobs on a shared machine) weighs on both alike; CPU time (``time.process_time``,
torch limited to one thread) is printed beside wall time because it hardly
depends on what else the machine runs.

    PYTHONPATH=. python benchmarks/batching_speed.py [DIR] [--limit 16] [--rounds 3]

"one at a time" is ``Extractor.extract`` in a loop; "batched" is ``run_corpus``
as ``quotes DIR --output F`` runs it (word-bounded batches, ordered JSONL lines).
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import time
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "polnear" / "dev" / "text"
TARGET = 1.3
"""Issue 19: the batched CLI at least 1.3× faster than one article at a time."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIR), help="a directory of .txt articles")
    parser.add_argument("--limit", type=int, default=16, help="articles, the first by name (default 16)")
    parser.add_argument("--rounds", type=int, default=3, help="alternations of the two ways (default 3)")
    args = parser.parse_args()

    import torch

    torch.set_num_threads(1)
    from quotes.app.corpus import run_corpus
    from quotes.app.inputs import iter_documents
    from quotes.extractor import BATCH_WORDS, Extractor

    documents = [doc for doc in iter_documents([args.directory]) if doc.text][: args.limit]
    words = sum(len(doc.text.split()) for doc in documents if doc.text)
    extractor = Extractor(threads=1)
    extractor.extract(documents[0].text or "")  # warm-up: first-call allocations count for neither

    def one_at_a_time() -> str:
        return "".join(json.dumps(extractor.extract(doc.text or "", document=doc.id).to_dict(), ensure_ascii=False)
                       + "\n" for doc in documents)

    def batched() -> str:
        out = io.StringIO()
        run_corpus(documents, out=out, extractor_factory=lambda: extractor, progress=False)
        return out.getvalue()

    print(f"{len(documents)} articles ({words:,} words), batches of up to {BATCH_WORDS:,} words, "
          f"{args.rounds} rounds, torch 1 thread")
    timings: dict[str, list[tuple[float, float]]] = {"one at a time": [], "batched": []}
    for round_ in range(args.rounds):
        for name, run in (("one at a time", one_at_a_time), ("batched", batched)):
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            timings[name].append((time.perf_counter() - wall, time.process_time() - cpu))
            wall_s, cpu_s = timings[name][-1]
            print(f"round {round_ + 1} {name:14} wall {wall_s:6.1f} s  cpu {cpu_s:6.1f} s", flush=True)
    for name, values in timings.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        print(f"{name:14} median: {len(documents) / wall:.2f} articles/s wall, {len(documents) / cpu:.2f} per CPU s")
    ratio_wall = statistics.median(a[0] / b[0] for a, b in zip(timings["one at a time"], timings["batched"]))
    ratio_cpu = statistics.median(a[1] / b[1] for a, b in zip(timings["one at a time"], timings["batched"]))
    print(f"batched / one at a time: {ratio_cpu:.2f}x by CPU time, {ratio_wall:.2f}x by wall time "
          f"(target {TARGET}x: {'met' if ratio_cpu >= TARGET else 'NOT met'} by CPU time)")


if __name__ == "__main__":
    main()
