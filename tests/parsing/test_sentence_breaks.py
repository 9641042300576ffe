"""Title-break mending on token dicts shaped like Stanza's tokenizer output (no model needed)."""

from __future__ import annotations

from quotes.parsing.sentence_breaks import ends_with_title, mend


def _tokens(words: list[str], start: int = 0) -> list[dict]:
    tokens, offset = [], start
    for i, word in enumerate(words, 1):
        tokens.append({"id": i, "text": word, "start_char": offset, "end_char": offset + len(word)})
        offset += len(word) + 1
    return tokens


class TestMend:
    def test_break_after_a_title_is_joined(self) -> None:
        """'her rival, Sen. | Bernie Sanders, said' becomes one sentence with IDs running on."""
        first = _tokens(["Her", "rival", ",", "Sen."])
        second = _tokens(["Bernie", "Sanders", "said", "no", "."], start=30)
        (joined,) = mend([first, second])
        assert [t["text"] for t in joined] == ["Her", "rival", ",", "Sen.", "Bernie", "Sanders", "said", "no", "."]
        assert [t["id"] for t in joined] == list(range(1, 10))

    def test_multiword_token_ranges_shift_too(self) -> None:
        """A multi-word token's (start, end) ID range moves with its words."""
        first = _tokens(["With", "Gov."])
        second = [{"id": (1, 2), "text": "didn't"}, {"id": 1, "text": "did"}, {"id": 2, "text": "n't"},
                  {"id": 3, "text": "go"}]
        second[0]["text"] = "Didn't"
        (joined,) = mend([first, second])
        assert [t["id"] for t in joined[2:]] == [(3, 4), 3, 4, 5]

    def test_real_sentence_ends_stay(self) -> None:
        """A sentence ending in an ordinary word, or a title before a lowercase word, is left alone."""
        plain = [_tokens(["It", "rained", "."]), _tokens(["Sen.", "Warren", "left", "."])]
        assert mend(plain) == plain
        lowercase = [_tokens(["Ask", "the", "Rep."]), _tokens(["and", "wait", "."])]
        assert len(mend(lowercase)) == 2

    def test_month_before_its_day_is_joined(self) -> None:
        """'since Jan. | 7, 2012' is one sentence; a month before a capitalised word may end one ('in Jan. | He')."""
        dated = [_tokens(["ratings", "since", "Jan."]), _tokens(["7", ",", "2012", "."])]
        assert [t["text"] for t in mend(dated)[0]] == ["ratings", "since", "Jan.", "7", ",", "2012", "."]
        sept = [{"id": 1, "text": "Sept", "start_char": 0, "end_char": 4}, {"id": 2, "text": ".", "start_char": 4, "end_char": 5}]
        assert len(mend([sept, _tokens(["11", "."], start=6)])) == 1
        assert len(mend([_tokens(["back", "in", "Jan."]), _tokens(["He", "left", "."])])) == 2

    def test_split_period_counts_as_a_title(self) -> None:
        """'Sen' + '.' glued together is the same abbreviation; 'end' + '.' is not."""
        glued = [{"text": "Sen", "start_char": 0, "end_char": 3}, {"text": ".", "start_char": 3, "end_char": 4}]
        assert ends_with_title(glued)
        assert not ends_with_title([{"text": "end", "start_char": 0, "end_char": 3},
                                    {"text": ".", "start_char": 3, "end_char": 4}])
        assert not ends_with_title([])


