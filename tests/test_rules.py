"""Rule tests on hand-written parses: no model is loaded, so these never drift."""

from __future__ import annotations

import pytest

from quotes.core.assemble import assemble
from quotes.core.attribution import Attribution, QuoteKind, SpeakerType
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


class TestVerbCues:
    def test_asked_someone_to_do_something(self) -> None:
        """'X asked Y to VP': a request, reported like 'urged Y to VP' (PolNeAR marks it)."""
        att = only(run(parses.ASKED_TO))
        assert att.speaker is not None and att.speaker.span.text == "Trump"
        assert att.content.quote == "to donate the profits"

    def test_said_that(self) -> None:
        """'X said (on Thursday) that S' gives X, 'said' and the that-clause."""
        att = only(run(parses.SAID_THAT))
        assert att.speaker is not None and att.speaker.span.text == "Kang"
        assert att.cue is not None and att.cue.span.text == "said" and att.cue.lemma == "say"
        assert att.content.quote == "that the government was considering it"
        assert att.kind is QuoteKind.INDIRECT
        assert att.rule == "verb-ccomp"

    def test_that_clause_labelled_advcl(self) -> None:
        """A that-clause the parser mislabels advcl is still the content."""
        att = only(run(parses.SAID_THAT_ADVCL))
        assert att.content.quote == "that the government was considering it"

    def test_sentence_final_reported(self) -> None:
        """'S, AP reported.' gives AP as speaker and S as content."""
        att = only(run(parses.FINAL_REPORTED))
        assert att.speaker is not None and att.speaker.span.text == "AP"
        assert att.speaker.type is SpeakerType.MEDIA
        assert att.content.quote == "The summit collapsed over demands"

    def test_inverted_said_x(self) -> None:
        """'"Q," said X.' is a direct quote of X."""
        att = only(run(parses.INVERTED))
        assert att.speaker is not None and att.speaker.span.text == "Smith"
        assert att.content.quote == "We will win"
        assert att.kind is QuoteKind.DIRECT

    def test_interrupted_quote_is_one_content(self) -> None:
        """'"Q1," he said, "Q2."' is one direct content with two spans."""
        att = only(run(parses.INTERRUPTED))
        assert [s.text for s in att.content.spans] == ["We will win", "and soon"]
        assert att.kind is QuoteKind.DIRECT

    def test_relative_clause_does_not_steal_speaker(self) -> None:
        """'X, who met Y, said S' attributes S to X, with the minimal mention."""
        atts = run(parses.RELATIVE)
        att = next(a for a in atts if a.cue is not None and a.cue.lemma == "say")
        assert att.speaker is not None and att.speaker.span.text == "Putin"
        assert att.content.quote == "they discussed the issue"

    def test_passive_it_was_reported(self) -> None:
        """'It was reported that S' has a content but no speaker."""
        att = only(run(parses.PASSIVE_IT))
        assert att.speaker is None
        assert att.content.quote == "that the talks failed"

    def test_cue_in_non_finite_clause(self) -> None:
        """'saw Choe warn the US against S': Choe is the speaker of 'warn'."""
        att = only(run(parses.SAW_WARN))
        assert att.speaker is not None and att.speaker.span.text == "Choe"
        assert att.cue is not None and att.cue.span.text == "warn"
        assert att.content.quote == "against suggesting it"

    def test_quoted_as_saying(self) -> None:
        """'X is quoted as saying S' gives X as the speaker of 'saying'."""
        att = only(run(parses.QUOTED_AS_SAYING))
        assert att.speaker is not None and att.speaker.span.text == "Smith"
        assert att.content.quote == "the plan works"

    def test_negated_wh_is_not_an_attribution(self) -> None:
        """'He did not say what that would be' attributes nothing."""
        assert run(parses.NEGATED_WH) == ()

    def test_cue_without_clause_is_not_an_attribution(self) -> None:
        """'Kim asked for his help' has no reported content."""
        assert run(parses.ASKED_FOR_HELP) == ()


class TestOtherCues:
    def test_according_to(self) -> None:
        """'According to X, S': cue 'According to', speaker X, content S."""
        att = only(run(parses.ACCORDING_TO))
        assert att.cue is not None and att.cue.span.text == "According to"
        assert att.speaker is not None and att.speaker.span.text == "officials"
        assert att.speaker.type is SpeakerType.ANONYMOUS
        assert att.content.quote == "the talks failed"

    def test_noun_claim_that(self) -> None:
        """"X's claim that S": cue 'claim', speaker X."""
        att = only(run(parses.NOUN_CLAIM))
        assert att.cue is not None and att.cue.span.text == "claim"
        assert att.speaker is not None and att.speaker.span.text == "Smith"
        assert att.content.quote == "that taxes fell"


