"""Rules over one dependency parse: find cues, their speakers and their contents.

The output is a list of ``Candidate`` objects in word IDs of one sentence. Text
offsets, quotation marks across sentences and speaker resolution are handled
later (``assemble``, ``speakers``), so every rule here can be tested on a
hand-written CoNLL-U sentence. The cue rules are registered in ``CUE_RULES`` (at
the end), in the order they are tried; each candidate names its ``Rule``.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from quotes.core.attribution import Rule
from quotes.core.grammar import (
    BACKSHIFT_MODALS,
    CLAUSE_BREAKS,
    CLAUSE_RELS,
    CONCESSIVE,
    DASHES,
    EXPLETIVES,
    LOOSE_CLAUSE_RELS,
    MEDIUM_CASES,
    NEGATION,
    NON_CUE_ADVERBS,
    PARTICIPLE_OPENERS,
    RELATIVE_PRONOUNS,
    SUBORDINATORS,
    active_subjects,
    children_by,
    has_colon_between,
    has_comma_between,
    id_set,
    is_negated,
    lowered,
    marked,
    marked_by,
    trimmed,
)
from quotes.core.lexicon import Lexicon
from quotes.core.parsed import Sentence, Word
from quotes.core.quotemarks import QUOTE_TOKENS, closes_quotation
from quotes.core.word_order import (
    buried_that_clause,
    final_report_clause,
    finite_right_part,
    initial_subject,
    interrupting_report,
    introduces_quotation,
    inverted_speaker,
    orphan_clause,
    segment_speaker,
    that_clause_after_aside,
)


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
    rule: Rule
    antecedent: int | None = None
    """For a relative-pronoun speaker ("X, who said …"): word ID of the noun it stands for."""


CueFinder = Callable[[Sentence, Word, Lexicon], "Candidate | None"]
"""Reads one word of a sentence as a cue: the candidate it starts, or None."""


@attrs.frozen
class CueRule:
    """One way a word becomes a cue, with the names of the rules its candidates carry."""

    name: str
    find: CueFinder
    rules: frozenset[Rule]


def find_candidates(sentence: Sentence, lexicon: Lexicon) -> list[Candidate]:
    """Every cue in ``sentence`` with its speaker and content: at each word, the first of ``CUE_RULES`` that
    finds a candidate wins, and the words of its cue are not tried again."""
    sentence = _with_cue_lemmas(sentence, lexicon)
    found: list[Candidate] = []
    used: set[int] = set()
    for word in sentence.words:
        if word.id in used:
            continue
        cand = next((c for rule in CUE_RULES if (c := rule.find(sentence, word, lexicon)) is not None), None)
        if cand is not None:
            found.append(cand)
            used.update(cand.cue)
    return _drop_nested_cues(found)


def _with_cue_lemmas(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """The sentence with verb lemmas repaired where a cue verb was meant ("vowe" → "vow", "endors" → "endorse")."""
    words = list(sentence.words)
    changed = False
    for i, word in enumerate(words):
        if word.upos in ("VERB", "AUX"):
            lemma = lexicon.verb_lemma(word.lemma, word.text)
            if lemma != word.lemma:
                words[i] = attrs.evolve(word, lemma=lemma)
                changed = True
    return attrs.evolve(sentence, words=tuple(words)) if changed else sentence


def _drop_nested_cues(found: list[Candidate]) -> list[Candidate]:
    """Drop a to-infinitive cue whose content holds another cue: "continued to [insist that S]" is "insist"'s."""
    return [cand for cand in found
            if not (cand.rule == Rule.VERB_XCOMP and any(o is not cand and set(o.cue) <= cand.content for o in found))]


def _is_cue_verb(lemma: str, lexicon: Lexicon) -> bool:
    return lemma in lexicon.verbs or lemma in lexicon.object_verbs or lemma in lexicon.infinitive_verbs


