"""Development loop for the rules: parse a gold split once, cache the parses, re-score in seconds.

    python scripts/rule_errors.py ../shared/polnear/train --limit 60 [--errors 40] [--refresh]

Parses are cached (pickled ``ParsedDoc``) under build/parse-cache/<split>/, keyed by
document name and the bundled parser's file size and mtime, so changing a rule or the
lexicon only re-runs the rules. Use the train split to find failure classes; keep
dev for measuring.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

import attrs
from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.app.evaluation.brat import load_gold  # noqa: E402
from quotes.app.evaluation.scoring import evaluate, relations_from_article  # noqa: E402
from quotes.app.reporters.evaluation import print_mistakes, print_scores  # noqa: E402
from quotes.core.assemble import assemble  # noqa: E402
from quotes.core.attribution import Article  # noqa: E402
from quotes.core.lexicon import Lexicon  # noqa: E402
from quotes.parsing.pipeline import BUNDLED_DIR  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--limit", type=int, default=60, help="documents to use, spread evenly over the split")
    parser.add_argument("--offset", type=int, default=0, help="start the even spread this many documents in (another sample)")
    parser.add_argument("--errors", type=int, default=0, help="show this many mistakes")
    parser.add_argument("--refresh", action="store_true", help="re-parse even when cached")
    parser.add_argument("--cached-only", action="store_true", help="use every document already parsed, parse none")
    parser.add_argument("--kind", help="show only mistakes of this kind (missed, false alarm, wrong source)")
    args = parser.parse_args()
    corpus = load_gold(args.gold)
    stamp = (BUNDLED_DIR / "parser.pt").stat()
    cache = ROOT / "build" / "parse-cache" / args.gold.name / f"{stamp.st_size}-{int(stamp.st_mtime)}"
    cache.mkdir(parents=True, exist_ok=True)
    if args.cached_only:
        documents = tuple(d for d in corpus.documents if (cache / f"{d.name}.pickle").exists())
    else:
        step = max(1, len(corpus.documents) // args.limit)
        documents = tuple(corpus.documents[args.offset :: step][: args.limit])
    corpus = attrs.evolve(corpus, documents=documents)
    parser_obj = None
    lexicon = Lexicon.default()
    predictions = {}
    for doc in corpus.documents:
        path = cache / f"{doc.name}.pickle"
        if path.exists() and not args.refresh:
            parsed = pickle.loads(path.read_bytes())
        else:
            if parser_obj is None:
                from quotes.parsing.pipeline import Parser

                parser_obj = Parser()
            parsed = parser_obj.parse(doc.text)
            path.write_bytes(pickle.dumps(parsed))
        article = Article(doc.text, assemble(parsed, lexicon), doc.name)
        predictions[doc.name] = relations_from_article(article)
    result = evaluate(corpus.documents, predictions)
    console = Console()
    print_scores(console, result.scores, title=f"{args.gold} ({len(corpus.documents)} documents)")
    kinds = Counter(m.kind.value for m in result.mistakes)
    console.print("mistakes:", dict(kinds))
    if args.errors:
        mistakes = [m for m in result.mistakes if not args.kind or m.kind.value == args.kind]
        print_mistakes(console, mistakes[: args.errors])


if __name__ == "__main__":
    main()
