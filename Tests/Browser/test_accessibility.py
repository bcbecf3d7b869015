"""axe-core (WCAG 2.0/2.1 A and AA rules) on one page of each kind, in light and dark mode, desktop and phone."""

import json

import pytest
from selenium_axe_python import Axe

from conftest import PAGE_TYPES, emulate_media, open_page, set_viewport

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def _describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node.get('failureSummary', '').strip()}")
    return "\n".join(lines)


def _scan(driver):
    axe = Axe(driver)
    axe.inject()
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return axe.run(options=json.dumps(options))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_no_serious_or_critical_violations(driver, server, kind, width, scheme):
    set_viewport(driver, width)
    emulate_media(driver, dark=scheme == "dark")
    open_page(driver, server.url(PAGE_TYPES[kind]))
    results = _scan(driver)
    assert results["testEngine"]["name"] == "axe-core"
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{PAGE_TYPES[kind]} at {width}px, {scheme}:\n" + _describe(blocking)


def test_scan_can_fail(driver, server):
    """The scan reports a planted contrast failure, so a clean result above means something."""
    open_page(driver, server.url(PAGE_TYPES["page"]))
    driver.execute_script("var p = document.querySelector('main .prose p'); p.style.color = '#ccc'; p.style.background = '#fff';")
    results = _scan(driver)
    assert any(v["id"] == "color-contrast" for v in results["violations"]), _describe(results["violations"])
