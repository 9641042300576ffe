"""Measure how fast quotes reads articles, in-process, and where the time goes.

Usage: ``python benchmarks/throughput.py DIR [--limit N] [--batch N | --batch-words N]`` where DIR holds ``*.txt``
articles, or is a PolNeAR split (its ``text/*.txt`` are used). Prints the model load
time, articles/s, tokens/s, peak RSS, and how the extraction time splits between
Stanza (``Extractor.parse``), the hand rules and the learned model, all timed around the
same articles and parses in the same run. The cost of ``--method learned`` is printed as a
ratio against ``--method rules`` on those parses: the rules' time is a same-run baseline.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

WORD = re.compile(r"\w+")
"""Tokens for tokens/s: maximal word-character runs, counted on the texts (the same unit the scorer uses)."""


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    paths = _articles(args.directory)[: args.limit]
    if not paths:
        print(f"throughput: no .txt articles in {args.directory}", file=sys.stderr)
        return 2
    texts = [path.read_text(encoding="utf-8") for path in paths]

    started = time.perf_counter()
    # timed: importing torch and Stanza is part of starting up
    from quotes.extractor import BATCH_WORDS, Extractor, count_words, word_batches

    extractor = Extractor(method="learned")
    load_s = time.perf_counter() - started

    stanza_s = rules_s = learned_s = 0.0
    attributions = parser_words = 0
    if args.batch:
        indices = list(range(len(texts)))
        batches = [indices[start : start + args.batch] for start in range(0, len(texts), args.batch)]
    else:
        bound = args.batch_words or BATCH_WORDS
        batches = list(word_batches(range(len(texts)), lambda i: count_words(texts[i]), bound))
    for batch in batches:
        t0 = time.perf_counter()
        parses = extractor.parse_many([texts[i] for i in batch])
        t1 = time.perf_counter()
        for parsed in parses:
            extractor.rule_attributions(parsed)
        t2 = time.perf_counter()
        articles = [extractor.extract_parsed(p, document=paths[i].stem) for p, i in zip(parses, batch)]
        t3 = time.perf_counter()
        stanza_s += t1 - t0
        rules_s += t2 - t1
        learned_s += t3 - t2
        attributions += sum(len(article.attributions) for article in articles)
        parser_words += sum(len(sentence.words) for parsed in parses for sentence in parsed.sentences)

    total_s = stanza_s + learned_s
    rules_total_s = stanza_s + rules_s
    tokens = sum(len(WORD.findall(text)) for text in texts)
    # On Linux ru_maxrss is in kibibytes.
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles:          {len(texts)} from {args.directory} ({attributions} attributions found)")
    print(f"model load:        {load_s:.2f} s (imports and Extractor())")
    print(f"batch:             {len(texts) / len(batches):.1f} article(s) per Stanza call on average "
          f"({'--batch' if args.batch else f'{args.batch_words or BATCH_WORDS} words'})")
    print(f"extraction:        {total_s:.2f} s")
    print(f"articles/s:        {len(texts) / total_s:.2f}")
    print(f"tokens/s:          {tokens / total_s:.0f} ({tokens} \\w+ runs in the texts; parser words: {parser_words})")
    print(f"peak RSS:          {peak_mib:.0f} MiB")
    print(f"stanza (parse):    {stanza_s:.2f} s = {100 * stanza_s / total_s:.1f} %")
    print(f"rules + learned:   {learned_s:.2f} s = {100 * learned_s / total_s:.1f} % (--method learned, the rules "
          "included: they are its input)")
    print(f"rules alone:       {rules_s:.2f} s (--method rules)")
    print(f"time per article:  {1000 * total_s / len(texts):.0f} ms learned vs {1000 * rules_total_s / len(texts):.0f} ms"
          f" rules = {total_s / rules_total_s:.3f}× (same parses, same run)")
    return 0


def _articles(directory: Path) -> list[Path]:
    """PolNeAR splits keep their texts in ``text/``; any other directory holds them directly."""
    folder = directory / "text" if (directory / "text").is_dir() else directory
    return sorted(folder.glob("*.txt"))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Articles/s, tokens/s, peak RSS and the Stanza/rules time split.")
    parser.add_argument("directory", type=Path, metavar="DIR", help="directory of .txt articles or a PolNeAR split")
    parser.add_argument("--limit", type=int, metavar="N", help="read only the first N articles by name")
    parser.add_argument("--batch", type=int, metavar="N", help="articles per Stanza call; 1 = one at a time")
    parser.add_argument("--batch-words", type=int, metavar="N",
                        help="words per Stanza call, as Extractor.extract_many and the CLI do (default: BATCH_WORDS)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
