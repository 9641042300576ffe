"""Tests for quotes.app.inputs: sources to documents, and every kind of bad input."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.app.inputs import (
    DEFAULT_MAX_CHARS,
    STDIN_ID,
    Document,
    check_text,
    count_documents,
    iter_documents,
    looks_english,
    looks_like_html,
    read_text_file,
)
from quotes.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
)

ARTICLE = 'The minister said "we will win" on Tuesday.\n\nShe added that talks would go on.'
PAGE = """<!DOCTYPE html>
<html><head><title>Talks</title></head>
<body><nav>Home | World | Sport</nav>
<article><h1>Talks go on</h1>
<p>The minister said "we will win the vote on Tuesday", speaking to reporters in the capital.</p>
<p>She added that the talks with the opposition would go on for as long as they were needed.</p>
</article>
<footer>Copyright 2024 The Daily Example</footer></body></html>
"""


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def stdin_bytes(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


class TestReadTextFile:
    def test_plain_utf8(self, tmp_path: Path) -> None:
        """A UTF-8 file comes back unchanged."""
        assert read_text_file(write(tmp_path / "a.txt", ARTICLE)) == ARTICLE

    def test_utf8_bom_dropped(self, tmp_path: Path) -> None:
        """A UTF-8 byte-order mark is not part of the text (offsets must not shift by one)."""
        assert read_text_file(write(tmp_path / "a.txt", b"\xef\xbb\xbf" + ARTICLE.encode())) == ARTICLE

    def test_utf16_with_bom(self, tmp_path: Path) -> None:
        """UTF-16 with a byte-order mark is unambiguous, so it is read."""
        assert read_text_file(write(tmp_path / "a.txt", ARTICLE.encode("utf-16"))) == ARTICLE

    def test_empty_file(self, tmp_path: Path) -> None:
        """An empty file is an EmptyInputError naming the file."""
        with pytest.raises(EmptyInputError, match=r"a\.txt: no text to read \(empty\)"):
            read_text_file(write(tmp_path / "a.txt", b""))

    def test_whitespace_only(self, tmp_path: Path) -> None:
        """Whitespace (including invisible characters) only is an EmptyInputError."""
        with pytest.raises(EmptyInputError, match="whitespace only"):
            read_text_file(write(tmp_path / "a.txt", " \n\t\u3000\u200b\n"))

    def test_binary_with_nul_bytes(self, tmp_path: Path) -> None:
        """A PNG is binary, reported as such rather than as a decoding error."""
        data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
        with pytest.raises(BinaryInputError, match=r"image\.txt: looks like binary data.*NUL"):
            read_text_file(write(tmp_path / "image.txt", data))

    def test_nul_after_the_sniffed_start(self, tmp_path: Path) -> None:
        """A NUL byte anywhere marks binary data, even after a long textual start."""
        with pytest.raises(BinaryInputError, match="NUL"):
            read_text_file(write(tmp_path / "a.txt", b"text " * 5000 + b"\x00tail"))

    def test_binary_control_characters(self, tmp_path: Path) -> None:
        """Data full of control characters is binary even without NUL bytes."""
        with pytest.raises(BinaryInputError, match="control characters"):
            read_text_file(write(tmp_path / "a.txt", bytes(range(1, 32)) * 50))

    def test_latin1_reports_file_and_offset(self, tmp_path: Path) -> None:
        """Latin-1 bytes give a DecodingError naming the file, the byte and its offset."""
        path = write(tmp_path / "old.txt", "Le café est fermé.".encode("latin-1"))
        with pytest.raises(DecodingError) as info:
            read_text_file(path)
        message = str(info.value)
        assert message.startswith(f"{path}: not valid UTF-8")
        assert "byte 0xe9 at offset 6" in message
        assert "\n" not in message

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that cannot be opened is an InputError naming it."""
        with pytest.raises(InputError, match=r"nope\.txt: cannot read"):
            read_text_file(tmp_path / "nope.txt")

    def test_twenty_megabyte_single_line(self, tmp_path: Path) -> None:
        """A 20 MB one-line file is refused with a message pointing at --max-chars."""
        path = write(tmp_path / "huge.txt", b"word " * (4 * 1024 * 1024))
        with pytest.raises(InputTooLargeError, match="--max-chars"):
            read_text_file(path, DEFAULT_MAX_CHARS)

    def test_too_large_after_decoding(self, tmp_path: Path) -> None:
        """A text within the byte limit but over max_chars says its size and the option."""
        with pytest.raises(InputTooLargeError, match=r"1,000 characters, more than --max-chars 999"):
            read_text_file(write(tmp_path / "a.txt", "x" * 1000), 999)

    def test_max_chars_raised_accepts(self, tmp_path: Path) -> None:
        """Raising max_chars lets the same text through."""
        assert len(read_text_file(write(tmp_path / "a.txt", "x" * 1000), 1000)) == 1000

    @pytest.mark.parametrize(
        "text",
        [
            "Ministerin Müller sagte: „Wir werden gewinnen.“",
            "«Nous gagnerons», a déclaré le ministre.",
            'He said "we will win 🎉🇬🇧" and smiled 👍🏽.',
            "قال الوزير: «سننتصر».",
            "אמר השר: ״ננצח״.",
            "外相は「勝つ」と述べた。",
        ],
    )
    def test_non_english_emoji_rtl_accepted(self, tmp_path: Path, text: str) -> None:
        """Non-English, emoji and right-to-left texts are read as they are."""
        assert read_text_file(write(tmp_path / "a.txt", text)) == text


