"""Verdicts, diffs, offsets and speaker checks on hand-made article/transcript pairs."""

from __future__ import annotations

import random
import time

import pytest

from quotes.core.attribution import Article, Attribution, Content, QuoteKind, Span
from quotes.app.verification import Verification, source_from_text, verify_article
from quotes.app.verification.matching import NOT_FOUND_BELOW, quoted_passages, speaker_matches
from tests.app.verification.helpers import MakeArticle

TRANSCRIPT = """\
MODERATOR: Senator, will you raise taxes?

SEN. WARREN: We will not raise taxes on working families. Not now, not ever. The plan costs $3 million \
over two years, and it pays for itself.

MR. SMITH: I don't think that's true. The bill, which we debated for many hours, is a disaster for farmers \
in the Midwest.
"""
SOURCE = source_from_text(TRANSCRIPT, file="debate.txt")


def verify(make_article: MakeArticle, text: str, content: str | tuple[str, ...], **kwargs: object) -> Verification:
    """The single verification of a one-attribution article against the debate transcript."""
    (result,) = verify_article(make_article(text, content, **kwargs), [SOURCE])
    return result


class TestVerbatim:
    def test_same_words(self, make_article: MakeArticle) -> None:
        """A quote with the source's words is verbatim, whatever its closing punctuation."""
        v = verify(make_article, "“We will not raise taxes on working families,” Warren said.",
                   "We will not raise taxes on working families,")
        assert (v.verdict, v.similarity, v.diff) == ("verbatim", 1.0, "")
        assert v.source is not None and v.source.text == "We will not raise taxes on working families"

    def test_quote_mark_and_apostrophe_style_do_not_count(self, make_article: MakeArticle) -> None:
        """Straight or curly quote marks and apostrophes are typography, not a change of words."""
        quote = "I don\u2019t think that\u2019s true."
        v = verify(make_article, f'Smith said: "{quote}"', quote)
        assert v.verdict == "verbatim"

    def test_quote_split_by_attribution(self, make_article: MakeArticle) -> None:
        """Each quotation of a split quote is its own verbatim passage; the comma before "Warren said" is ignored."""
        text = "“The plan costs $3 million over two years,” Warren said, “and it pays for itself.”"
        article = make_article(text, ("The plan costs $3 million over two years,", "and it pays for itself."))
        first, second = verify_article(article, [SOURCE])
        assert (first.verdict, second.verdict) == ("verbatim", "verbatim")
        assert first.source is not None and first.source.text == "The plan costs $3 million over two years"
        assert second.source is not None and second.source.text == "and it pays for itself"


class TestMinor:
    @pytest.mark.parametrize("marks", ["“”", '""', "«»", "‘’"])
    def test_punctuation_and_case(self, make_article: MakeArticle, marks: str) -> None:
        """Changed punctuation and case is minor, in any quote-mark style."""
        v = verify(make_article, f"{marks[0]}Not now. Not ever,{marks[1]} Warren said.", "Not now. Not ever,")
        assert v.verdict == "minor"
        assert v.diff == "Not [-now, not-]{+now. Not+} ever"

    def test_contraction(self, make_article: MakeArticle) -> None:
        """"do not" for "don't" is minor, and the diff shows it."""
        v = verify(make_article, "“I do not think that is true,” Smith said.", "I do not think that is true,")
        assert v.verdict == "minor"
        assert "[-don't-]{+do not+}" in v.diff

    @pytest.mark.parametrize("ellipsis", ["…", "...", "[...]", "[…]"])
    def test_ellipsis_dropping_a_clause(self, make_article: MakeArticle, ellipsis: str) -> None:
        """An ellipsis that drops words without negations or numbers is minor; the dropped words are shown."""
        quote = f"The bill {ellipsis} is a disaster for farmers in the Midwest"
        v = verify(make_article, f"“{quote},” Smith said.", quote)
        assert (v.verdict, v.similarity) == ("minor", 1.0)
        assert v.diff == "The bill …[-which we debated for many hours-] is a disaster for farmers in the Midwest"


