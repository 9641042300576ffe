"""Who is speaking: minimal mentions, their type and role, and what they refer to.

Resolution is deliberately simple and explainable: names are grouped by shared
tokens (Putin / President Putin / Vladimir Putin → "Vladimir Putin"), pronouns
take the antecedent the article's coreference chose among typed, agreeing
mentions (``quotes.core.referents``), and descriptors ("the minister") go to the
one earlier person whose role has the same head noun, when there is exactly one.

One ``Resolver`` per article describes every speaker mention (``Resolver.mention``)
and resolves it (``Resolver.resolve``); the attribution rules only point at the
mention's head word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from quotes.core.attribution import Span, Speaker, SpeakerType
from quotes.core.lexicon import Lexicon
from quotes.core.parsed import ParsedDoc, Sentence, Word
from quotes.core.quotemarks import Quotation
from quotes.core.grammar import children_by
from quotes.core.mentions import mention_ids, phrase_ids
from quotes.core.referents import Coreference, Kind, clean_name, first_name_gender, name_kind, pronoun_gender

_DET = frozenset({"the", "a", "an", "this", "that", "these", "those"})


@attrs.frozen
class Mention:
    """A speaker mention as written, before resolution."""

    span: Span
    words: tuple[Word, ...]
    name: tuple[str, ...]
    """Tokens of the proper name inside the mention (without honorifics), empty if none."""
    role: str | None
    sentence: int
    phrase: Span | None = None
    """The whole source noun phrase (appositions, relative clauses) when the caller asked for it."""


@attrs.frozen
class Entity:
    """A named person or organisation the article mentions, with every way it is written."""

    name: str
    """Canonical name: the longest form the article uses."""
    tokens: tuple[str, ...]
    role: str | None
    first: int
    """Character offset of its first mention."""


def describe(doc: ParsedDoc, sentence: Sentence, head: Word, lexicon: Lexicon,
             avoid: frozenset[int] | None = None) -> Mention:
    """The minimal mention headed by ``head``, with its name tokens and role.

    With ``avoid`` (word IDs of the cue and content) the mention also carries its
    whole noun phrase, which stops short of those words.
    """
    words = mention_ids(sentence, head)
    span = Span.of(doc.text, *_whole_tokens(doc.text, words[0].start, words[-1].end))
    phrase = None
    if avoid is not None:
        whole = phrase_ids(sentence, head, avoid)
        start, end = _whole_tokens(doc.text, whole[0].start, whole[-1].end)
        phrase = Span.of(doc.text, min(start, span.start), max(end, span.end))
    name_words = _name_words(words, head, lexicon, sentence, doc.text)
    for appos in ([] if name_words else children_by(sentence, head, ["appos"])):
        if appos.upos == "PROPN" and appos.id > head.id:
            # "her rival, Sen. Bernie Sanders,"
            name_words = _name_words(sentence.subtree(appos), appos, lexicon, sentence, doc.text)
            break
    name: tuple[str, ...] = ()
    if name_words:
        start, end = _whole_tokens(doc.text, name_words[0].start, name_words[-1].end)
        name = tuple(_POSSESSIVE.sub("", t) for t in doc.text[start:end].split())
        if _common_word(doc, sentence, name_words, lexicon):
            name = ()
    role = _role(doc, sentence, words, name_words, head, lexicon)
    return Mention(span, tuple(words), name, role, sentence.index, phrase)


_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")
"""A possessive ending glued to a name token ("Harmon's" when the tokenizer left it whole)."""


def _common_word(doc: ParsedDoc, sentence: Sentence, name: list[Word], lexicon: Lexicon) -> bool:
    """A lone capitalised word opening a sentence that the article also writes in lower case ("Update", "Officials")."""
    if len(name) != 1 or name[0].id != min(w.id for w in sentence.words if w.upos != "PUNCT"):
        return False
    lowered = name[0].text.lower()
    if lowered in lexicon.anonymous | lexicon.titles | lexicon.person_nouns:
        return True
    return re.search(rf"(?<![\w.]){re.escape(lowered)}(?!\w)", doc.text) is not None


_HYPHENATED = re.compile(r"\w+(?:[-\u2010]\w+)*")


def _whole_tokens(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a span to whole hyphenated words: UD splits "Kang Kyung-wha" into Kyung, -, wha."""
    for match in _HYPHENATED.finditer(text, max(0, start - 60), min(len(text), end + 60)):
        if match.start() < start < match.end():
            start = match.start()
        if match.start() < end < match.end():
            end = match.end()
    return start, end