def _verb_cue(sentence: Sentence, word: Word, lexicon: Lexicon) -> Candidate | None:
    lemma = word.lemma.lower()
    if word.upos not in ("VERB", "AUX"):
        return None
    put_it = ([k for k in children_by(sentence, word, ["obj"]) if lowered(k) == "it" and k.id == word.id + 1]
              if lemma == "put" else [])
    known = _is_cue_verb(lemma, lexicon) or bool(put_it)
    particles = [k for k in children_by(sentence, word, ["compound:prt"])]
    if particles and dict(lexicon.particle_verbs).get(lemma) != lowered(particles[0]):
        return None
    prepositional = _prepositional_object(sentence, word, lexicon)
    if not known and prepositional is None and not introduces_quotation(sentence, word):
        return None
    if _discourse_idiom(sentence, word):
        return None
    cue_ids: list[int] = [word.id, *_adjacent_aux(sentence, word), *_medium(sentence, word, lexicon), *id_set(put_it)]
    content, rule = _verb_content(sentence, word, lexicon) if known else (None, None)
    if rule in (None, Rule.VERB_OBJECT, Rule.VERB_XCOMP) and prepositional is not None:
        case, noun = prepositional
        infinitives = [k for k in children_by(sentence, word, ["xcomp", "advcl"]) if k.id > noun.id
                       and marked_by(sentence, k, ("to",))]
        content = id_set(sentence.subtree(noun)) - {case.id}
        content, rule = content.union(*(id_set(sentence.subtree(k)) for k in infinitives[:1])), Rule.VERB_PREPOSITION
        cue_ids.append(case.id)
    elif content is None and not known:
        content, rule = _verb_content(sentence, word, lexicon)
    interrupting = interrupting_report(sentence, word) if lemma in lexicon.verbs else None
    if content is None and interrupting is not None:
        content, rule = frozenset(), Rule.VERB_INTERRUPTING  # "A comic tone, she said, would make …": filled below
    if content is None and known and word.deprel == "root" and _opens_with_report(sentence, word):
        content, rule = frozenset(), Rule.VERB_AFTER_QUESTION  # the last resort: a quotation before the sentence
    if content is None or rule is None or (not known and rule not in (
            Rule.VERB_CCOMP, Rule.VERB_INVERTED, Rule.VERB_PARENTHETICAL, Rule.VERB_PREPOSITION)):
        return None
    if is_negated(sentence, word) and _opens_question(sentence, content, lexicon):
        return None
    speaker, antecedent = _verb_speaker(sentence, word, lexicon)
    inverted = inverted_speaker(sentence, word, lexicon)
    inverted = None if inverted in cue_ids else inverted
    if inverted is not None and speaker is not None and speaker < word.id and any(
            w.text in QUOTE_TOKENS for w in sentence.words if speaker < w.id < word.id):
        speaker, antecedent = inverted, None
    if (inverted is not None and speaker is not None and word.id < inverted < speaker
            and sentence.at(inverted).upos == "PROPN"):
        speaker, antecedent = inverted, None  # "said Rita Katz, [the director]": the apposition parsed as subject
    if not active_subjects(sentence, word):
        nearby = inverted or segment_speaker(sentence, word, lexicon) or initial_subject(sentence, word)
        if nearby is not None:
            speaker, antecedent = nearby, None
    if speaker is not None:
        speaker = _past_dateline(sentence, speaker, word)
    if interrupting is not None:
        content, rule = interrupting[0], Rule.VERB_INTERRUPTING
        if interrupting[1] is not None:
            speaker, antecedent = interrupting[1], None
    if speaker is None and not _may_lack_source(sentence, word, lemma, lexicon):
        return None
    if speaker is not None:
        speaker = _past_time_word(sentence, speaker, word, lexicon)
    if speaker and rule != Rule.VERB_INTERRUPTING:
        if speaker > word.id:
            content = content - id_set(sentence.subtree(sentence.at(speaker)))  # "Said X, who …, "Q""
        elif speaker not in content:
            content = content - (id_set(sentence.subtree(sentence.at(speaker))) - id_set(sentence.subtree(word)))
        content = content - set(range(speaker, word.id)) or content
    content = trimmed(sentence, _without_comment(sentence, content - set(cue_ids), lexicon))
    if not content and rule not in (Rule.VERB_BARE, Rule.VERB_AFTER_QUESTION):
        return None
    return Candidate(sentence.index, tuple(sorted(cue_ids)), lemma, speaker, content, rule, antecedent)


def _discourse_idiom(sentence: Sentence, verb: Word) -> bool:
    """ "That said, …", "Having said that, …", "needless to say": linking phrases, not reports."""
    before = [lowered(w) for w in sentence.words if verb.id - 2 <= w.id < verb.id]
    after = [lowered(w) for w in sentence.words if verb.id < w.id <= verb.id + 2]
    if lowered(verb) != "said" and before[-2:] != ["needless", "to"]:
        return False
    return ((before[-1:] == ["that"] and after[:1] == [","])
            or (before[-1:] == ["having"] and after == ["that", ","])
            or before[-2:] == ["needless", "to"])


def _past_dateline(sentence: Sentence, speaker: int, verb: Word) -> int:
    """ "WASHINGTON — Sen. Sanders defended …": a capitalised dateline is never the speaker.

    When the parser made the place before the dash the subject, the speaker is
    the first noun phrase head between the dash and the verb.
    """
    dash = next((w for w in sentence.words if w.text in DASHES), None)
    before = [w for w in sentence.words if dash is not None and w.id < dash.id and w.upos != "PUNCT"]
    if dash is None or not before or speaker > dash.id or dash.id > verb.id:
        return speaker
    if not all(w.text.isupper() or not w.text.isalpha() for w in before):
        return speaker
    between = {w.id for w in sentence.words if dash.id < w.id < verb.id}
    heads = [w for w in sentence.words if w.id in between and w.upos in ("NOUN", "PROPN", "PRON") and w.head not in between]
    return heads[0].id if heads else speaker


