"""Rules over one dependency parse: find cues, their speakers and their contents.

The output is a list of ``Candidate`` objects in word IDs of one sentence. Text
offsets, quotation marks across sentences and speaker resolution are handled
later (``assemble``, ``speakers``), so every rule here can be tested on a
hand-written CoNLL-U sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from quotes.lexicon import Lexicon
from quotes.parsed import Sentence, Word

BACKSHIFT_MODALS = frozenset({"would", "could", "should", "might"})
""" "said they discussed it and [would find] a solution": a subjectless conjunct with a backshifted modal is
reported speech the parser attached to the cue instead of to its clause."""
CLAUSE_RELS = frozenset({"ccomp", "csubj"})
"""Complement clauses: "said [that S]", "it was reported [that S]" (csubj:pass)."""
LOOSE_CLAUSE_RELS = frozenset({"advcl", "dep", "parataxis", "obj", "xcomp", "acl", "obl", "conj"})
"""Relations a small parser sometimes gives a that-clause; accepted only when the clause opens with a marker."""
CONTENT_MARKERS = frozenset({"that", "against", "whether", "if"})
"""Words opening a reported clause ("warned [against suggesting ...]")."""
NEGATION = frozenset({"not", "n't", "never", "no"})
PARTICIPLE_OPENERS = frozenset({"when", "after", "if", "once", "while", "as", "before"})
"""Words that open a sentence-initial participle clause ("When asked about S, …")."""
NON_CUE_ADVERBS = frozenset({"when", "where", "why", "how", "so", "then", "as", "only", "just", "even"})
"""Adverbs before a cue verb that belong to the clause, not to the verb group ("when asked", "as he said")."""
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
EXPLETIVES = frozenset({"it", "there", "this"})
"""Subjects of passive cues that name nobody ("it was reported")."""
MENTION_STOP_RELS = frozenset({"acl:relcl", "acl", "appos", "punct", "parataxis", "advcl", "conj", "cc", "dep", "ccomp", "case"})
"""Parts of a subject phrase that are not the minimal mention ("X, [who replaced Y], said", "[according to] X")."""


@attrs.frozen
class Candidate:
    """An attribution found in one sentence, in word IDs."""

    sentence: int
    """Index of the sentence in the document."""
    cue: tuple[int, ...]
    """Word IDs of the cue ("said"; "according", "to")."""
    lemma: str
    speaker: int | None
    """Word ID of the speaker mention's head word (None: no source in this sentence)."""
    content: frozenset[int]
    """Word IDs of the content (may be empty: "\"Q.\" He said." takes its content from a quotation)."""
    rule: str
    antecedent: int | None = None
    """For a relative-pronoun speaker ("X, who said …"): word ID of the noun it stands for."""


def find_candidates(sentence: Sentence, lexicon: Lexicon) -> list[Candidate]:
    """Every cue in ``sentence`` with its speaker and content."""
    sentence = _with_cue_lemmas(sentence, lexicon)
    found: list[Candidate] = []
    used: set[int] = set()
    for word in sentence.words:
        if word.id in used:
            continue
        cand = _phrase_cue(sentence, word, lexicon)
        if cand is None:
            cand = _raising_cue(sentence, word, lexicon)
        if cand is None:
            cand = _verb_cue(sentence, word, lexicon)
        if cand is None:
            cand = _noun_cue(sentence, word, lexicon)
        if cand is None:
            cand = _poll_cue(sentence, word, lexicon)
        if cand is not None:
            found.append(cand)
            used.update(cand.cue)
    return _drop_nested_cues(found)


