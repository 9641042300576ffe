"""``python -m quotes.training.tune MODULE ARGS... --continue_from MODEL``: continue a parser on new data with its own vocabulary.

Stanza's ``--continue_from`` rebuilds the vocabulary from the training file,
so a parser continued on re-tagged data (new feature combinations) indexes
past its embedding tables. Here the data loaders get the saved model's
vocabulary instead; unseen values map to its unknown entry, as at parse time.
The encoder cache is installed as in :mod:`quotes.training.cached`.
"""

from __future__ import annotations

import sys
from typing import Any

import torch


def _saved_vocab(path: str) -> Any:
    from stanza.models.pos.vocab import MultiVocab

    checkpoint = torch.load(path, map_location="cpu", weights_only=True)
    return MultiVocab.load_state_dict(checkpoint["vocab"])


def _pin_vocab(saved: Any) -> None:
    import stanza.models.depparse.data as data

    class PinnedDataLoader(data.DataLoader):
        def __init__(self, doc: Any, batch_size: int, args: dict, pretrain: Any, vocab: Any = None, **kwargs: Any) -> None:
            super().__init__(doc, batch_size, args, pretrain, vocab if vocab is not None else saved, **kwargs)

    data.DataLoader = PinnedDataLoader


def main() -> None:
    argv = sys.argv[1:]
    if "--continue_from" not in argv:
        raise SystemExit("quotes.training.tune needs --continue_from MODEL")
    _pin_vocab(_saved_vocab(argv[argv.index("--continue_from") + 1]))
    from quotes.training import cached

    cached.main()


if __name__ == "__main__":
    main()
