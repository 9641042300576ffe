"""Find each quoted passage of an article in the sources and say how faithfully it was reported.

A passage is each run of text between matching quotation marks inside a content (found
by ``quotes.core.quotemarks``): a direct quote, each quotation of a content that an
attribution interrupts or joins, or the quoted words of a mixed quote. Each gets its own
verdict; the words of a content outside quotation marks get one ``paraphrase`` result.

Both sides are reduced to normalised words (case, punctuation, quote-mark style and
whitespace drop out; contractions are expanded), and each distinct word is encoded as
one character. rapidfuzz's partial alignment then finds the best window over a whole
transcript in C, and difflib diffs only that small window word by word. Ellipses in a
quote ("…", "...", "[...]") split it into segments that must appear in order, with the
words between them dropped.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from difflib import SequenceMatcher
from functools import cached_property
from typing import TYPE_CHECKING, Any

import attrs
from rapidfuzz import fuzz, process

from quotes.core.attribution import Article, Attribution, QuoteKind, Span
from quotes.core.quotemarks import Quotation, find_quotations
from quotes.app.verification.sources import Source, as_sources

if TYPE_CHECKING:
    from quotes.extractor import Extractor

VERBATIM = "verbatim"
"""The same words, with the same punctuation and case."""
MINOR = "minor"
"""The same words up to punctuation, case or contractions, or an ellipsis that drops nothing meaning-bearing."""
ALTERED = "altered"
"""Found, but words were changed, added or dropped."""
NOT_FOUND = "not_found"
"""No passage of the sources is close enough."""
PARAPHRASE = "paraphrase"
"""An indirect content: only the best-matching source sentence is reported."""
VERDICTS = (VERBATIM, MINOR, ALTERED, NOT_FOUND, PARAPHRASE)

NOT_FOUND_BELOW = 0.6
"""Word similarity under which the best candidate is reported as not found."""

MAX_ELLIPSIS_GAP = 400
"""How many source words an ellipsis may skip: about two minutes of speech."""

SHORT_PASSAGE_WORDS = 2
"""Passages this short ("humanitarian") match too much by chance to be judged by similarity:
they are verbatim where the same words occur (in the speaker's turns), else not found."""

WIDE_SLACK = 3
"""How many times the usual slack a second alignment may reach when the quote's ends did not match:
an article that joins two clauses ("by spring [and we will do it] without new tolls") drops more
words than the slack allows, and a too-narrow window turns a dropped clause into invented words."""

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_ELLIPSIS = re.compile(r"\[\s*(?:\.\s*){3}\]|\[\s*\u2026\s*\]|\u2026|\.\s*\.\s*\.")
_QUOTE_MARKS = re.compile("[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2018\u201a\u201b]|'(?!\\w)|(?<!\\w)'")
_DASHES = re.compile("[\u2010-\u2015\u2212]")
_SENTENCE = re.compile(r"\S.*?(?:[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s|$)|$)", re.MULTILINE)

_NEGATIONS = frozenset({"not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "nowhere"})
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion trillion half third quarter percent dozen".split()
)
_NOT_STEMS = {"won": "will", "can": "can", "shan": "shall", "ain": "am"}
_SUFFIXES = {"re": "are", "ve": "have", "ll": "will", "m": "am", "d": "would"}
_S_IS = frozenset({"it", "that", "there", "here", "what", "who", "where", "he", "she", "how", "when", "why"})
"""Words whose 's is "is"; on any other word it is a possessive and stays attached."""
_STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as into about that this these those is are was were "
    "be been being am do does did have has had will would shall should can could may might must i you he she it "
    "we they me him her us them my your his its our their there here said says say told tell which who whom whose "
    "when where why how all any some many much very just also than then so".split()
)
"""Dropped before comparing paraphrases, which change pronouns, tense and the reporting verb."""
_TITLES = frozenset(
    "mr mrs ms miss dr prof sen senator rep representative gov governor president vice secretary minister prime "
    "the gen general judge justice chairman chairwoman chair mayor sir dame lord lady rev father col capt lt sgt "
    "ambassador spokesman spokeswoman spokesperson".split()
)
"""Words of a transcript label that are not part of a name ("SEN. WARREN")."""
_PRONOUNS = frozenset({"i", "he", "she", "it", "we", "they", "you", "him", "her", "them"})


@attrs.frozen
class SourceMatch:
    """The passage of a source that a quote was matched to."""

    file: str
    start: int
    """Offset of the passage's first word in ``Source.text``."""
    end: int
    """Offset one past its last word."""
    text: str
    """Exactly ``Source.text[start:end]``."""
    line: int
    """Line number (from 1) of ``start``, for people opening the file."""

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "start": self.start, "end": self.end, "text": self.text, "line": self.line}