def _with_cue_lemmas(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """The sentence with verb lemmas repaired where a cue verb was meant ("vowe" → "vow", "endors" → "endorse")."""
    words = list(sentence.words)
    for i, word in enumerate(words):
        if word.upos in ("VERB", "AUX"):
            lemma = lexicon.verb_lemma(word.lemma, word.text)
            if lemma != word.lemma:
                words[i] = attrs.evolve(word, lemma=lemma)
    return attrs.evolve(sentence, words=tuple(words)) if words != list(sentence.words) else sentence


def _drop_nested_cues(found: list[Candidate]) -> list[Candidate]:
    """Drop a to-infinitive cue whose content holds another cue: "continued to [insist that S]" is "insist"'s."""
    return [cand for cand in found
            if not (cand.rule == "verb-xcomp" and any(o is not cand and set(o.cue) <= cand.content for o in found))]


def _lower(word: Word) -> str:
    return word.text.lower()


def _children(sentence: Sentence, word: Word, rels: Iterable[str] | None = None) -> list[Word]:
    kids = sentence.children(word)
    if rels is None:
        return kids
    wanted = set(rels)
    return [k for k in kids if k.deprel in wanted or k.rel in wanted]


def _active_subjects(sentence: Sentence, word: Word) -> list[Word]:
    """Active subjects only (a passive subject is what was reported, not who reported it), nearest first.

    A small parser sometimes gives a verb two subjects ("[South] Korean Foreign
    Minister Kang Kyung-[wha] said"); the one next to the verb is the real head.
    """
    found = [k for k in sentence.children(word) if k.deprel in ("nsubj", "nsubj:outer")]
    return sorted(found, key=lambda k: abs(word.id - k.id))


def _ids(words: Iterable[Word]) -> frozenset[int]:
    return frozenset(w.id for w in words)


def _is_negated(sentence: Sentence, word: Word) -> bool:
    """ "did not say", "didn't say": a negation word attached to the verb or to one of its auxiliaries."""
    attached = [k for k in sentence.children(word)]
    attached += [g for k in attached if k.rel == "aux" for g in sentence.children(k)]
    return any(_lower(k) in NEGATION or "Polarity=Neg" in k.feats for k in attached)


def _opens_with(sentence: Sentence, clause: Word, words: frozenset[str]) -> bool:
    first = sentence.subtree(clause)[0]
    return _lower(first) in words


def _marked(sentence: Sentence, clause: Word) -> bool:
    """True when a clause is introduced by a content marker ("that", "against")."""
    marks = _children(sentence, clause, ["mark"])
    return any(_lower(m) in CONTENT_MARKERS for m in marks) or _opens_with(sentence, clause, frozenset({"that"}))


def _introduces_quotation(sentence: Sentence, verb: Word) -> bool:
    """ "\"Q,\" the judge exclaimed": a verb right after a closing quotation mark (and a comma) is a cue.

    Whatever the verb, a quotation that ends, then a short subject-verb clause
    with nothing after it, is how news attributes speech; the lexicon need not
    list every manner-of-speaking verb.
    """
    subject = _active_subjects(sentence, verb)
    if not subject or any(k.id > verb.id for k in _children(sentence, verb, ["obj", "ccomp", "xcomp"])):
        return False
    closing = [w for w in sentence.words if w.id < verb.id and w.text in QUOTE_TOKENS]
    if not closing:
        return False
    between = [w for w in sentence.words if closing[-1].id < w.id < verb.id]
    subject_ids = _ids(sentence.subtree(subject[0]))
    return len(between) <= 6 and all(w.id in subject_ids or w.text in SEPARATORS or w.rel in ("aux", "advmod")
                                     for w in between)


def _is_cue_verb(lemma: str, lexicon: Lexicon) -> bool:
    return lemma in lexicon.verbs or lemma in lexicon.object_verbs or lemma in lexicon.infinitive_verbs


QUOTE_TOKENS = frozenset({'"', "''", "``", "\u201c", "\u201d", "\u00ab", "\u00bb", "'", "\u2018", "\u2019"})


def _verb_cue(sentence: Sentence, word: Word, lexicon: Lexicon) -> Candidate | None:
    lemma = word.lemma.lower()
    if word.upos not in ("VERB", "AUX"):
        return None
    put_it = [k for k in _children(sentence, word, ["obj"]) if lemma == "put" and _lower(k) == "it" and k.id == word.id + 1]
    known = _is_cue_verb(lemma, lexicon) or bool(put_it)
    particles = [k for k in _children(sentence, word, ["compound:prt"])]
    if particles and dict(lexicon.particle_verbs).get(lemma) != _lower(particles[0]):
        return None
    prepositional = _prepositional_object(sentence, word, lexicon)
    if not known and prepositional is None and not _introduces_quotation(sentence, word):
        return None
    cue_ids: list[int] = [word.id, *_adjacent_aux(sentence, word), *_medium(sentence, word, lexicon), *_ids(put_it)]
    content, rule = _verb_content(sentence, word, lexicon) if known else (None, "")
    if rule in ("", "verb-object") and prepositional is not None:
        case, noun = prepositional
        content, rule = _ids(sentence.subtree(noun)) - {case.id}, "verb-preposition"
        cue_ids.append(case.id)
    elif content is None and not known:
        content, rule = _verb_content(sentence, word, lexicon)
    if content is None or (not known and rule not in ("verb-ccomp", "verb-inverted", "verb-parenthetical", "verb-preposition")):
        return None
    if _is_negated(sentence, word) and _opens_question(sentence, content, lexicon):
        return None
    speaker, antecedent = _verb_speaker(sentence, word)
    inverted = _inverted_speaker(sentence, word)
    if inverted is not None and speaker is not None and speaker < word.id and any(
            w.text in QUOTE_TOKENS for w in sentence.words if speaker < w.id < word.id):
        speaker, antecedent = inverted, None
    if not _active_subjects(sentence, word):
        nearby = inverted or _segment_speaker(sentence, word) or _initial_subject(sentence, word)
        if nearby is not None:
            speaker, antecedent = nearby, None
    interrupting = _interrupting_report(sentence, word) if lemma in lexicon.verbs else None
    if interrupting is not None:
        content, rule = interrupting[0], "verb-interrupting"
        if interrupting[1] is not None:
            speaker, antecedent = interrupting[1], None
    if speaker is None and not _may_lack_source(sentence, word, lemma, lexicon):
        return None
    if speaker and speaker not in content and rule != "verb-interrupting":
        content = content - _ids(sentence.subtree(sentence.word(speaker)))
    content = _trim(sentence, _without_comment(sentence, content - set(cue_ids), lexicon))
    if not content and rule != "verb-bare":
        return None
    return Candidate(sentence.index, tuple(sorted(cue_ids)), lemma, speaker, content, rule, antecedent)


REPORT_SEPARATORS = frozenset({",", "\u2014", "--", "\u2013"})
"""Marks that set off a reporting clause inside a sentence ("S1, officials said, S2")."""


def _interrupting_report(sentence: Sentence, verb: Word) -> tuple[frozenset[int], int | None] | None:
    """ "Whatever progress he made, [officials said], could unravel": the report interrupts its content.

    Read off the word order, whatever the parser attached: the verb sits in a
    stretch set off by separators that holds no other finite verb (the speaker,
    adverbs, an apposition after "said X, an expert …,"), and there are words on
    both sides. The content is everything outside that stretch; the speaker is
    its noun nearest the verb.
    """
    if not _finite(verb):
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
    if len(stretch) > 8 or any(_finite(w) for w in stretch) or not any(w.upos != "PUNCT" for w in words if w.id < start):
        return None
    end = None
    position = verb.id + 1
    while position <= len(words):
        segment = []
        while position <= len(words) and words[position - 1].text not in REPORT_SEPARATORS:
            segment.append(words[position - 1])
            position += 1
        if position > len(words) or len(segment) > 12 or any(w.upos in ("VERB", "AUX") for w in segment):
            break
        if end is not None and (not segment or segment[0].upos not in ("DET", "ADJ", "NOUN", "PROPN", "NUM")):
            break
        end = position
        position += 1
    after = [w for w in words if end is not None and w.id > end and w.upos != "PUNCT"]
    if end is None or not any(w.upos in ("VERB", "AUX") for w in after):
        return None
    content = _trim(sentence, frozenset(w.id for w in words if w.id < start or w.id > end))
    segment_ids = {w.id for w in words if start < w.id < end} - {verb.id}
    nominals = [w for w in words if w.id in segment_ids and w.upos in ("NOUN", "PROPN", "PRON")]
    heads = [w for w in nominals if w.head not in segment_ids]
    speaker = min(heads or nominals, key=lambda w: abs(w.id - verb.id), default=None)
    return content, speaker.id if speaker is not None else None


def _prepositional_object(sentence: Sentence, verb: Word, lexicon: Lexicon) -> tuple[Word, Word] | None:
    """The preposition and noun of a prepositional cue ("talked [about] [the economy]", "called [for] [a ban]")."""
    for noun in _children(sentence, verb, ["obl", "nmod"]):
        if noun.id < verb.id:
            continue
        case = next((c for c in _children(sentence, noun, ["case"]) if c.id > verb.id), None)
        if case is not None and case.id - verb.id <= 2 and f"{verb.lemma.lower()} {_lower(case)}" in lexicon.prepositional_verbs:
            return case, noun
    return None


MEDIUM_CASES = frozenset({"in", "on", "during"})
"""Prepositions of a medium phrase that joins the cue: "said [in a statement]", "wrote [on Twitter]"."""


def _medium(sentence: Sentence, verb: Word, lexicon: Lexicon) -> list[int]:
    """A cue noun right after the verb ("in a statement", "in an interview") is part of the cue."""
    for child in _children(sentence, verb, ["obl"]):
        phrase = sentence.subtree(child)
        if (child.lemma.lower() in lexicon.nouns and phrase[0].id == verb.id + 1
                and _lower(phrase[0]) in MEDIUM_CASES and len(phrase) <= 4):
            return [w.id for w in phrase]
    return []


CONCESSIVE = frozenset({"though", "although", "but", "while", "whereas"})


def _without_comment(sentence: Sentence, content: frozenset[int], lexicon: Lexicon) -> frozenset[int]:
    """Drop trailing clauses that are not what was said.

    ", though he did not say …" is the writer's comment; "… and calls her X" /
    ", but insists S" is a second, coordinated attribution; ", calling them X" is
    a participle describing the speaker, not part of the reported clause.
    """
    for word in sentence.words:
        if word.id not in content or word.rel not in ("advcl", "conj", "parataxis", "xcomp"):
            continue
        clause = _ids(sentence.subtree(word))
        opener = next((w for w in sentence.subtree(word) if w.upos != "PUNCT"), None)
        if max(clause) < max(content) or opener is None or min(clause) <= min(content):
            continue
        before = sentence.word(min(clause) - 1)
        after_comma = before is not None and before.text in (",", "\u2014", "--", ";")
        cue_head = (_is_cue_verb(word.lemma.lower(), lexicon) and not _active_subjects(sentence, word)
                    and any(_marked(sentence, k) for k in _children(sentence, word, ["ccomp", "advcl"])))
        concessive = _lower(opener) in CONCESSIVE and any(w.lemma.lower() in lexicon.verbs for w in sentence.words if w.id in clause)
        participle = after_comma and word.id == min(clause) and (word.xpos == "VBG" or "VerbForm=Ger" in word.feats)
        if concessive or participle or (word.rel == "conj" and cue_head):
            return content - clause
    return content


def _opens_question(sentence: Sentence, content: frozenset[int], lexicon: Lexicon) -> bool:
    """True when the content is an indirect question ("what that would be", "whether it would")."""
    if not content:
        return False
    first = min(content)
    nearby = [sentence.word(i) for i in (first - 1, first, first + 1)]
    return any(w is not None and _lower(w) in lexicon.nonverbal_content_words for w in nearby)


def _may_lack_source(sentence: Sentence, verb: Word, lemma: str, lexicon: Lexicon) -> bool:
    """Only passives ("it was reported that") and participles name no source; an imperative ("Ask yourself")
    or a stance verb with no one taking the stance is not an attribution."""
    if lemma in lexicon.object_verbs and lemma not in lexicon.verbs:
        return False
    passive = any(k.deprel in ("nsubj:pass", "expl", "aux:pass", "expl:pass") for k in sentence.children(verb))
    return (passive or verb.xpos in ("VBN", "VBG") or "VerbForm=Part" in verb.feats or "VerbForm=Ger" in verb.feats
            or _opens_participle_clause(sentence, verb))


def _opens_participle_clause(sentence: Sentence, verb: Word) -> bool:
    """ "[Asked] whether S, Ban demurred" / "When [asked] about S": a sentence-initial participle, however tagged."""
    before = [w for w in sentence.words if w.id < verb.id and w.upos != "PUNCT"]
    return verb.text[:1].isalpha() and (not before or (len(before) == 1 and _lower(before[0]) in PARTICIPLE_OPENERS))


def _adjacent_aux(sentence: Sentence, verb: Word) -> list[int]:
    """Auxiliaries, negation and adverbs right before the verb belong to the cue ("has also said", "did not say").

    Annotators mark the whole verb group as the cue; a run that would end on an
    adverb or a negation with no auxiliary before it keeps only the verb's own
    auxiliaries ("Smith also said": "said").
    """
    ids: list[int] = []
    position = verb.id - 1
    while position >= 1:
        word = sentence.word(position)
        if word is None or word.head != verb.id:
            break
        if not (word.rel == "aux" or (word.rel == "advmod" and word.upos in ("ADV", "PART")
                                      and _lower(word) not in NON_CUE_ADVERBS)):
            break
        ids.append(position)
        position -= 1
    while ids and sentence.word(ids[-1]).rel != "aux" and _lower(sentence.word(ids[-1])) in NEGATION:
        ids.pop()
    return ids


def _verb_content(sentence: Sentence, verb: Word, lexicon: Lexicon) -> tuple[frozenset[int] | None, str]:
    """The content of a verb cue and the name of the rule that found it (None: not an attribution)."""
    clauses = _children(sentence, verb, CLAUSE_RELS)
    clauses = [c for c in clauses if c.id > verb.id] or clauses
    if clauses:
        ids = set().union(*(_ids(sentence.subtree(c)) for c in clauses))
        for conj in _children(sentence, verb, ["conj"]):
            backshifted = not _active_subjects(sentence, conj) and any(
                _lower(a) in BACKSHIFT_MODALS for a in _children(sentence, conj, ["aux"]))
            second_that = any(_lower(m) == "that" for m in _children(sentence, conj, ["mark"]))
            if conj.id > max(ids) and (backshifted or second_that):
                ids |= _ids(sentence.subtree(conj))
        if len(clauses) > 1 and all(c.id > verb.id for c in clauses) or len(ids) > len(_ids(sentence.subtree(clauses[0]))):
            ids |= {w.id for w in sentence.words if min(ids) < w.id < max(ids)}
        return frozenset(ids), "verb-ccomp"
    for child in _children(sentence, verb, LOOSE_CLAUSE_RELS):
        if child.rel in ("advcl", "dep", "obj", "acl", "obl", "conj") and _marked(sentence, child) and child.id > verb.id:
            return _ids(sentence.subtree(child)), "verb-marked-clause"
    if verb.lemma.lower() in lexicon.verbs:
        buried = _buried_that_clause(sentence, verb)
        if buried is not None:
            return _ids(sentence.subtree(buried)), "verb-buried-clause"
    if verb.lemma.lower() in lexicon.infinitive_verbs:
        for child in _children(sentence, verb, ["xcomp"]):
            if any(_lower(m) == "to" for m in _children(sentence, child, ["mark"])):
                return _ids(sentence.subtree(child)), "verb-xcomp"
    if verb.lemma.lower() in lexicon.object_verbs or _evidence(sentence, verb, lexicon):
        content = _object_content(sentence, verb, lexicon)
        if content:
            return content, "verb-object"
    for child in _children(sentence, verb, ["parataxis", "dep", "advcl", "conj"]):
        if child.id < verb.id and _has_comma_between(sentence, child, verb):
            return _ids(sentence.subtree(child)), "verb-inverted"
    for child in _children(sentence, verb, ["parataxis", "dep", "obj"]):
        if child.id > verb.id and _has_colon_between(sentence, verb, child):
            return _ids(sentence.subtree(child)), "verb-colon"
    if verb.rel == "advcl" and _active_subjects(sentence, verb) and any(_lower(m) == "as" for m in _children(sentence, verb, ["mark"])):
        head = sentence.head_of(verb)
        if head is not None:
            return _ids(sentence.subtree(head)) - _ids(sentence.subtree(verb)), "verb-as-clause"
    passive = [k for k in _children(sentence, verb, ["nsubj:pass"]) if _lower(k) not in EXPLETIVES]
    if passive and any(any(_lower(c) == "by" for c in _children(sentence, k, ["case"]))
                       for k in _children(sentence, verb, ["obl:agent", "obl"])):
        return _ids(sentence.subtree(passive[0])), "verb-passive-agent"
    has_source = bool(_active_subjects(sentence, verb) or _inverted_speaker(sentence, verb) or _segment_speaker(sentence, verb))
    if has_source and (verb.rel == "parataxis" or (
            verb.rel in ("dep", "advcl", "conj") and _has_comma_between(sentence, sentence.head_of(verb), verb))):
        head = sentence.head_of(verb)
        if head is not None and head.id < verb.id:
            return _ids(sentence.subtree(head)) - _ids(sentence.subtree(verb)), "verb-parenthetical"
    final = _final_report_clause(sentence, verb)
    if final is not None:
        return final, "verb-final-clause"
    if verb.lemma.lower() in lexicon.verbs:
        right = _finite_right_part(sentence, verb)
        if right:
            return right, "verb-right-clause"
        orphan = _orphan_clause(sentence, verb)
        if orphan:
            return orphan, "verb-orphan-clause"
    if (verb.deprel == "root" and _bare_report(sentence, verb)) or _introduces_quotation(sentence, verb):
        return frozenset(), "verb-bare"
    return None, ""


def _segment_speaker(sentence: Sentence, verb: Word) -> int | None:
    """The first noun in a short stretch between a separator and the verb: "…, [officials] familiar with the talks said"."""
    stretch: list[Word] = []
    if not _finite(verb):
        return None
    for word in reversed([w for w in sentence.words if w.id < verb.id]):
        if word.text in SEPARATORS:
            if not stretch:
                continue
            nominal = next((w for w in reversed(stretch) if w.upos in ("NOUN", "PROPN", "PRON")), None)
            return nominal.id if nominal and len(stretch) <= 8 else None
        if word.upos in ("VERB", "AUX") and word.xpos in ("VBD", "VBZ", "VBP", "MD"):
            return None
        stretch.append(word)
    return None


def _initial_subject(sentence: Sentence, verb: Word) -> int | None:
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


def _inverted_speaker(sentence: Sentence, verb: Word) -> int | None:
    """ '"Q," said [council member David Osei].': the noun right after a verb that follows a separator."""
    before = sentence.word(verb.id - 1)
    after = [w for w in sentence.words if w.id > verb.id and w.upos != "PUNCT"]
    if before is None or before.text not in SEPARATORS or not after or not _finite(verb):
        return None
    nominal = next((w for w in after[:4] if w.upos in ("NOUN", "PROPN", "PRON") and w.head == verb.id), None)
    return nominal.id if nominal else None


def _final_report_clause(sentence: Sentence, verb: Word) -> frozenset[int] | None:
    """ "S, officials familiar with the talks said." however the parser attached the last clause.

    The reporting clause closes the sentence: a separator, a short noun phrase,
    the verb, and at most its own objects or obliques after it. Everything
    before the separator is the content.
    """
    if any(w.id > verb.id and w.upos != "PUNCT" and verb.id not in {a.id for a in sentence.ancestors(w)} for w in sentence.words):
        return None
    before = [w for w in sentence.words if w.id < verb.id]
    seps = [w for w in before if w.text in SEPARATORS and w.text not in ('"', "\u201c")]
    if not seps:
        return None
    segment = [w for w in before if w.id > seps[-1].id and w.text not in QUOTE_TOKENS]
    if not segment or len(segment) > 8 or not any(w.upos in ("NOUN", "PROPN", "PRON") for w in segment):
        return None
    if any(w.upos in ("VERB", "AUX") and (w.xpos in ("VBD", "VBZ", "VBP") or "VerbForm=Fin" in w.feats) for w in segment):
        return None
    content = frozenset(w.id for w in before if w.id < seps[-1].id)
    return content if any(w.upos in ("VERB", "AUX") for w in sentence.words if w.id in content) else None


TEMPORAL = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                      "yesterday", "tonight", "earlier", "later", "week", "month", "year"})
"""Time words a reporting verb often takes right before its content ("reported Thursday [the families left]")."""

