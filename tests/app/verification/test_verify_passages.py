"""One verdict per quoted passage: mixed quotes' quoted words, multi-quotation contents, short passages, ellipses."""

from __future__ import annotations

import json
from typing import ClassVar

import pytest

import quotes
from quotes.app.verification import (
    Verification,
    as_sources,
    quoted_passages,
    source_from_text,
    verify,
    verify_article,
)
from quotes.core.attribution import Article, QuoteKind
from tests.app.verification.helpers import build_attribution

TRANSCRIPT = """\
REPORTER: Will the bridge be ready?

MAYOR ADEYEMI: We will finish the bridge by spring, and we will do it without new tolls. I think this is a \
good deal. The plan is sound. Frankly, most people on the board have read it. The council asked for a \
humanitarian corridor, and we said yes.

MR. OKAFOR: Tolls are a tax. We never agreed to a catastrophic budget, which the mayor wrote alone.
"""
SOURCE = source_from_text(TRANSCRIPT, file="meeting.txt")


def check(text: str, *attributions: dict[str, object]) -> list[Verification]:
    """Verify an article with the given attributions (keyword sets for ``build_attribution``) against the meeting."""
    built = tuple(build_attribution(text, **spec) for spec in attributions)  # type: ignore[arg-type]
    return verify_article(Article(text, built, "article.txt"), [SOURCE])


def passages_of(results: list[Verification]) -> list[tuple[str, str]]:
    """(quoted words, verdict) of the passage results, the indirect parts left out."""
    return [(v.quoted or v.quote.text, v.verdict) for v in results if v.passage is not None]


class TestMixedQuoteVerdicts:
    @pytest.mark.parametrize(
        ("quoted", "verdict"),
        [
            ("will finish the bridge by spring", "verbatim"),
            ("will finish the bridge by spring, and we'll do it", "minor"),
            ("will finish the bridge by spring without new tolls", "altered"),
            ("the best in the province's history", "not_found"),
        ],
    )
    def test_quoted_words_get_a_verdict(self, quoted: str, verdict: str) -> None:
        """The words inside a mixed quote's marks get a verdict of their own, not a paraphrase similarity."""
        text = f'Adeyemi said the city "{quoted}."'
        content = f'the city "{quoted}'  # the parser stops a mixed content before its closing mark
        results = check(text, {"content": content, "kind": QuoteKind.MIXED, "speaker": "Adeyemi", "name": "Adeyemi"})
        assert passages_of(results) == [(f"{quoted}.", verdict)]

    def test_altered_diff_shows_the_dropped_clause(self) -> None:
        """Two clauses joined into one show the words dropped between them, not invented ones."""
        text = 'He said the agency "will finish the bridge by spring without new tolls."'
        (passage, _indirect) = check(text, {"content": 'the agency "will finish the bridge by spring without new tolls',
                                            "kind": QuoteKind.MIXED})
        assert passage.diff == "will finish the bridge by spring [-and we will do it-] without new tolls"

    def test_indirect_part_keeps_its_paraphrase_result(self) -> None:
        """The words outside the marks get one paraphrase result, last, with the best source sentence."""
        text = 'He said the agency "will finish the bridge by spring without new tolls."'
        content = 'the agency "will finish the bridge by spring without new tolls'
        passage, indirect = check(text, {"content": content, "kind": QuoteKind.MIXED})
        assert (passage.passage, indirect.passage) == (0, None)
        assert (indirect.verdict, indirect.quote.text) == ("paraphrase", content)
        assert indirect.source is not None and indirect.source.text.startswith("We will finish the bridge")
        assert 0 < indirect.similarity <= 1


