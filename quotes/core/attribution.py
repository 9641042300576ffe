"""The data model: who said what, located by character offsets in the source text.

Every span satisfies ``text[span.start:span.end] == span.text`` for the original
input ``text`` — fact-checkers must be able to point back to the exact characters.
All classes are frozen (hashable, comparable), so tests can compare sets.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs


class QuoteKind(str, enum.Enum):
    """How the content is reported."""

    DIRECT = "direct"
    """The content is entirely inside quotation marks."""
    INDIRECT = "indirect"
    """Paraphrase or reported speech, no quotation marks."""
    MIXED = "mixed"
    """Paraphrase that contains a partial quotation."""


class Rule(enum.StrEnum):
    """The rule that found an attribution. Its value is the ``rule`` field of the JSON output.

    The cue rules (``quotes.core.rules.CUE_RULES``) find a cue, its speaker and its
    content in one sentence's parse; the text rules (``quotes.core.assemble``) place
    what the marks and paragraphs say.
    """

    ACCORDING_TO = "according-to"
    """A multi-word cue: "According to X, S", "S, according to X"."""
    RAISING = "raising"
    """ "The race seems [to favour Trump]", "it appears [that S]": a perception with no source."""
    VERB_CCOMP = "verb-ccomp"
    """A cue verb's complement clause: "X said (that) S"."""
    VERB_MARKED_CLAUSE = "verb-marked-clause"
    """A clause opened by "that"/"whether" the parser hung on the verb with another relation."""
    VERB_BURIED_CLAUSE = "verb-buried-clause"
    """ "claimed [in an interview with X] that S" with S hung on X, or after a dashed aside."""
    VERB_XCOMP = "verb-xcomp"
    """A to-infinitive content: "vowed [to fight]", "urged X [to stop]"."""
    VERB_OBJECT = "verb-object"
    """A stance verb's object ("criticized [the policy]"), or what an evidence noun shows ("a poll shows [X]")."""
    VERB_INVERTED = "verb-inverted"
    """The content before the report, set off by a comma: "S, X said"."""
    VERB_COLON = "verb-colon"
    """The content after a colon: "X warned: S"."""
    VERB_AS_CLAUSE = "verb-as-clause"
    """ "As X observed, S"."""
    VERB_PASSIVE_AGENT = "verb-passive-agent"
    """ "S was reported by X": the passive subject is the content, the agent the speaker."""
    VERB_PARENTHETICAL = "verb-parenthetical"
    """A report hung on its content as a parenthetical: "S, officials said"."""
    VERB_FINAL_CLAUSE = "verb-final-clause"
    """A reporting clause closing the sentence, read off the word order: "S, officials familiar with it said."."""
    VERB_RIGHT_CLAUSE = "verb-right-clause"
    """A complement clause the parser broke up: "says [Kasich] [has a record]"."""
    VERB_ORPHAN_CLAUSE = "verb-orphan-clause"
    """ "…, saying [S]" with S hung on another word."""
    VERB_BARE = "verb-bare"
    """ "He said." or a verb right after a quotation: the content is the adjacent quotation."""
    VERB_PREPOSITION = "verb-preposition"
    """A prepositional cue: "talked about [X]", "called for [X]"."""
    VERB_INTERRUPTING = "verb-interrupting"
    """A report set into its content: "S1, officials said, S2"."""
    VERB_AFTER_QUESTION = "verb-after-question"
    """ '"Q?" Trump told ITV …': a report whose quotation ended the sentence before it with "?" or "!"."""
    NOUN_CLAUSE = "noun-clause"
    """A cue noun's content clause: "X's claim that S"."""
    POLL_IN = "poll-in"
    """ "In the new poll, S" / "S in the polls": the poll is the source."""
    COLON_HEADLINE = "colon-headline"
    """A paragraph "NAME: what they said" (headlines, transcripts, briefs)."""
    COLON_SPEAKER = "colon-speaker"
    """A quotation right after "Name:": 'Union leader Tom Reyes: "Q"'."""
    FOLLOW_ON = "follow-on"
    """A quotation with no cue after an attributed one: it inherits that speaker."""
    UNATTRIBUTED_QUOTE = "unattributed-quote"
    """A long quotation nobody is credited with (speaker null)."""
    LEARNED = "learned"
    """Found by the model learned from PolNeAR (``--method learned``, quotes.core.learned), not by a hand rule."""