class TestMendDocument:
    """``mend_document`` on real ``stanza.Document`` objects built from token dicts (no model needed)."""

    TEXT = "Her rival, Sen. Bernie Sanders said no."

    def _doc(self, pieces: list[list[str]], text: str = TEXT):
        import stanza

        sentences, offset = [], 0
        for words in pieces:
            tokens = []
            for i, word in enumerate(words, 1):
                start = text.index(word, offset)
                offset = start + len(word)
                tokens.append({"id": i, "text": word, "start_char": start, "end_char": offset})
            sentences.append(tokens)
        return stanza.Document(sentences, text=text)

    def test_a_title_break_is_joined(self) -> None:
        from quotes.parsing.sentence_breaks import mend_document

        doc = self._doc([["Her", "rival", ",", "Sen."], ["Bernie", "Sanders", "said", "no", "."]])
        mended = mend_document(doc)
        assert len(mended.sentences) == 1
        assert [t.text for t in mended.sentences[0].tokens][3:6] == ["Sen.", "Bernie", "Sanders"]
        assert mended.sentences[0].tokens[4].start_char == self.TEXT.index("Bernie")

    def test_a_document_without_title_breaks_is_returned_unchanged(self) -> None:
        from quotes.parsing.sentence_breaks import mend_document

        doc = self._doc([["It", "rained", "."], ["Sen.", "Bernie", "Sanders", "said", "no", "."]],
                        "It rained. Sen. Bernie Sanders said no.")
        assert mend_document(doc) is doc


class TestRunOn:
    """Mid-line breaks after a plain word ('Donald | Trump’s campaign manager says') are joined."""

    TEXT = "Donald Trump’s aide says no.\nNew line here."

    def _sentences(self) -> list[list[dict]]:
        def tok(i: int, word: str, start: int) -> dict:
            return {"id": i, "text": word, "start_char": start, "end_char": start + len(word)}

        return [
            [tok(1, "Donald", 0)],
            [tok(1, "Trump", 7), tok(2, "’s", 12), tok(3, "aide", 15), tok(4, "says", 20), tok(5, "no", 25),
             tok(6, ".", 27)],
            [tok(1, "New", 29), tok(2, "line", 33), tok(3, "here", 38), tok(4, ".", 42)],
        ]

    def test_a_break_after_a_word_in_mid_line_is_joined(self) -> None:
        first, second = mend(self._sentences(), self.TEXT)
        assert [t["text"] for t in first] == ["Donald", "Trump", "’s", "aide", "says", "no", "."]
        assert [t["id"] for t in first] == list(range(1, 8))
        assert second[0]["text"] == "New"

    def test_breaks_after_punctuation_or_at_a_line_break_stay(self) -> None:
        from quotes.parsing.sentence_breaks import runs_on

        sentences = self._sentences()
        assert not runs_on(sentences[1], sentences[2][0], self.TEXT)  # ends in "."
        on_new_line = self.TEXT.replace("Donald ", "Donald\n")
        assert not runs_on(sentences[0], sentences[1][0], on_new_line)

    def test_without_the_text_only_title_breaks_are_mended(self) -> None:
        assert len(mend(self._sentences())) == 3

    def test_joins_stop_at_the_length_cap(self) -> None:
        from quotes.parsing.sentence_breaks import MAX_JOINED_TOKENS

        words = ["word"] * (MAX_JOINED_TOKENS // 2 + 1)
        text = " ".join(words * 2)
        first = [{"id": i + 1, "text": w, "start_char": 5 * i, "end_char": 5 * i + 4} for i, w in enumerate(words)]
        second = [dict(t, start_char=t["start_char"] + 5 * len(words), end_char=t["end_char"] + 5 * len(words))
                  for t in first]
        assert len(mend([first, second], text)) == 2
        assert len(mend([first[:10], second[:10]], text)) == 1

    def test_a_break_after_a_quotations_comma_is_joined(self) -> None:
        """'“It is my job,” | Weiner said.' is one sentence; 'Rock!” | Clinton said.' ends at the '!'."""
        from quotes.parsing.sentence_breaks import runs_on

        text = "“It is my job,” Weiner said. “Rock!” Clinton said."

        def toks(*words: str) -> list[dict]:
            out, at = [], 0
            for word in words:
                start = text.index(word, at)
                at = start + len(word)
                out.append({"id": len(out) + 1, "text": word, "start_char": start, "end_char": at})
            return out

        assert runs_on(toks("“", "It", "is", "my", "job", ",", "”"), toks("Weiner")[0], text)
        assert not runs_on(toks("“", "Rock", "!", "”"), {"text": "Clinton", "start_char": text.index("Clinton")},
                           text)
