"""Run the tagger's and parser's character models once per distinct word in a batch.

Both models read every word through a character LSTM whose output depends on
the word's letters alone, not on its sentence. Stanza runs it on every
occurrence — ``the``, ``,`` and ``said`` hundreds of times per batch of news.
This runs Stanza's own character model on each distinct spelling once and
copies the vectors to every occurrence, so the vectors do not change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_stanza_forward: list[Callable[..., Any]] = []
"""``CharacterModel.forward`` as Stanza defines it."""


def forward(model: Any, chars: Any, chars_mask: Any, word_orig_idx: list[int], sentlens: list[int],
            wordlens: list[int]) -> Any:
    """``CharacterModel.forward``, computing each distinct row of ``chars`` (one word's letter ids) once."""
    import torch
    from stanza.models.common.utils import tensor_unsort
    from stanza.models.common.vocab import PAD_ID
    from torch.nn.utils.rnn import pack_sequence, pad_packed_sequence

    stanza_forward = _stanza_forward[0]
    if model.training:
        return stanza_forward(model, chars, chars_mask, word_orig_idx, sentlens, wordlens)
    spellings, occurrence = torch.unique(chars, dim=0, return_inverse=True)
    if len(spellings) == len(chars):
        return stanza_forward(model, chars, chars_mask, word_orig_idx, sentlens, wordlens)
    lengths = (spellings != PAD_ID).sum(1)
    order = torch.argsort(lengths, descending=True, stable=True)
    vectors = stanza_forward(model, spellings[order], None, list(range(len(order))), [len(order)],
                             lengths[order].tolist())
    vectors = vectors[0] if model.pad else vectors.data
    rank = torch.empty_like(order)
    rank[order] = torch.arange(len(order))
    rows = tensor_unsort(vectors[rank[occurrence]], word_orig_idx)
    out = pack_sequence(rows.split(sentlens))
    return pad_packed_sequence(out, batch_first=True)[0] if model.pad else out


def install() -> None:
    """Route Stanza's ``CharacterModel.forward`` through ``forward`` (idempotent)."""
    from stanza.models.common.char_model import CharacterModel

    if CharacterModel.forward is not forward:
        _stanza_forward[:] = [CharacterModel.forward]
        CharacterModel.forward = forward