ADDRESSEE_VERBS = frozenset({"tell", "ask", "warn", "inform", "assure", "remind", "notify", "urge", "advise", "promise"})
"""Their first object is who was spoken to, not what was said ("told [reporters] the plan failed")."""


def _finite_right_part(sentence: Sentence, verb: Word) -> frozenset[int] | None:
    """A complement clause the parser broke up: "says [Kasich] [has a record]" read as obj + obj.

    Small parsers often take the subject of an unmarked complement clause for the
    verb's object. When one of the verb's right-hand dependents is itself a finite
    clause, the dependents from the first object to it are the content (an
    addressee object excepted).
    """
    right = [k for k in sentence.children(verb) if k.id > verb.id and k.rel in ("obj", "conj", "advcl", "xcomp", "dep", "parataxis", "obl")]
    if verb.lemma.lower() in ADDRESSEE_VERBS and right and right[0].rel == "obj":
        right = right[1:]
    right = [k for k in right if not (k.rel == "obl" and _lower(k) in TEMPORAL)]
    clause = next((k for k in right if k.rel != "advcl" and not _children(sentence, k, ["mark"])
                   and (_finite(k) or any(_finite(c) for c in _children(sentence, k, ["aux", "cop"])))), None)
    if clause is None or not any(k.rel == "obj" and k.id < clause.id for k in right) and verb.lemma.lower() not in ADDRESSEE_VERBS:
        return None
    ids: set[int] = set()
    for k in right:
        if k.id > clause.id:
            break
        ids |= _ids(sentence.subtree(k))
    return frozenset(ids)


