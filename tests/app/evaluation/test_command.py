"""Tests for ``quotes evaluate`` (command.main), with a fake predictor instead of Stanza."""

from __future__ import annotations

import json
from collections.abc import Sequence
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from quotes.app.evaluation.brat import Relation
from quotes.app.evaluation.command import main, read_predictions
from quotes.errors import EmptyInputError
from tests.conftest import SHARED

TEXT = "The mayor said the budget will be balanced. Critics warned that the plan ignores the deficit."
ANN = "\n".join(
    [
        "T1\tSource 0 9\tThe mayor",
        "T2\tCue 10 14\tsaid",
        "T3\tContent 15 42\tthe budget will be balanced",
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
        "T4\tSource 44 51\tCritics",
        "T5\tCue 52 58\twarned",
        "T6\tContent 59 92\tthat the plan ignores the deficit",
        "E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6",
        "",
    ]
)
MAYOR = Relation(source=((0, 9),), cue=((10, 14),), content=((15, 42),))


def span(start: int, end: int) -> dict[str, object]:
    return {"text": TEXT[start:end], "start": start, "end": end}


def attribution(relation: Relation) -> dict[str, object]:
    """The JSONL form the extractor writes for one relation."""
    (source,), (cue,), content = relation.source, relation.cue, relation.content
    return {
        "speaker": {**span(*source), "name": None, "role": None, "type": "person"},
        "cue": {**span(*cue), "lemma": "say"},
        "content": {**span(content[0][0], content[-1][1]), "spans": [list(p) for p in content]},
        "kind": "indirect",
    }


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    directory = tmp_path / "gold"
    directory.mkdir()
    (directory / "a.txt").write_text(TEXT, encoding="utf-8")
    (directory / "a.ann").write_text(ANN, encoding="utf-8")
    return directory


def run(argv: list[str], predictor: object = None) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of one evaluate run."""
    out, err = StringIO(), StringIO()
    status = main(
        argv,
        predictor=predictor,  # type: ignore[arg-type]
        stdout=Console(file=out, width=100, color_system=None),
        stderr=Console(file=err, width=100, color_system=None),
    )
    return status, out.getvalue(), err.getvalue()


def only_mayor(text: str, name: str) -> Sequence[Relation]:
    """A fake extractor that finds the first of the two attributions."""
    return (MAYOR,)


class TestMissingInput:
    def test_missing_gold_dir_is_one_line_and_status_2(self, tmp_path: Path) -> None:
        """An absent gold directory prints one clear line and exits 2."""
        status, out, err = run([str(tmp_path / "polnear" / "dev")])
        assert status == 2
        assert out == ""
        assert err.count("\n") == 1
        assert err.startswith("quotes: gold directory not found:")

    def test_missing_predictions_file(self, gold: Path) -> None:
        """An unreadable predictions file exits 2 with a message."""
        status, _, err = run([str(gold), "--predictions", str(gold / "none.jsonl")])
        assert status == 2
        assert "cannot read predictions" in err

    def test_bad_arguments_return_status(self, gold: Path) -> None:
        """argparse errors become exit status 2 instead of leaving the process."""
        assert run([str(gold), "--limit", "0"])[0] == 2

    def test_extractor_refusing_a_document_warns(self, gold: Path) -> None:
        """A document the extractor refuses is warned about and scored as finding nothing."""

        def refuse(text: str, name: str) -> Sequence[Relation]:
            raise EmptyInputError("input is empty")

        status, _, err = run([str(gold)], refuse)
        assert status == 0
        assert "warning: a: input is empty" in err


class TestPredictor:
    def test_fake_predictor_is_scored(self, gold: Path) -> None:
        """The injected predictor's relations are scored and the table printed."""
        status, out, _ = run([str(gold)], only_mayor)
        assert status == 0
        assert "content" in out and "relation" in out
        assert "content recall (partial), indirect: 50.0 % (1/2)" in out

    def test_errors_lists_the_miss(self, gold: Path) -> None:
        """--errors prints the missed attribution with its sentence."""
        _, out, _ = run([str(gold), "--errors"], only_mayor)
        assert "[missed] that the plan ignores the deficit" in out
        assert "in: Critics warned that the plan ignores the deficit." in out

    def test_json_to_file(self, gold: Path, tmp_path: Path) -> None:
        """--json FILE writes the figures as JSON."""
        target = tmp_path / "scores.json"
        status, _, _ = run([str(gold), "--json", str(target)], only_mayor)
        figures = json.loads(target.read_text(encoding="utf-8"))
        assert status == 0
        assert figures["documents"] == 1
        assert figures["content"]["exact"] == {
            "matched": 1, "predicted": 1, "gold": 2, "precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3)
        }
        assert figures["attribution_accuracy"]["value"] == 1.0

    def test_json_to_stdout_keeps_it_pure(self, gold: Path) -> None:
        """--json - puts only JSON on stdout and the table on stderr."""
        status, out, err = run([str(gold), "--json", "-", "--errors"], only_mayor)
        assert status == 0
        figures = json.loads(out)
        assert figures["relation"]["partial"]["recall"] == 0.5
        assert figures["mistakes"][0]["kind"] == "missed"
        assert "relation" in err


