"""The training pipeline's own logic (no training runs here): commands, kept steps, bundling."""

from __future__ import annotations

import json
from pathlib import Path

import torch

from quotes.training import stages
from quotes.training.bundle import SAVED_NAMES, TUNED_PARSER, best_step, bundle
from quotes.training.stages import Layout


class TestCommands:
    def test_plain_trainer_runs_the_stanza_module(self) -> None:
        assert stages._trainer("stanza.models.parser", use_encoder=False) == ["-m", "stanza.models.parser"]

    def test_encoder_trainer_goes_through_the_cache_runner(self) -> None:
        argv = stages._trainer("stanza.models.tagger", use_encoder=True)
        assert argv[:3] == ["-m", "quotes.training.cached", "stanza.models.tagger"]
        assert "--no_bert_finetune" in argv

    def test_tuning_runner_wraps_the_parser(self) -> None:
        """The fine-tuning stage runs through quotes.training.tune, with or without the encoder."""
        assert stages._trainer("stanza.models.parser", False, runner="quotes.training.tune") == [
            "-m", "quotes.training.tune", "stanza.models.parser"]


class TestBestStep:
    def test_the_best_evaluation_is_the_kept_step(self, tmp_path: Path) -> None:
        log = tmp_path / "depparse.log"
        log.write_text("step 100: train_loss = 2.0, dev_score = 0.8104\n"
                       "step 200: train_loss = 1.9, dev_score = 0.8171\n"
                       "step 300: train_loss = 1.8, dev_score = 0.8150\n", encoding="utf-8")
        assert best_step(log) == "200 steps (EWT dev score 81.71 there, the best of 3 evaluations)"

    def test_missing_log(self, tmp_path: Path) -> None:
        assert best_step(tmp_path / "none.log") == "steps unknown (no log)"


class TestBundle:
    def _checkpoint(self, path: Path, marker: float) -> None:
        torch.save({"model": {"w": torch.full((2,), marker)}, "config": {}, "optimizer": {"state": 1}}, path)

    def test_tuned_parser_is_bundled_in_fp16_without_optimizer(self, tmp_path: Path) -> None:
        layout = Layout(data=tmp_path / "ud", out=tmp_path / "run")
        layout.prepare()
        for i, name in enumerate(SAVED_NAMES.values()):
            self._checkpoint(layout.models / name, float(i))
        self._checkpoint(layout.models / TUNED_PARSER, 42.0)
        target = tmp_path / "package"
        bundle(layout, target)
        parser = torch.load(target / "parser.pt", weights_only=False)
        assert parser["model"]["w"].dtype == torch.float16 and float(parser["model"]["w"][0]) == 42.0
        assert "optimizer" not in parser
        manifest = json.loads((target / "manifest.json").read_text())
        assert "depparse-tune" in manifest["training"]
        assert json.loads((target / "resources.json").read_text()) == {}

    def test_plain_parser_without_tuning(self, tmp_path: Path) -> None:
        layout = Layout(data=tmp_path / "ud", out=tmp_path / "run")
        layout.prepare()
        for i, name in enumerate(SAVED_NAMES.values()):
            self._checkpoint(layout.models / name, float(i))
        target = tmp_path / "package"
        bundle(layout, target)
        parser = torch.load(target / "parser.pt", weights_only=False)
        assert float(parser["model"]["w"][0]) == float(list(SAVED_NAMES).index("depparse"))
        assert "depparse-tune" not in json.loads((target / "manifest.json").read_text())["training"]


class TestTuningStart:
    def test_fresh_copy_clears_the_dev_history(self, tmp_path: Path) -> None:
        """The tuned parser starts with no dev history, so predicted-tag scores can become new bests."""
        parser, tuned = tmp_path / "parser.pt", tmp_path / "tuned.pt"
        torch.save({"model": {"w": torch.ones(2)}, "dev_score_history": [0.80, 0.85], "global_step": 1500,
                    "last_best_step": 1500}, parser)
        stages._fresh_copy(parser, tuned)
        copy = torch.load(tuned, weights_only=False)
        assert copy["dev_score_history"] == [] and copy["global_step"] == 0 and copy["last_best_step"] == 0
        assert torch.equal(copy["model"]["w"], torch.ones(2))


class TestTuneRunner:
    def test_loaders_default_to_the_saved_vocabulary(self, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        """The training loader (no vocab given) gets the saved model's; an explicit vocab still wins."""
        import stanza.models.depparse.data as data

        from quotes.training import tune

        class Loader:
            def __init__(self, doc, batch_size, args, pretrain, vocab=None, **kwargs):  # type: ignore[no-untyped-def]
                self.vocab = vocab

        monkeypatch.setattr(data, "DataLoader", Loader)
        tune._pin_vocab("saved")
        assert data.DataLoader(None, 1, {}, None).vocab == "saved"
        assert data.DataLoader(None, 1, {}, None, vocab="dev", evaluation=True).vocab == "dev"

    def test_saved_vocabulary_of_the_bundled_parser(self) -> None:
        from quotes.parsing.pipeline import BUNDLED_DIR
        from quotes.training import tune

        vocab = tune._saved_vocab(str(BUNDLED_DIR / "parser.pt"))
        assert "word" in vocab and "upos" in vocab and len(vocab["upos"]) > 10