def _buried_that_clause(sentence: Sentence, verb: Word) -> Word | None:
    """ "claimed [in an interview with X] that S" where the parser hung the that-clause on X.

    The first clause opened by "that" inside one of the verb's right-hand objects
    or obliques, with no other verb on the way down, is the complement.
    """
    for child in _children(sentence, verb, ["obl", "obj", "iobj"]):
        if child.id < verb.id:
            continue
        for word in sentence.subtree(child):
            if word.id == child.id or not any(_lower(m) == "that" for m in _children(sentence, word, ["mark"])):
                continue
            path = [a for a in sentence.ancestors(word) if a.id != verb.id and verb.id in {b.id for b in sentence.ancestors(a)}]
            if not any(a.upos in ("VERB", "AUX") for a in path):
                return word
    return None


def _orphan_clause(sentence: Sentence, verb: Word) -> frozenset[int] | None:
    """ "…, saying [the city is a front]" where the parser hung the clause on another word.

    The verb has no dependents to its right, yet a finite clause follows it to
    the end of the sentence: that clause is what was said.
    """
    if any(k.id > verb.id and k.upos != "PUNCT" for k in sentence.children(verb)):
        return None
    after = [w for w in sentence.words if w.id > verb.id]
    if not after or after[0].upos == "PUNCT" or not any(_finite(w) for w in after):
        return None
    return _trim(sentence, _ids(after))


