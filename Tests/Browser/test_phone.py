"""Issue 16 item 3: briefs on a phone. The ¶ number comes before its paragraph, one control per ¶ holds
its issues, citation and citing pages, every target is at least 24 × 24 px (WCAG 2.5.8), and the phone
page is at most 1.5 times as tall as the desktop page."""

import pytest
from selenium.webdriver.common.by import By

from conftest import PAGE_TYPES, SITE, open_page, set_viewport

BRIEFS = sorted(f"briefs/{p.name}/index.html" for p in (SITE / "briefs").iterdir() if p.is_dir())

# Targets the 24 px rule covers: everything one taps, except links inside running text (WCAG's inline
# exception), which is where .para-text, .prose and quoted sentences put theirs.
SMALL_TARGETS = """
    var small = [];
    document.querySelectorAll('a[href], button, summary, input, select, textarea').forEach(function (el) {
      if (el.closest('.para-text, .prose p, .prose li, .standfirst, .site-footer p, .note, .skip-link')) return;
      var r = el.getBoundingClientRect();
      if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') return;
      if (r.width < 24 || r.height < 24)
        small.push(el.tagName.toLowerCase() + '.' + el.className + ' "' + el.textContent.trim().slice(0, 30) + '" '
                   + Math.round(r.width) + 'x' + Math.round(r.height));
    });
    return small;
"""


@pytest.mark.parametrize("page", BRIEFS + [PAGE_TYPES["topic"], PAGE_TYPES["home"], PAGE_TYPES["commentary"]])
def test_every_target_is_at_least_24px_at_375(driver, server, page):
    set_viewport(driver, 375)
    open_page(driver, server.url(page))
    # Open every fold, so the links inside are measured too.
    driver.execute_script("document.querySelectorAll('details').forEach(function (d) { d.open = true; })")
    small = driver.execute_script(SMALL_TARGETS)
    assert not small, f"{page}: targets under 24 px:\n" + "\n".join(small[:20])


def test_target_check_can_fail(driver, server):
    set_viewport(driver, 375)
    open_page(driver, server.url(PAGE_TYPES["brief"]))
    driver.execute_script("var a = document.createElement('a'); a.href = '#x'; a.textContent = 'x';"
                          "a.style.fontSize = '8px'; document.querySelector('.para-more').appendChild(a);"
                          "document.querySelector('.para-more').open = true;")
    assert driver.execute_script(SMALL_TARGETS)


def test_paragraph_number_comes_before_its_text(driver, server):
    set_viewport(driver, 375)
    open_page(driver, server.url(PAGE_TYPES["brief"]))
    facts = driver.execute_script("""
        return Array.from(document.querySelectorAll('.para')).slice(0, 8).map(function (p) {
          var n = p.querySelector('.pnum').getBoundingClientRect(), t = p.querySelector('.para-text').getBoundingClientRect();
          var more = p.querySelector('.para-more');
          return {numberTop: n.top, textTop: t.top, numberLeft: n.left, textRight: t.right,
                  controls: p.querySelectorAll(':scope > details, :scope > .para-meta').length,
                  tagsOutside: p.querySelectorAll('.tags').length - more.querySelectorAll('.tags').length,
                  foldedHeight: more.getBoundingClientRect().height};
        });
    """)
    for fact in facts:
        # On the first line of its paragraph, at the left: read before the text, not after it.
        assert abs(fact["numberTop"] - fact["textTop"]) < 12, fact
        assert fact["numberLeft"] < fact["textRight"] / 4, fact
        assert fact["controls"] == 1 and fact["tagsOutside"] == 0, fact
        assert fact["foldedHeight"] <= 40, fact  # one line, not ~150 px of tags and controls


@pytest.mark.parametrize("page", BRIEFS)
def test_phone_page_is_at_most_one_and_a_half_times_the_desktop_height(driver, server, page):
    heights = {}
    for width in (1280, 375):
        set_viewport(driver, width)
        open_page(driver, server.url(page))
        heights[width] = driver.execute_script("return document.documentElement.scrollHeight")
    assert heights[375] <= 1.5 * heights[1280], heights


def test_the_fold_holds_issues_citation_and_citing_pages(driver, server):
    set_viewport(driver, 375)
    open_page(driver, server.url(PAGE_TYPES["brief"]))
    fold = driver.find_element(By.CSS_SELECTOR, ".para-more:has(.cited-by)")
    summary = fold.find_element(By.TAG_NAME, "summary")
    assert "cite" in summary.text and "cited by" in summary.text
    assert not fold.find_element(By.CSS_SELECTOR, ".cited-by").is_displayed()
    summary.click()
    for selector in (".tags", ".cite", ".cited-by"):
        assert fold.find_element(By.CSS_SELECTOR, selector).is_displayed(), selector
    assert fold.find_element(By.CSS_SELECTOR, ".cited-by .label").text == "Pages that cite this"