@attrs.frozen
class Verification:
    """How one quoted passage (or the indirect part of an attribution) compares with the sources."""

    quote: Span
    """The checked stretch of the article: the passage inside its quotation marks, or for the indirect
    part (``passage`` None) the whole content."""
    speaker: str | None
    """Who the article says said it (resolved name, else the mention)."""
    verdict: str
    """One of VERDICTS."""
    similarity: float
    """Word-level similarity with the source passage, 0 to 1."""
    source: SourceMatch | None
    """The best passage (the best candidate even when not found); None when no source shares a word."""
    diff: str
    """Word diff, source → article: ``[-source words-]{+article words+}``; "…[-words-]" marks an ellipsis."""
    source_speaker: str | None = None
    """The transcript turn's speaker label, when the passage lies in one."""
    speaker_matches: bool | None = None
    """Whether that label names the article's speaker; None when either side is unknown."""
    kind: QuoteKind = QuoteKind.DIRECT
    """The kind of the attribution the passage belongs to."""
    quoted: str = ""
    """The words checked, when they differ from ``quote.text``: a quotation's paragraphs joined by a
    newline, or the indirect part's content pieces joined with " … "."""
    attribution: int = 0
    """Index of the attribution in ``Article.attributions``, as in ``quotes FILE --format json``."""
    passage: int | None = 0
    """0-based number of the passage within its attribution; None for the attribution's indirect part."""
    cue: str | None = None
    """The attribution's cue as written ("said"); None for a follow-on quote."""

    def to_dict(self) -> dict[str, object]:
        return {
            "attribution": self.attribution,
            "passage": self.passage,
            "quote": self.quote.to_dict(),
            "speaker": self.speaker,
            "verdict": self.verdict,
            "similarity": round(self.similarity, 3),
            "source": self.source.to_dict() if self.source else None,
            "diff": self.diff,
            "source_speaker": self.source_speaker,
            "speaker_matches": self.speaker_matches,
            "kind": self.kind.value,
            "cue": self.cue,
            "quoted": self.quoted or self.quote.text,
        }


def verify_article(
    article: Article, sources: Sequence[Source], *, threshold: float = NOT_FOUND_BELOW
) -> list[Verification]:
    """Check every attribution of ``article`` against ``sources``: passages get a verdict, indirect parts a best
    sentence (see ``Verifier.verify``)."""
    return Verifier(sources, threshold=threshold).verify(article)


def verify(
    article_text: str,
    sources: Iterable[Source | str | os.PathLike[str]],
    *,
    extractor: Extractor | None = None,
    threshold: float = NOT_FOUND_BELOW,
) -> list[Verification]:
    """Extract the attributions of ``article_text`` and check each quoted passage against ``sources``.

    A source is a ``Source``, a string holding its text (like ``article_text``) or a path
    (``pathlib.Path``) to a text or HTML file; all are read before any model loads. Pass an
    ``extractor`` to reuse a loaded model; otherwise one is built, which loads Stanza.
    """
    loaded = as_sources(sources)
    if extractor is None:
        from quotes.extractor import Extractor  # loads Stanza: only when the caller brought none

        extractor = Extractor()
    return verify_article(extractor.extract(article_text), loaded, threshold=threshold)


@attrs.frozen
class Passage:
    """A run of quoted words inside one content: what a fact-checker looks up."""

    span: Span
    """From the first quoted character to the last, marks excluded; never across a reporting clause."""
    pieces: tuple[tuple[int, int], ...]
    """(start, end) of the quoted text of each paragraph the quotation spans (one piece mostly)."""

    def words(self, text: str) -> str:
        """The quoted words, paragraphs joined by a newline."""
        return "\n".join(text[start:end] for start, end in self.pieces)


