"""The encoder cache: each sentence is encoded once and shared by the tagger and the parser."""

from __future__ import annotations

from quotes.parsing.speedups.encoder_cache import EncoderCache


class FakeEncoder:
    """Stands in for Stanza's ``extract_bert_embeddings``: one row per word plus start and end markers."""

    def __init__(self) -> None:
        self.calls: list[list[list[str]]] = []

    def __call__(self, model_name, tokenizer, model, data, device, keep_endpoints, detach=True,
                 bert_layer_mix=None, peft_name=None):
        self.calls.append([list(words) for words in data])
        rows = [["<s>", *words, "</s>"] for words in data]
        return rows if keep_endpoints else [r[1:-1] for r in rows]


def call(cache: EncoderCache, sentences: list[list[str]], keep_endpoints: bool, **kwargs):
    return cache("m", None, None, sentences, "cpu", keep_endpoints, **kwargs)


def test_second_model_reuses_the_first_models_vectors() -> None:
    fake = FakeEncoder()
    cache = EncoderCache(fake)
    tagger = call(cache, [["He", "said"], ["Yes"]], keep_endpoints=False)
    parser = call(cache, [["Yes"], ["He", "said"]], keep_endpoints=True)
    assert tagger == [["He", "said"], ["Yes"]]
    assert parser == [["<s>", "Yes", "</s>"], ["<s>", "He", "said", "</s>"]]
    assert len(fake.calls) == 1 and cache.computed == 2 and cache.reused == 2


def test_only_new_sentences_are_encoded_once_each() -> None:
    fake = FakeEncoder()
    cache = EncoderCache(fake)
    call(cache, [["a"]], keep_endpoints=True)
    call(cache, [["a"], ["b"], ["b"]], keep_endpoints=True)
    assert fake.calls == [[["a"]], [["b"]]]


def test_fine_tuned_or_mixed_layers_bypass_the_cache() -> None:
    fake = FakeEncoder()
    cache = EncoderCache(fake)
    call(cache, [["a"]], keep_endpoints=True, detach=False)
    call(cache, [["a"]], keep_endpoints=True, bert_layer_mix=object())
    assert len(fake.calls) == 2 and cache.computed == 0


def test_limit_evicts_the_oldest_and_clear_forgets_all() -> None:
    fake = FakeEncoder()
    cache = EncoderCache(fake, limit=2)
    call(cache, [["a"], ["b"], ["c"]], keep_endpoints=True)
    call(cache, [["a"]], keep_endpoints=True)
    assert fake.calls[-1] == [["a"]]
    cache.clear()
    call(cache, [["c"]], keep_endpoints=True)
    assert fake.calls[-1] == [["c"]]


def test_new_sentences_go_to_the_encoder_in_short_sorted_chunks() -> None:
    fake = FakeEncoder()
    cache = EncoderCache(fake, budget=4)
    out = call(cache, [["a", "b", "c"], ["d"], ["e", "f"]], keep_endpoints=False)
    assert out == [["a", "b", "c"], ["d"], ["e", "f"]]
    assert fake.calls == [[["d"], ["e", "f"]], [["a", "b", "c"]]]


class PieceTokenizer:
    """Stands in for the encoder's tokenizer: a word makes one piece per character."""

    def __call__(self, sentences, is_split_into_words=True):
        return {"input_ids": [[0] * sum(len(word) for word in words) for words in sentences]}


def test_chunks_are_sorted_and_sized_by_word_pieces_not_words() -> None:
    fake = FakeEncoder()
    cache = EncoderCache(fake, budget=8)
    sentences = [["https://x.example/a"], ["a", "b"], ["c", "d", "e"], ["f", "g"]]
    out = cache("m", PieceTokenizer(), None, sentences, "cpu", False)
    assert out == sentences
    assert fake.calls == [[["a", "b"], ["f", "g"]], [["c", "d", "e"]], [["https://x.example/a"]]]


def test_bf16_runs_the_encoder_under_autocast_and_stores_float32() -> None:
    import torch

    seen: list[bool] = []

    def encoder(model_name, tokenizer, model, data, device, keep_endpoints, detach=True, **kwargs):
        seen.append(torch.is_autocast_enabled("cpu"))
        return [torch.ones(len(words) + 2, 3, dtype=torch.bfloat16) for words in data]

    vectors = call(EncoderCache(encoder, bf16=True), [["He", "said"]], keep_endpoints=True)
    call(EncoderCache(encoder), [["He", "said"]], keep_endpoints=True)
    assert seen == [True, False]
    assert vectors[0].dtype == torch.float32 and vectors[0].shape == (4, 3)


def test_fp32_can_be_forced(monkeypatch) -> None:
    from quotes.parsing.speedups import encoder_cache

    monkeypatch.setenv(encoder_cache.PRECISION_ENV, "fp32")
    assert encoder_cache.native_bf16() is False