def _past_time_word(sentence: Sentence, speaker: int, verb: Word, lexicon: Lexicon) -> int | None:
    """ "a poll released [Friday] shows": a day is never the source; the noun it hangs under is, if any,
    or the subject of the verb it hangs on."""
    word = sentence.word(speaker)
    if word is None or lowered(word) not in lexicon.time_words:
        return speaker
    for _ in range(3):
        word = sentence.head_of(word)
        if word is None or word.id == verb.id:
            return None
        if word.upos in ("NOUN", "PROPN", "PRON") and lowered(word) not in lexicon.time_words:
            return word.id
        subjects = [k for k in active_subjects(sentence, word) if lowered(k) not in lexicon.time_words]
        if word.upos in ("VERB", "AUX") and subjects:
            return subjects[0].id  # "A court document filed [Thursday] says": the document
    return None


def _prepositional_object(sentence: Sentence, verb: Word, lexicon: Lexicon) -> tuple[Word, Word] | None:
    """The preposition and noun of a prepositional cue ("talked [about] [the economy]", "called [for] [a ban]")."""
    for noun in children_by(sentence, verb, ["obl", "nmod"]):
        if noun.id < verb.id:
            continue
        case = next((c for c in children_by(sentence, noun, ["case"]) if c.id > verb.id), None)
        if case is not None and case.id - verb.id <= 2 and f"{verb.lemma.lower()} {lowered(case)}" in lexicon.prepositional_verbs:
            return case, noun
    return None


def _medium(sentence: Sentence, verb: Word, lexicon: Lexicon) -> list[int]:
    """A cue noun right after the verb ("in a statement", "in an interview") is part of the cue."""
    for child in children_by(sentence, verb, ["obl"]):
        phrase = sentence.subtree(child)
        if (child.lemma.lower() in lexicon.nouns and phrase[0].id == verb.id + 1
                and lowered(phrase[0]) in MEDIUM_CASES and len(phrase) <= 4):
            return [w.id for w in phrase]
    return []


def _without_comment(sentence: Sentence, content: frozenset[int], lexicon: Lexicon) -> frozenset[int]:
    """Drop trailing clauses that are not what was said.

    ", though he did not say …" is the writer's comment; "… and calls her X" /
    ", but insists S" / "… and called for X" is a second, coordinated attribution; ", calling them X" is
    a participle describing the speaker, not part of the reported clause (the
    comma may sit inside the clause's subtree). A "but" conjunct that is not a
    report verb ("said she was elated but still feared X") stays: on 160 PolNeAR
    train documents the annotators kept it in the content. A conjunct after a
    comma with its own subject and no "that" ("says it is $4.5 billion, and
    Wealth-X has it at …") is the writer going on, and is cut.
    """
    for word in sentence.words:
        if word.id not in content or word.rel not in ("advcl", "conj", "parataxis", "xcomp"):
            continue
        clause = id_set(sentence.subtree(word))
        opener = next((w for w in sentence.subtree(word) if w.upos != "PUNCT"), None)
        if max(clause) < max(content) or opener is None or min(clause) <= min(content):
            continue
        before = sentence.word(opener.id - 1)
        after_comma = before is not None and before.text in CLAUSE_BREAKS
        cue_head = (_is_cue_verb(word.lemma.lower(), lexicon) and not active_subjects(sentence, word)
                    and (any(marked(sentence, k) for k in children_by(sentence, word, ["ccomp", "advcl"]))
                         or _prepositional_object(sentence, word, lexicon) is not None))
        concessive = (lowered(opener) in CONCESSIVE and word.rel != "conj"
                      and any(w.lemma.lower() in lexicon.verbs for w in sentence.words if w.id in clause))
        participle = after_comma and word.id == opener.id and (word.xpos == "VBG" or "VerbForm=Ger" in word.feats)
        head = sentence.head_of(word)
        second_clause = (word.rel == "conj" and after_comma and head is not None and head.head not in content
                         and bool(active_subjects(sentence, word)) and not marked_by(sentence, word, ("that",)))
        if concessive or participle or (word.rel == "conj" and cue_head) or second_clause:
            return content - clause
    return content


def _opens_question(sentence: Sentence, content: frozenset[int], lexicon: Lexicon) -> bool:
    """True when the content is an indirect question ("what that would be", "whether it would")."""
    if not content:
        return False
    first = min(content)
    nearby = [sentence.word(i) for i in (first - 1, first, first + 1)]
    return any(w is not None and lowered(w) in lexicon.nonverbal_content_words for w in nearby)


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
    return verb.text[:1].isalpha() and (not before or (len(before) == 1 and lowered(before[0]) in PARTICIPLE_OPENERS))


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
                                      and lowered(word) not in NON_CUE_ADVERBS)):
            break
        ids.append(position)
        position -= 1
    while ids and sentence.at(ids[-1]).rel != "aux" and lowered(sentence.at(ids[-1])) in NEGATION:
        ids.pop()
    return ids


