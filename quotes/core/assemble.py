"""Turn per-sentence candidates and the article's quotation marks into attributions.

This is where the text-level facts meet the parse: a content that touches a
quotation grows to the whole quotation (even across sentences and paragraphs),
"He said." takes its content from the adjacent quotation, a quotation with no
cue inherits the speaker of the attributed quotation before it, and the kind
(direct / mixed / indirect) is read off the quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from quotes.core.attribution import Attribution, Content, Cue, QuoteKind, Rule, Span, Speaker
from quotes.core.grammar import lowered
from quotes.core.lexicon import Lexicon
from quotes.core.parsed import ParsedDoc, Sentence, Word
from quotes.core.quotemarks import DOUBLE_MARKS, Quotation, find_quotations, opens_quoted, paragraphs
from quotes.core.rules import Candidate, find_candidates
from quotes.core.speakers import Mention, Resolver

MIN_ORPHAN_WORDS = 8
"""An unattributed quotation shorter than this is a title or scare quote, not something someone said."""
MIN_FOLLOW_ON_WORDS = 3
_WORD = re.compile(r"\w+")
_HEADLINE = re.compile(r"(?P<name>[A-Z][\w.'\u2019&-]*(?: [\w.'\u2019&-]+){0,5}?)(?P<colon>:)[ \t]+(?P<rest>\S)")
"""News style "Kang: We will…" / "Poll: Trump ties Clinton": a short name, a colon, what they said."""
MAX_COLON_WORDS = 6
TEXT_RULES = frozenset({Rule.COLON_HEADLINE, Rule.COLON_SPEAKER, Rule.FOLLOW_ON, Rule.UNATTRIBUTED_QUOTE})
"""The rules that work on the text (marks, colons, paragraphs) rather than on one sentence's parse."""


@attrs.frozen
class _Draft:
    """An attribution before its speaker is resolved."""

    pieces: tuple[tuple[int, int], ...]
    cue: tuple[int, int] | None
    lemma: str
    mention: Mention | None
    sentence: tuple[int, int]
    rule: Rule
    inherited_from: int | None = None
    """Index (in the draft list, which is never reordered) of the draft whose speaker a follow-on inherits."""
    antecedent: Mention | None = None
    """What a relative-pronoun speaker ("who") stands for; it gives the name, type and role."""


def assemble(doc: ParsedDoc, lexicon: Lexicon) -> tuple[Attribution, ...]:
    """All attributions of a parsed article, in text order."""
    text = doc.text
    paras = paragraphs(text)
    quotations = find_quotations(text, paras)
    speakers = Resolver(doc, lexicon, quotations)
    drafts: list[_Draft] = []
    for sentence in doc.sentences:
        for cand in find_candidates(sentence, lexicon):
            draft = _draft(doc, sentence, cand, quotations, speakers)
            if draft is not None:
                drafts.append(draft)
    drafts = _without_nested(_dedupe(drafts))
    drafts.extend(_headline_drafts(doc, quotations, drafts, speakers, paras))
    drafts = _quotation_drafts(doc, quotations, drafts, speakers, paras)
    return _resolve(doc, drafts, quotations, speakers, paras)


def _runs(sentence: Sentence, ids: frozenset[int]) -> list[tuple[int, int]]:
    """Character ranges of the maximal runs of consecutive word IDs."""
    runs: list[tuple[int, int]] = []
    previous = None
    for word_id in sorted(ids):
        word = sentence.word(word_id)
        if word is None:
            continue
        if previous is not None and word_id == previous + 1 and runs:
            runs[-1] = (runs[-1][0], max(runs[-1][1], word.end))
        else:
            runs.append((word.start, word.end))
        previous = word_id
    return runs


