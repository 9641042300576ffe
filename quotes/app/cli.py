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
    parser.add_argument("--html", metavar="FILE|DIR",
                        help="save the report as a standalone HTML page: the article and its quotes, linked and "
                             "filterable (with --verify: their verdicts); several documents or a DIR/ give one page "
                             "each and an index.html")
    parser.add_argument("--verify", metavar="SOURCE", action="append", default=[],
                        help="with --format sheet or --html: check each quoted passage against this source (repeatable)")
    parser.add_argument("--input-format", choices=["auto", "text", "jsonl", "parquet"], default="auto",
                        help="jsonl: read documents as JSON lines with 'id' and 'text' fields; parquet: read the "
                             "'id' and 'text' columns of .parquet files (a directory of them is a dataset)")
    parser.add_argument("--output", metavar="FILE", help="write JSONL to FILE (one line per document, flushed as it "
                        "finishes); a FILE ending in .parquet gets Parquet, written when the run ends")
    parser.add_argument("--resume", action="store_true", help="with --output: skip documents already in FILE")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="parallel worker processes (corpus mode)")
    parser.add_argument("--max-seconds-per-doc", type=float, default=None, metavar="S",
                        help="give up on a document after S seconds (it gets an error line)")
    options.add_options(parser)
    _archive_options(parser)
    return parser


def _archive_options(parser: argparse.ArgumentParser) -> None:
    """Options for large runs: where the work runs (Dask) and on which device."""
    group = parser.add_argument_group("archives")
    group.add_argument("--engine", choices=["processes", "dask"], default="processes",
                       help="processes: --jobs worker processes on this machine (default); dask: a Dask cluster")
    group.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: the scheduler of an existing cluster whose workers have quotes "
                            "installed (default: a local cluster of --jobs worker processes)")
    group.add_argument("--device", choices=["auto", "cpu", "cuda"], default="cpu",
                       help="where the models run; auto: a CUDA GPU when torch sees one (default: cpu)")
    group.add_argument("--batch-words", type=int, default=None, metavar="N",
                       help="words per parser batch (default: 6000); fewer hold less memory, a longer article "
                            "goes alone")


def run_extract(argv: list[str]) -> int:
    args = _extract_parser().parse_args(argv)
    from quotes.app.inputs import iter_documents

    settings = options.extractor_options(args)  # reads the lexicon files: a bad one fails before any work
    if args.resume and not args.output:
        return fail("--resume needs --output FILE (the JSONL file to resume)")
    if args.jobs < 1:
        return fail("--jobs must be at least 1")
    if args.batch_words is not None and args.batch_words < 1:
        return fail("--batch-words must be at least 1")
    if args.scheduler and args.engine != "dask":
        return fail("--scheduler needs --engine dask")
    if args.engine == "dask" and args.max_seconds_per_doc:
        return fail("--max-seconds-per-doc is not available with --engine dask")
    documents = iter_documents(args.inputs, input_format=args.input_format, max_chars=args.max_chars)
    streaming = (args.output or args.jobs > 1 or args.format == "jsonl" or args.max_seconds_per_doc
                 or args.engine == "dask")
    if streaming:
        if args.format not in ("table", "jsonl"):
            return fail(f"--format {args.format} cannot be streamed; corpus mode (--output/--jobs) writes jsonl")
        return _run_corpus(args, documents, settings)
    listed = list(documents)
    if args.html:
        from quotes.app.reporters.html import wants_directory

        wants_directory(args.html, len(listed))  # a page name for several documents fails before the model loads
    return _run_report(args, listed, settings)


