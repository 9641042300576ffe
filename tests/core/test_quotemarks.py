"""Tests for finding quotations by their marks (quotes.core.quotemarks)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.core.quotemarks import STYLES, Quotation, find_quotations

NBSP = "\u00a0"
ALL_MARKS = "\"'“”„«»‘’"


def inners(text: str) -> list[str]:
    return [q.inner(text) for q in find_quotations(text)]


def check_invariants(text: str, found: list[Quotation]) -> None:
    """Assert the offset guarantees every result must keep."""
    last_end = 0
    for q in found:
        assert last_end <= q.start, "sorted and non-overlapping"
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)
        assert q.style in STYLES
        assert text[q.start] in ALL_MARKS
        if q.closed:
            assert text[q.end - 1] in ALL_MARKS
        assert q.pieces[0][0] == q.inner_start and q.pieces[-1][1] == q.inner_end
        piece_end = q.inner_start
        for start, end in q.pieces:
            assert piece_end <= start <= end
            piece_end = end
        if len(q.pieces) == 1:
            assert q.inner(text) == text[q.inner_start : q.inner_end]
        last_end = q.end


class TestStyles:
    """Each quotation-mark style is found with its inner text."""

    @pytest.mark.parametrize(
        ("text", "style", "inner"),
        [
            ('He said "We will win" today.', "double", "We will win"),
            ("He said “We will win” today.", "curly", "We will win"),
            ("Il a dit «Nous gagnerons» hier.", "guillemet", "Nous gagnerons"),
            (f"Il a dit «{NBSP}Nous gagnerons{NBSP}» hier.", "guillemet", "Nous gagnerons"),
            ("Er sagte »Wir gewinnen« gestern.", "guillemet", "Wir gewinnen"),
            (f"Er sagte »{NBSP}Wir gewinnen{NBSP}« gestern.", "guillemet", "Wir gewinnen"),
            ("Er sagte „Wir gewinnen“ gestern.", "low-high", "Wir gewinnen"),
            ("Er sagte „Wir gewinnen” gestern.", "low-high", "Wir gewinnen"),
            ("He said ‘We will win’ today.", "curly-single", "We will win"),
            ("He said 'We will win' today.", "single", "We will win"),
        ],
    )
    def test_style(self, text: str, style: str, inner: str) -> None:
        """One well-formed quotation of the style is found, closed, marks excluded."""
        [q] = find_quotations(text)
        assert (q.style, q.inner(text), q.closed) == (style, inner, True)
        assert text[q.start] in ALL_MARKS and text[q.end - 1] in ALL_MARKS
        assert text[q.inner_start : q.inner_end] == inner

    def test_offsets_of_double_quote(self) -> None:
        """Offsets point at the marks and the text between them."""
        text = 'He said "We will win" today.'
        assert find_quotations(text) == [
            Quotation(start=8, end=21, inner_start=9, inner_end=20, closed=True, style="double", pieces=((9, 20),))
        ]

    def test_several_styles_in_one_paragraph(self) -> None:
        """Quotes of different styles follow one another in text order."""
        text = "„Ja“, sagte er. “Yes,” he said. «Oui», dit-il. 'Si,' dijo."
        assert [q.style for q in find_quotations(text)] == ["low-high", "curly", "guillemet", "single"]
        assert inners(text) == ["Ja", "Yes,", "Oui", "Si,"]


class TestApostrophes:
    """Apostrophes are not mistaken for single quotation marks."""

    @pytest.mark.parametrize(
        "text",
        [
            "I don't know.",
            "Kim’s dog and Kim's cat.",
            "Music of the '90s and the ’80s and the ‘70s.",
            "He loves rock 'n' roll and rock ’n’ roll.",
            "The students’ union met the teachers' union.",
            "'Tis the season, ’twas the night.",
            "Give 'em a break.",
        ],
    )
    def test_no_quote(self, text: str) -> None:
        """A text with apostrophes only has no quotation."""
        assert find_quotations(text) == []

    def test_possessive_inside_quote(self) -> None:
        """A plural possessive does not close a single quote that ends with punctuation."""
        text = "‘The students’ union is ours,’ he said."
        assert inners(text) == ["The students’ union is ours,"]

    def test_apostrophes_around_a_quote(self) -> None:
        """A real single quote is found among apostrophes."""
        text = "The students’ union said ‘we won’t strike’ on Kim’s birthday in the '90s."
        assert inners(text) == ["we won’t strike"]

    def test_two_scare_quotes(self) -> None:
        """Two short single quotes in one sentence stay separate."""
        text = "He cited 'humanitarian' factors and 'rock'."
        assert inners(text) == ["humanitarian", "rock"]

    def test_unpaired_single_opener_is_dropped(self) -> None:
        """A single mark that opens but never closes in its paragraph is not a quote."""
        assert find_quotations("He said 'maybe it was nothing.\n\nNext paragraph.") == []


class TestNesting:
    """Quotes inside quotes belong to the outer quotation."""

    def test_single_inside_double(self) -> None:
        """Single quotes nested in double quotes are not reported separately."""
        text = "\"He said 'no way' to me,\" she said."
        [q] = find_quotations(text)
        assert (q.style, q.inner(text)) == ("double", "He said 'no way' to me,")

    def test_curly_single_inside_curly(self) -> None:
        """Curly single quotes nested in curly double quotes stay inside."""
        text = "“He said ‘no way’ and ‘never’,” she said."
        assert inners(text) == ["He said ‘no way’ and ‘never’,"]

    def test_double_inside_single(self) -> None:
        """British style: double quotes nested in single quotes."""
        text = "‘They called it “a disgrace”,’ he said."
        assert inners(text) == ["They called it “a disgrace”,"]

    def test_unclosed_nested_single(self) -> None:
        """An apostrophe opening a nested quote does not hold the outer quote open."""
        text = "\"'Cause I said so,\" she said. \"Fine.\""
        assert inners(text) == ["'Cause I said so,", "Fine."]

    def test_curly_inside_curly(self) -> None:
        """The same curly marks nested one level deep."""
        text = "“He said “no” today,” she said."
        assert inners(text) == ["He said “no” today,"]

    def test_straight_inside_straight(self) -> None:
        """Straight double marks nested one level deep (scraped text)."""
        text = 'He said: "We want "humanitarian" factors," he said.'
        assert inners(text) == ['We want "humanitarian" factors,']


class TestUnbalanced:
    """Unbalanced marks never raise and are handled best-effort."""

    def test_unclosed_quote_ends_at_paragraph_end(self) -> None:
        """An opener with no closer closes at the end of its paragraph, closed=False."""
        text = 'He said "We will win  \n\nLater "one" more.'
        first, second = find_quotations(text)
        assert (first.inner(text), first.closed, first.end) == ("We will win", False, text.index("win") + 3)
        assert (second.inner(text), second.closed) == ("one", True)

    def test_stray_closers_are_ignored(self) -> None:
        """Closing marks without an opener give no quotation."""
        assert find_quotations("He is 6'2\" tall, word” more » end.") == []

    def test_closer_set_off_by_a_stray_space(self) -> None:
        """'… doing this, " Trump said.': a straight mark with spaces on both sides right after a comma closes the
        open quotation, rather than running it on over the reporting clause."""
        text = '"He should be ashamed. It is a disgrace that he is doing this, " Trump said. Then "more" came.'
        assert inners(text) == ["He should be ashamed. It is a disgrace that he is doing this,", "more"]
        assert inners('He said " and then left.') == []

    def test_stray_closer_before_a_quote(self) -> None:
        """A stray closer does not disturb a following quote."""
        text = 'A 12" pizza, he said: "Delicious."'
        assert inners(text) == ["Delicious."]

    def test_empty_string(self) -> None:
        """The empty text has no quotation."""
        assert find_quotations("") == []

    @pytest.mark.parametrize("text", ['"', "'", "“", "”", "„", "«", "»", "‘", "’", '""', "''", ALL_MARKS, ALL_MARKS * 3])
    def test_only_marks(self, text: str) -> None:
        """Texts made of marks alone keep the invariants."""
        check_invariants(text, find_quotations(text))

    def test_empty_quote(self) -> None:
        """Two marks with nothing between them are an empty quotation."""
        [q] = find_quotations('""')
        assert (q.inner_start, q.inner_end, q.closed) == (1, 1, True)


class TestParagraphs:
    """Quotes continued over paragraphs follow the news convention."""

    def test_continuation_over_three_paragraphs(self) -> None:
        """A quote reopened at each paragraph start is one quotation with one piece per paragraph."""
        text = '"First part.\n\n"Second part.\n"Third part," he said. Then "x".'
        first, second = find_quotations(text)
        assert first.pieces == ((1, 12), (15, 27), (29, 40))
        assert (first.start, first.end, first.closed) == (0, 41, True)
        assert first.inner(text) == "First part.\nSecond part.\nThird part,"
        assert second.inner(text) == "x"

    def test_continuation_in_other_styles(self) -> None:
        """Curly and single quotes continue the same way."""
        curly = "“One.\n\n“Two,” he said."
        single = "‘One.\n\n‘Two with ‘nested’ words,’ he said."
        assert inners(curly) == ["One.\nTwo,"]
        assert inners(single) == ["One.\nTwo with ‘nested’ words,"]

    def test_no_continuation_without_mark(self) -> None:
        """A next paragraph without an opening mark leaves the quote unclosed at its own end."""
        text = '"First part.\n\nHe went home. "Ok," he said.'
        first, second = find_quotations(text)
        assert (first.inner(text), first.closed, first.end) == ("First part.", False, 12)
        assert (second.inner(text), second.closed) == ("Ok,", True)

    def test_chain_that_never_closes(self) -> None:
        """A continued quote whose last paragraph does not close ends there, closed=False."""
        text = "“One.\n\n“Two.\n\nNot quoted."
        [q] = find_quotations(text)
        assert (q.pieces, q.closed, q.end) == (((1, 5), (8, 12)), False, 12)


class TestGluedAndMixed:
    """Scraper artefacts and partial quotes are found."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ('He said."We will win," she added.', ["We will win,"]),
            ('He said:"We will win"', ["We will win"]),
            ('He said: "We will win."', ["We will win."]),
            ('"Yes,"he said."No."', ["Yes,", "No."]),
        ],
    )
    def test_glued(self, text: str, expected: list[str]) -> None:
        """Quotes glued to the surrounding text or after a colon are found."""
        assert inners(text) == expected

    def test_mixed_quote(self) -> None:
        """A quoted word inside a sentence is an ordinary short quotation."""
        text = 'The court ruled taking into account "humanitarian" factors.'
        assert inners(text) == ["humanitarian"]


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ", min_size=1, max_size=7).filter(
    lambda word: word.lower() not in {"n", "em", "tis", "twas"}
)
NOISE = st.lists(
    st.one_of(
        WORD,
        st.sampled_from([" ", " ", "  ", "\n", "\n\n", NBSP, ",", ".", ":", "(", ")", "-", "1", "90s"]),
        st.sampled_from(list(ALL_MARKS)),
    ),
    max_size=40,
).map("".join)
WELL_FORMED = [
    ("double", '"', '"'),
    ("curly", "“", "”"),
    ("low-high", "„", "“"),
    ("low-high", "„", "”"),
    ("guillemet", "«", "»"),
    ("guillemet", f"«{NBSP}", f"{NBSP}»"),
    ("guillemet", "»", "«"),
    ("guillemet", f"»{NBSP}", f"{NBSP}«"),
    ("single", "'", "'"),
    ("curly-single", "‘", "’"),
]
SEGMENT = st.tuples(
    st.lists(WORD, max_size=3),
    st.sampled_from([" ", ": "]),
    st.sampled_from(WELL_FORMED),
    st.lists(WORD, min_size=1, max_size=5),
    st.sampled_from(["", ",", ".", "?"]),
)


