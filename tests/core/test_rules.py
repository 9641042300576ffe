"""Rule tests on hand-written parses that check several documents or edited rows at once: no model is loaded, so
these never drift. Most rule tests are golden files instead (``tests/golden``, run by ``tests/core/test_golden.py``)."""

from __future__ import annotations

import pytest

from quotes.core.assemble import assemble
from quotes.core.attribution import Attribution
from quotes.core.lexicon import Lexicon
from tests import parses
from tests.parses import doc


def run(*blocks: tuple[str, str], text: str | None = None) -> tuple[Attribution, ...]:
    """Attributions of a document made of the given (sentence, rows) blocks, joined by spaces."""
    full = text if text is not None else " ".join(b[0] for b in blocks)
    return assemble(doc(full, *(b[1] for b in blocks)), Lexicon.default())


def only(atts: tuple[Attribution, ...]) -> Attribution:
    assert len(atts) == 1, [(a.cue, a.content.quote) for a in atts]
    return atts[0]


class TestOffsets:
    @pytest.mark.parametrize("block", [parses.SAID_THAT, parses.INTERRUPTED, parses.ACCORDING_TO, parses.FINAL_REPORTED])
    def test_every_span_points_into_the_text(self, block: tuple[str, str]) -> None:
        """text[start:end] == span.text for every span produced."""
        text = block[0]
        found = run(block)
        assert found
        for att in found:
            spans = [*att.content.spans, att.sentence]
            spans += [att.cue.span] if att.cue else []
            spans += [att.speaker.span] if att.speaker else []
            for span in spans:
                assert text[span.start : span.end] == span.text


class TestPolnearConventions:
    def test_adverb_inside_the_verb_group_is_part_of_the_cue(self) -> None:
        """'has also said' is the cue; a bare 'also said' keeps only the verb."""
        att = only(run(parses.HAS_ALSO_SAID))
        assert att.cue is not None and att.cue.span.text == "has also said"
        att = only(run(parses.ALSO_SAID))
        assert att.cue is not None and att.cue.span.text == "also said"


class TestMisparsedReports:
    """Reports the small parser gets wrong, repaired from word order or from what PolNeAR marks."""

    def test_dash_aside_inside_a_quotation_stays(self) -> None:
        """Inside quotation marks the dashes are the speaker's own: nothing is cut."""
        text = 'Clinton said "the concerns \u2014 at least for now \u2014 were valid."'
        rows = parses.DASH_ASIDE[1].replace("that that SCONJ 13 mark", '" " PUNCT 13 punct').replace(
            ". . PUNCT 2 punct", '. . PUNCT 2 punct\n    " " PUNCT 2 punct')
        att = only(run((text, rows)))
        assert "at least for now" in att.content.quote

    def test_the_object_of_a_wish_is_part_of_what_is_wished(self) -> None:
        """'wants Trump to lose': the content is 'Trump to lose'; the listener of 'asked them to' stays out."""
        assert [a.content.text for a in run(parses.WANTS_TRUMP_TO_LOSE)] == ["Trump to lose"]
        assert [a.content.text for a in run(parses.ASKED_THEM_TO_SUPPORT)] == ["to support another candidate"]

    def test_a_quotation_opening_mid_clause_keeps_its_clause(self) -> None:
        """'Clinton "caused tremendous havoc," he said.': the quotation opens inside the clause, so its subject is
        part of what he said; a quotation after a colon keeps only itself."""
        (said,) = run(parses.SUBJECT_THEN_QUOTE_HE_SAID)
        assert [span.text for span in said.content.spans] == ["Clinton", "caused tremendous havoc"]
        said = next(a for a in run(parses.DECLARED_COLON_QUOTE_SHE_SAID) if a.cue is not None and a.cue.lemma == "say")
        assert [span.text for span in said.content.spans] == ["Change the world"]
