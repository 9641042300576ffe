"""Well-formed tag sequences from the tagger's scores, and the spans they make.

The tagger scores each word alone; decoding keeps the best sequence in which
every ``I-x`` continues an ``x`` run (a constrained Viterbi search), so a span
never starts in its middle.
"""

from __future__ import annotations

import attrs
import numpy as np

from quotes.core.learned.features import ROLES, TAGS

_ALLOWED = np.ones((len(TAGS), len(TAGS)), dtype=bool)
"""``_ALLOWED[a, b]``: tag ``b`` may follow tag ``a``."""
for _b, _tag in enumerate(TAGS):
    if _tag.startswith("I-"):
        _ALLOWED[:, _b] = False
        _ALLOWED[TAGS.index("B-" + _tag[2:]), _b] = True
        _ALLOWED[_b, _b] = True
_START = np.array([not tag.startswith("I-") for tag in TAGS])
"""Tags a window may open with."""


@attrs.frozen
class Run:
    """A run of words with one role: a predicted source, cue or content span."""

    role: str
    """One of ``ROLES``."""
    first: int
    """Index (in the document) of its first word."""
    last: int
    """Index of its last word."""
    score: float = 1.0
    """The mean probability the tagger gave its tags."""


def viterbi(log_probs: np.ndarray) -> np.ndarray:
    """The best tag sequence (indices into ``TAGS``) under the BIO constraints, for ``(words, tags)`` scores."""
    n = len(log_probs)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    blocked = np.where(_ALLOWED, 0.0, -np.inf)
    score = np.where(_START, log_probs[0], -np.inf)
    back = np.zeros((n, len(TAGS)), dtype=np.int64)
    for i in range(1, n):
        total = score[:, None] + blocked
        back[i] = total.argmax(axis=0)
        score = total.max(axis=0) + log_probs[i]
    tags = np.zeros(n, dtype=np.int64)
    tags[-1] = int(score.argmax())
    for i in range(n - 1, 0, -1):
        tags[i - 1] = back[i, tags[i]]
    return tags


def runs(tags: np.ndarray, indices: np.ndarray, probs: np.ndarray | None = None) -> list[Run]:
    """The spans a tag sequence makes; ``indices`` maps positions to document word indices."""
    out: list[Run] = []
    start = None
    for i, tag in enumerate([*tags.tolist(), 0]):
        name = TAGS[tag]
        if start is not None and not (name.startswith("I-") and name[2:] == TAGS[tags[start]][2:]):
            role = TAGS[tags[start]][2:]
            score = float(probs[np.arange(start, i), tags[start:i]].mean()) if probs is not None else 1.0
            out.append(Run(role, int(indices[start]), int(indices[i - 1]), score))
            start = None
        if name.startswith("B-"):
            start = i
    assert all(run.role in ROLES for run in out)
    return out
