"""What every subcommand shares: its options, declared once, its argument parser and its one error style.

``extract``, ``verify``, ``evaluate`` and ``parse`` read articles, so they take the
same options: ``EXTRACTION_OPTIONS`` (``parse`` only the parser's half), and one
``--format`` whose names mean the same thing in every command (``FORMATS``). An
option every such command should take is one more line in ``PARSER_OPTIONS`` or
``LEXICON_OPTIONS``; when it names an ``Extractor`` keyword (``extractor=``), it
reaches the extractor of every command with no other change.

Errors, from argparse or from the library, are one line on stderr, ``quotes:
MESSAGE``, and exit status 2 (``fail``).
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import attrs
from rich.console import Console
from rich.markup import escape

from quotes.app.inputs import DEFAULT_MAX_CHARS
from quotes.extractor import DEFAULT_METHOD, METHODS

if TYPE_CHECKING:
    from quotes.core.lexicon import Lexicon
    from quotes.extractor import Extractor

ERROR_STATUS = 2
"""The exit status of every error: unreadable input, a bad option, a model that does not load."""

FORMATS = {
    "table": "a Rich table",
    "json": "JSON",
    "jsonl": "one JSON line per document",
    "csv": "CSV",
    "sheet": "a claim sheet (CSV for spreadsheets)",
    "conllu": "CoNLL-U",
}
"""Every output format a command may offer, and what it is; each command picks its own subset."""


def stderr() -> Console:
    return Console(stderr=True, highlight=False)


def fail(message: str, *, console: Console | None = None) -> int:
    """Print one red "quotes:" line on stderr and return the error status.

    The message is shown as written: a "[html]" in it is text, not Rich markup.
    """
    (console or stderr()).print(f"[bold red]quotes:[/] {escape(message)}", markup=True, soft_wrap=True)
    return ERROR_STATUS


def warn(message: str, *, console: Console | None = None) -> None:
    """One yellow "quotes:" line on stderr: the run goes on."""
    (console or stderr()).print(f"[yellow]quotes:[/] {escape(message)}", markup=True, soft_wrap=True)


class ArgumentParser(argparse.ArgumentParser):
    """argparse in the CLI's error style: a usage error is one "quotes:" line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        fail(f"{message} (see '{self.prog} --help')")
        raise SystemExit(ERROR_STATUS)


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return number


@attrs.frozen
class Option:
    """One command-line option as argparse takes it, and the ``Extractor`` keyword it feeds, if any."""

    flag: str
    settings: Mapping[str, Any]
    extractor: str | None = None

    def add_to(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(self.flag, **self.settings)

    @property
    def dest(self) -> str:
        return self.flag.removeprefix("--").replace("-", "_")


def option(flag: str, *, extractor: str | None = None, **settings: Any) -> Option:
    return Option(flag, settings, extractor)


PARSER_OPTIONS = (
    option("--stanza-resources", extractor="resources_dir", metavar="DIR",  # the parser reads the variable
           help="use official Stanza models from this stanza_resources folder instead of the bundled ones "
                "(default: $QUOTES_STANZA_RESOURCES)"),
    option("--max-chars", extractor="max_chars", type=positive, default=DEFAULT_MAX_CHARS, metavar="N",
           help=f"refuse documents longer than N characters (default: {DEFAULT_MAX_CHARS:,})"),
)
"""Options of every command that parses text."""
LEXICON_OPTIONS = (
    option("--method", extractor="method", choices=METHODS, default=DEFAULT_METHOD,
           help="learned: the model trained on PolNeAR on top of the parse; rules: the hand rules alone "
                f"(default: {DEFAULT_METHOD})"),
    option("--cues", metavar="FILE", help="JSON lexicon whose lists replace the built-in lists"),
    option("--extra-cues", metavar="FILE", help="JSON lexicon whose words are added to the built-in lists"),
)
"""Options of every command that finds attributions (the lexicon: ``lexicon``)."""
EXTRACTION_OPTIONS = PARSER_OPTIONS + LEXICON_OPTIONS


def add_options(parser: argparse.ArgumentParser, options: Sequence[Option] = EXTRACTION_OPTIONS) -> None:
    for item in options:
        item.add_to(parser)


def add_format(parser: argparse.ArgumentParser, names: Sequence[str], default: str = "table") -> None:
    """``--format`` with the formats this command offers, named as in ``FORMATS``."""
    unknown = set(names) - set(FORMATS)
    assert not unknown, f"formats without a description in FORMATS: {unknown}"
    described = "; ".join(f"{name}: {FORMATS[name]}" for name in names)
    parser.add_argument("--format", choices=list(names), default=default,
                        help=f"output format (default: {default}) — {described}")


def lexicon(args: argparse.Namespace) -> Lexicon:
    """The built-in lexicon with the user's --cues lists swapped in, then the --extra-cues words added."""
    from quotes.core.lexicon import Lexicon

    result = Lexicon.default()
    if args.cues:
        result = result.replaced(args.cues)
    if args.extra_cues:
        result = result.extended(args.extra_cues)
    return result


def extractor_options(args: argparse.Namespace) -> dict[str, Any]:
    """The ``Extractor`` keywords the user's options give: every option with ``extractor=``, and the lexicon."""
    found = {item.extractor: getattr(args, item.dest) for item in EXTRACTION_OPTIONS
             if item.extractor is not None and hasattr(args, item.dest)}
    if hasattr(args, "cues"):
        found["lexicon"] = lexicon(args)
    return found


def extractor(args: argparse.Namespace) -> Extractor:
    """An ``Extractor`` built with the user's options (loads Stanza: call it once the inputs are known to be good)."""
    from quotes.extractor import Extractor

    return Extractor(**extractor_options(args))