def quoted_passages(
    text: str, attribution: Attribution, quotations: Sequence[Quotation] | None = None
) -> list[Passage]:
    """The passages of ``attribution``: every quotation whose quoted text overlaps a piece of its content.

    A mixed content often stops before its closing mark, so the quotation, not the content,
    bounds the passage. An unclosed quotation is cut at the content's end, and one that holds
    the attribution's own cue or speaker (marks paired across "Okafor said") is cut to the
    content's pieces. A direct content with no quotation found (marks the scanner rejected)
    gives one passage per content piece.
    """
    if quotations is None:
        quotations = find_quotations(text)
    content = attribution.content
    spans = [(span.start, span.end) for span in content.spans]
    reporting = [part.span for part in (attribution.cue, attribution.speaker) if part is not None]
    found: list[Any] = []
    for quotation in quotations:
        if quotation.inner_start >= content.end or quotation.inner_end <= content.start:
            continue
        pieces = [piece for piece in quotation.pieces if any(_overlap(piece, span) for span in spans)]
        if not quotation.closed:
            pieces = [(s, min(e, content.end)) for s, e in pieces if s < content.end]
        if any(piece[0] <= r.start and r.end <= piece[1] for piece in pieces for r in reporting):
            groups = [[cut] for piece in pieces for span in spans if (cut := _intersect(piece, span))]
        else:
            groups = [pieces]
        found.extend(passage for group in groups if (passage := _passage(text, group)) is not None)
    if not found and attribution.kind is QuoteKind.DIRECT:
        found = [p for span in spans if (p := _passage(text, [span])) is not None]
    return found


def has_indirect_part(text: str, attribution: Attribution, passages: Sequence[Passage]) -> bool:
    """Whether the content has words outside its passages (a bare quotation has none)."""
    quoted = [piece for passage in passages for piece in passage.pieces]
    for span in attribution.content.spans:
        cursor = span.start
        for start, end in sorted(quoted):
            if end <= cursor or start >= span.end:
                continue
            if _WORD.search(text, cursor, max(cursor, start)):
                return True
            cursor = max(cursor, end)
        if _WORD.search(text, cursor, max(cursor, span.end)):
            return True
    return False


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _intersect(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int] | None:
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start < end else None


def _passage(text: str, pieces: Sequence[tuple[int, int]]) -> Passage | None:
    """A passage of the pieces that hold words, trimmed of surrounding spaces; None when none does."""
    trimmed = []
    for start, end in pieces:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if _WORD.search(text, start, end):
            trimmed.append((start, end))
    if not trimmed:
        return None
    return Passage(Span.of(text, trimmed[0][0], trimmed[-1][1]), tuple(trimmed))


def speaker_matches(label: str, names: Iterable[str | None]) -> bool:
    """Whether a transcript label ("SEN. WARREN") names one of ``names``; the last name is enough."""
    label_words = [w for w in _words(label) if w not in _TITLES] or _words(label)
    for name in names:
        name_words = _words(name or "")
        if label_words and name_words and (label_words[-1] in name_words or name_words[-1] in label_words):
            return True
    return False