def _stolen_subject(sentence: Sentence, verb: Word, clause: Word) -> frozenset[int]:
    """The subject of a fronted content clause that the parser hung on the report verb instead.

    In "Other efforts to help the program will also be expanded, officials
    said." the parser may give "said" two subjects, "efforts" and "officials",
    leaving "will also be expanded" subjectless. When the fronted clause has no
    subject of its own and the verb's extra subject ends right where the clause
    begins, that subject (and its modifiers) is part of the content.
    """
    if clause.id > verb.id or children_by(sentence, clause, ["nsubj", "nsubj:pass", "csubj", "expl"]):
        return frozenset()
    subjects = children_by(sentence, verb, ["nsubj", "nsubj:pass"])
    if len(subjects) < 2:
        return frozenset()
    start = sentence.subtree(clause)[0].id
    for subject in subjects:
        words = [w for w in sentence.subtree(subject) if w.id < start or w.upos != "PUNCT"]
        if words and words[-1].id < start and all(w.upos == "PUNCT" for w in sentence.words if words[-1].id < w.id < start):
            return id_set(words) | set(range(words[-1].id + 1, start))
    return frozenset()


def _clause_start(sentence: Sentence, clause: Word) -> tuple[Word, Word | None]:
    """The first word of a clause that is not punctuation, and the word right before it."""
    first = next((w for w in sentence.subtree(clause) if w.upos != "PUNCT"), clause)
    return first, sentence.word(first.id - 1)


def _chained_report(sentence: Sentence, verb: Word, clause: Word, lexicon: Lexicon) -> bool:
    """ "S, the department said" / "said, adding that S" hung on the cue as its complement: a report, not content."""
    _first, before = _clause_start(sentence, clause)
    while before is not None and closes_quotation(before.text, (w.text for w in sentence.words if w.id < before.id)):
        before = sentence.word(before.id - 1)  # 'said "Q," adding that S'
    return (clause.id > verb.id and _is_cue_verb(lexicon.verb_lemma(clause.lemma, clause.text), lexicon)
            and before is not None and before.text in CLAUSE_BREAKS
            and (bool(active_subjects(sentence, clause)) or clause.xpos == "VBG"))


def _participle_aside(sentence: Sentence, verb: Word, clause: Word) -> bool:
    """ "S, he said, wiping sweat off his face": a participle after a comma hung on the cue describes the speaker."""
    first, before = _clause_start(sentence, clause)
    return (clause.id > verb.id and first.id == clause.id and clause.xpos == "VBG" and before is not None
            and before.text in CLAUSE_BREAKS and not active_subjects(sentence, clause) and not marked(sentence, clause))


