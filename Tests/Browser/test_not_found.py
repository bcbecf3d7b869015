"""Issue 16 item 6: the 404 page keeps its style at any depth, and with a base URL its links work
wherever the host serves it."""

from urllib.request import urlopen

import pytest
from selenium.webdriver.common.by import By

from conftest import SUBPATH, open_page

NESTED = "topics/no-such-issue/deeper/still"

STYLE = """
    var body = getComputedStyle(document.body), header = document.querySelector('.site-header');
    return {font: body.fontFamily, background: body.backgroundColor, header: getComputedStyle(header).display,
            nav: getComputedStyle(document.querySelector('.site-nav ul')).display,
            skip: getComputedStyle(document.querySelector('.skip-link')).position,
            main: document.querySelector('main').getBoundingClientRect().width};
"""


def _assert_styled(driver):
    facts = driver.execute_script(STYLE)
    assert "Charter" in facts["font"] or "serif" in facts["font"], facts
    assert facts["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), facts
    assert facts["header"] == "flex" and facts["nav"] == "flex" and facts["skip"] == "absolute", facts
    assert facts["main"] <= 48 * 16, facts  # the centred reading column, not the full window


def test_404_at_a_nested_path_is_styled_without_a_base_url(driver, server):
    open_page(driver, server.url(NESTED))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Page not found"
    _assert_styled(driver)


@pytest.mark.parametrize("prefix", ["/", SUBPATH])
def test_404_at_a_nested_path_has_working_links_with_a_base_url(driver, published, prefix):
    server, _ = published
    open_page(driver, server.url(NESTED, prefix=prefix))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Page not found"
    _assert_styled(driver)
    # The full stylesheet loaded too (its rules, not only the inline ones, apply).
    assert driver.execute_script("return Array.from(document.styleSheets).some(function (s) { return s.href && s.cssRules.length > 20; })")
    hrefs = driver.execute_script("return Array.from(document.links).map(function (a) { return a.href; })")
    assert len(hrefs) >= 8
    for href in set(hrefs):
        assert href.startswith(server.url("", prefix=prefix)), href
        with urlopen(href.split("#")[0]) as response:
            assert response.status == 200, href
    # Following the home link from the nested 404 lands on the home page.
    driver.find_element(By.CSS_SELECTOR, "main a").click()
    assert driver.current_url == server.url("index.html", prefix=prefix)