class Verifier:
    """Sources indexed once, for checking any number of articles."""

    def __init__(self, sources: Sequence[Source], *, threshold: float = NOT_FOUND_BELOW) -> None:
        self.threshold = threshold
        self._codes: dict[str, str] = {}
        self._indexes = [_SourceIndex(source, self._encode) for source in sources]

    def verify(self, article: Article) -> list[Verification]:
        """One verification per quoted passage, plus one paraphrase result per attribution with an indirect part.

        Results come in attribution order, each attribution's passages in text order and its
        indirect part last.
        """
        text = article.text
        quotations = find_quotations(text)
        results = []
        for number, attribution in enumerate(article.attributions):
            passages = quoted_passages(text, attribution, quotations)
            cue = attribution.cue.span.text if attribution.cue else None
            for index, passage in enumerate(passages):
                result = self._verify_passage(attribution, passage, text)
                results.append(attrs.evolve(result, attribution=number, passage=index, cue=cue))
            if has_indirect_part(text, attribution, passages):
                result = self._verify_paraphrase(attribution, text)
                results.append(attrs.evolve(result, attribution=number, passage=None, cue=cue))
        return results

    def _encode(self, word: str) -> str:
        code = self._codes.get(word)
        if code is None:
            number = len(self._codes) + 0x100
            code = chr(number if number < 0xD800 else number + 0x800)  # skip the surrogate block
            self._codes[word] = code
        return code

    def _verify_passage(self, attribution: Attribution, passage: Passage, text: str) -> Verification:
        segments = _segments(text, list(passage.pieces), self._encode)
        if sum(len(segment.words.codes) for segment in segments) <= SHORT_PASSAGE_WORDS:
            return self._verify_short(attribution, passage, text)
        quoted = passage.words(text)
        matches = [m for index in self._indexes if (m := _match_segments(segments, index)) is not None]
        best = max(matches, key=lambda m: m.similarity, default=None)  # the first source wins a tie
        if best is None:
            return Verification(
                passage.span, _speaker_name(attribution), NOT_FOUND, 0.0, None, "", kind=attribution.kind,
                quoted=quoted if quoted != passage.span.text else "",
            )
        verdict, diff = _judge(segments, best, self.threshold)
        return self._result(attribution, passage.span, quoted, verdict, best, diff)

    def _verify_short(self, attribution: Attribution, passage: Passage, text: str) -> Verification:
        """A one- or two-word passage: verbatim (or minor) only where those very words were said.

        Only the speaker's turns count when the source has turns labelled with the speaker's
        name; otherwise (no turns, an unknown speaker, labels like "MAYOR") the whole source does.
        Words found only in someone else's turns are not found, with that occurrence as the candidate.
        """
        span, quoted = passage.span, passage.words(text)
        words = _tokenize(text, passage.pieces, self._encode)
        needle = words.codes
        whole = _Segment(words, tuple((text[s:e], len(_tokenize(text, [(s, e)], self._encode).codes))
                                      for s, e in passage.pieces))
        names = _speaker_names(attribution)
        elsewhere = None
        for index in self._indexes:
            source = index.source
            own_turns = bool(names) and any(speaker_matches(turn.speaker, names) for turn in source.turns)
            for token in _occurrences(needle, index.words.codes):
                match = _Match(index, ((token, token + len(needle)),), 1.0)
                label = source.speaker_at(match.start)
                if not own_turns or (label is not None and speaker_matches(label, names)):
                    verdict, diff = _judge([whole], match, self.threshold)
                    return self._result(attribution, span, quoted, verdict, match, diff)
                if elsewhere is None:
                    elsewhere = match
        if elsewhere is not None:
            return self._result(attribution, span, quoted, NOT_FOUND, elsewhere, "")
        return Verification(
            span, _speaker_name(attribution), NOT_FOUND, 0.0, None, "", kind=attribution.kind,
            quoted=quoted if quoted != span.text else "",
        )

    def _result(
        self, attribution: Attribution, span: Span, quoted: str, verdict: str, match: _Match, diff: str
    ) -> Verification:
        label, same = _speaker_check(attribution, match.index.source, match.start)
        return Verification(
            span, _speaker_name(attribution), verdict, match.similarity,
            match.index.source_match(match.start, match.end), diff, label, same, kind=attribution.kind,
            quoted=quoted if quoted != span.text else "",
        )

    def _verify_paraphrase(self, attribution: Attribution, text: str) -> Verification:
        """The source sentence sharing most content words with the whole content (quoted words too, which
        locate the sentence best); no source when none shares a content word."""
        content = attribution.content
        span = Span.of(text, content.start, content.end)
        query = _content_words(content.quote)
        hits = [(index.best_sentence(query), index) for index in self._indexes]
        found = [(hit, index) for hit, index in hits if hit is not None and hit[0] > 0]
        if not found:
            return Verification(
                span, _speaker_name(attribution), PARAPHRASE, 0.0, None, "", kind=attribution.kind, quoted=content.quote
            )
        (similarity, start, end), index = max(found, key=lambda pair: pair[0][0])
        label, same = _speaker_check(attribution, index.source, start)
        return Verification(
            span, _speaker_name(attribution), PARAPHRASE, similarity, index.source_match(start, end), "", label, same,
            kind=attribution.kind, quoted=content.quote,
        )


@attrs.frozen
class _Words:
    """Normalised words of a stretch of text, with the offsets of the words they came from."""

    codes: str
    """One character per normalised word."""
    norms: tuple[str, ...]
    display: tuple[str, ...]
    """The words as written (contraction parts spelt out: "Don't" → "Do", "not")."""
    starts: tuple[int, ...]
    ends: tuple[int, ...]


