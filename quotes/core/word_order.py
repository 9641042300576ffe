"""Word-order repairs: find a report's speaker or content from the order of words when the parse is wrong.

A small parser often attaches a reporting clause to the wrong verb ("S1,
officials said, S2"; "…, saying S" with S hung elsewhere). These functions read
the separators and verbs around a cue instead of trusting the attachments; the
rules call them when the tree alone does not give an answer.
"""

from __future__ import annotations

from quotes.core.grammar import (
    APPOSITION_OPENERS,
    RELATIVE_PRONOUNS,
    REPORT_SEPARATORS,
    SEPARATORS,
    SUBORDINATORS,
    active_subjects,
    children_by,
    id_set,
    is_finite,
    lowered,
    marked_by,
    trimmed,
)
from quotes.core.lexicon import Lexicon
from quotes.core.parsed import Sentence, Word
from quotes.core.quotemarks import DOUBLE_CLOSING_TOKENS, DOUBLE_OPENING_TOKENS, QUOTE_TOKENS

SOURCE_ADJECTIVES = Lexicon.default().source_adjectives
"""The shipped ``source_adjectives``, for ``mentions.phrase_ids``, which is not handed the lexicon yet."""


def introduces_quotation(sentence: Sentence, verb: Word) -> bool:
    """ "\"Q,\" the judge exclaimed": a verb right after a closing quotation mark (and a comma) is a cue.

    Whatever the verb, a quotation that ends, then a short subject-verb clause
    with nothing after it, is how news attributes speech; the lexicon need not
    list every manner-of-speaking verb.
    """
    subject = active_subjects(sentence, verb)
    if not subject or any(k.id > verb.id for k in children_by(sentence, verb, ["obj", "ccomp", "xcomp"])):
        return False
    closing = [w for w in sentence.words if w.id < verb.id and w.text in QUOTE_TOKENS]
    if not closing:
        return False
    between = [w for w in sentence.words if closing[-1].id < w.id < verb.id]
    subject_ids = id_set(sentence.subtree(subject[0]))
    return len(between) <= 6 and all(w.id in subject_ids or w.text in SEPARATORS or w.rel in ("aux", "advmod")
                                     for w in between)


def interrupting_report(sentence: Sentence, verb: Word) -> tuple[frozenset[int], int | None] | None:
    """ "Whatever progress he made, [officials said], could unravel": the report interrupts its content.

    Read off the word order, whatever the parser attached: the verb sits in a
    stretch set off by separators that holds no other finite verb (the speaker,
    adverbs, an apposition after "said X, an expert …,"), and there are words on
    both sides. The content is everything outside that stretch; the speaker is
    its noun nearest the verb. Not a report set into its content: one whose
    subject stands before the stretch, one after an opening prepositional phrase
    ("In her speech, Rhimes declared …"), or one followed by an apposition with
    a relative clause ('"Q," said X, a pollster who supported Y'). On 160 PolNeAR
    train documents these three made source partial F1 68.7 → 69.4.
    """
    if not is_finite(verb):
        return None
    words = sentence.words
    left = [w for w in words if w.id < verb.id]
    stretch: list[Word] = []
    for word in reversed(left):
        if word.text in REPORT_SEPARATORS:
            break
        stretch.append(word)
    else:
        return None
    start = verb.id - len(stretch) - 1
    if len(stretch) > 8 or any(is_finite(w) for w in stretch) or not any(w.upos != "PUNCT" for w in words if w.id < start):
        return None
    if any("PronType=Rel" in w.feats or w.xpos in ("WP", "WDT") for w in stretch):
        return None  # "X, who wrote about Y, said S": a relative clause, not a report set into its content
    end = None
    position = verb.id + 1
    while position <= len(words):
        segment = []
        while position <= len(words) and words[position - 1].text not in REPORT_SEPARATORS:
            segment.append(words[position - 1])
            position += 1
        relative = end is not None and bool(segment) and lowered(segment[0]) in ("who", "whom")
        if position > len(words) or len(segment) > 12 or (
                any(w.upos in ("VERB", "AUX") for w in segment) and not relative):
            break  # a relative clause on the speaker ("said Sunshine, who remains friendly with her, …") stays in
        if end is not None and not relative and (not segment or segment[0].upos not in ("DET", "ADJ", "NOUN", "PROPN", "NUM")):
            break
        end = position
        position += 1
    after = [w for w in words if end is not None and w.id > end and w.upos != "PUNCT"]
    if end is None or not any(w.upos in ("VERB", "AUX") for w in after) or after[0].xpos == "VBG":
        return None
    before = [w for w in words if w.id < start and w.upos != "PUNCT"]
    subjects = active_subjects(sentence, verb)
    if subjects and subjects[0].id < start:
        return None  # "X, who …, told POLITICO, "Q"": the subject stands before the stretch (not "X, officials said, …")
    if before and before[0].upos == "ADP" and not any(w.upos in ("VERB", "AUX") for w in before):
        return None  # "In her speech, Rhimes declared …": an opening phrase, not interrupted content
    first_finite = next((i for i, w in enumerate(after) if is_finite(w)), len(after))
    if any(lowered(w) in ("who", "whom", "which") for w in after[:first_finite]):
        return None  # ""Q," said X, a pollster who supported Y": an apposition, not the content going on
    content = trimmed(sentence, frozenset(w.id for w in words if w.id < start or w.id > end))
    segment_ids = {w.id for w in words if start < w.id < end} - {verb.id}
    nominals = [w for w in words if w.id in segment_ids and w.upos in ("NOUN", "PROPN", "PRON")
                and not children_by(sentence, w, ["case"])]
    heads = [w for w in nominals if w.head not in segment_ids]
    speaker = min(heads or nominals, key=lambda w: abs(w.id - verb.id), default=None)
    return content, speaker.id if speaker is not None else None


