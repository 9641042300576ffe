"""Name the tagger's predicted feature bundles from a memo instead of rebuilding each string.

The tagger predicts morphological features as one id per feature (Mood, Tense,
Number, …) and Stanza's ``CompositeVocab`` turns each word's ids back into a
``Mood=Ind|Tense=Past`` string with a Python loop over every feature: 7 % of the
whole pipeline's time on EWT text, for a few hundred distinct bundles. The
memo maps each id tuple to the string Stanza builds for it, so the tags do not
change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

MEMO_LIMIT = 100_000
"""Distinct id tuples kept per vocabulary; an unusual model could see many, so the memo stops growing there."""


_stanza_id2unit: list[Callable[[Any, Any], Any]] = []
"""``CompositeVocab.id2unit`` as Stanza defines it."""


def id2unit(vocab: Any, ids: Any) -> Any:
    """``CompositeVocab.id2unit``, answering each distinct id tuple once per vocabulary."""
    stanza_id2unit = _stanza_id2unit[0]
    if not isinstance(ids, Iterable):
        return stanza_id2unit(vocab, ids)
    key = tuple(ids)
    memo = vocab.__dict__.setdefault("_quotes_names", {})
    name = memo.get(key)
    if name is None:
        name = stanza_id2unit(vocab, ids)
        if isinstance(name, str) and len(memo) < MEMO_LIMIT:
            memo[key] = name
    return name


def install() -> None:
    """Route ``CompositeVocab.id2unit`` through the memo (idempotent)."""
    from stanza.models.common.vocab import CompositeVocab

    if CompositeVocab.id2unit is not id2unit:
        _stanza_id2unit[:] = [CompositeVocab.id2unit]
        CompositeVocab.id2unit = id2unit
