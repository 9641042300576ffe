"""A thin, project-owned parsed document: words with offsets, tags and heads.

Everything after parsing works on these classes, never on Stanza objects, so the
rules can be unit-tested on hand-written CoNLL-U without loading a model.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs


@attrs.frozen
class Word:
    """One syntactic word (a multi-word token like "didn't" gives two words sharing offsets)."""

    index: int
    """Position in the document (from 0), across sentences."""
    sentence: int
    """Index of the sentence it belongs to."""
    id: int
    """CoNLL-U ID within its sentence (from 1)."""
    text: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    """CoNLL-U head ID within the sentence (0 = root)."""
    deprel: str
    start: int
    """Character offset of the word's token in the original text."""
    end: int
    ner: str = "O"
    """BIOES entity tag, when an NER model ran."""

    @property
    def rel(self) -> str:
        """The universal relation without its subtype ("nsubj:pass" → "nsubj")."""
        return self.deprel.split(":", 1)[0]


@attrs.frozen
class Sentence:
    """A sentence: its words and character extent."""

    index: int
    words: tuple[Word, ...]
    start: int
    end: int
    vectors: Any = attrs.field(default=None, eq=False, repr=False)
    """The encoder's vector for each word (a float16 ``numpy`` array, one row per word) as the tagger read it,
    or None for a hand-built parse; the learned attribution model reads them instead of encoding again."""

    def word(self, word_id: int) -> Word | None:
        """The word with CoNLL-U ID ``word_id`` (None for 0, the root)."""
        if 1 <= word_id <= len(self.words):
            return self.words[word_id - 1]
        return None

    def at(self, word_id: int) -> Word:
        """The word with CoNLL-U ID ``word_id``, which must be one of the sentence's (``word`` allows any)."""
        word = self.word(word_id)
        if word is None:
            raise IndexError(f"sentence {self.index} has no word {word_id}")
        return word

    def head_of(self, word: Word) -> Word | None:
        return self.word(word.head)

    def children(self, word: Word) -> list[Word]:
        return [w for w in self.words if w.head == word.id]

    def subtree(self, word: Word) -> list[Word]:
        """``word`` and all its descendants, in sentence order."""
        keep = {word.id}
        changed = True
        while changed:
            changed = False
            for w in self.words:
                if w.head in keep and w.id not in keep:
                    keep.add(w.id)
                    changed = True
        return [w for w in self.words if w.id in keep]

    def ancestors(self, word: Word) -> Iterator[Word]:
        """Heads of ``word`` up to the root (guarded against cycles)."""
        seen = {word.id}
        current = self.head_of(word)
        while current is not None and current.id not in seen:
            seen.add(current.id)
            yield current
            current = self.head_of(current)


@attrs.frozen
class ParsedDoc:
    """A parsed text: the original string and its sentences."""

    text: str
    sentences: tuple[Sentence, ...]

    @property
    def words(self) -> list[Word]:
        return [w for s in self.sentences for w in s.words]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains character ``offset`` (or the nearest one before it)."""
        best = None
        for sent in self.sentences:
            if sent.start <= offset:
                best = sent
            else:
                break
        return best