def _finite(word: Word) -> bool:
    return word.upos in ("VERB", "AUX") and ("VerbForm=Fin" in word.feats or word.xpos in ("VBD", "VBZ", "VBP", "MD"))


EVIDENCE_VERBS = frozenset({"show", "find", "suggest", "indicate", "reveal", "put", "give", "have"})
"""Verbs whose object is what a poll or study reports: "a poll shows [Cruz 16 points ahead]"."""


def _evidence(sentence: Sentence, verb: Word, lexicon: Lexicon) -> bool:
    """True for "a poll shows X" / "the survey found X": an evidence noun as subject of an evidence verb."""
    if verb.lemma.lower() not in EVIDENCE_VERBS:
        return False
    return any(s.lemma.lower() in lexicon.evidence_nouns for s in _active_subjects(sentence, verb))


def _object_content(sentence: Sentence, verb: Word, lexicon: Lexicon) -> frozenset[int] | None:
    """The object of a stance verb with its complements: "called [the plan a disaster]", "referred [to X]"."""
    particle = dict(lexicon.particle_verbs).get(verb.lemma.lower())
    objects = [k for k in _children(sentence, verb, ["obj"]) if k.id > verb.id]
    if not objects and particle:
        objects = [k for k in _children(sentence, verb, ["obl"])
                   if k.id > verb.id and any(_lower(c) == particle for c in _children(sentence, k, ["case"]))]
    if not objects:
        return None
    ids = set(_ids(sentence.subtree(objects[0])))
    for k in _children(sentence, verb, ["xcomp", "obl", "advcl"]):
        if k.id > objects[0].id and (k.rel == "xcomp" or any(
                _lower(c) in ("as", "of", "for") for c in _children(sentence, k, ["case", "mark"]))):
            ids |= _ids(sentence.subtree(k))
    return frozenset(ids)


