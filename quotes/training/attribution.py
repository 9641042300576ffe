"""``python -m quotes.training attribution``: train the learned attribution model on PolNeAR.

Trains the tagger on PolNeAR train, picks the epoch that scores best on dev (and
never looks at anything else), fits the two linking models on train's gold pairs,
and writes ``attribution.pt`` + ``attribution.json`` (config, seed, data, dev
scores). ``--bundle`` copies them into the package and records them in the models
manifest. Parses come from ``--parses`` (``scripts/parse_cache.py`` writes them);
a split with none there is parsed first and kept there.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import shutil
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import torch

from quotes.app.evaluation.brat import GoldDocument, Relation, load_gold
from quotes.app.evaluation.scoring import Scores, evaluate
from quotes.core.assemble import assemble
from quotes.core.attribution import Attribution
from quotes.core.learned.attributor import LearnedAttributor, rule_pairs
from quotes.core.learned.decoding import Run, runs
from quotes.core.learned.features import SIZES, TAGS, tag_and_own, vectors, windows, word_features
from quotes.core.learned.linking import (
    CONTENT_FEATURES,
    SOURCE_FEATURES,
    Linked,
    Linker,
    _Context,
    content_pair,
    fit_logistic,
    source_pair,
)
from quotes.core.lexicon import Lexicon
from quotes.core.parsed import ParsedDoc
from quotes.parsing.attribution_tagger import AttributionTagger, TaggerNet, save
from quotes.parsing.pipeline import BUNDLED_DIR

VECTOR_WIDTH = 384
"""MiniLM's hidden size: the width of the vectors the bundled tagger reads."""


@attrs.frozen
class Example:
    """One document ready for training: its windows' inputs and gold tags, and what linking needs."""

    name: str
    doc: ParsedDoc
    rules: tuple[Attribution, ...]
    windows: tuple[np.ndarray, ...]
    vectors: np.ndarray
    features: np.ndarray
    tags: np.ndarray
    owners: np.ndarray


def load_parses(folder: Path, split: str, gold: Sequence[GoldDocument]) -> dict[str, ParsedDoc]:
    """The cached parses of a split (parsing and caching the documents that have none)."""
    found: dict[str, ParsedDoc] = {}
    for path in sorted((folder / split).glob("*.pkl")):
        found.update(pickle.loads(path.read_bytes()))
    missing = [doc for doc in gold if doc.name not in found]
    if missing:
        from quotes.parsing.pipeline import Parser

        print(f"{split}: parsing {len(missing)} documents without a cached parse", flush=True)
        parser = Parser()
        parsed = []
        for i in range(0, len(missing), 8):
            batch = missing[i:i + 8]
            parsed += list(zip((d.name for d in batch), parser.parse_many([d.text for d in batch])))
        (folder / split).mkdir(parents=True, exist_ok=True)
        (folder / split / f"extra-{int(time.time())}.pkl").write_bytes(pickle.dumps(parsed))
        found.update(parsed)
    return found


def examples(gold: Sequence[GoldDocument], parses: dict[str, ParsedDoc], lexicon: Lexicon,
             rule_features: bool) -> list[Example]:
    """Every gold document with its parse turned into model inputs and gold tags."""
    out = []
    for document in gold:
        doc = parses[document.name]
        rules = assemble(doc, lexicon)
        pieces: list[dict[str, Sequence[tuple[int, int]]]] = [
            {"source": r.source, "cue": r.cue, "content": r.content} for r in document.relations]
        tags, owners = tag_and_own(doc, pieces)
        out.append(Example(document.name, doc, rules, tuple(windows(doc)),
                           vectors(doc, VECTOR_WIDTH).astype(np.float16),
                           word_features(doc, lexicon, rules if rule_features else ()), tags, owners))
    return out