class TestSpeakers:
    def test_pronoun_resolves_to_named_speaker(self) -> None:
        """'He added …' after 'Vladimir Putin said …' resolves He to Vladimir Putin."""
        first, second = run(parses.PUTIN_SAID, parses.HE_ADDED)
        assert second.speaker is not None and second.speaker.span.text == "He"
        assert second.speaker.name == "Vladimir Putin"
        assert second.speaker.type is SpeakerType.PERSON

    def test_role_and_name(self) -> None:
        """A titled mention keeps its role apart from the name."""
        att = only(run(parses.TITLE_SAID))
        assert att.speaker is not None
        assert att.speaker.span.text == "South Korean Foreign Minister Kang"
        assert att.speaker.role == "South Korean Foreign Minister"
        assert att.speaker.name == "Kang"
        assert att.speaker.type is SpeakerType.PERSON


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
    def test_relative_pronoun_is_the_mention_and_resolves(self) -> None:
        """'Kang, who said S': the mention is 'who' (minimal, as written), its name is Kang."""
        att = only(run(parses.WHO_SAID))
        assert att.speaker is not None and att.speaker.span.text == "who"
        assert att.speaker.name == "Kang"

    def test_stance_verb_object_is_content(self) -> None:
        """'X criticized Y' attributes the object Y to X."""
        att = only(run(parses.CRITICIZED))
        assert att.cue is not None and att.cue.span.text == "criticized"
        assert att.content.quote == "the president's foreign policy"

    def test_auxiliary_is_part_of_the_cue(self) -> None:
        """'has said' is the cue, not just 'said'."""
        att = only(run(parses.HAS_SAID))
        assert att.cue is not None and att.cue.span.text == "has said"
        assert att.content.quote == "he would like to meet Kim"

    def test_adverb_inside_the_verb_group_is_part_of_the_cue(self) -> None:
        """'has also said' is the cue; a bare 'also said' keeps only the verb."""
        att = only(run(parses.HAS_ALSO_SAID))
        assert att.cue is not None and att.cue.span.text == "has also said"
        att = only(run(parses.ALSO_SAID))
        assert att.cue is not None and att.cue.span.text == "also said"

    def test_inverted_speaker_beats_a_subject_inside_the_quotation(self) -> None:
        """'"Q," said Mr. Hof' where the parser made a word of Q the subject: Mr. Hof still speaks."""
        att = only(run(parses.SAID_AFTER_QUOTE_MISPARSED))
        assert att.speaker is not None and att.speaker.span.text.startswith("Mr.")
        assert att.content.quote == "A clear imperative is to stay close"

    def test_cue_inside_a_quotation_is_part_of_the_quote(self) -> None:
        """'"… I said it was wrong," he added': the quoted "I said" is not an attribution of its own."""
        att = only(run(parses.CUE_INSIDE_QUOTE))
        assert att.cue is not None and att.cue.span.text == "added"
        assert att.content.quote == "Everyone knows I said it was wrong"

    def test_clause_the_parser_hung_elsewhere(self) -> None:
        """'…, saying S' where S was attached to the main verb: S is still what was said."""
        att = only(run(parses.SAYING_ORPHAN))
        assert att.cue is not None and att.cue.span.text == "saying"
        assert att.speaker is not None and att.speaker.span.text == "The Russians"
        assert att.content.quote == "the city is an important front"

    def test_that_clause_buried_in_an_oblique(self) -> None:
        """'claimed in an interview with X that S' where S hangs on X: S is the content."""
        att = only(run(parses.CLAIMED_BURIED_THAT))
        assert att.cue is not None and att.cue.span.text == "claimed"
        assert att.content.quote == "that he is neutral"

    def test_report_interrupting_its_content(self) -> None:
        """'S1, officials said, S2': the content is both sides, whatever the parser attached."""
        att = only(run(parses.OFFICIALS_SAID_MIDWAY))
        assert [s.text for s in att.content.spans] == ["Whatever progress he made", "could unravel"]
        assert att.speaker is not None and att.speaker.span.text == "officials"
        assert att.rule == "verb-interrupting"

    def test_as_x_puts_it(self) -> None:
        """'As X puts it, S': "puts it" is the cue, S the content."""
        att = only(run(parses.AS_X_PUTS_IT))
        assert att.cue is not None and att.cue.span.text == "puts it"
        assert att.speaker is not None and att.speaker.span.text == "Marcus"
        assert att.content.quote == "Obama is wrong"

    def test_object_content_keeps_the_verbs_complements(self) -> None:
        """'attacked X by doing Y on Friday': the content is X and how, not when."""
        att = only(run(parses.ATTACKED_BY_DOING))
        assert att.content.quote == "Trump by skywriting messages"
        assert att.rule == "verb-object"

    def test_participle_in_parataxis_takes_the_main_subject(self) -> None:
        """'She compared X to Y, saying S' (saying attached as parataxis): she is the speaker."""
        att = only(run(parses.SAYING_PARATAXIS))
        assert att.speaker is not None and att.speaker.span.text == "She"
        assert att.content.quote == "they are part of the system"

    def test_clause_subject_read_as_object_stays_in_the_content(self) -> None:
        """'said [X] [are not confined]' with X parsed as the object of said: X belongs to the clause."""
        att = only(run(parses.SAID_SPLIT_SUBJECT))
        assert att.content.quote == "Clinton's actions are not confined"

    def test_dateline_is_not_the_speaker(self) -> None:
        """'WASHINGTON — Sen. Sanders defended …' with the dateline parsed as subject: Sanders speaks."""
        att = only(run(parses.DATELINE))
        assert att.speaker is not None and att.speaker.span.text == "Sen. Sanders"

    def test_that_clause_hung_on_the_verb_stays_with_its_noun(self) -> None:
        """'X's claim that S was questioned by Y' with S parsed under 'questioned': one attribution, Y's,
        whose content is the whole claim (the claim itself is nested inside it, so it is not reported)."""
        att = only(run(parses.CLAIM_QUESTIONED))
        assert att.cue is not None and att.cue.span.text == "was questioned"
        assert att.speaker is not None and att.speaker.span.text == "lawmakers"
        assert att.content.quote == "Lopez's claim that aid would arrive"

    def test_report_hung_as_a_complement_is_not_content(self) -> None:
        """'S, the department said' parsed as a second complement of 'found': the department reports all of S,
        and 'found' inside it is not an attribution of its own (attributions do not nest)."""
        att = only(run(parses.REPORT_HUNG_AS_COMPLEMENT))
        assert att.cue is not None and att.cue.span.text == "said"
        assert att.speaker is not None and att.speaker.span.text == "the department"
        assert att.content.quote == "Engineers found that bridges had weakened"

    def test_adding_after_a_framed_quote(self) -> None:
        """'"Q," X said, adding that S': two attributions, the second one not framed by the quote."""
        first, second = run(parses.SAID_ADDING)
        assert first.cue is not None and first.cue.span.text == "said" and first.content.quote == "We remain open"
        assert second.cue is not None and second.cue.span.text == "adding"
        assert second.content.quote == "that the minister would meet them"
        assert second.speaker is not None and second.speaker.span.text == "a spokeswoman"

    def test_clause_subject_after_that_read_as_object(self) -> None:
        """'added that [X] [is small]' with X parsed as the object of added: the content stays whole."""
        att = only(run(parses.ADDED_THAT_SPLIT))
        assert [s.text for s in att.content.spans] == ["that Russia's trade is small"]

    def test_apposition_between_name_and_verb(self) -> None:
        """'"Q," Khizr Khan, 66, said' with no subject on said: the name before the apposition speaks."""
        att = only(run(parses.NAME_AGE_SAID))
        assert att.speaker is not None and att.speaker.span.text == "Khizr Khan"
        assert att.content.quote == "We are worried"

    def test_any_verb_after_a_quotation_is_a_cue(self) -> None:
        """'"Q," the judge exclaimed' needs no lexicon entry for the verb."""
        att = only(run(parses.EXCLAIMED))
        assert att.cue is not None and att.cue.span.text == "exclaimed"
        assert att.speaker is not None and att.speaker.span.text == "the judge"
        assert att.kind is QuoteKind.DIRECT


