"""Issue 7's end-to-end search: typing "Host Nation Support" lists the paragraphs that discuss it, and
the first result lands on its ¶ anchor — at the root, under /a/b/c/, and opened from disk."""

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from selenium.webdriver.common.by import By

from conftest import SITE, SUBPATH, open_page, set_viewport, wait_for

QUERY = "Host Nation Support"


def _index():
    """The committed site's entries (a small site's index is one file) as dicts."""
    source = (SITE / "search-index.js").read_text(encoding="utf-8").strip()
    prefix = "window.dossierSearchIndex = "
    assert source.startswith(prefix)
    index = json.loads(source[len(prefix):].rstrip(";"))
    return [dict(zip(("kind", "title", "url", "text"), record)) for record in index["entries"]]


def _expected_urls():
    """Index entries whose title or text has every word of the query at the start of a word (what the page must list)."""
    words = QUERY.lower().split()
    return {e["url"] for e in _index()
            if all(re.search(r"\b" + w, (e["title"] + " " + e["text"]).lower()) for w in words)}


def _search(driver, url):
    open_page(driver, url)
    box = driver.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys(QUERY)
    wait_for(driver, "document.querySelectorAll('#search-results li a').length > 0")
    links = driver.find_elements(By.CSS_SELECTOR, "#search-results li a")
    status = driver.find_element(By.ID, "search-status").text
    return links, status


def _follow_first(driver, links):
    """Follows the first result that is a brief paragraph."""
    first = next(link for link in links if "/briefs/" in link.get_attribute("href"))
    assert first.is_displayed()
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", first)
    first.click()
    fragment = wait_for(driver, "document.readyState === 'complete' && location.hash.slice(1)")
    assert fragment.startswith("p") and fragment[1:].isdigit(), driver.current_url
    state = driver.execute_script("""
        var el = document.getElementById(location.hash.slice(1));
        var r = el.getBoundingClientRect();
        return {target: el.matches(':target'), top: r.top, height: innerHeight, text: el.textContent};
    """)
    assert state["target"] and 0 <= state["top"] < state["height"], state
    assert QUERY.lower() in " ".join(state["text"].split()).lower(), "the first result does not discuss the query"
    return urlsplit(driver.current_url)


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("prefix", ["/", SUBPATH])
def test_typing_lists_the_paragraphs_and_first_result_lands_on_its_anchor(driver, server, prefix, width):
    set_viewport(driver, width)
    expected = _expected_urls()
    assert len(expected) >= 3, "the index should hold several paragraphs about Host Nation Support"
    links, status = _search(driver, server.url("search/index.html", prefix=prefix))
    shown = set()
    for link in links:
        parts = urlsplit(link.get_attribute("href"))
        shown.add(parts.path[len(prefix):] + ("#" + parts.fragment if parts.fragment else ""))
    assert expected <= shown, f"missing results: {sorted(expected - shown)}"
    assert str(len(links)) in status and QUERY in status
    # A page whose title holds every word comes first.
    assert QUERY.lower() in links[0].text.lower()
    landed = _follow_first(driver, links)
    assert landed.path.startswith(prefix + "briefs/"), landed


def test_query_in_the_address_is_searched_on_load(driver, server):
    open_page(driver, server.url("search/index.html?q=Host+Nation+Support"))
    wait_for(driver, "document.querySelectorAll('#search-results li').length > 0")
    assert driver.find_element(By.ID, "search-input").get_attribute("value") == QUERY


def test_no_results_are_reported(driver, server):
    open_page(driver, server.url("search/index.html?q=zzqxjv"))
    status = wait_for(driver, "document.getElementById('search-status').textContent")
    assert status.startswith("0 results")
    assert not driver.find_elements(By.CSS_SELECTOR, "#search-results li")


def test_search_works_from_disk(driver, disk_copy):
    # The index is a script, not a fetched file, so file:// pages can search too.
    links, status = _search(driver, (disk_copy / "search" / "index.html").as_uri())
    assert "results" in status
    landed = _follow_first(driver, links)
    assert landed.scheme == "file" and "/briefs/" in landed.path


def test_pages_open_from_disk_and_links_stay_on_disk(driver, disk_copy):
    open_page(driver, (disk_copy / "index.html").as_uri())
    assert driver.find_element(By.TAG_NAME, "h1").text
    # The stylesheet applied (the page is not unstyled) and every link resolves to a file on disk.
    assert driver.execute_script("return getComputedStyle(document.querySelector('.skip-link')).position") == "absolute"
    hrefs = driver.execute_script("return Array.from(document.links).map(function (a) { return a.href; })")
    local = [h for h in hrefs if h.startswith("file:")]
    assert local and all(urlsplit(h).path.endswith((".html", ".xml")) for h in local), local
    for href in local:
        assert Path(unquote(urlsplit(href).path)).is_file(), href
    topic = driver.find_element(By.CSS_SELECTOR, "#coverage tbody a")
    topic.click()
    wait_for(driver, "document.readyState === 'complete'")
    assert driver.current_url.startswith("file:") and "/topics/" in driver.current_url