def segment_speaker(sentence: Sentence, verb: Word, lexicon: Lexicon) -> int | None:
    """The first noun in a short stretch between a separator and the verb: "…, [officials] familiar with the talks said".

    An apposition between the name and the verb ("Khizr Khan, 66, said"; "James
    Henson, director of …, said") is stepped over to the short name before it.
    """
    stretch: list[Word] = []
    stretches: list[list[Word]] = []
    if not is_finite(verb):
        return None
    for word in reversed([w for w in sentence.words if w.id < verb.id]):
        if word.text in SEPARATORS:
            if not stretch:
                continue
            stretches.append(list(reversed(stretch)))
            nominal = next((w for w in stretch[::-1] if w.upos in ("NOUN", "PROPN", "PRON")), None)
            if len(stretches) == 1 and nominal is not None and len(stretch) <= 8:
                return nominal.id
            if len(stretches) == 2:
                return _short_name(stretches[1])
            stretch = []
            continue
        if (word.upos in ("VERB", "AUX") and word.xpos in ("VBD", "VBZ", "VBP", "MD")
                and not _describes_source(word, lexicon)):
            return None
        stretch.append(word)
    return _short_name(list(reversed(stretch))) if len(stretches) == 1 and stretch else None


def _short_name(stretch: list[Word]) -> int | None:
    """The first proper noun of a stretch of at most six words ("Khizr Khan"), if any."""
    name = [w for w in stretch if w.upos == "PROPN"]
    return name[0].id if name and len(stretch) <= 6 else None


def initial_subject(sentence: Sentence, verb: Word) -> int | None:
    """ "[Corey Lewandowski], in a statement released Thursday, said …": a name opening the sentence, then an aside."""
    before = sentence.word(verb.id - 1)
    if before is None or before.text not in SEPARATORS:
        return None
    opening: list[Word] = []
    for word in sentence.words:
        if word.text in SEPARATORS or word.upos not in ("PROPN", "NOUN", "DET", "ADJ", "NUM"):
            break
        opening.append(word)
    if not opening or opening[-1].upos not in ("PROPN", "NOUN") or sentence.word(opening[-1].id + 1) is None:
        return None
    after = sentence.word(opening[-1].id + 1)
    return opening[-1].id if after is not None and after.text == "," and opening[-1].id < verb.id else None


def inverted_speaker(sentence: Sentence, verb: Word, lexicon: Lexicon) -> int | None:
    """ '"Q," said [council member David Osei].': the noun right after a verb that follows a separator or opens
    the sentence ('Said [Dorothy Poynter], "Q"')."""
    before = sentence.word(verb.id - 1)
    after = [w for w in sentence.words if w.id > verb.id and w.upos != "PUNCT"]
    opens = before is None and verb.id == 1  # "Said Dorothy Poynter, …, "Q""
    if not (opens or (before is not None and before.text in SEPARATORS)) or not after or not is_finite(verb):
        return None
    nominal = next((w for w in after[:4] if w.upos in ("NOUN", "PROPN", "PRON") and w.head == verb.id
                    and not children_by(sentence, w, ["case"])), None)
    if nominal is not None and verb.lemma.lower() in lexicon.listener_verbs and nominal.rel in ("obj", "iobj"):
        return None  # "…, told POLITICO that S": who was told, never who told
    if opens and nominal is not None and not (
            nominal.upos == "PROPN" and any(w.text in QUOTE_TOKENS for w in sentence.words if w.id > nominal.id)):
        return None  # an opening imperative or participle ("Ask yourself: …", "Asked whether …")
    return nominal.id if nominal else None


