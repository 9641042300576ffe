"""The tree decoder: the greedy tree when it is a single-root tree, Stanza's search otherwise."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

from quotes.parsing import speedups
from quotes.parsing.speedups.tree_decoding import TreeDecoder, cycles, greedy_tree

NEG = -1e9


@pytest.fixture
def stanzas_own_search() -> Iterator[None]:
    """Stanza's own cycle search for the duration of a test. Once the speed-up is installed (any pipeline built
    earlier in the session installs it), ``chuliu_edmonds.tarjan`` is ``cycles``, and a comparison with "Stanza's"
    search would compare ``cycles`` with itself."""
    import stanza.models.common.chuliu_edmonds as search

    was_active = "tree_decoding" in speedups.active()
    speedups.uninstall("tree_decoding")
    assert search.tarjan is not cycles
    try:
        yield
    finally:
        if was_active:
            speedups.install(speedups.by_name("tree_decoding"))


def scores_for(heads: list[int], rest: float = -5.0) -> np.ndarray:
    """Arc scores where word i (1-based) prefers ``heads[i-1]``; row 0 is the root's own row."""
    n = len(heads) + 1
    scores = np.full((n, n), rest)
    np.fill_diagonal(scores, NEG)
    for word, head in enumerate(heads, start=1):
        scores[word, head] = 0.0
    return scores


def test_a_greedy_single_root_tree_is_returned_as_is() -> None:
    tree = greedy_tree(scores_for([2, 0, 2, 3]))
    assert tree is not None and tree.tolist() == [0, 2, 0, 2, 3]


def test_two_words_on_the_root_are_not_a_tree() -> None:
    assert greedy_tree(scores_for([0, 0, 2])) is None


def test_a_cycle_is_not_a_tree() -> None:
    assert greedy_tree(scores_for([0, 3, 2])) is None
    assert greedy_tree(scores_for([2, 1, 0])) is None


def test_no_word_on_the_root_is_not_a_tree() -> None:
    assert greedy_tree(scores_for([2, 1])) is None


def test_decoder_searches_only_when_the_greedy_heads_are_not_a_tree() -> None:
    searched: list[np.ndarray] = []

    def search(scores: np.ndarray) -> str:
        searched.append(scores)
        return "searched"

    decoder = TreeDecoder(search)
    assert decoder(scores_for([2, 0])).tolist() == [0, 2, 0]
    assert decoder(scores_for([0, 0])) == "searched"
    assert (decoder.greedy, decoder.searched, len(searched)) == (1, 1, 1)


@pytest.mark.usefixtures("stanzas_own_search")
@pytest.mark.parametrize("seed", range(40))
def test_decoder_agrees_with_stanzas_search(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 25))
    logits = rng.normal(size=(n, n)) * 3
    # a peaked matrix, as a trained parser gives, so that both paths get exercised
    for word in range(1, n):
        logits[word, max(0, word - int(rng.integers(1, 3)))] += 6
    np.fill_diagonal(logits, -np.inf)
    scores = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)
    expected = chuliu_edmonds_one_root(scores.copy())
    assert TreeDecoder(chuliu_edmonds_one_root)(scores.copy()).tolist() == expected.tolist()


@pytest.mark.usefixtures("stanzas_own_search")
@pytest.mark.parametrize("seed", range(30))
def test_cycles_are_the_ones_stanzas_tarjan_finds(seed: int) -> None:
    from stanza.models.common.chuliu_edmonds import tarjan

    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 40))
    tree = rng.integers(0, n, size=n)
    tree[0] = 0
    for node in range(1, n):
        if tree[node] == node:
            tree[node] = 0
    def as_sets(found: list[np.ndarray]) -> set[frozenset[int]]:
        return {frozenset(np.flatnonzero(mask).tolist()) for mask in found}

    assert as_sets(cycles(tree)) == as_sets(tarjan(tree))


def test_cycles_of_a_tree_and_of_a_ring() -> None:
    assert cycles(np.array([0, 2, 0, 2])) == []
    (ring,) = cycles(np.array([0, 2, 3, 1, 1]))
    assert ring.tolist() == [False, True, True, True, False]