def _run_corpus(args: argparse.Namespace, documents: Iterable[Document], settings: dict[str, Any]) -> int:
    from functools import partial

    from quotes.app import parquet
    from quotes.app.corpus import exit_status, load_done_ids, make_extractor, run_corpus
    from quotes.app.inputs import count_documents

    # One worker may use every core; several get a thread each, and share one model loaded before they fork
    # (forking after torch started its thread pool is not safe, and CUDA does not survive a fork).
    alone = args.engine == "processes" and args.jobs == 1
    factory = partial(make_extractor, **settings, device=args.device, threads=None if alone else 1)
    engine = None
    if args.engine == "dask":
        from quotes.app.engines import DaskEngine

        engine = DaskEngine(factory, scheduler=args.scheduler, jobs=args.jobs)
    done: set[str] = set()
    total = count_documents(args.inputs, input_format=args.input_format)
    target = Path(args.output) if args.output else None
    to_parquet = target is not None and parquet.is_parquet(target)
    if to_parquet:
        parquet.schema()  # no pyarrow: say so now, not after the run
    pages = None
    with contextlib.ExitStack() as stack:
        out = sys.stdout
        if target is not None:
            path = parquet.journal_path(target) if to_parquet else target  # Parquet goes through a JSONL journal
            if to_parquet and args.resume and target.exists() and not path.exists():
                parquet.seed_journal(target)
            if args.resume and path.exists():
                done = load_done_ids(path)
            out = stack.enter_context(path.open("a" if args.resume else "w", encoding="utf-8"))
        if args.html:
            from quotes.app.reporters.html import CorpusPages

            pages = CorpusPages(Path(args.html), resume=args.resume)
            documents, out = pages.follow(documents, out, skip=done)
        summary = run_corpus(documents, out=out, jobs=args.jobs, max_seconds_per_doc=args.max_seconds_per_doc,
                             extractor_factory=factory, done_ids=done, total=total, engine=engine,
                             share_model=args.device == "cpu" and not alone and hasattr(os, "fork"),
                             **({"batch_words": args.batch_words} if args.batch_words else {}))
    if to_parquet and target is not None:
        parquet.finish_journal(target)
    if pages is not None:
        pages.write_index()
    stderr().print(f"quotes: {summary.processed} documents processed, {summary.failed} failed, "
                   f"{summary.skipped} skipped (already done) in {summary.seconds:.1f} s", markup=False)
    return exit_status(summary)


def _run_report(args: argparse.Namespace, documents: list[Document], settings: dict[str, Any]) -> int:
    from quotes.app.corpus import extract_batch
    from quotes.app.inputs import looks_english
    from quotes.app.reporters import records, table
    from quotes.extractor import BATCH_WORDS, Extractor, count_words, word_batches

    failures = [(d.id, d.error or d.id) for d in documents if d.error]
    for _, message in failures:
        fail(message)  # already says which file or line
    good = [doc for doc in documents if not doc.error and doc.text is not None]
    if not good:
        return options.ERROR_STATUS
    for doc in good:
        if not looks_english(doc.text or ""):
            warn(f"{doc.id}: does not look like English; quotes reads English news, so attributions may be missing")
    extractor = Extractor(**settings, device=args.device)
    articles = []
    for batch in word_batches(good, lambda doc: count_words(doc.text or ""), args.batch_words or BATCH_WORDS):
        for doc, result in zip(batch, extract_batch(extractor, [d.id for d in batch], [d.text or "" for d in batch])):
            if isinstance(result, QuotesError):
                fail(f"{doc.id}: {result}")
                failures.append((doc.id, str(result)))
            elif isinstance(result, Exception):
                raise result
            else:
                articles.append(result)
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
        _save_html(articles, failures, args.html, args.verify)
    return 1 if failures else 0


def _save_html(articles, failures: list[tuple[str, str]], target: str,  # type: ignore[no-untyped-def]
               sources: list[str]) -> None:
    """One page for one document; a page per document and an index for several (or a directory)."""
    from quotes.app.reporters import html

    verifier = _verifier(sources)

    def verdicts(article):  # type: ignore[no-untyped-def]
        return html.verdicts_from_verifications(article, verifier.verify(article)) if verifier else None

    if not html.wants_directory(target, len(articles) + len(failures)):
        html.write_page(Path(target), articles[0], verdicts=verdicts(articles[0]))
        return
    pages = html.CorpusPages(Path(target))
    for article in articles:
        pages.add(article, verdicts=verdicts(article))
    for document, message in failures:
        pages.add_failure(document, message)
    pages.write_index()


def _verifier(sources: list[str]):  # type: ignore[no-untyped-def]
    """A verifier over the ``--verify`` sources, or None without any."""
    if not sources:
        return None
    from quotes.app.verification import load_source
    from quotes.app.verification.matching import Verifier

    return Verifier([load_source(Path(s)) for s in sources])


def _write_sheet(articles, sources: list[str], out) -> None:  # type: ignore[no-untyped-def]
    from quotes.app.claims import claim_rows, write_sheet

    verifier = _verifier(sources)
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
