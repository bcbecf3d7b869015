"""Screenshots at desktop and phone widths, and no horizontal scrolling on narrow screens."""

import re

import pytest

from conftest import PAGE_TYPES, emulate_media, open_page, set_viewport

SHOTS = {"home": PAGE_TYPES["home"], "topic": PAGE_TYPES["topic"], "brief": PAGE_TYPES["brief"],
         "commentary": PAGE_TYPES["commentary"], "search": "search/index.html?q=defence+spending"}

OVERFLOW = """
    var width = document.documentElement.clientWidth;
    var wide = [];
    document.querySelectorAll('body *').forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (r.width && r.right > width + 1) {
        // Content inside a box that scrolls on its own (a wide table) does not make the page scroll.
        for (var p = el.parentElement; p; p = p.parentElement) {
          var o = getComputedStyle(p).overflowX;
          if (o === 'auto' || o === 'scroll' || o === 'hidden') return;
        }
        wide.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' right=' + Math.round(r.right));
      }
    });
    return {scrollWidth: document.documentElement.scrollWidth, clientWidth: width,
            innerWidth: window.innerWidth, wide: wide.slice(0, 10)};
"""


def _full_page_screenshot(driver, path, width):
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    set_viewport(driver, width, min(max(height, 600), 16000))
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 5000


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("name", sorted(SHOTS))
def test_screenshot(driver, server, screenshots, name, width, scheme):
    set_viewport(driver, width)
    emulate_media(driver, dark=scheme == "dark")
    open_page(driver, server.url(SHOTS[name]))
    # prefers-color-scheme really switches the palette (dark background, light text, or the reverse).
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    level = sum(int(part) for part in re.findall(r"\d+", background)[:3]) / 3
    assert (level < 64) if scheme == "dark" else (level > 192), f"{scheme} mode background is {background}"
    suffix = "" if scheme == "light" else "-dark"
    _full_page_screenshot(driver, screenshots / f"{name}-{width}{suffix}.png", width)


def test_brief_page_at_375px_has_no_horizontal_scroll(driver, server):
    set_viewport(driver, 375)
    open_page(driver, server.url(PAGE_TYPES["brief"]))
    facts = driver.execute_script(OVERFLOW)
    assert facts["innerWidth"] == 375, "the viewport emulation did not apply"
    assert facts["scrollWidth"] <= facts["clientWidth"], facts
    assert not facts["wide"], facts


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_readable_at_320px(driver, server, kind):
    set_viewport(driver, 320)
    open_page(driver, server.url(PAGE_TYPES[kind]))
    facts = driver.execute_script(OVERFLOW)
    assert facts["scrollWidth"] <= facts["clientWidth"], facts
    assert not facts["wide"], facts
    # Body text stays at a readable size and the main column uses most of the screen.
    body = driver.execute_script("""
        var p = document.querySelector('.para-text, .prose p, .excerpt p, .cards li, main > p');
        var main = document.querySelector('main').getBoundingClientRect();
        return {font: parseFloat(getComputedStyle(p).fontSize), main: main.width};
    """)
    assert body["font"] >= 14, body
    assert body["main"] >= 280, body
    # The coverage table fits as it is; its box may scroll only as a last resort, not at 320 px.
    boxes = driver.execute_script("return Array.from(document.querySelectorAll('.coverage'))"
                                  ".map(function (b) { return [b.scrollWidth, b.clientWidth]; })")
    assert all(inner <= outer for inner, outer in boxes), boxes


def test_overflow_check_can_fail(driver, server):
    set_viewport(driver, 375)
    open_page(driver, server.url(PAGE_TYPES["brief"]))
    driver.execute_script("var d = document.createElement('div'); d.style.width = '900px'; d.textContent = 'x';"
                          "document.querySelector('main').appendChild(d);")
    facts = driver.execute_script(OVERFLOW)
    assert facts["scrollWidth"] > facts["clientWidth"] and facts["wide"]
