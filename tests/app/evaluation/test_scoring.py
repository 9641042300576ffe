"""Tests for the scorer, on tiny synthetic gold/prediction pairs."""

from __future__ import annotations

import attrs
import pytest

from quotes.app.evaluation.brat import GoldDocument, Piece, Relation
from quotes.app.evaluation.scoring import (
    Counts,
    MistakeKind,
    evaluate,
    jaccard,
    relations_from_article,
    score_document,
)
from quotes.core.attribution import Article, Attribution, Content, Cue, QuoteKind, Span, Speaker, SpeakerType

TEXT = (
    "The mayor said the budget will be balanced next year. "
    '"We will not raise taxes," she added. '
    "Critics warned that the plan ignores the deficit."
)


def at(phrase: str, text: str = TEXT) -> Piece:
    """The (start, end) of the first occurrence of ``phrase``."""
    start = text.index(phrase)
    return (start, start + len(phrase))


def rel(source: str | None, cue: str | None, *content: str, text: str = TEXT) -> Relation:
    """A relation located by the phrases it is made of."""
    return Relation(
        source=(at(source, text),) if source else (),
        cue=(at(cue, text),) if cue else (),
        content=tuple(at(piece, text) for piece in content),
    )


MAYOR = rel("The mayor", "said", "the budget will be balanced next year")
SHE = rel("she", "added", '"We will not raise taxes,"')
CRITICS = rel("Critics", "warned", "that the plan ignores the deficit")
GOLD = GoldDocument("doc", TEXT, (MAYOR, SHE, CRITICS))


class TestPerfect:
    def test_gold_against_itself_scores_one_everywhere(self) -> None:
        """Gold scored against itself has precision, recall and F1 of 1 under both criteria."""
        scores = score_document(GOLD, GOLD.relations).scores
        for part in (scores.content, scores.source, scores.cue, scores.relation):
            for counts in (part.exact, part.partial):
                assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)
        assert scores.attribution.value == 1.0
        assert scores.direct_recall.value == scores.indirect_recall.value == 1.0

    def test_no_mistakes_when_perfect(self) -> None:
        """A perfect prediction lists no mistakes."""
        assert score_document(GOLD, GOLD.relations).mistakes == ()


class TestSpanComparison:
    def test_shifted_span_is_partial_not_exact(self) -> None:
        """A content shifted by one word matches partially but not exactly."""
        shifted = rel("The mayor", "said", "budget will be balanced next year.")
        scores = score_document(GOLD, (shifted, SHE, CRITICS)).scores
        assert scores.content.exact.matched == 2
        assert scores.content.partial.matched == 3
        assert scores.relation.exact.matched == 2
        assert scores.relation.partial.matched == 3

    def test_punctuation_only_difference_is_exact(self) -> None:
        """Leaving out the quotation marks and comma around a quote still matches exactly."""
        bare = rel("she", "added", "We will not raise taxes")
        scores = score_document(GOLD, (MAYOR, bare, CRITICS)).scores
        assert scores.content.exact.matched == 3

    def test_low_overlap_is_no_match(self) -> None:
        """A span sharing under half of the tokens does not match even partially."""
        gold = GoldDocument("doc", TEXT, (MAYOR,))
        short = rel("The mayor", "said", "next year")
        scores = score_document(gold, (short,)).scores
        assert scores.content.partial.matched == 0

    def test_jaccard_of_token_sets(self) -> None:
        """Jaccard is shared over all units, and two empty spans are identical."""
        assert jaccard(frozenset({(0, 1), (2, 3)}), frozenset({(2, 3)})) == 0.5
        assert jaccard(frozenset(), frozenset()) == 1.0

    def test_punctuation_cue_matches_its_characters(self) -> None:
        """A cue with no word in it (a colon) is compared by its visible characters."""
        text = "Trump: We will win."
        gold = GoldDocument("doc", text, (rel("Trump", ":", "We will win.", text=text),))
        assert score_document(gold, gold.relations).scores.cue.exact.matched == 1
        other = Relation(source=(at("Trump", text),), cue=(at("We", text),), content=(at("We will win.", text),))
        assert score_document(gold, (other,)).scores.cue.partial.matched == 0


class TestDiscontinuousContent:
    TEXT = '"The plan," she said, "is dead."'
    GOLD = GoldDocument("doc", TEXT, (rel("she", "said", '"The plan,"', '"is dead."', text=TEXT),))

    def test_same_pieces_match_exactly(self) -> None:
        """A prediction with the same two pieces matches exactly."""
        predicted = rel("she", "said", "The plan", "is dead", text=self.TEXT)
        assert score_document(self.GOLD, (predicted,)).scores.content.exact.matched == 1

    def test_whole_stretch_matches_partially(self) -> None:
        """A prediction spanning the interruption too matches only partially."""
        predicted = rel("she", "said", self.TEXT, text=self.TEXT)
        scores = score_document(self.GOLD, (predicted,)).scores
        assert (scores.content.exact.matched, scores.content.partial.matched) == (0, 1)