class TestColons:
    def test_headline_name_colon(self) -> None:
        """'Poll: Trump ties Clinton' attributes the rest of the line to 'Poll'."""
        att = only(run(parses.HEADLINE))
        assert att.cue is not None and att.cue.span.text == ":"
        assert att.speaker is not None and att.speaker.span.text == "Poll"
        assert att.content.quote == "Trump ties Clinton in Ohio"

    def test_prepositional_phrase_before_a_colon_is_no_speaker(self) -> None:
        """'Even on age: S' is a topic, not a source: a noun after a preposition speaks for nobody."""
        assert run(parses.ON_AGE_COLON) == ()

    def test_name_colon_quotation(self) -> None:
        """'Union leader Tom Reyes: "Q"' is a direct quote of Tom Reyes with his role."""
        att = only(run(parses.COLON_QUOTE))
        assert att.speaker is not None and att.speaker.name == "Tom Reyes"
        assert att.speaker.role == "Union leader"
        assert att.content.quote == "We gave them every chance"
        assert att.kind is QuoteKind.DIRECT


class TestCueSpans:
    def test_medium_phrase_joins_the_cue(self) -> None:
        """'said in a statement' is one cue; the department (an organisation) is the speaker."""
        atts = run(parses.IN_A_STATEMENT)
        said = next(a for a in atts if a.cue and a.cue.lemma == "say")
        assert said.cue is not None and said.cue.span.text == "said in a statement"
        assert said.speaker is not None and said.speaker.span.text == "the department"
        assert said.speaker.type is SpeakerType.ORGANISATION
        assert said.content.quote == "Engineers found cracks"

    def test_as_clause(self) -> None:
        """'As X observed, S' attributes S to X."""
        att = only(run(parses.AS_OBSERVED))
        assert att.speaker is not None and att.speaker.span.text == "the Post"
        assert att.content.quote == "Republicans control both chambers"

    def test_passive_with_agent(self) -> None:
        """'S was reported by X': the passive subject is the content, the agent the speaker."""
        att = only(run(parses.REPORTED_BY))
        assert att.speaker is not None and att.speaker.span.text == "MSNBC"
        assert att.speaker.type is SpeakerType.MEDIA
        assert att.content.quote == "The move"


