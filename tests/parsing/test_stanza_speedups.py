"""The project's replacements for parts of Stanza's inference give Stanza's own answers.

Each replacement (quotes.tree_decoding, unseen_lemmas, spelling_vectors,
feature_names, encoder_cache.WithoutTopLayer) is compared here with the Stanza
code it stands in for, on the real bundled models and real text.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import torch

from tests.conftest import CORPORA

TEXT = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPORA.glob("*.txt")))


@pytest.fixture(scope="module")
def nlp(extractor):  # type: ignore[no-untyped-def]
    return extractor.parser.stanza


def _conllu(doc: Any) -> list[tuple[Any, ...]]:
    return [(w.text, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel) for s in doc.sentences for w in s.words]


@contextmanager
def stanza_code(owner: type, name: str, original: Any) -> Iterator[None]:
    """Put Stanza's own ``owner.name`` back for the duration of the block."""
    replacement = getattr(owner, name)
    setattr(owner, name, original)
    try:
        yield
    finally:
        setattr(owner, name, replacement)


def _parse_both(nlp: Any, owner: type, name: str, original: Any) -> tuple[list[Any], list[Any]]:
    ours = _conllu(nlp(TEXT))
    with stanza_code(owner, name, original):
        theirs = _conllu(nlp(TEXT))
    return ours, theirs


def test_labelling_only_the_chosen_arcs_gives_stanzas_parses(nlp) -> None:  # type: ignore[no-untyped-def]
    from stanza.models.depparse.model import GraphParser

    from quotes.parsing.speedups import tree_decoding

    model = nlp.processors["depparse"].trainer.model
    precision = getattr(model, "bf16_labels", False)
    model.bf16_labels = False
    try:
        ours, theirs = _parse_both(nlp, GraphParser, "predict", tree_decoding._stanza_predict[0])
    finally:
        model.bf16_labels = precision
    assert len(ours) > 800 and ours == theirs


def test_lemmatizing_each_unseen_pair_once_gives_stanzas_lemmas(nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from stanza.pipeline.lemma_processor import LemmaProcessor

    from quotes.parsing.speedups import unseen_lemmas

    sent: list[list[tuple[str, str]]] = []
    predict = unseen_lemmas._predict
    monkeypatch.setattr(unseen_lemmas, "_predict", lambda p, pairs, decode: sent.append(pairs) or predict(p, pairs, decode))
    ours, theirs = _parse_both(nlp, LemmaProcessor, "process", unseen_lemmas._stanza_process[0])
    assert ours == theirs
    classified = sent[0]
    assert classified and len(classified) == len(set(classified))
    assert all(len(decoded) <= len(classified) for decoded in sent[1:])


def test_one_character_model_run_per_spelling_gives_stanzas_vectors(nlp) -> None:  # type: ignore[no-untyped-def]
    from stanza.models.common.char_model import CharacterModel

    from quotes.parsing.speedups import spelling_vectors

    ours, theirs = _parse_both(nlp, CharacterModel, "forward", spelling_vectors._stanza_forward[0])
    assert ours == theirs
    model = nlp.processors["pos"].trainer.model.charmodel
    vocab = nlp.processors["pos"].trainer.vocab["char"]
    words = ["said", "the", "said", "Minister", "the", "a"]
    order = sorted(range(len(words)), key=lambda i: -len(words[i]))
    chars = torch.zeros(len(words), max(map(len, words)), dtype=torch.long)
    for row, i in enumerate(order):
        chars[row, : len(words[i])] = torch.tensor(vocab.map(list(words[i])))
    lengths = [len(words[i]) for i in order]
    with torch.no_grad():
        mine = spelling_vectors.forward(model, chars, chars == 0, order, [4, 2], lengths)
        stanzas = spelling_vectors._stanza_forward[0](model, chars, chars == 0, order, [4, 2], lengths)
    assert torch.allclose(mine.data, stanzas.data, atol=1e-6)


def test_memoized_feature_names_give_stanzas_tags(nlp) -> None:  # type: ignore[no-untyped-def]
    from stanza.models.common.vocab import CompositeVocab

    from quotes.parsing.speedups import feature_names

    ours, theirs = _parse_both(nlp, CompositeVocab, "id2unit", feature_names._stanza_id2unit[0])
    assert ours == theirs
    vocab = nlp.processors["pos"].trainer.vocab["feats"]
    ids = vocab.unit2id("Mood=Ind|Tense=Past|VerbForm=Fin")
    assert vocab.id2unit(ids) == vocab.id2unit(list(ids)) == "Mood=Ind|Tense=Past|VerbForm=Fin"
    assert vocab.__dict__["_quotes_names"][tuple(ids)] == "Mood=Ind|Tense=Past|VerbForm=Fin"


def test_skipping_the_unread_top_layer_gives_stanzas_encoder_vectors(nlp) -> None:  # type: ignore[no-untyped-def]
    from stanza.models.common.bert_embedding import extract_bert_embeddings

    from quotes.parsing.speedups.encoder_cache import WithoutTopLayer

    model = nlp.processors["pos"].trainer.model
    bert, tokenizer = model.bert_model, model.bert_tokenizer
    sentences = [["The", "minister", "said", "so", "."], ["https://example.org/" + "x" * 60], ["Ünïcødé", "😀"]]
    wrapped = WithoutTopLayer.wrap(bert)
    assert isinstance(wrapped, WithoutTopLayer)
    full = extract_bert_embeddings("m", tokenizer, bert, sentences, "cpu", True)
    short = extract_bert_embeddings("m", tokenizer, wrapped, sentences, "cpu", True)
    again = extract_bert_embeddings("m", tokenizer, bert, sentences, "cpu", True)
    for a, b, c in zip(full, short, again):
        assert torch.equal(a, b) and torch.equal(a, c)


def _tokens(nlp: Any, texts: list[str]) -> list[list[tuple[int, int]]]:
    import stanza

    docs = nlp.process([stanza.Document([], text=text) for text in texts], processors="tokenize")
    return [[(t.start_char, t.end_char) for s in doc.sentences for t in s.tokens] for doc in docs]


def test_windows_read_with_their_own_lengths_give_stanzas_tokens(nlp) -> None:  # type: ignore[no-untyped-def]
    import stanza.models.tokenization.utils as tokenize_utils

    from quotes.parsing.speedups import tokenizer_windows

    one_paragraph = " ".join(TEXT.split())
    assert len(one_paragraph) > 3 * 1000  # read in several windows, each resumed after a sentence break
    texts = [TEXT, one_paragraph, "Short.", ""]
    ours = _tokens(nlp, texts)
    with stanza_code(tokenize_utils, "predict", tokenizer_windows._stanza_predict[0]):  # type: ignore[arg-type]
        theirs = _tokens(nlp, texts)
    assert len(ours[1]) > 800 and ours == theirs
    assert ours[3] == []


def test_a_paragraphs_tokens_do_not_depend_on_its_batch(nlp) -> None:  # type: ignore[no-untyped-def]
    import stanza.models.tokenization.utils as tokenize_utils

    from quotes.parsing.speedups import tokenizer_windows

    paragraphs = [p.strip() for p in TEXT.split("\n\n") if p.strip()]
    joined = "\n\n".join(paragraphs)
    together = _tokens(nlp, [joined])[0]
    alone = [_tokens(nlp, [p])[0] for p in paragraphs]
    starts = [sum(len(p) + 2 for p in paragraphs[:i]) for i in range(len(paragraphs))]
    assert tokenize_utils.predict is tokenizer_windows.predict
    assert together == [(s + a, s + b) for s, spans in zip(starts, alone) for a, b in spans]