@attrs.frozen
class _Segment:
    """A stretch of a quote between ellipses."""

    words: _Words
    parts: tuple[tuple[str, int], ...]
    """(article text, word count) of each piece: punctuation is compared piece by piece, because the
    comma before an interrupting "he said" is the article's, not the speaker's."""


@attrs.frozen
class _Match:
    """Where each segment of a quote lies in one source (token ranges)."""

    index: _SourceIndex
    ranges: tuple[tuple[int, int], ...]
    similarity: float

    @property
    def start(self) -> int:
        """Character offset of the first matched word."""
        return self.index.words.starts[min(s for s, e in self.ranges if e > s)]

    @property
    def end(self) -> int:
        """Character offset one past the last matched word."""
        return self.index.words.ends[max(e for s, e in self.ranges if e > s) - 1]


class _SourceIndex:
    """A source's normalised words and sentences, computed once."""

    def __init__(self, source: Source, encode: Callable[[str], str]) -> None:
        self.source = source
        self.words = _tokenize(source.text, [(0, len(source.text))], encode)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source.text)]

    def source_match(self, start: int, end: int) -> SourceMatch:
        """The passage between two character offsets."""
        line = bisect.bisect_right(self._line_starts, start)
        return SourceMatch(self.source.file, start, end, self.source.text[start:end], line)

    @cached_property
    def sentences(self) -> tuple[list[tuple[int, int]], list[str]]:
        """Sentence offsets and their content words (joined), built on the first paraphrase."""
        offsets, keys = [], []
        for lo, hi in self._blocks():
            for match in _SENTENCE.finditer(self.source.text, lo, hi):
                words = _content_words(match.group())
                if words:
                    offsets.append((match.start(), match.end()))
                    keys.append(" ".join(words))
        return offsets, keys

    def best_sentence(self, query: list[str]) -> tuple[float, int, int] | None:
        """The sentence sharing most content words with ``query``: (similarity, start, end)."""
        offsets, keys = self.sentences
        if not query or not keys:
            return None
        wanted = set(query)
        best = None
        for _key, _score, position in process.extract(" ".join(query), keys, scorer=fuzz.token_set_ratio, limit=8):
            have = set(keys[position].split())
            dice = 2 * len(wanted & have) / (len(wanted) + len(have))
            if best is None or dice > best[0]:
                best = (dice, *offsets[position])
        return best

    def _blocks(self) -> list[tuple[int, int]]:
        """Stretches that no sentence crosses: the turns of a transcript, else the whole text."""
        turns = self.source.turns
        if not turns:
            return [(0, len(self.source.text))]
        return [(0, turns[0].start)] + [(turn.start, turn.end) for turn in turns]


def _tokenize(text: str, ranges: Iterable[tuple[int, int]], encode: Callable[[str], str]) -> _Words:
    codes, norms, display, starts, ends = [], [], [], [], []
    for start, end in ranges:
        for match in _WORD.finditer(text, start, end):
            for norm, shown in _expand(match.group().replace("\u2019", "'")):
                codes.append(encode(norm))
                norms.append(norm)
                display.append(shown)
                starts.append(match.start())
                ends.append(match.end())
    return _Words("".join(codes), tuple(norms), tuple(display), tuple(starts), tuple(ends))


def _expand(written: str) -> list[tuple[str, str]]:
    """(normalised, as written) parts of a word: "Don't" → ("do", "Do"), ("not", "not")."""
    lower = written.lower()
    parts: list[str]
    if lower == "cannot":
        parts = ["can", "not"]
    elif lower.endswith("n't"):
        parts = [_NOT_STEMS.get(lower[:-3], lower[:-3]), "not"]
    elif "'" in lower:
        stem, suffix = lower.rsplit("'", 1)
        if suffix in _SUFFIXES:
            parts = [stem, _SUFFIXES[suffix]]
        elif suffix == "s" and stem in _S_IS:
            parts = [stem, "is"]
        elif suffix == "s" and stem == "let":
            parts = ["let", "us"]
        else:
            parts = [lower]
    else:
        return [(lower, written)]
    shown = [written] if len(parts) == 1 else parts[:]
    if len(parts) > 1 and written[:1].isupper():
        shown[0] = shown[0].upper() if written.isupper() else shown[0].capitalize()
    return list(zip(parts, shown, strict=True))