class TestQuotationsAcrossSentences:
    def test_follow_on_paragraph_inherits_the_speaker(self) -> None:
        """A quote paragraph with no cue after an attributed quote is Smith's too, marked inherited."""
        first, second = run(parses.INVERTED, parses.FOLLOW_ON, text=parses.INVERTED[0] + "\n\n" + parses.FOLLOW_ON[0])
        assert second.inherited and second.cue is None
        assert second.speaker == first.speaker and second.speaker is not None and second.speaker.span.text == "Smith"
        assert second.content.quote == "We never stop now"

    def test_quote_paragraph_after_reported_speech_is_the_same_speakers(self) -> None:
        """'Kang said S.' then a quote paragraph nobody is credited with: Kang's, marked inherited."""
        text = parses.SAID_THAT[0] + "\n\n" + parses.LONG_QUOTE_PARAGRAPH[0]
        first, second = run(parses.SAID_THAT, parses.LONG_QUOTE_PARAGRAPH, text=text)
        assert second.inherited and second.rule == "follow-on"
        assert second.speaker == first.speaker and second.speaker is not None and second.speaker.span.text == "Kang"

    def test_same_paragraph_quotation_joins_the_content(self) -> None:
        """'"Q1," said Smith. "Q2."' in one paragraph is one content with two spans."""
        (att,) = run(parses.INVERTED, parses.FOLLOW_ON)
        assert [s.text for s in att.content.spans] == ["We will win", "We never stop now"]
        assert att.kind is QuoteKind.DIRECT


    def test_quotation_continues_the_quotation_not_a_participles_content(self) -> None:
        """'"Q1," said Smith, recalling X. "Q2."': Q2 joins Q1 (as PolNeAR's annotators do), not 'recalling''s X."""
        atts = run(parses.INVERTED_RECALLING, parses.FOLLOW_ON)
        said = next(a for a in atts if a.cue is not None and a.cue.lemma == "say")
        recalling = next(a for a in atts if a.cue is not None and a.cue.lemma == "recall")
        assert [s.text for s in said.content.spans] == ["We will win", "We never stop now"]
        assert recalling.content.quote == "the last election"

    def test_relative_clause_between_commas_is_not_an_interrupting_report(self) -> None:
        """'X, who wrote about Y, said S': 'wrote' is not set into S's words; X said S, and wrote about Y."""
        atts = run(parses.RELATIVE_CLAUSE_BEFORE_SAID)
        said = next(a for a in atts if a.cue is not None and a.cue.lemma == "say")
        wrote = next(a for a in atts if a.cue is not None and a.cue.lemma == "write")
        assert said.content.quote == "he tried to intimidate her"
        assert said.speaker is not None and said.speaker.span.text == "Mary Smith"
        assert wrote.content.quote == "the visit in her book" and wrote.rule == "verb-preposition"

class TestEvidence:
    def test_poll_shows(self) -> None:
        """'a poll shows X' attributes its object to the poll."""
        att = only(run(parses.POLL_SHOWS))
        assert att.speaker is not None and att.speaker.span.text == "One poll"
        assert att.content.quote == "Cruz ahead in Indiana"

    def test_in_a_poll_fronted(self) -> None:
        """'In exit polls, S': the polls are the source of S, 'In' the cue."""
        att = only(run(parses.IN_EXIT_POLLS))
        assert att.speaker is not None and att.speaker.span.text == "exit polls"
        assert att.cue is not None and att.cue.span.text == "In"
        assert att.content.quote == "voters were unhappy with the government"

    def test_in_the_polls_after_the_clause(self) -> None:
        """'S in the polls, ahead of X': the content is the clause before the phrase."""
        att = only(run(parses.LEADING_IN_POLLS))
        assert att.content.quote == "Trump is leading"
        assert att.speaker is not None and att.speaker.span.text == "the polls"

    def test_movement_in_the_polls_is_not_an_attribution(self) -> None:
        """'He rose in the polls' says how the polls moved, not what they found."""
        assert run(parses.ROSE_IN_POLLS) == ()

    def test_prepositional_cue(self) -> None:
        """'talked about X': the preposition joins the cue, its object is the content."""
        att = only(run(parses.TALKED_ABOUT))
        assert att.cue is not None and att.cue.span.text == "talked about"
        assert att.content.quote == "the economy"
        assert att.speaker is not None and att.speaker.span.text == "Clinton"

    def test_prepositional_cue_needs_its_preposition(self) -> None:
        """'talked in Ohio' is not a prepositional cue."""
        assert run(parses.TALKED_IN) == ()

    def test_show_without_evidence_subject(self) -> None:
        """'the senator smiled, showing his side' is not an attribution."""
        assert run(parses.SHOWING_SIDE) == ()


class TestParticiplesAndModifiers:
    def test_participle_on_a_noun_is_said_by_the_noun(self) -> None:
        """'an adviser acknowledging that S': the adviser is the source."""
        att = only(run(parses.ADVISER_ACKNOWLEDGING))
        assert att.speaker is not None and att.speaker.span.text == "an adviser"
        assert att.content.quote == "that the doctor erred"

    def test_participle_after_a_copular_clause_takes_its_subject(self) -> None:
        """'Obama has been on the sidelines, arguing S': Obama argues."""
        att = only(run(parses.SIDELINES_ARGUING))
        assert att.speaker is not None and att.speaker.span.text == "Obama"
        assert att.content.quote == "he did not want to intervene"

    def test_relative_clause_after_a_comma_is_not_a_report(self) -> None:
        """'S, who preaches X' does not make S the content of 'preaches'."""
        for att in run(parses.WHO_PREACHES):
            assert "admired" not in att.content.quote

    def test_known_as_is_not_a_report(self) -> None:
        """'a method known as fracking' names a thing; the clause before it was not 'known'."""
        assert run(parses.KNOWN_AS) == ()


class TestSourcePhrase:
    def test_apposition_joins_the_phrase_not_the_mention(self) -> None:
        """'Josh Earnest, the press secretary, said': the mention is the name, the phrase has the apposition."""
        att = only(run(parses.EARNEST_APPOSITION))
        assert att.speaker is not None and att.speaker.span.text == "Josh Earnest"
        assert att.speaker.phrase is not None and att.speaker.phrase.text == "Josh Earnest, the press secretary"
        assert att.content.quote == "the talks failed"

    def test_apposition_the_parser_hung_elsewhere(self) -> None:
        """'…, said Rita Katz, the director of SITE.' with 'director' parsed as the verb's subject."""
        att = only(run(parses.KATZ_MISATTACHED))
        assert att.speaker is not None and att.speaker.span.text == "Rita Katz"
        assert att.speaker.phrase is not None and att.speaker.phrase.text == "Rita Katz, the director of SITE"
        assert att.content.quote == "The group uses the photo"

    def test_phrase_never_reaches_the_content(self) -> None:
        """The phrase of 'Kang said … that S' stays the name: the clause after the cue is content."""
        att = only(run(parses.SAID_THAT))
        assert att.speaker is not None and att.speaker.phrase is not None and att.speaker.phrase.text == "Kang"

    def test_phrase_in_json(self) -> None:
        """The speaker's JSON carries the phrase with offsets, next to the mention's."""
        att = only(run(parses.EARNEST_APPOSITION))
        assert att.speaker is not None
        data = att.speaker.to_dict()
        assert data["text"] == "Josh Earnest"
        assert data["phrase"] == {"text": "Josh Earnest, the press secretary", "start": 0, "end": 33}

    def test_spaced_dash_ends_a_mention(self) -> None:
        """'Law enforcement - technology companies say': the mention starts after the spaced dash."""
        att = only(run(parses.DASH_IN_MENTION))
        assert att.speaker is not None and att.speaker.span.text == "technology companies"

    def test_name_from_an_apposition(self) -> None:
        """'Her rival, Sen. Bernie Sanders, said': the mention is 'Her rival', the name comes from the apposition."""
        att = only(run(parses.RIVAL_APPOSITION))
        assert att.speaker is not None and att.speaker.span.text == "Her rival"
        assert att.speaker.name == "Bernie Sanders"
        assert att.speaker.phrase is not None and att.speaker.phrase.text == "Her rival, Sen. Bernie Sanders"


