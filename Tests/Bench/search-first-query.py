"""Sizes dossier's search on a built site: the index's files, and what the first query of a fresh
search page downloads (search-index.js and search.js, then the shards and chunks the query loads), in
headless Chromium from file://, as a reader opening the site from disk would.
Usage: .venv/bin/python Tests/Bench/search-first-query.py SITE_DIR   (needs `make browser-deps`)"""

import gzip
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Browser"))
from conftest import make_driver, wait_for  # noqa: E402

QUERIES = ["alliance", "maritime security", "host nation support", "tokyo budget talks", "senkaku",
           "cross-strait deterrence", "defence", "xylophone"]


def sizes(paths):
    raw = sum(p.stat().st_size for p in paths)
    packed = sum(len(gzip.compress(p.read_bytes(), 9)) for p in paths)
    return raw, packed


def kb(n):
    return f"{n / 1024:.0f} KB"


def main(site):
    site = Path(site).resolve()
    parts = sorted((site / "search").glob("[te]-*.js"))
    index = site / "search-index.js"
    raw, packed = sizes([index] + parts)
    print(f"| index files | {1 + len(parts)} | {kb(raw)} raw | {kb(packed)} gzip -9 |")
    print()
    print("| query | results | first query downloads (raw) | (gzip -9) | files | time to results |")
    print("|---|---:|---:|---:|---:|---:|")
    driver = make_driver()
    try:
        for query in QUERIES:
            driver.get((site / "search" / "index.html").as_uri() + "?q=" + query.replace(" ", "+"))
            start = time.monotonic()
            wait_for(driver, "/result/.test(document.getElementById('search-status').textContent)", timeout=60)
            elapsed = time.monotonic() - start
            status = driver.find_element("id", "search-status").text
            loaded = driver.execute_script("return Array.from(document.scripts).map(function (s) { return s.src; })")
            files = [Path(src[len("file://"):]) for src in loaded if src.startswith("file://")]
            raw, packed = sizes(files)
            print(f"| {query} | {status.split(' ')[0]} | {kb(raw)} | {kb(packed)} | {len(files)} | {elapsed * 1000:.0f} ms |")
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".bench/corpus-10000/site")
