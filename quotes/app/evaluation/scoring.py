"""Score predicted attributions against gold ones: precision, recall and F1 per part and per relation.

Spans are compared as the sets of word tokens (maximal ``\\w+`` runs, known by their
offsets) they touch, so edge punctuation and whitespace never decide a match. Two
spans match exactly when the sets are equal and partially when their Jaccard index is
at least 0.5; each gold span matches at most one predicted span, best score first.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from quotes.app.evaluation.brat import GoldDocument, Piece, Relation
from quotes.core.attribution import Article

PARTIAL_THRESHOLD = 0.5
"""Token Jaccard from which two spans count as a partial match."""

PARTS = ("content", "source", "cue")

DOUBLE_QUOTES = frozenset('"“”')
"""Marks that make a content direct or mixed; single quotes are left out because they double as apostrophes."""

QUOTE_WINDOW = 2
"""Characters looked at on each side of a content: a quote often closes after a comma (``,”``)."""

_WORD = re.compile(r"\w+")

Units = frozenset[Piece]
"""What a span is compared as: the offsets of the tokens it touches."""


class Criterion(str, enum.Enum):
    """How close two spans must be to match."""

    EXACT = "exact"
    PARTIAL = "partial"


class MistakeKind(str, enum.Enum):
    """What went wrong with one attribution."""

    MISSED = "missed"
    """A gold content no prediction matches (partially)."""
    FALSE_ALARM = "false alarm"
    """A predicted content no gold content matches (partially)."""
    WRONG_SOURCE = "wrong source"
    """The content was found but its predicted source shares no token with the gold source."""


@attrs.frozen
class Counts:
    """Matches between predicted and gold items."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.matched + other.matched, self.predicted + other.predicted, self.gold + other.gold)

    def to_dict(self) -> dict[str, Any]:
        return {**attrs.asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


@attrs.frozen
class Ratio:
    """A share of items that passed a test."""

    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {**attrs.asdict(self), "value": self.value}


@attrs.frozen
class PartScores:
    """Counts for one part (or for whole relations) under both criteria."""

    exact: Counts = Counts()
    partial: Counts = Counts()

    def __add__(self, other: PartScores) -> PartScores:
        return PartScores(self.exact + other.exact, self.partial + other.partial)

    def to_dict(self) -> dict[str, Any]:
        return {"exact": self.exact.to_dict(), "partial": self.partial.to_dict()}


@attrs.frozen
class Scores:
    """Micro-averaged figures over a set of documents."""

    documents: int = 0
    content: PartScores = PartScores()
    source: PartScores = PartScores()
    cue: PartScores = PartScores()
    relation: PartScores = PartScores()
    """A relation matches when content, source and cue all match (a part missing on both sides matches)."""
    attribution: Ratio = Ratio()
    """Found (partially) gold contents whose predicted source overlaps the gold source; sourceless gold left out."""
    direct_recall: Ratio = Ratio()
    """Partial recall of gold contents that contain or sit inside double quotation marks."""
    indirect_recall: Ratio = Ratio()
    """Partial recall of the other gold contents."""

    def __add__(self, other: Scores) -> Scores:
        return Scores(*(a + b for a, b in zip(attrs.astuple(self, recurse=False), attrs.astuple(other, recurse=False))))

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            **{name: getattr(self, name).to_dict() for name in (*PARTS, "relation")},
            "attribution_accuracy": self.attribution.to_dict(),
            "content_recall_direct": self.direct_recall.to_dict(),
            "content_recall_indirect": self.indirect_recall.to_dict(),
        }


@attrs.frozen
class Mistake:
    """One attribution the extractor got wrong, with the sentences around it."""

    document: str
    kind: MistakeKind
    content: str
    """The content's pieces, joined with " … "."""
    source: str | None
    cue: str | None
    context: str
    """The sentence(s) the content sits in, whitespace collapsed."""
    start: int
    """Offset of the content, to list mistakes in text order."""
    predicted_source: str | None = None
    """For a wrong source: the source the extractor gave."""