def _name_words(words: list[Word], head: Word, lexicon: Lexicon, sentence: Sentence, text: str) -> list[Word]:
    """The run of proper-noun words at (or ending at) the head: the name without titles, possessors or credits."""
    possessed = {w.id for p in words if p.deprel == "nmod:poss" and p.id != head.id
                 for w in sentence.subtree(p)}
    propn = [w for w in words if w.id not in possessed and (
        w.upos == "PROPN" or (w.text[:1].isupper() and w.upos in ("X", "NOUN") and w.id >= head.id - 2
                              and w.text.lower() not in lexicon.titles))]
    if not propn:
        return []
    run = [propn[-1]]
    for w in reversed(propn[:-1]):
        if run[0].id - w.id <= 1 or all(x.text in ("-", ".") for x in words if w.id < x.id < run[0].id):
            run.insert(0, w)
        else:
            break
    if sentence.word(run[-1].id + 1) is not None and _POSSESSIVE.fullmatch(sentence.words[run[-1].id].text) \
            and any(w.id > run[-1].id + 1 and w.upos == "NOUN" for w in words):
        return []  # "Senator Tom Harmon's aide", however parsed: Harmon is whose aide, not the speaker
    numbers = [w for w in words if w.upos == "NUM" and w.id == run[-1].id + 1 and w.head in {r.id for r in run}]
    run.extend(numbers)  # "Teamsters Local 120": the number is part of the name
    return clean_name(run, lexicon, text)


def _role(doc: ParsedDoc, sentence: Sentence, words: list[Word], name: list[Word], head: Word, lexicon: Lexicon) -> str | None:
    """Title words written with the mention ("South Korean Foreign Minister"), or an apposition's."""
    honorifics = {h.rstrip(".") for h in lexicon.honorifics}
    if name:
        before = [w for w in words if w.id < name[0].id and w.text.lower() not in _DET
                  and w.text.lower().rstrip(".") not in honorifics and w.upos != "PUNCT"]
        if before and any(w.text.lower() in lexicon.titles or w.upos == "NOUN" for w in before):
            return doc.text[before[0].start : before[-1].end]
        for appos in sentence.children(head):
            if appos.rel == "appos" and appos.upos == "NOUN":
                sub = [w for w in sentence.subtree(appos) if w.upos != "PUNCT" and w.text.lower() not in _DET]
                sub = [w for w in sub if w.id <= appos.id or w.rel in ("nmod", "case", "amod", "compound")]
                if sub:
                    return doc.text[sub[0].start : sub[-1].end]
        return None
    if head.upos == "NOUN" and head.lemma.lower() in lexicon.titles:
        body = [w for w in words if w.text.lower() not in _DET and w.upos != "PUNCT" and w.rel != "nmod:poss"]
        if body:
            return doc.text[body[0].start : body[-1].end]
    return None


SPEAKER_TYPES = {Kind.PERSON: SpeakerType.PERSON, Kind.ORGANISATION: SpeakerType.ORGANISATION,
                 Kind.PLACE: SpeakerType.ORGANISATION, Kind.MEDIA: SpeakerType.MEDIA, Kind.GROUP: SpeakerType.ANONYMOUS}
"""A place that speaks is its government ("Brussels said"); a group of unnamed people is anonymous."""