class TestAltered:
    def test_changed_word(self, make_article: MakeArticle) -> None:
        """A changed word makes the quote altered, and the diff shows the swap."""
        v = verify(make_article, "“We will not raise taxes on farming families,” Warren said.",
                   "We will not raise taxes on farming families,")
        assert v.verdict == "altered"
        assert v.diff == "We will not raise taxes on [-working-]{+farming+} families"
        assert NOT_FOUND_BELOW <= v.similarity < 1

    def test_dropped_negation(self, make_article: MakeArticle) -> None:
        """Silently dropping "not" reverses the meaning: altered, with the negation in the diff."""
        v = verify(make_article, "“We will raise taxes on working families,” Warren said.",
                   "We will raise taxes on working families,")
        assert v.verdict == "altered"
        assert "[-not-]" in v.diff

    def test_ellipsis_hiding_a_negation(self, make_article: MakeArticle) -> None:
        """An ellipsis may drop words, but not a negation."""
        v = verify(make_article, "“We will … raise taxes on working families,” Warren said.",
                   "We will … raise taxes on working families,")
        assert v.verdict == "altered"
        assert v.diff == "We will …[-not-] raise taxes on working families"

    def test_ellipsis_hiding_a_number(self, make_article: MakeArticle) -> None:
        """An ellipsis may not drop a number either."""
        quote = "The plan costs … over two years,"
        v = verify(make_article, f"“{quote}” Warren said.", quote)
        assert v.verdict == "altered"
        assert "[-3 million-]" in v.diff


class TestNotFound:
    def test_absent_quote(self, make_article: MakeArticle) -> None:
        """A quote nobody said is not found, with its best candidate's similarity below the threshold."""
        v = verify(make_article, "“Our opponents want to abolish the postal service,” Warren said.",
                   "Our opponents want to abolish the postal service,")
        assert v.verdict == "not_found"
        assert v.similarity < NOT_FOUND_BELOW
        assert v.diff == ""

    def test_no_shared_word(self, make_article: MakeArticle) -> None:
        """When no source shares a single word there is no candidate at all."""
        v = verify(make_article, "“Zebras quack,” Warren said.", "Zebras quack,")
        assert (v.verdict, v.similarity, v.source) == ("not_found", 0.0, None)

    def test_threshold_is_adjustable(self, make_article: MakeArticle) -> None:
        """A stricter threshold turns an altered quote into a not-found one."""
        article = make_article("“We will not raise taxes on farming families,” Warren said.",
                               "We will not raise taxes on farming families,")
        (v,) = verify_article(article, [SOURCE], threshold=0.99)
        assert v.verdict == "not_found"


class TestParaphrase:
    def test_indirect_content(self, make_article: MakeArticle) -> None:
        """Reported speech gets the best-matching source sentence and a similarity, not a verdict on words."""
        v = verify(make_article, "Smith said the legislation would be a disaster for Midwest farmers.",
                   "the legislation would be a disaster for Midwest farmers", kind=QuoteKind.INDIRECT)
        assert v.verdict == "paraphrase"
        assert v.source is not None
        assert v.source.text == "The bill, which we debated for many hours, is a disaster for farmers in the Midwest."
        assert 0.5 < v.similarity < 1
        assert v.source_speaker == "MR. SMITH"

    def test_mixed_content_checks_its_quoted_words(self, make_article: MakeArticle) -> None:
        """A mixed content is checked on the words inside its quotation marks."""
        text = "Smith said the bill was “a disaster for farmers” and “a waste of time”."
        content = "the bill was “a disaster for farmers” and “a waste of time”"
        results = verify_article(make_article(text, content, kind=QuoteKind.MIXED), [SOURCE])
        assert [(v.quote.text, v.verdict, v.passage) for v in results] == [
            ("a disaster for farmers", "verbatim", 0), ("a waste of time", "not_found", 1),
            (content, "paraphrase", None),
        ]
        assert all(text[v.quote.start : v.quote.end] == v.quote.text for v in results)


class TestQuotedPassages:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("He called it “a disaster” today", ["a disaster"]),
            ('He called it "a disaster" and "a mess"', ["a disaster", "a mess"]),
            ("Il a parlé d’« une catastrophe » hier", ["une catastrophe"]),
            ("He called it ‘a disaster we don’t need’ today", ["a disaster we don’t need"]),
            ("It’s the farmers’ problem, he said", []),
        ],
    )
    def test_styles(self, make_article: MakeArticle, text: str, expected: list[str]) -> None:
        """Quoted stretches are found in every common style, and apostrophes are not quote marks."""
        (attribution,) = make_article(text, text, kind=QuoteKind.MIXED).attributions
        assert [p.span.text for p in quoted_passages(text, attribution)] == expected

class TestParaphraseWithoutSharedWords:
    def test_no_candidate_without_a_shared_content_word(self, make_article: MakeArticle) -> None:
        """A paraphrase sharing no content word with any sentence gets no source, not an arbitrary one."""
        v = verify(make_article, "Smith said he would vote against it next year.", "he would vote against it next year",
                   kind=QuoteKind.INDIRECT)
        assert (v.verdict, v.similarity, v.source) == ("paraphrase", 0.0, None)


