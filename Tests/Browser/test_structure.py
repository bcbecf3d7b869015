"""Issue 16 items 4, 8 and 9: heading order on every page, "On this page" contents for long pieces,
sharing meta, and the slips (plurals, "the The", quotes, caption, contrast, footer, centred column)."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest
from selenium.webdriver.common.by import By

from conftest import PAGE_TYPES, SITE, emulate_media, open_page, set_viewport, site_pages

PAGES = site_pages()


class _Outline(HTMLParser):
    """The page's headings (level, text) in document order."""

    def __init__(self):
        super().__init__()
        self.headings = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self._open = [int(tag[1]), ""]

    def handle_data(self, data):
        if self._open:
            self._open[1] += data

    def handle_endtag(self, tag):
        if self._open and tag == f"h{self._open[0]}":
            self.headings.append((self._open[0], " ".join(self._open[1].split())))
            self._open = None


def outline(html):
    parser = _Outline()
    parser.feed(html)
    return parser.headings


def skips(headings):
    """Headings that go more than one level deeper than the one before (h1 then h3)."""
    found, previous = [], 0
    for level, text in headings:
        if level > previous + 1:
            found.append(f"h{previous} → h{level} “{text}”")
        previous = level
    return found


@pytest.mark.parametrize("page", PAGES)
def test_heading_levels_never_skip(page):
    headings = outline((SITE / page).read_text(encoding="utf-8"))
    assert headings and headings[0][0] == 1, f"{page} does not start with its h1: {headings[:2]}"
    assert not skips(headings), f"{page}: " + "; ".join(skips(headings))


def test_heading_check_can_fail():
    assert skips(outline("<h1>a</h1><h3>b</h3>")) and not skips(outline("<h1>a</h1><h2>b</h2><h3>c</h3><h2>d</h2>"))


def test_markdown_level_two_is_an_h2():
    html = (SITE / PAGE_TYPES["commentary"]).read_text(encoding="utf-8")
    assert '<h2 id="a-shared-forecast">A shared forecast</h2>' in html


@pytest.mark.parametrize("page", sorted(site_pages(SITE / "commentary")))
def test_long_pieces_have_contents_and_short_ones_do_not(driver, server, page):
    open_page(driver, server.url("commentary/" + page))
    sections = driver.find_elements(By.CSS_SELECTOR, ".prose > h2")
    contents = driver.find_elements(By.CSS_SELECTOR, "nav#contents a")
    if len(sections) >= 3:
        assert [a.text for a in contents] == [h.text for h in sections]
        assert driver.find_element(By.CSS_SELECTOR, "nav#contents h2").text == "On this page"
        contents[-1].click()
        assert driver.execute_script("return location.hash") == "#" + sections[-1].get_attribute("id")
    else:
        assert not contents


def test_no_contents_list_has_a_single_entry():
    for page in PAGES:
        html = (SITE / page).read_text(encoding="utf-8")
        for listing in re.findall(r'<nav class="toc".*?</nav>', html, re.S):
            assert listing.count("<li>") >= 3, f"{page}: a contents list with {listing.count('<li>')} entries"


def test_plain_labels():
    brief = (SITE / PAGE_TYPES["brief"]).read_text(encoding="utf-8")
    assert "Pages that cite this" in brief
    for page in PAGES:
        assert "What refers here" not in (SITE / page).read_text(encoding="utf-8"), page


def _text(page):
    html = (SITE / page).read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("page", PAGES)
def test_the_slips_stay_fixed(page):
    text = _text(page)
    assert not re.search(r"\b1 (paragraphs|citations|issues|pieces|shared paragraphs)\b", text), page
    assert not re.search(r"\b[Tt]he The\b", text), page
    head = (SITE / page).read_text(encoding="utf-8").split("</head>")[0]
    titles = re.findall(r'<title>(.*?)</title>|property="og:title" content="([^"]*)"', head)
    for title in ("".join(t) for t in titles):
        assert '"' not in title and "&quot;" not in title and "&#39;" not in title, f"{page}: straight quote in {title}"


def test_footer_does_not_repeat_the_site_title():
    footer = re.search(r'<footer class="site-footer".*?</footer>', (SITE / "index.html").read_text(encoding="utf-8"), re.S).group(0)
    assert "Alliance Dossier · Alliance Dossier" not in footer and "Edited by" in footer


def test_latest_commentary_leads_to_all_commentary(driver, server):
    open_page(driver, server.url("index.html"))
    link = driver.find_element(By.CSS_SELECTOR, "[aria-labelledby=latest-title] .more a")
    assert link.text.startswith("All commentary")
    link.click()
    assert driver.current_url.endswith("/commentary/index.html")


def _luminance(rgb):
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_matrix_cells_have_4_5_to_1_contrast_and_the_caption_shows_the_palette(driver, server, scheme):
    emulate_media(driver, dark=scheme == "dark")
    open_page(driver, server.url("topics/index.html"))
    cells = driver.execute_script("""
        return Array.from(document.querySelectorAll('.coverage-table td')).map(function (td) {
          return [td.className, getComputedStyle(td).backgroundColor, getComputedStyle(td.querySelector('a')).color];
        });""")
    for level in range(5):
        found = [c for c in cells if c[0] == f"level-{level}"]
        for _, background, color in found[:1]:
            a, b = sorted((_luminance(background), _luminance(color)), reverse=True)
            assert (a + 0.05) / (b + 0.05) >= 4.5, f"level-{level} in {scheme}: {color} on {background}"
    # The caption's swatches are the palette's own none and most shades, so it cannot contradict the cells.
    swatches = driver.execute_script("""
        return ['level-0', 'level-4'].map(function (l) {
          return getComputedStyle(document.querySelector('caption .swatch.' + l)).backgroundColor; });""")
    palette = {c[0]: c[1] for c in cells}
    assert swatches[0] == palette["level-0"] and swatches[1] == palette.get("level-4", swatches[1])


@pytest.mark.parametrize("kind", ["commentary", "brief", "page"])
def test_the_text_column_is_centred_at_1280(driver, server, kind):
    set_viewport(driver, 1280)
    open_page(driver, server.url(PAGE_TYPES[kind]))
    box = driver.execute_script("var r = document.querySelector('main h1').parentElement.getBoundingClientRect();"
                                "return [r.left, r.right, document.documentElement.clientWidth];")
    assert abs((box[0] + box[1]) / 2 - box[2] / 2) < 3, box


def test_sharing_meta_without_a_base_url():
    html = (SITE / PAGE_TYPES["commentary"]).read_text(encoding="utf-8")
    assert '<meta name="twitter:card" content="summary">' in html
    assert "og:image" not in html and "og:url" not in html  # they must be absolute: no base URL, no tag


def test_sharing_meta_with_a_base_url(published):
    server, outputs = published
    for page in (PAGE_TYPES["commentary"], PAGE_TYPES["topic"], "index.html"):
        html = (outputs["/"] / page).read_text(encoding="utf-8")
        meta = dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html))
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        assert meta["og:url"] == canonical and canonical.startswith(server.origin + "/")
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["og:image"].startswith(server.origin + "/") and meta["og:image"].endswith(".png")
        with urlopen(meta["og:image"]) as response:
            assert response.status == 200 and response.read(8) == b"\x89PNG\r\n\x1a\n"
        assert "“" in meta["og:title"] or '"' not in meta["og:title"]