def _draft(doc: ParsedDoc, sentence: Sentence, cand: Candidate, quotations: list[Quotation],
           speakers: Resolver) -> _Draft | None:
    cue_words = [sentence.word(i) for i in cand.cue]
    cue_words_ok = [w for w in cue_words if w is not None]
    cue = (cue_words_ok[0].start, cue_words_ok[-1].end)
    pieces = _runs(sentence, cand.content)
    if not pieces:
        quote = _adjacent_quotation(doc.text, sentence, quotations)
        if cand.rule == Rule.VERB_AFTER_QUESTION and not _question_before(doc.text, sentence, quote):
            return None
        pieces = list(quote.pieces) if quote is not None else []  # else a framing quotation may fill it below
    else:
        pieces = _snap_to_quotations(doc.text, pieces, cue, quotations)
    mention = antecedent = None
    if cand.speaker is not None:
        head = sentence.word(cand.speaker)
        if head is not None and not _quoted(head.start, cue, quotations):
            mention = speakers.mention(sentence, head, avoid=frozenset(cand.cue) | cand.content)
            pieces = _without(pieces, (mention.span.start, mention.span.end))
    if cand.antecedent is not None:
        noun = sentence.word(cand.antecedent)
        antecedent = speakers.mention(sentence, noun) if noun is not None else None
    if any(s <= cue[0] < e for q in quotations for s, e in q.pieces):
        return None
    between = [w for w in sentence.words if mention is not None and mention.span.end <= w.start and w.end <= cue[0]]
    framing = (None if any(w.upos in ("VERB", "AUX") for w in between)
               else _framing_quotation(doc.text, cue, mention, quotations))
    if framing is not None:
        quoted = _word_set(tuple(p for q in quotations for p in q.pieces))
        after = [p for p in pieces if p[0] >= cue[1] and all(i in quoted for i in range(*p) if doc.text[i].isalnum())]
        pieces = [*_lead_in(doc.text, pieces, framing, sentence.start), *framing.pieces, *after]
    pieces = _without(pieces, cue)
    for aside in _dash_asides(doc.text, pieces, quotations):
        pieces = _without(pieces, aside)
    pieces = [_strip(doc.text, s, e) for s, e in pieces]
    pieces = [(s, e) for s, e in pieces if _WORD.search(doc.text, s, e) and s < e]
    if not pieces:
        return None
    if mention is not None and mention.phrase is not None:
        mention = attrs.evolve(mention, phrase=_clipped(doc.text, mention.phrase, mention.span, [*pieces, cue]))
    return _Draft(tuple(pieces), cue, cand.lemma, mention, (sentence.start, sentence.end), cand.rule,
                  antecedent=antecedent)


def _clipped(text: str, phrase: Span, mention: Span, others: list[tuple[int, int]]) -> Span:
    """The source phrase cut back so it overlaps no content piece or cue (the mention itself always stays)."""
    start, end = phrase.start, phrase.end
    for s, e in others:
        if s < end and e > start:
            if s >= mention.end:
                end = s
            elif e <= mention.start:
                start = e
    start, end = _strip(text, start, end)
    return Span.of(text, min(start, mention.start), max(end, mention.end))


def _lead_in(text: str, pieces: list[tuple[int, int]], quote: Quotation, sentence_start: int) -> list[tuple[int, int]]:
    """The words of the content that run straight into a framing quotation ('Clinton "caused havoc," he said'),
    kept with it: a quotation that opens mid-clause is a mixed quote, and its clause is what was said."""
    lead = [(s, min(e, quote.start)) for s, e in pieces if sentence_start <= s < quote.start]
    if not lead:
        return []
    end = _strip(text, *lead[-1])[1]
    joined = end < quote.start and not text[end:quote.start].strip() and text[end - 1].isalnum()
    return lead if joined else []


def _framing_quotation(text: str, cue: tuple[int, int], mention: Mention | None,
                       quotations: list[Quotation]) -> Quotation | None:
    """The quotation of a '"Q," X said' / '"Q," said X' frame: it closes right before the cue and speaker.

    Then the quotation is the content, whatever the parser attached after the
    cue ('"Okay," I said, attempting to regroup': not "attempting to regroup").
    A later cue of the same speaker ('"Q," she said, adding that S') is not framed:
    the caller passes no frame when a verb stands between the speaker and the cue.
    """
    left = min(cue[0], mention.span.start) if mention is not None else cue[0]
    for quote in quotations:
        if text[quote.inner_start : quote.inner_end].rstrip().endswith("."):
            continue
        if quote.end <= left and left - quote.end <= 6 and not text[quote.end : left].strip(" ,\u2014-\t"):
            return quote
    return None


def _quoted(offset: int, cue: tuple[int, int], quotations: list[Quotation]) -> bool:
    """True when ``offset`` is inside a quotation the cue is outside of ("\"Judge,\" Brafman said" is not Judge's)."""
    return any(q.inner_start <= offset < q.inner_end and not q.start <= cue[0] < q.end for q in quotations)