@attrs.frozen
class Evaluation:
    """The figures and the mistakes behind them."""

    scores: Scores
    mistakes: tuple[Mistake, ...]


def relations_from_article(article: Article) -> tuple[Relation, ...]:
    """The extractor's attributions in the form the scorer compares; the source is the speaker's whole phrase,
    appositions included, as PolNeAR marks it."""
    return tuple(
        Relation(
            source=((att.speaker.whole.start, att.speaker.whole.end),) if att.speaker else (),
            cue=((att.cue.span.start, att.cue.span.end),) if att.cue else (),
            content=tuple((span.start, span.end) for span in att.content.spans),
        )
        for att in article.attributions
    )


def evaluate(gold: Iterable[GoldDocument], predictions: Mapping[str, Sequence[Relation]]) -> Evaluation:
    """Score every gold document against the predictions for its name (none when absent)."""
    total = Scores()
    mistakes: list[Mistake] = []
    for document in gold:
        evaluation = score_document(document, predictions.get(document.name, ()))
        total += evaluation.scores
        mistakes.extend(evaluation.mistakes)
    return Evaluation(total, tuple(mistakes))


def score_document(gold: GoldDocument, predicted: Sequence[Relation]) -> Evaluation:
    """The counts and mistakes for one document."""
    tokens = _Tokens(gold.text)
    gold_units = [_relation_units(relation, tokens) for relation in gold.relations]
    pred_units = [_relation_units(relation, tokens) for relation in predicted]

    parts = {part: _part_scores(part, gold_units, pred_units) for part in PARTS}
    relation_scores = PartScores(
        *(
            Counts(len(_match_relations(gold_units, pred_units, criterion)), len(pred_units), len(gold_units))
            for criterion in Criterion
        )
    )

    # Relation-aware content matching: which gold relation's content went to which prediction.
    content_match = _match_part("content", gold_units, pred_units, Criterion.PARTIAL)
    attribution = Ratio()
    direct, indirect = Ratio(), Ratio()
    mistakes = []
    for g, relation in enumerate(gold.relations):
        if not gold_units[g]["content"]:
            continue
        found = g in content_match
        if _is_direct(gold.text, relation.content):
            direct += Ratio(int(found), 1)
        else:
            indirect += Ratio(int(found), 1)
        if not found:
            mistakes.append(_mistake(gold, relation, MistakeKind.MISSED))
        elif gold_units[g]["source"]:
            p = content_match[g]
            correct = bool(gold_units[g]["source"] & pred_units[p]["source"])
            attribution += Ratio(int(correct), 1)
            if not correct:
                predicted_source = _join(gold.text, predicted[p].source) if predicted[p].source else None
                mistakes.append(_mistake(gold, relation, MistakeKind.WRONG_SOURCE, predicted_source))
    matched_predictions = set(content_match.values())
    for p, relation in enumerate(predicted):
        if pred_units[p]["content"] and p not in matched_predictions:
            mistakes.append(_mistake(gold, relation, MistakeKind.FALSE_ALARM))

    scores = Scores(1, parts["content"], parts["source"], parts["cue"], relation_scores, attribution, direct, indirect)
    return Evaluation(scores, tuple(sorted(mistakes, key=lambda m: m.start)))