def _segments(text: str, pieces: list[tuple[int, int]], encode: Callable[[str], str]) -> list[_Segment]:
    """Split the quote's pieces at ellipses; the pieces themselves join without a gap."""
    stretches: list[list[tuple[int, int]]] = [[]]
    for start, end in pieces:
        cursor = start
        for ellipsis in _ELLIPSIS.finditer(text, start, end):
            stretches[-1].append((cursor, ellipsis.start()))
            stretches.append([])
            cursor = ellipsis.end()
        stretches[-1].append((cursor, end))
    segments = []
    for stretch in stretches:
        words = _tokenize(text, stretch, encode)
        if words.codes:
            parts = tuple((text[s:e], len(_tokenize(text, [(s, e)], encode).codes)) for s, e in stretch)
            segments.append(_Segment(words, tuple(part for part in parts if part[1])))
    return segments


def _match_segments(segments: list[_Segment], index: _SourceIndex) -> _Match | None:
    """Align the longest segment anywhere, then the others in order around it (empty range: not found)."""
    codes = index.words.codes
    if not segments or not codes:
        return None
    anchor = max(range(len(segments)), key=lambda i: len(segments[i].words.codes))
    first = _align(segments[anchor].words.codes, codes, 0, len(codes))
    if first is None:
        return None
    ranges = {anchor: first}
    for i in range(anchor + 1, len(segments)):
        lo = ranges[i - 1][1]
        hi = min(len(codes), lo + MAX_ELLIPSIS_GAP + len(segments[i].words.codes))
        ranges[i] = _align(segments[i].words.codes, codes, lo, hi) or (lo, lo)
    for i in range(anchor - 1, -1, -1):
        hi = ranges[i + 1][0]
        lo = max(0, hi - MAX_ELLIPSIS_GAP - len(segments[i].words.codes))
        ranges[i] = _align(segments[i].words.codes, codes, lo, hi) or (hi, hi)
    ordered = tuple(ranges[i] for i in range(len(segments)))
    matched = sum(_equal_count(seg.words.codes, codes[s:e]) for seg, (s, e) in zip(segments, ordered, strict=True))
    if not matched:
        return None
    size = sum(len(seg.words.codes) for seg in segments) + sum(e - s for s, e in ordered)
    return _Match(index, ordered, 2 * matched / size)