def _bare_report(sentence: Sentence, verb: Word) -> bool:
    """ "He said." / "said Smith." with nothing else: its content is an adjacent quotation."""
    others = [w for w in sentence.words if w.upos != "PUNCT" and w.id != verb.id]
    subject = _active_subjects(sentence, verb)
    if not subject:
        return False
    rest = set(_ids(others)) - _ids(sentence.subtree(subject[0]))
    return all(sentence.word(i).rel in ("advmod", "obl", "aux", "nmod", "case", "det", "obl:tmod", "compound") for i in rest)


SEPARATORS = frozenset({",", "\u2014", "--", "\u2013", '"', "''", "\u201d", "\u201c", ";"})


def _has_comma_between(sentence: Sentence, first: Word | None, second: Word) -> bool:
    """True when punctuation separates the phrase of ``first`` from that of ``second`` ("S, AP reported")."""
    if first is None:
        return False
    later = _ids(sentence.subtree(second))
    earlier = _ids(sentence.subtree(first)) - later
    if first.id in later:
        earlier, later = _ids(sentence.subtree(first)), later - _ids(sentence.subtree(first))
    if not earlier or not later:
        return False
    lo, hi = max(earlier), min(later)
    edge = {lo, hi} | set(range(lo + 1, hi))
    return any(w.text in SEPARATORS for w in sentence.words if w.id in edge)


def _has_colon_between(sentence: Sentence, left: Word, right: Word) -> bool:
    return any(w.text == ":" for w in sentence.words if left.id < w.id < right.id)


QUOTED_AS = frozenset({"quote", "hear", "see", "record"})
"""Passive cues whose subject is the speaker: "X is quoted as saying", "X was heard saying"."""


