"""Paper (issue 16 item 5): with print media emulated, navigation is hidden; with a base URL links print
their absolute address, without one internal links print no target; each printout carries the page's
title, URL (when known) and date; paragraphs may break across pages; ¶ numbers sit in the margin."""

import base64
import re

from selenium.webdriver.common.by import By

from conftest import PAGE_TYPES, emulate_media, open_page

HIDDEN_IN_PRINT = [".site-nav", ".site-search", ".skip-link", ".site-footer", ".para-more"]


def _display(driver, selector):
    """The element's display, or "none" when it or an ancestor is not rendered."""
    return driver.execute_script(
        "var e = document.querySelector(arguments[0]); if (!e) return null;"
        "return e.checkVisibility() ? getComputedStyle(e).display : 'none';", selector)


def _after(driver, element):
    return driver.execute_script("return getComputedStyle(arguments[0], '::after').content", element)


def test_screen_shows_navigation_and_no_link_targets(driver, server):
    open_page(driver, server.url(PAGE_TYPES["commentary"]))
    assert _display(driver, ".site-nav") != "none"
    assert _display(driver, ".print-source") == "none"
    citation = driver.find_element(By.CSS_SELECTOR, ".prose a.citation")
    assert "index.html" not in _after(driver, citation)


def test_without_a_base_url_internal_links_print_no_target(driver, server):
    open_page(driver, server.url(PAGE_TYPES["commentary"]))
    emulate_media(driver, "print")
    for selector in HIDDEN_IN_PRINT:
        assert _display(driver, selector) in ("none", None), f"{selector} is printed"
    links = driver.find_elements(By.CSS_SELECTOR, "main a[href]")
    assert len(links) > 10
    for link in links:
        printed = _after(driver, link)
        assert "index.html" not in printed and "../" not in printed, f"{link.get_dom_attribute('href')} prints {printed}"
    # The printout says what it is: title and site, and the page's date; no URL is known.
    source = driver.find_element(By.CSS_SELECTOR, ".print-source")
    assert source.is_displayed()
    title = driver.find_element(By.TAG_NAME, "h1").text
    assert source.text.startswith(title) and "Alliance Dossier" in source.text
    assert re.search(r"dated \d{4}-\d{2}-\d{2}", source.text)
    assert "http" not in source.text


def test_with_a_base_url_links_print_absolute_addresses(driver, published):
    server, _ = published
    open_page(driver, server.url(PAGE_TYPES["commentary"]))
    emulate_media(driver, "print")
    citations = driver.find_elements(By.CSS_SELECTOR, ".prose a.citation")
    others = driver.find_elements(By.CSS_SELECTOR, ".prose a[href]:not(.citation)")
    assert citations and others
    for link in citations + others:
        printed = _after(driver, link)
        # The printed address is the link's own, absolute: what a reader can type from paper.
        assert link.get_attribute("href") in printed and server.origin in printed, printed
    source = driver.find_element(By.CSS_SELECTOR, ".print-source").text
    canonical = driver.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href")
    assert canonical.startswith(server.origin) and canonical in source


def test_printout_is_stamped_with_the_print_date(driver, server):
    open_page(driver, server.url(PAGE_TYPES["brief"]))
    driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    stamp = driver.find_element(By.CSS_SELECTOR, ".print-source .printed-on").get_attribute("textContent")
    assert re.fullmatch(r" · printed \d{4}-\d{2}-\d{2}", stamp), stamp


def test_print_keeps_paragraph_numbers_in_the_margin_and_lets_paragraphs_break(driver, server):
    open_page(driver, server.url(PAGE_TYPES["brief"]))
    emulate_media(driver, "print")
    assert _display(driver, ".site-nav") == "none"
    numbers = driver.find_elements(By.CSS_SELECTOR, ".para .pnum")
    pages = driver.find_elements(By.CSS_SELECTOR, ".para .page")
    assert numbers and pages
    assert all(n.is_displayed() and n.text.startswith("¶") for n in numbers)
    assert all(p.is_displayed() and p.text.startswith("p.") for p in pages)
    facts = driver.execute_script("""
        return Array.from(document.querySelectorAll('.para')).map(function (p) {
          var n = p.querySelector('.para-num').getBoundingClientRect(), t = p.querySelector('.para-text').getBoundingClientRect();
          return {numberRight: n.right, textLeft: t.left, breakInside: getComputedStyle(p).breakInside,
                  textBreak: getComputedStyle(p.querySelector('.para-text')).breakInside};
        });""")
    for fact in facts:
        assert fact["numberRight"] <= fact["textLeft"], fact  # in the margin, left of the text
        # A long paragraph must not be pushed whole to the next page, leaving half of this one blank.
        assert fact["breakInside"] == "auto" and fact["textBreak"] == "auto", fact


def test_print_to_pdf_has_no_mostly_blank_first_page(driver, server, screenshots):
    """Chromium's own print path renders the brief; the PDF is kept next to the screenshots."""
    open_page(driver, server.url(PAGE_TYPES["brief"]))
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
    data = base64.b64decode(pdf["data"])
    assert data.startswith(b"%PDF") and len(data) > 10000
    (screenshots / "brief-print.pdf").write_bytes(data)
    # Measure how full page 1 is: the content above the second page's start, against the page height.
    emulate_media(driver, "print")
    filled = driver.execute_script("""
        var pageHeight = (297 - 16 - 18) / 25.4 * 96;  // A4 less the @page margins, in CSS px
        var bottom = 0;
        document.querySelectorAll('main p, main h1, main h2, main dl').forEach(function (el) {
          var r = el.getBoundingClientRect();
          if (r.height && r.top < pageHeight) bottom = Math.max(bottom, Math.min(r.bottom, pageHeight));
        });
        return bottom / pageHeight;""")
    assert filled > 0.8, f"page 1 is only {filled:.0%} full"