class TestProperties:
    """Random texts keep the offset invariants; well-formed quotes round-trip."""

    @settings(max_examples=200, deadline=None)
    @given(NOISE)
    def test_random_text_keeps_invariants(self, text: str) -> None:
        """Any mix of words, spaces, newlines and marks gives sorted, in-bounds, non-overlapping quotes."""
        check_invariants(text, find_quotations(text))

    def test_single_quote_after_a_closing_pair_keeps_its_own_start(self) -> None:
        """Found by the property above: a closing '' pair, then a single-quoted 'A'."""
        text = '"' + "'''A'"
        found = find_quotations(text)
        check_invariants(text, found)
        assert [(q.style, q.start, q.end) for q in found] == [("double", 0, 3), ("single", 3, 6)]

    @settings(max_examples=200, deadline=None)
    @given(st.lists(SEGMENT, min_size=1, max_size=4), st.lists(WORD, max_size=3))
    def test_well_formed_quotes_round_trip(self, segments: list, suffix: list[str]) -> None:
        """Quotes built from words in a random style are found with exact offsets."""
        text = ""
        expected = []
        for n, (before, sep, (style, opener, closer), words, punct) in enumerate(segments):
            before = before if before or n == 0 else ["and"]
            if before:
                text += " ".join(before) + sep
            elif n:
                text += " "
            start = len(text)
            inner = " ".join(words) + punct
            text += opener
            inner_start = start + len(opener)
            text += inner + closer
            expected.append(
                Quotation(
                    start=start,
                    end=len(text),
                    inner_start=inner_start,
                    inner_end=inner_start + len(inner),
                    closed=True,
                    style=style,
                    pieces=((inner_start, inner_start + len(inner)),),
                )
            )
            text += " "
        text += " ".join(suffix)
        assert find_quotations(text) == expected


