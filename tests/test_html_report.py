"""The HTML reporter without a browser: escaping, ids, offsets, verdicts and the corpus index."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.app.reporters import html
from quotes.app.reporters.records import article_from_record
from quotes.app.verification.matching import Verification
from quotes.core.attribution import Article, Attribution, Content, Cue, QuoteKind, Span, Speaker, SpeakerType
from quotes.errors import InputError

TEXT = (
    'Mayor Jo Bell said the budget was "<script>alert(1)</script> & fine".\n\n'
    "\"We won't cut,\" she added, \"the libraries.\" Critics, the union said, disagree.\n"
)


def _at(text: str, piece: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def _attribution(text: str, contents: list[tuple[int, int]], cue: tuple[int, int] | None,
                 speaker: tuple[int, int] | None, kind: QuoteKind, *, name: str | None = None) -> Attribution:
    who = Speaker(Span.of(text, *speaker), name, None, SpeakerType.PERSON) if speaker else None
    said = Cue(Span.of(text, *cue), "say") if cue else None
    return Attribution(Content.of(text, contents), said, who, kind, Span.of(text, 0, len(text)), 0, "test")


def sample_article(text: str = TEXT, document: str | None = "news/<b>bell</b>.txt") -> Article:
    """Three attributions: a mixed one with markup in its quote, an interrupted direct one, and an aside."""
    return Article(text, (
        _attribution(text, [_at(text, 'the budget was "<script>alert(1)</script> & fine"')], _at(text, "said"),
                     _at(text, "Mayor Jo Bell"), QuoteKind.MIXED, name="Jo Bell"),
        _attribution(text, [_at(text, "We won't cut,"), _at(text, "the libraries.")], _at(text, "added"),
                     _at(text, "she"), QuoteKind.DIRECT, name="Jo Bell"),
        _attribution(text, [_at(text, "Critics, the union said, disagree")], _at(text, "said", 2),
                     _at(text, "the union"), QuoteKind.INDIRECT),
    ), document)


class _Page(HTMLParser):
    """Collects the article's text, each mark's attributes and text, the links and the script tags."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.article_text = ""
        self.marks: list[dict[str, str]] = []
        self.ids: list[str] = []
        self.links: list[dict[str, str]] = []
        self.urls: list[str] = []
        self.scripts = 0
        self._depth = 0  # > 0 inside the article div
        self._open: list[dict[str, str]] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if "id" in values:
            self.ids.append(values["id"])
        self.urls += [values[key] for key in ("src", "href") if key in values]
        self.scripts += tag == "script"
        if tag == "a":
            self.links.append(values)
        if tag == "div" and values.get("id") == "article":
            self._depth = 1
        elif self._depth and tag == "mark":
            mark = {**values, "text": ""}
            self.marks.append(mark)
            self._open.append(mark)

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag == "mark":
            self._open.pop()
        elif self._depth and tag == "div":
            self._depth = 0

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.article_text += data
            for mark in self._open:
                mark["text"] += data


class TestEscaping:
    """Article text, names and document ids reach the page as text, never as markup."""

    def test_script_in_the_article_is_text(self) -> None:
        """The only <script> element is the page's own; the article's is escaped."""
        page = html.render_page(sample_article())
        parsed = _Page(page)
        assert parsed.scripts == 1
        assert "<script>alert(1)</script>" in parsed.article_text
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; fine" in page

    def test_document_id_is_escaped(self) -> None:
        """A document id with markup shows as text in the heading and title."""
        page = html.render_page(sample_article())
        assert "<b>bell</b>" not in page and "news/&lt;b&gt;bell&lt;/b&gt;.txt" in page


