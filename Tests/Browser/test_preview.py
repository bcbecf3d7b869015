"""Issue 6 in a real browser: `dossier serve` reloads an open page when its source changes, shows a
failing build as an overlay naming path:line:col over the last good page, and clears it once fixed.

The preview runs on a copy of content/ and templates/, so the checkout is never touched.
"""

import queue
import re
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from conftest import REPO, open_page, wait_for

EDITED = "content/commentary/china-two-readings.md"
PAGE = "commentary/china-two-readings/"
OVERLAY = "document.getElementById('dossier-build-errors')"


def _answers(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture()
def preview(tmp_path, dossier_binary):
    """`dossier serve --port 0` over a copy of the project; yields (base URL, project folder)."""
    for folder in ("content", "templates"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    process = subprocess.Popen([str(dossier_binary), "serve", "--port", "0"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    base, seen, deadline = None, [], time.monotonic() + 60
    try:
        while base is None and time.monotonic() < deadline and process.poll() is None:
            try:
                line = lines.get(timeout=0.5)
            except queue.Empty:
                continue
            seen.append(line)
            match = re.search(r" at (http://127\.0\.0\.1:\d+/)", line)
            base = match.group(1) if match else None
        assert base, "the preview never said where it listens:\n" + "".join(seen)
        while not _answers(base + PAGE) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _answers(base + PAGE), "the first preview build never served " + PAGE
        yield base, tmp_path
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_editing_reloads_the_page_and_a_broken_build_shows_the_overlay_until_fixed(driver, preview, screenshots):
    base, project = preview
    source = project / EDITED
    original = source.read_text(encoding="utf-8")
    open_page(driver, base + PAGE)
    # A marker that only this load of the page has: gone after any reload.
    driver.execute_script("window.__previewMarker = 1")

    edited = original + "\nEdited while the page was open in the browser.\n"
    source.write_text(edited, encoding="utf-8")
    wait_for(driver, "window.__previewMarker === undefined && document.readyState === 'complete' && "
                     "document.body.textContent.includes('Edited while the page was open in the browser.')", timeout=20)
    assert wait_for(driver, OVERLAY + " === null")

    driver.execute_script("window.__previewMarker = 2")
    broken_line = len(edited.splitlines()) + 2
    source.write_text(edited + "\nSee [[no-such-page]].\n", encoding="utf-8")
    text = wait_for(driver, OVERLAY + " && " + OVERLAY + ".textContent", timeout=20)
    assert re.search(rf"{re.escape(EDITED)}:{broken_line}:5: error: unknown page 'no-such-page'", text), text
    # The overlay comes over the last good page, without a reload.
    assert driver.execute_script("return window.__previewMarker") == 2
    assert "Edited while the page was open in the browser." in driver.execute_script("return document.body.textContent")
    driver.save_screenshot(str(screenshots / "preview-overlay-1280.png"))

    source.write_text(original, encoding="utf-8")
    wait_for(driver, "window.__previewMarker === undefined && document.readyState === 'complete' && " + OVERLAY + " === null "
                     "&& !document.body.textContent.includes('Edited while the page was open in the browser.')", timeout=20)
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors
