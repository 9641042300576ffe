"""The cue lexicon is data users can extend or replace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.core.lexicon import Lexicon
from quotes.errors import LexiconError


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
        with pytest.raises(LexiconError, match=r"nope\.json"):
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


class TestRuleWordsAreData:
    def test_every_list_in_the_data_is_a_lexicon_key(self) -> None:
        """cues.json and speakers.json hold exactly the Lexicon's lists, each described in its file."""
        import attrs

        from quotes.core.lexicon import DATA

        files = [json.loads((DATA / name).read_text(encoding="utf-8")) for name in ("cues.json", "speakers.json")]
        keys = [key for data in files for key in data if key != "description"]
        assert sorted(keys) == sorted(f.name for f in attrs.fields(Lexicon))
        assert all(key in data["description"] for data in files for key in data if key != "description")

    def test_a_user_file_reaches_the_rules(self, tmp_path: Path) -> None:
        """'He rose in the polls' is movement, not a finding, because 'rise' is in poll_moves: a --cues file that
        empties that list makes it an attribution of the polls, so the rule reads the list from the lexicon."""
        from quotes.core.assemble import assemble
        from tests.parses import ROSE_IN_POLLS, doc

        parsed = doc(*ROSE_IN_POLLS)
        assert assemble(parsed, Lexicon.default()) == ()
        lexicon = Lexicon.default().replaced(write(tmp_path, {"poll_moves": []}))
        (att,) = assemble(parsed, lexicon)
        assert att.cue is not None and att.cue.span.text == "in" and att.content.quote == "He rose"

    def test_irregular_forms_are_data(self, tmp_path: Path) -> None:
        """An irregular form added by a user file maps to its cue verb ("Quoth" → "say")."""
        lexicon = Lexicon.default().extended(write(tmp_path, {"irregular_forms": {"Quoth": "say"}}))
        assert lexicon.verb_lemma("Quoth", "Quoth") == "say"
        assert Lexicon.default().verb_lemma("Quoth", "Quoth") == "quoth"
        with pytest.raises(LexiconError, match="map word forms"):
            Lexicon.default().extended(write(tmp_path, {"irregular_forms": ["quoth"]}))
