"""Every page in a real browser: no console errors, and the structure issue 5 asks of each page."""

import re
from html.parser import HTMLParser

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import PAGE_TYPES, SITE, make_driver, open_page, site_pages

PAGES = site_pages()


def _severe(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def test_console_is_clean_on_every_page(driver, server):
    assert len(PAGES) > 20
    problems = []
    for page in PAGES:
        open_page(driver, server.url(page))
        problems += [f"{page}: {entry['message']}" for entry in _severe(driver)]
    assert not problems, "browser console errors:\n" + "\n".join(problems)


def test_console_check_can_fail(driver, server):
    open_page(driver, server.url("index.html"))
    driver.execute_script("setTimeout(function () { console.error('planted error'); }, 0);")
    driver.execute_script("return new Promise(function (done) { setTimeout(done, 50); });")
    assert any("planted error" in entry["message"] for entry in _severe(driver))


def test_console_is_clean_under_a_subpath(driver, server):
    problems = []
    for page in PAGE_TYPES.values():
        open_page(driver, server.url(page, prefix="/a/b/c/"))
        problems += [f"/a/b/c/{page}: {entry['message']}" for entry in _severe(driver)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", PAGES)
def test_page_structure(driver, server, page):
    open_page(driver, server.url(page))
    facts = driver.execute_script("""
        var skip = document.querySelector('body > a.skip-link');
        return {
          lang: document.documentElement.lang,
          h1: document.querySelectorAll('h1').length,
          mains: document.querySelectorAll('main').length,
          skipTarget: skip ? skip.getAttribute('href') : null,
          title: document.title,
          stylesheets: Array.from(document.querySelectorAll('link[rel=stylesheet]')).map(function (l) { return l.href; }),
          styleElements: document.querySelectorAll('style, [style]').length,
          external: Array.from(document.querySelectorAll('script[src], link[rel=stylesheet], link[rel=icon], img[src], iframe'))
            .map(function (e) { return e.src || e.href; })
            .filter(function (u) { return new URL(u).origin !== location.origin; }),
        };
    """)
    assert facts["lang"] == "en"
    assert facts["h1"] == 1, f"{page} has {facts['h1']} h1 elements"
    assert facts["mains"] == 1
    assert facts["skipTarget"] == "#main" and driver.find_elements("id", "main")
    assert facts["title"].strip()
    assert len(facts["stylesheets"]) == 1 and facts["stylesheets"][0].endswith("/assets/site.css")
    # Styles belong in the one stylesheet; the 404 page alone inlines a little, to keep its look at any depth.
    assert facts["styleElements"] == (1 if page == "404.html" else 0), "styles belong in the one stylesheet"
    assert not facts["external"], f"external resources on {page}: {facts['external']}"


def test_skip_link_is_first_tab_stop_and_visibly_focused(driver, server):
    open_page(driver, server.url(PAGE_TYPES["brief"]))
    ActionChains(driver).send_keys(Keys.TAB).perform()
    focused = driver.switch_to.active_element
    assert "skip-link" in focused.get_attribute("class")
    box = driver.execute_script("var r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom];", focused)
    assert box[0] >= 0 and box[1] > box[0], "the focused skip link must be on screen"
    outline = driver.execute_script("var s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];", focused)
    assert outline[0] != "none" and outline[1] != "0px", f"no visible focus ring: {outline}"
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert driver.execute_script("return document.activeElement.id") == "main"
    # Further Tab presses reach links with a visible focus outline as well.
    ActionChains(driver).send_keys(Keys.TAB).perform()
    link = driver.switch_to.active_element
    assert link.tag_name == "a"
    assert driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", link) != "none"


class _MarkupCounter(HTMLParser):
    """Counts the bytes of a page that are text content; the rest is markup."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.text = 0
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text += len(data.encode("utf-8"))

    def handle_entityref(self, name):
        self.text += len(name) + 2

    def handle_charref(self, name):
        self.text += len(name) + 3


@pytest.mark.parametrize("topic", sorted(p.parent.name for p in (SITE / "topics").glob("*/index.html")))
def test_topic_page_weighs_under_30_kb_without_its_text(topic):
    html = (SITE / "topics" / topic / "index.html").read_text(encoding="utf-8")
    counter = _MarkupCounter()
    counter.feed(html)
    markup = len(html.encode("utf-8")) - counter.text
    css = (SITE / "assets" / "site.css").stat().st_size
    assert markup + css < 30 * 1024, f"{topic}: {markup} B of markup + {css} B of CSS"


def test_one_stylesheet_and_no_external_fonts_or_cdns():
    assert [p.name for p in (SITE / "assets").glob("*.css")] == ["site.css"]
    css = (SITE / "assets" / "site.css").read_text(encoding="utf-8")
    assert "@import" not in css and "@font-face" not in css
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)
    for page in PAGES:
        html = (SITE / page).read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)=\"(https?:)?//", html), page


@pytest.fixture(scope="module")
def browser_without_javascript():
    driver = make_driver(javascript=False)
    yield driver
    driver.quit()


def test_nothing_needs_javascript_to_be_read(browser_without_javascript, server):
    driver = browser_without_javascript
    open_page(driver, server.url(PAGE_TYPES["brief"]))
    assert driver.execute_script("return 1") == 1  # WebDriver's own scripts still run; the page's do not
    paragraphs = driver.find_elements("css selector", ".para-text")
    assert len(paragraphs) > 5 and all(p.is_displayed() and p.text.strip() for p in paragraphs)
    # A paragraph's fold (issues, citation, citing pages) opens without scripts: <details> is native.
    summary = driver.find_element("css selector", ".para details.para-more summary")
    summary.click()
    assert driver.find_element("css selector", ".para details.para-more[open] cite").is_displayed()
    # The search page says what it needs instead of showing an empty box that does nothing.
    open_page(driver, server.url("search/index.html?q=Host+Nation+Support"))
    status = driver.find_element("id", "search-status").text
    assert "needs JavaScript" in status
    assert not driver.find_elements("css selector", "#search-results li")


def test_every_kind_of_page_opens_from_disk(driver, disk_copy):
    problems = []
    for page in PAGE_TYPES.values():
        open_page(driver, (disk_copy / page).as_uri())
        styled = driver.execute_script("return getComputedStyle(document.querySelector('.skip-link')).position")
        if styled != "absolute":
            problems.append(f"{page}: the stylesheet did not load from disk")
        if not driver.find_element("tag name", "h1").text.strip():
            problems.append(f"{page}: no heading text")
        problems += [f"{page}: {entry['message']}" for entry in _severe(driver)]
    assert not problems, "\n".join(problems)
