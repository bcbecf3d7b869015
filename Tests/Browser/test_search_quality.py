"""Issue 16 item 7: search that reads well, on fixed queries against the committed site, and a split index
on a large generated site that still works from file:// and downloads little for the first query."""

import json
import random
import re
import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import SITE, open_page, wait_for

KINDS = {"Brief ¶", "Issue", "Commentary", "Page"}


def _entries():
    source = (SITE / "search-index.js").read_text(encoding="utf-8").strip()
    index = json.loads(source[len("window.dossierSearchIndex = "):].rstrip(";"))
    return {record[2]: record for record in index["entries"]}


def _results(driver, url, query):
    open_page(driver, url + "?q=" + query.replace(" ", "+"))
    wait_for(driver, "/result/.test(document.getElementById('search-status').textContent)")
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('#search-results li')).map(function (li) {
          var a = li.querySelector('a'), p = li.querySelector('p');
          return {kind: li.querySelector('.result-kind').textContent, title: a.textContent,
                  url: a.getAttribute('href').replace(/^.*?(briefs|topics|commentary|about)\\//, '$1/'),
                  snippet: p.textContent, marks: Array.from(li.querySelectorAll('mark')).map(function (m) { return m.textContent; })};
        });""")


@pytest.fixture()
def search(driver, server):
    return lambda query: _results(driver, server.url("search/index.html"), query)


def test_a_title_match_ranks_first(search):
    results = search("Quad")
    assert results[0]["kind"] == "Issue" and results[0]["title"].startswith("The Quad"), results[:3]
    assert "Quad" in results[0]["marks"]


def test_whole_words_only_abe_is_not_inside_capabilities(search):
    results = search("abe")
    assert results
    for result in results:
        assert result["marks"] and all(m.lower().startswith("abe") for m in result["marks"]), result
    entries = _entries()
    for result in results:
        text = entries[result["url"]][1] + " " + entries[result["url"]][3]
        assert re.search(r"\bAbe", text), f"{result['url']} matched without the word Abe"


def test_british_and_american_spellings_find_the_same(search):
    defence, defense = search("defence"), search("defense")
    assert defence and [r["url"] for r in defence] == [r["url"] for r in defense]
    marks = {m.lower() for r in defence for m in r["marks"]}
    assert {"defence", "defense"} <= marks, marks


def test_simple_stemming_and_prefixes(search):
    negotiating = {r["url"] for r in search("negotiating")}
    assert negotiating == {r["url"] for r in search("negotiations")} and len(negotiating) >= 3
    capab = search("capab")
    assert capab and all(any(m.lower().startswith("capab") for m in r["marks"]) for r in capab)


def test_snippets_start_and_end_on_word_boundaries_with_marked_terms(search):
    entries = _entries()
    for query in ("host nation support", "alliance", "Trump"):
        results = search(query)
        assert results, query
        for result in results:
            assert result["kind"] in KINDS, result
            assert result["marks"], f"nothing highlighted in {result}"
            body = re.sub(r"\s+", " ", entries[result["url"]][3])
            shown = result["snippet"].strip("…")
            at = body.find(shown)
            assert at >= 0, (shown, result["url"])
            end = at + len(shown)
            assert at == 0 or not body[at - 1].isalnum(), f"snippet starts mid-word: …{body[at - 10:at + 10]}"
            assert end == len(body) or not body[end].isalnum(), f"snippet ends mid-word: {body[end - 10:end + 10]}…"
            assert result["snippet"].startswith("…") == (at > 0)


def test_kind_labels(search):
    kinds = {r["kind"] for r in search("Japan")}
    assert {"Brief ¶", "Issue", "Commentary"} <= kinds, kinds


def test_the_query_stays_in_both_boxes(driver, server):
    open_page(driver, server.url("search/index.html?q=burden+sharing"))
    wait_for(driver, "document.querySelectorAll('#search-results li').length > 0")
    assert driver.find_element(By.ID, "search-input").get_attribute("value") == "burden sharing"
    assert driver.find_element(By.ID, "site-search-q").get_attribute("value") == "burden sharing"


# ---------------------------------------------------------------- a large site: the split index

WORDS = ("alliance harbour tariff deterrence treaty coalition shipping budget minister summit trade security "
         "partner region strategy pressure negotiation island base cost reform election market bilateral").split()


@pytest.fixture(scope="module")
def large_site(tmp_path_factory, dossier_binary):
    root = tmp_path_factory.mktemp("large")
    content = root / "content"
    (content / "commentary").mkdir(parents=True)
    (content / "topics").mkdir()
    (content / "site.yml").write_text("title: Large\n")
    (content / "topics" / "harbours.md").write_text("---\ntitle: Harbours\nsummary: Ports.\naliases: [harbour]\n---\nPorts.\n")
    rng = random.Random(16)
    for number in range(1500):
        text = " ".join(rng.choice(WORDS) for _ in range(120))
        extra = " The zeppelin arrived." if number % 500 == 7 else ""
        (content / "commentary" / f"piece-{number:04}.md").write_text(
            f"---\ntitle: Piece {number} on {rng.choice(WORDS)}\ndate: 2024-01-01\n---\n{text.capitalize()}.{extra}\n")
    subprocess.run([str(dossier_binary), "build", "--quiet", "--templates", str(SITE.parent / "templates")],
                   cwd=root, check=True, capture_output=True)
    return root / "site"


def test_a_large_index_is_split_and_searched_from_disk(driver, large_site):
    manifest = (large_site / "search-index.js").read_text(encoding="utf-8")
    assert '"keys"' in manifest and len(manifest) < 20_000, "the first download is the small manifest"
    shards = list((large_site / "search").glob("t-*.js"))
    chunks = list((large_site / "search").glob("e-*.js"))
    assert len(shards) > 5 and len(chunks) > 50
    results = _results(driver, (large_site / "search" / "index.html").as_uri(), "zeppelin")
    assert len(results) == 3 and all(r["marks"] == ["zeppelin"] for r in results), results
    loaded = driver.execute_script("return Array.from(document.scripts).map(function (s) { return s.src; })"
                                   ".filter(function (s) { return /\\/search\\/[te]-/.test(s); })")
    # One term shard and the chunks of the three results; not the whole index.
    assert 1 <= len([s for s in loaded if "/t-" in s]) <= 2 and len([s for s in loaded if "/e-" in s]) <= 3, loaded
    total = sum((large_site / "search" / s.rsplit("/", 1)[1]).stat().st_size for s in loaded)
    whole = sum(p.stat().st_size for p in shards + chunks)
    assert total < whole / 20, (total, whole)