class TestPrecisionAndRecall:
    def test_missed_relation_lowers_recall(self) -> None:
        """Leaving a relation out lowers recall but not precision, and lists a miss."""
        evaluation = score_document(GOLD, (MAYOR, SHE))
        content = evaluation.scores.content.exact
        assert content == Counts(matched=2, predicted=2, gold=3)
        assert evaluation.scores.relation.partial.recall == pytest.approx(2 / 3)
        assert [m.kind for m in evaluation.mistakes] == [MistakeKind.MISSED]
        assert evaluation.mistakes[0].content == "that the plan ignores the deficit"
        assert evaluation.mistakes[0].context == "Critics warned that the plan ignores the deficit."

    def test_false_alarm_lowers_precision(self) -> None:
        """An extra prediction lowers precision but not recall, and lists a false alarm."""
        extra = rel(None, None, "Critics warned")
        evaluation = score_document(GOLD, (*GOLD.relations, extra))
        assert evaluation.scores.content.partial == Counts(matched=3, predicted=4, gold=3)
        assert evaluation.scores.relation.exact.precision == pytest.approx(3 / 4)
        assert [m.kind for m in evaluation.mistakes] == [MistakeKind.FALSE_ALARM]

    def test_f1_is_harmonic_mean(self) -> None:
        """F1 combines precision 1/2 and recall 1 into 2/3."""
        assert Counts(matched=1, predicted=2, gold=1).f1 == pytest.approx(2 / 3)
        assert Counts().f1 == 0.0

    def test_micro_average_over_documents(self) -> None:
        """Counts are summed over documents before dividing."""
        other = GoldDocument("other", TEXT, (MAYOR,))
        evaluation = evaluate([GOLD, other], {"doc": GOLD.relations})
        assert evaluation.scores.documents == 2
        assert evaluation.scores.content.exact == Counts(matched=3, predicted=3, gold=4)


class TestGreedyMatching:
    def test_one_prediction_matches_one_gold(self) -> None:
        """A prediction overlapping two gold contents matches only the closer one."""
        text = "He said that prices rose and that wages fell sharply."
        first = rel("He", "said", "that prices rose", text=text)
        second = rel("He", "said", "that wages fell sharply", text=text)
        gold = GoldDocument("doc", text, (first, second))
        wide = rel("He", "said", "that wages fell sharply.", text=text)
        evaluation = score_document(gold, (wide,))
        assert evaluation.scores.content.exact == Counts(matched=1, predicted=1, gold=2)
        assert evaluation.mistakes[0].content == "that prices rose"

    def test_best_score_first(self) -> None:
        """Greedy matching gives a gold span to its best prediction, leaving the worse one unmatched."""
        text = "She said the new plan is dead for now."
        gold = GoldDocument("doc", text, (rel("She", "said", "the new plan is dead for now", text=text),))
        worse = rel("She", "said", "the new plan is dead", text=text)
        better = rel("She", "said", "new plan is dead for now", text=text)
        evaluation = score_document(gold, (worse, better))
        assert evaluation.scores.content.partial == Counts(matched=1, predicted=2, gold=1)
        assert [m.kind for m in evaluation.mistakes] == [MistakeKind.FALSE_ALARM]
        assert evaluation.mistakes[0].content == "the new plan is dead"

    def test_duplicate_predictions_count_once(self) -> None:
        """Two predictions of one relation give one match and one false alarm."""
        gold = GoldDocument("doc", TEXT, (MAYOR,))
        scores = score_document(gold, (MAYOR, MAYOR)).scores
        assert scores.relation.exact == Counts(matched=1, predicted=2, gold=1)


