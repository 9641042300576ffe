"""The bundled Stanza models: offline loading, size, and the parse quotes works on."""

from __future__ import annotations

import os
import socket

import pytest

from quotes.errors import ModelError
from quotes.parsing.normalize import normalize
from quotes.parsing.pipeline import BUNDLED_DIR, PRIMITIVE_CACHE, Parser, build_stanza, bundled_files, bundled_manifest

pytestmark = pytest.mark.integration

SIZE_LIMIT = 60_000_000


class TestBundle:
    def test_all_processors_are_bundled(self) -> None:
        """tokenize, mwt, pos, lemma and depparse ship inside the package."""
        names = {p.name for p in bundled_files()}
        assert names == {"tokenizer.pt", "mwt_expander.pt", "tagger.pt", "lemmatizer.pt", "parser.pt"}

    def test_size_within_budget(self) -> None:
        """All bundled model files together stay within 60 MB."""
        assert sum(p.stat().st_size for p in bundled_files()) <= SIZE_LIMIT

    def test_manifest_credits_the_training_data(self) -> None:
        """The manifest names the UD treebanks the models were trained on, and their scores."""
        manifest = bundled_manifest()
        assert any("EWT" in t for t in manifest["trained_on"]) and any("GUM" in t for t in manifest["trained_on"])
        assert "ewt-test" in manifest["scores"]


class TestOffline:
    def test_loads_and_parses_with_sockets_blocked(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Building the pipeline and parsing never opens a network connection (attempts are counted, so code that
        catches the refusal cannot hide one)."""
        attempts: list[tuple[object, ...]] = []

        def refuse(*args: object, **kwargs: object) -> None:
            attempts.append(args)
            raise OSError("quotes tried to use the network")

        monkeypatch.setattr(socket.socket, "connect", refuse)
        monkeypatch.setattr(socket, "create_connection", refuse)
        monkeypatch.setattr(socket, "getaddrinfo", refuse)
        doc = Parser().parse("The minister said on Monday that taxes would fall.")
        words = [w.text for w in doc.words]
        assert words[:3] == ["The", "minister", "said"]
        said = next(w for w in doc.words if w.text == "said")
        assert said.lemma == "say" and said.upos == "VERB"
        assert attempts == []

    def test_missing_resources_dir_is_a_clear_error(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        """A stanza_resources folder without resources.json gives a ModelError naming it."""
        with pytest.raises(ModelError, match=r"resources\.json"):
            Parser(tmp_path)


class TestKernelCache:
    VARIABLE = "ONEDNN_PRIMITIVE_CACHE_CAPACITY"

    def test_building_bounds_onednns_kernel_cache(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without a setting of the user's, the pipeline keeps oneDNN's per-shape kernel cache small."""
        monkeypatch.delenv(self.VARIABLE, raising=False)
        build_stanza(processors="tokenize,mwt")
        assert os.environ[self.VARIABLE] == PRIMITIVE_CACHE

    def test_a_users_own_setting_wins(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(self.VARIABLE, "64")
        build_stanza(processors="tokenize,mwt")
        assert os.environ[self.VARIABLE] == "64"


class TestStanzaInference:
    def test_stanzas_own_code_is_refused_once_replaced(self) -> None:
        """A benchmark's baseline must run Stanza's own inference code: after the replacements are installed in a
        process, asking for it is an error rather than a silently patched pipeline."""
        from quotes.errors import ModelError

        build_stanza(processors="tokenize,mwt")
        with pytest.raises(ModelError, match="already replaced"):
            build_stanza(processors="tokenize,mwt", stanza_inference=True)

    def test_stanzas_own_code_tokenizes_alike_in_a_fresh_process(self) -> None:
        """In a process without the replacements, the same bundled models give the same tokens."""
        import subprocess
        import sys

        script = (
            "from quotes.parsing.pipeline import build_stanza; import stanza.models.tokenization.utils as u; "
            "nlp = build_stanza(processors='tokenize,mwt', stanza_inference=True); "
            "assert u.predict.__module__ == 'stanza.models.tokenization.utils'; "
            "print([t.text for s in nlp('Mr. Smith said so. It rained.').sentences for t in s.tokens])"
        )
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        assert done.stdout.strip() == str(["Mr.", "Smith", "said", "so", ".", "It", "rained", "."])


class TestOffsets:
    def test_offsets_survive_normalisation(self, extractor) -> None:  # type: ignore[no-untyped-def]
        """Curly quotes, non-breaking spaces and glued sentences still give offsets into the original text."""
        text = "It rained.Putin said\u00a0“we will win” on Monday."
        doc = extractor.parse(text)
        for word in doc.words:
            assert normalize(text[word.start : word.end]).text == word.text
        putin = next(w for w in doc.words if w.text == "Putin")
        assert text[putin.start : putin.end] == "Putin"
        assert len(doc.sentences) == 2


def test_bundled_dir_is_inside_the_package() -> None:
    """Models are package data, so a plain pip install carries them."""
    assert BUNDLED_DIR.parent.name == "quotes"
