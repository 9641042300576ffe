"""The cue and speaker lexicons: plain data in ``quotes/data``, extendable by users.

A user file has the same shape as ``quotes/data/cues.json`` (any subset of its
keys); ``extended`` adds its words, ``replaced`` swaps whole lists.
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


IRREGULAR_FORMS = {
    "said": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak", "spoken": "speak",
    "thought": "think", "felt": "feel", "knew": "know", "known": "know", "saw": "see", "seen": "see",
    "swore": "swear", "sworn": "swear", "sought": "seek", "heard": "hear", "meant": "mean",
    "understood": "understand", "foresaw": "foresee", "foreseen": "foresee", "taught": "teach",
}
"""Irregular verb forms of cue verbs, for a lemmatizer that leaves a capitalised "Said" as it is."""


@attrs.frozen
class Lexicon:
    """Cue words (what attributes) and speaker words (who speaks)."""

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

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped in ``quotes/data``."""
        return _default()

    @classmethod
    def from_data(cls, cues: dict[str, Any], speakers: dict[str, Any]) -> Lexicon:
        try:
            particles = tuple(sorted((str(k).lower(), str(v).lower()) for k, v in cues.get("particle_verbs", {}).items()))
        except AttributeError as exc:
            raise LexiconError("lexicon key 'particle_verbs' must map verbs to particles") from exc
        return cls(
            verbs=_words(cues.get("verbs", []), "verbs"),
            nouns=_words(cues.get("nouns", []), "nouns"),
            phrases=_words(cues.get("phrases", []), "phrases"),
            particle_verbs=particles,
            nonverbal_content_words=_words(cues.get("nonverbal_content_words", []), "nonverbal_content_words"),
            infinitive_verbs=_words(cues.get("infinitive_verbs", []), "infinitive_verbs"),
            object_verbs=_words(cues.get("object_verbs", []), "object_verbs"),
            prepositional_verbs=_words(cues.get("prepositional_verbs", []), "prepositional_verbs"),
            raising_verbs=_words(cues.get("raising_verbs", []), "raising_verbs"),
            evidence_nouns=_words(cues.get("evidence_nouns", []), "evidence_nouns"),
            **{key: _words(speakers.get(key, []), key) for key in
               ("titles", "honorifics", "person_pronouns", "group_pronouns", "anonymous", "media", "organisation",
                "person_nouns", "masculine_nouns", "feminine_nouns")},
        )

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
        if IRREGULAR_FORMS.get(word) in known:
            return IRREGULAR_FORMS[word]  # "Said Dorothy Poynter, …" at a sentence start was lemmatized "Said"
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
            if field.name == "particle_verbs":
                if not isinstance(extra[field.name], dict):
                    raise LexiconError("lexicon key 'particle_verbs' must map verbs to particles")
                pairs = dict(self.particle_verbs) if keep else {}
                pairs |= {str(k).lower(): str(v).lower() for k, v in extra[field.name].items()}
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
def _phrase_openers(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(p.split(" ", 1)[0] for p in lexicon.phrases)


@lru_cache(maxsize=1)
def _default() -> Lexicon:
    cues = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    speakers = json.loads((DATA / "speakers.json").read_text(encoding="utf-8"))
    return Lexicon.from_data(cues, speakers)
