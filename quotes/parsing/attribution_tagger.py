"""The network of the learned attribution model: a BiLSTM over a window of words, scoring BIO tags.

It reads the encoder vectors the tagger already computed (no second encoder pass)
and the categorical features of ``quotes.core.learned.features``; everything
before and after it (features, decoding, linking) is numpy in the core.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from quotes.errors import ModelError


class TaggerNet(nn.Module):
    """Embedded features and projected encoder vectors through a BiLSTM to per-word tag scores."""

    def __init__(self, sizes: Sequence[int], tags: int, *, vector_width: int = 384, projection: int = 64,
                 embedding: int = 8, hidden: int = 128, layers: int = 1, dropout: float = 0.3) -> None:
        super().__init__()
        self.config = {"sizes": list(sizes), "tags": tags, "vector_width": vector_width, "projection": projection,
                       "embedding": embedding, "hidden": hidden, "layers": layers, "dropout": dropout}
        self.embeddings = nn.ModuleList(nn.Embedding(size, embedding) for size in sizes)
        self.project = nn.Linear(vector_width, projection)
        self.dropout = nn.Dropout(dropout)
        self.lstm = nn.LSTM(projection + embedding * len(sizes), hidden, num_layers=layers, bidirectional=True,
                            batch_first=True, dropout=dropout if layers > 1 else 0.0)
        self.out = nn.Linear(2 * hidden, tags)

    def forward(self, vectors: torch.Tensor, features: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """``(batch, words, tags)`` scores for padded windows of the given lengths."""
        parts = [torch.relu(self.project(vectors))]
        parts += [embed(features[..., i]) for i, embed in enumerate(self.embeddings)]
        inputs = self.dropout(torch.cat(parts, dim=-1))
        packed = nn.utils.rnn.pack_padded_sequence(inputs, lengths.cpu(), batch_first=True, enforce_sorted=False)
        output, _ = self.lstm(packed)
        output, _ = nn.utils.rnn.pad_packed_sequence(output, batch_first=True, total_length=inputs.shape[1])
        return self.out(self.dropout(output))


WINDOWS_PER_BATCH = 64
"""Windows scored in one pass: a news article has a handful; the bound keeps a book-length text from padding
hundreds of windows into one tensor."""


class AttributionTagger:
    """Scores windows of words with a tagger network, in eval mode (the bundled one: ``load``)."""

    def __init__(self, net: TaggerNet) -> None:
        self.net = net

    @classmethod
    def load(cls, path: str | Path) -> AttributionTagger:
        """The network saved at ``path`` (weights) and beside it (``.json``: its config)."""
        path = Path(path)
        try:
            state = torch.load(path, map_location="cpu", weights_only=True)
            config = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["network"]
            net = TaggerNet(**{k: v for k, v in config.items() if k not in ("sizes", "tags")},
                            sizes=config["sizes"], tags=config["tags"])
            net.load_state_dict({k: v.float() for k, v in state.items()})
        except (OSError, RuntimeError, KeyError, ValueError) as exc:
            raise ModelError(f"cannot load the attribution model {path}: {exc}") from exc
        return cls(net)

    def __call__(self, windows: Sequence[tuple[np.ndarray, np.ndarray]]) -> list[np.ndarray]:
        """Log-probabilities ``(words, tags)`` for each window of (vectors, features)."""
        self.net.eval()
        out: list[np.ndarray] = []
        with torch.inference_mode():
            for start in range(0, len(windows), WINDOWS_PER_BATCH):
                out += _score(self.net, windows[start:start + WINDOWS_PER_BATCH])
        return out


def _score(net: TaggerNet, windows: Sequence[tuple[np.ndarray, np.ndarray]]) -> list[np.ndarray]:
    lengths = [len(features) for _, features in windows]
    width = max(lengths)
    vectors = np.zeros((len(windows), width, windows[0][0].shape[1]), dtype=np.float32)
    features = np.zeros((len(windows), width, windows[0][1].shape[1]), dtype=np.int64)
    for i, (v, f) in enumerate(windows):
        vectors[i, : len(v)] = v
        features[i, : len(f)] = f
    scores = net(torch.from_numpy(vectors), torch.from_numpy(features), torch.tensor(lengths))
    log_probs = torch.log_softmax(scores, dim=-1).numpy()
    return [log_probs[i, :n] for i, n in enumerate(lengths)]


def save(net: TaggerNet, path: str | Path, extra: dict[str, Any]) -> None:
    """Write the weights (float16, to keep the bundle small) and a JSON of the config beside them."""
    path = Path(path)
    torch.save({k: v.half() for k, v in net.state_dict().items()}, path)
    path.with_suffix(".json").write_text(json.dumps({"network": net.config, **extra}, indent=2) + "\n",
                                         encoding="utf-8")


BUNDLED = Path(__file__).resolve().parent.parent / "stanza_models" / "attribution.pt"
"""The learned attribution model shipped with the package (``python -m quotes.training attribution --bundle``)."""


def load_bundled(path: str | Path | None = None) -> tuple[AttributionTagger, dict[str, Any]]:
    """The bundled tagger and its record (linker weights, whether it reads rule features, dev scores)."""
    path = Path(path) if path is not None else BUNDLED
    if not path.exists() or not path.with_suffix(".json").exists():
        raise ModelError(f"the learned attribution model {path.name} is missing from {path.parent}; "
                         "use --method rules, or train it with `python -m quotes.training attribution --bundle`")
    tagger = AttributionTagger.load(path)
    return tagger, json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