def _verb_content(sentence: Sentence, verb: Word, lexicon: Lexicon) -> tuple[frozenset[int] | None, Rule | None]:
    """The content of a verb cue and the name of the rule that found it (None: not an attribution)."""
    clauses = [c for c in children_by(sentence, verb, CLAUSE_RELS)
               if not _chained_report(sentence, verb, c, lexicon) and not _participle_aside(sentence, verb, c)]
    clauses = [c for c in clauses if c.id > verb.id] or clauses
    clauses = clauses[:1] + [c for c in clauses[1:] if not _coordinated_clause(sentence, c)]
    if clauses:
        ids = set().union(*(id_set(sentence.subtree(c)) for c in clauses))
        for conj in children_by(sentence, verb, ["conj"]):
            backshifted = not active_subjects(sentence, conj) and any(
                lowered(a) in BACKSHIFT_MODALS for a in children_by(sentence, conj, ["aux"]))
            second_that = marked_by(sentence, conj, ("that",))
            if conj.id > max(ids) and (backshifted or second_that):
                ids |= id_set(sentence.subtree(conj))
        for late in children_by(sentence, verb, ["advcl"]):
            if late.id > max(ids) and not _chained_report(sentence, verb, late, lexicon) and not marked_by(
                    sentence, late, ("as",)):
                ids |= id_set(sentence.subtree(late))
        clause_start = sentence.subtree(clauses[0])[0].id
        split_subject = [k for k in children_by(sentence, verb, ["obj"]) if verb.id < k.id < clauses[0].id
                         and verb.lemma.lower() not in lexicon.addressee_verbs
                         and (not marked(sentence, clauses[0]) or clause_start < k.id)]
        for k in split_subject[:1]:
            ids |= id_set(sentence.subtree(k))
        opener = [k for k in children_by(sentence, verb, LOOSE_CLAUSE_RELS)
                  if verb.id < k.id < clauses[0].id and marked(sentence, k) and k.rel != "ccomp"]
        for k in opener[:1]:
            ids |= id_set(sentence.subtree(k))
        ids |= _stolen_subject(sentence, verb, clauses[0])
        if (len(clauses) > 1 and all(c.id > verb.id for c in clauses)) or len(ids) > len(id_set(sentence.subtree(clauses[0]))):
            ids |= {w.id for w in sentence.words if min(ids) < w.id < max(ids)}
        return frozenset(ids), Rule.VERB_CCOMP
    for child in children_by(sentence, verb, LOOSE_CLAUSE_RELS):
        if child.rel in ("advcl", "dep", "obj", "acl", "obl", "conj") and marked(sentence, child) and child.id > verb.id:
            return id_set(sentence.subtree(child)), Rule.VERB_MARKED_CLAUSE
    if verb.lemma.lower() in lexicon.verbs:
        buried = buried_that_clause(sentence, verb) or that_clause_after_aside(sentence, verb)
        if buried is not None:
            return id_set(sentence.subtree(buried)), Rule.VERB_BURIED_CLAUSE
    if verb.lemma.lower() in lexicon.infinitive_verbs:
        for child in children_by(sentence, verb, ["xcomp"]):
            if marked_by(sentence, child, ("to",)):
                return _infinitive_content(sentence, verb, child, lexicon), Rule.VERB_XCOMP
    if verb.lemma.lower() in lexicon.object_verbs or _evidence(sentence, verb, lexicon):
        content = _object_content(sentence, verb, lexicon)
        if content:
            return content, Rule.VERB_OBJECT
    for child in children_by(sentence, verb, ["parataxis", "dep", "advcl", "conj"]):
        if child.id < verb.id and has_comma_between(sentence, child, verb) and not marked_by(
                sentence, child, SUBORDINATORS):
            return id_set(sentence.subtree(child)), Rule.VERB_INVERTED
    for child in children_by(sentence, verb, ["parataxis", "dep", "obj"]):
        if child.id > verb.id and has_colon_between(sentence, verb, child):
            return id_set(sentence.subtree(child)), Rule.VERB_COLON
    if verb.rel == "advcl" and active_subjects(sentence, verb) and marked_by(sentence, verb, ("as",)):
        head = sentence.head_of(verb)
        if head is not None:
            return id_set(sentence.subtree(head)) - id_set(sentence.subtree(verb)), Rule.VERB_AS_CLAUSE
    passive = [k for k in children_by(sentence, verb, ["nsubj:pass"]) if lowered(k) not in EXPLETIVES]
    if passive and any(any(lowered(c) == "by" for c in children_by(sentence, k, ["case"]))
                       for k in children_by(sentence, verb, ["obl:agent", "obl"])):
        detached = [w for clause in _detached_that_clause(sentence, passive[0]) for w in sentence.subtree(clause)]
        return id_set(sentence.subtree(passive[0])) | id_set(detached), Rule.VERB_PASSIVE_AGENT
    has_source = bool(active_subjects(sentence, verb) or inverted_speaker(sentence, verb, lexicon)
                      or segment_speaker(sentence, verb, lexicon))
    relative = any(s.upos == "PRON" and lowered(s) in RELATIVE_PRONOUNS for s in active_subjects(sentence, verb))
    subordinate = marked_by(sentence, verb, SUBORDINATORS)  # ", though he didn't say"
    coordinated = bool(children_by(sentence, verb, ["cc"]))  # ", but he suggested …" goes on; it does not interrupt
    has_object = any(k.id > verb.id for k in children_by(sentence, verb, ["obj"]))  # ", seeking asylum": its own content
    if has_source and not relative and not subordinate and not coordinated and not has_object and (verb.rel == "parataxis" or (
            verb.rel in ("dep", "advcl", "conj") and has_comma_between(sentence, sentence.head_of(verb), verb))):
        head = sentence.head_of(verb)
        if head is not None and head.id < verb.id:
            return id_set(sentence.subtree(head)) - id_set(sentence.subtree(verb)), Rule.VERB_PARENTHETICAL
    final = final_report_clause(sentence, verb, lexicon)
    if final is not None:
        return final, Rule.VERB_FINAL_CLAUSE
    if verb.lemma.lower() in lexicon.verbs:
        right = finite_right_part(sentence, verb, lexicon)
        if right:
            return right, Rule.VERB_RIGHT_CLAUSE
        orphan = orphan_clause(sentence, verb)
        if orphan:
            return orphan, Rule.VERB_ORPHAN_CLAUSE
    if (verb.deprel == "root" and _bare_report(sentence, verb)) or introduces_quotation(sentence, verb):
        return frozenset(), Rule.VERB_BARE
    return None, None


def _infinitive_content(sentence: Sentence, verb: Word, clause: Word, lexicon: Lexicon) -> frozenset[int]:
    """The "to" clause of an infinitive cue, with whom it is about when that stands apart from it.

    PolNeAR's contents take in the object of "wants [Trump] to lose" / "expect [the president] to leverage"
    (not the listener of "asked them to", which the annotators split on) and the passive subject of
    "[Trump] had been expected to visit": on 160 train documents content exact F1 52.1 → 52.5.
    """
    ids = set(id_set(sentence.subtree(clause)))
    objects = [k for k in children_by(sentence, verb, ["obj", "iobj"]) if verb.id < k.id < clause.id]
    if objects and verb.lemma.lower() not in lexicon.addressee_verbs:
        ids |= id_set(sentence.subtree(objects[0]))
    passive = [k for k in children_by(sentence, verb, ["nsubj:pass"]) if lowered(k) not in EXPLETIVES]
    if passive:
        ids |= id_set(sentence.subtree(passive[0]))
    return frozenset(ids)


