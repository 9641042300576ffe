"""Pair predicted spans into attributions: each content with its cue, each cue with its source.

Two small logistic models score every (cue, content) and (cue, source) pair
within a few sentences of each other from where the two stand in the text and in
the tree, and whether the rules linked them. Each content goes to its best cue,
each cue with content takes its best source. The weights are learned from
PolNeAR train's gold pairs (``python -m quotes.training attribution``).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import numpy as np

from quotes.core.learned.decoding import Run
from quotes.core.parsed import ParsedDoc, Word

MAX_SENTENCES = 3
"""Sentences between a cue and a span it may take: PolNeAR's contents run on after their cue, rarely further."""

CONTENT_FEATURES = 27
SOURCE_FEATURES = 25


@attrs.frozen
class Linked:
    """One attribution as runs: a cue, its contents (in text order) and its source, if any."""

    cue: Run
    contents: tuple[Run, ...]
    source: Run | None


@attrs.frozen
class Linker:
    """The two pair models' weights and the probability a link needs."""

    content_weights: tuple[float, ...]
    source_weights: tuple[float, ...]
    content_threshold: float = 0.5
    source_threshold: float = 0.5

    def link(self, doc: ParsedDoc, found: Sequence[Run], rule_pairs: frozenset[tuple[str, int, int]]) -> list[Linked]:
        """Attributions made of the runs ``found``; ``rule_pairs`` holds (role, cue word, other word) links the
        rules made, a feature."""
        context = _Context(doc)
        cues = [r for r in found if r.role == "cue"]
        contents = [r for r in found if r.role == "content"]
        sources = [r for r in found if r.role == "source"]
        taken: dict[int, list[Run]] = {}
        for content in contents:
            scored = [(float(_sigmoid(np.dot(self.content_weights, content_pair(context, cue, content, cues,
                                                                                   rule_pairs)))), i)
                      for i, cue in enumerate(cues) if context.near(cue, content)]
            if scored:
                p, best = max(scored)
                if p >= self.content_threshold:
                    taken.setdefault(best, []).append(content)
        out = []
        for i, cue in enumerate(cues):
            if i not in taken:
                continue
            scored_sources = [(float(_sigmoid(np.dot(self.source_weights,
                                                     source_pair(context, cue, source, cues, rule_pairs)))), j)
                              for j, source in enumerate(sources) if context.near(cue, source)]
            source = None
            if scored_sources:
                p, best = max(scored_sources)
                if p >= self.source_threshold:
                    source = sources[best]
            out.append(Linked(cue, tuple(sorted(taken[i], key=lambda r: r.first)), source))
        return out

    def to_dict(self) -> dict[str, object]:
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Linker:
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})  # type: ignore[arg-type]


class _Context:
    """Word facts the pair features look up often, computed once per document."""

    def __init__(self, doc: ParsedDoc) -> None:
        self.words: list[Word] = doc.words
        self.doc = doc
        self.sentence_of = [w.sentence for w in self.words]
        self.first_of_sentence = [s.words[0].index for s in doc.sentences]

    def head(self, word: Word) -> Word | None:
        if word.head == 0:
            return None
        return self.words[self.first_of_sentence[word.sentence] + word.head - 1]

    def near(self, a: Run, b: Run) -> bool:
        return abs(self.sentence_of[a.first] - self.sentence_of[b.first]) <= MAX_SENTENCES

    def ancestors(self, word: Word) -> set[int]:
        return {w.index for w in self.doc.sentences[word.sentence].ancestors(word)}


def _sigmoid(x: float | np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(x, -30, 30))))


def _one_hot(size: int, at: int) -> list[float]:
    row = [0.0] * size
    row[max(0, min(size - 1, at))] = 1.0
    return row


def _gap_bucket(n: int) -> int:
    for i, limit in enumerate((0, 1, 3, 6, 10, 20, 40)):
        if n <= limit:
            return i
    return 7


