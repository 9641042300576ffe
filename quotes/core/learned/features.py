"""What the learned attribution model reads for each word, and the tags it learns to give.

Every feature is read off what quotes already has: the parse (tags, relations, the
path to the nearest cue word), the quotation marks, the lexicon and the rules' own
answer for the word, so the model learns where the rules are wrong instead of
relearning what they get right.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np

from quotes.core.attribution import Attribution
from quotes.core.lexicon import Lexicon
from quotes.core.parsed import ParsedDoc, Sentence, Word
from quotes.core.quotemarks import Quotation, find_quotations, paragraphs

ROLES = ("source", "cue", "content")
"""The parts of an attribution, as PolNeAR marks them."""

TAGS = ("O", "B-source", "I-source", "B-cue", "I-cue", "B-content", "I-content")
"""BIO tags over words: PolNeAR is univocal, each word is in at most one part of one attribution."""

UPOS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
        "SCONJ", "SYM", "VERB", "X")
DEPRELS = ("acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "clf", "compound", "conj",
           "cop", "csubj", "dep", "det", "discourse", "dislocated", "expl", "fixed", "flat", "goeswith", "iobj",
           "list", "mark", "nmod", "nsubj", "nummod", "obj", "obl", "orphan", "parataxis", "punct", "reparandum",
           "root", "vocative", "xcomp")

FEATURES = ("upos", "deprel", "head_side", "head_distance", "quoted", "lexicon", "rule_tag", "cue_relation",
            "cue_path", "cue_distance", "cue_side", "shape", "sentence_edge")
"""The categorical feature columns, in order."""

SIZES = (len(UPOS) + 1, len(DEPRELS) + 1, 3, 8, 3, 7, len(TAGS), 5, len(DEPRELS) + 2, 8, 4, 6, 3)
"""How many values each column takes (0 is "none" or "unknown" where a column needs one)."""

MAX_WINDOW = 256
"""Words per window: whole paragraphs up to this many, so a content that runs over sentences is seen whole."""

_UPOS = {tag: i + 1 for i, tag in enumerate(UPOS)}
_DEPREL = {rel: i + 1 for i, rel in enumerate(DEPRELS)}
_QUOTE_CHARS = frozenset("\"'“”„«»‘’‚")


def _bucket(n: int) -> int:
    """0, 1, 2, 3, 4–5, 6–9, 10–19, 20+ → 0…7."""
    for i, limit in enumerate((0, 1, 2, 3, 5, 9, 19)):
        if n <= limit:
            return i
    return 7


def windows(doc: ParsedDoc) -> list[np.ndarray]:
    """Word indices of each window: consecutive whole paragraphs up to ``MAX_WINDOW`` words.

    A paragraph longer than that is cut at sentence ends (a sentence longer than that, at the limit).
    """
    paras = paragraphs(doc.text)
    starts = [start for start, _ in paras]
    groups: list[list[Sentence]] = []
    last_para = None
    for sentence in doc.sentences:
        para = bisect.bisect_right(starts, sentence.start) - 1
        if para != last_para or not groups:
            groups.append([])
            last_para = para
        groups[-1].append(sentence)
    out: list[list[int]] = [[]]
    for group in groups:
        size = sum(len(s.words) for s in group)
        if out[-1] and len(out[-1]) + size > MAX_WINDOW:
            out.append([])
        for sentence in group:
            ids = [w.index for w in sentence.words]
            if out[-1] and len(out[-1]) + len(ids) > MAX_WINDOW:
                out.append([])
            while len(ids) > MAX_WINDOW:
                out[-1].extend(ids[:MAX_WINDOW])
                ids = ids[MAX_WINDOW:]
                out.append([])
            out[-1].extend(ids)
    return [np.asarray(ids, dtype=np.int64) for ids in out if ids]


def vectors(doc: ParsedDoc, width: int) -> np.ndarray:
    """The encoder vectors of every word, ``(words, width)`` float32; zeros where a sentence has none."""
    rows = []
    for sentence in doc.sentences:
        found = sentence.vectors
        if found is not None and found.shape == (len(sentence.words), width):
            rows.append(np.asarray(found, dtype=np.float32))
        else:
            rows.append(np.zeros((len(sentence.words), width), dtype=np.float32))
    return np.concatenate(rows) if rows else np.zeros((0, width), dtype=np.float32)


def tag_words(doc: ParsedDoc, relations: Sequence[dict[str, Sequence[tuple[int, int]]]]) -> np.ndarray:
    """The BIO tag of every word (indices into ``TAGS``) for attributions given as character pieces per role."""
    return tag_and_own(doc, relations)[0]


def tag_and_own(doc: ParsedDoc,
                relations: Sequence[dict[str, Sequence[tuple[int, int]]]]) -> tuple[np.ndarray, np.ndarray]:
    """The BIO tag of every word and the attribution it belongs to (-1: none).

    A word takes the role of any piece it overlaps; where parts of attributions
    overlap, cue wins over source, and source over content. A new run starts where
    the role or the attribution changes.
    """
    words = doc.words
    starts = [w.start for w in words]
    role_of = np.zeros(len(words), dtype=np.int64)
    owner = np.full(len(words), -1, dtype=np.int64)
    for priority in ("content", "source", "cue"):
        role = ROLES.index(priority) + 1
        for number, relation in enumerate(relations):
            for start, end in relation.get(priority, ()):
                first = max(0, bisect.bisect_right(starts, start) - 1)
                for i in range(first, len(words)):
                    word = words[i]
                    if word.start >= end:
                        break
                    if word.end > start and word.start < end:
                        role_of[i], owner[i] = role, number
    tags = np.zeros(len(words), dtype=np.int64)
    for i in range(len(words)):
        if role_of[i]:
            continuing = i > 0 and role_of[i - 1] == role_of[i] and owner[i - 1] == owner[i]
            tags[i] = 2 * role_of[i] - 1 + int(continuing)
    return tags, owner


def attribution_pieces(attributions: Sequence[Attribution]) -> list[dict[str, Sequence[tuple[int, int]]]]:
    """Attributions as character pieces per role, the form ``tag_words`` reads."""
    return [{
        "source": [(a.speaker.whole.start, a.speaker.whole.end)] if a.speaker else [],
        "cue": [(a.cue.span.start, a.cue.span.end)] if a.cue else [],
        "content": [(s.start, s.end) for s in a.content.spans],
    } for a in attributions]


def _cue_words(sentence: Sentence, lexicon: Lexicon, rule_cues: frozenset[int], verbs: frozenset[str]) -> list[Word]:
    """Words that can be a cue: a cue verb or noun of the lexicon, a cue phrase's first word, or a rule's cue."""
    found = []
    for word in sentence.words:
        lemma = word.lemma.lower()
        if (word.index in rule_cues or (word.upos in ("VERB", "AUX") and lemma in verbs)
                or (word.upos == "NOUN" and lemma in lexicon.nouns) or word.text.lower() in lexicon.phrase_openers):
            found.append(word)
    return found


def word_features(doc: ParsedDoc, lexicon: Lexicon, rules: Sequence[Attribution],
                  quotations: list[Quotation] | None = None) -> np.ndarray:
    """The categorical features of every word, ``(words, len(FEATURES))`` int64 (see ``FEATURES``)."""
    words = doc.words
    out = np.zeros((len(words), len(FEATURES)), dtype=np.int64)
    rule_tags = tag_words(doc, attribution_pieces(rules))
    rule_cues = frozenset(int(i) for i in np.flatnonzero((rule_tags == 3) | (rule_tags == 4)))
    inside = _quoted_offsets(quotations if quotations is not None else find_quotations(doc.text))
    verbs = lexicon.verbs | lexicon.object_verbs | lexicon.infinitive_verbs | lexicon.prepositional_verbs
    for sentence in doc.sentences:
        cues = _cue_words(sentence, lexicon, rule_cues, verbs)
        chains = {w.id: [w.id, *(a.id for a in sentence.ancestors(w))] for w in sentence.words}
        for word in sentence.words:
            row = out[word.index]
            row[0] = _UPOS.get(word.upos, 0)
            row[1] = _DEPREL.get(word.rel, 0)
            row[2] = 0 if word.head == 0 else (1 if word.head < word.id else 2)
            row[3] = 0 if word.head == 0 else _bucket(abs(word.head - word.id))
            row[4] = 2 if set(word.text) <= _QUOTE_CHARS else int(_inside(inside, word.start))
            row[5] = _lexicon_class(word, lexicon, verbs)
            row[6] = rule_tags[word.index]
            row[7:11] = _cue_path(word, cues, chains, sentence)
            row[11] = _shape(word.text)
            row[12] = 1 if word.id == 1 else (2 if word.id == len(sentence.words) else 0)
    return out


def _quoted_offsets(quotations: list[Quotation]) -> list[tuple[int, int]]:
    return sorted(piece for q in quotations for piece in q.pieces)


def _inside(pieces: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(pieces, (offset, float("inf"))) - 1
    return i >= 0 and pieces[i][0] <= offset < pieces[i][1]


def _lexicon_class(word: Word, lexicon: Lexicon, verbs: frozenset[str]) -> int:
    lemma, lower = word.lemma.lower(), word.text.lower()
    if word.upos in ("VERB", "AUX") and lemma in verbs:
        return 1
    if lemma in lexicon.nouns:
        return 2
    if lower in lexicon.phrase_openers:
        return 3
    if lemma in lexicon.titles:
        return 4
    if lower in lexicon.person_pronouns or lower in lexicon.group_pronouns:
        return 5
    if lemma in lexicon.media or lemma in lexicon.organisation or lemma in lexicon.anonymous:
        return 6
    return 0


def _cue_path(word: Word, cues: list[Word], chains: dict[int, list[int]],
              sentence: Sentence) -> tuple[int, int, int, int]:
    """How ``word`` stands to the nearest cue word in its tree: relation, first relation down, distance, side.

    relation: 0 no cue in the sentence, 1 the word is the cue, 2 below it, 3 above it, 4 elsewhere;
    the first relation is the label of the edge that leaves the cue towards the word (or the cue's own
    label when the word is not below it).
    """
    if not cues:
        return 0, 0, 0, 0
    best = None
    chain = chains[word.id]
    for cue in cues:
        cue_chain = chains[cue.id]
        common = next((i for i in chain if i in cue_chain), None)
        distance = (len(chain) + len(cue_chain) if common is None
                    else chain.index(common) + cue_chain.index(common))
        if best is None or distance < best[0]:
            best = (distance, cue, common)
    assert best is not None
    distance, cue, common = best
    side = 3 if cue.id == word.id else (1 if cue.id < word.id else 2)
    if cue.id == word.id:
        return 1, 0, 0, side
    if common == cue.id:
        below = sentence.word(chain[chain.index(cue.id) - 1])
        label = _DEPREL.get(below.rel, 0) if below is not None else 0
        return 2, label, _bucket(distance), side
    own = _DEPREL.get(cue.rel, 0)
    return (3 if common == word.id else 4), own, _bucket(distance), side


def _shape(text: str) -> int:
    if not text:
        return 5
    if text[0].isdigit():
        return 3
    if not any(c.isalnum() for c in text):
        return 4
    if text.isupper() and len(text) > 1:
        return 2
    if text[0].isupper():
        return 1
    return 0 if text[0].islower() else 5
