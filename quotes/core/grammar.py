"""Small questions asked of a dependency parse: children by relation, subtrees as IDs, finiteness, edges.

Shared by the rules (``rules``) and the word-order repairs (``word_order``); each
takes a ``Sentence`` and works in word IDs. The closed-class words the rules
read (markers, pronouns, conjunctions, separators, dependency labels) are here;
open-class word lists are data, in the ``Lexicon``.
"""

from __future__ import annotations

from collections.abc import Iterable

from quotes.core.parsed import Sentence, Word
from quotes.core.quotemarks import QUOTE_TOKENS

CONTENT_MARKERS = frozenset({"that", "against", "whether", "if"})
"""Words opening a reported clause ("warned [against suggesting ...]")."""
NEGATION = frozenset({"not", "n't", "never", "no"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
EXPLETIVES = frozenset({"it", "there", "this"})
"""Subjects of passive cues that name nobody ("it was reported")."""
DASHES = frozenset({"\u2014", "\u2013", "--", "-"})
"""Dash tokens: datelines ("WASHINGTON —") and asides end a phrase."""
SUBORDINATORS = frozenset({"after", "before", "when", "while", "since", "because", "if", "although", "though", "once",
                           "until", "unless", "whereas", "as"})
"""Marks of an adverbial clause ("[After X was booed], Y wrote"): a circumstance, never the inverted content."""
CLAUSE_BREAKS = frozenset({",", "\u2014", "--", ";"})
"""Marks before a clause that is set off from the one before it (", adding that S", ", though he …")."""
SEPARATORS = frozenset({",", "\u2014", "--", "\u2013", '"', "''", "\u201d", "\u201c", ";"})
REPORT_SEPARATORS = frozenset({",", "\u2014", "--", "\u2013"})
"""Marks that set off a reporting clause inside a sentence ("S1, officials said, S2")."""
BACKSHIFT_MODALS = frozenset({"would", "could", "should", "might"})
""" "said they discussed it and [would find] a solution": a subjectless conjunct with a backshifted modal is
reported speech the parser attached to the cue instead of to its clause."""
CONCESSIVE = frozenset({"though", "although", "but", "while", "whereas"})
"""Openers of a trailing comment on what was said (", though he did not say …")."""
PARTICIPLE_OPENERS = frozenset({"when", "after", "if", "once", "while", "as", "before"})
"""Words that open a sentence-initial participle clause ("When asked about S, …")."""
NON_CUE_ADVERBS = frozenset({"when", "where", "why", "how", "so", "then", "as", "only", "just", "even"})
"""Adverbs before a cue verb that belong to the clause, not to the verb group ("when asked", "as he said")."""
MEDIUM_CASES = frozenset({"in", "on", "during"})
"""Prepositions of a medium phrase that joins the cue: "said [in a statement]", "wrote [on Twitter]"."""
APPOSITION_OPENERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "former", "who", "which", "whose"})
"""First words of an apposition or relative clause after a name ("X, the press secretary, said")."""
CLAUSE_RELS = frozenset({"ccomp", "csubj"})
"""Complement clauses: "said [that S]", "it was reported [that S]" (csubj:pass)."""
LOOSE_CLAUSE_RELS = frozenset({"advcl", "dep", "parataxis", "obj", "xcomp", "acl", "obl", "conj"})
"""Relations a small parser sometimes gives a that-clause; accepted only when the clause opens with a marker."""


def lowered(word: Word) -> str:
    """The word as lowercase text: cue and marker lists are matched on forms, not lemmas."""
    return word.text.lower()


def children_by(sentence: Sentence, word: Word, rels: Iterable[str] | None = None) -> list[Word]:
    """Dependents of ``word``, optionally only those whose relation (or its base before ":") is in ``rels``."""
    kids = sentence.children(word)
    if rels is None:
        return kids
    wanted = set(rels)
    return [k for k in kids if k.deprel in wanted or k.rel in wanted]


def active_subjects(sentence: Sentence, word: Word) -> list[Word]:
    """Active subjects only (a passive subject is what was reported, not who reported it), nearest first.

    A small parser sometimes gives a verb two subjects ("[South] Korean Foreign
    Minister Kang Kyung-[wha] said"); the one next to the verb is the real head.
    """
    found = [k for k in sentence.children(word) if k.deprel in ("nsubj", "nsubj:outer")]
    return sorted(found, key=lambda k: abs(word.id - k.id))


def id_set(words: Iterable[Word]) -> frozenset[int]:
    """Word IDs, the unit every rule returns its spans in."""
    return frozenset(w.id for w in words)


def is_negated(sentence: Sentence, word: Word) -> bool:
    """ "did not say", "didn't say": a negation word attached to the verb or to one of its auxiliaries."""
    attached = [k for k in sentence.children(word)]
    attached += [g for k in attached if k.rel == "aux" for g in sentence.children(k)]
    return any(lowered(k) in NEGATION or "Polarity=Neg" in k.feats for k in attached)


def opens_with(sentence: Sentence, clause: Word, words: frozenset[str]) -> bool:
    """True when the first word of the clause's subtree is one of ``words``."""
    first = sentence.subtree(clause)[0]
    return lowered(first) in words


def marked_by(sentence: Sentence, clause: Word, words: Iterable[str]) -> bool:
    """True when one of the clause's ``mark`` dependents is one of ``words`` ("to", "that", a subordinator)."""
    wanted = frozenset(words)
    return any(lowered(m) in wanted for m in children_by(sentence, clause, ["mark"]))


def marked(sentence: Sentence, clause: Word) -> bool:
    """True when a clause is introduced by a content marker ("that", "against")."""
    return marked_by(sentence, clause, CONTENT_MARKERS) or opens_with(sentence, clause, frozenset({"that"}))


def is_finite(word: Word) -> bool:
    """A tensed verb or auxiliary: a clause of its own, by features or by PTB tag when features are missing."""
    return word.upos in ("VERB", "AUX") and ("VerbForm=Fin" in word.feats or word.xpos in ("VBD", "VBZ", "VBP", "MD"))


def has_comma_between(sentence: Sentence, first: Word | None, second: Word) -> bool:
    """True when punctuation separates the phrase of ``first`` from that of ``second`` ("S, AP reported")."""
    if first is None:
        return False
    later = id_set(sentence.subtree(second))
    earlier = id_set(sentence.subtree(first)) - later
    if first.id in later:
        earlier, later = id_set(sentence.subtree(first)), later - id_set(sentence.subtree(first))
    if not earlier or not later:
        return False
    lo, hi = max(earlier), min(later)
    edge = {lo, hi} | set(range(lo + 1, hi))
    return any(w.text in SEPARATORS for w in sentence.words if w.id in edge)


def has_colon_between(sentence: Sentence, left: Word, right: Word) -> bool:
    """True when a colon stands between the two words ("warned: S")."""
    return any(w.text == ":" for w in sentence.words if left.id < w.id < right.id)


def trimmed(sentence: Sentence, ids: Iterable[int]) -> frozenset[int]:
    """Drop punctuation at either edge (keeping quotation marks), and a final sentence period."""
    kept = sorted(ids)
    while kept and edge_punct(sentence.word(kept[0])):
        kept.pop(0)
    while kept and edge_punct(sentence.word(kept[-1])):
        kept.pop()
    return frozenset(kept)


def edge_punct(word: Word | None) -> bool:
    """Punctuation that may be trimmed from a span's edge; quotation marks stay, they show what was quoted."""
    return word is not None and word.upos == "PUNCT" and word.text not in QUOTE_TOKENS
