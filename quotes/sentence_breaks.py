"""Mend sentence breaks the tokenizer puts after a title: "her main rival, Sen. | Bernie Sanders, said".

The small bundled tokenizer ends about one sentence in a hundred of political news
at "Sen.", "Rep." or "Gov.", which cuts a speaker's name from its verb. Joining
the two pieces before tagging and parsing lets the parser see the whole sentence.
"""

from __future__ import annotations

from typing import Any

TITLE_ABBREVIATIONS = frozenset({
    "mr.", "mrs.", "ms.", "dr.", "sen.", "sens.", "rep.", "reps.", "gov.", "govs.", "lt.", "gen.", "col.", "capt.",
    "sgt.", "adm.", "maj.", "cmdr.", "rev.", "prof.", "amb.", "atty.", "supt.", "hon.", "msgr.",
})
"""Abbreviations that come before a name and so never end a sentence."""


def ends_with_title(tokens: list[dict[str, Any]]) -> bool:
    """Whether a tokenized sentence ends in a title abbreviation ("Sen." or "Sen" + ".")."""
    if not tokens:
        return False
    last = tokens[-1]
    if last["text"].lower() in TITLE_ABBREVIATIONS:
        return True
    if last["text"] != "." or len(tokens) < 2:
        return False
    before = tokens[-2]
    return before.get("end_char") == last.get("start_char") and f"{before['text'].lower()}." in TITLE_ABBREVIATIONS


def mend(sentences: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """Sentences (Stanza's token and word dicts) with each title break joined to what follows.

    IDs of the second piece are shifted past the first's words (multi-word
    token ranges such as ``(2, 3)`` included).
    """
    mended: list[list[dict[str, Any]]] = []
    for tokens in sentences:
        if mended and tokens and ends_with_title(mended[-1]) and tokens[0]["text"][:1].isupper():
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


def _last_tokens(sentence: Any) -> list[dict[str, Any]]:
    """The last two tokens of a Stanza sentence as the dicts ``ends_with_title`` reads (no whole-document copy)."""
    return [{"text": t.text, "start_char": t.start_char, "end_char": t.end_char} for t in sentence.tokens[-2:]]


def mend_document(doc: Any) -> Any:
    """A tokenized ``stanza.Document`` with title breaks joined (the same object when there are none)."""
    import stanza

    if not any(ends_with_title(_last_tokens(sentence)) for sentence in doc.sentences[:-1]):
        return doc
    sentences = doc.to_dict()
    mended = mend(sentences)
    if len(mended) == len(sentences):
        return doc
    return stanza.Document(mended, text=doc.text)
