"""Padded id tensors built with numpy equal Stanza's own."""

from __future__ import annotations

import random

import pytest
import torch

from quotes.parsing.speedups import padded_tensors
from quotes.parsing.speedups.padded_tensors import get_long_tensor


@pytest.mark.parametrize("seed", range(5))
def test_same_tensor_as_stanza_for_flat_and_nested_ids(seed: int) -> None:
    rng = random.Random(seed)
    words = [[rng.randint(2, 80) for _ in range(rng.randint(1, 12))] for _ in range(rng.randint(1, 50))]
    features = [[[rng.randint(0, 5) for _ in range(4)] for _ in range(rng.randint(1, 9))] for _ in range(7)]
    padded_tensors.install()
    stanza_version = padded_tensors._stanza_get_long_tensor[0]
    assert stanza_version is not get_long_tensor
    for ids in (words, features):
        for pad in (0, 3):
            expected = stanza_version(ids, len(ids) + 2, pad_id=pad)
            assert torch.equal(get_long_tensor(ids, len(ids) + 2, pad_id=pad), expected)


def test_empty_rows_stay_padding() -> None:
    assert get_long_tensor([[5, 6], []], 2).tolist() == [[5, 6], [0, 0]]
