"""The library entry point: text in, ``Article`` out.

``Extractor`` loads Stanza once and is meant to be reused for many texts; the
module-level ``extract`` keeps one shared extractor for quick use.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING

from quotes.app.inputs import DEFAULT_MAX_CHARS, check_text
from quotes.core.assemble import assemble
from quotes.core.attribution import Article
from quotes.core.lexicon import Lexicon
from quotes.core.parsed import ParsedDoc

if TYPE_CHECKING:
    from quotes.parsing.pipeline import Parser

BATCH_SIZE = 8


class Extractor:
    """Finds attributions in news text; holds the Stanza pipeline, so create it once."""

    def __init__(self, *, resources_dir: str | os.PathLike[str] | None = None, lexicon: Lexicon | None = None,
                 threads: int | None = None, max_chars: int = DEFAULT_MAX_CHARS) -> None:
        from quotes.parsing.pipeline import Parser

        self.lexicon = lexicon or Lexicon.default()
        self.max_chars = max_chars
        self._parser = Parser(resources_dir, threads=threads)

    @property
    def parser(self) -> Parser:
        """The parser this extractor reads text with (its ``stanza`` attribute is the Stanza pipeline)."""
        return self._parser

    def parse(self, text: str) -> ParsedDoc:
        """The dependency parse of ``text`` (the Stanza part of extraction)."""
        check_text(text, self.max_chars)
        return self._parser.parse(text)

    def parse_many(self, texts: Sequence[str]) -> list[ParsedDoc]:
        """The parses of several texts in one Stanza batch (fuller batches for the tokenizer's and models' LSTMs)."""
        for text in texts:
            check_text(text, self.max_chars)
        return self._parser.parse_many(texts)

    def extract_parsed(self, parsed: ParsedDoc, document: str | None = None) -> Article:
        """Attributions of an already parsed text (the rule part of extraction)."""
        return Article(parsed.text, assemble(parsed, self.lexicon), document)

    def extract(self, text: str, document: str | None = None) -> Article:
        """All attributions in ``text``."""
        return self.extract_parsed(self.parse(text), document)

    def extract_many(self, texts: Iterable[str], documents: Iterable[str | None] | None = None) -> Iterator[Article]:
        """Attributions of many texts, parsed in batches (faster than calling ``extract`` in a loop)."""
        names = iter(documents) if documents is not None else None
        source = iter(texts)
        while batch := list(islice(source, BATCH_SIZE)):
            ids: Sequence[str | None] = [next(names, None) for _ in batch] if names else [None] * len(batch)
            for parsed, doc_id in zip(self.parse_many(batch), ids):
                yield self.extract_parsed(parsed, doc_id)


_shared: Extractor | None = None


def extract(text: str, document: str | None = None) -> Article:
    """All attributions in ``text``, with a shared ``Extractor`` built on first use (bundled models)."""
    global _shared
    if _shared is None:
        _shared = Extractor()
    return _shared.extract(text, document)