def _coordinated_clause(sentence: Sentence, clause: Word) -> bool:
    """A later clause of the report verb joined by a comma and "and"/"but", with its own subject and no "that"."""
    joined = [k for k in children_by(sentence, clause, ["cc"]) if k.id < clause.id]
    subject = children_by(sentence, clause, ["nsubj", "nsubj:pass", "nsubj:outer", "expl"])
    return bool(joined and subject and not marked_by(sentence, clause, ("that",))
                and (sentence.word(joined[0].id - 1) or joined[0]).text in CLAUSE_BREAKS)


def _evidence(sentence: Sentence, verb: Word, lexicon: Lexicon) -> bool:
    """True for "a poll shows X" / "the survey found X": an evidence noun as subject of an evidence verb."""
    if verb.lemma.lower() not in lexicon.evidence_verbs:
        return False
    return any(s.lemma.lower() in lexicon.evidence_nouns for s in active_subjects(sentence, verb))


def _object_content(sentence: Sentence, verb: Word, lexicon: Lexicon) -> frozenset[int] | None:
    """The object of a stance verb with its complements: "called [the plan a disaster]", "referred [to X]".

    When the parser made the first of two objects an indirect one ("calling [him] [a disgrace]"), both are
    kept: on 160 PolNeAR train documents content exact F1 52.5 → 52.6.
    """
    time_adjuncts = lexicon.time_words | lexicon.adjunct_time_words  # "criticized X [on Monday]": not content
    particle = dict(lexicon.particle_verbs).get(verb.lemma.lower())
    objects = [k for k in children_by(sentence, verb, ["obj"]) if k.id > verb.id]
    if not objects and particle:
        objects = [k for k in children_by(sentence, verb, ["obl"])
                   if k.id > verb.id and any(lowered(c) == particle for c in children_by(sentence, k, ["case"]))]
    if not objects:
        return None
    ids = set(id_set(sentence.subtree(objects[0])))
    for k in children_by(sentence, verb, ["iobj"]):
        if verb.id < k.id < objects[0].id:
            ids |= id_set(sentence.subtree(k))  # "calling [him] "a disgrace"", parsed as two objects
    for k in sentence.children(verb):
        if k.id <= objects[0].id or k.upos == "PUNCT" or k.rel in ("conj", "cc", "parataxis", "punct"):
            continue
        if k.rel == "advcl" and (active_subjects(sentence, k) or has_comma_between(sentence, objects[0], k)):
            continue
        if k.rel in ("obl", "advmod") and lowered(k) in time_adjuncts:
            continue
        ids |= id_set(sentence.subtree(k))
    return frozenset(ids)


def _bare_report(sentence: Sentence, verb: Word) -> bool:
    """ "He said." / "said Smith." with nothing else: its content is an adjacent quotation."""
    others = [w for w in sentence.words if w.upos != "PUNCT" and w.id != verb.id]
    subject = active_subjects(sentence, verb)
    if not subject:
        return False
    rest = set(id_set(others)) - id_set(sentence.subtree(subject[0]))
    return all(sentence.at(i).rel in ("advmod", "obl", "aux", "nmod", "case", "det", "obl:tmod", "compound") for i in rest)


def _opens_with_report(sentence: Sentence, verb: Word) -> bool:
    """ '“Q?” | Trump told ITV in an interview …': a sentence that opens with speaker and verb and has no content.

    The tokenizer ends a sentence at a quotation's "?" or "!"; the report that
    follows has more after it than a bare "he said." The caller keeps the
    candidate only if a quotation ending in "?" or "!" closes right before it.
    """
    subject = active_subjects(sentence, verb)
    if not subject:
        return False
    first = next((w for w in sentence.words if w.upos != "PUNCT"), None)
    opening = id_set(sentence.subtree(subject[0]))
    return (first is not None and first.id in opening
            and all(w.id in opening or w.rel in ("aux", "advmod") for w in sentence.words if w.id < verb.id))


def _verb_speaker(sentence: Sentence, verb: Word, lexicon: Lexicon) -> tuple[int | None, int | None]:
    """Head word of the source of a verb cue (and, for "who", its antecedent).

    A cue with no subject of its own ("saying S", "saw Choe warn", "adding that")
    takes the subject of the nearest verb above it ("X is quoted as saying": the
    passive subject there); a passive agent ("by X") only counts on the cue itself.
    A participle on a noun ("an adviser acknowledging that S") is said by that
    noun, and a copular clause above ("Obama has been on the sidelines, arguing")
    lends its subject, as an inverted report lends its speaker ('"Q," said X,
    echoing Y').
    """
    current: Word | None = verb
    for _ in range(5):
        if current is None:
            return None, None
        subjects = active_subjects(sentence, current)
        subjects = [k for k in subjects if lowered(k) not in lexicon.time_words] or subjects  # "Police had last [month] charged"
        if subjects:
            subj = subjects[0]
            if lowered(subj) in RELATIVE_PRONOUNS and current.deprel == "acl:relcl":
                return subj.id, current.head or None
            return subj.id, None
        if current is not verb:
            inverted = inverted_speaker(sentence, current, lexicon)
            if inverted is not None:
                return inverted, None
        if current is verb:
            preverbal = [k for k in children_by(sentence, current, ["obj", "iobj"]) if k.id < current.id]
            if preverbal and current.rel in ("xcomp", "ccomp"):
                return preverbal[-1].id, None
            agents = [k for k in children_by(sentence, current, ["obl:agent", "obl"])
                      if any(lowered(c) == "by" for c in children_by(sentence, k, ["case"]))]
            if agents:
                return agents[0].id, None
            passive_subjects = children_by(sentence, current, ["nsubj:pass"])
            if passive_subjects and current.lemma.lower() in lexicon.quoted_as_verbs:
                return passive_subjects[0].id, None
            if passive_subjects:
                return None, None
        else:
            passive = [k for k in sentence.children(current) if k.deprel == "nsubj:pass" and lowered(k) not in EXPLETIVES]
            if passive:
                return passive[0].id, None
        head = sentence.head_of(current)
        if head is None:
            return None, None
        if current is verb and current.rel in ("xcomp", "ccomp"):
            objects = children_by(sentence, head, ["obj", "iobj"])
            if objects and objects[0].id < current.id and not any(
                    w.upos == "PUNCT" for w in sentence.words if objects[0].id < w.id < current.id):
                return objects[0].id, None
        participle = current is verb and (verb.xpos == "VBG" or "VerbForm=Ger" in verb.feats)
        if current is verb and (current.deprel == "acl:relcl" or (
                participle and current.deprel == "acl" and head.upos in ("NOUN", "PROPN", "PRON"))):
            if current.deprel == "acl" and head.lemma.lower() in lexicon.authored_nouns and head.rel in ("obj", "obl"):
                current = sentence.head_of(head)  # "issued a statement describing X": whoever issued it
                continue
            return head.id, None
        if current.rel not in ("xcomp", "conj", "advcl", "ccomp", "acl") and not (participle and current.rel == "parataxis"):
            return None, None
        if current is verb and current.rel == "conj" and head.rel == "ccomp" and marked(sentence, head):
            head = sentence.head_of(head)  # "X said that S and called for Y": X calls, not S's subject
        steps = 0
        while head is not None and head.upos not in ("VERB", "AUX") and not active_subjects(sentence, head) and steps < 4:
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
    clauses = [k for k in children_by(sentence, word, ["ccomp"]) if k.id > word.id]
    expletive = [k for k in children_by(sentence, word, ["expl", "nsubj"]) if lowered(k) == "it"]
    if clauses and expletive:
        cue_ids.append(expletive[0].id)
        content = id_set(sentence.subtree(clauses[0]))
    else:
        complements = [k for k in children_by(sentence, word, ["xcomp"]) if k.id > word.id]
        if not complements:
            complements = [k for k in children_by(sentence, word, ["obl"])
                           if k.id > word.id and any(lowered(c) == "like" for c in children_by(sentence, k, ["case"]))]
            cue_ids.extend(c.id for c in complements[:1] for c in children_by(sentence, c, ["case"]))
        subjects = children_by(sentence, word, ["nsubj", "nsubj:pass"])
        if not complements or not subjects:
            return None
        content = id_set(sentence.subtree(subjects[0])) | id_set(sentence.subtree(complements[0]))
    content = trimmed(sentence, content - set(cue_ids))
    if not content:
        return None
    return Candidate(sentence.index, tuple(sorted(cue_ids)), word.lemma.lower(), None, content, Rule.RAISING)


def _detached_that_clause(sentence: Sentence, noun: Word) -> list[Word]:
    """ "claim [that S] was questioned" with the that-clause hung on the verb: the clause opening right after the noun.

    The clause must start with "that" directly after the noun and have its own
    subject, so a relative clause ("the claim that he made") is not taken.
    """
    nxt = sentence.word(noun.id + 1)
    if nxt is None or lowered(nxt) != "that" or nxt.rel != "mark":
        return []
    clause = sentence.head_of(nxt)
    if clause is None or clause.id == noun.id or sentence.subtree(clause)[0].id != nxt.id:
        return []
    subjects = [k for k in children_by(sentence, clause, ["nsubj", "nsubj:pass", "expl"]) if lowered(k) not in RELATIVE_PRONOUNS]
    return [clause] if subjects else []


def _noun_cue(sentence: Sentence, word: Word, lexicon: Lexicon) -> Candidate | None:
    """ "X's claim that S", "a statement that S", "the report from X that S"."""
    if word.upos not in ("NOUN", "PROPN") or word.lemma.lower() not in lexicon.nouns:
        return None
    clauses = [k for k in children_by(sentence, word, ["acl", "ccomp", "appos", "acl:relcl"])
               if k.id > word.id and marked(sentence, k) and children_by(sentence, k, ["nsubj", "nsubj:pass", "expl"])
               and not any(lowered(s) in RELATIVE_PRONOUNS for s in children_by(sentence, k, ["nsubj", "obj"]))]
    if not clauses:
        clauses = _detached_that_clause(sentence, word)
    if not clauses:
        return None
    content = trimmed(sentence, id_set(sentence.subtree(clauses[0])))
    speaker = None
    owners = children_by(sentence, word, ["nmod:poss"]) or [
        k for k in children_by(sentence, word, ["nmod"]) if any(lowered(c) in ("by", "from", "of") for c in children_by(sentence, k, ["case"]))]
    if owners:
        speaker = owners[0].id
    elif word.rel in ("obj", "nsubj:pass"):
        head = sentence.head_of(word)
        if head is not None:
            subj = active_subjects(sentence, head)
            speaker = subj[0].id if subj else None
    return Candidate(sentence.index, (word.id,), word.lemma.lower(), speaker, content, Rule.NOUN_CLAUSE)


