"""Parse PolNeAR (or any brat gold folder) once and keep the parses, with their encoder vectors, on disk.

The learned attribution model trains on these (``python -m quotes.training attribution
--parses DIR``), and rule work re-runs the rules on them without Stanza. Each chunk of
documents is one pickle, so an interrupted run resumes where it stopped. Nothing here
goes into the repository: PolNeAR's texts are copyrighted.

    python scripts/parse_cache.py --split train --out ../cache/parses
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

from quotes.app.evaluation.brat import load_gold
from quotes.parsing.pipeline import Parser

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "polnear"
CHUNK = 40
"""Documents per pickle (a checkpoint every minute or so)."""
BATCH = 8
"""Documents per Stanza batch."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--split", required=True, help="train or dev (a folder under --root)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the pickles (SPLIT/NNNN.pkl)")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    corpus = load_gold(args.root / args.split, limit=args.limit)
    out = args.out / args.split
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    stanza = Parser()
    print(f"{len(corpus.documents)} documents, models loaded in {time.perf_counter() - started:.1f} s", flush=True)
    documents = corpus.documents
    for first in range(0, len(documents), CHUNK):
        path = out / f"{first // CHUNK:04d}.pkl"
        if path.exists():
            continue
        chunk = documents[first:first + CHUNK]
        parses = []
        for i in range(0, len(chunk), BATCH):
            batch = chunk[i:i + BATCH]
            parses += list(zip((d.name for d in batch), stanza.parse_many([d.text for d in batch])))
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(parses, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.rename(path)
        done = first + len(chunk)
        print(f"{done}/{len(documents)} documents, {time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
