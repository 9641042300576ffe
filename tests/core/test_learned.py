"""The learned attribution method's numpy half: features, constrained decoding, linking and building attributions."""

from __future__ import annotations

import numpy as np
import pytest

from quotes.core.assemble import assemble
from quotes.core.attribution import QuoteKind
from quotes.core.learned import features as feats
from quotes.core.learned.attributor import LearnedAttributor, build, rule_pairs
from quotes.core.learned.decoding import Run, runs, viterbi
from quotes.core.learned.features import DEPRELS, FEATURES, SIZES, TAGS, tag_words, windows, word_features
from quotes.core.learned.linking import CONTENT_FEATURES, SOURCE_FEATURES, Linked, Linker, fit_logistic
from quotes.core.lexicon import Lexicon
from tests.parses import SAID_THAT, doc

LEX = Lexicon.default()
TAG = {name: i for i, name in enumerate(TAGS)}


def _said_that():  # type: ignore[no-untyped-def]
    return doc(*SAID_THAT)


def _one_hot(names: list[str]) -> np.ndarray:
    """Log-probabilities that make the named tags certain."""
    out = np.full((len(names), len(TAGS)), np.log(1e-6))
    for i, name in enumerate(names):
        out[i, TAG[name]] = 0.0
    return out


class TestDecoding:
    def test_an_inside_tag_never_starts_a_span(self) -> None:
        """Scores that favour I-content after O decode to a span that opens with B-content (or none)."""
        scores = np.log(np.full((3, len(TAGS)), 0.01))
        scores[0, TAG["O"]] = np.log(0.9)
        scores[1, TAG["I-content"]] = np.log(0.6)
        scores[1, TAG["B-content"]] = np.log(0.3)
        scores[2, TAG["I-content"]] = np.log(0.9)
        tags = [TAGS[t] for t in viterbi(scores)]
        assert tags == ["O", "B-content", "I-content"]

    def test_every_decoded_sequence_is_well_formed(self) -> None:
        """On random scores, each I-x follows B-x or I-x."""
        rng = np.random.default_rng(0)
        for _ in range(50):
            tags = [TAGS[t] for t in viterbi(np.log(rng.dirichlet(np.ones(len(TAGS)), size=12)))]
            for before, tag in zip(["O", *tags], tags):
                if tag.startswith("I-"):
                    assert before[2:] == tag[2:] and before != "O"

    def test_runs_map_positions_to_document_words(self) -> None:
        """Runs carry document word indices, one per B-…I-… stretch, with their mean probability."""
        names = ["B-source", "B-cue", "B-content", "I-content", "O", "B-content"]
        log_probs = _one_hot(names)
        found = runs(viterbi(log_probs), np.arange(10, 16), np.exp(log_probs))
        assert [(r.role, r.first, r.last) for r in found] == [
            ("source", 10, 10), ("cue", 11, 11), ("content", 12, 13), ("content", 15, 15)]
        assert all(r.score == pytest.approx(1.0, abs=1e-4) for r in found)


