"""Turn the parser's scores into trees with less work than Stanza does, and the same trees.

Stanza's parser turns its arc scores into a tree with a Chu-Liu-Edmonds search
written in Python, and runs it on every sentence: about 12 % of the whole
pipeline's time on news text. But when each word's highest-scoring head already
gives a tree with exactly one word on the root and no cycle (91 % of EWT test
sentences with the bundled parser), that tree is the best single-root tree by
definition, and it is what the search returns too. This module answers those
sentences directly and hands only the rest to Stanza's search, so the parses do
not change. In that search, Stanza finds cycles with a general Tarjan search;
``cycles`` finds the same ones by walking along the heads.

Stanza also scores every label for every possible (dependent, head) pair —
sentence length² × 50 labels — and keeps only the labels of the arcs its tree
search picks. ``predict_labelling_chosen_arcs`` picks the tree first and then
scores the labels of those arcs alone: the same argmax over the same bilinear
scores, a length-fold less arithmetic, and no length² × labels tensors (the
largest allocation when a batch holds long news sentences). The full label
scores are computed only for a sentence whose labels break a head constraint
(two subjects on one verb), where Stanza's repair needs them. Where the CPU has
native bfloat16 the pipeline sets the parser's ``bf16_labels``, and the label
product runs in bfloat16 (4.7× faster; 22 of ~30,000 labels changed, EWT test
LAS 80.86 → 80.84).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import numpy as np


SEARCH_MODULE = "stanza.models.common.chuliu_edmonds"
"""Where Stanza's search looks up ``tarjan`` by its global name."""
PATCHED_MODULES = ("stanza.models.depparse.model", "stanza.models.depparse.head_constraints")
"""The Stanza modules that call ``chuliu_edmonds_one_root`` by its global name."""


def greedy_tree(scores: np.ndarray) -> np.ndarray | None:
    """Each word's best head (``scores[dependent, head]``, row and column 0 the root), if that is a tree.

    Returns the heads in Stanza's layout (index 0 for the root itself, then one
    head per word) when exactly one word takes the root and following heads
    from any word reaches the root; otherwise ``None``.
    """
    heads = np.argmax(scores[1:], axis=1)
    if np.count_nonzero(heads == 0) != 1:
        return None
    done = [True] + [False] * len(heads)
    on_path = [False] * (len(heads) + 1)
    for start in range(1, len(heads) + 1):
        path = []
        node = start
        while not done[node]:
            if on_path[node]:
                return None
            on_path[node] = True
            path.append(node)
            node = int(heads[node - 1])
        for visited in path:
            done[visited] = True
            on_path[visited] = False
    return np.concatenate([[0], heads])


def cycles(tree: np.ndarray) -> list[np.ndarray]:
    """The cycles of a head array (``tree[i]`` is the head of ``i``), each as a mask; what Stanza's ``tarjan`` returns.

    Every node has exactly one head, so the strongly connected components with
    more than one node are exactly the cycles, and following heads from each
    node finds them in linear time. Stanza's search calls this once per cycle it
    contracts (26 times per searched EWT sentence on average), and its general
    Tarjan search took two thirds of the search's time.
    """
    heads = tree.tolist()
    state = [0] * len(heads)  # 0 unseen, 1 on the path being followed, 2 finished
    found = []
    for start in range(len(heads)):
        path = []
        node = start
        while state[node] == 0:
            state[node] = 1
            path.append(node)
            node = heads[node]
        if state[node] == 1 and path[-1] != node:
            mask = np.zeros(len(heads), dtype=bool)
            mask[path[path.index(node) :]] = True
            found.append(mask)
        for visited in path:
            state[visited] = 2
    return found


class TreeDecoder:
    """Stands in for ``chuliu_edmonds_one_root``: the greedy tree when it is one, the full search otherwise."""

    def __init__(self, search: Callable[[np.ndarray], Any]) -> None:
        self._search = search
        self.greedy = 0
        self.searched = 0

    def __call__(self, scores: np.ndarray) -> Any:
        tree = greedy_tree(scores)
        if tree is not None:
            self.greedy += 1
            return tree
        self.searched += 1
        return self._search(scores)


def _arc_scores(parser: Any, states: Any, length: int) -> Any:
    """Stanza's unlabelled arc scores (``GraphParser.forward_scores`` without its label scores)."""
    import torch
    import torch.nn.functional as F

    scores = parser.unlabeled(states, states).squeeze(3)
    if parser.args["linearization"] or parser.args["distance"]:
        positions = torch.arange(length, device=states.device)
        offset = (positions.view(1, 1, -1) - positions.view(1, -1, 1)).expand(states.size(0), -1, -1)
        if parser.args["linearization"]:
            linear = parser.linearization(states, states).squeeze(3)
            scores = scores + F.logsigmoid(linear * torch.sign(offset).float())
        if parser.args["distance"]:
            predicted = 1 + F.softplus(parser.distance(states, states).squeeze(3))
            scores = scores - torch.log((offset.abs().float() - predicted) ** 2 / 2 + 1)
    diagonal = torch.eye(length, dtype=torch.bool, device=states.device).unsqueeze(0)
    return scores.masked_fill(diagonal, -float("inf"))


