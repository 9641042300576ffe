"""The cue lexicon is data users can extend or replace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.errors import LexiconError
from quotes.core.lexicon import Lexicon


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


class TestLexicon:
    def test_default_has_the_core_cues(self) -> None:
        """The shipped lexicon knows say, according to and claim."""
        lexicon = Lexicon.default()
        assert "say" in lexicon.verbs and "according to" in lexicon.phrases and "claim" in lexicon.nouns

    def test_extended_adds_words(self, tmp_path: Path) -> None:
        """extended() keeps the built-in words and adds the user's, lower-cased."""
        lexicon = Lexicon.default().extended(write(tmp_path, {"verbs": ["Opine"], "particle_verbs": {"spell": "out"}}))
        assert {"opine", "say"} <= lexicon.verbs
        assert ("spell", "out") in lexicon.particle_verbs and ("point", "out") in lexicon.particle_verbs

    def test_replaced_swaps_lists(self, tmp_path: Path) -> None:
        """replaced() swaps only the lists the file names."""
        lexicon = Lexicon.default().replaced(write(tmp_path, {"verbs": ["opine"]}))
        assert lexicon.verbs == frozenset({"opine"})
        assert lexicon.nouns == Lexicon.default().nouns

    @pytest.mark.parametrize("data, message", [
        ({"verbs": "say"}, "list of strings"),
        ({"verb": ["say"]}, "unknown keys"),
        (["say"], "JSON object"),
        ({"particle_verbs": ["point"]}, "map verbs"),
    ])
    def test_bad_files_are_clear_errors(self, tmp_path: Path, data: object, message: str) -> None:
        """A malformed lexicon raises LexiconError saying what is wrong."""
        with pytest.raises(LexiconError, match=message):
            Lexicon.default().extended(write(tmp_path, data))

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a LexiconError naming it."""
        with pytest.raises(LexiconError, match="nope.json"):
            Lexicon.default().extended(tmp_path / "nope.json")


class TestVerbLemma:
    def test_repairs_lemmatizer_slips_on_cue_verbs(self) -> None:
        lexicon = Lexicon.default()
        assert lexicon.verb_lemma("vowe", "vowed") == "vow"
        assert lexicon.verb_lemma("endors", "endorsed") == "endorse"
        assert lexicon.verb_lemma("applaude", "applauded") == "applaud"
        assert lexicon.verb_lemma("Said", "Said") == "say"  # a capitalised irregular form left unlemmatized
        assert lexicon.verb_lemma("Told", "Told") == "tell"
        assert lexicon.verb_lemma("urging", "urging") == "urge"

    def test_leaves_other_lemmas_alone(self) -> None:
        lexicon = Lexicon.default()
        assert lexicon.verb_lemma("say", "said") == "say"
        assert lexicon.verb_lemma("walk", "walked") == "walk"
        assert lexicon.verb_lemma("bore", "bored") == "bore"
