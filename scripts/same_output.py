"""Check that a change leaves the rules' output byte-identical: run them on cached parses at two commits, compare.

The parses come from ``scripts/parse_cache.py`` (pickles of ``ParsedDoc``), so no
model runs: only the rules, the quotation marks and the speakers. Each commit's
code is checked out into a temporary git worktree and run in its own Python
process; each writes one JSON line per document (``Article.to_dict()``, keys
sorted), and the two files are compared byte for byte.

    python scripts/same_output.py --base 1d9fed6 ../cache/parses/dev ../cache/parses/train

``--head`` defaults to the working tree (uncommitted changes included).
Exit status 0 when every file is identical, 1 when one differs (the first
differing document is named), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def documents(folder: Path) -> Iterator[tuple[str, object]]:
    """(name, ParsedDoc) pairs of every complete chunk in ``folder``, in chunk order."""
    for chunk in sorted(folder.glob("*.pkl")):
        yield from pickle.loads(chunk.read_bytes())


def write_outputs(folders: list[Path], out: Path) -> None:
    """The rules' JSONL for every cached document (run with the code under test first on ``sys.path``)."""
    from quotes.core.assemble import assemble
    from quotes.core.attribution import Article
    from quotes.core.lexicon import Lexicon

    lexicon = Lexicon.default()
    with out.open("w", encoding="utf-8") as handle:
        for folder in folders:
            for name, parsed in documents(folder):
                article = Article(parsed.text, assemble(parsed, lexicon), f"{folder.name}/{name}")
                handle.write(json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")


def run_at(code: Path, folders: list[Path], out: Path) -> None:
    """Run ``write_outputs`` in a fresh interpreter that imports ``quotes`` from ``code``."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    subprocess.run([sys.executable, __file__, "--write", str(out), *map(str, folders)], env=env, check=True,
                   cwd=code)


def first_difference(old: Path, new: Path) -> str:
    with old.open(encoding="utf-8") as a, new.open(encoding="utf-8") as b:
        for number, (x, y) in enumerate(zip(a, b), 1):
            if x != y:
                return f"line {number}: {json.loads(x)['document']}"
    return "one file is longer"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of cached parses (NNNN.pkl)")
    parser.add_argument("--base", default="HEAD", help="the commit to compare against (default: HEAD)")
    parser.add_argument("--head", default=None, help="the commit under test (default: the working tree)")
    parser.add_argument("--keep", type=Path, help="keep the two JSONL files in this folder")
    parser.add_argument("--write", type=Path, help=argparse.SUPPRESS)  # the child process's job
    args = parser.parse_args()
    folders = [f.resolve() for f in args.folders]
    if args.write:
        write_outputs(folders, args.write)
        return 0
    missing = [str(f) for f in folders if not any(f.glob("*.pkl"))]
    if missing:
        print(f"same_output: no cached parses in {', '.join(missing)}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        outputs = []
        for label, commit in (("base", args.base), ("head", args.head)):
            code = ROOT
            if commit is not None:
                code = Path(tmp) / label
                subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(code), commit],
                               check=True)
            try:
                out = work / f"{label}.jsonl"
                run_at(code, folders, out)
                outputs.append(out)
            finally:
                if commit is not None:
                    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(code)], check=True)
        lines = sum(1 for _ in outputs[1].open(encoding="utf-8"))
        if filecmp.cmp(outputs[0], outputs[1], shallow=False):
            print(f"identical: {lines} documents ({args.base} vs {args.head or 'working tree'})")
            return 0
        print(f"DIFFERENT: {first_difference(*outputs)} ({args.base} vs {args.head or 'working tree'})")
        return 1


if __name__ == "__main__":
    sys.exit(main())
