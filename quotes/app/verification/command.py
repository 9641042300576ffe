"""``quotes verify ARTICLE SOURCE...``: check an article's quotes against what was actually said."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from quotes.app import options
from quotes.app.inputs import read_text_file
from quotes.app.options import fail
from quotes.app.verification.matching import NOT_FOUND_BELOW, verify_article
from quotes.app.verification.report import FORMATS, write_report
from quotes.app.verification.sources import Source, load_source
from quotes.core.attribution import Article
from quotes.errors import QuotesError

_EPILOG = (
    "Each passage between quotation marks gets a verdict, the quoted words of a mixed quote included: "
    "verbatim (same words), minor (punctuation, case, contractions, or an ellipsis dropping nothing "
    "meaning-bearing), altered (words changed, added or dropped), not_found (nothing close enough; a one- or "
    "two-word passage must occur as it is, in the speaker's turns). The words outside quotation marks get "
    "paraphrase (best source sentence and a similarity). Exit status 2 when a file cannot be read."
)


def build_parser() -> argparse.ArgumentParser:
    parser = options.ArgumentParser(
        prog="quotes verify",
        description="Find each quoted passage of ARTICLE in the SOURCE documents (transcripts, press releases, "
        "articles; text or HTML) and say whether it was quoted verbatim.",
        epilog=_EPILOG,
    )
    parser.add_argument("article", metavar="ARTICLE", help="the article to check (text or HTML)")
    parser.add_argument("sources", metavar="SOURCE", nargs="+", help="what the speakers actually said")
    options.add_format(parser, FORMATS)
    parser.add_argument(
        "--threshold", type=float, default=NOT_FOUND_BELOW, metavar="0-1",
        help=f"word similarity under which a passage is not found (default: {NOT_FOUND_BELOW})",
    )
    options.add_options(parser)
    parser.add_argument("--html", metavar="FILE", help="also save the article, its quotes and their verdicts "
                        "(altered ones with the word diff) as a standalone HTML page")
    return parser


def main(argv: list[str]) -> int:
    """Run ``quotes verify``; returns the exit status (2 when an input cannot be read)."""
    args = build_parser().parse_args(argv)
    try:
        settings = options.extractor_options(args)  # the lexicon files, sources and article, before the model loads
        sources = [load_source(path) for path in args.sources]
        text = read_text_file(args.article, args.max_chars)
        from quotes.extractor import Extractor  # loads Stanza: only once the inputs are known to be good

        article = Extractor(**settings).extract(text, document=args.article)
    except (QuotesError, OSError) as exc:
        return fail(_message(exc))
    try:
        return check(article, sources, output_format=args.format, threshold=args.threshold, out=sys.stdout,
                     html=Path(args.html) if args.html else None)
    except OSError as exc:
        return fail(_message(exc))


def check(
    article: Article, sources: list[Source], *, output_format: str = "table",
    threshold: float = NOT_FOUND_BELOW, out: TextIO, html: Path | None = None,
) -> int:
    """Verify an already extracted article and write the report (and the HTML page); the command minus the model."""
    verifications = verify_article(article, sources, threshold=threshold)
    write_report(verifications, output_format, out)
    if html is not None:
        from quotes.app.reporters.html import verdicts_from_verifications, write_page

        write_page(html, article, verdicts=verdicts_from_verifications(article, verifications))
    return 0


def _message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)