def final_report_clause(sentence: Sentence, verb: Word, lexicon: Lexicon) -> frozenset[int] | None:
    """ "S, officials familiar with the talks said." however the parser attached the last clause.

    The reporting clause closes the sentence: a separator, a short noun phrase,
    the verb, and at most its own objects or obliques after it (or, inverted,
    the verb right after the separator and its speaker to the end). Everything
    before the separator is the content. A relative pronoun ("S, who preaches"),
    a subordinator (", though he didn't say") or a bare participle ("a method
    known as X") marks a modifier, not a report.
    """
    if not (is_finite(verb) or children_by(sentence, verb, ["aux"])):
        return None
    if any(w.id > verb.id and w.upos != "PUNCT" and verb.id not in {a.id for a in sentence.ancestors(w)} for w in sentence.words):
        return None
    before = [w for w in sentence.words if w.id < verb.id]
    seps = [w for w in before if w.text in SEPARATORS and w.text not in DOUBLE_OPENING_TOKENS]
    if not seps:
        return None
    segment = [w for w in before if w.id > seps[-1].id and w.text not in QUOTE_TOKENS]
    if any((w.upos == "PRON" and lowered(w) in RELATIVE_PRONOUNS) or lowered(w) in SUBORDINATORS for w in segment):
        return None  # "S, who preaches …" / "S, though he didn't say …"
    if segment and segment[0].upos == "CCONJ":
        return None  # "S, and she knows how …": a second clause, not a report of the first
    after = [w for w in sentence.words if w.id > verb.id and w.upos != "PUNCT"]
    limit = 8
    if (not segment and after and inverted_speaker(sentence, verb, lexicon) is not None
            and not any(is_finite(w) for w in after)):
        segment, limit = after, 25  # "S, said James Henson, director of the Texas Politics Project at …"
    if not segment or len(segment) > limit or not any(w.upos in ("NOUN", "PROPN", "PRON") for w in segment):
        return None
    if any(w.upos in ("VERB", "AUX") and (w.xpos in ("VBD", "VBZ", "VBP") or "VerbForm=Fin" in w.feats)
           and not _describes_source(w, lexicon) for w in segment):
        return None
    content = frozenset(w.id for w in before if w.id < seps[-1].id)
    tops = [w for w in sentence.words if w.id in content and w.head not in content and w.upos != "PUNCT"]
    quoted = any(w.text in QUOTE_TOKENS for w in before)
    if tops and not quoted and all(marked_by(sentence, w, SUBORDINATORS) for w in tops):
        return None  # "After X was booed, Y wrote …": a circumstance, not a report
    clausal = any(w.upos in ("VERB", "AUX") and w.rel not in ("case", "mark") for w in sentence.words if w.id in content)
    return content if clausal else None  # not "According to Fox News, the department reported …"


def finite_right_part(sentence: Sentence, verb: Word, lexicon: Lexicon) -> frozenset[int] | None:
    """A complement clause the parser broke up: "says [Kasich] [has a record]" read as obj + obj.

    Small parsers often take the subject of an unmarked complement clause for the
    verb's object. When one of the verb's right-hand dependents is itself a finite
    clause, the dependents from the first object to it are the content (an
    addressee object excepted). A clause joined by "and" ("tweeted a photo and
    said S") is a second statement, not part of the first.
    """
    right = [k for k in sentence.children(verb) if k.id > verb.id and k.rel in ("obj", "conj", "advcl", "xcomp", "dep", "parataxis", "obl")]
    if verb.lemma.lower() in lexicon.addressee_verbs and right and right[0].rel == "obj":
        right = right[1:]
    lead_times = lexicon.time_words | lexicon.lead_time_words  # "reported Thursday [the families left]"
    right = [k for k in right if not (k.rel == "obl" and lowered(k) in lead_times)]
    clause = next((k for k in right if k.rel != "advcl" and not children_by(sentence, k, ["mark", "cc"])
                   and (is_finite(k) or any(is_finite(c) for c in children_by(sentence, k, ["aux", "cop"])))), None)
    if clause is None or (not any(k.rel == "obj" and k.id < clause.id for k in right) and (
            verb.lemma.lower() not in lexicon.addressee_verbs)):
        return None
    ids: set[int] = set()
    for k in right:
        if k.id > clause.id:
            break
        ids |= id_set(sentence.subtree(k))
    return frozenset(ids)


