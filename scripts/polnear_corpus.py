"""Run all of ../shared/polnear (train and dev texts, 924 articles) through corpus mode.

Reports the robustness figures of issue 5: articles processed, errors (target 0),
wall time. Not part of the test suite: it loads the real models and takes a while.

    python scripts/polnear_corpus.py [--jobs 2] [--output FILE] [--resume] [--limit N]
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import sys
import tempfile
from pathlib import Path

from quotes.app.corpus import exit_status, load_done_ids, make_extractor, run_corpus
from quotes.app.inputs import count_documents, iter_documents

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "polnear"
SHOWN_ERRORS = 20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help=f"the PolNeAr folder (default {DEFAULT_ROOT})")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument(
        "--output",
        type=Path,
        default=Path(tempfile.gettempdir()) / "polnear_corpus.jsonl",
        help="JSONL output (default: polnear_corpus.jsonl in the temp folder)",
    )
    parser.add_argument("--resume", action="store_true", help="skip the articles already in --output")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--max-seconds-per-doc", type=float, default=300.0, help="per-article time limit (default 300)")
    parser.add_argument("--resources-dir", default=None, help="passed on to Extractor")
    args = parser.parse_args()

    sources = [str(args.root / split / "text") for split in ("train", "dev")]
    total = count_documents(sources)
    if args.limit is not None and total is not None:
        total = min(total, args.limit)
    documents = itertools.islice(iter_documents(sources), args.limit)
    done = load_done_ids(args.output) if args.resume else set()
    with args.output.open("a" if args.resume else "w", encoding="utf-8") as out:
        summary = run_corpus(
            documents,
            out=out,
            jobs=args.jobs,
            max_seconds_per_doc=args.max_seconds_per_doc,
            extractor_factory=functools.partial(make_extractor, resources_dir=args.resources_dir),
            done_ids=done,
            total=total,
        )

    records = [json.loads(line) for line in args.output.read_text(encoding="utf-8").split("\n") if line]
    errors = [record for record in records if "error" in record]
    attributions = sum(len(record["attributions"]) for record in records)
    print(summary.message(), file=sys.stderr)
    print(f"output: {args.output}")
    print(f"articles processed: {len(records)} (this run: {summary.processed}, skipped: {summary.skipped})")
    print(f"errors: {len(errors)}")
    for record in errors[:SHOWN_ERRORS]:
        print(f"  {record['document']}: {record['error']}")
    print(f"attributions found: {attributions}")
    print(f"wall time: {summary.seconds:.1f} s ({summary.processed / max(summary.seconds, 1e-9):.2f} articles/s)")
    return exit_status(summary)


if __name__ == "__main__":  # spawned workers import this file again
    sys.exit(main())
