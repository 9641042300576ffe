"""The bundled learned attribution model on real text, through the real pipeline."""

from __future__ import annotations

import json

import pytest

from quotes.core.attribution import Article
from tests.conftest import CORPORA

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def learned():  # type: ignore[no-untyped-def]
    from quotes.extractor import Extractor

    return Extractor(method="learned")


@pytest.fixture(scope="module")
def article(learned) -> Article:  # type: ignore[no-untyped-def]
    return learned.extract((CORPORA / "showcase.txt").read_text(encoding="utf-8"), document="showcase.txt")


class TestLearnedOnTheShowcase:
    def test_every_span_indexes_the_text(self, article: Article) -> None:
        """Contents, cues and speakers (mention and whole phrase) point at their exact characters."""
        text = article.text
        assert article.attributions
        for att in article.attributions:
            spans = [*att.content.spans, att.sentence]
            if att.cue:
                spans.append(att.cue.span)
            if att.speaker:
                spans += [att.speaker.span, att.speaker.whole]
            for span in spans:
                assert text[span.start:span.end] == span.text

    def test_finds_the_reported_speech_the_rules_find(self, article: Article) -> None:
        """The cues and speakers of the showcase's plain reports are found by the model too."""
        found = {(a.cue.span.text, a.speaker.name if a.speaker else None) for a in article.attributions if a.cue}
        assert ("said", "Kang Kyung-wha") in found
        assert ("reported", "AP") in found
        assert any(cue == "added" and name == "Vladimir Putin" for cue, name in found)

    def test_pronoun_speakers_resolve_as_with_the_rules(self, article: Article) -> None:
        """'He added …' is resolved to Putin by the same resolver the rules use."""
        he = [a for a in article.attributions if a.speaker and a.speaker.span.text == "He"]
        assert he and all(a.speaker is not None and a.speaker.name == "Vladimir Putin" for a in he)

    def test_json_marks_the_method(self, article: Article) -> None:
        """Every attribution says it was found by the learned model, and JSON keeps the usual fields."""
        data = json.loads(json.dumps(article.to_dict()))
        assert {a["rule"] for a in data["attributions"]} == {"learned"}
        assert set(data["attributions"][0]) >= {"speaker", "cue", "content", "kind", "sentence", "paragraph"}


class TestMethods:
    def test_rules_method_keeps_todays_output(self, extractor, learned) -> None:  # type: ignore[no-untyped-def]
        """--method rules gives exactly what the rules give, whatever the default is."""
        from quotes.extractor import Extractor

        text = (CORPORA / "showcase.txt").read_text(encoding="utf-8")
        rules = Extractor(method="rules")
        parsed = learned.parse(text)
        assert rules.extract_parsed(parsed).attributions == rules.rule_attributions(parsed)
        assert all(a.rule != "learned" for a in rules.extract_parsed(parsed).attributions)

    def test_an_unknown_method_is_one_clear_error(self) -> None:
        """A typo in the method names the valid ones."""
        from quotes.errors import QuotesError
        from quotes.extractor import Extractor

        with pytest.raises(QuotesError, match="learned, rules"):
            Extractor(method="neural")

    def test_the_cli_takes_the_method(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`quotes FILE --method rules --format json` prints the rules' attributions."""
        from quotes.app.cli import main

        assert main([str(CORPORA / "showcase.txt"), "--method", "rules", "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        records = data if isinstance(data, list) else [data]
        assert all(a["rule"] != "learned" for record in records for a in record["attributions"])