class TestOffsets:
    """Every element covers exactly the characters its offsets name."""

    def test_article_text_is_unchanged(self) -> None:
        """The article element's text is the input, character for character (newlines included)."""
        assert _Page(html.render_page(sample_article())).article_text == TEXT

    def test_marks_cover_their_offsets(self) -> None:
        """Each mark's text is text[data-start:data-end], for speakers, cues and every content piece."""
        marks = _Page(html.render_page(sample_article())).marks
        assert {m["data-role"] for m in marks} == {"speaker", "cue", "content"}
        for mark in marks:
            assert TEXT[int(mark["data-start"]) : int(mark["data-end"])] == mark["text"]

    def test_contents_have_ids_and_table_links(self) -> None:
        """Content N is #aN (its second piece #aN-2) and the table links to it with the content's offsets."""
        article = sample_article()
        parsed = _Page(html.render_page(article))
        assert {"a1", "a2", "a2-2", "a3", "s1", "c1", "row-1", "row-3"} <= set(parsed.ids)
        assert len(parsed.ids) == len(set(parsed.ids))
        links = {link["href"]: link for link in parsed.links if link.get("class") == "content-link"}
        for number, att in enumerate(article.attributions, 1):
            link = links[f"#a{number}"]
            assert (int(link["data-start"]), int(link["data-end"])) == (att.content.start, att.content.end)

    def test_speaker_shows_the_resolved_name(self) -> None:
        """A pronoun speaker carries the name it resolves to, for the hover label."""
        marks = _Page(html.render_page(sample_article())).marks
        (she,) = [m for m in marks if m["data-role"] == "speaker" and m["text"] == "she"]
        assert she["data-name"] == "Jo Bell" and "Jo Bell" in she["title"]

    @settings(max_examples=150, deadline=None)
    @given(st.data())
    def test_crossing_spans_nest(self, data: st.DataObject) -> None:
        """Any speakers, cues and contents, crossing or not, give balanced marks that each cover their offsets."""
        text = data.draw(st.text(alphabet="ab <&\n\"'", min_size=2, max_size=40))
        n = len(text)
        interval = st.tuples(st.integers(0, n - 1), st.integers(1, n)).filter(lambda p: p[0] < p[1])
        atts = []
        for _ in range(data.draw(st.integers(1, 4))):
            atts.append(_attribution(text, [data.draw(interval)], data.draw(st.none() | interval),
                                     data.draw(st.none() | interval), QuoteKind.INDIRECT))
        pieces = html.article_pieces(Article(text, tuple(atts)))
        assert "".join(p["text"] for p in pieces if p["kind"] == "text") == text
        depth, covered = 0, 0
        for piece in pieces:
            if piece["kind"] == "open":
                depth += 1
                assert piece["start"] == covered and piece["start"] < piece["end"]
            elif piece["kind"] == "close":
                depth -= 1
                assert depth >= 0
            else:
                covered += len(piece["text"])
        assert depth == 0
        marks = _Page(html.render_page(Article(text, tuple(atts)))).marks
        assert all(text[int(m["data-start"]) : int(m["data-end"])] == m["text"] for m in marks)
        assert len({m["id"] for m in marks if "id" in m}) == len([m for m in marks if "id" in m])


class TestSelfContained:
    """The page asks for nothing from the network."""

    def test_no_urls_outside_the_page(self) -> None:
        """Every src and href is an in-page anchor (or the index link); a CSP forbids any request."""
        page = html.render_page(sample_article(), index_href="index.html")
        urls = _Page(page).urls
        assert urls and all(url.startswith("#") or url == "index.html" for url in urls)
        assert "default-src 'none'" in page
        assert not re.search(r"(?:https?:)?//[\w.-]+\.\w", page.replace("http-equiv", ""))


class TestTable:
    """Rows, filters and the by-speaker summary."""

    def test_rows_and_filters(self) -> None:
        """One row per attribution, filterable by resolved speaker and by kind."""
        page = html.render_page(sample_article())
        rows = re.findall(r'<tr id="row-(\d+)"[^>]*data-speaker="([^"]*)" data-kind="(\w+)"', page)
        assert rows == [("1", "Jo Bell", "mixed"), ("2", "Jo Bell", "direct"), ("3", "the union", "indirect")]
        assert '<option value="Jo Bell">Jo Bell (2)</option>' in page
        assert '<option value="mixed">mixed (1)</option>' in page
        assert 'data-speaker="the union"' in page

    def test_no_attributions(self) -> None:
        """An article without attributions still shows its text, and says none were found."""
        page = html.render_page(Article("Nothing was said here.\n", ()))
        assert "No attributions found" in page and _Page(page).article_text == "Nothing was said here.\n"


