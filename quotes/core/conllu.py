"""Read and write CoNLL-U for ``ParsedDoc``: hand-written parses for tests, ``quotes parse`` output."""

from __future__ import annotations

import re

from quotes.core.parsed import ParsedDoc, Sentence, Word


def from_conllu(text: str, conllu: str) -> ParsedDoc:
    """Build a ``ParsedDoc`` over ``text`` from CoNLL-U whose forms appear in ``text`` in order.

    Offsets are found by searching each token's form from where the previous one
    ended, so a hand-written parse needs no offsets of its own. Multi-word token
    lines ("1-2 didn't") give the offsets; their words share them.
    """
    sentences: list[Sentence] = []
    pos = 0
    index = 0
    for block in re.split(r"\n\s*\n", conllu.strip()):
        words: list[Word] = []
        span: tuple[int, int, int] | None = None
        for line in block.splitlines():
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"CoNLL-U line needs 10 tab-separated columns, got {len(cols)}: {line!r}")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                _first, last = (int(x) for x in cols[0].split("-"))
                start, end = _locate(text, cols[1], pos)
                span = (last, start, end)
                pos = end
                continue
            word_id = int(cols[0])
            if span is not None and word_id <= span[0]:
                start, end = span[1], span[2]
            else:
                start, end = _locate(text, cols[1], pos)
                pos = end
            words.append(Word(
                index=index, sentence=len(sentences), id=word_id, text=cols[1], lemma=cols[2], upos=cols[3],
                xpos=cols[4], feats=cols[5], head=int(cols[6]), deprel=cols[7], start=start, end=end,
            ))
            index += 1
        if words:
            sentences.append(Sentence(len(sentences), tuple(words), words[0].start, words[-1].end))
    return ParsedDoc(text, tuple(sentences))


def _locate(text: str, form: str, pos: int) -> tuple[int, int]:
    found = text.find(form, pos)
    if found < 0:
        raise ValueError(f"token {form!r} not found in the text after offset {pos}")
    return found, found + len(form)


def to_conllu(doc: ParsedDoc) -> str:
    """CoNLL-U for ``doc``, with ``start_char``/``end_char`` in MISC and the sentence text as a comment."""
    out: list[str] = []
    for sent in doc.sentences:
        out.append(f"# sent_id = {sent.index + 1}")
        out.append("# text = " + " ".join(doc.text[sent.start : sent.end].split()))
        for w in sent.words:
            misc = f"start_char={w.start}|end_char={w.end}"
            if w.ner != "O":
                misc += f"|ner={w.ner}"
            out.append("\t".join([str(w.id), w.text, w.lemma or "_", w.upos or "_", w.xpos or "_", w.feats or "_",
                                  str(w.head), w.deprel or "_", "_", misc]))
        out.append("")
    return "\n".join(out) + ("\n" if out else "")
