"""Name the tagger's predicted feature bundles from a memo instead of rebuilding each string.

The tagger predicts morphological features as one id per feature (Mood, Tense,
Number, …) and Stanza's ``CompositeVocab`` turns each word's ids back into a
``Mood=Ind|Tense=Past`` string with a Python loop over every feature: 7 % of the
whole pipeline's time on news text, for a few hundred distinct bundles. The
memo maps each id tuple to the string Stanza builds for it, so the tags do not
change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

MEMO_LIMIT = 100_000
"""Distinct id tuples kept per vocabulary; an unusual model could see many, so the memo stops growing there."""


def memoized(id2unit: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """``id2unit`` (a ``CompositeVocab`` method) answering each distinct id tuple once per vocabulary."""

    def names(vocab: Any, ids: Any) -> Any:
        if not isinstance(ids, Iterable):
            return id2unit(vocab, ids)
        key = tuple(ids)
        memo = vocab.__dict__.setdefault("_quotes_names", {})
        name = memo.get(key)
        if name is None:
            name = id2unit(vocab, ids)
            if isinstance(name, str) and len(memo) < MEMO_LIMIT:
                memo[key] = name
        return name

    names.memoized = True  # type: ignore[attr-defined]
    return names


def install() -> None:
    """Route ``CompositeVocab.id2unit`` through the memo (idempotent)."""
    from stanza.models.common.vocab import CompositeVocab

    if not getattr(CompositeVocab.id2unit, "memoized", False):
        CompositeVocab.id2unit = memoized(CompositeVocab.id2unit)