def _adjacent_quotation(text: str, sentence: Sentence, quotations: list[Quotation]) -> Quotation | None:
    """The quotation right before a bare "he said." sentence, or right after "he said:"."""
    for quote in reversed(quotations):
        if quote.end <= sentence.start and not _WORD.search(text, quote.end, sentence.start) and sentence.start - quote.end < 4:
            return quote
    for quote in quotations:
        if quote.start >= sentence.end and not _WORD.search(text, sentence.end, quote.start) and quote.start - sentence.end < 4:
            return quote
    return None


def _question_before(text: str, sentence: Sentence, quote: Quotation | None) -> bool:
    """A quotation that closes before the sentence and ends in "?" or "!", where the tokenizer cut the sentence."""
    return (quote is not None and quote.end <= sentence.start
            and text[quote.inner_start : quote.inner_end].rstrip().endswith(("?", "!")))


def _snap_to_quotations(text: str, pieces: list[tuple[int, int]], cue: tuple[int, int],
                        quotations: Sequence[Quotation]) -> list[tuple[int, int]]:
    """Grow a content to every quotation it touches (unless the cue sits inside it); all quoted: just the quotations."""
    lo, hi = pieces[0][0], pieces[-1][1]
    out = list(pieces)
    touched = [q for q in quotations if q.end > lo and q.start < hi and not q.start <= cue[0] < q.end]
    for quote in touched:
        out.extend(quote.pieces)
    merged = _merge(out, cue)
    inside = _word_set(tuple(p for q in touched for p in q.pieces))
    if touched and all(m.start() in inside for s, e in merged for m in _WORD.finditer(text, s, e)):
        return [p for q in touched for p in q.pieces]
    return merged


def _merge(pieces: list[tuple[int, int]], cue: tuple[int, int]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1] + 1 and not (merged[-1][1] <= cue[0] < start):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


_DASH = re.compile(r"\s(?:—|–|--|-)\s|—")


def _dash_asides(text: str, pieces: list[tuple[int, int]], quotations: list[Quotation]) -> list[tuple[int, int]]:
    """ "S1 — as articulated by X — S2": the writer's aside between two dashes inside reported content.

    PolNeAR leaves such asides out of the content (425 times on train, against 67
    kept); words inside quotation marks are the speaker's and stay.
    """
    quoted = [span for q in quotations for span in q.pieces]
    asides = []
    for start, end in pieces:
        dashes = [m for m in _DASH.finditer(text, start, end) if not any(s <= m.start() < e for s, e in quoted)]
        for first, second in zip(dashes[::2], dashes[1::2]):
            if _WORD.search(text, second.end(), end):
                asides.append((first.start(), second.end()))
    return asides


def _without(pieces: list[tuple[int, int]], hole: tuple[int, int]) -> list[tuple[int, int]]:
    out = []
    for s, e in pieces:
        if e <= hole[0] or s >= hole[1]:
            out.append((s, e))
            continue
        if s < hole[0]:
            out.append((s, hole[0]))
        if hole[1] < e:
            out.append((hole[1], e))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and dangling punctuation (commas, quote marks that close nothing) from a piece's edges."""
    edge = " \t\n,;:\u2014\u2013-"
    while start < end and text[start] in edge:
        start += 1
    while end > start and text[end - 1] in edge:
        end -= 1
    inner = text[start:end]
    if inner and inner[0] in DOUBLE_MARKS and sum(inner.count(c) for c in DOUBLE_MARKS) % 2 == 1:
        start += 1
    inner = text[start:end]
    if inner and inner[-1] in DOUBLE_MARKS and sum(inner.count(c) for c in DOUBLE_MARKS) % 2 == 1:
        end -= 1
    while start < end and text[start] in edge:
        start += 1
    while end > start and text[end - 1] in edge + ".":
        end -= 1
    return start, end


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """One attribution per content: the first rule (verbs before nouns) wins when two find the same words."""
    kept: list[_Draft] = []
    seen: set[frozenset[int]] = set()
    for draft in drafts:
        words = _word_set(draft.pieces)
        if words not in seen:
            seen.add(words)
            kept.append(draft)
    return kept


