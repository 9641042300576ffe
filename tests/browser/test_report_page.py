"""The showcase report in a real browser: rows, links to the article, filters, highlighting, no requests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quotes.app.reporters import html
from quotes.core.attribution import Article
from tests.browser.conftest import WINDOW
from tests.conftest import CORPORA

pytestmark = [pytest.mark.integration, pytest.mark.browser]

ROW_7_PASSAGE = "that Russia's trade with North Korea"


@pytest.fixture(scope="module")
def showcase(extractor: Any) -> Article:  # type: ignore[no-untyped-def]
    return extractor.extract((CORPORA / "showcase.txt").read_text(encoding="utf-8"), document="showcase.txt")


@pytest.fixture(scope="module")
def report(showcase: Article, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The showcase report, written once for the module."""
    path = tmp_path_factory.mktemp("report") / "showcase.html"
    html.write_page(path, showcase)
    return path


@pytest.fixture
def page(browser: Any, report: Path, screenshot: Path) -> Any:
    """The showcase report freshly loaded in a wide window."""
    browser.set_window_size(*WINDOW)
    browser.get(report.as_uri())
    browser.get_log("performance")  # start each test's request and console logs empty
    browser.get_log("browser")
    return browser


def _visible_rows(driver: Any) -> list[Any]:
    return [row for row in driver.find_elements("css selector", "#quotes tbody tr") if row.is_displayed()]


def _in_view(driver: Any, element: Any) -> bool:
    """Whether the element lies inside the window and inside every scrolling box around it."""
    return bool(driver.execute_script("""
        const rect = arguments[0].getBoundingClientRect();
        if (rect.height === 0 || rect.top < 0 || rect.bottom > window.innerHeight) return false;
        for (let box = arguments[0].parentElement; box; box = box.parentElement) {
            const outer = box.getBoundingClientRect();
            if (box.scrollHeight > box.clientHeight + 1 && getComputedStyle(box).overflowY !== "visible"
                && (rect.top < outer.top || rect.bottom > outer.bottom)) return false;
        }
        return true;""", element))


class TestRows:
    """The table lists every attribution and links each to its passage."""

    def test_all_eight_rows(self, page: Any, showcase: Article) -> None:
        """All 8 attributions of the showcase are rows, numbered in order."""
        rows = _visible_rows(page)
        assert len(showcase.attributions) == 8
        assert [row.get_attribute("data-att") for row in rows] == [str(n) for n in range(1, 9)]

    def test_click_row_7_scrolls_to_its_passage(self, page: Any) -> None:
        """Clicking row 7 brings "that Russia's trade with North Korea" into view and marks it."""
        passage = page.find_element("id", "a7")
        assert passage.text.startswith(ROW_7_PASSAGE)
        page.execute_script("document.querySelector('.article-pane').scrollTop = 0; window.scrollTo(0, 0);")
        assert not _in_view(page, passage)
        page.find_elements("css selector", "#quotes tbody tr")[6].click()
        assert _in_view(page, passage)
        assert "current" in passage.get_attribute("class").split()
        assert page.execute_script("return location.hash") == "#a7"

    def test_keyboard_enter_selects_a_row(self, page: Any) -> None:
        """A focused row opens its passage with Enter, as a click does."""
        from selenium.webdriver.common.keys import Keys

        page.find_element("id", "row-3").send_keys(Keys.ENTER)
        assert "current" in page.find_element("id", "a3").get_attribute("class").split()

    def test_narrow_window_stacks_table_above_article(self, page: Any) -> None:
        """At phone width the table comes first, full width, and a row click scrolls the page to the passage."""
        page.set_window_size(400, 800)
        table = page.find_element("id", "quotes").rect
        article = page.find_element("id", "article").rect
        assert table["y"] + table["height"] <= article["y"]
        assert page.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
        page.find_element("id", "row-7").click()
        assert _in_view(page, page.find_element("id", "a7"))


