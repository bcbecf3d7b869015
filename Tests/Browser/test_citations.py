"""Issue 16 item 2: a citation previews its ¶ on hover, focus or tap (a plain link without JavaScript);
each citing sentence has an id, and "cited by" lists each citing page once, linking to its sentences."""

from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import PAGE_TYPES, SITE, make_driver, open_page, set_viewport, wait_for

COMMENTARY = PAGE_TYPES["commentary"]


def _paragraph_text(driver, href):
    """The text of the ¶ a citation points to, read from the brief page itself."""
    current = driver.current_url
    open_page(driver, href)
    # The element id, without a text directive (#p8:~:text=…) the link may carry.
    paragraph = urlsplit(href).fragment.split(":~:")[0]
    text = driver.find_element(By.CSS_SELECTOR, f"#{paragraph} .para-text").text
    open_page(driver, current)
    return " ".join(text.split())


def test_keyboard_focus_opens_the_preview_and_escape_closes_it(driver, server):
    open_page(driver, server.url(COMMENTARY))
    href = driver.find_element(By.CSS_SELECTOR, ".prose a.citation").get_attribute("href")
    expected = _paragraph_text(driver, href)
    # Tab from the top of the page until a citation has the focus: the keyboard alone reaches the preview.
    for _ in range(80):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script("return document.activeElement.matches('a.citation')"):
            break
    focused = driver.switch_to.active_element
    assert "citation" in (focused.get_attribute("class") or ""), "Tab never reached a citation"
    assert focused.get_attribute("href") == href, "the first citation Tab reaches is the first in the text"
    wait_for(driver, "!document.getElementById('citation-preview').hidden")
    preview = driver.find_element(By.ID, "citation-preview")
    assert preview.get_attribute("role") == "tooltip" and preview.is_displayed()
    # It shows the cited paragraph, word for word, and its reference.
    assert " ".join(preview.find_element(By.CSS_SELECTOR, "blockquote").text.split()) == expected
    assert focused.text.split(",")[0] in preview.find_element(By.CSS_SELECTOR, ".preview-ref").text
    box = driver.execute_script("var p = arguments[0].getBoundingClientRect(); return [p.left, p.right, innerWidth];", preview)
    assert box[0] >= 0 and box[1] <= box[2], box
    # Screen readers hear the same paragraph: the link is described by the page's copy of it.
    described = focused.get_attribute("aria-describedby")
    assert described and expected[:80] in " ".join(driver.find_element(By.ID, described).get_attribute("textContent").split())
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    assert driver.execute_script("return document.getElementById('citation-preview').hidden")


def test_hover_previews_and_a_tap_previews_before_following(driver, server):
    open_page(driver, server.url(COMMENTARY))
    link = driver.find_elements(By.CSS_SELECTOR, ".prose a.citation")[2]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", link)
    ActionChains(driver).move_to_element(link).perform()
    wait_for(driver, "!document.getElementById('citation-preview').hidden")
    # A touch tap: the first shows the preview and stays on the page.
    before = driver.current_url
    driver.execute_script("""
        var a = arguments[0];
        document.getElementById('citation-preview').hidden = true;
        a.dispatchEvent(new PointerEvent('pointerdown', {pointerType: 'touch', bubbles: true}));
        a.click();""", link)
    assert driver.current_url == before
    assert not driver.execute_script("return document.getElementById('citation-preview').hidden")


def test_every_citation_has_its_paragraph_on_the_page():
    """The previews need no fetch: each cited ¶ is listed on the citing page (so it works from file://)."""
    for page in sorted(SITE.glob("commentary/*/index.html")):
        html = page.read_text(encoding="utf-8")
        import re
        for slug, anchor in re.findall(r'href="[^"]*briefs/([^/"]+)/index\.html#(p\d+)[^"]*" class="citation"', html):
            assert f'id="cited-{slug}-{anchor}"' in html, f"{page}: no copy of {slug} ¶{anchor}"


@pytest.fixture(scope="module")
def no_js():
    driver = make_driver(javascript=False)
    yield driver
    driver.quit()


def test_without_javascript_a_citation_is_a_plain_link(no_js, server):
    open_page(no_js, server.url(COMMENTARY))
    link = no_js.find_element(By.CSS_SELECTOR, ".prose a.citation")
    href = link.get_attribute("href")
    assert not no_js.find_elements(By.ID, "citation-preview")
    link.click()
    wait_for(no_js, "document.readyState === 'complete'")
    # Chromium keeps the text directive (#p8:~:text=…) out of the address it reports.
    assert no_js.current_url == href.split(":~:")[0] and "/briefs/" in href


def test_cited_by_lists_each_page_once_and_links_to_the_sentences(driver, server):
    set_viewport(driver, 1280)
    open_page(driver, server.url(PAGE_TYPES["brief"]))
    lists = driver.find_elements(By.CSS_SELECTOR, ".para .cited-by ul")
    assert lists
    targets = []
    for listing in lists:
        pages = [a.get_attribute("href") for a in listing.find_elements(By.CSS_SELECTOR, "li > a:first-child")]
        assert len(pages) == len(set(pages)), f"a page is listed twice: {pages}"
        for item in listing.find_elements(By.CSS_SELECTOR, "li"):
            page = item.find_element(By.CSS_SELECTOR, "a:first-child").get_attribute("href")
            sentences = item.find_elements(By.CSS_SELECTOR, "a.sentence")
            assert sentences
            for sentence in sentences:
                href = sentence.get_attribute("href")
                assert href.split("#")[0] == page and urlsplit(href).fragment.startswith("cite-")
                targets.append(href)
    # Following a sentence link lands on that citing sentence, which cites this brief.
    href = targets[0]
    open_page(driver, href)
    fragment = urlsplit(href).fragment
    cited = driver.execute_script("var e = document.getElementById(arguments[0]); return e && e.getAttribute('href');", fragment)
    assert cited and "briefs/positive-disruptor/" in cited, (href, cited)