def speaker_type(mention: Mention, lexicon: Lexicon) -> SpeakerType:
    """Person, organisation, media, anonymous or unknown, from the mention's words.

    A name is typed by ``referents.name_kind``, the typing pronoun resolution uses,
    so a speaker typed an organisation is never what "he" or "she" stands for.
    """
    text = mention.span.text.lower()
    lowered = [w.text.lower() for w in mention.words]
    heads = [w for w in mention.words if w.upos in ("NOUN", "PROPN", "PRON")] or list(mention.words)
    head = heads[-1].lemma.lower() if heads else ""
    head_text = heads[-1].text.lower() if heads else ""
    if lowered and lowered[0] in lexicon.person_pronouns and len(lowered) == 1:
        return SpeakerType.PERSON
    if re.sub(r"^the ", "", text) in lexicon.media or text in lexicon.media or head_text in lexicon.media or head in lexicon.media:
        return SpeakerType.MEDIA
    if mention.name:
        honorific = next((w.text for w in mention.words if w.text.lower().rstrip(".") in
                          {h.rstrip(".") for h in lexicon.honorifics}), None)
        kind, _ = name_kind(mention.name, lexicon, honorific)
        return SPEAKER_TYPES.get(kind, SpeakerType.UNKNOWN) if kind is not None else SpeakerType.PERSON
    if head in lexicon.anonymous or head_text in lexicon.anonymous:
        return SpeakerType.ANONYMOUS
    if mention.role is not None:
        return SpeakerType.PERSON
    if head in lexicon.organisation or head_text in lexicon.organisation:
        return SpeakerType.ORGANISATION
    return SpeakerType.UNKNOWN