def _chosen_arc_labels(parser: Any, states: Any, heads: Any, lengths: list[int]) -> Any:
    """Label ids (argmax, without Stanza's vocabulary offset) for each word's arc from ``heads[b, i]``.

    Only real words are scored (not the root's own row or padding). With the
    parser's ``bf16_labels`` set, the bilinear products run in bfloat16.
    """
    import torch

    scorer = parser.deprel
    dependents = scorer.hidden_func(scorer.W1(states))
    governors = scorer.hidden_func(scorer.W2(states))
    chosen = governors.gather(1, heads.unsqueeze(2).expand(-1, -1, governors.size(2)))
    positions = torch.arange(states.size(1)).unsqueeze(0)
    words = (positions >= 1) & (positions < torch.as_tensor(lengths).unsqueeze(1))
    dependents = dependents[words]
    chosen = chosen[words]
    dependents = torch.cat([dependents, dependents.new_ones(len(dependents), 1)], 1)
    chosen = torch.cat([chosen, chosen.new_ones(len(chosen), 1)], 1)
    bilinear = scorer.scorer.W_bilin
    weight = bilinear.weight
    if getattr(parser, "bf16_labels", False):
        dependents, chosen, weight = dependents.bfloat16(), chosen.bfloat16(), weight.bfloat16()
    size_in, size_out, labels = weight.shape
    partial = (dependents @ weight.reshape(size_in, size_out * labels)).view(-1, size_out, labels)
    scores = torch.bmm(chosen.unsqueeze(1), partial).squeeze(1).float() + bilinear.bias
    best = torch.zeros(words.shape, dtype=torch.long)
    best[words] = scores.argmax(1)
    return best


def predict_labelling_chosen_arcs(parser: Any, word: Any, word_mask: Any, wordchars: Any, wordchars_mask: Any,
                                  upos: Any, xpos: Any, ufeats: Any, pretrained: Any, lemma: Any, head: Any,
                                  deprel: Any, word_orig_idx: Any, sentlens: list[int], wordlens: Any, text: Any,
                                  resolve_head_constraints: bool = False) -> list[list[list[Any]]]:
    """``GraphParser.predict`` with labels scored only for the arcs of the chosen trees (same output)."""
    import torch
    import torch.nn.functional as F
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE

    model = importlib.import_module(PATCHED_MODULES[0])
    constraints = importlib.import_module(PATCHED_MODULES[1])
    vocab = parser.vocab["deprel"]
    states = parser.embed(word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma, head,
                          deprel, word_orig_idx, sentlens, wordlens, text)
    arcs = F.log_softmax(_arc_scores(parser, states, states.size(1)), 2).cpu().numpy()
    trees = [model.chuliu_edmonds_one_root(arcs[i][:n, :n]) for i, n in enumerate(sentlens)]
    heads = torch.zeros(states.shape[:2], dtype=torch.long)
    for i, tree in enumerate(trees):
        heads[i, : len(tree)] = torch.as_tensor(tree)
    labels = _chosen_arc_labels(parser, states, heads, sentlens).tolist()
    out = []
    for i, (n, tree) in enumerate(zip(sentlens, trees)):
        raw = labels[i][1:n]
        names = vocab.unmap([r + VOCAB_PREFIX_SIZE for r in raw])
        if resolve_head_constraints and constraints.find_head_constraint_violations(tree, names):
            one = states[i : i + 1, :n]
            label_scores = F.log_softmax(parser.deprel(one, one), 3)[0].cpu().numpy()
            tree, raw = constraints.resolve_head_constraint_violations(arcs[i][:n, :n], label_scores, tree, vocab)
            names = vocab.unmap([r + VOCAB_PREFIX_SIZE for r in raw])
        out.append([[tree[j + 1], names[j]] for j in range(n - 1)])
    return out


_stanza_predict: list[Callable[..., Any]] = []
"""``GraphParser.predict`` as Stanza defines it, kept for the models this module does not handle."""


def _predict(parser: Any, *args: Any, **kwargs: Any) -> Any:
    if parser.training or parser.args.get("use_arc_embedding"):
        return _stanza_predict[0](parser, *args, **kwargs)
    return predict_labelling_chosen_arcs(parser, *args, **kwargs)


def install() -> TreeDecoder:
    """Route Stanza's parser (and its head-constraint repair) through one ``TreeDecoder`` (idempotent).

    Also makes ``GraphParser.predict`` label only the chosen arcs, and Stanza's
    search find cycles with ``cycles``.
    """
    importlib.import_module(SEARCH_MODULE).tarjan = cycles
    modules = [importlib.import_module(name) for name in PATCHED_MODULES]
    graph_parser = modules[0].GraphParser
    if graph_parser.predict is not _predict:
        _stanza_predict[:] = [graph_parser.predict]
        graph_parser.predict = _predict
    current = modules[0].chuliu_edmonds_one_root
    if isinstance(current, TreeDecoder):
        return current
    decoder = TreeDecoder(current)
    for module in modules:
        module.chuliu_edmonds_one_root = decoder
    return decoder