class TestMultiQuotation:
    TEXT = '"The plan is sound," Okafor said. "Everyone on the board has read it."'
    SPEC: ClassVar[dict[str, object]] = {
        "content": ("The plan is sound", "Everyone on the board has read it"), "speaker": "Okafor", "name": "Okafor"}

    def test_each_quotation_has_its_verdict(self) -> None:
        """One quotation verbatim and the other altered: the reader sees which."""
        assert passages_of(check(self.TEXT, self.SPEC)) == [
            ("The plan is sound,", "verbatim"), ("Everyone on the board has read it.", "altered")
        ]

    def test_passages_never_cross_the_reporting_clause(self) -> None:
        """Each passage's span lies inside its own marks and indexes the article exactly."""
        results = check(self.TEXT, self.SPEC)
        for v in results:
            assert self.TEXT[v.quote.start : v.quote.end] == v.quote.text
            assert "Okafor said" not in v.quote.text

    def test_bare_quotation_has_no_indirect_part(self) -> None:
        """With nothing outside the marks there is no paraphrase result."""
        assert [v.passage for v in check(self.TEXT, self.SPEC)] == [0, 1]

    def test_results_keep_their_attribution(self) -> None:
        """Index, speaker, cue and kind of the attribution travel with every passage, into the JSON too."""
        text = self.TEXT + ' Adeyemi called it "a good deal."'
        results = check(text, self.SPEC, {"content": 'it "a good deal', "kind": QuoteKind.MIXED, "speaker": "Adeyemi",
                                          "cue": "called", "after": len(self.TEXT)})
        assert [(v.attribution, v.passage, v.speaker, v.cue, v.kind) for v in results] == [
            (0, 0, "Okafor", "said", QuoteKind.DIRECT), (0, 1, "Okafor", "said", QuoteKind.DIRECT),
            (1, 0, "Adeyemi", "called", QuoteKind.MIXED), (1, None, "Adeyemi", "called", QuoteKind.MIXED),
        ]
        record = json.loads(json.dumps(results[1].to_dict()))
        assert (record["attribution"], record["passage"], record["cue"]) == (0, 1, "said")
        assert record["quote"] == {"text": "Everyone on the board has read it.", "start": 35, "end": 69}


class TestShortPassages:
    def test_one_word_present_in_speakers_turn(self) -> None:
        """A one-word quote the speaker said is verbatim, located in the speaker's turn."""
        text = 'Adeyemi backed a "humanitarian" corridor.'
        (v, _indirect) = check(text, {"content": 'a "humanitarian" corridor', "kind": QuoteKind.MIXED,
                                      "speaker": "Adeyemi", "name": "Adeyemi", "cue": "backed"})
        assert (v.verdict, v.quote.text, v.source_speaker, v.speaker_matches) == (
            "verbatim", "humanitarian", "MAYOR ADEYEMI", True
        )

    def test_one_word_absent(self) -> None:
        """A one-word quote nobody said is not found, never altered, with no candidate."""
        text = 'Adeyemi called the budget "reckless."'
        (v, _indirect) = check(text, {"content": 'the budget "reckless', "kind": QuoteKind.MIXED,
                                      "speaker": "Adeyemi", "name": "Adeyemi", "cue": "called"})
        assert (v.verdict, v.similarity, v.source) == ("not_found", 0.0, None)

    def test_words_of_another_speaker_are_not_found(self) -> None:
        """Words only someone else said are not found; the candidate shows who said them."""
        text = 'Adeyemi called the budget "catastrophic."'
        (v, _indirect) = check(text, {"content": 'the budget "catastrophic', "kind": QuoteKind.MIXED,
                                      "speaker": "Adeyemi", "name": "Adeyemi", "cue": "called"})
        assert (v.verdict, v.source_speaker, v.speaker_matches) == ("not_found", "MR. OKAFOR", False)

    def test_unknown_speaker_searches_the_whole_source(self) -> None:
        """With only "she" to go on, the words may be anyone's."""
        text = 'She called the budget "catastrophic."'
        (v, _indirect) = check(text, {"content": 'the budget "catastrophic', "kind": QuoteKind.MIXED,
                                      "speaker": "She", "cue": "called"})
        assert (v.verdict, v.source_speaker, v.speaker_matches) == ("verbatim", "MR. OKAFOR", None)

    def test_two_words_out_of_order_are_not_altered(self) -> None:
        """Two words that occur, but not together, are not found rather than a false altered."""
        text = 'Okafor said tolls are "never tax."'
        (v, _indirect) = check(text, {"content": 'tolls are "never tax', "kind": QuoteKind.MIXED,
                                      "speaker": "Okafor", "name": "Okafor"})
        assert v.verdict == "not_found"


class TestEllipsis:
    def test_ellipsis_inside_a_passage(self) -> None:
        """An ellipsis inside one quotation drops words between its segments: minor, the dropped words shown."""
        text = '"The plan is sound. … Most people on the board have read it," Adeyemi said.'
        (v,) = check(text, {"content": "The plan is sound. … Most people on the board have read it,",
                            "speaker": "Adeyemi", "name": "Adeyemi"})
        assert (v.verdict, v.similarity) == ("minor", 1.0)
        assert v.diff == "The plan is sound …[-Frankly-] Most people on the board have read it"

    def test_ellipsis_in_a_mixed_quote_hiding_a_negation(self) -> None:
        """An ellipsis inside a mixed quote's words may not drop a negation."""
        text = 'Okafor said that "we … agreed to a catastrophic budget."'
        (v, _indirect) = check(text, {"content": 'that "we … agreed to a catastrophic budget',
                                      "kind": QuoteKind.MIXED, "speaker": "Okafor", "name": "Okafor"})
        assert v.verdict == "altered"
        assert v.diff.startswith("we …[-never-] agreed")