class TestPredictionsFile:
    def write(self, path: Path, *records: dict[str, object]) -> Path:
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        return path

    def test_scores_jsonl_with_path_names(self, gold: Path, tmp_path: Path) -> None:
        """A document given as a path is matched to the gold text by its stem."""
        predictions = self.write(
            tmp_path / "out.jsonl", {"document": "corpora/x/a.txt", "attributions": [attribution(MAYOR)]}
        )
        status, out, err = run([str(gold), "--predictions", str(predictions), "--json", "-"])
        assert status == 0
        assert json.loads(out)["content"]["exact"]["matched"] == 1
        assert "warning" not in err

    def test_read_predictions_problems(self, tmp_path: Path) -> None:
        """Unknown documents, error lines, broken lines and drifted offsets are reported, not fatal."""
        drifted = attribution(MAYOR)
        drifted["cue"] = {"text": "told", "start": 10, "end": 14}
        path = self.write(
            tmp_path / "out.jsonl",
            {"document": "a", "attributions": [drifted]},
            {"document": "b", "attributions": []},
            {"document": "c", "error": "timed out", "attributions": []},
            {"nothing": True},
        )
        predictions, warnings = read_predictions(path, {"a": TEXT, "c": TEXT})
        assert predictions == {"a": (MAYOR,), "c": ()}
        assert any("line 4: skipped" in w for w in warnings)
        assert "1 predicted documents are not in the gold set (ignored)" in warnings
        assert "1 predicted documents carry an error (scored as finding nothing)" in warnings
        assert "1 predicted spans do not match the gold text at their offsets" in warnings

    def test_missing_document_warns(self, gold: Path, tmp_path: Path) -> None:
        """Gold documents absent from the predictions are warned about and score as empty."""
        predictions = self.write(tmp_path / "out.jsonl")
        status, out, err = run([str(gold), "--predictions", str(predictions)])
        assert status == 0
        assert "1 gold documents have no predictions" in err
        assert "content recall (partial), indirect: 0.0 % (0/2)" in out


class TestPolnearCommand:
    POLNEAR_DEV = SHARED / "polnear" / "dev"

    @pytest.mark.polnear
    @pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="../shared/polnear/dev is absent")
    def test_dev_against_itself(self) -> None:
        """Scoring two PolNeAR dev documents' gold against itself gives 100 everywhere."""
        from quotes.app.evaluation.brat import load_gold

        gold = {d.name: d.relations for d in load_gold(self.POLNEAR_DEV, limit=2).documents}
        status, out, _ = run([str(self.POLNEAR_DEV), "--limit", "2", "--json", "-"], lambda t, n: gold[n])
        figures = json.loads(out)
        assert status == 0
        assert figures["relation"]["exact"]["f1"] == 1.0