class TestPerformance:
    """Large inputs are scanned in roughly linear time."""

    def test_large_news_text(self) -> None:
        """A 200 KB article with many quotes and apostrophes finishes and finds every quote."""
        paragraph = (
            "The minister said: \"We won't give in to the '90s nostalgia of Kim’s party.\" "
            "Critics called it ‘a disgrace,’ citing «humanitarian» factors.\n\n"
        )
        text = paragraph * (200_000 // len(paragraph))
        found = find_quotations(text)
        assert len(found) == 3 * (200_000 // len(paragraph))
        check_invariants(text, found)

    def test_pathological_marks(self) -> None:
        """200 KB of unbalanced, nested marks in one paragraph finishes."""
        text = "\"‘a “b «c 'd » ’e " * 12_000
        check_invariants(text, find_quotations(text))


class TestPairedApostrophes:
    def test_nyt_style_double_apostrophes(self) -> None:
        """''Q,'' (two apostrophes as a double quote, NYT style) is one quotation spanning both pairs."""
        text = "He said ''There is no limit,'' and left."
        (quote,) = find_quotations(text)
        assert text[quote.start : quote.end] == "''There is no limit,''"
        assert quote.inner(text) == "There is no limit,"

    def test_pair_closing_after_a_nested_quote(self) -> None:
        """''I hate the term 'X,' '' she said: the pair after the nested closer and a space closes the quote."""
        text = "''I hate the term 'Manhattan poor,' '' she said.\n\n''Isabelle thinks so,'' Ms. Sherry said."
        first, second = find_quotations(text)
        assert text[first.start : first.end] == "''I hate the term 'Manhattan poor,' ''"
        assert first.inner(text) == "I hate the term 'Manhattan poor,'"
        assert second.inner(text) == "Isabelle thinks so,"

    def test_straight_closer_after_a_nested_quote_and_a_space(self) -> None:
        """"… tells 'them that S,' " Reeves wrote: the double mark after the nested closer ends the quotation."""
        text = "\"Favor tells 'them that they are outsiders,' \" Reeves wrote, citing precedent."
        (quote,) = find_quotations(text)
        assert text[quote.start : quote.end] == "\"Favor tells 'them that they are outsiders,' \""
        assert quote.closed and quote.inner(text) == "Favor tells 'them that they are outsiders,'"


class TestOneHomeForMarks:
    """The rules ask this module about marks and paragraphs instead of keeping their own sets."""

    @pytest.mark.parametrize("token, before, closes", [
        ("\u201d", [], True), ("''", [], True), ("\u00bb", [], True),
        ('"', ['"'], True), ('"', [], False), ('"', ['"', "x", '"'], False), ("\u201c", ['"'], False),
    ])
    def test_closes_quotation(self, token: str, before: list[str], closes: bool) -> None:
        """Curly and PTB closers always close; a straight mark closes after an odd number of straight marks."""
        from quotes.core.quotemarks import closes_quotation

        assert closes_quotation(token, before) is closes

    def test_opens_quoted(self) -> None:
        """A span opens quoted when a mark stands on or right before its first character."""
        from quotes.core.quotemarks import opens_quoted

        text = 'He said "we won" and we lost.'
        assert opens_quoted(text, text.index("we won")) and opens_quoted(text, text.index('"'))
        assert not opens_quoted(text, text.index("and"))

    @pytest.mark.parametrize("text", [
        "''We will win,'' he said.\n''And soon.''",
        "He said: ``Yes.''\n\nShe said: \"No.\"",
        "\"It is 'wrong,' \" Reeves wrote.\n\"Q2.\"",
        "Plain \"text\" with marks.\nAnd a second paragraph.",
    ])
    def test_paragraphs_handed_in_give_the_same_quotations(self, text: str) -> None:
        """The caller's paragraphs are used only where the scanner reads the text itself; the result is the same."""
        from quotes.core.quotemarks import paragraphs

        assert find_quotations(text, paragraphs(text)) == find_quotations(text)

    def test_paragraphs_are_computed_once_per_document(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Assembling a document splits it into paragraphs once, for the marks, the headlines and the follow-ons."""
        import quotes.core.assemble as assemble_module
        import quotes.core.quotemarks as quotemarks
        from quotes.core.lexicon import Lexicon
        from tests.parses import FOLLOW_ON, INVERTED, doc

        calls: list[str] = []
        real = quotemarks.paragraphs

        def counted(text: str) -> list[tuple[int, int]]:
            calls.append(text)
            return real(text)

        monkeypatch.setattr(quotemarks, "paragraphs", counted)
        monkeypatch.setattr(assemble_module, "paragraphs", counted)
        text = INVERTED[0] + "\n\n" + FOLLOW_ON[0]
        assert len(assemble_module.assemble(doc(text, INVERTED[1], FOLLOW_ON[1]), Lexicon.default())) == 2
        assert len(calls) == 1
