"""Shared fixtures for the browser checks: a loopback static server and a headless Chromium.

Everything runs against the committed site/ (make site-check has made sure it is current).
Nothing is downloaded: Chromium and its driver are Debian's, found at fixed paths.
"""

import http.server
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[2]
SITE = REPO / "site"
SCREENSHOTS = REPO / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SUBPATH = "/a/b/c/"

# One representative page of each kind the site has, as paths relative to site/.
PAGE_TYPES = {
    "home": "index.html",
    "topics-index": "topics/index.html",
    "topic": "topics/host-nation-support/index.html",
    "briefs-index": "briefs/index.html",
    "brief": "briefs/positive-disruptor/index.html",
    "commentary-index": "commentary/index.html",
    "commentary": "commentary/host-nation-support-talks/index.html",
    "page": "about/index.html",
    "search": "search/index.html",
    "404": "404.html",
}


def site_pages(root=SITE):
    """Every HTML page under `root`, as sorted paths relative to it."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


# ---------------------------------------------------------------- static server

class _MountedHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files from the first mount whose URL prefix matches; unknown paths get 404.html."""

    mounts = {}  # URL prefix ("/a/b/c/") -> directory; set per server subclass

    def _mount_for(self, url_path):
        for prefix in sorted(self.mounts, key=len, reverse=True):
            if url_path.startswith(prefix):
                return prefix, Path(self.mounts[prefix])
        return None, None

    def translate_path(self, path):
        url_path = path.split("?", 1)[0].split("#", 1)[0]
        prefix, directory = self._mount_for(url_path)
        if directory is None:
            return str(Path("/nonexistent"))
        # Let the standard handler do its safe joining, relative to the mount.
        inner = "/" + url_path[len(prefix):]
        self.directory = str(directory)
        return super().translate_path(inner)

    def send_error(self, code, message=None, explain=None):
        prefix, directory = self._mount_for(self.path)
        page = directory / "404.html" if directory else None
        if code == 404 and page and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):
        pass  # keep pytest's output readable


class StaticServer:
    """A threaded HTTP server on 127.0.0.1 and an ephemeral port; mounts can be added while it runs."""

    def __init__(self, mounts=None):
        handler = type("Handler", (_MountedHandler,), {"mounts": dict(mounts or {})})
        handler.extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map)
        handler.extensions_map.update({".js": "text/javascript", ".xml": "application/xml", ".svg": "image/svg+xml"})
        self._handler = handler
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.port = self._server.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def mount(self, prefix, directory):
        self._handler.mounts[prefix] = str(directory)

    def url(self, path="", prefix="/"):
        return self.origin + prefix + path

    def close(self):
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture(scope="session")
def server():
    """site/ served at / and, as the same files, under /a/b/c/."""
    assert (SITE / "index.html").is_file(), "site/ has not been built"
    instance = StaticServer({"/": SITE, SUBPATH: SITE})
    yield instance
    instance.close()


# ---------------------------------------------------------------- browser

def _chrome_options(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--hide-scrollbars", "--force-color-profile=srgb",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking",
                     "--allow-file-access-from-files"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return options


def make_driver(javascript=True):
    """A headless Chromium; fails (never skips) when Debian's chromium or chromedriver is missing."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.fail("missing " + ", ".join(missing) + ": run `make browser-deps`", pytrace=False)
    # The driver's path is given, so Selenium Manager has nothing to look up or download.
    os.environ.setdefault("SE_OFFLINE", "true")
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=_chrome_options(javascript))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


@pytest.fixture(scope="session")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture()
def driver(browser):
    """The shared browser, reset to a 1280 px desktop viewport, screen media and light mode."""
    set_viewport(browser, 1280, 900)
    emulate_media(browser)
    browser.get_log("browser")  # drop whatever an earlier test left
    yield browser
    set_viewport(browser, 1280, 900)
    emulate_media(browser)


def set_viewport(driver, width, height=900, mobile=None):
    """Emulates a screen `width` CSS px wide (a phone when narrow, honouring the viewport meta tag)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1,
        "mobile": width < 800 if mobile is None else mobile,
    })


def emulate_media(driver, media="", dark=False):
    """Emulates `media` ("print" or "" for screen) and the colour scheme preference."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": media,
        "features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}],
    })


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


# ---------------------------------------------------------------- a build with a base URL

@pytest.fixture(scope="session")
def dossier_binary():
    """The dossier binary (DOSSIER_BIN, else .build/debug/dossier, built with `swift build` if missing)."""
    binary = Path(os.environ.get("DOSSIER_BIN", REPO / ".build" / "debug" / "dossier"))
    # Absolute, so tests may run it from another folder (the preview runs in a copy of the project).
    binary = binary if binary.is_absolute() else REPO / binary
    if not binary.is_file():
        subprocess.run(["swift", "build", "--product", "dossier"], cwd=REPO, check=True)
    assert binary.is_file(), f"no dossier binary at {binary}"
    return binary


@pytest.fixture(scope="session")
def published(tmp_path_factory, dossier_binary):
    """The site built with absolute base URLs, served both at / and under /a/b/c/ of one loopback origin.

    Returns (server, {prefix: output directory}).
    """
    instance = StaticServer()
    outputs = {}
    for prefix in ("/", SUBPATH):
        output = tmp_path_factory.mktemp("published") / "site"
        subprocess.run([str(dossier_binary), "build", "--quiet", "--base-url", instance.origin + prefix,
                        "--output", str(output)], cwd=REPO, check=True)
        instance.mount(prefix, output)
        outputs[prefix] = output
    yield instance, outputs
    instance.close()


@pytest.fixture(scope="session")
def disk_copy(tmp_path_factory):
    """A copy of site/ in a temporary folder, for file:// checks that must not depend on the checkout's path."""
    target = tmp_path_factory.mktemp("disk") / "site"
    shutil.copytree(SITE, target)
    return target


# Helpers used by several test modules.

def wait_for(driver, script, timeout=10):
    """Waits until the JavaScript expression `script` is truthy and returns its value."""
    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return " + script))


def open_page(driver, url):
    driver.get(url)
    wait_for(driver, "document.readyState === 'complete'")