def _without_nested(drafts: list[_Draft]) -> list[_Draft]:
    """Drop attributions that sit, cue and content, inside another attribution's content.

    '"Putin said [they discussed the issue]": the inner "discussed" is part of
    what Putin said. Annotators never mark such nested attributions (none of
    6,906 PolNeAR train relations has its cue inside another's content).
    """
    words = {id(d): _word_set(d.pieces) for d in drafts}

    def inside(draft: _Draft, other: _Draft) -> bool:
        return (draft.cue is not None and any(s <= draft.cue[0] < e for s, e in other.pieces)
                and words[id(draft)] <= words[id(other)])

    return [d for d in drafts if not any(o is not d and inside(d, o) and not inside(o, d) for o in drafts)]


def _word_set(pieces: Sequence[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for s, e in pieces for i in range(s, e))


def _quotation_drafts(doc: ParsedDoc, quotations: list[Quotation], drafts: list[_Draft], speakers: Resolver,
                      paras: list[tuple[int, int]]) -> list[_Draft]:
    """All drafts once quotations no cue claimed are placed: "Name: "Q"", follow-on quotes, unattributed quotes.

    A quotation that follows an attribution in the same paragraph joins its
    content (as annotators do: '"Q1," he said. "Q2."' is one content); in the
    next paragraph it is a follow-on attribution inheriting the speaker.
    """
    drafts = list(drafts)
    text = doc.text
    covered = [_word_set(d.pieces) for d in drafts]
    extra: list[_Draft] = []
    for quote in quotations:
        inner = [_strip(text, s, e) for s, e in quote.pieces if _WORD.search(text, s, e)]
        inner = [(s, e) for s, e in inner if s < e]
        if not inner:
            continue
        words = _word_set(inner)
        if any(len(words & c) > 0 for c in covered):
            continue
        cues_inside = [d for d in drafts if d.cue and quote.start <= d.cue[0] < quote.end]
        if cues_inside:
            continue
        n_words = sum(len(_WORD.findall(text[s:e])) for s, e in inner)
        sentence = doc.sentence_at(quote.inner_start)
        sent_range = (sentence.start, sentence.end) if sentence else (quote.start, quote.end)
        colon_cue = _colon_before(text, quote.start)
        colon_sentence = doc.sentence_at(colon_cue[0]) if colon_cue else None
        if colon_cue is not None and colon_sentence is not None:
            head = next((w for w in reversed(colon_sentence.words) if w.end <= colon_cue[0]), None)
            if head is not None and head.upos in ("PROPN", "NOUN") and not _in_prepositional_phrase(colon_sentence, head):
                mention = speakers.mention(colon_sentence, head)
                extra.append(_Draft(tuple(inner), colon_cue, ":", mention, sent_range, Rule.COLON_SPEAKER))
                covered.append(words)
                continue
        found = _previous_quote_draft(text, quote, drafts + extra, paras)
        if found is not None and n_words >= MIN_FOLLOW_ON_WORDS:
            previous, same_paragraph = found
            index = (drafts + extra).index(previous)
            if same_paragraph:
                merged = attrs.evolve(previous, pieces=tuple(sorted(previous.pieces + tuple(inner))))
                if index < len(drafts):
                    drafts[index] = merged
                else:
                    extra[index - len(drafts)] = merged
            else:
                extra.append(_Draft(tuple(inner), None, "", None, sent_range, Rule.FOLLOW_ON, inherited_from=index))
            covered.append(words)
            continue
        if n_words >= MIN_ORPHAN_WORDS and _starts_sentence(text, quote):
            source = _recent_speaker(quote, drafts + extra, paras)
            if source is not None:
                extra.append(_Draft(tuple(inner), None, "", None, sent_range, Rule.FOLLOW_ON, inherited_from=source))
            else:
                extra.append(_Draft(tuple(inner), None, "", None, sent_range, Rule.UNATTRIBUTED_QUOTE))
            covered.append(words)
    return drafts + extra


def paragraph_of(paras: list[tuple[int, int]], offset: int) -> int | None:
    """Index of the paragraph holding ``offset`` (None between paragraphs)."""
    return next((i for i, (start, end) in enumerate(paras) if start <= offset < end), None)


def _recent_speaker(quote: Quotation, drafts: list[_Draft], paras: list[tuple[int, int]]) -> int | None:
    """Index of the last attribution with a speaker in the quotation's paragraph or the one before it.

    A quotation nobody is credited with, right after someone was quoted, is in
    news style theirs: reporters name the speaker once and quote on.
    """
    here = paragraph_of(paras, quote.start)
    if here is None:
        return None
    earlier = [(d.pieces[-1][1], i) for i, d in enumerate(drafts)
               if d.pieces[-1][1] <= quote.start and (d.mention is not None or d.inherited_from is not None)]
    if not earlier:
        return None
    end, index = max(earlier)
    para = paragraph_of(paras, end - 1)
    return index if para is not None and here - para <= 1 else None


def _in_prepositional_phrase(sentence: Sentence, noun: Word) -> bool:
    """ "Even on [age]:" / "happened on his [watch]:": a noun after a preposition names no speaker ("from X:" does)."""
    return any(c.rel == "case" and lowered(c) != "from" for c in sentence.children(noun))


def _colon_before(text: str, offset: int) -> tuple[int, int] | None:
    """The colon right before a quotation ("pollster Daron Shaw: \u201cHistorically…"), if any."""
    before = text[max(0, offset - 4) : offset].rstrip()
    if before.endswith(":"):
        end = max(0, offset - 4) + len(before)
        return end - 1, end
    return None


def _headline_drafts(doc: ParsedDoc, quotations: list[Quotation], drafts: list[_Draft], speakers: Resolver,
                     paras: list[tuple[int, int]]) -> list[_Draft]:
    """Paragraphs of the form "NAME: what they said" (headlines, transcripts, news briefs)."""
    text = doc.text
    covered = [_word_set(d.pieces) for d in drafts]
    extra: list[_Draft] = []
    for start, end in paras:
        match = _HEADLINE.match(text, start, end)
        if match is None or len(match.group("name").split()) > MAX_COLON_WORDS:
            continue
        sentence = doc.sentence_at(match.start("name"))
        if sentence is None:
            continue
        name_words = [w for w in sentence.words if match.start("name") <= w.start < match.end("name")]
        if not name_words or any(w.upos in ("VERB", "AUX") for w in name_words):
            continue
        heads = [w for w in name_words if w.upos in ("PROPN", "NOUN") and not any(
            h.id == w.head for h in name_words)]
        if not heads or _in_prepositional_phrase(sentence, heads[0]):
            continue
        opening = next((q for q in quotations if q.start == match.start("rest")), None)
        pieces = ([_strip(text, s, e) for s, e in opening.pieces] if opening
                  else [_strip(text, match.start("rest"), min(end, sentence.end))])
        pieces = [(s, e) for s, e in pieces if s < e]
        if not pieces or _word_set(pieces) & frozenset().union(*covered):
            continue
        mention = speakers.mention(sentence, heads[0])
        if not match.start("name") <= mention.span.start < match.end("name"):
            continue
        extra.append(_Draft(tuple(pieces), (match.start("colon"), match.end("colon")), ":", mention,
                            (sentence.start, sentence.end), Rule.COLON_HEADLINE))
        covered.append(_word_set(pieces))
    return extra


def _starts_sentence(text: str, quote: Quotation) -> bool:
    before = text[max(0, quote.start - 3) : quote.start]
    return quote.start == 0 or before.strip() == "" or before.rstrip().endswith((".", "!", "?", ":", "\n"))


def _previous_quote_draft(text: str, quote: Quotation, drafts: list[_Draft],
                          paras: list[tuple[int, int]]) -> tuple[_Draft, bool] | None:
    """The attribution this quotation continues, and whether it is in the same paragraph (no cue between).

    In the same paragraph any attribution counts ("X said S. \"Q.\""); from the
    paragraph before, only a quotation does (a follow-on quote paragraph).
    """
    para_index = paragraph_of(paras, quote.start)
    if para_index is None:
        return None
    earlier = [d for d in drafts if d.pieces[-1][1] <= quote.start and d.rule != Rule.UNATTRIBUTED_QUOTE]
    if not earlier:
        return None
    latest = max(earlier, key=lambda d: d.pieces[-1][1])
    last = _quotation_of_sentence(text, latest, earlier)
    last_para = paragraph_of(paras, last.pieces[-1][0])
    if last_para is None or para_index - last_para > 1:
        return None
    if para_index - last_para == 1 and text[paras[para_index][0] : quote.start].strip():
        return None
    same_paragraph = para_index == last_para
    if not (_opens_quoted(text, last) or same_paragraph):
        return None
    passed_over = last is not latest
    if any(d is not last and d.cue and last.pieces[-1][1] <= d.cue[0] < quote.start
           and not (passed_over and d.sentence == last.sentence) for d in drafts):
        return None
    return last, same_paragraph


def _opens_quoted(text: str, draft: _Draft) -> bool:
    """Whether the draft's content opens at a quotation mark (a quotation, not reported speech)."""
    return opens_quoted(text, draft.pieces[0][0])


def _quotation_of_sentence(text: str, latest: _Draft, earlier: list[_Draft]) -> _Draft:
    """The draft a later quotation continues: ``latest``, unless that is reported speech in a sentence with a quotation.

    In '"Q1," she said, referring to X. "Q2."' (or '… said O'Donnell, who wrote
    about X. "Q2."') the participle's or relative clause's content ends last, but
    the annotators join Q2 to Q1, the quotation of the same sentence.
    """
    if _opens_quoted(text, latest):
        return latest
    quoted = [d for d in earlier if d is not latest and d.cue and d.sentence == latest.sentence and _opens_quoted(text, d)]
    return max(quoted, key=lambda d: d.pieces[-1][1]) if quoted else latest


def _resolve(doc: ParsedDoc, drafts: list[_Draft], quotations: list[Quotation], resolver: Resolver,
             paras: list[tuple[int, int]]) -> tuple[Attribution, ...]:
    text = doc.text
    speakers: dict[int, Speaker | None] = {}
    originals = list(drafts)
    order = sorted(range(len(drafts)), key=lambda i: (drafts[i].cue or drafts[i].pieces[0])[0])
    for i in order:
        draft = drafts[i]
        if draft.antecedent is not None and draft.mention is not None:
            resolved = resolver.resolve(draft.antecedent, draft.antecedent.span.start)
            speakers[i] = attrs.evolve(resolved, span=draft.mention.span, phrase=draft.mention.phrase)
        elif draft.mention is not None:
            speakers[i] = resolver.resolve(draft.mention, draft.mention.span.start)
    for i, draft in enumerate(originals):
        if draft.mention is None and draft.cue is not None and i not in speakers and draft.rule != Rule.RAISING:
            sharing = _sentence_speaker(originals, speakers, draft)
            if sharing is not None:
                speakers[i] = sharing
    out: list[Attribution] = []
    for i, draft in enumerate(originals):
        speaker = speakers.get(i)
        inherited = draft.inherited_from is not None
        if inherited:
            source = _follow(originals, draft)
            speaker = speakers.get(source)
        content = Content.of(text, draft.pieces)
        cue = Cue(Span.of(text, *draft.cue), draft.lemma) if draft.cue else None
        paragraph = paragraph_of(paras, content.start) or 0
        out.append(Attribution(
            content=content, cue=cue, speaker=speaker, kind=quote_kind(text, content, quotations),
            sentence=Span.of(text, *draft.sentence), paragraph=paragraph, rule=draft.rule, inherited=inherited,
        ))
    return tuple(sorted(out, key=lambda a: (a.content.start, a.content.end)))


def _sentence_speaker(drafts: list[_Draft], speakers: dict[int, Speaker | None], draft: _Draft) -> Speaker | None:
    """The speaker of an earlier cue in the same sentence: '…, a spokeswoman said, [adding] that S'."""
    assert draft.cue is not None
    earlier = [(d.cue[0], speakers.get(i)) for i, d in enumerate(drafts)
               if d.sentence == draft.sentence and d.cue and d.cue[0] < draft.cue[0] and speakers.get(i) is not None]
    return max(earlier, key=lambda e: e[0])[1] if earlier else None


def _follow(drafts: list[_Draft], draft: _Draft) -> int:
    """Index of the draft that finally gives a follow-on quotation its speaker."""
    seen = set()
    index = draft.inherited_from
    while index is not None and drafts[index].inherited_from is not None and index not in seen:
        seen.add(index)
        index = drafts[index].inherited_from
    return index if index is not None else -1


def quote_kind(text: str, content: Content, quotations: list[Quotation]) -> QuoteKind:
    """Direct when every word is inside quotation marks, mixed when some are, indirect when none are."""
    inside = _word_set(tuple(p for q in quotations for p in q.pieces))
    words = [m for s in content.spans for m in _WORD.finditer(text, s.start, s.end)]
    if not words:
        return QuoteKind.INDIRECT
    quoted = sum(1 for m in words if m.start() in inside)
    if quoted == len(words):
        return QuoteKind.DIRECT
    return QuoteKind.MIXED if quoted else QuoteKind.INDIRECT
