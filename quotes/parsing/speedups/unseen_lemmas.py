"""Run the lemmatizer's neural model once per unseen (word, tag) pair, not once per occurrence.

Stanza's English lemmatizer looks each word up in a dictionary built from its
training data and sends the rest — names, rare words — through a character
seq2seq model, one occurrence at a time: 9 % of the time in 20,000 words of EWT
with only 1,779 words sent, and news repeats its names far more (``Trump``
forty times in one article). The model reads only the word and its tag, so
each distinct pair is lemmatized once here and the answer shared; the
processor's dictionary lookups, fallbacks and ``'_'`` for empty lemmas are
Stanza's own, so the lemmas do not change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SPELL = 0
"""Stanza's edit class for 'the lemma is the decoder's output' (``stanza.models.lemma.edit.EDIT_TO_ID['none']``)."""

_stanza_process: list[Callable[[Any, Any], Any]] = []
"""``LemmaProcessor.process`` as Stanza defines it, kept for the configurations this module does not handle."""


def _handles(processor: Any) -> bool:
    config = processor.config
    return (not processor.use_identity and not config.get("dict_only", False) and config.get("ensemble_dict", False)
            and config.get("pos", False) and not processor.trainer.has_contextual_lemmatizers())


def _predict(processor: Any, pairs: list[tuple[str, str]], decode: bool) -> tuple[list[str], list[Any]]:
    """The seq2seq model's raw output and edit class for each pair; without ``decode``, the edit classes alone."""
    import stanza
    import torch
    from stanza.models.lemma.data import DataLoader

    words = stanza.Document([[{"id": 1, "text": text, "upos": upos}] for text, upos in pairs])
    batches = DataLoader(words, processor.config["batch_size"], processor.config, vocab=processor.vocab,
                         evaluation=True, expand_unk_vocab=True)
    model = processor.trainer.model
    longest = model.max_dec_len
    predicted: list[str] = []
    edits: list[Any] = []
    try:
        if not decode:
            model.max_dec_len = 0  # greedy decoding stops before its first step; the edit classifier still runs
        with torch.no_grad():
            for batch in batches:
                lemmas, batch_edits = processor.trainer.predict(batch, processor.config["beam_size"], batches.vocab)
                predicted += lemmas
                edits += batch_edits or []
    finally:
        model.max_dec_len = longest
    return predicted, edits


def lemmatize_unseen(processor: Any, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The lemma for each distinct (word, UPOS) pair, by Stanza's seq2seq model and its edit step.

    The model first classifies each word's edit: keep it, lowercase it, or
    spell a new lemma. Only the third needs the character-by-character decoder,
    so it runs on those words alone (mostly names keep their form), shortest
    first so that a batch stops decoding soon after its longest word.
    """
    if not pairs:
        return {}
    trainer = processor.trainer
    if not trainer.args.get("edit", False) or processor.config["beam_size"] != 1:
        predicted, edits = _predict(processor, pairs, decode=True)
    else:
        _, edits = _predict(processor, pairs, decode=False)
        spelled = sorted((pair for pair, edit in zip(pairs, edits) if edit == SPELL), key=lambda pair: len(pair[0]))
        spelled_lemmas = dict(zip(spelled, _predict(processor, spelled, decode=True)[0] if spelled else []))
        predicted = [spelled_lemmas.get(pair, "") for pair in pairs]
    return dict(zip(pairs, trainer.postprocess([text for text, _ in pairs], predicted, edits=edits or None)))


def process(processor: Any, document: Any) -> Any:
    """``LemmaProcessor.process`` with the seq2seq model run once per distinct unseen pair."""
    if not _handles(processor):
        return _stanza_process[0](processor, document)
    from stanza.models.common import doc

    trainer = processor.trainer
    pairs = [(word.text, word.upos) for sentence in document.sentences for word in sentence.words]
    known = trainer.skip_seq2seq(pairs)
    unseen = list(dict.fromkeys(pair for pair, skip in zip(pairs, known) if not skip))
    predicted = lemmatize_unseen(processor, unseen)
    if processor.store_results and predicted:
        trainer.train_dict([(text, upos, lemma) for (text, upos), lemma in predicted.items()], update_word_dict=False)
    lemmas = trainer.ensemble(pairs, [None if skip else predicted[pair] for pair, skip in zip(pairs, known)])
    document.set([doc.LEMMA], [lemma if lemma else "_" for lemma in lemmas])
    return document


def install() -> None:
    """Route Stanza's lemma processor through ``process`` (idempotent)."""
    from stanza.pipeline.lemma_processor import LemmaProcessor

    if LemmaProcessor.process is not process:
        _stanza_process[:] = [LemmaProcessor.process]
        LemmaProcessor.process = process