def gold_linking_rows(data: Sequence[Example]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pair features and labels for the linkers, from the gold runs of the training documents."""
    content_rows, content_labels, source_rows, source_labels = [], [], [], []
    for example in data:
        found = runs(example.tags, np.arange(len(example.tags)))
        owner = {id(run): int(example.owners[run.first]) for run in found}
        context = _Context(example.doc)
        pairs = rule_pairs(example.doc, example.rules)
        cues = [r for r in found if r.role == "cue"]
        for run in found:
            if run.role == "cue":
                continue
            for cue in cues:
                if not context.near(cue, run):
                    continue
                label = float(owner[id(cue)] == owner[id(run)])
                if run.role == "content":
                    content_rows.append(content_pair(context, cue, run, cues, pairs))
                    content_labels.append(label)
                else:
                    source_rows.append(source_pair(context, cue, run, cues, pairs))
                    source_labels.append(label)
    return (np.asarray(content_rows).reshape(-1, CONTENT_FEATURES), np.asarray(content_labels),
            np.asarray(source_rows).reshape(-1, SOURCE_FEATURES), np.asarray(source_labels))


def relations(doc: ParsedDoc, linked: Sequence[Linked]) -> list[Relation]:
    """Linked runs as the scorer's relations (character pieces)."""
    words = doc.words

    def piece(run: Run) -> tuple[int, int]:
        return words[run.first].start, words[run.last].end

    return [Relation(source=(piece(item.source),) if item.source else (), cue=(piece(item.cue),),
                     content=tuple(piece(r) for r in item.contents)) for item in linked]


def score(attributor: LearnedAttributor, data: Sequence[Example], gold: Sequence[GoldDocument],
          lexicon: Lexicon) -> Scores:
    """PolNeAR figures of ``attributor`` on ``data``."""
    predictions = {e.name: relations(e.doc, attributor.linked(e.doc, lexicon, e.rules)) for e in data}
    return evaluate(gold, predictions).scores


def summary(scores: Scores) -> dict[str, float]:
    """The figures the issue tracks, in percent."""
    return {
        "content_exact": 100 * scores.content.exact.f1, "content_partial": 100 * scores.content.partial.f1,
        "source_partial": 100 * scores.source.partial.f1, "cue_exact": 100 * scores.cue.exact.f1,
        "relation_partial": 100 * scores.relation.partial.f1, "attribution_accuracy": 100 * scores.attribution.value,
        "direct_recall": 100 * scores.direct_recall.value, "indirect_recall": 100 * scores.indirect_recall.value,
    }


def selection_score(figures: dict[str, float]) -> float:
    """What picks the epoch: the mean of the five F1 figures the issue sets targets for."""
    return float(np.mean([figures[k] for k in ("content_exact", "content_partial", "source_partial", "cue_exact",
                                                "relation_partial")]))


def _batches(data: Sequence[Example], size: int, rng: random.Random) -> list[list[tuple[Example, np.ndarray]]]:
    items = [(e, ids) for e in data for ids in e.windows]
    rng.shuffle(items)
    items.sort(key=lambda item: len(item[1]) // 32)  # similar lengths together, shuffled within a length band
    batches = [items[i:i + size] for i in range(0, len(items), size)]
    rng.shuffle(batches)
    return batches


def train(args: argparse.Namespace) -> dict[str, Any]:
    """Train, select on dev, save; returns the record written beside the weights."""
    rng = random.Random(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    lexicon = Lexicon.default()
    started = time.perf_counter()
    gold = {split: load_gold(args.polnear / split, limit=args.limit).documents for split in ("train", "dev")}
    parses = {split: load_parses(args.parses, split, gold[split]) for split in gold}
    data = {split: examples(gold[split], parses[split], lexicon, not args.no_rule_features) for split in gold}
    print(f"data ready in {time.perf_counter() - started:.0f} s: "
          f"{sum(len(e.tags) for e in data['train']):,} train words, {sum(len(e.tags) for e in data['dev']):,} dev",
          flush=True)

    content_x, content_y, source_x, source_y = gold_linking_rows(data["train"])
    linker = Linker(tuple(fit_logistic(content_x, content_y)), tuple(fit_logistic(source_x, source_y)),
                    args.content_threshold, args.source_threshold)
    print(f"linkers fitted on {len(content_y):,} content and {len(source_y):,} source pairs", flush=True)

    net = TaggerNet(SIZES, len(TAGS), vector_width=VECTOR_WIDTH, projection=args.projection,
                    embedding=args.embedding, hidden=args.hidden, layers=args.layers, dropout=args.dropout)
    optimizer = torch.optim.Adam(net.parameters(), lr=args.lr)
    weights = torch.ones(len(TAGS))
    best: tuple[float, dict[str, torch.Tensor], dict[str, float], int] | None = None
    log = []
    for epoch in range(1, args.epochs + 1):
        net.train()
        total, steps = 0.0, 0
        for batch in _batches(data["train"], args.batch, rng):
            lengths = [len(ids) for _, ids in batch]
            width = max(lengths)
            vecs = np.zeros((len(batch), width, VECTOR_WIDTH), dtype=np.float32)
            feats = np.zeros((len(batch), width, len(SIZES)), dtype=np.int64)
            tags = np.full((len(batch), width), -100, dtype=np.int64)
            for i, (example, ids) in enumerate(batch):
                vecs[i, : len(ids)] = example.vectors[ids]
                feats[i, : len(ids)] = example.features[ids]
                tags[i, : len(ids)] = example.tags[ids]
            scores = net(torch.from_numpy(vecs), torch.from_numpy(feats), torch.tensor(lengths))
            loss = torch.nn.functional.cross_entropy(scores.reshape(-1, len(TAGS)), torch.from_numpy(tags).reshape(-1),
                                                     weight=weights, ignore_index=-100)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimizer.step()
            total += float(loss.detach())
            steps += 1
        attributor = LearnedAttributor(AttributionTagger(net), linker, rule_features=not args.no_rule_features)
        figures = summary(score(attributor, data["dev"], gold["dev"], lexicon))
        chosen = selection_score(figures)
        log.append({"epoch": epoch, "loss": total / max(1, steps), "dev": figures,
                    "seconds": time.perf_counter() - started})
        print(f"epoch {epoch}: loss {total / max(1, steps):.4f}, dev "
              + ", ".join(f"{k} {v:.1f}" for k, v in figures.items()) + f" (selection {chosen:.2f})", flush=True)
        if best is None or chosen > best[0]:
            best = (chosen, {k: v.detach().clone() for k, v in net.state_dict().items()}, figures, epoch)
    assert best is not None
    net.load_state_dict(best[1])
    record = {
        "method": "learned",
        "rule_features": not args.no_rule_features,
        "linker": linker.to_dict(),
        "trained_on": "PolNeAR train (840 articles), selected on PolNeAR dev (84 articles)",
        "training_command": "python -m quotes.training attribution " + " ".join(args.argv),
        "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items() if k != "argv"},
        "best_epoch": best[3],
        "dev": best[2],
        "log": log,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    save(net, args.out / "attribution.pt", record)
    print(f"saved {args.out / 'attribution.pt'} (epoch {best[3]}, {time.perf_counter() - started:.0f} s)", flush=True)
    if args.bundle:
        bundle(args.out)
    return record


def bundle(folder: Path) -> None:
    """Copy a trained model into the package and record it in the models manifest."""
    for name in ("attribution.pt", "attribution.json"):
        shutil.copyfile(folder / name, BUNDLED_DIR / name)
    manifest_path = BUNDLED_DIR / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    record = json.loads((folder / "attribution.json").read_text(encoding="utf-8"))
    manifest["attribution"] = {k: record[k] for k in ("trained_on", "training_command", "config", "best_epoch", "dev",
                                                      "rule_features")}
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"bundled into {BUNDLED_DIR}", flush=True)


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m quotes.training attribution", description=__doc__)
    parser.add_argument("--polnear", type=Path, default=Path("../shared/polnear"), help="PolNeAR folder (train/, dev/)")
    parser.add_argument("--parses", type=Path, default=Path("build/parses"),
                        help="cached parses (SPLIT/*.pkl from scripts/parse_cache.py); missing ones are parsed here")
    parser.add_argument("--out", type=Path, default=Path("build/attribution"))
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--projection", type=int, default=64, help="width the encoder vectors are projected to")
    parser.add_argument("--embedding", type=int, default=8, help="width of each categorical feature's embedding")
    parser.add_argument("--layers", type=int, default=1)
    parser.add_argument("--dropout", type=float, default=0.3)
    parser.add_argument("--content-threshold", type=float, default=0.3)
    parser.add_argument("--source-threshold", type=float, default=0.3)
    parser.add_argument("--no-rule-features", action="store_true", help="train without the rules' decisions as input")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None, help="first N documents of each split (smoke runs)")
    parser.add_argument("--bundle", action="store_true", help="copy the result into the package")
    args = parser.parse_args(argv)
    args.argv = argv
    return args


def main(argv: list[str]) -> None:
    train(arguments(argv))
