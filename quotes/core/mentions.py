"""Speaker mentions in a parse: the minimal mention ("Josh Earnest") and the whole source phrase.

The minimal mention names the speaker for the table and for resolution; the
whole phrase ("Josh Earnest, the White House press secretary") is the source as
PolNeAR marks it. Both are read from the tree, with word-order repairs where the
parser hung an apposition elsewhere.
"""

from __future__ import annotations

from quotes.core.grammar import DASHES, id_set, lowered
from quotes.core.parsed import Sentence, Word
from quotes.core.word_order import SOURCE_ADJECTIVES, trailing_apposition

MENTION_STOP_RELS = frozenset({"acl:relcl", "acl", "appos", "punct", "parataxis", "advcl", "conj", "cc", "dep", "ccomp", "case"})
"""Parts of a subject phrase that are not the minimal mention ("X, [who replaced Y], said", "[according to] X")."""
PHRASE_RELS = frozenset({"appos", "acl", "acl:relcl", "conj", "cc", "punct"})
"""What the whole source phrase adds to a mention: "X, the press secretary", "X, who advised Obama", "X and Y"."""


def phrase_ids(sentence: Sentence, head: Word, avoid: frozenset[int]) -> list[Word]:
    """The whole noun phrase that names a source, as PolNeAR marks it, never reaching into ``avoid``.

    The minimal mention plus its appositions, relative clauses, participles and
    coordinated names ("Felicia Wong, president of the Roosevelt Institute, and
    Stan Greenberg"), and the words up to a cue right after it ("officials
    [familiar with the talks] said", however parsed); a mention that is itself
    an apposition grows from the name it describes. In PolNeAR train 745
    sources keep such an apposition or clause and 57 leave it out.
    """
    root = head
    parent = sentence.head_of(head)
    if head.rel == "appos" and parent is not None and parent.id < head.id and parent.upos in ("PROPN", "NOUN"):
        root = parent
    ids = {w.id for w in mention_ids(sentence, root)} | {head.id}
    for child in sentence.children(root):
        if child.rel in PHRASE_RELS or child.deprel in PHRASE_RELS:
            if child.rel == "conj" and child.upos not in ("PROPN", "NOUN", "PRON"):
                continue
            ids |= id_set(sentence.subtree(child))
    lo, hi = min(ids), max(ids)
    lo = max([lo, *(i + 1 for i in avoid if i < root.id)])
    hi = min([hi, *(i - 1 for i in avoid if i > root.id)])
    span = [w for w in sentence.words if lo <= w.id <= hi]
    cue = min((i for i in avoid if i > hi), default=None)
    gap = [w for w in sentence.words if cue is not None and hi < w.id < cue]
    if span and gap and lowered(gap[0]) in SOURCE_ADJECTIVES and not any(w.upos == "PUNCT" for w in gap):
        span.extend(gap)
    if span:
        span.extend(trailing_apposition(sentence, span[-1], avoid))
    while span and (span[-1].upos in ("PUNCT", "CCONJ") or span[-1].rel == "cc"):
        span.pop()
    while span and span[0].upos == "PUNCT":
        span.pop(0)
    return span or [head]


def _spaced(sentence: Sentence, word: Word) -> bool:
    """A dash with spaces around it separates phrases ("complaint - technology companies"); "Post-ABC" does not."""
    before, after = sentence.word(word.id - 1), sentence.word(word.id + 1)
    return (before is None or before.end < word.start) and (after is None or word.end < after.start)


def mention_ids(sentence: Sentence, head: Word) -> list[Word]:
    """The minimal speaker mention headed by ``head``: its noun phrase without clauses and appositions."""
    keep = {head.id}
    frontier = [head]
    while frontier:
        current = frontier.pop()
        for child in sentence.children(current):
            if child.id in keep or child.deprel in MENTION_STOP_RELS or child.rel in MENTION_STOP_RELS:
                continue
            if child.id > head.id and child.rel in ("nmod",) and lowered(sentence.subtree(child)[0]) in ("who", "which"):
                continue
            keep.add(child.id)
            frontier.append(child)
    words = [w for w in sentence.words if w.id in keep]
    lo, hi = words[0].id, words[-1].id
    span = [w for w in sentence.words if lo <= w.id <= hi]
    while span and span[0].upos == "PUNCT":
        span.pop(0)
    while span and span[-1].upos == "PUNCT":
        span.pop()
    cut = [i for i, w in enumerate(span) if w.text == "," and w.id > head.id]
    if cut:
        span = span[: cut[0]]
    dashes = [i for i, w in enumerate(span) if w.text in DASHES and w.upos == "PUNCT" and _spaced(sentence, w)]
    before = [i for i in dashes if span[i].id < head.id]
    after = [i for i in dashes if span[i].id > head.id]
    if after:
        span = span[: after[0]]
    if before:
        span = span[before[-1] + 1 :]
    span = span or [head]
    siblings = [w for w in sentence.words if w.head == head.head and w.deprel == head.deprel and w.id != head.id]
    for sibling in sorted((w for w in siblings if w.id < span[0].id), key=lambda w: -w.id):
        part = sentence.subtree(sibling)
        if sibling.id == span[0].id - 1 and sibling.upos == head.upos == "PROPN":
            part = [sibling]  # "[Josh] [Earnest], the press secretary": one name split in two subjects
        if part[-1].id != span[0].id - 1 or any(w.upos == "PUNCT" for w in part):
            break
        span = [*part, *span]
    for sibling in sorted((w for w in siblings if w.id > span[-1].id), key=lambda w: w.id):
        part = sentence.subtree(sibling)
        if part[0].id != span[-1].id + 1 or any(w.upos == "PUNCT" for w in part):
            break
        span = [*span, *part]
    return span
