"""Compute the frozen encoder's word vectors once per sentence and share them.

The bundled tagger and parser both read vectors from the same frozen MiniLM
encoder. Stanza recomputes them in every model and, during training, in every
epoch. Because the encoder is frozen (never fine-tuned), its output for a
sentence never changes, so this cache stores it per sentence (with the start
and end markers the parser wants; the tagger gets the same rows without them).
At parse time the parser reuses the tagger's vectors; during training each
sentence goes through the encoder once instead of once per step.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

PATCHED_MODULES = ("stanza.models.pos.model", "stanza.models.depparse.model")
"""The Stanza model modules that call ``extract_bert_embeddings`` by its global name."""
PRECISION_ENV = "QUOTES_ENCODER_PRECISION"


class EncoderCache:
    """A bounded sentence → encoder-vectors cache that stands in for Stanza's ``extract_bert_embeddings``.

    New sentences are encoded shortest first, in chunks of at most ``budget``
    word pieces once padded (a longer sentence goes alone): Stanza pads 128
    sentences to the longest, which held over half a gigabyte of activations
    for long news sentences, while chunks of similar length pad little. Length
    is counted in the encoder's own word pieces, not in words: one URL is a
    single word but hundreds of pieces, and sorted by words it padded its whole
    chunk to that length (59,000 padded pieces for 24,000 real ones in EWT
    test; 28,000 sorted by pieces). Chunks of ~1,000 pieces ran the encoder a
    third faster than chunks of 32 sentences (larger matrices for short
    sentences, less attention for long ones).

    With ``bf16`` the encoder runs under bfloat16 autocast (its vectors are
    stored as float32 again): 1.5× faster on CPUs with native bfloat16, and on
    EWT and GUM test the parses scored the same as in float32 (LAS 80.86 vs
    80.85, 82.04 vs 82.04). Training keeps float32.
    """

    def __init__(self, extract: Callable[..., list[Any]], limit: int | None = 4096, budget: int = 1024,
                 bf16: bool = False) -> None:
        self._extract = extract
        self.bf16 = bf16
        self._limit = limit
        self._budget = budget
        self._vectors: OrderedDict[tuple[str, tuple[str, ...]], Any] = OrderedDict()
        self.computed = 0
        self.reused = 0

    def __call__(self, model_name: str, tokenizer: Any, model: Any, data: Sequence[Sequence[str]], device: Any,
                 keep_endpoints: bool, detach: bool = True, bert_layer_mix: Any = None,
                 peft_name: str | None = None) -> list[Any]:
        if not detach or bert_layer_mix is not None or peft_name is not None:
            return self._extract(model_name, tokenizer, model, data, device, keep_endpoints, detach=detach,
                                 bert_layer_mix=bert_layer_mix, peft_name=peft_name)
        keys = [(model_name, tuple(words)) for words in data]
        missing = list(dict.fromkeys(key for key in keys if key not in self._vectors))
        lengths = _piece_counts(tokenizer, [list(words) for _, words in missing])
        for chunk in _chunks(sorted(zip(lengths, missing), key=lambda pair: pair[0]), self._budget):
            vectors = self._encode(model_name, tokenizer, model, [list(words) for _, words in chunk], device)
            for key, value in zip(chunk, vectors):
                self._vectors[key] = value
        self.computed += len(missing)
        self.reused += len(keys) - len(missing)
        out = []
        for key in keys:
            value = self._vectors[key]
            self._vectors.move_to_end(key)
            out.append(value if keep_endpoints else value[1:-1])
        if self._limit is not None:
            while len(self._vectors) > self._limit:
                self._vectors.popitem(last=False)
        return out

    def _encode(self, model_name: str, tokenizer: Any, model: Any, data: list[list[str]], device: Any) -> list[Any]:
        model = WithoutTopLayer.wrap(model)
        if not self.bf16:
            return self._extract(model_name, tokenizer, model, data, device, True, detach=True)
        import torch

        with torch.autocast("cpu", dtype=torch.bfloat16):
            vectors = self._extract(model_name, tokenizer, model, data, device, True, detach=True)
        return [v.float() for v in vectors]

    def by_words(self) -> dict[tuple[str, ...], Any]:
        """The stored vectors (with the sentence's endpoints), keyed by the sentence's words."""
        return {words: value for (_, words), value in self._vectors.items()}

    def clear(self) -> None:
        """Forget every stored sentence (the parser calls this after each batch of texts)."""
        self._vectors.clear()


def _chunks(sized: list[tuple[int, Any]], budget: int) -> list[list[Any]]:
    """Consecutive runs of ``(length, item)`` pairs (sorted by length) whose padded size stays within ``budget``."""
    chunks: list[list[Any]] = []
    for length, item in sized:
        if chunks and length * (len(chunks[-1]) + 1) <= budget:
            chunks[-1].append(item)
        else:
            chunks.append([item])
    return chunks


def _piece_counts(tokenizer: Any, sentences: list[list[str]]) -> list[int]:
    """How many word pieces the encoder's tokenizer makes of each sentence (its word count without a tokenizer)."""
    if tokenizer is None or not sentences:
        return [len(words) for words in sentences]
    return [len(ids) for ids in tokenizer(sentences, is_split_into_words=True)["input_ids"]]


class WithoutTopLayer:
    """A BERT-style encoder that skips its top layer, for Stanza, which never reads that layer's output.

    Without a learned layer mix Stanza averages ``hidden_states[-4:-1]``: for
    MiniLM's six layers, the outputs of layers 3–5. Layer 6 is computed and
    thrown away, a sixth of the encoder's time. This calls the model's public
    ``forward`` on a shallow copy whose encoder holds every layer but the top
    one (the weights are shared, not copied), and repeats layer 5's output in
    layer 6's place, so the same three states are averaged.
    """

    _hf_peft_config_loaded = False

    def __init__(self, model: Any) -> None:
        self.model = model
        self.shallow = _without_top_layer(model)

    @classmethod
    def wrap(cls, model: Any) -> Any:
        """``model`` wrapped, when it is a single-stack encoder with layers to spare; otherwise ``model`` itself."""
        if isinstance(model, cls):
            return model
        wrapped = _WRAPPED.get(id(model))
        if wrapped is not None and wrapped.model is model:
            return wrapped
        layers = getattr(getattr(model, "encoder", None), "layer", None)
        if (getattr(model, "_hf_peft_config_loaded", True) or layers is None or len(layers) < 4
                or not hasattr(layers, "__getitem__") or getattr(model.config, "is_decoder", True)):
            return model
        wrapped = cls(model)
        _WRAPPED[id(model)] = wrapped
        return wrapped

    def __call__(self, input_ids: Any, attention_mask: Any = None, output_hidden_states: bool = True) -> Any:
        from types import SimpleNamespace

        states = self.shallow(input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True).hidden_states
        return SimpleNamespace(hidden_states=(*states, states[-1]))


_WRAPPED: dict[int, WithoutTopLayer] = {}
"""One wrapper per encoder, so the shallow copy is made once per model, not per batch."""


def _without_top_layer(model: Any) -> Any:
    """A shallow copy of ``model`` whose encoder runs all layers but the top one; ``model`` is left as it was."""
    import copy

    encoder = copy.copy(model.encoder)
    encoder._modules = dict(model.encoder._modules)
    encoder.layer = model.encoder.layer[:-1]
    shallow = copy.copy(model)
    shallow._modules = dict(model._modules)
    shallow.encoder = encoder
    return shallow


def native_bf16() -> bool:
    """Whether to run the encoder in bfloat16: the CPU does it natively and ``QUOTES_ENCODER_PRECISION`` allows it.

    Without native support (no AVX-512 BF16 / AMX) torch emulates bfloat16, which
    is slower than float32. ``QUOTES_ENCODER_PRECISION=fp32`` forces float32 (for the
    parser's label scorer too, which follows the same switch).
    """
    import os

    if os.environ.get(PRECISION_ENV, "auto").lower() == "fp32":
        return False
    import torch

    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False


def installed() -> EncoderCache | None:
    """The cache Stanza's tagger and parser go through, or None while they use Stanza's own code."""
    import importlib

    current = importlib.import_module(PATCHED_MODULES[0]).extract_bert_embeddings
    return current if isinstance(current, EncoderCache) else None


def install(limit: int | None = 4096) -> EncoderCache:
    """Route Stanza's tagger and parser through one shared cache (idempotent); returns the cache."""
    import importlib

    cache = installed()
    if cache is not None:
        return cache
    modules = [importlib.import_module(name) for name in PATCHED_MODULES]
    cache = EncoderCache(modules[0].extract_bert_embeddings, limit)
    for module in modules:
        module.extract_bert_embeddings = cache
    return cache
