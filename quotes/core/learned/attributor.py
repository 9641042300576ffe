"""The learned attribution method: features → tagger scores → well-formed spans → linked attributions.

The speaker's name, role and type come from the same ``Resolver`` the rules use,
so a learned attribution's speaker reads exactly like a rule's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
import numpy as np

from quotes.core.assemble import paragraph_of, quote_kind
from quotes.core.attribution import Attribution, Content, Cue, Rule, Span, Speaker
from quotes.core.learned.decoding import Run, runs, viterbi
from quotes.core.learned.features import vectors, windows, word_features
from quotes.core.learned.linking import Linked, Linker
from quotes.core.lexicon import Lexicon
from quotes.core.parsed import ParsedDoc, Word
from quotes.core.quotemarks import Quotation, find_quotations, paragraphs
from quotes.core.speakers import Resolver, describe

Scorer = Callable[[Sequence[tuple[np.ndarray, np.ndarray]]], list[np.ndarray]]
"""Scores windows of (vectors, features) as ``(words, tags)`` log-probabilities (the network in quotes.parsing)."""

RULE = Rule.LEARNED
"""The ``rule`` field of every attribution this method finds."""


class LearnedAttributor:
    """Finds attributions with the tagger and the linker; the rules' answer is one of its inputs."""

    def __init__(self, scorer: Scorer, linker: Linker, *, rule_features: bool = True, vector_width: int = 384) -> None:
        self.scorer = scorer
        self.linker = linker
        self.rule_features = rule_features
        self.vector_width = vector_width

    def spans(self, doc: ParsedDoc, lexicon: Lexicon, rules: Sequence[Attribution],
              quotations: list[Quotation] | None = None) -> list[Run]:
        """The source, cue and content runs the tagger finds, before linking."""
        features = word_features(doc, lexicon, rules if self.rule_features else (), quotations)
        vecs = vectors(doc, self.vector_width)
        groups = windows(doc)
        found: list[Run] = []
        for ids, log_probs in zip(groups, self.scorer([(vecs[ids], features[ids]) for ids in groups])):
            found += runs(viterbi(log_probs), ids, np.exp(log_probs))
        return found

    def linked(self, doc: ParsedDoc, lexicon: Lexicon, rules: Sequence[Attribution],
               quotations: list[Quotation] | None = None) -> list[Linked]:
        """The runs grouped into attributions."""
        return self.linker.link(doc, self.spans(doc, lexicon, rules, quotations), rule_pairs(doc, rules))

    def attribute(self, doc: ParsedDoc, lexicon: Lexicon, rules: Sequence[Attribution]) -> tuple[Attribution, ...]:
        """All attributions of a parsed article, in text order of their contents."""
        quotations = find_quotations(doc.text)  # read once, for the features and for each attribution's kind
        return build(doc, lexicon, self.linked(doc, lexicon, rules, quotations), quotations)


def rule_pairs(doc: ParsedDoc, rules: Sequence[Attribution]) -> frozenset[tuple[str, int, int]]:
    """(role, cue word, word) for every word of each rule attribution's source and content."""
    words = doc.words
    starts = np.asarray([w.start for w in words])
    ends = np.asarray([w.end for w in words])

    def covered(start: int, end: int) -> np.ndarray:
        return np.flatnonzero((ends > start) & (starts < end))

    pairs: set[tuple[str, int, int]] = set()
    for att in rules:
        if att.cue is None:
            continue
        cue_ids = covered(att.cue.span.start, att.cue.span.end)
        others = [("content", covered(s.start, s.end)) for s in att.content.spans]
        if att.speaker is not None:
            others.append(("source", covered(att.speaker.whole.start, att.speaker.whole.end)))
        for role, ids in others:
            pairs.update((role, int(c), int(o)) for c in cue_ids for o in ids)
    return frozenset(pairs)


def build(doc: ParsedDoc, lexicon: Lexicon, linked: Sequence[Linked],
          quotations: list[Quotation] | None = None) -> tuple[Attribution, ...]:
    """``Attribution`` objects for linked runs, speakers resolved in text order."""
    text, words = doc.text, doc.words
    if quotations is None:
        quotations = find_quotations(text)
    paras = paragraphs(text)
    resolver = Resolver(doc, lexicon, quotations)
    out = []
    for item in sorted(linked, key=lambda link: link.cue.first):
        content = Content.of(text, [_stripped(text, words[r.first].start, words[r.last].end) for r in item.contents])
        cue_words = words[item.cue.first: item.cue.last + 1]
        cue = Cue(Span.of(text, cue_words[0].start, cue_words[-1].end), _cue_lemma(cue_words))
        sentence = doc.sentences[cue_words[0].sentence]
        speaker = _speaker(doc, lexicon, resolver, item.source, words) if item.source else None
        out.append(Attribution(
            content=content, cue=cue, speaker=speaker, kind=quote_kind(text, content, quotations),
            sentence=Span.of(text, sentence.start, sentence.end), paragraph=paragraph_of(paras, content.start) or 0,
            rule=RULE,
        ))
    return tuple(sorted(out, key=lambda a: (a.content.start, a.content.end)))


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The piece without the spaces at its edges (a content's text never starts or ends with one)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _head(run_words: Sequence[Word]) -> Word:
    """The word that heads a run: of the words whose head lies outside it, the last noun or pronoun ("The
    [Putin-Kim] meeting": not the determiner), else the first."""
    ids = {w.id for w in run_words}
    outside = [w for w in run_words if w.head not in ids] or list(run_words)
    nominal = [w for w in outside if w.upos in ("PROPN", "NOUN", "PRON", "NUM")]
    return nominal[-1] if nominal else outside[0]


def _cue_lemma(cue_words: Sequence[Word]) -> str:
    """The cue's verb lemma ("say"), else its noun's ("statement"), else the words themselves ("according to")."""
    for tags in (("VERB", "AUX"), ("NOUN",)):
        found = [w for w in cue_words if w.upos in tags]
        if found:
            return found[0].lemma.lower()
    return " ".join(w.text.lower() for w in cue_words)


def _speaker(doc: ParsedDoc, lexicon: Lexicon, resolver: Resolver, source: Run, words: list[Word]) -> Speaker:
    """The speaker of a source run: the mention its head word heads, the run itself as the whole phrase."""
    run_words = words[source.first: source.last + 1]
    head = _head(run_words)
    mention = describe(doc, doc.sentences[head.sentence], head, lexicon)
    whole = Span.of(doc.text, run_words[0].start, run_words[-1].end)
    if not (whole.start <= mention.span.start and mention.span.end <= whole.end):
        mention = attrs.evolve(mention, span=whole, words=tuple(run_words))
    return resolver.resolve(attrs.evolve(mention, phrase=whole), mention.span.start)
