"""Issue 7: the Atom feeds and the sitemap of a site built with a base URL parse, and every URL in them
resolves against the served site — at the root of the origin and under /a/b/c/."""

import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest
from selenium.webdriver.common.by import By

from conftest import SUBPATH, open_page

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PREFIXES = ["/", SUBPATH]


def _status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def _fetch_xml(url):
    status, body = _status(url)
    assert status == 200, f"{url}: HTTP {status}"
    return ET.fromstring(body)


def _feed_urls(root, base):
    """Checks one Atom feed's required parts and returns every URL it names."""
    assert root.tag == f"{ATOM}feed"
    for required in ("title", "id", "updated"):
        assert root.find(f"{ATOM}{required}") is not None, f"feed without <{required}>"
    urls = [link.get("href") for link in root.iter(f"{ATOM}link")]
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for required in ("title", "id", "updated"):
            assert (entry.findtext(f"{ATOM}{required}") or "").strip(), f"entry without <{required}>"
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
    assert all(url and url.startswith(base) for url in urls), urls
    return urls, len(entries)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_site_feed_parses_and_every_url_resolves(published, prefix):
    server, _ = published
    base = server.url(prefix=prefix)
    urls, entries = _feed_urls(_fetch_xml(base + "feed.xml"), base)
    assert entries >= 5, "the site feed should list the commentary"
    broken = [f"{url}: {code}" for url in urls if (code := _status(url)[0]) != 200]
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_topic_feeds_parse_and_every_url_resolves(published, prefix):
    server, outputs = published
    base = server.url(prefix=prefix)
    feeds = sorted(p.relative_to(outputs[prefix]).as_posix() for p in (outputs[prefix] / "topics").glob("*/feed.xml"))
    topics = sorted(p.parent.name for p in (outputs[prefix] / "topics").glob("*/index.html"))
    assert len(feeds) == len(topics) >= 10
    broken = []
    for feed in feeds:
        urls, _ = _feed_urls(_fetch_xml(base + feed), base)
        broken += [f"{feed} → {url}: {code}" for url in urls if (code := _status(url)[0]) != 200]
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_sitemap_parses_and_lists_every_page_that_resolves(published, prefix):
    server, outputs = published
    base = server.url(prefix=prefix)
    root = _fetch_xml(base + "sitemap.xml")
    assert root.tag == f"{SITEMAP}urlset"
    locations = [loc.text.strip() for loc in root.iter(f"{SITEMAP}loc")]
    assert all(url.startswith(base) for url in locations), locations
    assert len(locations) == len(set(locations))
    pages = {p.relative_to(outputs[prefix]).as_posix() for p in outputs[prefix].rglob("index.html")}
    listed = {urlsplit(url).path[len(prefix):] + "index.html" for url in locations}
    assert pages <= listed, f"pages missing from the sitemap: {sorted(pages - listed)}"
    broken = [f"{url}: {code}" for url in locations if (code := _status(url)[0]) != 200]
    assert not broken, "\n".join(broken)
    robots = _status(base + "robots.txt")[1].decode()
    assert f"Sitemap: {base}sitemap.xml" in robots


@pytest.mark.parametrize("prefix", PREFIXES)
def test_canonical_and_feed_links_in_pages_resolve(driver, published, prefix):
    server, _ = published
    base = server.url(prefix=prefix)
    for page in ("index.html", "topics/host-nation-support/index.html", "briefs/positive-disruptor/index.html"):
        open_page(driver, base + page)
        canonical = driver.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href")
        assert canonical.startswith(base) and _status(canonical)[0] == 200, canonical
        assert canonical == urljoin(driver.current_url, "./"), "canonical URL names another page"
        feed = driver.find_element(By.CSS_SELECTOR, "link[rel=alternate][type='application/atom+xml']")
        assert _status(feed.get_attribute("href"))[0] == 200


def test_a_missing_url_is_reported(published):
    server, _ = published
    assert _status(server.url("no-such-page/"))[0] == 404


@pytest.mark.parametrize("prefix", PREFIXES)
def test_not_found_page_keeps_its_stylesheet_at_any_depth(driver, published, prefix):
    # Hosts serve 404.html for every missing address; with a base URL its links resolve from the root.
    server, _ = published
    missing = server.url("topics/no-such-issue/deeper/index.html", prefix=prefix)
    assert _status(missing)[0] == 404
    open_page(driver, missing)
    assert driver.execute_script("return getComputedStyle(document.querySelector('.skip-link')).position") == "absolute"
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE" and missing not in e["message"]]
    assert not errors, errors
    home = driver.find_element(By.CSS_SELECTOR, "main a")
    assert home.get_attribute("href") == server.url("index.html", prefix=prefix)