class TestFilters:
    """Filtering by speaker and kind, from the selects or the by-speaker summary; sorting by column."""

    def test_filter_by_vladimir_putin(self, page: Any) -> None:
        """Putin, President Putin and "He" resolve to Vladimir Putin: 3 rows."""
        from selenium.webdriver.support.ui import Select

        Select(page.find_element("id", "filter-speaker")).select_by_value("Vladimir Putin")
        rows = _visible_rows(page)
        assert len(rows) == 3
        assert {row.get_attribute("data-speaker") for row in rows} == {"Vladimir Putin"}
        assert page.find_element("id", "shown").text == "3 of 8 shown"

    def test_summary_speaker_filters_and_kind_narrows(self, page: Any) -> None:
        """Clicking a speaker in the summary filters the table; the kind filter narrows it further."""
        from selenium.webdriver.support.ui import Select

        page.find_element("css selector", '.speaker-filter[data-speaker="Vladimir Putin"]').click()
        assert len(_visible_rows(page)) == 3
        Select(page.find_element("id", "filter-kind")).select_by_value("mixed")
        assert [row.get_attribute("data-att") for row in _visible_rows(page)] == ["6"]
        page.find_element("id", "filter-clear").click()
        assert len(_visible_rows(page)) == 8

    def test_sort_by_speaker(self, page: Any) -> None:
        """The Speaker header sorts rows by speaker, and a second click reverses them."""
        original = [row.get_attribute("data-speaker") for row in _visible_rows(page)]
        button = page.find_element("css selector", 'button[data-sort="speaker"]')
        button.click()
        names = [row.get_attribute("data-speaker") for row in _visible_rows(page)]
        assert names == sorted(original, key=str.lower) and names != original
        button.click()
        again = [row.get_attribute("data-speaker") for row in _visible_rows(page)]
        assert again == sorted(names, key=str.lower, reverse=True)
        assert button.find_element("xpath", "..").get_attribute("aria-sort") == "descending"


class TestHighlighting:
    """Speaker, cue and content of one attribution light up together."""

    def test_hover_content_highlights_its_speaker(self, page: Any) -> None:
        """Hovering content 7 outlines its speaker "He" and its cue, and no other attribution's."""
        from selenium.webdriver.common.action_chains import ActionChains

        speaker = page.find_element("id", "s7")
        assert "hl" not in speaker.get_attribute("class").split()
        ActionChains(page).move_to_element(page.find_element("id", "a7")).perform()
        assert "hl" in speaker.get_attribute("class").split()
        assert "hl" in page.find_element("id", "c7").get_attribute("class").split()
        assert "hl" not in page.find_element("id", "s6").get_attribute("class").split()
        assert speaker.value_of_css_property("outline-style") == "solid"
        assert page.find_element("id", "row-7").get_attribute("class").split().count("hl") == 1

    def test_pronoun_shows_resolved_name(self, page: Any) -> None:
        """The pronoun speaker "He" shows "Vladimir Putin" when focused."""
        speaker = page.find_element("id", "s7")
        assert speaker.text == "He"
        page.execute_script("arguments[0].focus()", speaker)
        label = page.execute_script("return getComputedStyle(arguments[0], '::after').content", speaker)
        assert "Vladimir Putin" in label


class TestSafety:
    """Article text is inert, and the page asks nothing of the network."""

    def test_script_in_article_stays_text(self, browser: Any, extractor: Any, tmp_path: Path,
                                          screenshot: Path) -> None:
        """A <script> and an onerror handler in the article show as text and never run."""
        text = ('"The <script>window.pwned = 1; document.title = \'pwned\'</script> plan was never real," '
                'the mayor said on Monday. <img src=x onerror="window.pwned = 2">\n')
        article = extractor.extract(text, document="<script>window.pwned = 3</script>")
        assert any("<script>" in att.content.text for att in article.attributions)
        path = tmp_path / "inert.html"
        html.write_page(path, article)
        browser.set_window_size(*WINDOW)
        browser.get(path.as_uri())
        assert browser.execute_script("return window.pwned") is None
        assert browser.title == "Who said what — <script>window.pwned = 3</script>"
        assert browser.execute_script("return document.getElementById('article').textContent") == text
        assert browser.execute_script("return document.scripts.length") == 1
        assert browser.execute_script("return document.images.length") == 0

    def test_no_external_requests(self, page: Any, report: Path) -> None:
        """Loading and using the page requests nothing but the page itself, and nothing is blocked trying."""
        page.get(report.as_uri())
        page.find_element("id", "row-2").click()
        page.find_element("css selector", '.speaker-filter[data-speaker="AP"]').click()
        assert page.execute_script("return performance.getEntriesByType('resource').length") == 0
        requested = [
            message["params"]["request"]["url"]
            for entry in page.get_log("performance")
            if (message := json.loads(entry["message"])["message"])["method"] == "Network.requestWillBeSent"
        ]
        assert requested == [report.as_uri()]
        console = [entry["message"] for entry in page.get_log("browser")]
        assert not [m for m in console if "Content Security Policy" in m or "Failed to load" in m], console