def _poll_cue(sentence: Sentence, word: Word, lexicon: Lexicon) -> Candidate | None:
    """ "In the new poll, Trump wins 1 in 3 voters" / "Trump is leading in the polls": the poll is the source.

    The cue is "in"; the content is the clause the phrase modifies, without the
    phrase. A clause whose predicate is itself a cue ("said in a survey") is left
    to the verb rules.
    """
    if lowered(word) != "in" or word.rel != "case":
        return None
    noun = sentence.head_of(word)
    if noun is None or noun.lemma.lower() not in lexicon.poll_nouns or noun.rel not in ("obl", "nmod"):
        return None
    predicate = sentence.head_of(noun)
    if predicate is not None and noun.rel == "nmod" and predicate.rel in ("obj", "nsubj"):
        predicate = sentence.head_of(predicate)
    if predicate is None or predicate.upos not in ("VERB", "AUX", "ADJ") or _is_cue_verb(predicate.lemma.lower(), lexicon):
        return None
    if predicate.lemma.lower() in lexicon.poll_moves or not active_subjects(sentence, predicate):
        return None
    phrase = id_set(sentence.subtree(noun))
    content = id_set(sentence.subtree(predicate)) - phrase - id_set(children_by(sentence, predicate, ["cc", "mark"]))
    side = {i for i in content if i < min(phrase)} if min(phrase) > predicate.id else {i for i in content if i > max(phrase)}
    content = trimmed(sentence, side)
    if not content:
        return None
    return Candidate(sentence.index, (word.id,), "in", noun.id, content, Rule.POLL_IN)


def _phrase_cue(sentence: Sentence, word: Word, lexicon: Lexicon) -> Candidate | None:
    """ "according to X, S" / "S, according to X" and the other multi-word cues."""
    if lowered(word) not in lexicon.phrase_openers:
        return None
    for phrase in sorted(lexicon.phrases, key=len, reverse=True):
        parts = phrase.split()
        start = word.id
        ws = [sentence.word(start + i) for i in range(len(parts))]
        if any(w is None for w in ws) or [lowered(w) for w in ws if w] != parts:
            continue
        last = ws[-1]
        assert last is not None
        source = _phrase_source(sentence, [w for w in ws if w])
        if source is None:
            return None
        phrase_ids = set(id_set(w for w in ws if w)) | set(id_set(sentence.subtree(source)))
        content = frozenset(w.id for w in sentence.words if w.id not in phrase_ids)
        content = trimmed(sentence, _without_source_relative(sentence, content, max(phrase_ids)))
        if not content:
            return None
        return Candidate(sentence.index, tuple(w.id for w in ws if w), phrase, source.id, content, Rule.ACCORDING_TO)
    return None


def _without_source_relative(sentence: Sentence, content: frozenset[int], source_end: int) -> frozenset[int]:
    """ "S, according to X, who …": a relative clause right after the source describes the source, wherever the
    parser hung it, so it is not part of what X reported (when the content already stands before the cue)."""
    right = sorted(i for i in content if i > source_end)
    first = next((sentence.word(i) for i in right if sentence.word(i).upos != "PUNCT"), None)  # type: ignore[union-attr]
    if first is None or len(right) == len(content) or lowered(first) not in RELATIVE_PRONOUNS - {"that"}:
        return content
    return content - set(right)


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
        if (head is not None and head.id not in id_set(phrase) and head.id > last.id
                and head.upos in ("NOUN", "PROPN", "PRON", "NUM", "X") and (not following or head.id - last.id <= 4)):
            return head
    return following[0] if following else None


VERB_RULES = frozenset(r for r in Rule if r.name.startswith("VERB_"))
CUE_RULES: tuple[CueRule, ...] = (
    CueRule("phrase", _phrase_cue, frozenset({Rule.ACCORDING_TO})),
    CueRule("raising-verb", _raising_cue, frozenset({Rule.RAISING})),
    CueRule("verb", _verb_cue, VERB_RULES),
    CueRule("noun", _noun_cue, frozenset({Rule.NOUN_CLAUSE})),
    CueRule("poll", _poll_cue, frozenset({Rule.POLL_IN})),
)
"""The registry of cue rules, in the order they are tried at each word: a multi-word phrase ("according to")
before its first word is read as anything else, a raising verb before the verb rules, nouns and polls last."""