class SpeakerType(str, enum.Enum):
    """What kind of source the speaker is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    MEDIA = "media"
    ANONYMOUS = "anonymous"
    UNKNOWN = "unknown"


@attrs.frozen
class Span:
    """A stretch of the original text."""

    start: int
    """Offset of the first character."""
    end: int
    """Offset one past the last character."""
    text: str
    """Exactly ``source[start:end]``."""

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """The span of ``source`` between two offsets (text copied from the source)."""
        return cls(start, end, source[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@attrs.frozen
class Speaker:
    """The source of an attribution, as written, plus what it refers to."""

    span: Span
    """The mention as written ("He", "South Korean Foreign Minister Kang Kyung-wha")."""
    name: str | None
    """Canonical name of the person or organisation it refers to, when the article names it."""
    role: str | None
    """Title or role given in the article ("South Korean Foreign Minister")."""
    type: SpeakerType
    """Person, organisation, media, anonymous or unknown."""
    phrase: Span | None = None
    """The whole noun phrase naming the source, as written: the mention with its appositions, relative
    clauses and coordinated names ("Josh Earnest, the White House press secretary"); the span PolNeAR marks."""

    @property
    def whole(self) -> Span:
        """The whole phrase, or the mention when no phrase was recorded (a hand-built ``Speaker``)."""
        return self.phrase or self.span

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "name": self.name, "role": self.role, "type": self.type.value,
                "phrase": self.whole.to_dict()}


@attrs.frozen
class Cue:
    """The predicate that attributes the content ("said", "according to")."""

    span: Span
    lemma: str
    """Lemma of the cue's head word ("say"), or the multi-word cue itself ("according to")."""

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "lemma": self.lemma}


@attrs.frozen
class Content:
    """What was said; several spans when the attribution interrupts it."""

    spans: tuple[Span, ...]
    """The pieces in text order (at least one)."""
    text: str
    """``source[start:end]``: everything from the first piece to the last."""

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end

    @property
    def quote(self) -> str:
        """The pieces joined with " … " — what the speaker said, without the interruption."""
        return " … ".join(span.text for span in self.spans)

    @classmethod
    def of(cls, source: str, pieces: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> Content:
        """Content of ``source`` made of ``pieces`` (start, end), sorted and merged when they touch."""
        merged: list[list[int]] = []
        for start, end in sorted(pieces):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        spans = tuple(Span.of(source, s, e) for s, e in merged)
        return cls(spans, source[spans[0].start : spans[-1].end])

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "spans": [[s.start, s.end] for s in self.spans],
            "quote": self.quote,
        }


@attrs.frozen
class Attribution:
    """One attribution: speaker, cue and content."""

    content: Content
    cue: Cue | None
    """None only for follow-on quotes, which inherit the previous speaker without a cue."""
    speaker: Speaker | None
    """None when the text gives no source."""
    kind: QuoteKind
    sentence: Span
    """The sentence the cue sits in (or the content's first sentence when there is no cue)."""
    paragraph: int
    """Index (from 0) of the paragraph the content starts in."""
    rule: Rule
    """The rule that found it, for debugging (``Rule.VERB_CCOMP``, written "verb-ccomp")."""
    inherited: bool = False
    """True for a follow-on quote that inherits the previous quote's speaker."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "kind": self.kind.value,
            "sentence": self.sentence.to_dict(),
            "paragraph": self.paragraph,
            "rule": str(self.rule),
            "inherited": self.inherited,
        }


@attrs.frozen
class Article:
    """The attributions found in one text."""

    text: str
    """The original input, unchanged."""
    attributions: tuple[Attribution, ...]
    """In text order of their contents."""
    document: str | None = None
    """An identifier (file name, JSONL id), when known."""

    def speakers(self) -> dict[str, list[Attribution]]:
        """Attributions grouped by resolved speaker name (or mention text), in order of first appearance."""
        groups: dict[str, list[Attribution]] = {}
        for att in self.attributions:
            key = _speaker_key(att.speaker)
            groups.setdefault(key, []).append(att)
        return groups

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "attributions": [a.to_dict() for a in self.attributions]}


def _speaker_key(speaker: Speaker | None) -> str:
    if speaker is None:
        return "(no source)"
    return speaker.name or speaker.span.text
