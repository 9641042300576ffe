"""The library entry point: text in, ``Article`` out.

``Extractor`` loads Stanza once and is meant to be reused for many texts; the
module-level ``extract`` keeps one shared extractor for quick use.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from quotes.app.inputs import DEFAULT_MAX_CHARS, check_text
from quotes.core.assemble import assemble
from quotes.core.attribution import Article, Attribution
from quotes.core.learned.attributor import LearnedAttributor
from quotes.core.learned.linking import Linker
from quotes.core.lexicon import Lexicon
from quotes.core.parsed import ParsedDoc
from quotes.errors import QuotesError

if TYPE_CHECKING:
    from quotes.parsing.pipeline import Parser

BATCH_WORDS = 6_000
"""Words per Stanza call: about 8 news articles (PolNeAR averages 800 words), the batch that read 1.57 articles/s
against 1.0 one at a time (issue 19). Bounded by words, not articles, so one huge article goes alone instead of
joining seven others in memory."""

T = TypeVar("T")


def word_batches(items: Iterable[T], words_of: Callable[[T], int], max_words: int = BATCH_WORDS) -> Iterator[list[T]]:
    """Consecutive runs of ``items`` of at most ``max_words`` words, in order; an item over the bound goes alone."""
    batch: list[T] = []
    words = 0
    for item in items:
        size = words_of(item)
        if batch and words + size > max_words:
            yield batch
            batch, words = [], 0
        batch.append(item)
        words += size
    if batch:
        yield batch


def count_words(text: str) -> int:
    """Whitespace-separated words: cheap, and close enough to the parser's words to size a batch."""
    return len(text.split())

METHODS = ("learned", "rules")
"""How attributions are found: the model learned from PolNeAR on top of the parse, or the hand rules alone."""
DEFAULT_METHOD = "learned"
"""The method that scores best on PolNeAR dev (docs/evaluation.md)."""


class Extractor:
    """Finds attributions in news text; holds the Stanza pipeline, so create it once."""

    def __init__(self, *, resources_dir: str | os.PathLike[str] | None = None, lexicon: Lexicon | None = None,
                 threads: int | None = None, max_chars: int = DEFAULT_MAX_CHARS, device: str = "cpu",
                 method: str = DEFAULT_METHOD) -> None:
        """``device``: ``cpu`` (the default), ``cuda``, or ``auto`` for CUDA when torch sees a GPU; ``method``:
        ``learned`` (the default) or ``rules`` (see ``METHODS``)."""
        from quotes.parsing.pipeline import Parser

        if method not in METHODS:
            raise QuotesError(f"unknown method {method!r}; use one of: {', '.join(METHODS)}")
        self.lexicon = lexicon or Lexicon.default()
        self.max_chars = max_chars
        self.method = method
        self._parser = Parser(resources_dir, threads=threads, device=device)
        self._learned = _learned() if method == "learned" else None

    @property
    def device(self) -> str:
        """The device the models run on: ``cpu`` or ``cuda``."""
        return self._parser.device

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

    def rule_attributions(self, parsed: ParsedDoc) -> tuple[Attribution, ...]:
        """What the hand rules find in a parsed text (``--method rules``, and an input of the learned model)."""
        return assemble(parsed, self.lexicon)

    def extract_parsed(self, parsed: ParsedDoc, document: str | None = None) -> Article:
        """Attributions of an already parsed text (the part of extraction after Stanza)."""
        rules = self.rule_attributions(parsed)
        if self._learned is None:
            return Article(parsed.text, rules, document)
        return Article(parsed.text, self._learned.attribute(parsed, self.lexicon, rules), document)

    def extract(self, text: str, document: str | None = None) -> Article:
        """All attributions in ``text``."""
        return self.extract_parsed(self.parse(text), document)

    def extract_many(self, texts: Iterable[str], documents: Iterable[str | None] | None = None, *,
                     max_words: int = BATCH_WORDS) -> Iterator[Article]:
        """Attributions of many texts, in order, parsed in batches of at most ``max_words`` words.

        Faster than calling ``extract`` in a loop (fuller batches for Stanza's LSTMs). A text that fails
        its checks raises for the whole batch it is in; corpus mode falls back to one text at a time then.
        """
        names: Iterator[str | None] = iter(documents) if documents is not None else iter(())
        pairs = ((text, next(names, None)) for text in texts)
        for batch in word_batches(pairs, lambda pair: count_words(pair[0]), max_words):
            for parsed, (_, doc_id) in zip(self.parse_many([text for text, _ in batch]), batch):
                yield self.extract_parsed(parsed, doc_id)


def _learned() -> LearnedAttributor:
    """The bundled learned model, loaded once per extractor."""
    from quotes.parsing.attribution_tagger import load_bundled

    tagger, record = load_bundled()
    return LearnedAttributor(tagger, Linker.from_dict(record["linker"]), rule_features=record["rule_features"])


_shared: Extractor | None = None


def extract(text: str, document: str | None = None) -> Article:
    """All attributions in ``text``, with a shared ``Extractor`` built on first use (bundled models)."""
    global _shared
    if _shared is None:
        _shared = Extractor()
    return _shared.extract(text, document)