def _verb_speaker(sentence: Sentence, verb: Word) -> tuple[int | None, int | None]:
    """Head word of the source of a verb cue (and, for "who", its antecedent).

    A cue with no subject of its own ("saying S", "saw Choe warn", "adding that")
    takes the subject of the nearest verb above it ("X is quoted as saying": the
    passive subject there); a passive agent ("by X") only counts on the cue itself.
    """
    current: Word | None = verb
    for _ in range(5):
        if current is None:
            return None, None
        subjects = _active_subjects(sentence, current)
        if subjects:
            subj = subjects[0]
            if _lower(subj) in RELATIVE_PRONOUNS and current.deprel == "acl:relcl":
                return subj.id, current.head or None
            return subj.id, None
        if current is verb:
            preverbal = [k for k in _children(sentence, current, ["obj", "iobj"]) if k.id < current.id]
            if preverbal and current.rel in ("xcomp", "ccomp"):
                return preverbal[-1].id, None
            agents = [k for k in _children(sentence, current, ["obl:agent", "obl"])
                      if any(_lower(c) == "by" for c in _children(sentence, k, ["case"]))]
            if agents:
                return agents[0].id, None
            passive_subjects = _children(sentence, current, ["nsubj:pass"])
            if passive_subjects and current.lemma.lower() in QUOTED_AS:
                return passive_subjects[0].id, None
            if passive_subjects:
                return None, None
        else:
            passive = [k for k in sentence.children(current) if k.deprel == "nsubj:pass" and _lower(k) not in EXPLETIVES]
            if passive:
                return passive[0].id, None
        head = sentence.head_of(current)
        if head is None:
            return None, None
        if current is verb and current.rel in ("xcomp", "ccomp"):
            objects = _children(sentence, head, ["obj", "iobj"])
            if objects and objects[0].id < current.id:
                return objects[0].id, None
        if current is verb and current.deprel == "acl:relcl":
            return head.id, None
        if current.rel not in ("xcomp", "conj", "advcl", "ccomp", "acl"):
            return None, None
        steps = 0
        while head is not None and head.upos not in ("VERB", "AUX") and steps < 4:
            head, steps = sentence.head_of(head), steps + 1
        current = head
    return None, None


def _raising_cue(sentence: Sentence, word: Word, lexicon: Lexicon) -> Candidate | None:
    """ "The race seems [to favour Trump]" / "it appears [that S]": a perception with no source.

    The content is the subject with the complement ("The race … to favour
    Trump"), or the clause after an expletive "it", which then joins the cue.
    """
    if word.upos not in ("VERB", "AUX") or word.lemma.lower() not in lexicon.raising_verbs:
        return None
    cue_ids = [word.id, *_adjacent_aux(sentence, word)]
    clauses = [k for k in _children(sentence, word, ["ccomp"]) if k.id > word.id]
    expletive = [k for k in _children(sentence, word, ["expl", "nsubj"]) if _lower(k) == "it"]
    if clauses and expletive:
        cue_ids.append(expletive[0].id)
        content = _ids(sentence.subtree(clauses[0]))
    else:
        complements = [k for k in _children(sentence, word, ["xcomp"]) if k.id > word.id]
        if not complements:
            complements = [k for k in _children(sentence, word, ["obl"])
                           if k.id > word.id and any(_lower(c) == "like" for c in _children(sentence, k, ["case"]))]
            cue_ids.extend(c.id for c in complements[:1] for c in _children(sentence, c, ["case"]))
        subjects = _children(sentence, word, ["nsubj", "nsubj:pass"])
        if not complements or not subjects:
            return None
        content = _ids(sentence.subtree(subjects[0])) | _ids(sentence.subtree(complements[0]))
    content = _trim(sentence, content - set(cue_ids))
    if not content:
        return None
    return Candidate(sentence.index, tuple(sorted(cue_ids)), word.lemma.lower(), None, content, "raising")


def _noun_cue(sentence: Sentence, word: Word, lexicon: Lexicon) -> Candidate | None:
    """ "X's claim that S", "a statement that S", "the report from X that S"."""
    if word.upos not in ("NOUN", "PROPN") or word.lemma.lower() not in lexicon.nouns:
        return None
    clauses = [k for k in _children(sentence, word, ["acl", "ccomp", "appos", "acl:relcl"])
               if k.id > word.id and _marked(sentence, k) and _children(sentence, k, ["nsubj", "nsubj:pass", "expl"])
               and not any(_lower(s) in RELATIVE_PRONOUNS for s in _children(sentence, k, ["nsubj", "obj"]))]
    if not clauses:
        return None
    content = _trim(sentence, _ids(sentence.subtree(clauses[0])))
    speaker = None
    owners = _children(sentence, word, ["nmod:poss"]) or [
        k for k in _children(sentence, word, ["nmod"]) if any(_lower(c) in ("by", "from", "of") for c in _children(sentence, k, ["case"]))]
    if owners:
        speaker = owners[0].id
    elif word.rel in ("obj", "nsubj:pass"):
        head = sentence.head_of(word)
        if head is not None:
            subj = _active_subjects(sentence, head)
            speaker = subj[0].id if subj else None
    return Candidate(sentence.index, (word.id,), word.lemma.lower(), speaker, content, "noun-clause")


POLL_NOUNS = frozenset({"poll", "survey", "study", "census", "tally"})
"""Evidence nouns whose "in" phrase attributes the clause: "[In exit polls], voters were unhappy"."""
POLL_MOVES = frozenset({"rise", "soar", "climb", "surge", "fall", "drop", "slip", "slide", "sink", "plummet", "jump",
                        "rebound", "improve", "decline", "tumble", "fade"})
"""Predicates that describe movement in the polls ("he rose in the polls"), not what a poll found."""