def _between(cues: Sequence[Run], a: Run, b: Run) -> int:
    lo, hi = min(a.last, b.last), max(a.first, b.first)
    return sum(1 for c in cues if c is not a and c is not b and lo < c.first < hi)


def _common(context: _Context, cue: Run, other: Run) -> list[float]:
    """Features both pair models use: sentence gap, side, distance, cues between."""
    gap_sentences = context.sentence_of[other.first] - context.sentence_of[cue.first]
    if other.first > cue.last:
        side, gap = 0, other.first - cue.last - 1
    elif other.last < cue.first:
        side, gap = 1, cue.first - other.last - 1
    else:
        side, gap = 2, 0
    return [1.0, *_one_hot(5, gap_sentences + 2), *_one_hot(3, side), *_one_hot(8, _gap_bucket(gap))]


def _attachment(context: _Context, cue_ids: set[int], ids: range) -> tuple[list[Word | None], bool, bool]:
    """The heads of a span's words, whether one hangs on the cue, and whether the span lies below the cue."""
    words = context.words
    heads = [context.head(words[i]) for i in ids]
    attached = any(h is not None and h.index in cue_ids for h in heads)
    roots = [words[i] for i, h in zip(ids, heads) if h is None or h.index not in ids]
    below = any(cue_ids & context.ancestors(w) for w in roots)
    return heads, attached, below


def content_pair(context: _Context, cue: Run, content: Run, cues: Sequence[Run],
                 rule_pairs: frozenset[tuple[str, int, int]]) -> np.ndarray:
    """The ``CONTENT_FEATURES`` features of a (cue, content) pair."""
    words = context.words
    cue_ids = set(range(cue.first, cue.last + 1))
    content_ids = range(content.first, content.last + 1)
    _, attached, below = _attachment(context, cue_ids, content_ids)
    cue_heads = [context.head(words[i]) for i in cue_ids]
    inside = any(h is not None and content.first <= h.index <= content.last for h in cue_heads)
    between = _between(cues, cue, content)
    ruled = any(("content", c, o) in rule_pairs for c in cue_ids for o in (content.first, content.last))
    row = [*_common(context, cue, content), *_one_hot(3, between), float(attached), float(below), float(inside),
           float(ruled), float(len(content_ids) > 3),
           float(context.sentence_of[content.first] != context.sentence_of[content.last]),
           float(ruled and attached)]
    assert len(row) == CONTENT_FEATURES, len(row)
    return np.asarray(row)


def source_pair(context: _Context, cue: Run, source: Run, cues: Sequence[Run],
                rule_pairs: frozenset[tuple[str, int, int]]) -> np.ndarray:
    """The ``SOURCE_FEATURES`` features of a (cue, source) pair."""
    words = context.words
    cue_ids = set(range(cue.first, cue.last + 1))
    source_ids = range(source.first, source.last + 1)
    heads, attached, below = _attachment(context, cue_ids, source_ids)
    subject = any(h is not None and h.index in cue_ids and words[i].rel in ("nsubj", "csubj")
                  for i, h in zip(source_ids, heads))
    ruled = any(("source", c, o) in rule_pairs for c in cue_ids for o in source_ids)
    row = [*_common(context, cue, source), *_one_hot(3, _between(cues, cue, source)), float(subject),
           float(attached), float(below), float(ruled), float(ruled and subject)]
    assert len(row) == SOURCE_FEATURES, len(row)
    return np.asarray(row)


def fit_logistic(rows: np.ndarray, labels: np.ndarray, l2: float = 1e-3, steps: int = 300) -> np.ndarray:
    """Logistic-regression weights by Newton's method (few features, so each step is exact and cheap)."""
    weights = np.zeros(rows.shape[1])
    for _ in range(steps):
        p = _sigmoid(rows @ weights)
        gradient = rows.T @ (p - labels) / len(rows) + l2 * weights
        hessian = (rows.T * (p * (1 - p))) @ rows / len(rows) + l2 * np.eye(rows.shape[1])
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-6:
            break
    return weights