class TestRelations:
    def test_relation_needs_all_three_parts(self) -> None:
        """A relation with the right content and cue but the wrong source does not match."""
        wrong = rel("Critics", "said", "the budget will be balanced next year")
        scores = score_document(GoldDocument("doc", TEXT, (MAYOR,)), (wrong,)).scores
        assert scores.content.exact.matched == 1
        assert scores.relation.partial.matched == 0

    def test_missing_part_on_both_sides_matches(self) -> None:
        """A relation without a source matches a prediction without one."""
        sourceless = rel(None, "warned", "that the plan ignores the deficit")
        scores = score_document(GoldDocument("doc", TEXT, (sourceless,)), (sourceless,)).scores
        assert scores.relation.exact.matched == 1
        assert scores.source.exact == Counts()

    def test_missing_part_on_one_side_does_not_match(self) -> None:
        """A predicted relation without the gold's source does not match it."""
        sourceless = rel(None, "said", "the budget will be balanced next year")
        scores = score_document(GoldDocument("doc", TEXT, (MAYOR,)), (sourceless,)).scores
        assert scores.relation.partial.matched == 0

    def test_shared_source_counted_once(self) -> None:
        """A source mention shared by two relations is one source span."""
        text = "He said that prices rose and that wages fell."
        relations = (rel("He", "said", "that prices rose", text=text), rel("He", "said", "that wages fell", text=text))
        gold = GoldDocument("doc", text, relations)
        assert score_document(gold, gold.relations).scores.source.exact == Counts(matched=1, predicted=1, gold=1)


class TestAttributionAccuracy:
    def test_wrong_source_lowers_accuracy(self) -> None:
        """A found content whose predicted source shares no token with the gold source counts as wrong."""
        wrong = rel("Critics", "said", "the budget will be balanced next year")
        evaluation = score_document(GOLD, (wrong, SHE, CRITICS))
        assert (evaluation.scores.attribution.hits, evaluation.scores.attribution.total) == (2, 3)
        mistake = evaluation.mistakes[0]
        assert (mistake.kind, mistake.source, mistake.predicted_source) == (
            MistakeKind.WRONG_SOURCE,
            "The mayor",
            "Critics",
        )

    def test_overlapping_source_is_right(self) -> None:
        """A predicted source sharing one token with the gold source is right."""
        partial = rel("mayor", "said", "the budget will be balanced next year")
        scores = score_document(GoldDocument("doc", TEXT, (MAYOR,)), (partial,)).scores
        assert scores.attribution.value == 1.0

    def test_gold_without_source_is_left_out(self) -> None:
        """Contents whose gold has no source do not count towards attribution accuracy."""
        sourceless = rel(None, "warned", "that the plan ignores the deficit")
        scores = score_document(GoldDocument("doc", TEXT, (sourceless,)), (sourceless,)).scores
        assert scores.attribution.total == 0


class TestDirectIndirect:
    def test_split_by_quotation_marks(self) -> None:
        """Contents holding double quotes are direct; the others are indirect."""
        scores = score_document(GOLD, (MAYOR,)).scores
        assert (scores.direct_recall.hits, scores.direct_recall.total) == (0, 1)
        assert (scores.indirect_recall.hits, scores.indirect_recall.total) == (1, 2)

    def test_content_inside_curly_quotes_is_direct(self) -> None:
        """A content annotated without its surrounding curly quotes is still direct."""
        text = "“We will win,” he said."
        gold = GoldDocument("doc", text, (rel("he", "said", "We will win", text=text),))
        scores = score_document(gold, gold.relations).scores
        assert (scores.direct_recall.total, scores.indirect_recall.total) == (1, 0)

    def test_mixed_content_is_direct(self) -> None:
        """A paraphrase holding a partial quotation counts with the direct ones."""
        text = 'He said the deal was "a disaster" for workers.'
        gold = GoldDocument("doc", text, (rel("He", "said", 'the deal was "a disaster" for workers', text=text),))
        assert score_document(gold, gold.relations).scores.direct_recall.total == 1

    def test_quote_opening_the_next_sentence_is_not_enough(self) -> None:
        """A quotation mark after the content but none before it leaves it indirect."""
        text = 'He said taxes will rise. "Soon," he added.'
        gold = GoldDocument("doc", text, (rel("He", "said", "taxes will rise.", text=text),))
        assert score_document(gold, gold.relations).scores.indirect_recall.total == 1


class TestRelationsFromArticle:
    def test_parts_become_pieces(self) -> None:
        """Speaker, cue and content spans turn into the pieces of a relation."""
        text = '"The plan," she said, "is dead."'
        content = Content.of(text, [at('"The plan,"', text), at('"is dead."', text)])
        attribution = Attribution(
            content=content,
            cue=Cue(Span.of(text, *at("said", text)), "say"),
            speaker=Speaker(Span.of(text, *at("she", text)), None, None, SpeakerType.PERSON),
            kind=QuoteKind.DIRECT,
            sentence=Span.of(text, 0, len(text)),
            paragraph=0,
            rule="test",
        )
        unsourced = attrs.evolve(attribution, speaker=None, cue=None)
        relations = relations_from_article(Article(text, (attribution, unsourced)))
        assert relations[0] == rel("she", "said", '"The plan,"', '"is dead."', text=text)
        assert relations[1].source == () and relations[1].cue == ()