class TestPassageBounds:
    def test_unclosed_quotation_stops_at_the_content(self) -> None:
        """A quotation that never closes is cut where the content ends, not at the paragraph's end."""
        text = '"Tolls are a tax, Okafor said on Monday'
        attribution = build_attribution(text, "Tolls are a tax,", speaker="Okafor", name="Okafor")
        (passage,) = quoted_passages(text, attribution)
        assert passage.span.text == "Tolls are a tax,"

    def test_marks_paired_across_the_reporting_clause(self) -> None:
        """A missing closing mark pairs the marks around "Okafor said": each content piece is its own passage."""
        text = '"The plan is sound, Okafor said. Everyone has read it."'
        attribution = build_attribution(text, ("The plan is sound,", "Everyone has read it."), speaker="Okafor",
                                        name="Okafor")
        assert [p.span.text for p in quoted_passages(text, attribution)] == ["The plan is sound,",
                                                                             "Everyone has read it."]

    def test_direct_content_without_marks_is_checked_whole(self) -> None:
        """A direct content whose marks the scanner cannot pair is still checked, one passage per piece."""
        text = "Tolls are a tax, Okafor said, and we never agreed."
        attribution = build_attribution(text, ("Tolls are a tax,", "and we never agreed."), cue="said")
        assert [p.span.text for p in quoted_passages(text, attribution)] == ["Tolls are a tax,", "and we never agreed."]

    def test_indirect_content_has_no_passages(self) -> None:
        """Reported speech without marks gets its paraphrase result only."""
        text = "Okafor said tolls were a kind of tax."
        (v,) = check(text, {"content": "tolls were a kind of tax", "kind": QuoteKind.INDIRECT, "speaker": "Okafor"})
        assert (v.verdict, v.passage, v.source_speaker) == ("paraphrase", None, "MR. OKAFOR")


class TestLibrary:
    def test_sources_from_text_paths_and_objects(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        """``quotes.verify`` takes a source as its text, as a path or as a Source, and reads them all alike."""
        path = tmp_path / "meeting.txt"
        path.write_text(TRANSCRIPT, encoding="utf-8")
        loaded = as_sources([TRANSCRIPT, path, SOURCE])
        assert [source.text for source in loaded] == [TRANSCRIPT] * 3
        assert [source.file for source in loaded] == ["<source 1>", str(path), "meeting.txt"]
        assert [turn.speaker for turn in loaded[0].turns] == ["REPORTER", "MAYOR ADEYEMI", "MR. OKAFOR"]

    def test_missing_path_fails_before_the_model(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        """A source path that does not exist raises OSError before any extractor is built."""
        with pytest.raises(OSError):
            quotes.verify("text", [tmp_path / "absent.txt"])

    def test_exported(self) -> None:
        """The package exports the function and the result class."""
        assert (quotes.verify, quotes.Verification) == (verify, Verification)


@pytest.mark.integration
class TestIssueExamples:
    ARTICLE = (
        'He said the agency "will finish the bridge by spring without new tolls."\n\n'
        "She called the deal \"the best in the province's history.\"\n\n"
        '"The plan is sound," Okafor said. "Everyone on the board has read it."\n'
    )
    SOURCE = (
        "MAYOR: We will finish the bridge by spring, and we will do it without new tolls.\n"
        "MAYOR: I think this is a good deal.\n"
        "OKAFOR: The plan is sound. Frankly, most people on the board have read it.\n"
    )

    def test_issue_examples_through_the_pipeline(self, extractor) -> None:  # type: ignore[no-untyped-def]
        """The issue's articles: altered and not_found mixed quotes, then one verbatim and one altered quotation."""
        results = quotes.verify(self.ARTICLE, [self.SOURCE], extractor=extractor)
        assert passages_of(results) == [
            ("will finish the bridge by spring without new tolls.", "altered"),
            ("the best in the province's history.", "not_found"),
            ("The plan is sound,", "verbatim"),
            ("Everyone on the board has read it.", "altered"),
        ]
        assert [(v.attribution, v.passage) for v in results if v.kind is not QuoteKind.DIRECT] == [
            (0, 0), (0, None), (1, 0), (1, None)
        ]
        assert all(self.ARTICLE[v.quote.start : v.quote.end] == v.quote.text for v in results)
