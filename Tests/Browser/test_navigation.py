"""Issue 5's "done when", clicked through in the browser on a phone and a desktop screen:
home → any issue; issue → the exact paragraph of a brief → back; commentary citation → paragraph → back."""

from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By

from conftest import SITE, open_page, set_viewport, wait_for

TOPICS = sorted(p.parent.name for p in (SITE / "topics").glob("*/index.html"))
WIDTHS = [375, 1280]


def _path(driver):
    return urlsplit(driver.current_url).path


def _click(driver, element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()
    wait_for(driver, "document.readyState === 'complete'")


def _assert_on_target_paragraph(driver):
    """The URL names a paragraph, the browser shows it as :target (or cited), and it is on screen."""
    fragment = urlsplit(driver.current_url).fragment
    assert fragment.startswith("p") and fragment[1:].isdigit(), driver.current_url
    state = wait_for(driver, """(function () {
        var el = document.getElementById(location.hash.slice(1));
        if (!el) return null;
        var r = el.getBoundingClientRect();
        // A citation carrying the quoted words (#p8:~:text=…) leaves :target unset; the site marks the ¶ instead.
        return {target: el.matches(':target') || el.classList.contains('is-cited'), top: r.top, bottom: r.bottom, height: innerHeight,
                cls: el.className, mark: getComputedStyle(el).backgroundColor};
    })()""")
    assert state["target"] and "para" in state["cls"], state
    assert 0 <= state["top"] < state["height"], f"paragraph {fragment} is not on screen: {state}"
    assert state["mark"] not in ("rgba(0, 0, 0, 0)", "transparent"), "the target paragraph is not highlighted"
    return fragment


@pytest.mark.parametrize("width", WIDTHS)
def test_home_reaches_every_issue(driver, server, width):
    set_viewport(driver, width)
    assert len(TOPICS) >= 10
    for slug in TOPICS:
        open_page(driver, server.url("index.html"))
        _click(driver, driver.find_element(By.CSS_SELECTOR, ".site-nav a[href$='topics/index.html']"))
        assert _path(driver) == "/topics/index.html"
        link = driver.find_element(By.CSS_SELECTOR, f"main .cards a[href='{slug}/index.html']")
        assert link.is_displayed()
        _click(driver, link)
        assert _path(driver) == f"/topics/{slug}/index.html"
        assert driver.find_element(By.TAG_NAME, "h1").text.strip()


@pytest.mark.parametrize("width", WIDTHS)
def test_home_coverage_links_to_issues_and_briefs(driver, server, width):
    set_viewport(driver, width)
    open_page(driver, server.url("index.html"))
    links = driver.find_elements(By.CSS_SELECTOR, "#coverage a")
    hrefs = {urlsplit(a.get_attribute("href")).path for a in links}
    assert {f"/topics/{slug}/index.html" for slug in TOPICS} <= hrefs
    visible = [a for a in links if a.is_displayed()]
    assert visible, "the coverage table's links must be visible, not only to screen readers"
    _click(driver, visible[0])
    assert _path(driver) != "/index.html"


@pytest.mark.parametrize("width", WIDTHS)
def test_issue_to_exact_paragraph_and_back(driver, server, width):
    set_viewport(driver, width)
    topic = "/topics/host-nation-support/index.html"
    open_page(driver, server.url(topic.lstrip("/")))
    excerpt = driver.find_element(By.CSS_SELECTOR, "blockquote.excerpt footer a")
    _click(driver, excerpt)
    assert _path(driver).startswith("/briefs/")
    paragraph = _assert_on_target_paragraph(driver)

    # Back with the browser's own back button...
    driver.back()
    wait_for(driver, "document.readyState === 'complete'")
    assert _path(driver) == topic
    # ...and with the paragraph's own link to the issue.
    driver.forward()
    wait_for(driver, f"location.hash === '#{paragraph}'")
    # The ¶'s issues are folded into its one control: open it, then follow the tag.
    _click(driver, driver.find_element(By.CSS_SELECTOR, f"#{paragraph} details.para-more summary"))
    tag = driver.find_element(By.CSS_SELECTOR, f"#{paragraph} .tags a[href$='topics/host-nation-support/index.html']")
    assert tag.is_displayed()
    _click(driver, tag)
    assert _path(driver) == topic


@pytest.mark.parametrize("width", WIDTHS)
def test_commentary_citation_to_paragraph_and_back(driver, server, width):
    set_viewport(driver, width)
    commentary = "/commentary/host-nation-support-talks/index.html"
    open_page(driver, server.url(commentary.lstrip("/")))
    citations = driver.find_elements(By.CSS_SELECTOR, ".prose a.citation")
    assert citations, "the commentary has no citation links"
    _click(driver, citations[-1])
    assert _path(driver).startswith("/briefs/")
    paragraph = _assert_on_target_paragraph(driver)

    # The paragraph lists the commentary that cites it; open its fold and follow the link back to the
    # citing sentence itself.
    details = driver.find_element(By.CSS_SELECTOR, f"#{paragraph} details.para-more")
    _click(driver, details.find_element(By.TAG_NAME, "summary"))
    back = details.find_element(By.CSS_SELECTOR, ".cited-by a.sentence[href*='commentary/host-nation-support-talks/index.html#cite-']")
    assert back.is_displayed()
    _click(driver, back)
    assert _path(driver) == commentary
    sentence = driver.execute_script("var e = document.getElementById(location.hash.slice(1));"
                                     "return e && e.matches('a.citation') && e.getBoundingClientRect().top >= 0;")
    assert sentence, driver.current_url


@pytest.mark.parametrize("width", WIDTHS)
def test_brief_paragraph_numbers_link_to_themselves(driver, server, width):
    set_viewport(driver, width)
    open_page(driver, server.url("briefs/positive-disruptor/index.html"))
    numbers = driver.find_elements(By.CSS_SELECTOR, ".para .pnum")
    assert len(numbers) > 5
    assert all(n.is_displayed() for n in numbers)
    _click(driver, numbers[3])
    assert _assert_on_target_paragraph(driver) == "p4"


@pytest.mark.parametrize("width", WIDTHS)
def test_site_header_search_form_leads_to_results(driver, server, width):
    set_viewport(driver, width)
    open_page(driver, server.url("topics/host-nation-support/index.html"))
    box = driver.find_element(By.CSS_SELECTOR, ".site-header form[role=search] input[type=search]")
    assert box.is_displayed()
    box.send_keys("Tatsumi")
    box.submit()
    wait_for(driver, "document.querySelectorAll('#search-results li').length > 0")
    assert _path(driver) == "/search/index.html"
    assert driver.find_element(By.ID, "search-input").get_attribute("value") == "Tatsumi"