class TestFeatures:
    def test_gold_pieces_become_tags(self) -> None:
        """A source, a cue and a content given as characters tag their words B-/I-."""
        parsed = _said_that()
        text = parsed.text
        pieces = [{"source": [(0, 4)], "cue": [(5, 9)], "content": [(text.index("that"), len(text) - 1)]}]
        tags = [TAGS[t] for t in tag_words(parsed, pieces)]
        words = [w.text for w in parsed.words]
        assert tags[words.index("Kang")] == "B-source"
        assert tags[words.index("said")] == "B-cue"
        assert tags[words.index("that")] == "B-content"
        assert tags[words.index("government")] == "I-content"
        assert tags[words.index("Thursday")] == "O"

    def test_two_attributions_side_by_side_are_two_runs(self) -> None:
        """Touching contents of different attributions do not merge into one run."""
        parsed = _said_that()
        pieces = [{"content": [(0, 4)]}, {"content": [(5, 9)]}]
        assert [TAGS[t] for t in tag_words(parsed, pieces)][:2] == ["B-content", "B-content"]

    def test_features_read_the_parse_the_lexicon_and_the_rules(self) -> None:
        """The cue verb is marked by the lexicon and the rules; a word of its complement sits below it via ccomp."""
        parsed = _said_that()
        rules = assemble(parsed, LEX)
        table = word_features(parsed, LEX, rules)
        assert table.shape == (len(parsed.words), len(FEATURES))
        assert (table < np.asarray(SIZES)).all() and (table >= 0).all()
        col = {name: i for i, name in enumerate(FEATURES)}
        words = [w.text for w in parsed.words]
        said, government = table[words.index("said")], table[words.index("government")]
        assert said[col["lexicon"]] == 1 and said[col["rule_tag"]] == TAG["B-cue"] and said[col["cue_relation"]] == 1
        assert government[col["cue_relation"]] == 2
        assert government[col["cue_path"]] == DEPRELS.index("ccomp") + 1
        assert government[col["rule_tag"]] == TAG["I-content"]

    def test_without_rules_the_rule_column_is_empty(self) -> None:
        """The parse-only variant of the model sees no rule decision."""
        table = word_features(_said_that(), LEX, ())
        assert not table[:, FEATURES.index("rule_tag")].any()

    def test_windows_hold_whole_paragraphs_up_to_the_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Paragraphs share a window until it is full; then a new window starts at a paragraph break."""
        text = "Kang said it.\nLee said so."
        rows = ("Kang Kang PROPN 2 nsubj\nsaid say VERB 0 root\nit it PRON 2 obj\n. . PUNCT 2 punct",
                "Lee Lee PROPN 2 nsubj\nsaid say VERB 0 root\nso so ADV 2 advmod\n. . PUNCT 2 punct")
        parsed = doc(text, *rows)
        assert [w.tolist() for w in windows(parsed)] == [list(range(8))]
        monkeypatch.setattr(feats, "MAX_WINDOW", 5)
        assert [w.tolist() for w in windows(parsed)] == [[0, 1, 2, 3], [4, 5, 6, 7]]


class TestLinking:
    def _linker(self, content: dict[int, float], source: dict[int, float]) -> Linker:
        wc, ws = np.zeros(CONTENT_FEATURES), np.zeros(SOURCE_FEATURES)
        for i, w in content.items():
            wc[i] = w
        for i, w in source.items():
            ws[i] = w
        return Linker(tuple(wc), tuple(ws), 0.5, 0.5)

    def test_logistic_regression_separates_what_it_can(self) -> None:
        """Newton's method finds weights that put each class on its side."""
        rng = np.random.default_rng(1)
        x = np.column_stack([np.ones(200), rng.normal(size=200)])
        y = (x[:, 1] > 0).astype(float)
        w = fit_logistic(x, y, l2=1e-4)
        assert ((x @ w > 0) == (y > 0)).mean() > 0.97

    def test_a_content_goes_to_the_cue_the_rules_linked(self) -> None:
        """With weight only on the rule-link feature, the content joins the rules' cue and takes its source."""
        parsed = _said_that()
        rules = assemble(parsed, LEX)
        words = [w.text for w in parsed.words]
        content = Run("content", words.index("that"), len(words) - 2)
        cue, source = Run("cue", 1, 1), Run("source", 0, 0)
        ruled_content = 1 + 5 + 3 + 8 + 3 + 3  # bias, sentence gap, side, distance, cues between, 3 tree features
        ruled_source = 1 + 5 + 3 + 8 + 3 + 3
        linker = self._linker({0: -2.0, ruled_content: 4.0}, {0: -2.0, ruled_source: 4.0})
        linked = linker.link(parsed, [source, cue, content], rule_pairs(parsed, rules))
        assert linked == [Linked(cue, (content,), source)]

    def test_an_unlikely_link_is_left_out(self) -> None:
        """A content whose best cue scores under the threshold makes no attribution."""
        parsed = _said_that()
        linker = self._linker({0: -5.0}, {0: -5.0})
        assert linker.link(parsed, [Run("cue", 1, 1), Run("content", 4, 9)], frozenset()) == []


class TestBuild:
    def test_linked_runs_become_attributions_with_resolved_speakers(self) -> None:
        """Offsets index the text exactly, the cue keeps its lemma, the speaker is resolved like a rule's."""
        parsed = _said_that()
        words = parsed.words
        last = len(words) - 2
        (att,) = build(parsed, LEX, [Linked(Run("cue", 1, 1), (Run("content", 4, last),), Run("source", 0, 0))])
        text = parsed.text
        assert att.content.text == text[words[4].start:words[last].end]
        assert att.cue is not None and att.cue.span.text == "said" and att.cue.lemma == "say"
        assert att.speaker is not None and att.speaker.name == "Kang" and att.speaker.whole.text == "Kang"
        assert att.kind is QuoteKind.INDIRECT and att.rule == "learned"
        for span in (att.content.spans[0], att.cue.span, att.speaker.span):
            assert text[span.start:span.end] == span.text

    def test_the_attributor_runs_any_scorer(self) -> None:
        """A scorer that repeats the rules' tags reproduces the rules' attribution through the learned path."""
        parsed = _said_that()
        rules = assemble(parsed, LEX)
        rule_tags = word_features(parsed, LEX, rules)[:, FEATURES.index("rule_tag")]

        def scorer(batch):  # type: ignore[no-untyped-def]
            return [_one_hot([TAGS[rule_tags[i]] for i in range(len(f))]) for _, f in batch]

        linker = self._linker_from_rules()
        found = LearnedAttributor(scorer, linker).attribute(parsed, LEX, rules)
        assert [(a.speaker.whole.text if a.speaker else None, a.cue.span.text if a.cue else None, a.content.text)
                for a in found] == [(r.speaker.whole.text if r.speaker else None, r.cue.span.text if r.cue else None,
                                     r.content.text) for r in rules]

    @staticmethod
    def _linker_from_rules() -> Linker:
        wc, ws = np.zeros(CONTENT_FEATURES), np.zeros(SOURCE_FEATURES)
        wc[0], ws[0] = -2.0, -2.0
        wc[23], ws[23] = 4.0, 4.0
        return Linker(tuple(wc), tuple(ws), 0.5, 0.5)
