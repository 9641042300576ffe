"""Tests for the brat standoff reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.app.evaluation.brat import GoldError, Relation, load_gold, parse_ann
from tests.conftest import SHARED

POLNEAR_DEV = SHARED / "polnear" / "dev"

TEXT = '"The plan," she said, "is dead." Officials: nothing changed.'

ANN = "\n".join(
    [
        "T1\tSource 12 15\tshe",
        "T2\tCue 16 20\tsaid",
        "T3\tContent 0 11;22 32\t\"The plan,\" \"is dead.\"",
        "T4\tAttribution 16 20\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "T5\tCue 42 43\t:",
        "T6\tContent 44 60\tnothing changed.",
        "T7\tAttribution-no-source 42 43\t:",
        "E2\tAttribution-no-source:T7 Cue:T5 Content:T6",
        "T8\tDiscard 33 42\tOfficials",
        "",
    ]
)


def write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


class TestParseAnn:
    def test_discontinuous_spans_and_missing_parts(self) -> None:
        """Discontinuous pieces are kept apart and a missing source is empty."""
        relations, problems = parse_ann(ANN, TEXT)
        assert problems == ()
        assert relations == (
            Relation(source=((12, 15),), cue=((16, 20),), content=((0, 11), (22, 32))),
            Relation(source=(), cue=((42, 43),), content=((44, 60),)),
        )

    def test_numbered_roles_join_their_part(self) -> None:
        """A second content role ("Content2") adds its pieces to the content."""
        ann = (
            'T1\tContent 0 11\t"The plan,"\nT2\tContent 22 32\t"is dead."\nT3\tCue 16 20\tsaid\n'
            "E1\tAttribution:T3 Cue:T3 Content:T1 Content2:T2\n"
        )
        relations, _ = parse_ann(ann, TEXT)
        assert relations[0].content == ((0, 11), (22, 32))

    def test_bad_span_is_reported_and_its_relation_skipped(self) -> None:
        """A span whose text disagrees with the document is skipped with a warning, not a crash."""
        ann = "T1\tSource 12 15\tshe\nT2\tCue 16 20\tsays\nE1\tAttribution:T2 Cue:T2 Source:T1\n"
        relations, problems = parse_ann(ann, TEXT)
        assert relations == ()
        assert len(problems) == 2
        assert "'says' is not the text at 16 20" in problems[0]

    def test_offsets_outside_the_text_are_reported(self) -> None:
        """Offsets past the end of the text give a warning."""
        _, problems = parse_ann("T1\tCue 100 104\tsaid\n", TEXT)
        assert "outside the text" in problems[0]

    def test_empty_event_is_dropped(self) -> None:
        """An attribution with no source, cue or content is dropped with a warning."""
        relations, problems = parse_ann("T1\tAttribution 16 20\tsaid\nE1\tAttribution:T1\n", TEXT)
        assert relations == ()
        assert "has no source, cue or content" in problems[0]

    def test_discard_spans_are_ignored(self) -> None:
        """A Discard span never becomes a relation part."""
        ann = "T1\tDiscard 33 42\tOfficials\nT2\tCue 16 20\tsaid\nE1\tAttribution:T2 Cue:T2 Source:T1\n"
        relations, _ = parse_ann(ann, TEXT)
        assert relations == (Relation(source=(), cue=((16, 20),), content=()),)


class TestLayouts:
    def test_side_by_side(self, tmp_path: Path) -> None:
        """NAME.txt beside NAME.ann is read as one document."""
        write(tmp_path / "one.txt", TEXT)
        write(tmp_path / "one.ann", ANN)
        corpus = load_gold(tmp_path)
        assert corpus.layout == "side-by-side"
        assert [(d.name, d.text, len(d.relations)) for d in corpus.documents] == [("one", TEXT, 2)]

    def test_side_by_side_without_text_warns(self, tmp_path: Path) -> None:
        """An .ann file without its text is skipped with a warning."""
        write(tmp_path / "one.ann", ANN)
        corpus = load_gold(tmp_path)
        assert corpus.documents == ()
        assert "no one.txt beside it" in corpus.warnings[0]

    def test_polnear_picks_first_annotator(self, tmp_path: Path) -> None:
        """With several annotators' files the id that sorts first is used."""
        write(tmp_path / "text" / "news_2016-09-01_a.txt", TEXT)
        write(tmp_path / "attributions" / "news_2016-09-01_a_ef2d.ann", ANN)
        write(tmp_path / "attributions" / "news_2016-09-01_a_4b22.ann", "\n".join(ANN.splitlines()[:5]))
        corpus = load_gold(tmp_path)
        assert corpus.layout == "polnear"
        assert corpus.documents[0].name == "news_2016-09-01_a"
        assert len(corpus.documents[0].relations) == 1

    def test_polnear_text_without_annotation_warns(self, tmp_path: Path) -> None:
        """A text with no annotation file is skipped with a warning."""
        write(tmp_path / "text" / "a.txt", TEXT)
        write(tmp_path / "text" / "b.txt", TEXT)
        write(tmp_path / "attributions" / "a_4b22.ann", ANN)
        corpus = load_gold(tmp_path)
        assert [d.name for d in corpus.documents] == ["a"]
        assert corpus.warnings == ("b.txt: no annotation file, skipped",)

    def test_limit_keeps_first_names(self, tmp_path: Path) -> None:
        """``limit`` keeps the first documents by name."""
        for name in ("c", "a", "b"):
            write(tmp_path / f"{name}.txt", TEXT)
            write(tmp_path / f"{name}.ann", ANN)
        assert [d.name for d in load_gold(tmp_path, limit=2).documents] == ["a", "b"]

    def test_crlf_offsets_count_both_characters(self, tmp_path: Path) -> None:
        """Windows line ends are kept, as brat counts them in offsets."""
        (tmp_path / "one.txt").write_bytes(b"Intro.\r\nShe said: yes.")
        write(tmp_path / "one.ann", "T1\tSource 8 11\tShe\nT2\tCue 12 16\tsaid\nE1\tAttribution:T2 Cue:T2 Source:T1\n")
        corpus = load_gold(tmp_path)
        assert corpus.warnings == ()
        assert corpus.documents[0].relations[0].source == ((8, 11),)

    def test_missing_directory(self, tmp_path: Path) -> None:
        """A directory that does not exist raises GoldError naming it."""
        with pytest.raises(GoldError, match="not found"):
            load_gold(tmp_path / "nowhere")

    def test_directory_without_annotations(self, tmp_path: Path) -> None:
        """A directory with neither layout raises GoldError saying what was expected."""
        write(tmp_path / "one.txt", TEXT)
        with pytest.raises(GoldError, match="no brat annotations"):
            load_gold(tmp_path)


@pytest.mark.polnear
@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="../shared/polnear/dev is absent")
class TestPolnearDev:
    def test_loads_dev_split(self) -> None:
        """PolNeAR dev loads 84 documents with about 2,192 attributions and no bad spans."""
        corpus = load_gold(POLNEAR_DEV)
        count = sum(len(d.relations) for d in corpus.documents)
        print(f"PolNeAR dev: {len(corpus.documents)} documents, {count} relations")
        assert len(corpus.documents) == 84
        assert 2100 <= count <= 2300
        assert not any("is not the text" in warning for warning in corpus.warnings)
