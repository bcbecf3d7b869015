"""Issue 16 item 1: a topic page shows the briefs side by side from 1000 px (stacked on phones), with the
sentences about the issue highlighted and an explicit "not addressed"; matrix cells lead to the column."""

from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By

from conftest import SITE, open_page, set_viewport

TOPIC = "topics/host-nation-support/index.html"

COLUMNS = """
    return Array.from(document.querySelectorAll('.brief-column')).map(function (c) {
      var r = c.getBoundingClientRect();
      return {id: c.id, left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY, width: r.width,
              marks: c.querySelectorAll('blockquote mark').length, quotes: c.querySelectorAll('blockquote').length,
              missing: c.querySelectorAll('.not-addressed').length};
    });
"""


def test_two_columns_side_by_side_at_1280(driver, server):
    set_viewport(driver, 1280)
    open_page(driver, server.url(TOPIC))
    columns = driver.execute_script(COLUMNS)
    assert [c["id"] for c in columns] == ["in-japan-alliance-trump-2", "in-positive-disruptor"]
    first, second = columns
    assert abs(first["top"] - second["top"]) < 2, columns  # they start level...
    assert first["right"] <= second["left"], columns  # ...and do not overlap
    assert first["width"] > 400 and second["width"] > 400, columns
    # Together they use more than the reading column's width: the page widens for the comparison.
    assert second["right"] - first["left"] > 1000, columns
    for column in columns:
        assert column["quotes"] >= 1 and column["marks"] >= 1, column


def test_columns_stack_brief_by_brief_on_a_phone(driver, server):
    set_viewport(driver, 375)
    open_page(driver, server.url(TOPIC))
    first, second = driver.execute_script(COLUMNS)
    assert second["top"] >= first["bottom"] - 1, (first, second)
    assert first["width"] < 375 and second["width"] < 375


def test_highlighted_sentences_name_the_issue_and_keep_the_paragraph_whole(driver, server):
    open_page(driver, server.url(TOPIC))
    marks = [" ".join(m.text.split()).lower().replace("u.s.", "us") for m in driver.find_elements(By.CSS_SELECTOR, ".brief-column mark")]
    # Each highlighted sentence names the issue by one of its aliases (content/topics/host-nation-support.md).
    aliases = ["host nation support", "us forces in japan", "us forces stationed in japan", "budgetary support", "stationing american troops"]
    assert marks and all(any(alias in mark for alias in aliases) for mark in marks), marks
    unmarked = driver.execute_script("return Array.from(document.querySelectorAll('.brief-column blockquote p'))"
                                     ".map(function (p) { return p.textContent.length - Array.from(p.querySelectorAll('mark'))"
                                     ".reduce(function (n, m) { return n + m.textContent.length; }, 0); })")
    assert all(n > 0 for n in unmarked), "a whole paragraph is highlighted: nothing singles out the sentence"
    # The quoted paragraph is the brief's own text, marks and all: same words as the ¶ on the brief page.
    quote = driver.find_element(By.CSS_SELECTOR, "#in-positive-disruptor blockquote p").text
    link = driver.find_element(By.CSS_SELECTOR, "#in-positive-disruptor blockquote footer a").get_attribute("href")
    open_page(driver, link)
    anchor = urlsplit(link).fragment
    original = driver.find_element(By.CSS_SELECTOR, f"#{anchor} .para-text").text
    assert " ".join(quote.split()) == " ".join(original.split())


@pytest.mark.parametrize("topic", sorted(p.parent.name for p in (SITE / "topics").glob("*/index.html")))
def test_every_brief_has_a_column_even_when_silent(topic):
    html = (SITE / "topics" / topic / "index.html").read_text(encoding="utf-8")
    briefs = sorted(p.name for p in (SITE / "briefs").iterdir() if p.is_dir())
    for brief in briefs:
        assert f'id="in-{brief}"' in html, f"{topic} has no column for {brief}"
    start = html.index('class="columns"')
    columns = html[start:html.index('aria-labelledby="commentary-title"', start)]
    for piece in columns.split('class="brief-column"')[1:]:
        # Each column either quotes paragraphs or says plainly that the brief does not address the issue.
        assert ("<blockquote" in piece) != ('class="not-addressed"' in piece), topic


def test_a_brief_with_nothing_on_the_issue_says_not_addressed(driver, server):
    open_page(driver, server.url("topics/sofa-and-treaty/index.html"))
    notes = driver.find_elements(By.CSS_SELECTOR, ".brief-column .not-addressed")
    assert notes and all(n.is_displayed() and n.text.startswith("Not addressed") for n in notes)
    column = notes[0].find_element(By.XPATH, "ancestor::section[contains(@class, 'brief-column')]")
    assert not column.find_elements(By.TAG_NAME, "blockquote")


def test_matrix_cells_link_to_the_matching_column(driver, server):
    open_page(driver, server.url("topics/index.html"))
    cells = driver.find_elements(By.CSS_SELECTOR, ".coverage-table td a")
    rows = driver.find_elements(By.CSS_SELECTOR, ".coverage-table tbody tr")
    columns = driver.find_elements(By.CSS_SELECTOR, ".coverage-table thead th")
    assert len(cells) == len(rows) * (len(columns) - 1)
    hrefs = [c.get_attribute("href") for c in cells]
    assert all(urlsplit(h).fragment.startswith("in-") for h in hrefs)
    # Follow one with a non-zero count: it lands on that brief's column, which quotes that many paragraphs.
    cell = next(c for c in cells if c.text.strip() not in ("", "0"))
    count, href = int(cell.text), cell.get_attribute("href")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", cell)
    cell.click()
    fragment = urlsplit(href).fragment
    state = driver.execute_script(
        "var c = document.getElementById(arguments[0]); var r = c.getBoundingClientRect();"
        "return {quotes: c.querySelectorAll('blockquote').length, top: r.top, hash: location.hash};", fragment)
    assert state["hash"] == "#" + fragment and state["quotes"] == count and 0 <= state["top"] < 900, state