class TestMisparsedReports:
    """Reports the small parser gets wrong, repaired from word order or from what PolNeAR marks."""

    def test_a_day_is_never_the_source(self) -> None:
        """'A poll released Friday shows that S' parsed with Friday as subject: no source, the content stays."""
        atts = [a for a in run(parses.DAY_AS_SUBJECT) if a.content.quote == "that Trump leads"]
        assert atts and all(a.speaker is None or a.speaker.span.text != "Friday" for a in atts)

    def test_report_after_a_closing_quote_is_chained(self) -> None:
        """'said things "Q," referring to X': the participle is its own report, not part of what was said."""
        atts = run(parses.SAID_QUOTE_REFERRING)
        said = next(a for a in atts if a.cue is not None and a.cue.lemma == "say")
        assert "referring" not in said.content.quote
        referring = next(a for a in atts if a.cue is not None and a.cue.span.text == "referring to")
        assert referring.speaker is not None and referring.speaker.span.text == "Trump"
        assert referring.content.quote == "the convention"

    def test_participle_after_an_inverted_report_takes_its_speaker(self) -> None:
        """'"Q," said Josh Earnest, echoing X': Earnest echoes."""
        atts = run(parses.SAID_X_ECHOING)
        echo = next(a for a in atts if a.cue is not None and a.cue.lemma == "echo")
        assert echo.speaker is not None and echo.speaker.span.text == "Josh Earnest"
        assert echo.content.quote == "comments by Obama"

    def test_interrupting_report_without_a_parsed_complement(self) -> None:
        """'A comic tone, she said, would make S': the words around the report are its content."""
        att = only(run(parses.TONE_SHE_SAID))
        assert att.speaker is not None and att.speaker.span.text == "she"
        assert att.content.quote == "A comic tone … would make the subject accessible"

    def test_time_word_read_as_a_second_subject(self) -> None:
        """'Police had last month charged him after determining that S': Police determined, not 'month'."""
        att = only(run(parses.LAST_MONTH_CHARGED))
        assert att.speaker is not None and att.speaker.span.text == "Police"
        assert att.content.quote == "that he lied"

    def test_short_quotation_framed_by_a_report_with_more_after_it(self) -> None:
        """'"Absolutely," he said when asked about it': the quotation is the content though 'said' has no complement."""
        said = [a for a in run(parses.ABSOLUTELY_WHEN_ASKED) if a.cue is not None and a.cue.lemma == "say"]
        assert len(said) == 1 and said[0].content.quote == "Absolutely"
        assert said[0].speaker is not None and said[0].speaker.span.text == "he"

    def test_report_opening_the_sentence_after_a_question_in_quotes(self) -> None:
        """'“Why not?” | Trump told reporters when asked …': the tokenizer ended the sentence at the '?'."""
        told = [a for a in run(parses.WHY_NOT_QUOTE, parses.TRUMP_TOLD_REPORTERS)
                if a.cue is not None and a.cue.lemma == "tell"]
        assert len(told) == 1 and told[0].content.quote == "Why not?"
        assert told[0].speaker is not None and told[0].speaker.span.text == "Trump"

    def test_no_quotation_before_an_opening_report_gives_nothing(self) -> None:
        """Without a quotation right before it, 'Trump told reporters …' reports nothing."""
        assert not [a for a in run(parses.TRUMP_TOLD_REPORTERS) if a.cue is not None and a.cue.lemma == "tell"]

    def test_fronted_contents_subject_hung_on_the_report_verb(self) -> None:
        """'S_subj ... will be expanded, officials said.' with S's subject parsed as a second subject of 'said'."""
        att = only(run(parses.SUBJECT_ON_SAID))
        assert att.speaker is not None and att.speaker.span.text == "officials"
        assert att.content.quote == "Other efforts to help the program will also be expanded"

    def test_a_second_subject_made_only_of_punctuation_is_not_stolen(self) -> None:
        """A stray mark parsed as a second subject of 'said' (found by the random-parse test): no crash, no theft."""
        att = only(run(parses.PUNCTUATION_SUBJECT_ON_SAID))
        assert att.speaker is not None and att.speaker.span.text == "officials"
        assert att.content.quote == "Will be expanded"

    def test_inverted_final_report_hung_as_a_conjunct(self) -> None:
        """'S, said James Henson, director of X.' with 'said' parsed as a conjunct of S's verb."""
        att = only(run(parses.INVERTED_FINAL_CONJ))
        assert att.speaker is not None and att.speaker.span.text == "James Henson"
        assert att.speaker.phrase is not None and att.speaker.phrase.text == "James Henson, director of the project"
        assert att.content.quote == "The race is tightening"

    def test_dash_aside_is_left_out_of_reported_content(self) -> None:
        """'said that S1 — aside — S2': the writer's aside is not part of the content (PolNeAR marks it so)."""
        att = only(run(parses.DASH_ASIDE))
        assert att.content.quote == "that the concerns … were valid"
        assert len(att.content.spans) == 2

    def test_dash_aside_inside_a_quotation_stays(self) -> None:
        """Inside quotation marks the dashes are the speaker's own: nothing is cut."""
        text = 'Clinton said "the concerns \u2014 at least for now \u2014 were valid."'
        rows = parses.DASH_ASIDE[1].replace("that that SCONJ 13 mark", '" " PUNCT 13 punct').replace(
            ". . PUNCT 2 punct", '. . PUNCT 2 punct\n    " " PUNCT 2 punct')
        att = only(run((text, rows)))
        assert "at least for now" in att.content.quote

    def test_day_read_as_object_gives_way_to_the_subject_above(self) -> None:
        """'A court document filed Thursday says that S' misparsed around 'filed': the document says it."""
        att = only(run(parses.DOCUMENT_FILED_THURSDAY))
        assert att.speaker is not None and att.speaker.span.text == "A court document"
        assert att.content.quote == "that he lied"

    def test_that_clause_after_an_aside(self) -> None:
        """'said — on Twitter, as it happens — that S' with S hung on the aside's verb."""
        att = only(run(parses.SAID_ASIDE_THAT))
        assert att.speaker is not None and att.speaker.span.text == "Manafort"
        assert att.content.quote == "that Trump raised $4 million"

    def test_that_said_is_a_linking_phrase(self) -> None:
        """'That said, S' is not 'That' reporting S."""
        assert run(parses.THAT_SAID) == ()

    def test_prepositional_cue_keeps_its_infinitive(self) -> None:
        """'called for Clinton to release X': the infinitive hung on the verb belongs to the content."""
        att = only(run(parses.CALLED_FOR_TO))
        assert att.cue is not None and att.cue.span.text == "called for"
        assert att.content.quote == "Clinton to release the transcripts"

    def test_trailing_participle_with_its_comma_in_its_subtree(self) -> None:
        """'said S, calling him X' with the comma parsed under 'calling': the participle is not part of S."""
        said = next(a for a in run(parses.SAID_CALLING) if a.cue is not None and a.cue.lemma == "say")
        assert said.content.quote == "the judge was biased"

    def test_leading_adverbial_clause_is_not_inverted_content(self) -> None:
        """'After X was booed, Canova wrote to …': the time clause is not what Canova wrote."""
        assert all("booed" not in a.content.quote for a in run(parses.AFTER_CLAUSE_WROTE))

    def test_concessive_report_is_not_parenthetical(self) -> None:
        """', though he didn't say what …' parsed as parataxis does not take the sentence as its content."""
        atts = run(parses.THOUGH_DIDNT_SAY)
        assert [a.content.quote for a in atts] == ["they would find a solution"]

    def test_but_within_the_reported_clause_stays_in_it(self) -> None:
        """'said she was elated but still feared X': a 'but' conjunct of the content's own verb is still what she said
        (only a subordinate 'though …' comment or a coordinated report verb is cut)."""
        atts = run(parses.SAID_ELATED_BUT_FEARED)
        assert [a.content.quote for a in atts] == ["she was elated but still feared the military"]

    def test_a_coordinated_clause_with_its_own_subject_is_the_writers(self) -> None:
        """'says it is small, and Wealth-X has it at more': after ', and' a clause with another subject and no
        'that' is the writer going on, not more of what Forbes says."""
        atts = run(parses.SAYS_AND_SECOND_CLAUSE)
        assert [a.content.quote for a in atts] == ["it is small"]

    def test_a_coordinated_clause_parsed_as_a_second_complement_is_cut(self) -> None:
        """The parser hung ', and Brainard is regarded as …' on 'said' as a second complement; its 'and' and its
        own subject show it is not part of what she said."""
        atts = run(parses.SAID_AND_CLAUSE_AS_SECOND_CCOMP)
        assert [a.content.quote for a in atts] == ["she intends to run"]

    def test_a_participle_after_an_interrupting_report_describes_the_speaker(self) -> None:
        """'Sales were great, he said, wiping sweat off his face': the participle the parser made the complement of
        'said' is what he was doing; what he said is the clause before."""
        atts = run(parses.SAID_WIPING_SWEAT)
        assert [(a.speaker.span.text if a.speaker else None, a.content.quote) for a in atts] == [("he", "Sales were great")]

    def test_a_coordinated_report_does_not_take_the_clause_before_it(self) -> None:
        """', but he suggested …' with its complement misparsed: a report joined by 'but' goes on from the clause
        before it and does not interrupt it, so that clause (and the 'saying' report inside it) is not its content."""
        atts = run(parses.GAVE_CREDIT_BUT_SUGGESTED)
        assert all("gave" not in a.content.quote for a in atts)
        saying = next(a for a in atts if a.cue is not None and a.cue.lemma == "say")
        assert saying.content.quote == "he should be congratulated"

    def test_a_relative_clause_after_according_to_x_describes_x(self) -> None:
        """'S, according to his supporters, who are offering …' with the relative clause misparsed as a conjunct of
        S: it describes the source and is not part of what they reported."""
        atts = run(parses.ACCORDING_TO_SOURCE_WHO)
        according = next(a for a in atts if a.cue is not None and a.cue.span.text == "according to")
        assert according.content.quote == "Time is running out"

    def test_a_participle_on_a_statement_is_said_by_whoever_issued_it(self) -> None:
        """'Trump and Ryan issued a statement describing X': the statement is how they said it; the source is them
        (a participle on a person, 'an adviser acknowledging', still takes that person)."""
        atts = run(parses.ISSUED_STATEMENT_DESCRIBING)
        describing = next(a for a in atts if a.cue is not None and a.cue.lemma == "describe")
        assert describing.speaker is not None and describing.speaker.span.text == "Trump"

    def test_whoever_was_told_is_not_the_source(self) -> None:
        """'— Buck, a spokesman, told POLITICO that S' with the subject misparsed into the clause before: the noun
        after 'told' is who was told, so it is never taken as an inverted speaker."""
        atts = run(parses.SPOKESMAN_TOLD_POLITICO)
        told = next(a for a in atts if a.cue is not None and a.cue.lemma == "tell")
        assert told.content.quote == "that he knew"
        assert told.speaker is not None and told.speaker.phrase is not None
        assert told.speaker.phrase.text == "Buck, a spokesman"

    def test_the_object_of_a_wish_is_part_of_what_is_wished(self) -> None:
        """'wants Trump to lose': the content is 'Trump to lose'; the listener of 'asked them to' stays out."""
        assert [a.content.text for a in run(parses.WANTS_TRUMP_TO_LOSE)] == ["Trump to lose"]
        assert [a.content.text for a in run(parses.ASKED_THEM_TO_SUPPORT)] == ["to support another candidate"]

    def test_the_passive_subject_of_an_expectation_is_part_of_it(self) -> None:
        """'Trump had been expected to visit the Hill': what was expected is Trump's visit, with no source named."""
        (expected,) = run(parses.EXPECTED_TO_VISIT)
        assert [span.text for span in expected.content.spans] == ["Trump", "to visit the Hill"]
        assert expected.speaker is None

    def test_both_objects_of_calling_someone_something(self) -> None:
        """'calling him a disgrace' parsed with 'him' as an indirect object: the content is 'him a disgrace'."""
        calling = next(a for a in run(parses.CALLING_HIM_A_DISGRACE) if a.cue is not None and a.cue.lemma == "call")
        assert calling.content.text == "him a disgrace"

    def test_an_apposition_after_the_speaker_is_not_more_content(self) -> None:
        """'"We won," said Conway, a pollster who backed Cruz but joined Trump.': the words after the speaker
        describe her, so the report does not interrupt a content that goes on after them."""
        (said,) = run(parses.SAID_X_A_POLLSTER_WHO)
        assert said.content.quote == "We won" and said.rule == "verb-ccomp"
        assert said.speaker is not None and said.speaker.phrase is not None
        assert said.speaker.phrase.text == "Conway, a pollster who backed Cruz"

    def test_a_subject_before_the_report_is_not_interrupted(self) -> None:
        """'Dever, who was listed, told POLITICO, "Q"': the report follows its subject; it interrupts nothing."""
        told = next(a for a in run(parses.WHO_WAS_LISTED_TOLD_POLITICO) if a.cue is not None and a.cue.lemma == "tell")
        assert told.content.quote == "Of the three, I like Kasich"
        assert told.speaker is not None and told.speaker.span.text == "Dever"

    def test_an_opening_phrase_is_not_interrupted_content(self) -> None:
        """'In her speech, Rhimes declared, "Q"': the opening phrase says where, not what."""
        (declared,) = run(parses.IN_HER_SPEECH_DECLARED)
        assert declared.content.quote == "Change the world"

    def test_a_participle_used_as_an_adjective_reports_nothing(self) -> None:
        """'an expected attack, and then he flew to Maine': 'expected' modifies a noun; the clause after it is not
        what anyone expected."""
        assert all(a.cue is None or a.cue.lemma != "expect" for a in run(parses.AN_EXPECTED_ATTACK))

    def test_a_cue_with_its_own_object_is_not_parenthetical(self) -> None:
        """'…, many seeking asylum': a verb with an object of its own does not report the clause before it."""
        assert all("apprehended" not in a.content.text for a in run(parses.MANY_SEEKING_ASYLUM))

    def test_a_relative_clause_on_the_interrupting_speaker_is_not_content(self) -> None:
        """'And Trump, said Sunshine, who remains friendly with him, doesn't forgive.': the relative clause describes
        Sunshine; the content resumes after it."""
        (said,) = run(parses.SAID_X_WHO_THEN_CONTENT)
        assert [span.text for span in said.content.spans] == ["And Trump", "doesn't forgive"]
        assert said.speaker is not None and said.speaker.span.text == "Sunshine"

    def test_a_second_clause_is_no_final_report_of_the_first(self) -> None:
        """'Americans are mad, and I agree with them': 'and' joins a second statement; it does not report the first."""
        assert all("mad" not in a.content.text for a in run(parses.AMERICANS_ARE_MAD_AND_I_AGREE))

    def test_an_opening_according_to_is_not_a_reported_clause(self) -> None:
        """'According to Fox News, the department reported …': the phrase before the comma has no clause of its
        own, so 'reported' is not a final report with it as content."""
        reported = [a for a in run(parses.ACCORDING_TO_THEN_REPORTED) if a.cue is not None and a.cue.lemma == "report"]
        assert all("Fox" not in a.content.text for a in reported)

    def test_a_quotation_opening_mid_clause_keeps_its_clause(self) -> None:
        """'Clinton "caused tremendous havoc," he said.': the quotation opens inside the clause, so its subject is
        part of what he said; a quotation after a colon keeps only itself."""
        (said,) = run(parses.SUBJECT_THEN_QUOTE_HE_SAID)
        assert [span.text for span in said.content.spans] == ["Clinton", "caused tremendous havoc"]
        said = next(a for a in run(parses.DECLARED_COLON_QUOTE_SHE_SAID) if a.cue is not None and a.cue.lemma == "say")
        assert [span.text for span in said.content.spans] == ["Change the world"]

    def test_a_report_opening_the_sentence_before_its_speaker(self) -> None:
        """'Said Dorothy Poynter, who grew up with Ali, "Q"': the capitalised 'Said' (which the lemmatizer left as
        it was) reports the quotation, its speaker is the name after it, and her relative clause is not content."""
        (said,) = run(parses.SAID_NAME_WHO_QUOTE)
        assert said.cue is not None and said.cue.lemma == "say"
        assert said.speaker is not None and said.speaker.span.text == "Dorothy Poynter"
        assert said.content.quote == "We were proud of him"

    def test_an_interrupting_report_with_a_second_subject_misparsed(self) -> None:
        """'Mr. Obama, officials said, has become skeptical' with 'Obama' parsed as another subject of 'said': the
        report's own subject is the one beside it, so it still interrupts its content."""
        (said,) = run(parses.OBAMA_OFFICIALS_SAID_TWO_SUBJECTS)
        assert said.speaker is not None and said.speaker.span.text == "officials"
        assert [span.text for span in said.content.spans] == ["Mr. Obama", "has become skeptical"]

    def test_a_quotation_after_saying_and_a_comma(self) -> None:
        """'…, saying, "We have got to act."' with the quotation hung on the main verb: the quotation is what
        Sanders said."""
        saying = next(a for a in run(parses.SAYING_COMMA_QUOTE_MISATTACHED) if a.cue is not None and a.cue.lemma == "say")
        assert saying.content.quote == "We have got to act"
        assert saying.speaker is not None and saying.speaker.span.text == "Sanders"

    def test_coordinated_cue_after_a_that_clause(self) -> None:
        """'X said that S and called for Y': two attributions, both by X."""
        atts = run(parses.SAID_THAT_AND_CALLED_FOR)
        said = next(a for a in atts if a.cue is not None and a.cue.lemma == "say")
        called = next(a for a in atts if a.cue is not None and a.cue.span.text == "called for")
        assert said.content.quote == "that the offer was an insult"
        assert called.speaker is not None and called.speaker.span.text == "The union"
        assert called.content.quote == "a strike"
