"""The ``quotes`` command: a thin layer over the library.

``quotes extract FILE...`` (or just ``quotes FILE... | DIR | -``) extracts
attributions; ``parse``, ``models``, ``evaluate`` and ``verify`` are the other
subcommands (``COMMANDS``). A subcommand's name always means the subcommand, even
when a file has that name: ``quotes extract models`` or ``quotes ./models`` reads
the file. The options every command shares are declared once, in
``quotes.app.options``; every table is built in ``quotes.app.reporters``. Errors
are one ``quotes:`` line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from quotes.app import options
from quotes.app.options import fail, stderr, warn
from quotes.errors import QuotesError

if TYPE_CHECKING:
    from quotes.app.inputs import Document

FORMATS = ["table", "json", "jsonl", "csv", "sheet"]
"""The formats of ``quotes extract``."""


def _extract_parser() -> argparse.ArgumentParser:
    parser = options.ArgumentParser(
        prog="quotes",
        description="Who said what: find direct quotes, partial quotes and paraphrases in news articles and link "
                    "each to its speaker. quotes FILE... is quotes extract FILE...; the other commands: parse, models, "
                    "evaluate, verify (quotes COMMAND --help). A file named like a command is read with "
                    "quotes extract NAME or quotes ./NAME.",
    )
    parser.add_argument("inputs", nargs="+", metavar="FILE", help="article files, directories of .txt/.html, or - for stdin")
    options.add_format(parser, FORMATS)
    parser.add_argument("--show-text", action="store_true", help="also print the article with speakers, cues and contents highlighted")
    parser.add_argument("--html", metavar="FILE", help="save the report (table + highlighted article) as a standalone HTML page")
    parser.add_argument("--verify", metavar="SOURCE", action="append", default=[],
                        help="with --format sheet: check direct quotes against this source (repeatable)")
    parser.add_argument("--input-format", choices=["auto", "text", "jsonl"], default="auto",
                        help="jsonl: read documents as JSON lines with 'id' and 'text' fields")
    parser.add_argument("--output", metavar="FILE", help="write JSONL to FILE (one line per document, flushed as it finishes)")
    parser.add_argument("--resume", action="store_true", help="with --output: skip documents already in FILE")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="parallel worker processes (corpus mode)")
    parser.add_argument("--max-seconds-per-doc", type=float, default=None, metavar="S",
                        help="give up on a document after S seconds (it gets an error line)")
    options.add_options(parser)
    return parser


def run_extract(argv: list[str]) -> int:
    args = _extract_parser().parse_args(argv)
    from quotes.app.inputs import iter_documents

    settings = options.extractor_options(args)  # reads the lexicon files: a bad one fails before any work
    if args.resume and not args.output:
        return fail("--resume needs --output FILE (the JSONL file to resume)")
    if args.jobs < 1:
        return fail("--jobs must be at least 1")
    documents = iter_documents(args.inputs, input_format=args.input_format, max_chars=args.max_chars)
    streaming = args.output or args.jobs > 1 or args.format == "jsonl" or args.max_seconds_per_doc
    if streaming:
        if args.format not in ("table", "jsonl"):
            return fail(f"--format {args.format} cannot be streamed; corpus mode (--output/--jobs) writes jsonl")
        return _run_corpus(args, documents, settings)
    return _run_report(args, list(documents), settings)


def _run_corpus(args: argparse.Namespace, documents: Iterable[Document], settings: dict[str, Any]) -> int:
    from functools import partial

    from quotes.app.corpus import exit_status, load_done_ids, make_extractor, run_corpus
    from quotes.app.inputs import count_documents

    factory = partial(make_extractor, **settings)
    done: set[str] = set()
    total = count_documents(args.inputs, input_format=args.input_format)
    with contextlib.ExitStack() as stack:
        out = sys.stdout
        if args.output:
            path = Path(args.output)
            if args.resume and path.exists():
                done = load_done_ids(path)
            out = stack.enter_context(path.open("a" if args.resume else "w", encoding="utf-8"))
        summary = run_corpus(documents, out=out, jobs=args.jobs, max_seconds_per_doc=args.max_seconds_per_doc,
                             extractor_factory=factory, done_ids=done, total=total)
    stderr().print(f"quotes: {summary.processed} documents processed, {summary.failed} failed, "
                   f"{summary.skipped} skipped (already done) in {summary.seconds:.1f} s", markup=False)
    return exit_status(summary)


def _run_report(args: argparse.Namespace, documents: list[Document], settings: dict[str, Any]) -> int:
    from quotes.app.inputs import looks_english
    from quotes.app.reporters import records, table
    from quotes.extractor import Extractor

    failures = [d for d in documents if d.error]
    for doc in failures:
        fail(doc.error or doc.id)  # already says which file or line
    good = [(doc, doc.text) for doc in documents if not doc.error and doc.text is not None]
    if not good:
        return options.ERROR_STATUS
    for doc, text in good:
        if not looks_english(text):
            warn(f"{doc.id}: does not look like English; quotes reads English news, so attributions may be missing")
    extractor = Extractor(**settings)
    articles = []
    for doc, text in good:
        try:
            articles.append(extractor.extract(text, document=doc.id))
        except QuotesError as exc:
            fail(f"{doc.id}: {exc}")
            failures.append(doc)
    out = sys.stdout
    if args.format == "json":
        records.write_json(articles, out)
    elif args.format == "jsonl":
        records.write_jsonl(articles, out)
    elif args.format == "csv":
        records.write_csv(articles, out)
    elif args.format == "sheet":
        _write_sheet(articles, args.verify, out)
    else:
        console = Console()
        for article in articles:
            table.print_report(console, article, show_text=args.show_text)
    if args.html:
        _save_html(articles, Path(args.html))
    return 1 if failures else 0


def _save_html(articles, path: Path) -> None:  # type: ignore[no-untyped-def]
    """The report as a standalone page: table, by-speaker summary and the highlighted article, always."""
    from quotes.app.reporters import table

    with open(os.devnull, "w", encoding="utf-8") as sink:
        recorder = Console(record=True, file=sink, width=120)
        for article in articles:
            table.print_report(recorder, article, show_text=True)
    recorder.save_html(str(path))


def _write_sheet(articles, sources: list[str], out) -> None:  # type: ignore[no-untyped-def]
    from quotes.app.claims import claim_rows, write_sheet

    verifier = None
    if sources:
        from quotes.app.verification import load_source
        from quotes.app.verification.matching import Verifier

        verifier = Verifier([load_source(Path(s)) for s in sources])
    rows = []
    for article in articles:
        verifications = verifier.verify(article) if verifier else None
        for row in claim_rows(article, verifications):
            rows.append({"document": article.document or "", **row})
    write_sheet(rows, out)


def run_parse(argv: list[str]) -> int:
    parser = options.ArgumentParser(prog="quotes parse", description="Print the dependency parse quotes works on, "
                                    "to see why an attribution was or was not found.")
    parser.add_argument("file", help="text file, or - for stdin")
    options.add_format(parser, ["conllu", "table"], default="conllu")
    options.add_options(parser, options.PARSER_OPTIONS)
    args = parser.parse_args(argv)
    from quotes.app.inputs import iter_documents
    from quotes.core.conllu import to_conllu
    from quotes.parsing.pipeline import Parser

    doc = next(iter_documents([args.file], input_format="text", max_chars=args.max_chars))
    if doc.error or doc.text is None:
        return fail(f"{doc.id}: {doc.error}")
    parsed = Parser(args.stanza_resources).parse(doc.text)
    if args.format == "conllu":
        sys.stdout.write(to_conllu(parsed))
        return 0
    from quotes.app.reporters.parse import sentence_tables

    console = Console()
    for tbl in sentence_tables(parsed):
        console.print(tbl)
    return 0


def run_models(argv: list[str]) -> int:
    parser = options.ArgumentParser(prog="quotes models", description="List the bundled Stanza model files, "
                                    "what they were trained on and their scores.")
    options.add_format(parser, ["table", "json"])
    args = parser.parse_args(argv)
    from quotes.app.reporters.models import models_info, print_models
    from quotes.parsing.pipeline import BUNDLED_DIR, bundled_files, bundled_manifest

    info = models_info(BUNDLED_DIR, bundled_files(), bundled_manifest())
    if args.format == "json":
        print(json.dumps(info, indent=2, ensure_ascii=False))
        return 0
    print_models(Console(), info)
    return 0


def run_evaluate(argv: list[str]) -> int:
    from quotes.app.evaluation.command import main as evaluate_main

    return evaluate_main(argv)


def run_verify(argv: list[str]) -> int:
    from quotes.app.verification.command import main as verify_main

    return verify_main(argv)


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "extract": run_extract, "parse": run_parse, "models": run_models, "evaluate": run_evaluate, "verify": run_verify,
}
"""Every subcommand; a first argument that names none of them is a file for ``extract``."""
SUBCOMMANDS = COMMANDS


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    command = COMMANDS.get(argv[0]) if argv else None
    try:
        if command is not None:
            return command(argv[1:])
        return run_extract(argv)
    except QuotesError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"{exc.filename or ''}: {exc.strerror or exc}" if exc.filename else str(exc))
    except KeyboardInterrupt:
        return fail("interrupted")
    except BrokenPipeError:
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
