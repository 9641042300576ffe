"""Property tests of the extraction layer on random hand-built parses (no model)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.core.assemble import assemble
from quotes.core.attribution import Attribution
from quotes.core.lexicon import Lexicon
from quotes.core.parsed import ParsedDoc, Sentence, Word

VOCAB = [
    ("said", "say", "VERB"), ("told", "tell", "VERB"), ("warned", "warn", "VERB"), ("added", "add", "VERB"),
    ("criticized", "criticize", "VERB"), ("has", "have", "AUX"), ("according", "accord", "VERB"), ("to", "to", "ADP"),
    ("that", "that", "SCONJ"), ("he", "he", "PRON"), ("She", "she", "PRON"), ("who", "who", "PRON"),
    ("it", "it", "PRON"), ("Putin", "Putin", "PROPN"), ("Kim", "Kim", "PROPN"), ("officials", "official", "NOUN"),
    ("minister", "minister", "NOUN"), ("the", "the", "DET"), ("claim", "claim", "NOUN"), ("statement", "statement", "NOUN"),
    ("in", "in", "ADP"), ("not", "not", "PART"), ("what", "what", "PRON"), ("win", "win", "VERB"),
    ("\"", "\"", "PUNCT"), ("\u201c", "\u201c", "PUNCT"), ("\u201d", "\u201d", "PUNCT"), ("'", "'", "PUNCT"),
    ("\u00ab", "\u00ab", "PUNCT"), ("\u00bb", "\u00bb", "PUNCT"), (",", ",", "PUNCT"), (".", ".", "PUNCT"),
    (":", ":", "PUNCT"), ("\u2014", "\u2014", "PUNCT"), ("AP", "AP", "PROPN"), ("Mr.", "Mr.", "PROPN"),
]
RELS = ["nsubj", "nsubj:pass", "obj", "iobj", "ccomp", "xcomp", "advcl", "parataxis", "acl", "acl:relcl", "obl",
        "obl:agent", "case", "mark", "det", "punct", "conj", "cc", "appos", "compound", "flat", "aux", "advmod",
        "expl", "csubj:pass", "fixed", "nmod", "nmod:poss", "dep", "amod"]


@st.composite
def sentence_rows(draw: st.DrawFn) -> list[tuple[tuple[str, str, str], int, str]]:
    """Random words with a random (acyclic) head assignment and random relations."""
    words = draw(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=18))
    order = draw(st.permutations(range(len(words))))
    heads = [0] * len(words)
    for k, index in enumerate(order[1:], 1):
        heads[index] = order[draw(st.integers(0, k - 1))] + 1
    rels = [draw(st.sampled_from(RELS)) for _ in words]
    rels[order[0]] = "root"
    return [(w, heads[i], rels[i]) for i, w in enumerate(words)]


@st.composite
def documents(draw: st.DrawFn) -> ParsedDoc:
    blocks = draw(st.lists(sentence_rows(), min_size=1, max_size=4))
    text = ""
    sentences = []
    index = 0
    for s_index, rows in enumerate(blocks):
        if text:
            text += draw(st.sampled_from([" ", "\n\n", "\n", ""]))
        words = []
        for w_id, ((form, lemma, upos), head, rel) in enumerate(rows, 1):
            if text and not text.endswith((" ", "\n")):
                text += draw(st.sampled_from([" ", "", "\u00a0"]))
            start = len(text)
            text += form
            words.append(Word(index=index, sentence=s_index, id=w_id, text=form, lemma=lemma, upos=upos, xpos="_",
                              feats="_", head=head, deprel=rel, start=start, end=len(text)))
            index += 1
        sentences.append(Sentence(s_index, tuple(words), words[0].start, words[-1].end))
    return ParsedDoc(text, tuple(sentences))


def _spans(att: Attribution) -> list[object]:
    spans: list[object] = [*att.content.spans, att.sentence]
    if att.cue:
        spans.append(att.cue.span)
    if att.speaker:
        spans.append(att.speaker.span)
    return spans


class TestRandomParses:
    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(documents())
    def test_never_raises_and_spans_are_exact(self, doc: ParsedDoc) -> None:
        """Random trees with random cue words and quote marks: no exception, every span exact and in bounds."""
        for att in assemble(doc, Lexicon.default()):
            for span in _spans(att):
                assert 0 <= span.start <= span.end <= len(doc.text)  # type: ignore[attr-defined]
                assert doc.text[span.start : span.end] == span.text  # type: ignore[attr-defined]
            assert att.content.spans and all(s.start < s.end for s in att.content.spans)
            assert doc.text[att.content.start : att.content.end] == att.content.text

    @settings(max_examples=100, deadline=None)
    @given(documents())
    def test_deterministic(self, doc: ParsedDoc) -> None:
        """The same parse always gives the same attributions."""
        assert assemble(doc, Lexicon.default()) == assemble(doc, Lexicon.default())
