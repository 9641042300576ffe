"""Mend sentence breaks the tokenizer puts inside a sentence, before tagging and parsing.

The small bundled tokenizer ends about one sentence in a hundred of political news
at a title ("her main rival, Sen. | Bernie Sanders, said") or, more rarely, at
an abbreviated month before its day ("since Jan. | 7, 2012"), and about two in a
hundred in mid-line after a word with no punctuation at all, most often before a
curly possessive ("Donald | Trump’s campaign manager says", "Republican |
Party’s gala") or inside a name ("Senator | Ted Cruz argued"), and one in a
hundred after a quotation's comma ('my job," | Weiner said'). All cut speakers
from their verbs. A news sentence ends in punctuation or at a line break, so
joining such pieces lets the parser see the whole sentence.
"""

from __future__ import annotations

from typing import Any

TITLE_ABBREVIATIONS = frozenset({
    "mr.", "mrs.", "ms.", "dr.", "sen.", "sens.", "rep.", "reps.", "gov.", "govs.", "lt.", "gen.", "col.", "capt.",
    "sgt.", "adm.", "maj.", "cmdr.", "rev.", "prof.", "amb.", "atty.", "supt.", "hon.", "msgr.",
})
"""Abbreviations that come before a name and so never end a sentence."""


CLOSING_QUOTES = frozenset({'"', "\u201d", "''", "\u2019", "'", "\u00bb"})

MAX_JOINED_TOKENS = 150
"""No join makes a sentence longer than this: a long unpunctuated line (a tag list, a 20 MB dump) stays in
the pieces the tokenizer cut, since the parser's memory grows with the square of sentence length."""


MONTH_ABBREVIATIONS = frozenset({"jan.", "feb.", "mar.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."})
"""Abbreviated months, which end a sentence only when no day follows ("since Jan. | 7, 2012")."""


def ends_with_title(tokens: list[dict[str, Any]]) -> bool:
    """Whether a tokenized sentence ends in a title abbreviation ("Sen." or "Sen" + ".")."""
    return _ends_with(tokens, TITLE_ABBREVIATIONS)


def ends_with_month(tokens: list[dict[str, Any]]) -> bool:
    """Whether a tokenized sentence ends in an abbreviated month ("Jan." or "Jan" + ".")."""
    return _ends_with(tokens, MONTH_ABBREVIATIONS)


def _ends_with(tokens: list[dict[str, Any]], abbreviations: frozenset[str]) -> bool:
    if not tokens:
        return False
    last = tokens[-1]
    if last["text"].lower() in abbreviations:
        return True
    if last["text"] != "." or len(tokens) < 2:
        return False
    before = tokens[-2]
    return before.get("end_char") == last.get("start_char") and f"{before['text'].lower()}." in abbreviations


def runs_on(tokens: list[dict[str, Any]], following: dict[str, Any], text: str) -> bool:
    """Whether a sentence stops in mid-line where no sentence ends: after a plain word, or a comma or semicolon.

    A comma or semicolon may be followed by closing quote marks ('my job," |
    Weiner said'). A last token with any other non-alphanumeric character
    ("U.S.", "2:30", "!", an emoji) counts as an ending, and a line break before
    the next sentence always does.
    """
    if not tokens or "end_char" not in tokens[-1] or "start_char" not in following:
        return False
    if "\n" in text[tokens[-1]["end_char"] : following["start_char"]]:
        return False
    texts = [t["text"] for t in tokens]
    while texts and texts[-1] in CLOSING_QUOTES:
        texts.pop()
    return bool(texts) and (texts[-1] in (",", ";") or len(texts) == len(tokens) and texts[-1].isalnum())


def joins(tokens: list[dict[str, Any]], following: dict[str, Any], text: str | None) -> bool:
    """Whether the sentence ``tokens`` and the one starting with ``following`` are one sentence."""
    if ends_with_title(tokens) and following["text"][:1].isupper():
        return True
    if ends_with_month(tokens) and following["text"][:1].isdigit():
        return True
    return text is not None and runs_on(tokens, following, text)


def mend(sentences: list[list[dict[str, Any]]], text: str | None = None) -> list[list[dict[str, Any]]]:
    """Sentences (Stanza's token and word dicts) with each break inside a sentence joined.

    Title breaks are always mended; mid-line breaks after a plain word need the
    document ``text`` to see the line breaks. IDs of the second piece are
    shifted past the first's words (multi-word token ranges such as ``(2, 3)``
    included).
    """
    mended: list[list[dict[str, Any]]] = []
    for tokens in sentences:
        fits = mended and len(mended[-1]) + len(tokens) <= MAX_JOINED_TOKENS
        if fits and tokens and joins(mended[-1], tokens[0], text):
            offset = max(max(_ids(t["id"])) for t in mended[-1])
            mended[-1] = mended[-1] + [dict(t, id=_shift(t["id"], offset)) for t in tokens]
        else:
            mended.append(list(tokens))
    return mended


def _ids(token_id: Any) -> tuple[int, ...]:
    return tuple(token_id) if isinstance(token_id, (tuple, list)) else (token_id,)


def _shift(token_id: Any, offset: int) -> Any:
    if isinstance(token_id, (tuple, list)):
        return tuple(i + offset for i in token_id)
    return token_id + offset


def _edge_tokens(tokens: list[Any]) -> list[dict[str, Any]]:
    """Stanza tokens as the dicts ``joins`` reads, without copying the whole document."""
    return [{"text": t.text, "start_char": t.start_char, "end_char": t.end_char} for t in tokens]


def mend_document(doc: Any) -> Any:
    """A tokenized ``stanza.Document`` with breaks inside sentences joined (the same object when there are none)."""
    import stanza

    pairs = zip(doc.sentences, doc.sentences[1:])
    if not any(joins(_edge_tokens(a.tokens[-2:]), _edge_tokens(b.tokens[:1])[0], doc.text) for a, b in pairs):
        return doc
    sentences = doc.to_dict()
    mended = mend(sentences, doc.text)
    if len(mended) == len(sentences):
        return doc
    return stanza.Document(mended, text=doc.text)