def jaccard(a: Units, b: Units) -> float:
    """Shared units over all units; two empty spans are identical."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _part_scores(part: str, gold: list[dict[str, Units]], pred: list[dict[str, Units]]) -> PartScores:
    """Counts for one part, each distinct span counted once (relations may share a source mention)."""
    gold_spans = [{part: units} for units in dict.fromkeys(u[part] for u in gold if u[part])]
    pred_spans = [{part: units} for units in dict.fromkeys(u[part] for u in pred if u[part])]
    return PartScores(
        *(
            Counts(len(_match_part(part, gold_spans, pred_spans, criterion)), len(pred_spans), len(gold_spans))
            for criterion in Criterion
        )
    )


def _match_part(
    part: str, gold: list[dict[str, Units]], pred: list[dict[str, Units]], criterion: Criterion
) -> dict[int, int]:
    """Greedy one-to-one matching of one part (gold index → predicted index); empty spans never match."""
    candidates = []
    for g, gold_units in enumerate(gold):
        for p, pred_units in enumerate(pred):
            if gold_units[part] and pred_units[part]:
                score = _similarity(gold_units[part], pred_units[part], criterion)
                if score is not None:
                    candidates.append((score, g, p))
    return _greedy(candidates)


def _match_relations(
    gold: list[dict[str, Units]], pred: list[dict[str, Units]], criterion: Criterion
) -> dict[int, int]:
    """Greedy one-to-one matching of relations whose three parts all match, best mean score first."""
    candidates = []
    for g, gold_units in enumerate(gold):
        for p, pred_units in enumerate(pred):
            scores = [_similarity(gold_units[part], pred_units[part], criterion) for part in PARTS]
            if all(score is not None for score in scores):
                candidates.append((sum(s for s in scores if s is not None) / len(PARTS), g, p))
    return _greedy(candidates)


def _similarity(a: Units, b: Units, criterion: Criterion) -> float | None:
    """The Jaccard score when the spans match under ``criterion``, else None."""
    if criterion is Criterion.EXACT:
        return 1.0 if a == b else None
    score = jaccard(a, b)
    return score if score >= PARTIAL_THRESHOLD else None


def _greedy(candidates: list[tuple[float, int, int]]) -> dict[int, int]:
    # Best score first; ties go to the earlier gold, then the earlier prediction, so runs repeat.
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in matched and p not in used:
            matched[g] = p
            used.add(p)
    return matched


class _Tokens:
    """The word tokens of a text, to find those a span touches quickly."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [m.span() for m in _WORD.finditer(text)]
        self.ends = [end for _, end in self.spans]

    def units(self, pieces: Sequence[Piece]) -> Units:
        """Tokens overlapping any piece; a piece with no word in it (a ":" cue) counts its visible characters."""
        units: set[Piece] = set()
        for start, end in pieces:
            found = False
            i = bisect.bisect_right(self.ends, start)
            while i < len(self.spans) and self.spans[i][0] < end:
                units.add(self.spans[i])
                found = True
                i += 1
            if not found:
                units.update((k, k + 1) for k in range(start, min(end, len(self.text))) if not self.text[k].isspace())
        return frozenset(units)


def _relation_units(relation: Relation, tokens: _Tokens) -> dict[str, Units]:
    return {part: tokens.units(getattr(relation, part)) for part in PARTS}


def _is_direct(text: str, pieces: Sequence[Piece]) -> bool:
    """True when the content holds a double quotation mark, or one sits just before and one just after it."""
    for start, end in pieces:
        if DOUBLE_QUOTES & set(text[start:end]):
            return True
    first, last = pieces[0][0], pieces[-1][1]
    before = text[max(0, first - QUOTE_WINDOW) : first]
    after = text[last : last + QUOTE_WINDOW]
    return bool(DOUBLE_QUOTES & set(before)) and bool(DOUBLE_QUOTES & set(after))


def _mistake(
    gold: GoldDocument, relation: Relation, kind: MistakeKind, predicted_source: str | None = None
) -> Mistake:
    text = gold.text
    return Mistake(
        document=gold.name,
        kind=kind,
        content=_join(text, relation.content),
        source=_join(text, relation.source) if relation.source else None,
        cue=_join(text, relation.cue) if relation.cue else None,
        context=_context(text, relation.content[0][0], relation.content[-1][1]),
        start=relation.content[0][0],
        predicted_source=predicted_source,
    )


def _join(text: str, pieces: Sequence[Piece]) -> str:
    return " … ".join(text[start:end] for start, end in pieces)


_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n")


def _context(text: str, start: int, end: int) -> str:
    """The sentences from the one ``start`` is in to the one ``end`` is in (a plain heuristic, no parser)."""
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    following = _SENTENCE_END.search(text, max(end, left))
    right = following.end() if following else len(text)
    return " ".join(text[left:right].split())