def buried_that_clause(sentence: Sentence, verb: Word) -> Word | None:
    """ "claimed [in an interview with X] that S" where the parser hung the that-clause on X.

    The first clause opened by "that" inside one of the verb's right-hand objects
    or obliques, with no other verb on the way down, is the complement.
    """
    for child in children_by(sentence, verb, ["obl", "obj", "iobj"]):
        if child.id < verb.id:
            continue
        for word in sentence.subtree(child):
            if word.id == child.id or not marked_by(sentence, word, ("that",)):
                continue
            path = [a for a in sentence.ancestors(word) if a.id != verb.id and verb.id in {b.id for b in sentence.ancestors(a)}]
            if not any(a.upos in ("VERB", "AUX") for a in path):
                return word
    return None


def that_clause_after_aside(sentence: Sentence, verb: Word) -> Word | None:
    """ "said — on Twitter, as it happens — that S": an aside right after the verb, then the that-clause.

    The parser often hangs the clause on a word of the aside; read off the word
    order instead: the verb, a separator, the aside, the same separator, "that".
    """
    opener = sentence.word(verb.id + 1)
    if opener is None or opener.text not in REPORT_SEPARATORS:
        return None
    for word in sentence.words:
        if word.id <= opener.id + 1 or lowered(word) != "that" or word.rel != "mark":
            continue
        before = sentence.word(word.id - 1)
        clause = sentence.head_of(word)
        if before is not None and before.text == opener.text and clause is not None and clause.id > word.id:
            return clause
    return None


def orphan_clause(sentence: Sentence, verb: Word) -> frozenset[int] | None:
    """ "…, saying [the city is a front]" where the parser hung the clause on another word.

    The verb has no dependents to its right, yet a finite clause follows it to
    the end of the sentence (straight after it, or as a quotation after a comma
    or colon: 'saying, "We have got to …"'): that clause is what was said. A participle used as
    an adjective ("an expected attack") or a noun ("her thinking") reports
    nothing (on 160 PolNeAR train documents content exact F1 52.7 → 53.0).
    """
    if any(k.id > verb.id and k.upos != "PUNCT" for k in sentence.children(verb)):
        return None
    if verb.rel in ("amod", "compound") or verb.upos != "VERB":
        return None  # "an expected attack", "the ruling party", "her thinking": a modifier or a noun, no report
    after = [w for w in sentence.words if w.id > verb.id]
    lead = next((i for i, w in enumerate(after) if w.upos != "PUNCT"), len(after))
    if lead and (not any(w.text in QUOTE_TOKENS for w in after[:lead])
                 or children_by(sentence, verb, ["aux:pass", "nsubj:pass", "mark"])):
        return None  # only a quotation may follow a comma or colon ('saying, "Q"'), not after 'as he was known,'
    rest = after[lead:]
    if lead:  # the quotation alone: not '"Q," Mr. Trump said' or '"Q" and vowing …' after it
        rest = rest[: next((i for i, w in enumerate(rest) if w.text in DOUBLE_CLOSING_TOKENS), len(rest))]
    if not rest or not any(is_finite(w) for w in rest):
        return None
    return trimmed(sentence, id_set(rest))


def _describes_source(word: Word, lexicon: Lexicon) -> bool:
    """A "verb" that is really the adjective of an anonymous-source phrase ("people close to him said")."""
    return word.lemma.lower() in lexicon.source_adjectives or word.text.lower() in lexicon.source_adjectives


def trailing_apposition(sentence: Sentence, last: Word, avoid: frozenset[int]) -> list[Word]:
    """ "Rita Katz, [the director of SITE, which tracks X]": descriptions after a comma that the parser hung elsewhere.

    Each comma-delimited stretch after ``last`` joins while it opens like an
    apposition or relative clause (a determiner, a possessive, "who"/"which", a
    name with "'s", or a bare role with its organisation: "director of X"),
    holds no finite verb outside a relative clause, and touches nothing in
    ``avoid`` (the cue and content).
    """
    words = [w for w in sentence.words if w.id > last.id]
    taken: list[Word] = []
    while len(words) > 1 and words[0].text == ",":
        stretch = []
        for w in words[1:]:
            if w.text == "," or w.id in avoid or (w.upos == "PUNCT" and w.text not in ("-", "'", "\u2019", ".")):
                break
            stretch.append(w)
        if not stretch:
            break
        first = lowered(stretch[0])
        possessive = len(stretch) > 1 and stretch[0].upos == "PROPN" and lowered(stretch[1]) in ("'s", "\u2019s")
        relative = first in ("who", "which", "whose")
        role = stretch[0].upos in ("NOUN", "ADJ") and any(lowered(w) in ("of", "for", "at", "to") for w in stretch)
        if not (first in APPOSITION_OPENERS or possessive or role):
            break
        if not relative and any(is_finite(w) for w in stretch):
            break
        after = sentence.word(stretch[-1].id + 1)
        if after is not None and after.id in avoid and after.text != ",":
            break
        taken.extend(words[: len(stretch) + 1])
        words = words[len(stretch) + 1 :]
    return taken