class TestVerdicts:
    """Verdicts: one record per checked passage, joined to its attribution; altered ones show the diff."""

    def _verification(self, article: Article, piece: str, verdict: str, diff: str = "",
                      attribution: int = 0) -> Verification:
        start, end = _at(article.text, piece)
        return Verification(Span.of(article.text, start, end), None, verdict, 0.8, None, diff,
                            attribution=attribution)

    def test_adapter_joins_passages_to_attributions(self) -> None:
        """Verifications in attribution order become (attribution, passage) records with their offsets."""
        article = sample_article()
        verifications = [
            self._verification(article, "<script>alert(1)</script> & fine", "altered", "[-it is-]{+<script>+} fine", 0),
            self._verification(article, "We won't cut,\" she added, \"the libraries.", "verbatim", attribution=1),
            self._verification(article, "Critics, the union said, disagree", "paraphrase", attribution=2),
        ]
        verdicts = html.verdicts_from_verifications(article, verifications)
        assert [(v.attribution, v.passage, v.verdict) for v in verdicts] == [
            (0, 1, "altered"), (1, 1, "verbatim"), (2, 1, "paraphrase")]
        assert verdicts[0].diff == (("removed", "it is"), ("added", "<script>"), ("same", " fine"))
        assert article.text[verdicts[0].start : verdicts[0].end] == "<script>alert(1)</script> & fine"

    def test_adapter_refuses_a_stray_verification(self) -> None:
        """A verification naming no attribution of the article is a bug, reported with the passage."""
        article = sample_article()
        with pytest.raises(ValueError, match="Mayor Jo Bell"):
            html.verdicts_from_verifications(
                article, [self._verification(article, "Mayor Jo Bell", "verbatim", attribution=99)])

    def test_page_shows_verdicts_and_diff(self) -> None:
        """The verdict column lists each passage; an altered one shows removed and added words, escaped."""
        article = sample_article()
        verdicts = [html.PassageVerdict(0, 1, 34, 66, "altered", 0.71, html.diff_parts("[-it is-]{+<i>+} fine")),
                    html.PassageVerdict(2, 1, 120, 150, "not_found", 0.2)]
        page = html.render_page(article, verdicts=verdicts)
        assert "<th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-sort=\"verdict\">" in page
        assert '<del title="in the source, not the article">it is</del>' in page
        assert '<ins title="in the article, not the source">&lt;i&gt;</ins>' in page
        assert "not found</span> <span class=\"similarity\">20%" in page
        assert "not checked" in page  # the second attribution has no verdict
        assert "verdict" not in html.render_page(article).split("<tbody>")[1].split("</table>")[0]

    def test_verdict_for_a_missing_attribution(self) -> None:
        """A verdict pointing past the attributions is refused."""
        with pytest.raises(ValueError, match="attribution 3"):
            html.render_page(sample_article(), verdicts=[html.PassageVerdict(3, 1, 0, 1, "verbatim", 1.0)])