def _poll_cue(sentence: Sentence, word: Word, lexicon: Lexicon) -> Candidate | None:
    """ "In the new poll, Trump wins 1 in 3 voters" / "Trump is leading in the polls": the poll is the source.

    The cue is "in"; the content is the clause the phrase modifies, without the
    phrase. A clause whose predicate is itself a cue ("said in a survey") is left
    to the verb rules.
    """
    if _lower(word) != "in" or word.rel != "case":
        return None
    noun = sentence.head_of(word)
    if noun is None or noun.lemma.lower() not in POLL_NOUNS or noun.rel not in ("obl", "nmod"):
        return None
    predicate = sentence.head_of(noun)
    if predicate is not None and noun.rel == "nmod" and predicate.rel in ("obj", "nsubj"):
        predicate = sentence.head_of(predicate)
    if predicate is None or predicate.upos not in ("VERB", "AUX", "ADJ") or _is_cue_verb(predicate.lemma.lower(), lexicon):
        return None
    if predicate.lemma.lower() in POLL_MOVES or not _active_subjects(sentence, predicate):
        return None
    phrase = _ids(sentence.subtree(noun))
    content = _ids(sentence.subtree(predicate)) - phrase - _ids(_children(sentence, predicate, ["cc", "mark"]))
    side = {i for i in content if i < min(phrase)} if min(phrase) > predicate.id else {i for i in content if i > max(phrase)}
    content = _trim(sentence, side)
    if not content:
        return None
    return Candidate(sentence.index, (word.id,), "in", noun.id, content, "poll-in")


def _phrase_cue(sentence: Sentence, word: Word, lexicon: Lexicon) -> Candidate | None:
    """ "according to X, S" / "S, according to X" and the other multi-word cues."""
    if not any(phrase.split(" ", 1)[0] == _lower(word) for phrase in lexicon.phrases):
        return None
    for phrase in sorted(lexicon.phrases, key=len, reverse=True):
        parts = phrase.split()
        start = word.id
        ws = [sentence.word(start + i) for i in range(len(parts))]
        if any(w is None for w in ws) or [_lower(w) for w in ws if w] != parts:
            continue
        last = ws[-1]
        assert last is not None
        source = _phrase_source(sentence, [w for w in ws if w])
        if source is None:
            return None
        phrase_ids = set(_ids(w for w in ws if w)) | set(_ids(sentence.subtree(source)))
        content = frozenset(w.id for w in sentence.words if w.id not in phrase_ids)
        content = _trim(sentence, content)
        if not content:
            return None
        return Candidate(sentence.index, tuple(w.id for w in ws if w), phrase, source.id, content, "according-to")
    return None


def _phrase_source(sentence: Sentence, phrase: list[Word]) -> Word | None:
    """The nominal governed by the phrase: the noun whose case marker is the phrase's last word ("to X"),
    the head of a phrase word, or else the next noun."""
    last = phrase[-1]
    marked = [w for w in sentence.words if w.id > last.id and w.id == last.head and w.upos in ("NOUN", "PROPN", "PRON", "NUM", "X")]
    if marked:
        return marked[0]
    following = [w for w in sentence.words if w.id > last.id and w.upos in ("NOUN", "PROPN", "PRON")]
    for w in phrase:
        head = sentence.head_of(w)
        if (head is not None and head.id not in _ids(phrase) and head.id > last.id
                and head.upos in ("NOUN", "PROPN", "PRON", "NUM", "X") and (not following or head.id - last.id <= 4)):
            return head
    return following[0] if following else None


def _trim(sentence: Sentence, ids: Iterable[int]) -> frozenset[int]:
    """Drop punctuation at either edge (keeping quotation marks), and a final sentence period."""
    kept = sorted(ids)
    while kept and _edge_punct(sentence.word(kept[0])):
        kept.pop(0)
    while kept and _edge_punct(sentence.word(kept[-1])):
        kept.pop()
    return frozenset(kept)


def _edge_punct(word: Word | None) -> bool:
    return word is not None and word.upos == "PUNCT" and word.text not in {'"', "''", "``", "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"}


def mention_ids(sentence: Sentence, head: Word) -> list[Word]:
    """The minimal speaker mention headed by ``head``: its noun phrase without clauses and appositions."""
    keep = {head.id}
    frontier = [head]
    while frontier:
        current = frontier.pop()
        for child in sentence.children(current):
            if child.id in keep or child.deprel in MENTION_STOP_RELS or child.rel in MENTION_STOP_RELS:
                continue
            if child.id > head.id and child.rel in ("nmod",) and _lower(sentence.subtree(child)[0]) in ("who", "which"):
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
    span = span or [head]
    siblings = [w for w in sentence.words if w.head == head.head and w.deprel == head.deprel and w.id != head.id]
    for sibling in sorted((w for w in siblings if w.id < span[0].id), key=lambda w: -w.id):
        part = sentence.subtree(sibling)
        if part[-1].id != span[0].id - 1 or any(w.upos == "PUNCT" for w in part):
            break
        span = [*part, *span]
    for sibling in sorted((w for w in siblings if w.id > span[-1].id), key=lambda w: w.id):
        part = sentence.subtree(sibling)
        if part[0].id != span[-1].id + 1 or any(w.upos == "PUNCT" for w in part):
            break
        span = [*span, *part]
    return span