class TestHtml:
    def test_html_file_gives_article_text(self, tmp_path: Path) -> None:
        """An .html file gives its article text, without the page furniture."""
        pytest.importorskip("trafilatura")
        text = read_text_file(write(tmp_path / "page.html", PAGE))
        assert 'The minister said "we will win the vote on Tuesday"' in text
        assert "<p>" not in text and "Copyright" not in text

    def test_paragraphs_separated_by_blank_lines(self, tmp_path: Path) -> None:
        """Extracted paragraphs are separated by blank lines, like plain-text articles."""
        pytest.importorskip("trafilatura")
        text = read_text_file(write(tmp_path / "page.htm", PAGE))
        assert "capital.\n\nShe added" in text

    def test_html_in_txt_file(self, tmp_path: Path) -> None:
        """A saved web page named .txt is recognised by its opening and extracted too."""
        pytest.importorskip("trafilatura")
        text = read_text_file(write(tmp_path / "page.txt", "\n  " + PAGE))
        assert text.startswith(("Talks go on", "The minister said"))

    def test_html_without_article(self, tmp_path: Path) -> None:
        """A page with no article text is an EmptyInputError."""
        pytest.importorskip("trafilatura")
        with pytest.raises(EmptyInputError, match="no article text"):
            read_text_file(write(tmp_path / "page.html", "<html><body></body></html>"))

    def test_missing_trafilatura_says_what_to_install(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without trafilatura, HTML gives an InputError saying which extra to install."""
        monkeypatch.setitem(sys.modules, "trafilatura", None)
        with pytest.raises(InputError, match=r"pip install 'quotes\[html\]'"):
            read_text_file(write(tmp_path / "page.html", PAGE))

    def test_looks_like_html(self) -> None:
        """Only text that opens like a page counts as HTML; a tag inside prose does not."""
        assert looks_like_html("<!doctype HTML><p>x")
        assert looks_like_html("\ufeff <html lang='en'>")
        assert not looks_like_html("Use the <html> tag, she said.")


class TestCheckText:
    def test_accepts_text(self) -> None:
        """Ordinary text passes."""
        check_text(ARTICLE, 1000)

    def test_lone_surrogate(self) -> None:
        """A lone surrogate (possible from JSON escapes) cannot be written out, so it is refused."""
        with pytest.raises(DecodingError, match=r"lone surrogate\) at character 3"):
            check_text("abc\ud800def", 1000)

    def test_name_prefixes_message(self) -> None:
        """With a name, the message starts with it."""
        with pytest.raises(EmptyInputError, match=r"^doc-1: no text"):
            check_text("", 10, name="doc-1")

    @given(st.text(max_size=300))
    @settings(max_examples=200, deadline=None)
    def test_any_text_passes_or_input_error(self, text: str) -> None:
        """Any text either passes or raises an InputError, never anything else."""
        with contextlib.suppress(InputError):
            check_text(text, 200)


GERMAN = ("Der Bundeskanzler sagte am Montag in Berlin, dass die Regierung an ihrem Kurs festhalten werde. Die "
          "Opposition kritisierte die Entscheidung scharf und sprach von einem schweren Fehler. Man werde alle "
          "Möglichkeiten prüfen, hieß es aus der Fraktion. Der Minister erklärte, die Lage sei ernst, aber "
          "beherrschbar, und kündigte weitere Gespräche mit den Ländern an.")
SPANISH = ("El presidente dijo el lunes que el gobierno mantendrá su política. La oposición criticó duramente la "
           "decisión y habló de un grave error. El ministro explicó que la situación era seria pero controlable y "
           "anunció nuevas conversaciones con las regiones la próxima semana.")


class TestLanguage:
    def test_english_news_reads_as_english(self) -> None:
        """Every text of the project's own corpus is English, however short its words."""
        from tests.conftest import CORPORA

        assert all(looks_english(p.read_text(encoding="utf-8")) for p in CORPORA.glob("*.txt"))

    @pytest.mark.parametrize("text", [GERMAN, SPANISH])
    def test_other_languages_do_not(self, text: str) -> None:
        assert not looks_english(text)

    def test_short_texts_get_the_benefit_of_the_doubt(self) -> None:
        assert looks_english("Der Minister sagte: \"Wir gewinnen.\"")


class TestIterDocuments:
    def test_missing_path(self, tmp_path: Path) -> None:
        """A missing path raises before any document is read."""
        write(tmp_path / "a.txt", ARTICLE)
        with pytest.raises(InputError, match="nope: no such file or directory"):
            iter_documents([str(tmp_path / "a.txt"), str(tmp_path / "nope")])

    def test_directory_without_articles(self, tmp_path: Path) -> None:
        """A directory without articles raises, saying which files count."""
        write(tmp_path / "notes.md", "hi")
        with pytest.raises(InputError, match=r"no articles \(\*\.txt, \*\.html, \*\.htm\)"):
            iter_documents([str(tmp_path)])

    def test_no_sources(self) -> None:
        """An empty source list is an InputError."""
        with pytest.raises(InputError, match="no input"):
            iter_documents([])

    def test_unknown_format(self, tmp_path: Path) -> None:
        """An unknown input format lists the valid ones."""
        with pytest.raises(InputError, match="valid: auto, text, jsonl"):
            iter_documents([str(tmp_path)], input_format="xml")

    def test_directory_recursive_sorted(self, tmp_path: Path) -> None:
        """A directory gives its articles recursively, sorted, skipping hidden and other files."""
        for name in ["b.txt", "a.txt", "sub/c.txt", "sub/d.htm", "z.md", ".hidden.txt", ".git/e.txt"]:
            write(tmp_path / name, ARTICLE if name.endswith(".txt") else PAGE)
        ids = [doc.id for doc in iter_documents([str(tmp_path)])]
        assert ids == [str(tmp_path / name) for name in ["a.txt", "b.txt", "sub/c.txt", "sub/d.htm"]]

    def test_bad_file_becomes_error_document(self, tmp_path: Path) -> None:
        """An unreadable file gives a document with an error, and the next files still come."""
        write(tmp_path / "a.txt", b"")
        write(tmp_path / "b.txt", ARTICLE)
        docs = list(iter_documents([str(tmp_path)]))
        assert docs[0] == Document(str(tmp_path / "a.txt"), None, f"{tmp_path / 'a.txt'}: no text to read (empty)")
        assert docs[1] == Document(str(tmp_path / "b.txt"), ARTICLE)

    def test_same_file_twice_is_one_document(self, tmp_path: Path) -> None:
        """A file named twice is one document (ids stay unique)."""
        path = str(write(tmp_path / "a.txt", ARTICLE))
        assert len(list(iter_documents([path, path]))) == 1

    def test_stdin_text(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """"-" reads one plain-text document from standard input."""
        stdin_bytes(monkeypatch, ARTICLE.encode())
        assert list(iter_documents(["-"])) == [Document(STDIN_ID, ARTICLE)]

    def test_stdin_latin1(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Undecodable standard input gives an error document, not a traceback."""
        stdin_bytes(monkeypatch, "café".encode("latin-1"))
        [doc] = iter_documents(["-"])
        assert doc.text is None and "not valid UTF-8" in (doc.error or "")

    def test_count_documents(self, tmp_path: Path) -> None:
        """count_documents counts files and JSONL lines; None for standard input."""
        write(tmp_path / "d/a.txt", ARTICLE)
        write(tmp_path / "d/b.txt", ARTICLE)
        jsonl = write(tmp_path / "x.jsonl", '{"id": 1, "text": "a"}\n\n{"id": 2, "text": "b"}\n')
        assert count_documents([str(tmp_path / "d"), str(jsonl)]) == 4
        assert count_documents(["-"]) is None


class TestJsonl:
    def test_good_lines(self, tmp_path: Path) -> None:
        """Each line gives a document with its id (integers become strings) and text."""
        path = write(tmp_path / "in.jsonl", '{"id": "a", "text": "Hello."}\n{"id": 7, "text": "Bye."}\n')
        assert list(iter_documents([str(path)])) == [Document("a", "Hello."), Document("7", "Bye.")]

    def test_bad_lines_never_stop_the_run(self, tmp_path: Path) -> None:
        """Every bad line gives its own error document and the good lines all come through."""
        lines = [
            '{"id": "a", "text": "One."}',
            "{not json",
            '["a list"]',
            '{"text": "no id"}',
            '{"id": "a", "text": "duplicate"}',
            '{"id": "e", "text": "   "}',
            '{"id": "f"}',
            '{"id": true, "text": "boolean id"}',
            '{"id": "g", "text": "Two."}',
        ]
        path = write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
        docs = list(iter_documents([str(path)]))
        assert [doc.id for doc in docs] == ["a", f"{path}:2", f"{path}:3", f"{path}:4", f"{path}:5", "e", "f",
                                            f"{path}:8", "g"]
        assert [doc.text for doc in docs if doc.error is None] == ["One.", "Two."]
        errors = {doc.id: doc.error for doc in docs if doc.error}
        assert "not valid JSON" in errors[f"{path}:2"]
        assert "expected a JSON object" in errors[f"{path}:3"]
        assert "missing or invalid 'id'" in errors[f"{path}:4"]
        assert "duplicate id 'a'" in errors[f"{path}:5"]
        assert "whitespace only" in errors["e"]
        assert "missing 'text'" in errors["f"]

    def test_undecodable_line(self, tmp_path: Path) -> None:
        """A line of latin-1 bytes is one error document."""
        path = write(tmp_path / "in.jsonl", b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "ok"}\n')
        docs = list(iter_documents([str(path)]))
        assert docs[0].id == f"{path}:1" and "not valid UTF-8" in (docs[0].error or "")
        assert docs[1] == Document("b", "ok")

    def test_too_large_text(self, tmp_path: Path) -> None:
        """A JSONL text over max_chars is an error document keeping its id."""
        path = write(tmp_path / "in.jsonl", json.dumps({"id": "big", "text": "x" * 50}) + "\n")
        [doc] = iter_documents([str(path)], max_chars=10)
        assert doc.id == "big" and "--max-chars" in (doc.error or "")

    def test_format_forced(self, tmp_path: Path) -> None:
        """--input-format jsonl reads any file name as JSONL, and directories for *.jsonl."""
        write(tmp_path / "d/a.txt", '{"id": "t", "text": "Hi."}\n')
        write(tmp_path / "d/b.jsonl", '{"id": "j", "text": "Hi."}\n')
        assert [d.id for d in iter_documents([str(tmp_path / "d/a.txt")], input_format="jsonl")] == ["t"]
        assert [d.id for d in iter_documents([str(tmp_path / "d")], input_format="jsonl")] == ["j"]

    def test_stdin_jsonl(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """JSONL can be streamed on standard input; bad lines are named <stdin>:N."""
        stdin_bytes(monkeypatch, b'{"id": "a", "text": "Hi."}\nnope\n')
        docs = list(iter_documents(["-"], input_format="jsonl"))
        assert docs[0] == Document("a", "Hi.")
        assert docs[1].id == f"{STDIN_ID}:2" and docs[1].error


class TestFuzz:
    @given(st.binary(max_size=400))
    @settings(max_examples=100, deadline=None)
    def test_any_bytes_give_a_document(self, data: bytes) -> None:
        """Any file content gives exactly one document: text or a one-line error."""
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = write(Path(folder) / "a.txt", data)
            [doc] = iter_documents([str(path)], max_chars=300)
        assert (doc.text is None) != (doc.error is None)
        assert doc.error is None or "\n" not in doc.error