class TestCorpusPages:
    """A directory of pages and its index."""

    def test_pages_and_index(self, tmp_path: Path) -> None:
        """One page per document (safe, unique names), and an index linking each with its counts."""
        pages = html.CorpusPages(tmp_path / "out")
        first = pages.add(sample_article(document="a/x.txt"))
        second = pages.add(sample_article(document="b/x.txt"))
        pages.add_failure("broken.txt", "not UTF-8 <text>")
        index = pages.write_index().read_text(encoding="utf-8")
        assert first.name == "a_x.txt.html" and second.name == "b_x.txt.html"
        assert 'href="a_x.txt.html"' in index and 'href="b_x.txt.html"' in index
        assert "failed: not UTF-8 &lt;text&gt;" in index
        assert re.search(r'<td class="n">1</td><td class="n">1</td><td class="n">1</td>\s*'
                         r'<td class="n total">3</td>', index)
        assert "6 attributions" in index and "1 document failed" in index
        assert 'href="index.html"' in first.read_text(encoding="utf-8")

    def test_colliding_names_get_numbers(self, tmp_path: Path) -> None:
        """Two ids that make the same file name do not overwrite each other."""
        pages = html.CorpusPages(tmp_path)
        names = [pages.add(sample_article(document=doc)).name for doc in ("a b.txt", "a?b.txt", "index")]
        assert names == ["a_b.txt.html", "a_b.txt-2.html", "index-2.html"]

    def test_follow_makes_pages_from_jsonl_lines(self, tmp_path: Path) -> None:
        """In corpus mode, each JSONL line written (in pieces or whole) becomes a page; error lines are listed."""
        import io

        from quotes.app.inputs import Document

        article = sample_article(document="one")
        pages = html.CorpusPages(tmp_path)
        documents, out = pages.follow(iter([Document("one", TEXT), Document("two", None, "unreadable")]), io.StringIO())
        assert [doc.id for doc in documents] == ["one", "two"]
        line = json.dumps(article.to_dict()) + "\n"
        out.write(line[:10])
        out.write(line[10:] + json.dumps({"document": "two", "error": "unreadable", "attributions": []}) + "\n")
        assert [e.document for e in pages.entries] == ["one", "two"]
        assert pages.entries[0].counts["total"] == 3 and pages.entries[1].error == "unreadable"
        assert (tmp_path / "one.html").exists()

    def test_resume_keeps_earlier_documents(self, tmp_path: Path) -> None:
        """A resumed run lists the documents of the earlier run too; a fresh run starts a new list."""
        first = html.CorpusPages(tmp_path)
        first.add(sample_article(document="a"))
        first.write_index()
        resumed = html.CorpusPages(tmp_path, resume=True)
        assert resumed.add(sample_article(document="a?")).name == "a-2.html"  # the earlier page keeps its name
        resumed.add(sample_article(document="b"))
        index = resumed.write_index().read_text(encoding="utf-8")
        assert 'href="a.html"' in index and 'href="a-2.html"' in index and 'href="b.html"' in index
        fresh = html.CorpusPages(tmp_path)
        fresh.add(sample_article(document="c"))
        index = fresh.write_index().read_text(encoding="utf-8")
        assert 'href="a.html"' not in index and 'href="c.html"' in index

    def test_a_file_is_not_a_directory(self, tmp_path: Path) -> None:
        """--html DIR naming an existing file fails with an OSError naming it."""
        target = tmp_path / "taken"
        target.write_text("x")
        with pytest.raises(NotADirectoryError):
            html.CorpusPages(target)


class TestWantsDirectory:
    """--html names a page for one document and a directory for several."""

    def test_one_document_one_page(self, tmp_path: Path) -> None:
        assert not html.wants_directory(str(tmp_path / "report.html"), 1)

    def test_directory_forms(self, tmp_path: Path) -> None:
        """Several documents, an existing directory, or a trailing slash mean a directory."""
        assert html.wants_directory(str(tmp_path / "pages"), 2)
        assert html.wants_directory(str(tmp_path), 1)
        assert html.wants_directory(str(tmp_path / "new") + "/", 1)

    def test_page_name_for_several_documents(self, tmp_path: Path) -> None:
        """Several documents and a page name is a one-line error suggesting a directory."""
        with pytest.raises(InputError, match="give a directory"):
            html.wants_directory(str(tmp_path / "report.html"), 3)


class TestRecords:
    """A JSONL record and its text make the article again."""

    def test_round_trip(self) -> None:
        """to_dict, then article_from_record with the same text, gives the same record and the same contents."""
        article = sample_article()
        again = article_from_record(json.loads(json.dumps(article.to_dict())), TEXT)
        assert again.to_dict() == article.to_dict()
        assert [a.content for a in again.attributions] == [a.content for a in article.attributions]

    def test_wrong_text(self) -> None:
        """A record applied to another text fails instead of showing the wrong words."""
        record = sample_article().to_dict()
        with pytest.raises(ValueError, match="not this document's record"):
            article_from_record(record, TEXT.replace("Mayor", "Major"))