def _align(needle: str, haystack: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The token range of ``haystack[lo:hi]`` that best matches ``needle``, edges trimmed to the matched words."""
    if hi <= lo:
        return None
    if len(needle) >= hi - lo:
        window = (lo, hi)
    else:
        found = fuzz.partial_ratio_alignment(needle, haystack[lo:hi])
        if not found.score:
            return None
        window = (lo + found.dest_start, lo + found.dest_end)
    slack = 2 + len(needle) // 4  # room for words the article dropped without an ellipsis
    best: tuple[float, int, int] | None = None
    for room in (slack, WIDE_SLACK * slack):
        wlo, whi = max(lo, window[0] - room), min(hi, window[1] + room)
        matcher = SequenceMatcher(None, needle, haystack[wlo:whi], autojunk=False)
        blocks = [block for block in matcher.get_matching_blocks() if block.size]
        if not blocks:
            break
        first, last = blocks[0], blocks[-1]
        start = max(wlo, wlo + first.b - first.a)  # unmatched leading quote words pair with the words before
        end = min(whi, wlo + last.b + last.size + len(needle) - last.a - last.size)
        score = 2 * sum(block.size for block in blocks) / (len(needle) + end - start)
        if best is None or score > best[0]:
            best = (score, start, end)
        if first.a == 0 and last.a + last.size == len(needle):
            break  # both ends of the quote matched: a wider window cannot find more of it
    return None if best is None else (best[1], best[2])


def _equal_count(a: str, b: str) -> int:
    return sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def _judge(segments: list[_Segment], match: _Match, threshold: float) -> tuple[str, str]:
    """The verdict and the diff (empty when verbatim) for a quote aligned to a source passage."""
    if match.similarity < threshold:
        return NOT_FOUND, ""
    words, text = match.index.words, match.index.source.text
    changed = dropped_any = dropped_meaning = False
    parts, surface_parts = [], []
    for i, (segment, (s, e)) in enumerate(zip(segments, match.ranges, strict=True)):
        if i:
            gap = range(match.ranges[i - 1][1], s)
            dropped_any = dropped_any or len(gap) > 0
            dropped_meaning = dropped_meaning or any(_meaning_bearing(words.norms[t]) for t in gap)
            parts.append("\u2026" + (f"[-{' '.join(words.display[t] for t in gap)}-]" if gap else ""))
        opcodes = SequenceMatcher(None, segment.words.codes, words.codes[s:e], autojunk=False).get_opcodes()
        changed = changed or any(op != "equal" for op, *_ in opcodes)
        parts.append(_render(opcodes, segment.words.display, words.display[s:e]))
        first = s
        for piece, count in segment.parts:  # one word per word here: the words all matched, or it is altered
            last = min(first + count, e)
            surface_parts.append((piece, text[words.starts[first] : words.ends[last - 1]] if last > first else ""))
            first = last
    if changed or dropped_meaning:
        return ALTERED, " ".join(parts)
    if dropped_any:
        return MINOR, " ".join(parts)
    if all(_surface(quote) == _surface(passage) for quote, passage in surface_parts):
        return VERBATIM, ""
    return MINOR, " ".join(_surface_diff(quote, passage) for quote, passage in surface_parts)


def _render(opcodes: list[tuple[str, int, int, int, int]], quote: Sequence[str], source: Sequence[str]) -> str:
    """Word diff in git's --word-diff=plain style, source → article."""
    out = []
    for op, a0, a1, b0, b1 in opcodes:
        if op == "equal":
            out.append(" ".join(quote[a0:a1]))
            continue
        removed = f"[-{' '.join(source[b0:b1])}-]" if b1 > b0 else ""
        added = f"{{+{' '.join(quote[a0:a1])}+}}" if a1 > a0 else ""
        out.append(removed + added)
    return " ".join(out)


def _surface(text: str, *, fold_first: bool = True) -> str:
    """Text as compared for "verbatim": quote marks, whitespace, edge punctuation and first-letter case ignored.

    The first letter's case is free because articles capitalise a quote that starts mid-sentence.
    """
    text = _QUOTE_MARKS.sub("", text.replace("\u2019", "'"))
    text = " ".join(_DASHES.sub("-", text).split())
    text = re.sub(r"^\W+|\W+$", "", text)
    return text[:1].lower() + text[1:] if fold_first else text


def _surface_diff(quote: str, source: str) -> str:
    """Diff of words with their punctuation, for quotes whose bare words all match."""
    a, b = _surface(quote, fold_first=False).split(), _surface(source, fold_first=False).split()
    if a and b and a[0].lower() == b[0].lower():
        b[0] = a[0]
    return _render(SequenceMatcher(None, a, b, autojunk=False).get_opcodes(), a, b)


def _meaning_bearing(norm: str) -> bool:
    return norm in _NEGATIONS or norm in _NUMBER_WORDS or any(ch.isdigit() for ch in norm)


def _content_words(text: str) -> list[str]:
    words = []
    for match in _WORD.finditer(text):
        for norm, _shown in _expand(match.group().replace("\u2019", "'")):
            if norm not in _STOPWORDS:
                words.append(norm)
    return words


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _speaker_name(attribution: Attribution) -> str | None:
    speaker = attribution.speaker
    return (speaker.name or speaker.span.text) if speaker else None


def _speaker_names(attribution: Attribution) -> list[str]:
    """The names a transcript label may match; empty when the speaker is unknown or a bare pronoun."""
    speaker = attribution.speaker
    if speaker is None or (speaker.name is None and speaker.span.text.lower() in _PRONOUNS):
        return []
    return [name for name in (speaker.name, speaker.span.text) if name]


def _occurrences(needle: str, haystack: str) -> Iterator[int]:
    """Every position of ``needle`` in ``haystack`` (token indexes: one character per word)."""
    position = haystack.find(needle)
    while needle and position >= 0:
        yield position
        position = haystack.find(needle, position + 1)


def _speaker_check(attribution: Attribution, source: Source, offset: int) -> tuple[str | None, bool | None]:
    """The transcript speaker at ``offset`` and whether it is the article's speaker (None: cannot tell)."""
    label = source.speaker_at(offset)
    speaker = attribution.speaker
    if label is None or speaker is None:
        return label, None
    if speaker.name is None and speaker.span.text.lower() in _PRONOUNS:
        return label, None  # "he" alone cannot be compared with a name
    return label, speaker_matches(label, [speaker.name, speaker.span.text])
