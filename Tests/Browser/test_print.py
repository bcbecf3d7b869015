"""Paper: with print media emulated, navigation is hidden, link targets are printed, and the
brief's ¶ numbers and original page numbers are kept."""

import base64

from selenium.webdriver.common.by import By

from conftest import PAGE_TYPES, emulate_media, open_page

HIDDEN_IN_PRINT = [".site-nav", ".site-search", ".skip-link", ".site-footer"]


def _display(driver, selector):
    return driver.execute_script(
        "var e = document.querySelector(arguments[0]); return e ? getComputedStyle(e).display : null;", selector)


def _after(driver, element):
    return driver.execute_script("return getComputedStyle(arguments[0], '::after').content", element)


def test_screen_shows_navigation_and_no_link_targets(driver, server):
    open_page(driver, server.url(PAGE_TYPES["commentary"]))
    assert _display(driver, ".site-nav") != "none"
    citation = driver.find_element(By.CSS_SELECTOR, ".prose a.citation")
    assert "index.html" not in _after(driver, citation)


def test_print_hides_navigation_and_prints_link_targets(driver, server):
    open_page(driver, server.url(PAGE_TYPES["commentary"]))
    emulate_media(driver, "print")
    for selector in HIDDEN_IN_PRINT:
        assert _display(driver, selector) in ("none", None), f"{selector} is printed"
    assert driver.find_element(By.TAG_NAME, "h1").is_displayed()
    citations = driver.find_elements(By.CSS_SELECTOR, ".prose a.citation")
    assert citations
    for link in citations:
        assert link.get_dom_attribute("href") in _after(driver, link), _after(driver, link)
    others = driver.find_elements(By.CSS_SELECTOR, ".prose a[href]:not(.citation)")
    for link in others:
        assert link.get_dom_attribute("href") in _after(driver, link)


def test_print_keeps_paragraph_and_page_numbers(driver, server):
    open_page(driver, server.url(PAGE_TYPES["brief"]))
    emulate_media(driver, "print")
    assert _display(driver, ".site-nav") == "none"
    numbers = driver.find_elements(By.CSS_SELECTOR, ".para .pnum")
    pages = driver.find_elements(By.CSS_SELECTOR, ".para .page")
    assert numbers and pages
    assert all(n.is_displayed() and n.text.startswith("¶") for n in numbers)
    assert all(p.is_displayed() and p.text.startswith("p.") for p in pages)
    # The ¶ number sits with its paragraph, not in a margin column that paper does not have.
    position = driver.execute_script("return getComputedStyle(document.querySelector('.para-meta')).position")
    assert position == "static"
    # The link to the brief's source text is printed with its target.
    source = driver.find_element(By.CSS_SELECTOR, ".meta-list a[href]")
    assert source.get_dom_attribute("href") in _after(driver, source)


def test_print_to_pdf(driver, server, screenshots):
    """Chromium's own print path renders the brief; the PDF is kept next to the screenshots."""
    open_page(driver, server.url(PAGE_TYPES["brief"]))
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
    data = base64.b64decode(pdf["data"])
    assert data.startswith(b"%PDF") and len(data) > 10000
    (screenshots / "brief-print.pdf").write_bytes(data)
