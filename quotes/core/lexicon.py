"""The lexicon: every open-class word list the rules use, plain data in ``quotes/data``, extendable by users.

A user file has the same shape as ``quotes/data/cues.json`` (any subset of the
keys of ``cues.json`` and ``speakers.json``); ``extended`` adds its words,
``replaced`` swaps whole lists. Closed-class grammar words (determiners,
pronouns, conjunctions, dependency labels) stay in ``grammar``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import attrs

from quotes.errors import LexiconError

DATA = Path(__file__).parent.parent / "data"


def _words(values: Any, key: str) -> frozenset[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise LexiconError(f"lexicon key {key!r} must be a list of strings")
    return frozenset(v.strip().lower() for v in values if v.strip())


PAIRED = {"particle_verbs": "verbs to particles", "irregular_forms": "word forms to lemmas"}
"""Keys whose value is a JSON object, and what it maps (for the error message)."""


def _pairs(values: Any, key: str) -> dict[str, str]:
    try:
        return {str(k).lower(): str(v).lower() for k, v in values.items()}
    except AttributeError as exc:
        raise LexiconError(f"lexicon key {key!r} must map {PAIRED[key]}") from exc


@attrs.frozen
class Lexicon:
    """Every open-class word list the rules use, all read from ``quotes/data``: cue words (what attributes),
    speaker words (who speaks) and the words that steer the rules ("told [reporters]", "a poll [shows]")."""

    verbs: frozenset[str]
    """Lemmas of attribution verbs ("say", "warn")."""
    nouns: frozenset[str]
    """Nouns that attribute a content clause ("claim", "statement")."""
    phrases: frozenset[str]
    """Multi-word cues that introduce the source ("according to")."""
    particle_verbs: tuple[tuple[str, str], ...]
    """Verb + particle cues ("point out"): the verb counts only with its particle."""
    nonverbal_content_words: frozenset[str]
    """Words opening an indirect question, which a negated cue does not attribute."""
    infinitive_verbs: frozenset[str]
    """Cues whose to-infinitive complement is their content ("vowed to fight")."""
    object_verbs: frozenset[str]
    """Cues whose direct object is their content ("criticized [the policy]", "called [it a disaster]")."""
    prepositional_verbs: frozenset[str]
    """ "verb preposition" cues whose content is the preposition's object ("talk about [X]", "call for [X]")."""
    raising_verbs: frozenset[str]
    """ "X seems to Y" cues: no source, the content is the subject and the complement."""
    evidence_nouns: frozenset[str]
    """Subjects that make "show", "find", "suggest" attribute their object ("a poll shows [X]")."""
    titles: frozenset[str]
    honorifics: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    anonymous: frozenset[str]
    media: frozenset[str]
    organisation: frozenset[str]
    person_nouns: frozenset[str] = frozenset()
    """Common nouns that name a person ("woman", "mother"): antecedents of "he" and "she" besides titles."""
    masculine_nouns: frozenset[str] = frozenset()
    """Person nouns that show a man ("spokesman"), so "she" does not point to them."""
    feminine_nouns: frozenset[str] = frozenset()
    """Person nouns that show a woman ("spokeswoman")."""
    evidence_verbs: frozenset[str] = frozenset()
    """Verbs whose object is what an evidence noun reports ("a poll [shows] Cruz ahead")."""
    poll_nouns: frozenset[str] = frozenset()
    """Evidence nouns whose "in" phrase attributes the clause ("[In exit polls], voters were unhappy")."""
    poll_moves: frozenset[str] = frozenset()
    """Predicates that describe movement in the polls ("he rose in the polls"), not what a poll found."""
    addressee_verbs: frozenset[str] = frozenset()
    """Cues whose first object is who was spoken to, not what was said ("told [reporters] the plan failed")."""
    listener_verbs: frozenset[str] = frozenset()
    """Addressee verbs that never come before their speaker ('"Why?" asked Smith' and '"Q," warned X' do)."""
    quoted_as_verbs: frozenset[str] = frozenset()
    """Passive cues whose subject is the speaker: "X is quoted as saying", "X was heard saying"."""
    authored_nouns: frozenset[str] = frozenset()
    """Things a person issues or speaks through: "issued a statement describing X" is said by whoever issued it."""
    irregular_forms: tuple[tuple[str, str], ...] = ()
    """Irregular forms of cue verbs, for a lemmatizer that leaves a capitalised "Said" as it is."""
    time_words: frozenset[str] = frozenset()
    """Days and time nouns: when something was said, never what was said or who said it."""
    adjunct_time_words: frozenset[str] = frozenset()
    """Besides ``time_words``, time adjuncts after a stance verb's object that stay out of its content."""
    lead_time_words: frozenset[str] = frozenset()
    """Besides ``time_words``, time words a report verb takes right before its content ("reported [earlier] S")."""
    source_adjectives: frozenset[str] = frozenset()
    """Adjectives of anonymous-source phrases ("officials [familiar] with the talks") that a small tagger reads
    as verbs."""

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped in ``quotes/data``."""
        return _default()

    @classmethod
    def from_data(cls, cues: dict[str, Any], speakers: dict[str, Any]) -> Lexicon:
        """A lexicon from the contents of ``cues.json`` and ``speakers.json`` (a missing key is an empty list)."""
        data = {**cues, **speakers}
        values: dict[str, Any] = {}
        for field in attrs.fields(Lexicon):
            if field.name in PAIRED:
                values[field.name] = tuple(sorted(_pairs(data.get(field.name, {}), field.name).items()))
            else:
                values[field.name] = _words(data.get(field.name, []), field.name)
        return cls(**values)

    def verb_lemma(self, lemma: str, form: str) -> str:
        """``lemma``, or the cue verb it was meant to be: a small lemmatizer turns unseen "vowed" into "vowe".

        Tries the lemma, the lemma with a final "e" dropped or added, then stems of
        the surface form ("-ed", "-ing", "-s", doubled consonants); the first that
        is a cue verb wins, otherwise the lemma stands.
        """
        lemma = lemma.lower()
        known = self._cue_verbs
        if lemma in known:
            return lemma
        word = form.lower()
        irregular = _irregular(self).get(word)
        if irregular in known:
            return irregular  # "Said Dorothy Poynter, …" at a sentence start was lemmatized "Said"
        candidates = [lemma[:-1] if lemma.endswith("e") else lemma + "e"]
        for suffix in ("ing", "ed", "es", "s", "d"):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[: -len(suffix)]
                candidates += [stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
        return next((c for c in candidates if c in known), lemma)

    def noun_gender(self, lemma: str) -> str | None:
        """ "m" or "f" for a gendered person noun ("spokeswoman"), None otherwise."""
        lemma = lemma.lower()
        return "m" if lemma in self.masculine_nouns else "f" if lemma in self.feminine_nouns else None

    @property
    def _cue_verbs(self) -> frozenset[str]:
        return _cue_verbs(self)

    @property
    def phrase_openers(self) -> frozenset[str]:
        """First words of the multi-word cues, to skip every other word at once."""
        return _phrase_openers(self)

    def extended(self, path: str | Path) -> Lexicon:
        """This lexicon plus the words of a user JSON file."""
        return self._merged(_read(Path(path)), keep=True)

    def replaced(self, path: str | Path) -> Lexicon:
        """This lexicon with every list named in a user JSON file replaced by that file's list."""
        return self._merged(_read(Path(path)), keep=False)

    def _merged(self, extra: dict[str, Any], *, keep: bool) -> Lexicon:
        changes: dict[str, Any] = {}
        for field in attrs.fields(Lexicon):
            if field.name not in extra:
                continue
            if field.name in PAIRED:
                pairs = dict(getattr(self, field.name)) if keep else {}
                pairs |= _pairs(extra[field.name], field.name)
                changes[field.name] = tuple(sorted(pairs.items()))
            else:
                words = _words(extra[field.name], field.name)
                changes[field.name] = getattr(self, field.name) | words if keep else words
        return attrs.evolve(self, **changes)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LexiconError(f"cannot read lexicon {path}: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise LexiconError(f"lexicon {path} is not valid JSON: {exc.msg} at line {exc.lineno}") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"lexicon {path} must hold a JSON object with keys such as 'verbs', 'nouns', 'phrases'")
    unknown = set(data) - {f.name for f in attrs.fields(Lexicon)} - {"description"}
    if unknown:
        raise LexiconError(f"lexicon {path} has unknown keys {sorted(unknown)}; valid keys: "
                           f"{', '.join(f.name for f in attrs.fields(Lexicon))}")
    return data


@lru_cache(maxsize=8)
def _cue_verbs(lexicon: Lexicon) -> frozenset[str]:
    """Every lemma that can head a verb cue, for ``Lexicon.verb_lemma``."""
    return (lexicon.verbs | lexicon.object_verbs | lexicon.infinitive_verbs | lexicon.raising_verbs
            | frozenset(p.split(" ", 1)[0] for p in lexicon.prepositional_verbs))


@lru_cache(maxsize=8)
def _irregular(lexicon: Lexicon) -> dict[str, str]:
    return dict(lexicon.irregular_forms)


@lru_cache(maxsize=8)
def _phrase_openers(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(p.split(" ", 1)[0] for p in lexicon.phrases)


@lru_cache(maxsize=1)
def _default() -> Lexicon:
    cues = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    speakers = json.loads((DATA / "speakers.json").read_text(encoding="utf-8"))
    return Lexicon.from_data(cues, speakers)