class Resolver:
    """Resolves the speakers of one article, in text order.

    Pronouns take what the article's coreference (``referents.Coreference``) chose
    for them, which only ever agrees in kind and gender; the name is the longest
    form the article gives that person.
    """

    def __init__(self, doc: ParsedDoc, lexicon: Lexicon, quotations: list[Quotation] | None = None) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self._mentions: dict[tuple[int, int, frozenset[int] | None], Mention] = {}
        self.entities = _entities(doc, self.mention)
        self.coreference = Coreference(doc, lexicon, quotations=quotations)
        self._spoken: list[tuple[int, Speaker]] = []

    def mention(self, sentence: Sentence, head: Word, avoid: frozenset[int] | None = None) -> Mention:
        """The speaker mention headed by ``head``: the one place attribution rules have a speaker described."""
        key = (sentence.index, head.id, avoid)
        if key not in self._mentions:
            self._mentions[key] = describe(self.doc, sentence, head, self.lexicon, avoid)
        return self._mentions[key]

    def resolve(self, mention: Mention, offset: int) -> Speaker:
        """The ``Speaker`` for a mention at character ``offset`` (remembered for later pronouns)."""
        kind = speaker_type(mention, self.lexicon)
        name: str | None = None
        role = mention.role
        words = [w.text.lower() for w in mention.words]
        if mention.name:
            entity = self._entity_for(mention.name, offset)
            if entity is not None:
                name = entity.name
                role = role or entity.role
            else:
                name = " ".join(mention.name)
        elif len(words) == 1 and words[0] in (self.lexicon.person_pronouns | self.lexicon.group_pronouns | {"it"}):
            name, role, kind = self._pronoun(mention.words[0], offset, kind, role)
        elif words and words[0] == "the" and mention.role is not None:
            entity = self._descriptor(mention, offset)
            if entity is not None:
                name, kind = entity.name, SpeakerType.PERSON
        speaker = Speaker(mention.span, name, role, kind, mention.phrase)
        self._spoken.append((offset, speaker))
        return speaker

    def _pronoun(self, word: Word, offset: int, kind: SpeakerType,
                 role: str | None) -> tuple[str | None, str | None, SpeakerType]:
        """Name, role and type of a pronoun speaker from its chain; without one, the last speaker who agrees."""
        tokens = self.coreference.name_for(word)
        chosen = self.coreference.antecedent.get(word.index)
        if tokens:
            entity = self._entity_for(tokens, offset)
            chain_kind = SPEAKER_TYPES.get(self.coreference.kind_of(chosen), kind) if chosen is not None else kind
            if entity is not None:
                return entity.name, role or entity.role, chain_kind
            return " ".join(tokens), role, chain_kind
        if chosen is not None:
            for member in reversed(self.coreference.chain_of(word)):
                entity = self._by_role(member.word.lemma, offset) if member.word.upos == "NOUN" else None
                if entity is not None:  # "The Republican presidential nominee noted … He said"
                    return entity.name, role or entity.role, SpeakerType.PERSON
            return None, role, kind
        gender = pronoun_gender(word.text)
        personal = word.text.lower() in self.lexicon.person_pronouns
        for o, s in reversed(self._spoken):
            if o >= offset or not s.name or offset - o > MAX_SPEAKER_DISTANCE:
                continue
            if personal and s.type is SpeakerType.PERSON and self._gender(s.name) in (None, gender):
                return s.name, s.role, s.type
            if not personal and s.type in (SpeakerType.ORGANISATION, SpeakerType.MEDIA):
                return s.name, s.role, s.type
        return None, role, kind

    def _gender(self, name: str) -> str | None:
        tokens = name.split()
        found = first_name_gender(tokens[0]) if len(tokens) > 1 else None
        return found if found in ("m", "f") else None

    def _entity_for(self, tokens: tuple[str, ...], offset: int) -> Entity | None:
        """The entity whose name contains these tokens as its start or end; the nearest earlier one if several."""
        want = tuple(t.lower() for t in tokens)
        matches = [e for e in self.entities if _contains_edge(tuple(t.lower() for t in e.tokens), want)]
        if not matches:
            return None
        longest = max(len(e.tokens) for e in matches)
        best = [e for e in matches if len(e.tokens) == longest]
        before = [e for e in best if e.first <= offset]
        return (before or best)[0]

    def _descriptor(self, mention: Mention, offset: int) -> Entity | None:
        return self._by_role(mention.words[-1].lemma, offset)

    def _by_role(self, lemma: str, offset: int) -> Entity | None:
        """The one earlier entity whose role has this head noun ("the minister" → "Foreign Minister Kang")."""
        head = lemma.lower()
        found = {e.name: e for e in self.entities if e.role and e.first < offset and head in e.role.lower().split()}
        return next(iter(found.values())) if len(found) == 1 else None


MAX_SPEAKER_DISTANCE = 1500
"""Characters back that a pronoun with no antecedent in its chain still continues the last speaker
(about a paragraph)."""


def _contains_edge(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return n > 0 and len(full) >= n and (full[:n] == part or full[-n:] == part)


def _entities(doc: ParsedDoc, mention: Callable[[Sentence, Word], Mention]) -> list[Entity]:
    """Every proper name in the article, merged so each short form maps to its longest form."""
    found: list[tuple[tuple[str, ...], str | None, int]] = []
    for sent in doc.sentences:
        for word in sent.words:
            head = sent.head_of(word)
            if word.upos != "PROPN" or (head is not None and head.upos == "PROPN" and word.rel in ("flat", "compound")):
                continue
            described = mention(sent, word)
            if described.name:
                found.append((described.name, described.role, described.span.start))
    entities: list[Entity] = []
    for tokens, role, first in sorted(found, key=lambda f: (-len(f[0]), f[2])):
        lowered = tuple(t.lower() for t in tokens)
        owner = next((e for e in entities if _contains_edge(tuple(t.lower() for t in e.tokens), lowered)), None)
        if owner is None:
            entities.append(Entity(" ".join(tokens), tokens, role, first))
        else:
            index = entities.index(owner)
            entities[index] = attrs.evolve(owner, role=owner.role or role, first=min(owner.first, first))
    return entities