class TestSpeakerCheck:
    def test_last_name_matches_label(self, make_article: MakeArticle) -> None:
        """A turn labelled "SEN. WARREN" matches the article's "Elizabeth Warren"."""
        v = verify(make_article, "“We will not raise taxes on working families,” Elizabeth Warren said.",
                   "We will not raise taxes on working families,", speaker="Elizabeth Warren", name="Elizabeth Warren")
        assert (v.source_speaker, v.speaker_matches) == ("SEN. WARREN", True)

    def test_wrong_speaker(self, make_article: MakeArticle) -> None:
        """Words that Smith said but the article gives to Warren are flagged."""
        v = verify(make_article, "“I don't think that's true,” Elizabeth Warren said.",
                   "I don't think that's true,", speaker="Elizabeth Warren", name="Elizabeth Warren")
        assert v.verdict == "verbatim"
        assert (v.source_speaker, v.speaker_matches) == ("MR. SMITH", False)

    def test_unresolved_pronoun(self, make_article: MakeArticle) -> None:
        """A bare "she" cannot be compared with a name: unknown, not a mismatch."""
        v = verify(make_article, "“Not now, not ever,” she said.", "Not now, not ever,", speaker="she")
        assert (v.source_speaker, v.speaker_matches) == ("SEN. WARREN", None)

    def test_source_without_turns(self, make_article: MakeArticle) -> None:
        """A press release has no turns, so there is nothing to check."""
        release = source_from_text("Senator Warren said: we will not raise taxes on working families.")
        article = make_article("“We will not raise taxes,” Warren said.", "We will not raise taxes,",
                               speaker="Warren", name="Elizabeth Warren")
        (v,) = verify_article(article, [release])
        assert (v.verdict, v.source_speaker, v.speaker_matches) == ("verbatim", None, None)

    @pytest.mark.parametrize(
        ("label", "names", "expected"),
        [
            ("PRESIDENT BIDEN", ["Joe Biden"], True),
            ("Biden", ["President Joe Biden"], True),
            ("Q", ["Joe Biden"], False),
            ("MS. KLOBUCHAR", [None, "Klobuchar"], True),
        ],
    )
    def test_label_against_names(self, label: str, names: list[str | None], expected: bool) -> None:
        """Titles in labels are ignored and a last name is enough."""
        assert speaker_matches(label, names) is expected


class TestSources:
    def test_offsets_point_into_the_source(self, make_article: MakeArticle) -> None:
        """The reported passage is exactly the source's text between its offsets, with its line number."""
        v = verify(make_article, "“It pays for itself,” Warren said.", "It pays for itself,")
        assert v.source is not None
        assert TRANSCRIPT[v.source.start : v.source.end] == v.source.text == "it pays for itself"
        assert (v.source.file, v.source.line) == ("debate.txt", 3)

    def test_best_source_wins(self, make_article: MakeArticle) -> None:
        """With several sources, the quote is matched in the one that holds it."""
        other = source_from_text("Officials met on Tuesday to discuss the harvest.", file="release.txt")
        article = make_article("“The bill is a disaster,” Smith said.", "The bill is a disaster,")
        (v,) = verify_article(article, [other, source_from_text("Smith: The bill is a disaster.", file="b.txt")])
        assert v.source is not None and v.source.file == "b.txt"


class TestSpeed:
    def test_long_transcript(self) -> None:
        """Fifty quotes against a 10,000-word transcript take well under a second."""
        rng = random.Random(0)
        vocabulary = [f"w{i}" for i in range(2000)] + ["the", "and", "of", "to", "we"] * 200
        words = rng.choices(vocabulary, k=10_000)
        transcript = source_from_text(" ".join(words), file="long.txt")
        quotes = [" ".join(words[i : i + 15]) for i in rng.sample(range(9_900), 50)]
        text = "\n\n".join(f"“{quote},” she said." for quote in quotes)
        starts = [text.index(quote) for quote in quotes]
        article = Article(text, tuple(
            Attribution(Content.of(text, [(s, s + len(q))]), None, None, QuoteKind.DIRECT, Span.of(text, s, s), 0, "t")
            for s, q in zip(starts, quotes, strict=True)
        ))
        started = time.perf_counter()
        results = verify_article(article, [transcript])
        assert time.perf_counter() - started < 1.0
        assert {v.verdict for v in results} == {"verbatim"}
